// The report body: Markdown (CommonMark + GFM tables, via marked's lexer) to model
// blocks. Every character reaches the model as text: nothing in the Markdown becomes
// markup of the document except emphasis, headings, lists, tables and page breaks.
import { Lexer, type Token, type Tokens } from 'marked';
import type { Align, Block, Inline, ListItem } from './model.js';
import {
  CHART_CLOSE,
  CHART_OPEN,
  PLACEHOLDER_CLOSE,
  PLACEHOLDER_OPEN,
  SECTION_CLOSE,
  SECTION_KEY_END,
  SECTION_OPEN,
} from './template/literal.js';
import type { ChartSpec } from '../present/charts.js';

type Style = Omit<Inline, 'text' | 'lineBreak'>;

function collect(tokens: Token[] | undefined, style: Style, out: Inline[]): void {
  for (const t of tokens ?? []) {
    const text = (value: string) => out.push({ text: value, ...style });
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
        out.push({ text: '', ...style, lineBreak: true });
        break;
      case 'text':
        if ('tokens' in t && t.tokens) collect(t.tokens, style, out);
        else text(t.text);
        break;
      case 'html':
        // An HTML comment is a note for the template's author; other HTML is shown as typed.
        if (!isComment(t.text)) text(t.raw);
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

const same = (a: Inline, b: Inline) =>
  !!a.bold === !!b.bold && !!a.italics === !!b.italics && !!a.strike === !!b.strike;

/** Inline tokens to inlines; adjacent text in the same style (split around escapes) becomes one. */
function inlines(tokens: Token[] | undefined): Inline[] {
  const pieces: Inline[] = [];
  collect(tokens, {}, pieces);
  const merged: Inline[] = [];
  for (const p of pieces) {
    const last = merged.at(-1);
    if (last && !p.lineBreak && !last.lineBreak && same(last, p)) last.text += p.text;
    else merged.push({ ...p });
  }
  return merged;
}

const isComment = (html: string) => /^<!--[\s\S]*-->\s*$/.test(html.trim());

/** Where a narrative section begins or ends (template/view.ts marks them), until folded. */
type Mark = { kind: 'open'; key: string } | { kind: 'close' };
type Piece = Block | Mark;

/** The mark a paragraph's text is, if it is one. */
function markOf(text: string): Mark | undefined {
  const t = text.trim();
  if (t === SECTION_CLOSE) return { kind: 'close' };
  if (t.startsWith(SECTION_OPEN) && t.endsWith(SECTION_KEY_END) && t.length > 2)
    return { kind: 'open', key: t.slice(1, -1) };
  return undefined;
}

const isMark = (p: Piece): p is Mark => p.kind === 'open' || p.kind === 'close';

/**
 * The blocks between an opening and its closing mark become the section's block; marks
 * anywhere else (a section printed inside a list item, or left open) are dropped.
 */
function fold(pieces: Piece[]): Block[] {
  const out: Block[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i]!;
    if (!isMark(p)) {
      out.push(p);
      continue;
    }
    if (p.kind === 'close') continue;
    const end = pieces.findIndex((q, j) => j > i && isMark(q));
    if (end === -1 || pieces[end]!.kind !== 'close') continue;
    out.push({ kind: 'narrative', key: p.key, blocks: pieces.slice(i + 1, end) as Block[] });
    i = end;
  }
  return out;
}

const withoutMarks = (pieces: Piece[]): Block[] => pieces.filter((p): p is Block => !isMark(p));

function blocks(tokens: Token[], charts: readonly ChartSpec[], keep?: Token): Block[] {
  return withoutMarks(pieces(tokens, charts, keep));
}

function pieces(tokens: Token[], charts: readonly ChartSpec[], keep?: Token): Piece[] {
  const out: Piece[] = [];
  for (const t of tokens) {
    const keepWithNext = t === keep || undefined;
    switch (t.type) {
      case 'heading': {
        // "#" and "##" are the outline's first level (I., II.), "###" the second, deeper the third.
        const depth = (t as Tokens.Heading).depth;
        out.push({ kind: 'heading', level: depth <= 2 ? 1 : depth === 3 ? 2 : 3, inlines: inlines(t.tokens) });
        break;
      }
      case 'paragraph': {
        // A section the clerk has not written (template/view.ts): a highlighted placeholder.
        const text = (t as Tokens.Paragraph).text.trim();
        const mark = markOf(text);
        const chart =
          text.startsWith(CHART_OPEN) && text.endsWith(CHART_CLOSE) ? charts[Number(text.slice(1, -1))] : undefined;
        if (mark) out.push(mark);
        else if (chart) out.push({ kind: 'chart', chart });
        else if (text.startsWith(PLACEHOLDER_OPEN) && text.endsWith(PLACEHOLDER_CLOSE))
          out.push({ kind: 'placeholder', text: `[${text.slice(1, -1)}]` });
        else out.push({ kind: 'paragraph', inlines: inlines(t.tokens), keepWithNext });
        break;
      }
      case 'text':
        out.push({ kind: 'paragraph', inlines: inlines((t as Tokens.Text).tokens ?? [t]), keepWithNext });
        break;
      case 'list': {
        const list = t as Tokens.List;
        const items = list.items.map((item): ListItem => {
          const [first, ...rest] = item.tokens;
          const inline =
            first && (first.type === 'text' || first.type === 'paragraph')
              ? ((first as Tokens.Text).tokens ?? [first])
              : [];
          return {
            inlines: inlines(inline),
            blocks: blocks(first && inline.length === 0 ? item.tokens : rest, charts),
          };
        });
        out.push({ kind: 'list', ordered: list.ordered, start: Number(list.start || 1), items, keepWithNext });
        break;
      }
      case 'blockquote':
        out.push(...pieces((t as Tokens.Blockquote).tokens, charts));
        break;
      case 'table': {
        const table = t as Tokens.Table;
        out.push({
          kind: 'table',
          header: table.header.map((c) => inlines(c.tokens)),
          rows: table.rows.map((r) => r.map((c) => inlines(c.tokens))),
          align: table.align as Align[],
        });
        break;
      }
      case 'hr':
        out.push({ kind: 'pageBreak' });
        break;
      case 'code':
        out.push({ kind: 'paragraph', inlines: [{ text: (t as Tokens.Code).text }] });
        break;
      case 'html':
        if (!isComment(t.text)) out.push({ kind: 'paragraph', inlines: [{ text: t.raw.trim() }] });
        break;
      default: // space, def: nothing to show
        break;
    }
  }
  return out;
}

/** The body's blocks, `charts` the specs a chart marker points to; its last paragraph or list keeps with what follows (the signature block). */
export function markdownToBlocks(markdown: string, charts: readonly ChartSpec[] = []): Block[] {
  const tokens = new Lexer({ gfm: true }).lex(markdown);
  const last = tokens.findLast(
    (t) =>
      t.type !== 'space' &&
      !(t.type === 'html' && isComment(t.text)) &&
      !(t.type === 'paragraph' && markOf((t as Tokens.Paragraph).text)),
  );
  return fold(pieces(tokens, charts, last));
}
