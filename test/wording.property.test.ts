// Every sentence the report writes about a figure, for any figures: rises, falls, zeros
// before and after, equal, rates, floor and ceiling targets kept and missed, plans. A
// second reading of the wording table (../docs/wording.md), written here from the table
// alone, must give the same sentence, and none of the phrasings a reviewer sends back
// may appear.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { aggregateReturns } from '../src/aggregate/aggregate.js';
import { parseDefinition } from '../src/definition/parse.js';
import { formatDecimalVi } from '../src/numbers/format.js';
import { changePhrase, lowerFirst, reportSubject, sentencePhrase, versusPhrase } from '../src/present/wording.js';

type Kind = 'count' | 'stock' | 'ratio';
interface Case {
  kind: Kind;
  unit: string;
  decimals: number;
  /** Scaled by 10^decimals; for a ratio, the numerator and denominator. */
  now: [bigint, bigint];
  before: [bigint, bigint];
  target?: {
    measure: 'current' | 'changePct' | 'change';
    atLeast?: number;
    atMost?: number;
    above?: number;
    below?: number;
  };
  plan?: number;
  /** The indicator's label and the period before (for the README's paragraph). */
  label?: string;
  previous?: string;
}

const DEFAULT_PREVIOUS = 'cùng kỳ năm 2020';
const DEFAULT_LABEL = 'Chỉ tiêu X';
const PREVIOUS = DEFAULT_PREVIOUS;
const LABEL = DEFAULT_LABEL;

const small = fc.oneof(fc.constant(0n), fc.bigInt(1n, 30n), fc.bigInt(0n, 5000n));
const caseArb: fc.Arbitrary<Case> = fc
  .record({
    kind: fc.constantFrom<Kind>('count', 'stock', 'ratio'),
    unit: fc.constantFrom('vụ', 'ha', 'người', '%', 'tỷ đồng'),
    decimals: fc.constantFrom(0, 0, 2),
    a: small,
    b: small,
    same: fc.boolean(),
    den: fc.tuple(fc.bigInt(1n, 400n), fc.bigInt(1n, 400n)),
    target: fc.option(
      fc.oneof(
        fc.record({ measure: fc.constant<'current'>('current'), atLeast: fc.constantFrom(0, 5, 75, 12.5) }),
        fc.record({ measure: fc.constant<'current'>('current'), atMost: fc.constantFrom(0, 10, 25) }),
        fc.record({ measure: fc.constant<'changePct'>('changePct'), atMost: fc.constantFrom(-5, 0, 5) }),
        fc.record({ measure: fc.constant<'changePct'>('changePct'), atLeast: fc.constantFrom(-5, 0, 10) }),
        fc.record({ measure: fc.constant<'current'>('current'), below: fc.constantFrom(12, 30) }),
        fc.record({ measure: fc.constant<'current'>('current'), above: fc.constantFrom(0, 75) }),
        fc.record({
          measure: fc.constantFrom<'change' | 'changePct'>('change', 'changePct'),
          below: fc.constantFrom(-1.5, 0, 3),
        }),
        fc.record({
          measure: fc.constantFrom<'change' | 'changePct'>('change', 'changePct'),
          above: fc.constantFrom(-2, 0, 1.5),
        }),
        fc.record({ measure: fc.constant<'change'>('change'), atMost: fc.constantFrom(-1.5, 0, 4) }),
        fc.record({ measure: fc.constant<'change'>('change'), atLeast: fc.constantFrom(-3, 0, 2) }),
      ),
      { nil: undefined },
    ),
    plan: fc.option(fc.constantFrom(0, 40, 100, 1000), { nil: undefined }),
  })
  .map(({ kind, unit, decimals, a, b, same, den, target, plan }) => {
    const before = same ? a : b;
    if (kind === 'ratio') {
      // Numerators at most their denominators, as a rule would hold them.
      const [dn, db] = den;
      return {
        kind,
        unit: '%',
        decimals: 0,
        now: [a % (dn + 1n), dn],
        before: [before % (db + 1n), db],
        target,
      } as Case;
    }
    return {
      kind,
      unit,
      decimals: kind === 'stock' ? decimals : 0,
      now: [a, 1n],
      before: [before, 1n],
      target,
      plan,
    } as Case;
  });

function figureOf(c: Case) {
  const yaml = (v: unknown) => JSON.stringify(v);
  const LABEL = c.label ?? DEFAULT_LABEL;
  const PREVIOUS = c.previous ?? DEFAULT_PREVIOUS;
  const indicators =
    c.kind === 'ratio'
      ? `  - { code: N, label: Tử, unit: vụ, kind: count }
  - { code: D, label: Mẫu, unit: vụ, kind: count }
  - { code: X, label: ${LABEL}, kind: ratio, numerator: N, denominator: D${c.target ? `, target: ${yaml(c.target)}` : ''} }`
      : `  - { code: X, label: ${LABEL}, unit: ${yaml(c.unit)}, kind: ${c.kind}, decimals: ${c.decimals}${c.target ? `, target: ${yaml(c.target)}` : ''}${c.plan !== undefined ? `, plan: ${c.plan}` : ''} }`;
  const def = parseDefinition(
    `period: { code: P, label: kỳ này, previousLabel: ${PREVIOUS}, start: 2021-01-01, end: 2021-06-30 }\nunits:\n  - { code: "001", name: Một }\nindicators:\n${indicators}\n`,
    'baocao.yaml',
    '/',
  );
  const sums =
    c.kind === 'ratio'
      ? [
          ['N', c.now[0], c.before[0]],
          ['D', c.now[1], c.before[1]],
        ]
      : [['X', c.now[0], c.before[0]]];
  const values = new Map([
    [
      '001',
      new Map(
        sums.map(([code, current, previous]) => [
          code as string,
          { current: current as bigint, previous: previous as bigint, file: '', line: 0 },
        ]),
      ),
    ],
  ]);
  const figures = aggregateReturns(def, { values, received: ['001'], missing: [] });
  const f = figures.indicators.find((i) => i.indicator.code === 'X')!;
  return { indicator: f.indicator, figure: f, target: f.target };
}

// ---- the table, read a second time -------------------------------------------------
const scaled = (v: bigint, decimals: number) => ({ n: v, d: 10n ** BigInt(decimals) });
const num = (v: { n: bigint; d: bigint }, decimals: number) => formatDecimalVi(v, { decimals });
const withUnit = (text: string, unit: string) => (unit === '%' ? `${text}%` : `${text} ${unit}`);
/** n/d as a percentage printed with one decimal, in tenths of a percent (half-up). */
const tenths = (n: bigint, d: bigint) => (n * 2000n + d) / (2n * d);
const pct1 = (t: bigint) => formatDecimalVi({ n: t, d: 10n }, { decimals: 1 });

function expected(c: Case): string {
  const t = c.target;
  const op =
    t === undefined
      ? undefined
      : t.atLeast !== undefined
        ? 'atLeast'
        : t.atMost !== undefined
          ? 'atMost'
          : t.above !== undefined
            ? 'above'
            : 'below';
  const boundOf = (x: NonNullable<Case['target']>) => (x.atLeast ?? x.atMost ?? x.above ?? x.below)!;
  const floor = t !== undefined && (op === 'atLeast' || op === 'above' || (t.measure !== 'current' && boundOf(t) < 0));
  const boundText = (v: number) =>
    formatDecimalVi({ n: BigInt(Math.round(Math.abs(v) * 10)), d: 10n }, { decimals: 1, trimZeros: true });
  const targetWords = () => {
    const v = boundOf(t!);
    if (t!.measure !== 'current') {
      const by =
        t!.measure === 'changePct'
          ? `${boundText(v)}%`
          : c.kind === 'ratio' || c.unit === '%'
            ? `${boundText(v)} điểm phần trăm`
            : `${boundText(v)} ${c.unit}`;
      const table: Record<string, [string, string, string]> = {
        atMost: [`giảm ít nhất ${by}`, 'không tăng', `tăng không quá ${by}`],
        atLeast: [`giảm không quá ${by}`, 'không giảm', `tăng ít nhất ${by}`],
        below: [`giảm hơn ${by}`, 'giảm', `tăng dưới ${by}`],
        above: [`giảm dưới ${by}`, 'tăng', `tăng hơn ${by}`],
      };
      return `${table[op!]![v < 0 ? 0 : v === 0 ? 1 : 2]} so với cùng kỳ`;
    }
    const unit = c.kind === 'ratio' || c.unit === '%' ? '%' : ` ${c.unit}`;
    if (op === 'atMost')
      return v === 0 && c.kind !== 'ratio' ? 'không để phát sinh' : `không quá ${boundText(v)}${unit}`;
    if (op === 'below') return `dưới ${boundText(v)}${unit}`;
    if (op === 'above') return `trên ${boundText(v)}${unit}`;
    return `từ ${boundText(v)}${unit} trở lên`;
  };
  const zeroTarget = t !== undefined && t.measure === 'current' && t.atMost === 0 && c.kind !== 'ratio';

  if (c.kind === 'ratio') {
    const a = tenths(c.now[0], c.now[1]);
    const b = tenths(c.before[0], c.before[1]);
    const versus =
      a === b
        ? `bằng ${PREVIOUS}`
        : `${a > b ? 'tăng' : 'giảm'} ${pct1(a > b ? a - b : b - a)} điểm phần trăm so với ${PREVIOUS}`;
    let judged = '';
    if (t) {
      // Judged on the printed figure: the rate in tenths, the change of the rate's ratio in tenths.
      const value =
        t.measure === 'current'
          ? a
          : t.measure === 'change'
            ? a - b
            : c.before[0] === 0n
              ? null
              : tenthsOfChange(c.now[0] * c.before[1], c.before[0] * c.now[1]);
      judged = `; ${judge(value, t, floor)} (${targetWords()})`;
    }
    return `${LABEL} ${floor ? 'đạt' : 'là'} ${pct1(a)}%, ${versus}${judged}.`;
  }
  const [a, b] = [c.now[0], c.before[0]];
  const unitAmount = (v: bigint) => withUnit(num(scaled(v, c.decimals), c.decimals), c.unit);
  let plan = '';
  if (c.plan !== undefined) {
    if (c.plan === 0) plan = ', kế hoạch bằng 0, không tính được tỷ lệ thực hiện';
    else {
      const share = tenths(a, BigInt(c.plan) * 10n ** BigInt(c.decimals));
      const planned = unitAmount(BigInt(c.plan) * 10n ** BigInt(c.decimals));
      plan =
        share > 1000n
          ? `, vượt kế hoạch (${planned}), bằng ${pct1(share)}% kế hoạch`
          : `, đạt ${pct1(share)}% kế hoạch (${planned})`;
    }
  }
  let judged = '';
  if (t) {
    const status = judgeCount(t, floor, a, b, c.decimals);
    judged = zeroTarget && status === 'đạt chỉ tiêu được giao' ? `; ${status}` : `; ${status} (${targetWords()})`;
  }
  if (a === 0n && (zeroTarget || b === 0n)) {
    const none = zeroTarget ? 'không để phát sinh' : 'không phát sinh';
    return `${LABEL}: ${none}${plan}${b === 0n ? `, bằng ${PREVIOUS}` : ` (${PREVIOUS}: ${unitAmount(b)})`}${judged}.`;
  }
  let versus: string;
  if (a === b) versus = `bằng ${PREVIOUS}`;
  else {
    const dir = a > b ? 'tăng' : 'giảm';
    const by = unitAmount(a > b ? a - b : b - a);
    const p = b === 0n ? null : tenthsOfChange(a, b);
    if (c.unit === '%')
      versus = `${dir} ${num(scaled(a > b ? a - b : b - a, c.decimals), c.decimals)} điểm phần trăm so với ${PREVIOUS}`;
    else
      versus =
        a === 0n || p === null || p === 0n || p === -1000n
          ? `${dir} ${by} so với ${PREVIOUS}`
          : `${dir} ${pct1(p < 0n ? -p : p)}% (${by}) so với ${PREVIOUS}`;
  }
  return `${LABEL}: ${unitAmount(a)}${plan}, ${versus}${judged}.`;
}

/** (x − y) / y × 100 in tenths, half-up on the magnitude (as the report rounds: half away from zero). */
function tenthsOfChange(x: bigint, y: bigint): bigint {
  const n = (x - y) * 1000n;
  const mag = ((n < 0n ? -n : n) * 2n + y) / (2n * y);
  return n < 0n ? -mag : mag;
}

/** `value` and the bound in the same tenths: kept, beaten or missed, as the table says it. */
function verdict(value: bigint, bound: bigint, t: NonNullable<Case['target']>, floor: boolean): string {
  // A strict bound is kept or not.
  if (t.below !== undefined) return value < bound ? 'đạt chỉ tiêu được giao' : 'chưa đạt chỉ tiêu được giao';
  if (t.above !== undefined) return value > bound ? 'đạt chỉ tiêu được giao' : 'chưa đạt chỉ tiêu được giao';
  if (value === bound) return 'đạt chỉ tiêu được giao';
  const better = t.atMost !== undefined ? value < bound : value > bound;
  return !better ? 'chưa đạt chỉ tiêu được giao' : floor ? 'vượt chỉ tiêu được giao' : 'đạt chỉ tiêu được giao';
}

const boundTenths = (t: NonNullable<Case['target']>, places: number) =>
  BigInt(Math.round((t.atLeast ?? t.atMost ?? t.above ?? t.below)! * 10 ** (places + 1)));

function judge(value: bigint | null, t: NonNullable<Case['target']>, floor: boolean): string {
  if (value === null) return 'chưa đánh giá được chỉ tiêu được giao';
  return verdict(value, boundTenths(t, 0), t, floor);
}

function judgeCount(t: NonNullable<Case['target']>, floor: boolean, a: bigint, b: bigint, decimals: number): string {
  if (t.measure === 'changePct') return judge(b === 0n ? null : tenthsOfChange(a, b), t, floor);
  // A level or a change in the indicator's unit, at its own places; both in tenths of those places (bounds such as 12,5).
  return verdict((t.measure === 'change' ? a - b : a) * 10n, boundTenths(t, decimals), t, floor);
}

/** What a reviewer sends back, whatever the figures. */
const FORBIDDEN: [RegExp, string][] = [
  [/giảm 100(,0)?%/, '"giảm 100%" for a figure now zero'],
  [/bằng cùng kỳ so với/, '"bằng cùng kỳ so với cùng kỳ"'],
  [/không đạt/, '"không đạt" (offices write "chưa đạt")'],
  [/\([^()]*\(/, 'a parenthesis inside a parenthesis'],
  [/\d %/, 'a space before %'],
  [/(tăng|giảm) 0(,0)?%/, 'a change of 0%'],
];

describe('the wording table, for any figures', () => {
  it("every figure sentence is the table's, and nothing a reviewer sends back appears", () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { indicator, figure, target } = figureOf(c);
        const sentence = sentencePhrase(indicator, figure, target, PREVIOUS);
        expect(sentence).toBe(expected(c));
        for (const text of [sentence, changePhrase(indicator, figure), versusPhrase(indicator, figure, PREVIOUS)])
          for (const [pattern, what] of FORBIDDEN) expect(pattern.test(text), `${what}: ${text}`).toBe(false);
        // A ceiling is kept or broken, never "exceeded".
        const bound = target && (target.atLeast ?? target.atMost ?? target.above ?? target.below)!;
        const ceiling =
          target !== undefined &&
          (target.atMost !== undefined || target.below !== undefined) &&
          !(target.measure !== 'current' && bound! < 0);
        if (ceiling) expect(sentence).not.toMatch(/vượt chỉ tiêu/);
        // A rate's change is the difference of the rates as printed.
        if (c.kind === 'ratio') {
          const [now, points] = [
            /(?:là|đạt) ([\d.]+,\d)%/.exec(sentence)![1]!,
            /(tăng|giảm) ([\d.]+,\d) điểm/.exec(sentence),
          ];
          if (points) {
            const before = tenths(c.before[0], c.before[1]);
            const read = (s: string) => BigInt(s.replace(/\./g, '').replace(',', ''));
            expect(read(now) - before).toBe((points[1] === 'tăng' ? 1n : -1n) * read(points[2]!));
          }
        }
      }),
      { numRuns: 600 },
    );
  });

  it('says the cases of the table in so many words', () => {
    const say = (c: Partial<Case>) => {
      const full = { kind: 'count', unit: 'vụ', decimals: 0, now: [0n, 1n], before: [0n, 1n], ...c } as Case;
      const { indicator, figure, target } = figureOf(full);
      return sentencePhrase(indicator, figure, target, PREVIOUS);
    };
    expect(say({ now: [123n, 1n], before: [138n, 1n], target: { measure: 'changePct', atMost: -5 } })).toBe(
      'Chỉ tiêu X: 123 vụ, giảm 10,9% (15 vụ) so với cùng kỳ năm 2020; vượt chỉ tiêu được giao (giảm ít nhất 5% so với cùng kỳ).',
    );
    expect(say({ now: [0n, 1n], before: [1n, 1n] })).toBe('Chỉ tiêu X: 0 vụ, giảm 1 vụ so với cùng kỳ năm 2020.');
    expect(say({ now: [3n, 1n], before: [0n, 1n] })).toBe('Chỉ tiêu X: 3 vụ, tăng 3 vụ so với cùng kỳ năm 2020.');
    expect(say({ now: [0n, 1n], before: [0n, 1n] })).toBe('Chỉ tiêu X: không phát sinh, bằng cùng kỳ năm 2020.');
    expect(say({ now: [7n, 1n], before: [7n, 1n] })).toBe('Chỉ tiêu X: 7 vụ, bằng cùng kỳ năm 2020.');
    expect(say({ unit: 'điểm', now: [0n, 1n], before: [1n, 1n], target: { measure: 'current', atMost: 0 } })).toBe(
      'Chỉ tiêu X: không để phát sinh (cùng kỳ năm 2020: 1 điểm); đạt chỉ tiêu được giao.',
    );
    expect(say({ unit: 'điểm', now: [2n, 1n], before: [0n, 1n], target: { measure: 'current', atMost: 0 } })).toBe(
      'Chỉ tiêu X: 2 điểm, tăng 2 điểm so với cùng kỳ năm 2020; chưa đạt chỉ tiêu được giao (không để phát sinh).',
    );
    // A poverty rate under its ceiling: "là", and "đạt", never "vượt".
    expect(
      say({
        kind: 'ratio',
        unit: '%',
        now: [248n, 1000n],
        before: [257n, 1000n],
        target: { measure: 'current', atMost: 25 },
      }),
    ).toBe(
      'Chỉ tiêu X là 24,8%, giảm 0,9 điểm phần trăm so với cùng kỳ năm 2020; đạt chỉ tiêu được giao (không quá 25%).',
    );
    expect(
      say({
        kind: 'ratio',
        unit: '%',
        now: [84n, 100n],
        before: [831n, 1000n],
        target: { measure: 'current', atLeast: 85 },
      }),
    ).toBe(
      'Chỉ tiêu X đạt 84,0%, tăng 0,9 điểm phần trăm so với cùng kỳ năm 2020; chưa đạt chỉ tiêu được giao (từ 85% trở lên).',
    );
    // The targets a programme committee writes: a fall of a rate in points, and a strict bound.
    expect(
      say({
        kind: 'ratio',
        unit: '%',
        now: [105n, 1000n],
        before: [117n, 1000n],
        target: { measure: 'change', atMost: -1.5 },
      }),
    ).toBe(
      'Chỉ tiêu X đạt 10,5%, giảm 1,2 điểm phần trăm so với cùng kỳ năm 2020; chưa đạt chỉ tiêu được giao (giảm ít nhất 1,5 điểm phần trăm so với cùng kỳ).',
    );
    expect(
      say({
        kind: 'ratio',
        unit: '%',
        now: [105n, 1000n],
        before: [117n, 1000n],
        target: { measure: 'current', below: 12 },
      }),
    ).toBe('Chỉ tiêu X là 10,5%, giảm 1,2 điểm phần trăm so với cùng kỳ năm 2020; đạt chỉ tiêu được giao (dưới 12%).');
    expect(
      say({
        kind: 'ratio',
        unit: '%',
        now: [12n, 100n],
        before: [117n, 1000n],
        target: { measure: 'current', below: 12 },
      }),
    ).toBe(
      'Chỉ tiêu X là 12,0%, tăng 0,3 điểm phần trăm so với cùng kỳ năm 2020; chưa đạt chỉ tiêu được giao (dưới 12%).',
    );
    expect(say({ now: [40n, 1n], before: [35n, 1n], target: { measure: 'change', above: 3 } })).toBe(
      'Chỉ tiêu X: 40 vụ, tăng 14,3% (5 vụ) so với cùng kỳ năm 2020; đạt chỉ tiêu được giao (tăng hơn 3 vụ so với cùng kỳ).',
    );
    expect(
      say({ kind: 'stock', unit: 'tỷ đồng', decimals: 0, now: [1052n, 1n], before: [1002n, 1n], plan: 1000 }),
    ).toBe(
      'Chỉ tiêu X: 1.052 tỷ đồng, vượt kế hoạch (1.000 tỷ đồng), bằng 105,2% kế hoạch, tăng 5,0% (50 tỷ đồng) so với cùng kỳ năm 2020.',
    );
  });

  it("says what is reported once, and lower-cases a subject's first letter only when it is no name", () => {
    expect(reportSubject('Công tác phòng, chống tội phạm')).toBe('kết quả công tác phòng, chống tội phạm');
    expect(reportSubject('Kết quả thực hiện nhiệm vụ')).toBe('kết quả thực hiện nhiệm vụ');
    expect(reportSubject('Kết quảng cáo')).toBe('kết quả kết quảng cáo');
    expect(reportSubject(undefined)).toBe('kết quả');
    expect(lowerFirst('Sơ kết công tác')).toBe('sơ kết công tác');
    expect(lowerFirst('Hà Giang: tổng kết')).toBe('Hà Giang: tổng kết');
    expect(lowerFirst('UBND tỉnh tổng kết')).toBe('UBND tỉnh tổng kết');
  });

  it("wrote the README's paragraph (a rise, a fall, a zero, a ceiling target)", () => {
    const readme = readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');
    const block = readme.slice(readme.indexOf('Một đoạn do mẫu mặc định viết'));
    const quoted = block
      .slice(block.indexOf('\n> '), block.indexOf('\n\n', block.indexOf('\n> ')))
      .split('\n> ')
      .join(' ')
      .trim();
    const say = (c: Partial<Case>) => {
      const { indicator, figure, target } = figureOf({
        kind: 'count',
        unit: 'vụ',
        decimals: 0,
        now: [0n, 1n],
        before: [0n, 1n],
        ...c,
      } as Case);
      return sentencePhrase(indicator, figure, target, c.previous ?? PREVIOUS);
    };
    const generated = [
      say({
        label: 'Số vụ phạm tội về trật tự xã hội',
        now: [123n, 1n],
        before: [138n, 1n],
        target: { measure: 'changePct', atMost: -5 },
      }),
      say({ label: 'Số đối tượng phạm tội về ma túy bị bắt giữ', unit: 'người', now: [198n, 1n], before: [187n, 1n] }),
      say({ label: 'Số vụ cháy rừng', now: [0n, 1n], before: [1n, 1n] }),
      say({ label: 'Số điểm nóng về trật tự xã hội', unit: 'điểm', target: { measure: 'current', atMost: 0 } }),
      say({
        label: 'Tỷ lệ hộ nghèo',
        kind: 'ratio',
        unit: '%',
        now: [248n, 1000n],
        before: [257n, 1000n],
        target: { measure: 'current', atMost: 25 },
        previous: 'năm 2023',
      }),
    ];
    expect(quoted.replace(/\s+/g, ' ')).toBe(generated.join(' '));
  });
});
