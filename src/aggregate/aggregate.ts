// Adds checked returns up into province figures. Counts and stocks are summed;
// ratios are recomputed from the summed parts; changes come from the sums. Exact.
import type { Definition, Indicator } from '../definition/parse.js';
import type { TargetData } from '../definition/schema.js';
import { changePercent, compare, fromDecimal, integer, percent, sub, type Rational } from '../numbers/rational.js';
import type { CheckedReturns } from '../validate/validate.js';

export interface Figure {
  current: Rational | null;
  previous: Rational | null;
  /** current − previous (percentage points for ratios). */
  change: Rational | null;
  /** (current − previous) / previous × 100; null when previous is 0. */
  changePct: Rational | null;
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
}

interface Sums {
  current: bigint;
  previous: bigint;
}

function figureOf(indicator: Indicator, sums: (code: string) => Sums): Figure {
  let current: Rational | null;
  let previous: Rational | null;
  if (indicator.kind === 'ratio') {
    const num = sums(indicator.numerator);
    const den = sums(indicator.denominator);
    current = percent(integer(num.current), integer(den.current));
    previous = percent(integer(num.previous), integer(den.previous));
  } else {
    const s = sums(indicator.code);
    current = integer(s.current);
    previous = integer(s.previous);
  }
  const both = current !== null && previous !== null;
  return {
    current,
    previous,
    change: both ? sub(current!, previous!) : null,
    changePct: both ? changePercent(current!, previous!) : null,
  };
}

export function targetStatus(figure: Figure, target: TargetData | undefined): TargetStatus | null {
  if (!target) return null;
  const value = target.measure === 'changePct' ? figure.changePct : figure.current;
  if (value === null) return 'unknown';
  const bound = fromDecimal((target.atMost ?? target.atLeast)!);
  const c = compare(value, bound);
  if (c === 0) return 'met';
  const better = target.atMost !== undefined ? c < 0 : c > 0;
  return better ? 'exceeded' : 'missed';
}

export function aggregateReturns(def: Definition, checked: CheckedReturns): Figures {
  const totals = new Map<string, Sums>();
  for (const ind of def.inputIndicators) totals.set(ind.code, { current: 0n, previous: 0n });
  const byUnit = new Map<string, Map<string, Figure>>();

  for (const unit of checked.received) {
    const unitValues = checked.values.get(unit);
    const unitSums = (code: string): Sums => unitValues?.get(code) ?? { current: 0n, previous: 0n };
    for (const ind of def.inputIndicators) {
      const total = totals.get(ind.code)!;
      const v = unitSums(ind.code);
      total.current += v.current;
      total.previous += v.previous;
    }
    byUnit.set(unit, new Map(def.indicators.map((ind) => [ind.code, figureOf(ind, unitSums)])));
  }

  // With no unit's figures there is nothing to judge: zeros would "meet" an at-most target.
  const judged = checked.received.length > 0;
  const indicators = def.indicators.map((ind): IndicatorFigure => {
    const figure = figureOf(ind, (code) => totals.get(code)!);
    return { indicator: ind, ...figure, target: ind.target, status: judged || !ind.target ? targetStatus(figure, ind.target) : 'unknown' };
  });
  return {
    definition: def,
    units: { expected: def.units.map((u) => u.code), received: checked.received, missing: checked.missing },
    indicators,
    byUnit,
  };
}
