// How a figure reads in Vietnamese: the one place the terminal table, the JSON
// `display` fields and the document take their rounded text from.
import type { Indicator } from '../definition/parse.js';
import { formatDecimalVi, formatPercentVi, PERCENT_DECIMALS } from '../numbers/format.js';
import { fromDecimal, type Rational } from '../numbers/rational.js';
import { targetBound, type TargetData } from '../definition/schema.js';

/** "2.082" for a count, "1.265,00" for hectares with 2 decimals, "97,6%" for a ratio, "–" when there is no value. */
export function displayValue(indicator: Indicator, value: Rational | null): string {
  if (value === null) return '–';
  return indicator.kind === 'ratio'
    ? formatPercentVi(value, PERCENT_DECIMALS)
    : formatDecimalVi(value, { decimals: indicator.decimals });
}

/** Absolute change with its sign: "-15", "+3", "+2,1" (percentage points for a ratio). */
export function displayChange(indicator: Indicator, change: Rational | null): string {
  if (change === null) return '–';
  const text =
    indicator.kind === 'ratio'
      ? formatDecimalVi(change, { decimals: PERCENT_DECIMALS })
      : formatDecimalVi(change, { decimals: indicator.decimals });
  return change.n > 0n && /[1-9]/.test(text) ? '+' + text : text;
}

/** Share of the plan done: "94,6%"; "–" without a plan or with a plan of 0. */
export function displayPlanPct(planPct: Rational | null | undefined): string {
  return planPct ? formatPercentVi(planPct, PERCENT_DECIMALS) : '–';
}

/** Relative change with its sign: "-10,9%", "+17,5%". */
export function displayChangePct(changePct: Rational | null): string {
  if (changePct === null) return '–';
  const text = formatPercentVi(changePct, PERCENT_DECIMALS);
  return changePct.n > 0n && /[1-9]/.test(text) ? '+' + text : text;
}

/** The target as written in a table: "≤ -5%", "≥ 75%", "≤ 0". */
export function displayTarget(indicator: Indicator, target: TargetData | undefined): string {
  if (!target) return '';
  const { bound, op } = targetBound(target);
  const pct = target.measure === 'changePct' || (target.measure === 'current' && indicator.kind === 'ratio');
  const points = target.measure === 'change' && indicator.kind === 'ratio' ? ' điểm' : '';
  const text = formatDecimalVi(fromDecimal(bound), { decimals: 6, trimZeros: true });
  // A bound on the change (not the figure) reads "Δ ≤ -1,5 điểm".
  const sign = { atMost: '≤', atLeast: '≥', below: '<', above: '>' }[op];
  return `${target.measure === 'change' ? 'Δ ' : ''}${sign} ${text}${pct ? '%' : ''}${points}`;
}
