// The appendix (a model block, report/appendix.ts) as WordprocessingML: its tables laid
// out on the landscape page, their header rows repeated on each page. The table is written
// as text directly: for 3,321 communes the docx object tree (about 90,000 cells) took 25 s
// and 1.7 GB; the string takes a fraction. Its markup is the one docx writes for such a
// table, with the cell margins declared once on the table rather than on each cell.
import { AlignmentType, Paragraph, TextRun } from 'docx';
import type { AppendixColumn, AppendixModel, AppendixRow } from '../model.js';
import { emWidth, LANDSCAPE_TEXT_WIDTH, SIZE, textEm, textWidth } from './layout.js';

const CELL_MARGIN = 40;

/** Word refuses a table of more than 63 grid columns. */
export const MAX_GRID_COLUMNS = 63;
/** Below 8 pt a figure is hard to read: past that, the indicators go on into another table. */
const MIN_READABLE = 16;

const words = (text: string) => text.split(/\s+/).filter(Boolean);

interface Layout {
  widths: number[];
  /** Font sizes (half-points) of the figures and of the header. */
  size: number;
  head: number;
}

/**
 * Column widths and font size: the largest size (10 pt down to 7 pt) at which every
 * figure column fits its widest figure and the number column the row count; the name
 * column takes its longest name within bounds, and what is left is shared by the
 * figure columns so their headings wrap less. Figures never wrap inside a cell.
 */
/** The em of the widest text: width grows with em, so it is the one that sets a column's width. */
const maxEm = (texts: Iterable<string>) => {
  let most = 0;
  for (const t of texts) most = Math.max(most, textEm(t));
  return most;
};

/** `columnEm`: each value column's widest figure in em (measured once, whatever the table it lands in). */
function layoutTable(
  nameEm: number,
  columnEm: readonly number[],
  rowCount: number,
  heads: { column: string[]; group: string[] },
  nameHead: string,
): Layout | undefined {
  const pad = 2 * CELL_MARGIN + 60;
  const valueColumns = columnEm.length;
  // The longest word of each heading: no column is narrower than that, so no word breaks inside.
  const wordWidth = (text: string, size: number) => Math.max(0, ...words(text).map((w) => textWidth(w, size, true)));
  const fitAt = (size: number) => {
    // The header 1 pt below the figures, never below 8 pt.
    const head = Math.max(MIN_READABLE, Math.min(SIZE.appendixHead, size - 2));
    const stt = Math.max(textWidth('STT', head, true), textWidth(String(rowCount), size)) + pad;
    const need = columnEm.map((em, c) =>
      Math.max(360, emWidth(em, size) + pad, wordWidth(heads.column[c]!, head) + pad),
    );
    // A group heading spans its two columns: they share its longest word.
    for (let g = 0; g < heads.group.length; g++) {
      const short = wordWidth(heads.group[g]!, head) + pad - need[2 * g]! - need[2 * g + 1]!;
      if (short > 0) {
        need[2 * g]! += Math.ceil(short / 2);
        need[2 * g + 1]! += Math.ceil(short / 2);
      }
    }
    const name = Math.min(3000, Math.max(1200, emWidth(nameEm, size) + pad, wordWidth(nameHead, head) + pad));
    return { stt, need, name, head };
  };
  for (const size of [SIZE.appendix, 18, 16, 14]) {
    const { stt, need, name, head } = fitAt(size);
    const spare = LANDSCAPE_TEXT_WIDTH - stt - name - need.reduce((a, b) => a + b, 0);
    if (spare >= 0 || size === 14) {
      if (spare < 0 && valueColumns > 2) return undefined; // too wide even at 7 pt: fewer indicators per table
      const share = Math.max(0, Math.floor(spare / valueColumns));
      const widths = [stt, spare >= 0 ? name : Math.max(1000, name + spare), ...need.map((w) => w + share)];
      return { widths, size, head };
    }
  }
  return undefined;
}

/** Anything but the XML characters that stand for themselves (a lone surrogate half included). */
const NEEDS_ESCAPING = /[^\t\n\r\u0020-\u0025\u0027-\u003B\u003D\u003F-\uD7FF\uE000-\uFFFD]/;

/** Text as XML character data; characters XML 1.0 does not allow are dropped. */
export function xmlText(text: string): string {
  // Most cells are figures and names with nothing to drop or escape.
  if (!NEEDS_ESCAPING.test(text)) return text;
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

type Align = 'left' | 'center' | 'right';
/** Cell margins, declared once for the table (per cell they were a third of a national appendix's XML). */
const CELL_MARGINS = `<w:tblCellMar><w:top w:type="dxa" w:w="20"/><w:left w:type="dxa" w:w="${CELL_MARGIN}"/><w:bottom w:type="dxa" w:w="20"/><w:right w:type="dxa" w:w="${CELL_MARGIN}"/></w:tblCellMar>`;

function cell(text: string, width: number, align: Align, size: number, bold = false, extra = '', keep = ''): string {
  return (
    `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${width}"/>${extra}<w:vAlign w:val="center"/></w:tcPr>` +
    `<w:p><w:pPr>${keep}<w:spacing w:after="0" w:before="0" w:line="240"/><w:ind w:firstLine="0"/><w:jc w:val="${align}"/></w:pPr>` +
    `<w:r><w:rPr>${bold ? '<w:b/><w:bCs/>' : ''}<w:sz w:val="${size}"/><w:szCs w:val="${size}"/></w:rPr><w:t xml:space="preserve">${xmlText(text)}</w:t></w:r></w:p></w:tc>`
  );
}

const row = (cells: string, header = false) =>
  `<w:tr><w:trPr><w:cantSplit/>${header ? '<w:tblHeader/>' : ''}</w:trPr>${cells}</w:tr>`;
const BORDER = 'w:val="single" w:color="000000" w:sz="4"';
const BORDERS = `<w:tblBorders><w:top ${BORDER}/><w:left ${BORDER}/><w:bottom ${BORDER}/><w:right ${BORDER}/><w:insideH ${BORDER}/><w:insideV ${BORDER}/></w:tblBorders>`;

/** A column of the table: the model's column and where its figures are in each row. */
interface Placed {
  column: AppendixColumn;
  at: number;
}

/** Keep this row on the page of the next one (a group's heading with its first unit, its last unit with its "Cộng"). */
const KEEP_NEXT = '<w:keepNext/>';

/** One table of the appendix, for some of the indicators; STT and the unit column repeat in each. */
function tableXml(
  inds: readonly Placed[],
  rows: readonly AppendixRow[],
  total: AppendixModel['total'],
  layout: Layout,
  nameHead: string,
  heads: readonly [string, string],
): string {
  const { widths, size, head } = layout;
  const [stt, name, ...vals] = widths as [number, number, ...number[]];
  const parts: string[] = [];
  parts.push(
    `<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="${widths.reduce((a, b) => a + b, 0)}"/>${BORDERS}<w:tblLayout w:type="fixed"/>${CELL_MARGINS}</w:tblPr>`,
  );
  parts.push(`<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`);
  const restart = '<w:vMerge w:val="restart"/>';
  parts.push(
    row(
      cell('STT', stt, 'center', head, true, restart) +
        cell(nameHead, name, 'center', head, true, restart) +
        inds
          .map((p, i) =>
            cell(p.column.head, vals[2 * i]! + vals[2 * i + 1]!, 'center', head, true, '<w:gridSpan w:val="2"/>'),
          )
          .join(''),
      true,
    ),
  );
  const merged =
    '<w:tc><w:tcPr><w:vMerge w:val="continue"/></w:tcPr><w:p><w:pPr><w:spacing w:after="0" w:before="0" w:line="240"/><w:ind w:firstLine="0"/></w:pPr></w:p></w:tc>';
  const [current, previous] = heads;
  parts.push(
    row(
      merged +
        merged +
        inds
          .map(
            (_, i) =>
              cell(current, vals[2 * i]!, 'center', head, true) +
              cell(previous, vals[2 * i + 1]!, 'center', head, true),
          )
          .join(''),
      true,
    ),
  );
  let number = 0;
  const all = widths.reduce((a, b) => a + b, 0);
  rows.forEach((r, i) => {
    if (r.kind === 'heading') {
      parts.push(row(cell(r.name, all, 'left', size, true, `<w:gridSpan w:val="${widths.length}"/>`, KEEP_NEXT)));
      return;
    }
    const keep = rows[i + 1]?.kind === 'subtotal' ? KEEP_NEXT : '';
    const bold = r.kind === 'subtotal';
    let cells =
      cell(bold ? '' : String(++number), stt, 'center', size, false, '', keep) +
      cell(r.name, name, 'left', size, bold, '', keep);
    const values = inds.flatMap((p) => r.values[p.at]!);
    for (let c = 0; c < values.length; c++) cells += cell(values[c]!, vals[c]!, 'right', size, bold, '', keep);
    parts.push(row(cells));
  });
  parts.push(
    row(
      cell('', stt, 'left', size) +
        cell('Tổng cộng', name, 'left', size, true) +
        inds
          .flatMap((p) => total[p.at]!)
          .map((v, c) => cell(v, vals[c]!, 'right', size, true))
          .join(''),
    ),
  );
  parts.push('</w:tbl>');
  return parts.join('');
}

/**
 * The appendix's WordprocessingML: for each part of the model (a section's indicators), one
 * table, or several when they do not all fit the landscape page at a readable size (or Word's
 * 63 columns) — each of as many indicators as fit, repeating STT and the unit column, with a
 * paragraph between.
 */
export function appendixTableXml(appendix: AppendixModel): string {
  const { rows, total, nameHead, periodHeads: heads } = appendix;
  // A group's heading spans the whole table: it sets no column's width.
  const measured = rows.filter((r) => r.kind !== 'heading');
  const nameEm = maxEm([...measured.map((r) => r.name), 'Tổng cộng']);
  // Each indicator's two columns, measured once over every row.
  const columnEm = appendix.columns.map((_, at) => {
    const all = [...measured.map((r) => r.values[at]!), total[at]!];
    return [maxEm(all.map((c) => c[0]!)), maxEm(all.map((c) => c[1]!))];
  });
  const unitRows = rows.filter((r) => r.kind === 'unit').length;
  const layoutOf = (inds: readonly Placed[]) =>
    layoutTable(
      nameEm,
      inds.flatMap((p) => columnEm[p.at]!),
      unitRows,
      { column: inds.flatMap(() => heads), group: inds.map((p) => p.column.head) },
      nameHead,
    );
  const parts: string[] = [];
  for (const part of appendix.parts) {
    const placed = part.columns.map((at) => ({ column: appendix.columns[at]!, at }));
    splitBalanced(placed, layoutOf).forEach(({ indicators, layout }, i) => {
      // Every table carries its section's title: a continued one reads "(tiếp theo)".
      if (part.title) parts.push(caption(i === 0 ? part.title : `${part.title} (tiếp theo)`));
      parts.push(tableXml(indicators, rows, total, layout, nameHead, heads), BETWEEN_TABLES);
    });
  }
  // Word wants a paragraph after a document's last table (and between two tables).
  return parts.join('');
}

/** Fits at a readable size (8 pt or more) and within Word's columns. */
const readable = (layout: Layout | undefined, count: number): layout is Layout =>
  layout !== undefined && layout.size >= MIN_READABLE && 2 + 2 * count <= MAX_GRID_COLUMNS;

/**
 * A section's indicators as few tables as fit, of sizes as even as they can be: 9 that
 * fit 8 to a table are 5 + 4, never 8 + 1 (one indicator stretched across a page).
 * A lone indicator too wide even at the smallest size still gets its table.
 */
export function splitBalanced<T>(
  inds: readonly T[],
  layoutOf: (inds: readonly T[]) => Layout | undefined,
): { indicators: T[]; layout: Layout }[] {
  // The most that fit in one table from the start: a first guess at the count of tables.
  let most = 1;
  while (most < inds.length && readable(layoutOf(inds.slice(0, most + 1)), most + 1)) most++;
  for (let tables = Math.ceil(inds.length / most); tables <= inds.length; tables++) {
    const chunks: { indicators: T[]; layout: Layout }[] = [];
    let from = 0;
    for (let t = 0; t < tables; t++) {
      const size = Math.ceil((inds.length - from) / (tables - t));
      const part = inds.slice(from, from + size);
      const layout = layoutOf(part);
      if (!(part.length === 1 ? layout : readable(layout, part.length))) break;
      chunks.push({ indicators: part, layout: layout! });
      from += size;
    }
    if (from === inds.length) return chunks;
  }
  // Unreachable while a single indicator always lays out; kept so the type says so.
  return inds.map((ind) => ({ indicators: [ind], layout: layoutOf([ind])! }));
}

/** A section's title above its tables, bold, kept with the table. */
const caption = (title: string) =>
  `<w:p><w:pPr><w:keepNext/><w:spacing w:after="60" w:before="120" w:line="240"/><w:ind w:firstLine="0"/></w:pPr>` +
  `<w:r><w:rPr><w:b/><w:bCs/><w:sz w:val="${SIZE.appendixHead + 4}"/><w:szCs w:val="${SIZE.appendixHead + 4}"/></w:rPr><w:t xml:space="preserve">${xmlText(title)}</w:t></w:r></w:p>`;

/** A paragraph between two tables of the appendix (Word would merge adjacent tables), and after the last. */
const BETWEEN_TABLES =
  '<w:p><w:pPr><w:spacing w:after="0" w:before="0" w:line="240"/><w:ind w:firstLine="0"/></w:pPr></w:p>';

/** The appendix's heading paragraphs, then a marker paragraph the packer replaces with the table. */
export function appendixBlocks(
  text: Pick<AppendixModel, 'title' | 'subtitle' | 'attachedTo'>,
  marker: string,
): Paragraph[] {
  const centred = (t: string, opts: { bold?: boolean; italics?: boolean; after?: number }) =>
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 0, after: opts.after ?? 0 },
      indent: { firstLine: 0 },
      children: [new TextRun({ text: t, size: SIZE.body, bold: opts.bold, italics: opts.italics })],
    });
  return [
    centred(text.title, { bold: true }),
    ...text.subtitle.map((line) => centred(line, { bold: true })),
    centred(text.attachedTo, { italics: true, after: 240 }),
    new Paragraph({ children: [new TextRun(marker)] }),
  ];
}
