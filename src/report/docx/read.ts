// Reading a report back: the paragraphs and tables of a DOCX's body, in order, as the
// clerk sees them — each paragraph's kind (heading, list item, body text), its runs with
// their emphasis, and the content controls it lies in. What Word and LibreOffice each do to
// a saved file (runs split anew, rsids, bookmarks, tracked insertions, controls flattened)
// reads the same; deleted text, field codes, drawings and text boxes are not the body's.
// Used to rebuild without losing what the clerk typed in Word (roundtrip/).
import { parseXml, type Attrs, type XmlEvents } from '../../ooxml/xml.js';

export interface ReadInline {
  text: string;
  bold?: boolean;
  italics?: boolean;
  strike?: boolean;
  /** Highlighted: the placeholder's look, which text typed over it takes on. */
  highlight?: boolean;
  lineBreak?: boolean;
}

export type Unit =
  | {
      kind: 'paragraph';
      /** A heading's level (1–3, deeper as 3), else 0. */
      heading: number;
      /** A list item with Word's numbering: numbered or bulleted, and its level from 0. */
      list?: { ordered: boolean; level: number };
      pageBreak: boolean;
      inlines: ReadInline[];
      /** The tags of the block-level content controls it is in, outermost first. */
      tags: string[];
      /** The titles (aliases) of the controls it is in or holds (LibreOffice keeps these, not the tags). */
      aliases: string[];
    }
  | { kind: 'table'; rows: string[][]; tags: string[]; aliases: string[] };

export interface Body {
  units: Unit[];
  /** How many units the first section of the page layout holds (the report before its appendix). */
  firstSection: number;
}

/** Style ids and what they are, from styles.xml: a heading's level, or a list kind. */
interface StyleInfo {
  heading: Map<string, number>;
  list: Map<string, boolean>;
}

const on = (a: Attrs) => {
  const v = a.get('w:val') ?? a.get('val');
  return v === undefined || !/^(false|0|off|none)$/.test(v);
};
const val = (a: Attrs) => a.get('w:val') ?? a.get('val');

/** The heading and list styles of a styles.xml, by id (named as Word names them: "heading 1", "List Number"). */
export function readStyles(xml: string | undefined): StyleInfo {
  const info: StyleInfo = { heading: new Map(), list: new Map() };
  if (xml === undefined) return info;
  let id: string | undefined;
  parseXml(xml, () => ({
    open(local: string, a: Attrs) {
      if (local === 'style') id = a.get('w:styleId') ?? a.get('styleId');
      else if (local === 'name' && id !== undefined) {
        const name = (val(a) ?? '').toLowerCase();
        const level = /^heading ([1-9])$/.exec(name);
        if (level) info.heading.set(id, Math.min(3, Number(level[1])));
        else if (/^list number( [2-9])?$/.test(name)) info.list.set(id, true);
        else if (/^list bullet( [2-9])?$/.test(name)) info.list.set(id, false);
      }
    },
    close(local: string) {
      if (local === 'style') id = undefined;
    },
    text() {},
  }));
  return info;
}

/** Whether each numbering instance's levels are bulleted: numId → level → bullet. */
export function readNumbering(xml: string | undefined): (numId: string, level: number) => boolean | undefined {
  if (xml === undefined) return () => undefined;
  const abstract = new Map<string, Map<number, boolean>>();
  const nums = new Map<string, string>();
  let abstractId: string | undefined;
  let numId: string | undefined;
  let level = -1;
  parseXml(xml, () => ({
    open(local: string, a: Attrs) {
      if (local === 'abstractNum') {
        abstractId = a.get('w:abstractNumId') ?? a.get('abstractNumId');
        if (abstractId !== undefined) abstract.set(abstractId, new Map());
      } else if (local === 'lvl') level = Number(a.get('w:ilvl') ?? a.get('ilvl') ?? 0);
      else if (local === 'numFmt' && abstractId !== undefined && level >= 0)
        abstract.get(abstractId)!.set(level, val(a) === 'bullet');
      else if (local === 'num') numId = a.get('w:numId') ?? a.get('numId');
      else if (local === 'abstractNumId' && numId !== undefined) nums.set(numId, val(a) ?? '');
    },
    close(local: string) {
      if (local === 'abstractNum') abstractId = undefined;
      else if (local === 'lvl') level = -1;
      else if (local === 'num') numId = undefined;
    },
    text() {},
  }));
  return (id, lvl) => {
    const a = nums.get(id);
    const levels = a === undefined ? undefined : abstract.get(a);
    const bullet = levels?.get(lvl) ?? levels?.get(0);
    return bullet === undefined ? undefined : !bullet;
  };
}

/** Elements whose content is not the body's text: drawings and text boxes, deleted and moved-away text, field codes, formatting before a tracked change. */
const PASSED_OVER = new Set([
  'drawing',
  'pict',
  'object',
  'AlternateContent',
  'del',
  'moveFrom',
  'instrText',
  'delText',
  'footnoteReference',
  'endnoteReference',
  'commentReference',
  'rPrChange',
  'pPrChange',
]);

class BodyReader implements XmlEvents {
  readonly units: Unit[] = [];
  firstSection = -1;
  /** Block-level controls open around what is read: their tag and alias. */
  private controls: { tag: string; alias: string; block: boolean }[] = [];
  private pending: { tag: string; alias: string } | undefined;
  private inSdtPr = 0;
  private depth = { table: 0, paragraph: 0, pPr: 0, rPr: 0, run: 0 };
  private para: Extract<Unit, { kind: 'paragraph' }> | undefined;
  private numId: string | undefined;
  private ilvl = 0;
  private style: string | undefined;
  private sectionBreak = false;
  private run: Omit<ReadInline, 'text'> = {};
  private inText = false;
  private table: { rows: string[][]; row: string[] | undefined; cell: string[] | undefined; para: string } | undefined;
  private inlineAliases: string[] = [];

  constructor(
    private readonly styles: StyleInfo,
    private readonly numbering: (numId: string, level: number) => boolean | undefined,
  ) {}

  open(local: string, a: Attrs, empty: boolean): boolean | void {
    if (PASSED_OVER.has(local)) return !empty;
    if (this.inSdtPr > 0) {
      if (local === 'tag') this.pending!.tag = val(a) ?? '';
      else if (local === 'alias') this.pending!.alias = val(a) ?? '';
      // Every element closes, an empty one too.
      this.inSdtPr++;
      return;
    }
    switch (local) {
      case 'sdt':
        this.pending = { tag: '', alias: '' };
        return;
      case 'sdtPr':
        this.inSdtPr = 1;
        return;
      case 'sdtContent': {
        const p = this.pending ?? { tag: '', alias: '' };
        this.pending = undefined;
        // A control inside a paragraph (or a cell's paragraph) belongs to that paragraph.
        const block = this.depth.paragraph === 0 && this.depth.table === 0;
        if (!block && p.alias) this.inlineAliases.push(p.alias);
        this.controls.push({ ...p, block });
        return;
      }
      case 'tbl':
        if (this.depth.table++ === 0 && this.depth.paragraph === 0)
          this.table = { rows: [], row: undefined, cell: undefined, para: '' };
        return;
      case 'tr':
        if (this.depth.table === 1 && this.table) this.table.row = [];
        return;
      case 'tc':
        if (this.depth.table === 1 && this.table) this.table.cell = [];
        return;
      case 'p':
        if (this.depth.paragraph++ > 0) return;
        if (this.depth.table > 0) {
          if (this.table) this.table.para = '';
          return;
        }
        this.para = {
          kind: 'paragraph',
          heading: 0,
          pageBreak: false,
          inlines: [],
          tags: this.blockTags(),
          aliases: this.blockAliases(),
        };
        this.numId = undefined;
        this.ilvl = 0;
        this.style = undefined;
        this.sectionBreak = false;
        this.inlineAliases = [];
        return;
      case 'pPr':
        this.depth.pPr++;
        return;
      case 'rPr':
        this.depth.rPr++;
        return;
      case 'sectPr':
        if (this.depth.pPr > 0) this.sectionBreak = true;
        return true;
      case 'pStyle':
        if (this.depth.pPr > 0 && this.depth.rPr === 0) this.style = val(a);
        return;
      case 'ilvl':
        if (this.depth.pPr > 0) this.ilvl = Number(val(a) ?? 0) || 0;
        return;
      case 'numId':
        if (this.depth.pPr > 0) this.numId = val(a);
        return;
      case 'r':
        this.depth.run++;
        this.run = {};
        return;
      case 'b':
      case 'i':
      case 'strike':
      case 'dstrike':
      case 'highlight':
        if (this.depth.rPr > 0 && this.depth.pPr === 0 && this.depth.run > 0) {
          const set = local === 'highlight' ? val(a) !== 'none' : on(a);
          if (local === 'b') this.run.bold = set;
          else if (local === 'i') this.run.italics = set;
          else if (local === 'highlight') this.run.highlight = set;
          else this.run.strike = set;
        }
        return;
      case 't':
        if (this.depth.run > 0) this.inText = true;
        return;
      case 'tab':
        if (this.depth.run > 0) this.add('\t');
        return;
      case 'noBreakHyphen':
        this.add('-');
        return;
      case 'br':
      case 'cr':
        if (this.depth.run === 0) return;
        if (local === 'br' && (a.get('w:type') ?? a.get('type')) === 'page') {
          if (this.para) this.para.pageBreak = true;
        } else if (this.para) this.para.inlines.push({ text: '', ...this.runStyle(), lineBreak: true });
        else if (this.table) this.table.para += '\n';
        return;
    }
  }

  close(local: string): void {
    if (this.inSdtPr > 0) {
      this.inSdtPr--;
      return;
    }
    switch (local) {
      case 'sdt':
        this.controls.pop();
        return;
      case 'tbl':
        if (--this.depth.table === 0 && this.table && this.depth.paragraph === 0) {
          this.units.push({
            kind: 'table',
            rows: this.table.rows,
            tags: this.blockTags(),
            aliases: this.blockAliases(),
          });
          this.table = undefined;
        }
        return;
      case 'tr':
        if (this.depth.table === 1 && this.table?.row) this.table.rows.push(this.table.row);
        return;
      case 'tc':
        if (this.depth.table === 1 && this.table?.cell && this.table.row)
          this.table.row.push(this.table.cell.join('\n'));
        return;
      case 'p':
        if (--this.depth.paragraph > 0) return;
        if (this.depth.table > 0) {
          this.table?.cell?.push(this.table.para);
          return;
        }
        this.endParagraph();
        return;
      case 'pPr':
        this.depth.pPr--;
        return;
      case 'rPr':
        this.depth.rPr--;
        return;
      case 'r':
        this.depth.run--;
        return;
      case 't':
        this.inText = false;
        return;
    }
  }

  text(text: string): void {
    if (this.inText) this.add(text);
  }

  private runStyle(): Omit<ReadInline, 'text'> {
    const s: Omit<ReadInline, 'text'> = {};
    if (this.run.bold) s.bold = true;
    if (this.run.italics) s.italics = true;
    if (this.run.strike) s.strike = true;
    if (this.run.highlight) s.highlight = true;
    return s;
  }

  private add(text: string): void {
    if (this.para) this.para.inlines.push({ text, ...this.runStyle() });
    else if (this.table) this.table.para += text;
  }

  private blockTags(): string[] {
    return this.controls.filter((c) => c.block && c.tag).map((c) => c.tag);
  }

  private blockAliases(): string[] {
    return this.controls.filter((c) => c.block && c.alias).map((c) => c.alias);
  }

  private endParagraph(): void {
    const p = this.para!;
    this.para = undefined;
    p.aliases.push(...this.inlineAliases);
    p.heading = this.style === undefined ? 0 : (this.styles.heading.get(this.style) ?? 0);
    const byStyle = this.style === undefined ? undefined : this.styles.list.get(this.style);
    if (this.numId !== undefined && this.numId !== '0') {
      const ordered = this.numbering(this.numId, this.ilvl) ?? byStyle ?? true;
      p.list = { ordered, level: this.ilvl };
    } else if (byStyle !== undefined && this.numId === undefined) p.list = { ordered: byStyle, level: 0 };
    p.inlines = merge(p.inlines);
    if (p.inlines.some((i) => i.lineBreak || i.text !== '') || p.pageBreak || p.aliases.length > 0) this.units.push(p);
    if (this.sectionBreak && this.firstSection === -1) this.firstSection = this.units.length;
  }
}

const sameStyle = (a: ReadInline, b: ReadInline) =>
  !!a.bold === !!b.bold && !!a.italics === !!b.italics && !!a.strike === !!b.strike && !!a.highlight === !!b.highlight;

/** Adjacent runs of the same emphasis read as one (Word and LibreOffice split runs as they please). */
function merge(inlines: ReadInline[]): ReadInline[] {
  const out: ReadInline[] = [];
  for (const i of inlines) {
    const last = out.at(-1);
    if (last && !last.lineBreak && !i.lineBreak && sameStyle(last, i)) last.text += i.text;
    else if (i.lineBreak || i.text !== '') out.push({ ...i });
  }
  return out;
}

/** The body of word/document.xml, with the styles and numbering parts that say what each paragraph is. */
export function readBody(documentXml: string, stylesXml?: string, numberingXml?: string): Body {
  const styles = readStyles(stylesXml);
  const numbering = readNumbering(numberingXml);
  const { handler } = parseXml(documentXml, () => new BodyReader(styles, numbering));
  return {
    units: handler.units,
    firstSection: handler.firstSection === -1 ? handler.units.length : handler.firstSection,
  };
}

/** A unit's text as one line, for comparing and naming it: a paragraph's text, a table's cells. */
export function unitText(u: Unit): string {
  const text =
    u.kind === 'table'
      ? u.rows.map((r) => r.join(' | ')).join(' / ')
      : u.inlines.map((i) => (i.lineBreak ? ' ' : i.text)).join('');
  return text.replace(/\s+/g, ' ').trim();
}
