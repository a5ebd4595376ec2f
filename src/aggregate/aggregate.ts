// Adds checked returns up into province figures. Counts and stocks are summed;
// ratios are recomputed from the summed parts; changes come from the sums. Exact.
import type { Definition, Indicator } from '../definition/parse.js';
import { targetBound, type TargetData } from '../definition/schema.js';
import {
  changePercent,
  compare,
  fromDecimal,
  fromScaled,
  percent,
  rational,
  roundHalfUp,
  sub,
  type Rational,
} from '../numbers/rational.js';
import { PERCENT_DECIMALS } from '../numbers/format.js';
import type { CheckedReturns } from '../validate/validate.js';

export interface Figure {
  current: Rational | null;
  previous: Rational | null;
  /**
   * current − previous; for a ratio, in percentage points between the rates as printed (each
   * rounded half-up to PERCENT_DECIMALS), so that a document saying "14,3%, giảm 4,4 điểm phần
   * trăm" beside a "cùng kỳ" of 18,7% never disagrees with itself (the exact difference of
   * 14,25…% and 18,65…% rounds to 4,5).
   */
  change: Rational | null;
  /** (current − previous) / previous × 100; null when previous is 0. */
  changePct: Rational | null;
  /** The period's plan (counts and stocks that have one), and current ÷ plan × 100 (null when the plan is 0). */
  plan?: Rational;
  planPct?: Rational | null;
}

/** met: exactly on target; exceeded: better than the target; missed: worse; unknown: no value to judge. */
export type TargetStatus = 'met' | 'exceeded' | 'missed' | 'unknown';

export interface IndicatorFigure extends Figure {
  indicator: Indicator;
  target?: TargetData;
  status: TargetStatus | null;
}

export interface Figures {
  definition: Definition;
  units: { expected: string[]; received: string[]; missing: string[] };
  indicators: IndicatorFigure[];
  /** unit code → indicator code → figure, for the units that reported. */
  byUnit: Map<string, Map<string, Figure>>;
  /** group code → indicator code → figure from the sums of the group's units that reported (empty without groups). */
  byGroup: Map<string, Map<string, Figure>>;
  /** With period.deadline: how many sent on time (intake/timeliness.ts), for the report's sentence. */
  timeliness?: { onTime: number; late: number; unknown: number };
}

interface Sums {
  current: bigint;
  previous: bigint;
}

/** A rate (or any percentage) as the report prints it: rounded half-up to PERCENT_DECIMALS places, exactly. */
export const printedRate = (rate: Rational): Rational =>
  rational(roundHalfUp(rate, PERCENT_DECIMALS), 10n ** BigInt(PERCENT_DECIMALS));

function figureOf(def: Definition, indicator: Indicator, sums: (code: string) => Sums, withPlan = true): Figure {
  let current: Rational | null;
  let previous: Rational | null;
  const value = (code: string, which: 'current' | 'previous') =>
    fromScaled(sums(code)[which], def.indicatorByCode.get(code)!.decimals);
  if (indicator.kind === 'ratio') {
    current = percent(value(indicator.numerator, 'current'), value(indicator.denominator, 'current'));
    previous = percent(value(indicator.numerator, 'previous'), value(indicator.denominator, 'previous'));
  } else {
    current = value(indicator.code, 'current');
    previous = value(indicator.code, 'previous');
  }
  const both = current !== null && previous !== null;
  const figure: Figure = {
    current,
    previous,
    change: both
      ? indicator.kind === 'ratio'
        ? sub(printedRate(current!), printedRate(previous!))
        : sub(current!, previous!)
      : null,
    changePct: both ? changePercent(current!, previous!) : null,
  };
  if (withPlan && indicator.kind !== 'ratio' && indicator.plan !== undefined) {
    figure.plan = fromDecimal(indicator.plan);
    figure.planPct = percent(current!, figure.plan);
  }
  return figure;
}

/**
 * Judged on the figure as the report prints it (rounded half-up to its displayed
 * places), so a document never says "đạt 75%" and "không đạt (từ 75% trở lên)" at once.
 */
export function targetStatus(
  figure: Figure,
  target: TargetData | undefined,
  indicator: Pick<Indicator, 'kind' | 'decimals'>,
): TargetStatus | null {
  if (!target) return null;
  const exact =
    target.measure === 'changePct' ? figure.changePct : target.measure === 'change' ? figure.change : figure.current;
  if (exact === null) return 'unknown';
  const places = target.measure === 'changePct' || indicator.kind === 'ratio' ? PERCENT_DECIMALS : indicator.decimals;
  const value = rational(roundHalfUp(exact, places), 10n ** BigInt(places));
  const { bound, op } = targetBound(target);
  const c = compare(value, fromDecimal(bound));
  // A strict bound ("dưới 12%", "trên 75%") is kept or not; it has no "exactly".
  if (op === 'below') return c < 0 ? 'met' : 'missed';
  if (op === 'above') return c > 0 ? 'met' : 'missed';
  if (c === 0) return 'met';
  const better = op === 'atMost' ? c < 0 : c > 0;
  return better ? 'exceeded' : 'missed';
}

export function aggregateReturns(def: Definition, checked: CheckedReturns): Figures {
  const totals = new Map<string, Sums>();
  for (const ind of def.inputIndicators) totals.set(ind.code, { current: 0n, previous: 0n });
  const byUnit = new Map<string, Map<string, Figure>>();

  const groupOf = new Map(def.units.map((u) => [u.code, u.group]));
  const groupTotals = new Map(
    def.groups.map((g) => [
      g.code,
      new Map(def.inputIndicators.map((ind) => [ind.code, { current: 0n, previous: 0n }])),
    ]),
  );
  for (const unit of checked.received) {
    const unitValues = checked.values.get(unit);
    const unitSums = (code: string): Sums => unitValues?.get(code) ?? { current: 0n, previous: 0n };
    const inGroup = groupTotals.get(groupOf.get(unit) ?? '');
    for (const ind of def.inputIndicators) {
      const v = unitSums(ind.code);
      for (const total of inGroup ? [totals.get(ind.code)!, inGroup.get(ind.code)!] : [totals.get(ind.code)!]) {
        total.current += v.current;
        total.previous += v.previous;
      }
    }
    // A unit's own figures carry no plan: the plan is the province's.
    byUnit.set(unit, new Map(def.indicators.map((ind) => [ind.code, figureOf(def, ind, unitSums, false)])));
  }
  const byGroup = new Map(
    [...groupTotals].map(([group, sums]) => [
      group,
      new Map(def.indicators.map((ind) => [ind.code, figureOf(def, ind, (code) => sums.get(code)!, false)])),
    ]),
  );

  // With no unit's figures there is nothing to judge: zeros would "meet" an at-most target.
  const judged = checked.received.length > 0;
  const indicators = def.indicators.map((ind): IndicatorFigure => {
    const figure = figureOf(def, ind, (code) => totals.get(code)!);
    return {
      indicator: ind,
      ...figure,
      target: ind.target,
      status: judged || !ind.target ? targetStatus(figure, ind.target, ind) : 'unknown',
    };
  });
  return {
    definition: def,
    units: { expected: def.units.map((u) => u.code), received: checked.received, missing: checked.missing },
    indicators,
    byUnit,
    byGroup,
  };
}
