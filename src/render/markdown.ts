// The body of the report: Markdown (CommonMark + GFM tables, via marked's lexer)
// mapped to docx paragraphs and tables in the decree's body style.
import {
  AlignmentType,
  BorderStyle,
  HeadingLevel,
  PageBreak,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type IRunOptions,
} from 'docx';
import { Lexer, type Token, type Tokens } from 'marked';
import { BODY, SIZE, TEXT_WIDTH, textWidth } from './layout.js';
import { BULLETED, LIST_LEVELS, NUMBERED } from './styles.js';

interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  strike?: boolean;
}

interface Piece {
  text: string;
  style: RunStyle;
  break?: boolean;
}

/** Inline tokens to text runs; every character reaches the document as text, never markup. */
function runs(tokens: Token[] | undefined, style: RunStyle, size: number): TextRun[] {
  const pieces: Piece[] = [];
  collect(tokens, style, pieces);
  // Adjacent pieces in the same style (text split around escapes) become one run.
  const merged: Piece[] = [];
  for (const p of pieces) {
    const last = merged.at(-1);
    if (last && !p.break && !last.break && sameStyle(last.style, p.style)) last.text += p.text;
    else merged.push({ ...p });
  }
  return merged.map(
    (p): TextRun =>
      new TextRun({ text: p.text, size, bold: p.style.bold, italics: p.style.italics, strike: p.style.strike, ...(p.break && { break: 1 }) } satisfies IRunOptions),
  );
}

const sameStyle = (a: RunStyle, b: RunStyle) => !!a.bold === !!b.bold && !!a.italics === !!b.italics && !!a.strike === !!b.strike;

function collect(tokens: Token[] | undefined, style: RunStyle, out: Piece[]): void {
  for (const t of tokens ?? []) {
    const text = (value: string) => out.push({ text: value, style });
    switch (t.type) {
      case 'strong':
        collect((t as Tokens.Strong).tokens, { ...style, bold: true }, out);
        break;
      case 'em':
        collect((t as Tokens.Em).tokens, { ...style, italics: true }, out);
        break;
      case 'del':
        collect((t as Tokens.Del).tokens, { ...style, strike: true }, out);
        break;
      case 'br':
        out.push({ text: '', style, break: true });
        break;
      case 'text':
        if ('tokens' in t && t.tokens) collect(t.tokens, style, out);
        else text(t.text);
        break;
      case 'html':
        // An HTML comment is a note for the template's author; other HTML is shown as typed.
        if (!/^<!--[\s\S]*-->$/.test(t.text.trim())) text(t.raw);
        break;
      case 'link':
        collect((t as Tokens.Link).tokens, style, out);
        break;
      case 'image':
        text((t as Tokens.Image).text);
        break;
      default: // escape, codespan and anything else: the text itself
        text('text' in t ? String(t.text) : t.raw);
    }
  }
}

/** A body paragraph: the Normal style is the decree's body text (styles.ts), so it needs no formatting of its own. */
const bodyParagraph = (children: TextRun[], extra: Partial<ConstructorParameters<typeof Paragraph>[0] & object> = {}) => new Paragraph({ children, ...extra });

/** By Markdown depth: "#" and "##" are the outline's first level (I., II.), "###" the second, deeper the third. */
const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_1, HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3] as const;

const NUMERIC = /^[-+\u2212]?[\d.,\s]+%?$|^\u2013$/; // − minus sign, – en dash

/** The share of the width a label column (the first, when it holds text) gets at least. */
const LABEL_SHARE = 0.4;

/**
 * Column widths in proportion to each column's longest text (capped), filling the text
 * width; a first column of labels gets the most room (at least 40%), so the indicator
 * names wrap least.
 */
function tableWidths(t: Tokens.Table): number[] {
  const longest = t.header.map((h, i) => Math.max(4, Math.min(30, ...[h, ...t.rows.map((r) => r[i]!)].map((c) => [...c.text].length))));
  const total = longest.reduce((a, b) => a + b, 0);
  const widths = longest.map((l) => Math.floor((l * TEXT_WIDTH) / total));
  const labels = t.header.length > 1 && t.rows.some((r) => !NUMERIC.test(r[0]!.text.trim()));
  if (labels && widths[0]! < TEXT_WIDTH * LABEL_SHARE) {
    const first = Math.floor(TEXT_WIDTH * LABEL_SHARE);
    const rest = total - longest[0]!;
    widths.splice(0, widths.length, first, ...longest.slice(1).map((l) => Math.floor((l * (TEXT_WIDTH - first)) / rest)));
  }
  // No column narrower than its longest word (headers bold), so no word breaks inside;
  // the room comes from the widest column.
  const minimum = t.header.map((h, i) =>
    Math.max(...[h, ...t.rows.map((r) => r[i]!)].flatMap((c, row) => c.text.split(/\s+/).map((w) => textWidth(w, SIZE.table, row === 0) + CELL_PADDING))),
  );
  for (let i = 0; i < widths.length; i++) {
    const short = minimum[i]! - widths[i]!;
    if (short <= 0) continue;
    const widest = widths.indexOf(Math.max(...widths));
    if (widest === i || widths[widest]! - short < minimum[widest]!) continue;
    widths[i]! += short;
    widths[widest]! -= short;
  }
  return widths;
}

/** Word's default cell margins (108 twips each side), with a little room for the estimate. */
const CELL_PADDING = 2 * 108 + 60;

function table(t: Tokens.Table): Table {
  const widths = tableWidths(t);
  const cell = (c: Tokens.TableCell, i: number, header: boolean) =>
    new TableCell({
      width: { size: widths[i]!, type: WidthType.DXA },
      children: [
        new Paragraph({
          children: runs(c.tokens, { bold: header }, SIZE.table),
          alignment: header
            ? AlignmentType.CENTER
            : t.align[i] === 'right' || (t.align[i] === null && NUMERIC.test(c.text.trim()))
              ? AlignmentType.RIGHT
              : t.align[i] === 'center'
                ? AlignmentType.CENTER
                : AlignmentType.LEFT,
          spacing: { before: 40, after: 40 },
          indent: { firstLine: 0 },
        }),
      ],
    });
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: [
      new TableRow({ tableHeader: true, children: t.header.map((c, i) => cell(c, i, true)) }),
      ...t.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, i, false)) })),
    ],
  });
}

/**
 * `keep`: the token whose paragraph(s) must stay on the page of what follows the body
 * (the signature block): the last paragraph of the body, so the block is never alone.
 */
/** Lists so far in this document: each gets its own numbering instance, so it counts from 1. */
let listCount = 0;

function blocks(tokens: Token[], out: (Paragraph | Table)[], listDepth = 0, keep?: Token): void {
  for (const t of tokens) {
    const keepNext = t === keep;
    switch (t.type) {
      case 'heading':
        out.push(bodyParagraph(runs(t.tokens, {}, SIZE.body), { heading: HEADINGS[Math.min((t as Tokens.Heading).depth, 4)] }));
        break;
      case 'paragraph':
        out.push(bodyParagraph(runs(t.tokens, {}, SIZE.body), keepNext ? { keepNext, keepLines: true } : {}));
        break;
      case 'list': {
        const list = t as Tokens.List;
        // Word's own numbering (List Number / List Bullet), so Word and converters see a list; each
        // list numbers from its start. A list starting elsewhere than 1 keeps its numbers as text.
        const numbered = list.ordered && Number(list.start || 1) === 1;
        const instance = ++listCount;
        list.items.forEach((item, i) => {
          const [first, ...rest] = item.tokens;
          const inline = first && (first.type === 'text' || first.type === 'paragraph') ? ((first as Tokens.Text).tokens ?? [first]) : [];
          const level = Math.min(listDepth, LIST_LEVELS - 1);
          const marker = list.ordered && !numbered ? [new TextRun({ text: `${Number(list.start) + i}. `, size: SIZE.body })] : [];
          out.push(
            bodyParagraph([...marker, ...runs(inline, {}, SIZE.body)], {
              ...(marker.length > 0
                ? { indent: { firstLine: BODY.firstLineIndent + listDepth * 360 } }
                : { style: list.ordered ? 'ListNumber' : 'ListBullet', numbering: { reference: list.ordered ? NUMBERED : BULLETED, level, instance } }),
              // The last item of a closing list stays with the signature block.
              ...(keepNext && i === list.items.length - 1 && { keepNext, keepLines: true }),
            }),
          );
          blocks(first && inline.length === 0 ? item.tokens : rest, out, listDepth + 1);
        });
        break;
      }
      case 'blockquote':
        blocks((t as Tokens.Blockquote).tokens, out, listDepth);
        break;
      case 'table':
        out.push(table(t as Tokens.Table), new Paragraph({ spacing: { after: 0 } }));
        break;
      case 'hr':
        out.push(new Paragraph({ children: [new PageBreak()] }));
        break;
      case 'code':
        out.push(bodyParagraph([new TextRun({ text: (t as Tokens.Code).text, size: SIZE.body })]));
        break;
      case 'html':
        if (!/^<!--[\s\S]*-->\s*$/.test(t.text.trim())) out.push(bodyParagraph([new TextRun({ text: t.raw.trim(), size: SIZE.body })]));
        break;
      case 'text':
        out.push(bodyParagraph(runs((t as Tokens.Text).tokens ?? [t], {}, SIZE.body), keepNext ? { keepNext, keepLines: true } : {}));
        break;
      default: // space, def: nothing to show
        break;
    }
  }
}

/** The body's blocks; its last paragraph keeps with what follows (the signature block). */
export function markdownToDocx(markdown: string): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  listCount = 0;
  const tokens = new Lexer({ gfm: true }).lex(markdown);
  const last = tokens.findLast((t) => t.type !== 'space' && !(t.type === 'html' && /^<!--[\s\S]*-->\s*$/.test(t.text.trim())));
  blocks(tokens, out, 0, last);
  return out;
}
