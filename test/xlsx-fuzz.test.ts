// No workbook crashes or stalls the reader: sheets made of random rows, cells, merges,
// column ranges and number formats (a percentage or date as the default format, a workbook
// that asks to be recalculated, sometimes) — row numbers and cell references anywhere (0, past the
// sheet's last row, column XFD, garbage), merges over any area — read to a return or to
// coded problems, never an exception. Seed and scale as in fuzz.test.ts; BAOCAO_FUZZ_SHOW=1
// prints how the cases ended (read, no rows, or the code that refused the workbook).
import { factsOf } from '../src/messages/problem.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readReturn } from '../src/ingest/returns.js';
import { PROBLEM_CODES } from '../src/messages/catalog.js';
import { FIXTURES } from './helpers.js';

const SCALE = Number(process.env.BAOCAO_FUZZ_RUNS ?? 1);
const SEED = Number(process.env.BAOCAO_FUZZ_SEED ?? 20210813);
const runs = (n: number) => ({ numRuns: Math.max(1, Math.round(n * SCALE)), seed: SEED, endOnFailure: true });

const FORM = unzipSync(readFileSync(path.join(FIXTURES, 'check', 'xlsx-ok', 'returns', 'xa-02.xlsx')));
const SHEET = strFromU8(FORM['xl/worksheets/sheet1.xml']!);
const STYLES = strFromU8(FORM['xl/styles.xml']!);

// Mostly the table's own columns and rows, sometimes far out (column XFD, the last row),
// seldom impossible (a column past XFD, row 0 or 4,000,000,000, no number at all).
const column = fc.oneof(
  { arbitrary: fc.constantFrom('A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'), weight: 400 },
  { arbitrary: fc.constantFrom('BL', 'BM', 'XFD'), weight: 20 },
  { arbitrary: fc.constantFrom('XFE', 'ZZZZ', '', '$E'), weight: 1 },
);
const rowNumber = fc.oneof(
  { arbitrary: fc.integer({ min: 1, max: 40 }), weight: 400 },
  { arbitrary: fc.constantFrom(1_000, 1_048_576), weight: 20 },
  { arbitrary: fc.constantFrom(0, -1, 1_048_577, 4_000_000_000, NaN), weight: 1 },
);
const ref = fc.tuple(column, rowNumber).map(([c, r]) => `${c}${Number.isNaN(r) ? 'x' : r}`);
const value = fc.oneof(
  fc.integer({ min: -5, max: 100_000 }).map((n) => `<v>${n}</v>`),
  fc.double({ noNaN: true, min: -1e6, max: 1e6 }).map((n) => `<v>${n}</v>`),
  fc
    .oneof({ arbitrary: fc.integer({ min: 0, max: 15 }), weight: 200 }, { arbitrary: fc.constant(99), weight: 1 })
    .map((n) => ` t="s"><v>${n}</v`), // a shared string (99: past the list)
  fc.constantFrom(
    '<f>E5-1</f>',
    '<f>E5-1</f><v>4</v>',
    ' t="inlineStr"><is><t>ghi chú</t></is',
    ' t="e"><v>#DIV/0!</v',
    ' t="b"><v>1</v',
    '',
  ),
);
// A format number past the formats' list (s="99": a damaged file, refused when its number is suspect) is seldom.
const styleId = fc.oneof(
  { arbitrary: fc.constantFrom('', ' s="1"', ' s="2"'), weight: 300 },
  { arbitrary: fc.constant(' s="99"'), weight: 1 },
);
// A cell's reference: mostly its own row (or none: the next column), seldom another row's (refused, named).
const cell = fc.tuple(
  column,
  fc.oneof({ arbitrary: fc.constant(undefined), weight: 800 }, { arbitrary: rowNumber, weight: 1 }),
  value,
  styleId,
);
const row = fc
  .tuple(
    fc.option(
      fc.oneof({ arbitrary: fc.integer({ min: 8, max: 60 }), weight: 400 }, { arbitrary: rowNumber, weight: 5 }),
      { nil: undefined },
    ),
    // Two cells at one place are refused (named): the columns of a row are apart.
    fc.uniqueArray(cell, { maxLength: 8, selector: ([c]) => c.replace('$', '') }),
    fc.boolean(),
    // Cells with their references, or (seldom) without: each then takes the next column.
    fc.oneof({ arbitrary: fc.constant(true), weight: 10 }, { arbitrary: fc.constant(false), weight: 1 }),
  )
  .map(([r, cells, hidden, refs]) => {
    const own = r === undefined ? undefined : Number.isNaN(r) ? 'x' : String(r);
    const xml = cells.map(([c, other, v, s]) => {
      const rowPart = other !== undefined ? (Number.isNaN(other) ? 'x' : String(other)) : (own ?? '');
      const at = !refs || (own === undefined && other === undefined) ? '' : ` r="${c}${rowPart}"`;
      // A value that carries its own attributes (` t="s"><v>…</v`) closes the tag itself.
      return v.startsWith(' t=') ? `<c${at}${s}${v}></c>` : `<c${at}${s}>${v}</c>`;
    });
    return {
      r,
      xml: `<row${own === undefined ? '' : ` r="${own}"`}${hidden ? ' hidden="1"' : ''}>${xml.join('')}</row>`,
    };
  });
// Merges that overlap (a damaged file: ExcelTS refuses it) are frequent among random ones: few are made.
const merge = fc.oneof(
  { arbitrary: fc.tuple(ref, ref).map(([a, b]) => `<mergeCell ref="${a}:${b}"/>`), weight: 10 },
  { arbitrary: fc.constantFrom('<mergeCell ref="A20:XFD1048576"/>', '<mergeCell ref="G10:H1048576"/>'), weight: 1 },
);
const col = fc
  .tuple(
    fc.integer({ min: -1, max: 20 }),
    fc.oneof(fc.integer({ min: -1, max: 70 }), fc.constant(2_000_000_000)),
    fc.boolean(),
  )
  .map(([min, max, hidden]) => `<col min="${min}" max="${max}" width="9"${hidden ? ' hidden="1"' : ''}/>`);
const format = fc.constantFrom(
  '0%',
  '0.0\\%',
  '0.0\\\\%',
  '0.0&quot;%&quot;',
  'dd\\/mm\\/yyyy',
  '0\\d',
  '\\&quot;0%\\&quot;',
  '#,##0',
  '[Red]0.0%',
  '\\',
  '#,##0,',
  ';;;',
);

/** The form with a random sheet (rows after its own, merges, column ranges) and random number formats. */
const workbook = fc
  .record({
    // Two rows at one place are refused (named): row numbers are mostly apart.
    rows: fc.uniqueArray(row, { maxLength: 12, selector: (r) => r.r ?? Symbol() }).map((rs) => rs.map((r) => r.xml)),
    merges: fc.array(merge, { maxLength: 2 }),
    cols: fc.array(col, { maxLength: 3 }),
    formats: fc.array(format, { maxLength: 3 }),
    // The first cell format (the default of cells that name none) as a percentage or a date, sometimes.
    defaultFormat: fc.constantFrom(0, 0, 0, 9, 14),
    // A workbook that asks to be recalculated on opening, sometimes.
    recalc: fc.boolean(),
  })
  .map(({ rows, merges, cols, formats, defaultFormat, recalc }) => {
    let sheet = SHEET.replace('</sheetData>', `${rows.join('')}</sheetData>`);
    if (cols.length > 0) sheet = sheet.replace('<sheetData>', `<cols>${cols.join('')}</cols><sheetData>`);
    if (merges.length > 0)
      sheet = sheet.replace('<mergeCells count="1">', `<mergeCells count="${merges.length + 1}">${merges.join('')}`);
    // The random formats come first in the cell formats, then plain ones, so that s="1" and s="2" are always in the list.
    let styles = STYLES;
    const numFmts = formats.map((f, i) => `<numFmt numFmtId="${164 + i}" formatCode="${f}"/>`).join('');
    if (formats.length > 0)
      styles = styles
        .replace(/<numFmts[\s\S]*?<\/numFmts>/, '')
        .replace('<fonts', `<numFmts count="${formats.length}">${numFmts}</numFmts><fonts`);
    const xfs = [defaultFormat, ...formats.map((_, i) => 164 + i), 0, 0].map(
      (id) => `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/>`,
    );
    styles = styles.replace(
      /(<cellXfs count=")(\d+)(">)/,
      (_, a, n, b) => `${a}${Number(n) + xfs.length}${b}${xfs.join('')}`,
    );
    const book = strFromU8(FORM['xl/workbook.xml']!).replace(
      /<calcPr[^>]*\/>/,
      recalc ? '<calcPr calcId="171027" fullCalcOnLoad="1"/>' : '<calcPr calcId="171027"/>',
    );
    return zipSync({
      ...FORM,
      'xl/workbook.xml': strToU8(book),
      'xl/worksheets/sheet1.xml': strToU8(sheet),
      'xl/styles.xml': strToU8(styles),
    });
  });

describe('no workbook crashes the reader', () => {
  it('random rows, cells, merges, column ranges and number formats', async () => {
    const outcomes = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(workbook, async (bytes) => {
        const file = await readReturn(bytes, 'xa.xlsx', { numberFormat: 'vi' });
        for (const p of file.problems) expect(PROBLEM_CODES).toContain(p.code);
        for (const r of file.rows) expect(typeof r.current).toBe('string');
        // A workbook refused outright (its formats named at a cell too) or read to rows, or to none.
        const unread = file.problems.find(
          (p) => p.severity === 'error' && (!p.line || p.code === 'XLSX_UNREADABLE' || p.code === 'XLSX_BAD_CELL'),
        );
        const outcome = unread
          ? `${unread.code}${factsOf(unread).reason === 'FORMATS' ? ' FORMATS' : ''}`
          : file.rows.length > 0
            ? 'read'
            : 'no rows';
        outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
      }),
      runs(300),
    );
    if (process.env.BAOCAO_FUZZ_SHOW) console.log([...outcomes]);
    // The cases reach the reader's every path, not only a refusal: most read to rows.
    expect(outcomes.get('read') ?? 0, JSON.stringify([...outcomes])).toBeGreaterThan(runs(300).numRuns / 3);
    expect(outcomes.get('MERGE_TOO_LARGE') ?? 0, JSON.stringify([...outcomes])).toBeGreaterThan(0);
    expect(outcomes.get('XLSX_UNREADABLE') ?? 0, JSON.stringify([...outcomes])).toBeGreaterThan(0);
    expect(outcomes.get('XLSX_UNREADABLE FORMATS') ?? 0, JSON.stringify([...outcomes])).toBeGreaterThan(0);
    expect(outcomes.get('XLSX_BAD_CELL') ?? 0, JSON.stringify([...outcomes])).toBeGreaterThan(0);
  });
});
