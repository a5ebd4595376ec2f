// Reads a count as the returns write it. Vietnamese by default: "2.082" and "2 082"
// are 2082 (groups of three), "12,00" is 12 (a decimal comma), "-" alone is 0, an
// empty cell is missing data — never zero. A comma followed by exactly three digits
// ("1,000", "12,500") is how English writes thousands: without a declared convention
// it is refused naming both readings, never read one way in silence.
import { MAX_SAFE } from '../numbers/rational.js';

export type NumberFormat = 'vi' | 'en';
export const NUMBER_FORMATS: readonly NumberFormat[] = ['vi', 'en'];

export type CountError = 'MISSING_VALUE' | 'NOT_A_NUMBER' | 'NOT_AN_INTEGER' | 'NEGATIVE_VALUE' | 'VALUE_TOO_LARGE' | 'AMBIGUOUS_NUMBER';
export type ParsedCount = { ok: true; value: bigint } | { ok: false; code: CountError; params?: Record<string, string> };

const SPACES = /[\s\u00a0\u202f]/g;
const DASH_ALONE = /^[-\u2013\u2014\u2212]$/;
const PLAIN = /^\d+$/;
const SPACE_GROUPS = /^\d{1,3}(?: \d{3})+$/;

/** Each convention: its thousands groups, and a whole number written with zero decimals ("12,00" / "12.00"). */
const CONVENTION = {
  vi: { groups: /^\d{1,3}(?:\.\d{3})+$/, group: /\./g, zeroDecimals: /^(\d+|\d{1,3}(?:\.\d{3})+),0+$/, decimals: /,0+$/ },
  en: { groups: /^\d{1,3}(?:,\d{3})+$/, group: /,/g, zeroDecimals: /^(\d+|\d{1,3}(?:,\d{3})+)\.0+$/, decimals: /\.0+$/ },
} as const;

const DECIMAL = /^\d+(?:[.,]\d+)+$|^\d{1,3}(?:[.,]\d{3})+[.,]\d+$/;

/** "1,000" read the Vietnamese way: 1; "12,500": 12,5 (shown with a decimal comma, or point for English). */
function viReading(body: string): { vi: string; viEn: string } | undefined {
  const m = /^(\d{1,3}),(\d{3})$/.exec(body);
  if (!m) return undefined;
  const decimals = m[2]!.replace(/0+$/, '');
  const whole = String(Number(m[1]));
  return decimals ? { vi: `${whole},${decimals}`, viEn: `${whole}.${decimals}` } : { vi: whole, viEn: whole };
}

export function parseCount(raw: string, format?: NumberFormat): ParsedCount {
  // The common case first: a plain count of a few digits.
  if (raw.length > 0 && raw.length <= 15 && PLAIN.test(raw)) return { ok: true, value: BigInt(raw) };
  const text = raw.replace(/^[\s\u00a0\u202f]+|[\s\u00a0\u202f]+$/g, '');
  if (text === '') return { ok: false, code: 'MISSING_VALUE' };
  if (DASH_ALONE.test(text)) return { ok: true, value: 0n };
  const sign = /^[-+\u2212]/.exec(text)?.[0];
  const body = sign ? text.slice(1).trimStart() : text;
  if (format === undefined && CONVENTION.en.groups.test(body)) {
    const en = body.replace(/,/g, '');
    const vi = viReading(body) ?? { vi: '—', viEn: '—' };
    return { ok: false, code: 'AMBIGUOUS_NUMBER', params: { en, ...vi, plain: en } };
  }
  const c = CONVENTION[format ?? 'vi'];
  let digits: string | undefined;
  if (PLAIN.test(body) || c.groups.test(body)) digits = body.replace(c.group, '');
  else if (SPACE_GROUPS.test(body.replace(SPACES, ' '))) digits = body.replace(SPACES, '');
  else if (c.zeroDecimals.test(body)) digits = body.replace(c.decimals, '').replace(c.group, '');
  if (digits === undefined) return { ok: false, code: DECIMAL.test(body) ? 'NOT_AN_INTEGER' : 'NOT_A_NUMBER' };
  // More digits than any safe integer has: too large, without converting megabytes of digits.
  if (digits.replace(/^0+/, '').length > 16) return { ok: false, code: sign && sign !== '+' ? 'NEGATIVE_VALUE' : 'VALUE_TOO_LARGE' };
  const value = BigInt(digits);
  if (sign && sign !== '+' && value !== 0n) return { ok: false, code: 'NEGATIVE_VALUE' };
  if (value > MAX_SAFE) return { ok: false, code: 'VALUE_TOO_LARGE' };
  return { ok: true, value };
}
