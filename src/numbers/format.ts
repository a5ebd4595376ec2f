// Vietnamese number display: "." groups thousands, "," marks decimals.
// Every displayed figure (terminal, JSON `display`, document) goes through here.
import { type Rational, fromScaled, integer, roundHalfUp } from './rational.js';

/** Places after the comma for rates and percentage changes. */
export const PERCENT_DECIMALS = 1;

function groupThousands(digits: string): string {
  if (digits.length <= 3) return digits;
  let out = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let i = out.length; i < digits.length; i += 3) out += '.' + digits.slice(i, i + 3);
  return out;
}

export interface DecimalOptions {
  /** Places after the comma. */
  decimals?: number;
  /** Drop a fractional part that rounds to all zeros ("100" rather than "100,0"). */
  trimZeros?: boolean;
}

/** 2082 → "2.082"; 1951/20 with 1 decimal → "97,6"; half-up on the exact value. */
export function formatDecimalVi(value: Rational | bigint | number, opts: DecimalOptions = {}): string {
  const decimals = opts.decimals ?? 0;
  // Whole numbers with no decimals wanted: no rounding to do.
  if (decimals === 0 && (typeof value !== 'object' || value.d === 1n)) {
    const n = typeof value === 'object' ? value.n : BigInt(value);
    return (n < 0n ? '-' : '') + groupThousands((n < 0n ? -n : n).toString());
  }
  const r = typeof value === 'object' ? value : integer(value);
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

/** A value stored as a count of 10^-decimals (how returns' figures are kept), shown with its decimals: 9825n, 2 → "98,25". */
export const formatScaledVi = (value: bigint, decimals: number): string =>
  formatDecimalVi(fromScaled(value, decimals), { decimals });

/** Percent with its places kept, so rates side by side read alike: "97,6%", "84,0%", "100,0%". */
export function formatPercentVi(value: Rational, decimals = 1): string {
  return formatDecimalVi(value, { decimals }) + '%';
}
