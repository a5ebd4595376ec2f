// The header row is the first of the first rows that names every required column; rows with
// fewer filled cells than that (a form's title rows) are passed over without being normalised.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COLUMNS, findHeader, HEADER_SEARCH_ROWS, matchHeader, REQUIRED_COLUMNS } from '../src/ingest/headers.js';

const SEED = Number(process.env.BAOCAO_FUZZ_SEED ?? 20261204);

/** The rule itself, with every row matched. */
const reference = (records: { cells: string[] }[]) =>
  records.findIndex((r, i) => i < HEADER_SEARCH_ROWS && matchHeader(r.cells).missing.length === 0);

describe('the header row', () => {
  it('is found as by matching every row, whatever the rows hold', () => {
    const word = fc.oneof(
      fc.constantFrom(...Object.keys(COLUMNS), ...Object.values(COLUMNS), 'Mã  đơn-vị', ' ky_nay ', 'ĐVT'),
      fc.constantFrom('', ' ', '\u00a0', 'BÁO CÁO KẾT QUẢ', '12', 'x'),
    );
    // A row of the required columns (as keys or labels), perhaps one short, among other cells.
    const required = REQUIRED_COLUMNS.map((c) => fc.constantFrom(c, COLUMNS[c], ` ${COLUMNS[c].toUpperCase()} `));
    const headerish = fc
      .tuple(fc.tuple(...required), fc.array(word, { maxLength: 3 }), fc.nat(5))
      .map(([cols, more, drop]) => [...cols.filter((_, i) => i !== drop), ...more]);
    const row = fc.oneof(fc.array(word, { maxLength: 9 }), headerish).map((cells) => ({ cells }));
    let found = 0;
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), (rs) => {
        const at = reference(rs);
        if (at !== -1) found++;
        return findHeader(rs) === at;
      }),
      { seed: SEED, numRuns: 500 },
    );
    // The cases hold header rows, at one place or another, and tables without one.
    expect(found).toBeGreaterThan(100);
    expect(found).toBeLessThan(500);
  });
});
