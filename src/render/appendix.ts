// The appendix: one row per unit plus the total, this period and the same period
// for every indicator, in a landscape section whose header rows repeat on each page.
// The table is written as WordprocessingML text directly: for 3,321 communes the docx
// object tree (about 90,000 cells) took 25 s and 1.7 GB; the string takes a fraction.
// Its markup is the one docx writes for such a table, with the cell margins declared
// once on the table rather than on each cell.
import { AlignmentType, Paragraph, TextRun } from 'docx';
import type { Figure, Figures } from '../aggregate/aggregate.js';
import { displayValue } from '../aggregate/display.js';
import type { Indicator } from '../definition/parse.js';
import { emWidth, LANDSCAPE_TEXT_WIDTH, SIZE, textEm, textWidth } from './layout.js';

const CELL_MARGIN = 40;

const value = (ind: Indicator, f: Figure | undefined, which: 'current' | 'previous') => (f ? displayValue(ind, f[which]).replace(/%$/, '') : '–');

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
function layoutTable(names: string[], cells: string[][], valueColumns: number, rowCount: number): Layout {
  const pad = 2 * CELL_MARGIN + 60;
  // Width grows with em, so each column's widest text is the one with the most em.
  const maxEm = (texts: Iterable<string>) => {
    let most = 0;
    for (const t of texts) most = Math.max(most, textEm(t));
    return most;
  };
  const columnEm = Array.from({ length: valueColumns }, (_, c) => maxEm(cells.map((r) => r[c]!)));
  const nameEm = maxEm(names);
  const fit = (size: number) => {
    const stt = Math.max(textWidth('STT', Math.min(SIZE.appendixHead, size - 2), true), textWidth(String(rowCount), size)) + pad;
    const need = columnEm.map((em) => Math.max(360, emWidth(em, size) + pad));
    return { stt, need, name: Math.min(3000, Math.max(1200, emWidth(nameEm, size) + pad)) };
  };
  for (const size of [SIZE.appendix, 18, 16, 14]) {
    const { stt, need, name } = fit(size);
    const spare = LANDSCAPE_TEXT_WIDTH - stt - name - need.reduce((a, b) => a + b, 0);
    if (spare >= 0 || size === 14) {
      const share = Math.max(0, Math.floor(spare / valueColumns));
      const widths = [stt, spare >= 0 ? name : Math.max(1000, name + spare), ...need.map((w) => w + share)];
      return { widths, size, head: Math.min(SIZE.appendixHead, size - 2) };
    }
  }
  throw new Error('unreachable');
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

function cell(text: string, width: number, align: Align, size: number, bold = false, extra = ''): string {
  return (
    `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${width}"/>${extra}<w:vAlign w:val="center"/></w:tcPr>` +
    `<w:p><w:pPr><w:spacing w:after="0" w:before="0" w:line="240"/><w:ind w:firstLine="0"/><w:jc w:val="${align}"/></w:pPr>` +
    `<w:r><w:rPr>${bold ? '<w:b/><w:bCs/>' : ''}<w:sz w:val="${size}"/><w:szCs w:val="${size}"/></w:rPr><w:t xml:space="preserve">${xmlText(text)}</w:t></w:r></w:p></w:tc>`
  );
}

const row = (cells: string, header = false) => `<w:tr><w:trPr><w:cantSplit/>${header ? '<w:tblHeader/>' : ''}</w:trPr>${cells}</w:tr>`;
const BORDER = 'w:val="single" w:color="000000" w:sz="4"';
const BORDERS = `<w:tblBorders><w:top ${BORDER}/><w:left ${BORDER}/><w:bottom ${BORDER}/><w:right ${BORDER}/><w:insideH ${BORDER}/><w:insideV ${BORDER}/></w:tblBorders>`;

/** The appendix table's WordprocessingML. */
export function appendixTableXml(figures: Figures): string {
  const def = figures.definition;
  const inds = def.indicators;
  const totals = new Map(figures.indicators.map((f) => [f.indicator.code, f]));
  const cellsOf = (by: { get(code: string): Figure | undefined } | undefined) => inds.flatMap((ind) => [value(ind, by?.get(ind.code), 'current'), value(ind, by?.get(ind.code), 'previous')]);
  const unitRow = (u: (typeof def.units)[number]) => {
    const by = figures.byUnit.get(u.code);
    return { name: by ? u.name : `${u.name} (chưa báo cáo)`, cells: cellsOf(by), subtotal: false };
  };
  // With groups, each group's units then its subtotal (from the group's sums), in the groups' order.
  const rows =
    def.groups.length === 0
      ? def.units.map(unitRow)
      : def.groups.flatMap((g) => [...def.units.filter((u) => u.group === g.code).map(unitRow), { name: `Cộng ${g.name}`, cells: cellsOf(figures.byGroup.get(g.code)), subtotal: true }]);
  const totalCells = cellsOf(totals);
  const unitCount = def.units.length;
  const { widths, size, head } = layoutTable([...rows.map((r) => r.name), 'Tổng cộng'], [...rows.map((r) => r.cells), totalCells], inds.length * 2, unitCount);
  const [stt, name, ...vals] = widths as [number, number, ...number[]];

  const parts: string[] = [];
  parts.push(`<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="${widths.reduce((a, b) => a + b, 0)}"/>${BORDERS}<w:tblLayout w:type="fixed"/>${CELL_MARGINS}</w:tblPr>`);
  parts.push(`<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`);
  const restart = '<w:vMerge w:val="restart"/>';
  parts.push(
    row(
      cell('STT', stt, 'center', head, true, restart) +
        cell('Đơn vị', name, 'center', head, true, restart) +
        inds.map((ind, i) => cell(`${ind.label} (${ind.unit})`, vals[2 * i]! + vals[2 * i + 1]!, 'center', head, true, '<w:gridSpan w:val="2"/>')).join(''),
      true,
    ),
  );
  const merged = '<w:tc><w:tcPr><w:vMerge w:val="continue"/></w:tcPr><w:p><w:pPr><w:spacing w:after="0" w:before="0" w:line="240"/><w:ind w:firstLine="0"/></w:pPr></w:p></w:tc>';
  parts.push(row(merged + merged + inds.map((_, i) => cell('Kỳ này', vals[2 * i]!, 'center', head, true) + cell('Cùng kỳ', vals[2 * i + 1]!, 'center', head, true)).join(''), true));
  let number = 0;
  for (const r of rows) {
    let cells = cell(r.subtotal ? '' : String(++number), stt, 'center', size) + cell(r.name, name, 'left', size, r.subtotal);
    for (let c = 0; c < r.cells.length; c++) cells += cell(r.cells[c]!, vals[c]!, 'right', size, r.subtotal);
    parts.push(row(cells));
  }
  parts.push(row(cell('', stt, 'left', size) + cell('Tổng cộng', name, 'left', size, true) + totalCells.map((v, c) => cell(v, vals[c]!, 'right', size, true)).join('')));
  parts.push('</w:tbl>');
  return parts.join('');
}

export interface AppendixText {
  title: string;
  subtitle: string;
  attachedTo: string;
}

/** The appendix's heading paragraphs, then a marker paragraph the packer replaces with the table. */
export function appendixBlocks(text: AppendixText, marker: string): Paragraph[] {
  const centred = (t: string, opts: { bold?: boolean; italics?: boolean; after?: number }) =>
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 0, after: opts.after ?? 0 }, indent: { firstLine: 0 }, children: [new TextRun({ text: t, size: SIZE.body, bold: opts.bold, italics: opts.italics })] });
  return [
    centred(text.title, { bold: true }),
    centred(text.subtitle, { bold: true }),
    centred(text.attachedTo, { italics: true, after: 240 }),
    new Paragraph({ children: [new TextRun(marker)] }),
  ];
}
