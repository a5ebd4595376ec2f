// Figures that pass every check yet are likely typed wrong: an extra or a lost zero, two
// rows' figures swapped. Each unit's figure is compared with its own "Cùng kỳ" (and, where
// last period's archive is read, with the figure of the period before that) and with how
// the other units moved; one far off is UNUSUAL_VALUE, a warning. A unit's explanation
// ("Giải trình") beside the figure turns the warning into a note the clerk reads.
//
// The method (README, "Số liệu bất thường"): for each indicator, every unit's change is
// the log of (current + k) / (previous + k). The k keeps small counts quiet: 0 → 3 cases
// moves little once 5 is added to both, and figures under 10 in both periods are never
// unusual. A figure is unusual when its change is a jump (at
// least JUMP times or at most 1/JUMP of the previous figure), or when it is far from the
// other units' changes: a modified z-score (Iglewicz and Hoaglin; DHIS2 uses it for
// outliers) past Z, and at least APART times apart from the units' median change.
import type { Definition, Indicator } from '../definition/parse.js';
import type { Problem } from '../messages/problem.js';
import { formatDecimalVi, formatScaledVi } from '../numbers/format.js';
import { changePercent, fromScaled, rational, type Rational } from '../numbers/rational.js';

/** The thresholds, each documented in the README; tests hold the false-alarm rate they give. */
export const UNUSUAL = {
  /** k for a whole-number indicator: added to both figures, so small counts move little. */
  countShrink: 5,
  /** A whole-number figure below this in both periods is never unusual: a handful of cases moves by chance. */
  smallCount: 10,
  /** k for an indicator with decimals: this share of the units' median figure (its scale is its own). */
  decimalShrinkShare: 0.05,
  /** A figure this many times the previous one, or 1/this of it, is a jump. */
  jump: 4,
  /** Modified z-score past which a change is far from the other units'. */
  z: 3.5,
  /** ...and only when it is at least this many times apart from the units' median change. */
  apart: 2,
  /** The other units are compared with only when at least this many have both figures. */
  minUnits: 7,
} as const;

/** One unit's figures of one indicator, as the validator keeps them (counts of 10^-decimals). */
export interface UnitFigure {
  current: bigint;
  previous: bigint;
  file: string;
  line: number;
  /** The unit's "Giải trình" beside the figure. */
  explanation?: string;
}

export interface UnusualOptions {
  /** The figure before "Cùng kỳ" (cung_ky of last period's return), when the archive has it. */
  earlier?: (unit: string, indicator: string) => bigint | undefined;
  /** Last period's code, named with the earlier figure. */
  archivePeriod?: string;
}

export interface UnusualFindings {
  /** UNUSUAL_VALUE warnings, for figures the unit did not explain. */
  warnings: Problem[];
  /** The same for figures the unit explained: params.explanation holds its words. */
  explained: Problem[];
}

/** The middle of numbers sorted ascending (the mean of the middle two for an even count). */
const median = (sorted: Float64Array): number => {
  const n = sorted.length;
  return n % 2 === 1 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
};

/** "tăng 3,2%" / "giảm 10%" / "không đổi": the median unit's change, for the message. */
function changeWords(pct: Rational): { dir: 'up' | 'down' | 'same'; pct: string } {
  const shown = formatDecimalVi(pct.n < 0n ? rational(-pct.n, pct.d) : pct, { decimals: 1, trimZeros: true });
  return { dir: shown === '0' ? 'same' : pct.n < 0n ? 'down' : 'up', pct: shown };
}

/** Every unusual figure of the units' returns, by indicator in the definition's order, then unit in the roster's. */
export function findUnusual(
  def: Definition,
  values: ReadonlyMap<string, ReadonlyMap<string, UnitFigure>>,
  opts: UnusualOptions = {},
): UnusualFindings {
  const found: UnusualFindings = { warnings: [], explained: [] };
  const jumpAt = Math.log(UNUSUAL.jump);
  const apartAt = Math.log(UNUSUAL.apart);
  const indicators = def.inputIndicators.filter((ind) => ind.kind !== 'ratio' && ind.unusual);
  // Each indicator's figures side by side, in roster order, as numbers for the statistics
  // (typed arrays: native sorts); each unit's figures looked up once.
  const columns = indicators.map(() => ({
    units: [] as string[],
    figures: [] as UnitFigure[],
    c: new Float64Array(def.units.length),
    p: new Float64Array(def.units.length),
  }));
  for (const unit of def.units) {
    const byIndicator = values.get(unit.code);
    if (!byIndicator) continue;
    indicators.forEach((ind, j) => {
      const figure = byIndicator.get(ind.code);
      // A negative figure has been reported as an error of its own; it has no ratio.
      if (!figure || figure.current < 0n || figure.previous < 0n) return;
      const col = columns[j]!;
      const scale = 10 ** ind.decimals;
      col.c[col.units.length] = Number(figure.current) / scale;
      col.p[col.units.length] = Number(figure.previous) / scale;
      col.units.push(unit.code);
      col.figures.push(figure);
    });
  }
  indicators.forEach((ind, j) => {
    const { units, figures, c, p } = columns[j]!;
    const n = units.length;
    if (n === 0) return;
    const k = shrink(ind, c.subarray(0, n), p.subarray(0, n));
    const change = (a: number, b: number) => Math.log((a + k) / (b + k));
    const scores = new Float64Array(n);
    for (let i = 0; i < n; i++) scores[i] = change(c[i]!, p[i]!);
    const centre = median(scores.slice().sort());
    const spread = robustSpread(scores, centre);
    const comparable = n >= UNUSUAL.minUnits && spread > 0;
    /** The units' median change, worked out once, for the first figure that needs it. */
    let others: ReturnType<typeof unitsMedian>;
    for (let i = 0; i < n; i++) {
      if (ind.decimals === 0 && c[i]! < UNUSUAL.smallCount && p[i]! < UNUSUAL.smallCount) continue;
      const s = scores[i]!;
      const jump = Math.abs(s) >= jumpAt;
      const apart = comparable && Math.abs(s - centre) / spread > UNUSUAL.z && Math.abs(s - centre) >= apartAt;
      if (!jump && !apart) continue;
      // Within APART of the figure before "Cùng kỳ": last period's figure was the odd one, not this.
      const earlier = opts.earlier?.(units[i]!, ind.code);
      if (
        earlier !== undefined &&
        earlier >= 0n &&
        Math.abs(change(c[i]!, Number(earlier) / 10 ** ind.decimals)) < apartAt
      )
        continue;
      const problem = unusualProblem(def, ind, units[i]!, figures[i]!, {
        others: apart && !jump ? (others ??= unitsMedian(figures, ind.decimals)) : undefined,
        earlier,
        archivePeriod: opts.archivePeriod,
      });
      (figures[i]!.explanation ? found.explained : found.warnings).push(problem);
    }
  });
  return found;
}

/** k: a fixed 5 for whole numbers; for decimals, a share of the units' median figure (one step when that is 0). */
function shrink(ind: Indicator, c: Float64Array, p: Float64Array): number {
  if (ind.decimals === 0) return UNUSUAL.countShrink;
  const sizes: number[] = [];
  for (let i = 0; i < c.length; i++) if (Math.max(c[i]!, p[i]!) > 0) sizes.push(Math.max(c[i]!, p[i]!));
  const typical = sizes.length === 0 ? 0 : median(Float64Array.from(sizes).sort());
  return typical > 0 ? UNUSUAL.decimalShrinkShare * typical : 10 ** -ind.decimals;
}

/**
 * The scale a modified z-score divides by: MAD / 0.6745, or, when more than half the units
 * moved alike (MAD 0), the mean absolute deviation × 1.2533 (Iglewicz and Hoaglin's fallback).
 */
function robustSpread(scores: Float64Array, centre: number): number {
  const deviations = scores.map((s) => Math.abs(s - centre));
  let sum = 0;
  for (const d of deviations) sum += d;
  const mad = median(deviations.sort());
  return mad > 0 ? mad / 0.6745 : (sum / deviations.length) * 1.253314;
}

/**
 * The units' median change in percent (those with a previous figure; the mean of the middle two
 * for an even count). The middle unit is found by current ÷ previous as a double (a correctly
 * rounded quotient keeps the exact order; units it cannot tell apart differ by less than one part
 * in 10^15); its change is then worked out exactly from its own figures, so what is shown is
 * rounded half-up on an exact value.
 */
function unitsMedian(figures: readonly UnitFigure[], decimals: number) {
  const moved = figures.filter((f) => f.previous > 0n);
  if (moved.length === 0) return undefined;
  const quick = Float64Array.from(moved, (f) => Number(f.current) / Number(f.previous));
  const sorted = quick.slice().sort();
  const at = (rank: number) => {
    const f = moved[quick.indexOf(sorted[rank]!)]!;
    return changePercent(fromScaled(f.current, decimals), fromScaled(f.previous, decimals))!;
  };
  const n = moved.length;
  return changeWords(n % 2 === 1 ? at((n - 1) / 2) : mean(at(n / 2 - 1), at(n / 2)));
}

const mean = (a: Rational, b: Rational): Rational => rational(a.n * b.d + b.n * a.d, 2n * a.d * b.d);

function unusualProblem(
  def: Definition,
  ind: Indicator,
  unit: string,
  f: UnitFigure,
  more: { others?: { dir: string; pct: string }; earlier?: bigint; archivePeriod?: string },
): Problem {
  const d = ind.decimals;
  const [c, p] = [fromScaled(f.current, d), fromScaled(f.previous, d)];
  const how = f.previous === 0n ? 'fromZero' : f.current === 0n ? 'toZero' : f.current > f.previous ? 'up' : 'down';
  const ratio = p.n === 0n ? undefined : rational(c.n * p.d, c.d * p.n);
  return {
    code: 'UNUSUAL_VALUE',
    severity: 'warning',
    file: f.file,
    line: f.line,
    column: 'ky_nay',
    unit,
    indicator: ind.code,
    params: {
      unitName: def.unitByCode.get(unit)!.name,
      label: ind.label,
      unitLabel: ind.unit,
      current: formatScaledVi(f.current, d),
      previous: formatScaledVi(f.previous, d),
      how,
      ...(how === 'up' && { factor: formatDecimalVi(ratio!, { decimals: 1, trimZeros: true }) }),
      ...(how === 'down' && {
        share: formatDecimalVi(rational(ratio!.n * 100n, ratio!.d), { decimals: 1, trimZeros: true }),
      }),
      ...(more.others && { othersDir: more.others.dir, othersPct: more.others.pct }),
      ...(more.earlier !== undefined && {
        earlier: formatScaledVi(more.earlier, d),
        archive: more.archivePeriod ?? '',
      }),
      ...(f.explanation && { explanation: f.explanation }),
    },
  };
}
