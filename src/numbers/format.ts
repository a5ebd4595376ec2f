// Vietnamese number display: "." groups thousands, "," marks decimals.
// Every displayed figure (terminal, JSON `display`, document) goes through here.
import { type Rational, integer, roundHalfUp } from './rational.js';

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

export interface DecimalOptions {
  /** Places after the comma. */
  decimals?: number;
  /** Drop a fractional part that rounds to all zeros ("100" rather than "100,0"). */
  trimZeros?: boolean;
}

/** 2082 → "2.082"; 1951/20 with 1 decimal → "97,6"; half-up on the exact value. */
export function formatDecimalVi(value: Rational | bigint | number, opts: DecimalOptions = {}): string {
  const r = typeof value === 'object' ? value : integer(value);
  const decimals = opts.decimals ?? 0;
  const scaled = roundHalfUp(r, decimals);
  const neg = scaled < 0n;
  const digits = (neg ? -scaled : scaled).toString().padStart(decimals + 1, '0');
  const intPart = groupThousands(digits.slice(0, digits.length - decimals));
  let frac = decimals > 0 ? digits.slice(digits.length - decimals) : '';
  if (opts.trimZeros) frac = frac.replace(/0+$/, '');
  // A value that rounds to zero is shown without a sign ("0", never "-0").
  return (neg ? '-' : '') + intPart + (frac ? ',' + frac : '');
}

export const formatIntegerVi = (value: bigint | number): string => formatDecimalVi(value);

/** Percent with one decimal, trailing ",0" dropped: "97,6%", "100%". */
export function formatPercentVi(value: Rational, decimals = 1): string {
  return formatDecimalVi(value, { decimals, trimZeros: true }) + '%';
}
