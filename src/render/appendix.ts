// The appendix: one row per unit plus the total, this period and the same period
// for every indicator, in a landscape section whose header rows repeat on each page.
import { AlignmentType, BorderStyle, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlign, WidthType } from 'docx';
import type { Figure, Figures } from '../aggregate/aggregate.js';
import { displayValue } from '../aggregate/display.js';
import type { Indicator } from '../definition/parse.js';
import { LANDSCAPE_TEXT_WIDTH, SIZE, textWidth } from './layout.js';

const CELL_MARGIN = 40;
const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const BORDERS = { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border };

const value = (ind: Indicator, f: Figure | undefined, which: 'current' | 'previous') =>
  f ? displayValue(ind, f[which]).replace(/%$/, '') : '–';

/**
 * Column widths: each figure column fits its widest figure, the name column its
 * longest name (within bounds), and what is left is shared by the figure columns
 * so their headings wrap less. If the figures do not fit, every column shrinks alike.
 */
function columnWidths(names: string[], cells: string[][], valueColumns: number, size: number): number[] {
  const stt = 560;
  const need = Array.from({ length: valueColumns }, (_, c) => Math.max(420, ...cells.map((r) => textWidth(r[c]!, size) + 2 * CELL_MARGIN + 60)));
  const name = Math.min(3000, Math.max(1400, ...names.map((n) => textWidth(n, size) + 2 * CELL_MARGIN + 60)));
  const spare = LANDSCAPE_TEXT_WIDTH - stt - name - need.reduce((a, b) => a + b, 0);
  const widths = [stt, name, ...need.map((w) => w + Math.max(0, Math.floor(spare / valueColumns)))];
  const total = widths.reduce((a, b) => a + b, 0);
  return total <= LANDSCAPE_TEXT_WIDTH ? widths : widths.map((w) => Math.floor((w * LANDSCAPE_TEXT_WIDTH) / total));
}

function cell(text: string, width: number, opts: { bold?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; size: number; span?: number; rows?: number }) {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    columnSpan: opts.span,
    rowSpan: opts.rows,
    verticalAlign: VerticalAlign.CENTER,
    margins: { left: CELL_MARGIN, right: CELL_MARGIN, top: 20, bottom: 20 },
    children: [
      new Paragraph({
        alignment: opts.align ?? AlignmentType.LEFT,
        spacing: { before: 0, after: 0, line: 240 },
        children: [new TextRun({ text, size: opts.size, bold: opts.bold })],
      }),
    ],
  });
}

export interface AppendixText {
  title: string;
  subtitle: string;
  attachedTo: string;
}

export function appendix(figures: Figures, text: AppendixText): (Paragraph | Table)[] {
  const def = figures.definition;
  const inds = def.indicators;
  const size = SIZE.appendix;
  const head = SIZE.appendixHead;
  const rows = def.units.map((u) => {
    const by = figures.byUnit.get(u.code);
    return { name: by ? u.name : `${u.name} (chưa báo cáo)`, cells: inds.flatMap((ind) => [value(ind, by?.get(ind.code), 'current'), value(ind, by?.get(ind.code), 'previous')]) };
  });
  const totals = inds.flatMap((ind) => {
    const f = figures.indicators.find((x) => x.indicator.code === ind.code);
    return [value(ind, f, 'current'), value(ind, f, 'previous')];
  });
  const widths = columnWidths([...rows.map((r) => r.name), 'Tổng cộng'], [...rows.map((r) => r.cells), totals], inds.length * 2, size);
  const [stt, name, ...vals] = widths as [number, number, ...number[]];
  const C = AlignmentType.CENTER;
  const R = AlignmentType.RIGHT;

  const header1 = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: [
      cell('STT', stt, { bold: true, align: C, size: head, rows: 2 }),
      cell('Đơn vị', name, { bold: true, align: C, size: head, rows: 2 }),
      ...inds.map((ind, i) => cell(`${ind.label} (${ind.unit})`, vals[2 * i]! + vals[2 * i + 1]!, { bold: true, align: C, size: head, span: 2 })),
    ],
  });
  const header2 = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: [
      ...inds.flatMap((_, i) => [cell('Kỳ này', vals[2 * i]!, { bold: true, align: C, size: head }), cell('Cùng kỳ', vals[2 * i + 1]!, { bold: true, align: C, size: head })]),
    ],
  });
  const body = rows.map(
    (r, i) =>
      new TableRow({
        cantSplit: true,
        children: [cell(String(i + 1), stt, { align: C, size }), cell(r.name, name, { size }), ...r.cells.map((v, c) => cell(v, vals[c]!, { align: R, size }))],
      }),
  );
  const total = new TableRow({
    cantSplit: true,
    children: [cell('', stt, { size }), cell('Tổng cộng', name, { bold: true, size }), ...totals.map((v, c) => cell(v, vals[c]!, { bold: true, align: R, size }))],
  });

  const centred = (t: string, opts: { bold?: boolean; italics?: boolean; after?: number }) =>
    new Paragraph({ alignment: C, spacing: { before: 0, after: opts.after ?? 0 }, children: [new TextRun({ text: t, size: SIZE.body, bold: opts.bold, italics: opts.italics })] });
  return [
    centred(text.title, { bold: true }),
    centred(text.subtitle, { bold: true }),
    centred(text.attachedTo, { italics: true, after: 240 }),
    new Table({
      width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      borders: BORDERS,
      rows: [header1, header2, ...body, total],
    }),
  ];
}
