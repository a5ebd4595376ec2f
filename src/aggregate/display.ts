// How a figure reads in Vietnamese: the one place the terminal table, the JSON
// `display` fields and the document take their rounded text from.
import type { Indicator } from '../definition/parse.js';
import { formatDecimalVi, formatIntegerVi, formatPercentVi } from '../numbers/format.js';
import { fromDecimal, type Rational } from '../numbers/rational.js';
import type { TargetData } from '../definition/schema.js';

/** Places after the comma for rates and percentage changes. */
export const PERCENT_DECIMALS = 1;

/** "2.082" for a count, "97,6%" for a ratio, "–" when there is no value. */
export function displayValue(indicator: Indicator, value: Rational | null): string {
  if (value === null) return '–';
  return indicator.kind === 'ratio' ? formatPercentVi(value, PERCENT_DECIMALS) : formatIntegerVi(value.n);
}

/** Absolute change with its sign: "-15", "+3", "+2,1" (percentage points for a ratio). */
export function displayChange(indicator: Indicator, change: Rational | null): string {
  if (change === null) return '–';
  const text =
    indicator.kind === 'ratio' ? formatDecimalVi(change, { decimals: PERCENT_DECIMALS, trimZeros: true }) : formatIntegerVi(change.n);
  return change.n > 0n && text !== '0' ? '+' + text : text;
}

/** Relative change with its sign: "-10,9%", "+17,5%". */
export function displayChangePct(changePct: Rational | null): string {
  if (changePct === null) return '–';
  const text = formatPercentVi(changePct, PERCENT_DECIMALS);
  return changePct.n > 0n && text !== '0%' ? '+' + text : text;
}

/** The target as written in a table: "≤ -5%", "≥ 75%", "≤ 0". */
export function displayTarget(indicator: Indicator, target: TargetData | undefined): string {
  if (!target) return '';
  const bound = (target.atMost ?? target.atLeast)!;
  const pct = target.measure === 'changePct' || indicator.kind === 'ratio';
  const text = formatDecimalVi(fromDecimal(bound), { decimals: 6, trimZeros: true });
  return `${target.atMost !== undefined ? '≤' : '≥'} ${text}${pct ? '%' : ''}`;
}
