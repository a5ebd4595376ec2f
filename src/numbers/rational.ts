// Exact rational arithmetic on BigInt, so that rates and changes are computed
// from the summed counts and rounded on the exact value, never on a binary float.

export interface Rational {
  readonly n: bigint;
  /** Always > 0. */
  readonly d: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

export function rational(n: bigint, d: bigint = 1n): Rational {
  if (d === 0n) throw new RangeError('denominator is zero');
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const g = gcd(n, d);
  return g > 1n ? { n: n / g, d: d / g } : { n, d };
}

export const integer = (n: bigint | number): Rational => ({ n: BigInt(n), d: 1n });

/** A value held as a count of 10^-decimals of its unit (validate/number.ts), as an exact rational. */
export const fromScaled = (n: bigint, decimals: number): Rational =>
  decimals === 0 ? integer(n) : rational(n, 10n ** BigInt(decimals));

/**
 * A rational in whatever terms it comes, sign in the numerator. Results are not
 * reduced: rounding and comparison are exact on any terms, and a BigInt gcd per
 * operation was a large share of aggregating 3,321 units.
 */
function make(n: bigint, d: bigint): Rational {
  if (d === 0n) throw new RangeError('denominator is zero');
  return d < 0n ? { n: -n, d: -d } : { n, d };
}

export const sub = (a: Rational, b: Rational): Rational =>
  a.d === b.d ? make(a.n - b.n, a.d) : make(a.n * b.d - b.n * a.d, a.d * b.d);

/** a / b, or null when b is zero (no rate exists). */
export function div(a: Rational, b: Rational): Rational | null {
  if (b.n === 0n) return null;
  return make(a.n * b.d, a.d * b.n);
}

export const scale = (a: Rational, k: bigint): Rational => make(a.n * k, a.d);

/** Percentage a/b×100, or null when b is zero. */
export function percent(a: Rational, b: Rational): Rational | null {
  const q = div(a, b);
  return q && scale(q, 100n);
}

/** Relative change (current − previous)/previous × 100, or null when previous is zero. */
export const changePercent = (current: Rational, previous: Rational): Rational | null =>
  percent(sub(current, previous), previous);

export function compare(a: Rational, b: Rational): -1 | 0 | 1 {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
}

/**
 * The value rounded to `decimals` places, half away from zero ("half-up" as
 * clerks and spreadsheets mean it: 97,55 → 97,6 and −10,85 → −10,9),
 * returned as an integer count of 10^-decimals.
 */
const POWERS = Array.from({ length: 24 }, (_, i) => 10n ** BigInt(i));

export function roundHalfUp(a: Rational, decimals: number): bigint {
  const p = POWERS[decimals] ?? 10n ** BigInt(decimals);
  const neg = a.n < 0n;
  const num = (neg ? -a.n : a.n) * p;
  const q = num / a.d;
  const r = num % a.d;
  const rounded = 2n * r >= a.d ? q + 1n : q;
  return neg ? -rounded : rounded;
}

/** Parses a plain decimal such as "-5", "97.5" or "1e2" exactly (for targets written in YAML). */
export function fromDecimal(value: number): Rational {
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/i.exec(String(value));
  if (!m) throw new RangeError(`not a finite decimal: ${value}`);
  const [, sign, int, frac = '', exp = '0'] = m;
  let n = BigInt(int + frac) * (sign ? -1n : 1n);
  let d = 10n ** BigInt(frac.length);
  const e = Number(exp);
  if (e >= 0) n *= 10n ** BigInt(e);
  else d *= 10n ** BigInt(-e);
  return rational(n, d);
}

/** Nearest binary float, for JSON output ("full precision"). */
/** The largest integer a JavaScript number holds exactly, as a BigInt. */
export const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

export function toNumber(a: Rational): number {
  if (a.d === 1n) return Number(a.n);
  const abs = a.n < 0n ? -a.n : a.n;
  // Both exact as doubles, so the division is correctly rounded.
  if (abs <= MAX_SAFE && a.d <= MAX_SAFE) return Number(a.n) / Number(a.d);
  // Scale down to keep 17 significant digits before leaving BigInt.
  const digits = 20n;
  const scaled = (a.n * 10n ** digits) / a.d;
  return Number(scaled) / 10 ** Number(digits);
}
