// What the clerk typed in Word, as the narrative file's Markdown: paragraphs, headings,
// bold, italic, struck-through text, line breaks, numbered and bulleted lists (nested),
// tables and page breaks. Text is escaped so that the narrative's reader (Handlebars, then
// marked) gives back exactly the characters typed: "{{" stays two braces, "1." at the start
// of a line stays text, "*" is no emphasis.
import type { ReadInline, Unit } from './read.js';
import { sectionTitle } from '../../definition/narrative-sections.js';

/** ASCII punctuation that means something to Markdown or Handlebars anywhere in a line. */
const SPECIAL = /[\\`*_~[\]<>{}|&#!$]/g;

/** A line's start that would begin a block: a list item, a heading, a rule, a quote. */
const LINE_START = /^(\d{1,9})([.)])(?=\s|$)|^([-+=])/;

export function escapeText(text: string, lineStart: boolean): string {
  let out = text.replace(SPECIAL, (c) => '\\' + c);
  if (lineStart)
    out = out.replace(LINE_START, (_, digits?: string, dot?: string, sign?: string) =>
      digits !== undefined ? `${digits}\\${dot}` : `\\${sign}`,
    );
  return out;
}

const SPACE = /\s/u;
const PUNCT = /[\p{P}\p{S}]/u;

/**
 * Whether emphasis can open before `first` (after `before`) and close after `last` (before
 * `after`) by CommonMark's flanking rules: "a**'b'**c" is no emphasis, whatever is escaped.
 */
function flanks(before: string | undefined, first: string, last: string, after: string | undefined): boolean {
  const loose = (c: string | undefined) => c === undefined || SPACE.test(c) || PUNCT.test(c);
  return (!PUNCT.test(first) || loose(before)) && (!PUNCT.test(last) || loose(after));
}

/**
 * One paragraph's runs as Markdown. The text always reads back as typed; its emphasis does
 * where Markdown can say it: a run whose emphasis cannot be written so (it starts or ends
 * with a mark against a letter, or touches another emphasised run) is written plain. Text
 * typed over the placeholder loses the placeholder's look.
 */
export function inlineMarkdown(inlines: readonly ReadInline[]): string {
  // The text of each run as it will stand, spaces gathered, then the emphasis around it.
  const pieces: { text: string; open: string; lineBreak?: boolean }[] = [];
  for (const i of inlines) {
    if (i.lineBreak) pieces.push({ text: '', open: '', lineBreak: true });
    else {
      const open = `${i.highlight !== true && i.bold ? '**' : ''}${i.italics ? '*' : ''}${i.strike ? '~~' : ''}`;
      // Each space kept as typed (Word shows two as two); tabs and other spaces as spaces.
      pieces.push({ text: i.text.replace(/\s/g, ' '), open });
    }
  }
  let out = '';
  let lineStart = true;
  /** The last character written as text (not a delimiter), and whether a delimiter came after it. */
  let before: string | undefined;
  let closed = false;
  pieces.forEach((p, k) => {
    if (p.lineBreak) {
      out = out.replace(/[ \t]+$/, '') + '\\\n';
      lineStart = true;
      before = undefined;
      closed = false;
      return;
    }
    let text = p.text;
    if (lineStart) text = text.replace(/^ +/, '');
    if (text === '') return;
    const lead = /^ */.exec(text)![0];
    const trail = / *$/.exec(text.slice(lead.length))![0];
    const core = text.slice(lead.length, text.length - trail.length);
    const next = pieces.slice(k + 1).find((q) => q.lineBreak || q.text !== '');
    const after = trail !== '' ? ' ' : next === undefined || next.lineBreak ? undefined : next.text[0];
    const start = lead !== '' ? ' ' : before;
    const styled =
      p.open !== '' &&
      core !== '' &&
      !(closed && lead === '') &&
      !(next?.open && trail === '' && !next.lineBreak) &&
      flanks(start, core[0]!, core.at(-1)!, after);
    const close = styled
      ? [...p.open.matchAll(/\*\*|\*|~~/g)]
          .map((m) => m[0])
          .reverse()
          .join('')
      : '';
    out += lead + (styled ? p.open : '') + escapeText(core, lineStart && lead === '') + close + trail;
    before = text.at(-1);
    closed = styled && trail === '';
    lineStart = false;
  });
  return out.trim();
}

/** A placeholder the build printed ("[Nội dung: Tồn tại, hạn chế]"): not the clerk's text. */
export const isPlaceholder = (u: Unit) => {
  if (u.kind !== 'paragraph') return false;
  const text = u.inlines
    .map((i) => i.text)
    .join('')
    .trim();
  return text.startsWith(PLACEHOLDER_START) && text.endsWith(']') && text.indexOf(']') === text.length - 1;
};
const PLACEHOLDER_START = `[${sectionTitle('')}`;

const cell = (text: string) => escapeText(text.replace(/\s+/g, ' ').trim(), false) || ' ';

/** The units of a section as the narrative file's Markdown ('' when nothing but the placeholder is left). */
export function unitsToMarkdown(units: readonly Unit[]): string {
  const blocks: string[] = [];
  /** The list being written: the width of each level's marker and each level's count. */
  let list: { widths: number[]; counts: number[]; ordered: boolean[] } | undefined;
  for (const u of units) {
    if (isPlaceholder(u)) continue;
    if (u.kind === 'table') {
      list = undefined;
      const [head = [], ...rest] = u.rows;
      const width = Math.max(head.length, ...rest.map((r) => r.length));
      if (width === 0) continue;
      const row = (r: string[]) => `| ${Array.from({ length: width }, (_, k) => cell(r[k] ?? '')).join(' | ')} |`;
      blocks.push([row(head), `|${' --- |'.repeat(width)}`, ...rest.map(row)].join('\n'));
      continue;
    }
    const text = inlineMarkdown(u.inlines);
    if (u.list && text !== '') {
      const level = Math.min(u.list.level, list ? list.widths.length : 0);
      if (!list) list = { widths: [], counts: [], ordered: [] };
      list.widths.length = list.counts.length = list.ordered.length = level + 1;
      if (list.ordered[level] !== u.list.ordered) list.counts[level] = 0;
      list.ordered[level] = u.list.ordered;
      const n = (list.counts[level] = (list.counts[level] ?? 0) + 1);
      const marker = u.list.ordered ? `${n}. ` : '- ';
      list.widths[level] = marker.length;
      const indent = ' '.repeat(list.widths.slice(0, level).reduce((a, b) => a + b, 0));
      const item = indent + marker + text.replace(/\n/g, '\n' + indent + ' '.repeat(marker.length));
      // Items of one list follow each other line by line; a new list starts a new block.
      if (n > 1 || level > 0) blocks[blocks.length - 1] += '\n' + item;
      else blocks.push(item);
      continue;
    }
    list = undefined;
    if (text !== '') blocks.push(u.heading > 0 ? `${'#'.repeat(u.heading + 1)} ${text.replace(/\\\n/g, ' ')}` : text);
    if (u.pageBreak) blocks.push('---');
  }
  return blocks.join('\n\n');
}
