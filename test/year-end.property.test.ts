// Year-end reports: values with decimals add up exactly (held to exact rational
// arithmetic, where binary floating point drifts), groups partition the units and
// their subtotals add up to the province, and equalsSum holds exactly or is reported.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregateReturns } from '../src/aggregate/aggregate.js';
import { displayValue } from '../src/present/figures.js';
import { figuresToJson } from '../src/present/json.js';
import { parseDefinition } from '../src/definition/parse.js';
import { readTextReturn } from '../src/ingest/returns.js';
import { compare, rational, type Rational } from '../src/numbers/rational.js';
import { validateReturns } from '../src/validate/validate.js';

const seed = Number(process.env.BAOCAO_FUZZ_SEED ?? 14);
const runs = Number(process.env.BAOCAO_FUZZ_RUNS ?? 1);

function definition(units: { code: string; group: string }[], groups: string[]) {
  return parseDefinition(
    `period: { code: "2024", label: năm 2024, previousLabel: năm 2023, start: 2024-01-01, end: 2024-12-31 }
groups:
${groups.map((g) => `  - { code: ${g}, name: Nhóm ${g} }`).join('\n')}
units:
${units.map((u) => `  - { code: "${u.code}", name: Xã ${u.code}, group: ${u.group} }`).join('\n')}
indicators:
  - { code: HA, label: Diện tích, unit: ha, kind: count, decimals: 2, plan: 1340 }
  - { code: T, label: Tấn, unit: tấn, kind: stock, decimals: 3 }
  - { code: P1, label: Phần một, unit: hộ, kind: stock }
  - { code: P2, label: Phần hai, unit: hộ, kind: stock }
  - { code: TONG, label: Tổng, unit: hộ, kind: stock }
rules:
  - { indicator: TONG, equalsSum: [P1, P2] }
`,
    'nam.yaml',
    '/',
  );
}

/** n hundredths (or thousandths) written the Vietnamese way: 126550 with 2 decimals → "1.265,50". */
function vi(n: bigint, decimals: number): string {
  const digits = n.toString().padStart(decimals + 1, '0');
  const whole = digits.slice(0, -decimals).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${whole},${digits.slice(-decimals)}`;
}

const sumR = (xs: Rational[]): Rational =>
  xs.reduce((a, b) => ({ n: a.n * b.d + b.n * a.d, d: a.d * b.d }), rational(0n));

const unitRow = fc.record({
  ha: fc.tuple(fc.bigInt(0n, 10n ** 8n), fc.bigInt(0n, 10n ** 8n)),
  t: fc.tuple(fc.bigInt(0n, 10n ** 9n), fc.bigInt(0n, 10n ** 9n)),
  p1: fc.tuple(fc.bigInt(0n, 10n ** 6n), fc.bigInt(0n, 10n ** 6n)),
  p2: fc.tuple(fc.bigInt(0n, 10n ** 6n), fc.bigInt(0n, 10n ** 6n)),
  group: fc.integer({ min: 0, max: 3 }),
});

function returns(rows: { ha: bigint[]; t: bigint[]; p1: bigint[]; p2: bigint[] }[], codes: string[], tongOff = 0n) {
  const lines = ['ma_don_vi;ky_bao_cao;ma_chi_tieu;ky_nay;cung_ky'];
  rows.forEach((r, i) => {
    const c = codes[i]!;
    lines.push(`${c};2024;HA;${vi(r.ha[0]!, 2)};${vi(r.ha[1]!, 2)}`, `${c};2024;T;${vi(r.t[0]!, 3)};${vi(r.t[1]!, 3)}`);
    lines.push(`${c};2024;P1;${r.p1[0]};${r.p1[1]}`, `${c};2024;P2;${r.p2[0]};${r.p2[1]}`);
    lines.push(`${c};2024;TONG;${r.p1[0]! + r.p2[0]! + (i === 0 ? tongOff : 0n)};${r.p1[1]! + r.p2[1]!}`);
  });
  return readTextReturn(new TextEncoder().encode(lines.join('\r\n')), 'nam.csv');
}

describe('year-end figures', () => {
  it('sum values with decimals exactly, group subtotals add up to the province, plan share exact', () => {
    fc.assert(
      fc.property(fc.array(unitRow, { minLength: 1, maxLength: 25 }), (rows) => {
        const groups = ['G0', 'G1', 'G2', 'G3'];
        const codes = rows.map((_, i) => String(i + 1).padStart(3, '0'));
        const def = definition(
          rows.map((r, i) => ({ code: codes[i]!, group: groups[r.group]! })),
          groups,
        );
        const { checked, problems } = validateReturns(def, [returns(rows, codes)]);
        expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
        const figures = aggregateReturns(def, checked);
        const [ha, t] = figures.indicators;
        // Exact: the sum of the exact decimals, compared as rationals.
        const exactHa = sumR(rows.map((r) => rational(r.ha[0]!, 100n)));
        const exactT = sumR(rows.map((r) => rational(r.t[1]!, 1000n)));
        expect(compare(ha!.current!, exactHa)).toBe(0);
        expect(compare(t!.previous!, exactT)).toBe(0);
        // Shown with exactly its decimals.
        expect(displayValue(ha!.indicator, ha!.current)).toMatch(/,\d{2}$/);
        // Groups partition the units: the subtotals add up to the province, indicator by indicator.
        for (const ind of def.inputIndicators) {
          const subtotals = groups.map((g) => figures.byGroup.get(g)!.get(ind.code)!.current!);
          const total = figures.indicators.find((f) => f.indicator.code === ind.code)!.current!;
          expect(compare(sumR(subtotals), total), ind.code).toBe(0);
        }
        // planPct = current / plan × 100, exactly.
        expect(compare(ha!.planPct!, { n: exactHa.n * 100n, d: exactHa.d * 1340n })).toBe(0);
        // JSON carries numbers, and the plan.
        const json = figuresToJson(figures) as { indicators: Record<string, { plan: number; planPct: number }> };
        expect(json.indicators.HA!.plan).toBe(1340);
      }),
      { numRuns: 150 * runs, seed },
    );
  });

  it('a total that must equal the sum of its parts passes when it does and is reported when it is one off', () => {
    fc.assert(
      fc.property(
        fc.array(unitRow, { minLength: 1, maxLength: 10 }),
        fc.bigInt(1n, 5n),
        fc.boolean(),
        (rows, off, up) => {
          const codes = rows.map((_, i) => String(i + 1).padStart(3, '0'));
          const def = definition(
            rows.map((_, i) => ({ code: codes[i]!, group: 'G0' })),
            ['G0'],
          );
          expect(
            validateReturns(def, [returns(rows, codes)]).problems.filter((p) => p.code === 'RULE_VIOLATION'),
          ).toEqual([]);
          const broken = validateReturns(def, [returns(rows, codes, up ? off : -off)]).problems.filter(
            (p) => p.code === 'RULE_VIOLATION',
          );
          // One off upwards always breaks it; downwards only while the total stays a valid count.
          const total = rows[0]!.p1[0]! + rows[0]!.p2[0]!;
          const expected = up || total >= off ? 1 : 0;
          expect(broken.filter((p) => p.unit === codes[0] && p.column === 'ky_nay')).toHaveLength(expected);
        },
      ),
      { numRuns: 150 * runs, seed },
    );
  });

  it('totals six returns as 1.265,00 exactly, where binary floating point gives 1264,9999999999998', () => {
    const values = ['569,88', '73,76', '229,38', '167,31', '108,84', '115,83'];
    // The trap: summing these as JavaScript numbers is not 1265.
    expect(values.map((v) => Number(v.replace(/\./g, '').replace(',', '.'))).reduce((a, b) => a + b, 0)).not.toBe(1265);
    const def = definition(
      values.map((_, i) => ({ code: String(i + 1), group: 'G0' })),
      ['G0'],
    );
    const lines = ['ma_don_vi;ky_bao_cao;ma_chi_tieu;ky_nay;cung_ky'];
    values.forEach((v, i) =>
      lines.push(
        `${i + 1};2024;HA;${v};0`,
        `${i + 1};2024;T;0;0`,
        `${i + 1};2024;P1;0;0`,
        `${i + 1};2024;P2;0;0`,
        `${i + 1};2024;TONG;0;0`,
      ),
    );
    const { checked, problems } = validateReturns(def, [
      readTextReturn(new TextEncoder().encode(lines.join('\n')), 'x.csv'),
    ]);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    const ha = aggregateReturns(def, checked).indicators[0]!;
    expect(displayValue(ha.indicator, ha.current)).toBe('1.265,00');
    expect(figuresToJson(aggregateReturns(def, checked)).indicators).toMatchObject({
      HA: { current: 1265, display: { current: '1.265,00' } },
    });
  });
});
