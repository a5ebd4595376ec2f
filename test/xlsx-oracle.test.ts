// The workbook reader held equal to ExcelTS, the library it replaced (kept as a dev dependency
// for this): on generated valid workbooks — numbers, text with Vietnamese and XML's special
// characters, booleans, formulas with saved results, percentages and dates by format, merged
// areas, hidden rows and columns, a hidden sheet before the form — and on every .xlsx fixture,
// each cell reads as the text ExcelTS's value of it gives, the same rows and columns are hidden,
// and the same sheet is read.
import { Workbook, type CellValue } from '@cj-tech-master/excelts';
import fc from 'fast-check';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { numberText, xlsxReader } from '../src/ingest/readers/xlsx/index.js';
import { scalesByHundred } from '../src/ingest/readers/xlsx/formats.js';
import { FIXTURES } from './helpers.js';

const SEED = Number(process.env.BAOCAO_FUZZ_SEED ?? 20210813);
const pad = (n: number) => String(n).padStart(2, '0');

/** A cell's text as ExcelTS's value of it says (the reading the old reader made of it). */
function oracleText(value: CellValue, numFmt: string | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (value !== 0 && scalesByHundred(numFmt)) return `${numberText(value * 100, ',')}%`;
    return numberText(value, ',');
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date)
    return `${pad(value.getUTCDate())}/${pad(value.getUTCMonth() + 1)}/${value.getUTCFullYear()}`;
  const v = value as unknown as Record<string, unknown>;
  if (Array.isArray(v.richText)) return (v.richText as { text: string }[]).map((r) => r.text).join('');
  if ('formula' in v || 'sharedFormula' in v)
    return v.result === undefined ? '' : oracleText(v.result as CellValue, numFmt);
  if ('error' in v) return String(v.error);
  return String(value);
}

interface Seen {
  sheet: string;
  cells: Map<string, string>;
  hiddenRows: number[];
  hiddenColumns: number[];
}

/** What ExcelTS reads of a workbook's first visible sheet: each non-empty cell's text by "row:col". */
async function oracle(bytes: Uint8Array): Promise<Seen> {
  const wb = new Workbook();
  await wb.xlsx.load(bytes);
  const ws = wb.worksheets.filter((w) => (w.state ?? 'visible') === 'visible')[0]!;
  const cells = new Map<string, string>();
  const hiddenRows: number[] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    let filled = false;
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const text = oracleText(cell.value, typeof cell.numFmt === 'string' ? cell.numFmt : undefined);
      // Past column BL a cell is outside any table: the reader names it (CELL_OUTSIDE_TABLE) rather than reading it.
      if (text !== '' && c <= 64) {
        cells.set(`${r}:${c}`, text);
        filled = true;
      }
    });
    if (row.hidden && filled) hiddenRows.push(r);
  });
  const hiddenColumns = (ws.columns ?? []).flatMap((c) => (c?.hidden && c.number <= 64 ? [c.number] : []));
  return { sheet: ws.name, cells, hiddenRows, hiddenColumns };
}

/** What the reader reads: the same. */
async function ours(bytes: Uint8Array): Promise<Seen> {
  const out = await xlsxReader.read(bytes, { numberFormat: 'vi' });
  if (!out.ok) throw new Error(`refused: ${JSON.stringify(out.problem)}`);
  const cells = new Map<string, string>();
  for (const r of out.table.records) r.cells.forEach((t, i) => t !== '' && cells.set(`${r.line}:${i + 1}`, t));
  return {
    sheet: out.table.sheet!,
    cells,
    hiddenRows: out.table.hiddenRows ?? [],
    hiddenColumns: out.table.hiddenColumns ?? [],
  };
}

const text = fc
  .array(fc.constantFrom('a', 'Xã', ' ', 'ế', '&', '<', '>', '"', "'", '1', ',', '.', '\n', '%', 'Mã đơn vị'), {
    minLength: 1,
    maxLength: 6,
  })
  .map((cs) => cs.join(''))
  .filter((s) => s.trim() !== '');
const number = fc.oneof(
  fc.integer({ min: -1000, max: 1_000_000 }),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((n) => Math.round(n * 1000) / 1000),
);
const value = fc.oneof(
  { arbitrary: number, weight: 6 },
  { arbitrary: text, weight: 3 },
  { arbitrary: fc.boolean(), weight: 1 },
  { arbitrary: number.map((n) => ({ formula: 'A1+1', result: n })), weight: 1 },
  { arbitrary: text.map((t) => ({ formula: '"x"&"y"', result: t })), weight: 1 },
);
// Formats a unit's cell may carry: none, grouping, a percentage, a date (with a serial of a real day), text.
const format = fc.constantFrom(undefined, undefined, '#,##0', '0.0%', '0%', 'dd/mm/yyyy', '@', '0.00');
const cell = fc.tuple(fc.integer({ min: 1, max: 8 }), value, format);
const workbookSpec = fc.record({
  rows: fc.uniqueArray(
    fc.tuple(
      fc.integer({ min: 1, max: 30 }),
      fc.uniqueArray(cell, { maxLength: 6, selector: (c) => c[0] }),
      fc.boolean(),
    ),
    { maxLength: 12, selector: (r) => r[0] },
  ),
  merges: fc.array(
    fc.tuple(
      fc.integer({ min: 1, max: 30 }),
      fc.integer({ min: 1, max: 8 }),
      fc.integer({ min: 0, max: 2 }),
      fc.integer({ min: 0, max: 2 }),
    ),
    { maxLength: 3 },
  ),
  hiddenColumns: fc.uniqueArray(fc.integer({ min: 1, max: 8 }), { maxLength: 2 }),
  hiddenFirst: fc.boolean(),
});

async function build(spec: typeof workbookSpec extends fc.Arbitrary<infer T> ? T : never): Promise<Uint8Array> {
  const wb = new Workbook();
  if (spec.hiddenFirst) {
    const hidden = wb.addWorksheet('Nháp');
    hidden.getCell('A1').value = 999;
    hidden.state = 'hidden';
  }
  const ws = wb.addWorksheet('Biểu mẫu');
  for (const [r, cells, hidden] of spec.rows) {
    for (const [c, v, f] of cells) {
      const target = ws.getCell(r, c);
      // A date format with a number: a serial of a real day (1955–2030), as a typed date is.
      // (ExcelTS reads serials below 61 a day off: it knows nothing of Excel's 29 February 1900.)
      const serial = (n: number) => 20_000 + (Math.abs(Math.round(n)) % 27_000);
      const dated =
        f === 'dd/mm/yyyy' && typeof v === 'number'
          ? serial(v)
          : f === 'dd/mm/yyyy' && typeof v === 'object' && typeof v.result === 'number'
            ? { ...v, result: serial(v.result) }
            : v;
      target.value = dated as CellValue;
      if (f) target.style = { ...target.style, numFmt: f };
    }
    if (hidden) ws.getRow(r).hidden = true;
  }
  const taken = new Set<string>();
  for (const [r, c, down, right] of spec.merges) {
    const area: string[] = [];
    for (let i = r; i <= r + down; i++) for (let j = c; j <= c + right; j++) area.push(`${i}:${j}`);
    if (area.length < 2 || area.some((k) => taken.has(k))) continue;
    area.forEach((k) => taken.add(k));
    ws.mergeCells(r, c, r + down, c + right);
  }
  for (const c of spec.hiddenColumns) ws.getColumn(c).hidden = true;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('the reader, held equal to ExcelTS', () => {
  it('reads every cell of generated valid workbooks as ExcelTS does', async () => {
    await fc.assert(
      fc.asyncProperty(workbookSpec, async (spec) => {
        const bytes = await build(spec);
        const want = await oracle(bytes);
        // Nothing on the visible sheet, a number on the hidden draft: refused, naming the draft
        // (what the unit cannot see is never read, nor called an empty file).
        if (want.cells.size === 0 && spec.hiddenFirst) {
          const out = await xlsxReader.read(bytes, { numberFormat: 'vi' });
          expect(out.ok ? undefined : [out.problem.code, out.problem.sheet]).toEqual(['HIDDEN_SHEETS_ONLY', 'Nháp']);
          return;
        }
        const got = await ours(bytes);
        expect(got.sheet).toBe(want.sheet);
        expect(Object.fromEntries(got.cells)).toEqual(Object.fromEntries(want.cells));
        expect(got.hiddenRows).toEqual(want.hiddenRows);
        if (want.cells.size > 0) expect(got.hiddenColumns).toEqual(want.hiddenColumns); // a sheet with nothing on it is no table
      }),
      { numRuns: 150, seed: SEED },
    );
  });

  it('reads every .xlsx fixture as ExcelTS does', async () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const n of readdirSync(dir)) {
        const p = path.join(dir, n);
        if (statSync(p).isDirectory()) walk(p);
        else if (n.endsWith('.xlsx')) files.push(p);
      }
    };
    walk(FIXTURES);
    let compared = 0;
    for (const file of files) {
      const bytes = readFileSync(file);
      let want: Seen;
      try {
        want = await oracle(bytes);
      } catch {
        continue; // not a workbook ExcelTS reads (an encrypted file, a deliberately broken one)
      }
      const out = await xlsxReader.read(bytes, { numberFormat: 'vi' });
      if (!out.ok) {
        // Refused for what ExcelTS reads past: named, never a guess.
        expect([path.relative(FIXTURES, file), out.problem.code]).toEqual([
          path.relative(FIXTURES, file),
          expect.stringMatching(/^(XLSX_BAD_CELL|MERGE_TOO_LARGE)$/),
        ]);
        continue;
      }
      const got = await ours(bytes);
      expect([file, got.sheet, Object.fromEntries(got.cells)]).toEqual([
        file,
        want.sheet,
        Object.fromEntries(want.cells),
      ]);
      compared++;
    }
    expect(compared).toBeGreaterThan(15);
  });
});
