// `aggregate --as-return FILE --unit CODE`: the province's figures as one return for the
// level above, in the form baocao reads — the unit code given, the period's code, one row
// per count or stock indicator with this period and the same period, exact to its decimals.
// Ratios are left out: the level above computes them again from their summed parts.
import type { Figures } from '../aggregate/aggregate.js';
import type { Indicator } from '../definition/parse.js';
import type { Rational } from '../numbers/rational.js';
import { csvBytes, FORM_HEADER, plainValue } from './forms.js';
import { loadExcelTs, newWorkbook, workbookBytes, workbookDate } from '../write/xlsx.js';

/** A figure as its scaled integer (1234,5 with one decimal: 12345n); exact, as every sum of returns is. */
function scaled(r: Rational, decimals: number): bigint {
  const n = r.n * 10n ** BigInt(decimals);
  if (n % r.d !== 0n) throw new Error(`a sum of returns is not exact to ${decimals} decimals`);
  return n / r.d;
}

/** A figure as the return writes it (forms.ts's plainValue of its scaled integer); '' for none. */
const plain = (r: Rational | null, ind: Indicator, format: 'vi' | 'en' | undefined) =>
  r === null ? '' : plainValue(scaled(r, ind.decimals), ind.decimals, format);

/** The rows of the return: unit, period, code, label, unit of measure, this period, same period. */
function rows(figures: Figures, unit: string) {
  const def = figures.definition;
  return figures.indicators
    .filter((f) => f.indicator.kind !== 'ratio')
    .map((f) => ({
      ind: f.indicator,
      cells: [unit, def.period.code, f.indicator.code, f.indicator.label, f.indicator.unit],
      current: f.current,
      previous: f.previous,
    }));
}

/** The return as CSV, as the forms are. */
export function returnCsv(figures: Figures, unit: string): Uint8Array {
  const format = figures.definition.numberFormat;
  const header = FORM_HEADER.slice(0, 7);
  return csvBytes([
    header,
    ...rows(figures, unit).map((r) => [...r.cells, plain(r.current, r.ind, format), plain(r.previous, r.ind, format)]),
  ]);
}

/** The return as a workbook: the same header and rows, figures as number cells with their decimals. */
export async function returnWorkbook(figures: Figures, unit: string): Promise<Uint8Array> {
  const x = await loadExcelTs();
  const date = workbookDate(figures.definition);
  const wb = newWorkbook(x, date);
  const ws = wb.addWorksheet('Biểu mẫu');
  ws.addRow(FORM_HEADER.slice(0, 7));
  for (const r of rows(figures, unit)) {
    // A number cell holds a double: exact for a whole count, and for a decimal as the text the return shows.
    const value = (v: Rational | null) => (v === null ? null : Number(plain(v, r.ind, 'en')));
    const row = ws.addRow([...r.cells, value(r.current), value(r.previous)]);
    const format = r.ind.decimals > 0 ? `0.${'0'.repeat(r.ind.decimals)}` : '0';
    row.getCell(6).numFmt = format;
    row.getCell(7).numFmt = format;
  }
  ws.getRow(1).font = { bold: true };
  return workbookBytes(wb, date);
}
