// Reads a value as the returns write it. Vietnamese by default: "2.082" and "2 082"
// are 2082 (groups of three), "1.265,5" is 1265,5 (a decimal comma), "-" alone is 0,
// an empty cell is missing data — never zero. A comma followed by exactly three digits
// ("1,000", "12,500") in a whole-number column is how English writes thousands: without
// a declared convention it is refused naming both readings, never read one way in silence.
//
// A value comes back as an integer count of 10^-decimals of the indicator's unit
// ("1.265,50" with 2 decimals is 126550): sums stay exact, with no binary fractions.
import { MAX_SAFE } from './rational.js';

export type NumberFormat = 'vi' | 'en';
export const NUMBER_FORMATS: readonly NumberFormat[] = ['vi', 'en'];

export type CountError =
  | 'MISSING_VALUE'
  | 'NOT_A_NUMBER'
  | 'NOT_AN_INTEGER'
  | 'TOO_MANY_DECIMALS'
  | 'NEGATIVE_VALUE'
  | 'VALUE_TOO_LARGE'
  | 'AMBIGUOUS_NUMBER';
export type ParsedValue =
  | { ok: true; value: bigint }
  | { ok: false; code: CountError; params?: Record<string, string | number> };

const SPACES = /[\s\u00a0\u202f]/g;
const DASH_ALONE = /^[-\u2013\u2014\u2212]$/;
const PLAIN = /^\d+$/;
const SPACE_GROUPS = /^\d{1,3}(?: \d{3})+$/;
const EN_GROUPS = /^\d{1,3}(?:,\d{3})+$/;

/** Each convention: its thousands separator and decimal mark. */
const CONVENTION = {
  vi: { groups: /^\d{1,3}(?:\.\d{3})+$/, group: /\./g, mark: ',' },
  en: { groups: /^\d{1,3}(?:,\d{3})+$/, group: /,/g, mark: '.' },
} as const;

/** "1,000" read the Vietnamese way: 1; "12,500": 12,5 (shown with a decimal comma, or point for English). */
function viReading(body: string): { vi: string; viEn: string } {
  const m = /^(\d{1,3}),(\d{3})$/.exec(body);
  if (!m) return { vi: '—', viEn: '—' };
  const decimals = m[2]!.replace(/0+$/, '');
  const whole = String(Number(m[1]));
  return decimals ? { vi: `${whole},${decimals}`, viEn: `${whole}.${decimals}` } : { vi: whole, viEn: whole };
}

/** Whether a value, with no convention declared, would be refused as reading two ways ("1,234": 1234 or 1,234). */
export const readsTwoWays = (text: string): boolean => EN_GROUPS.test(text.replace(/^[-+\u2212]/, ''));

/**
 * The convention a value is read by: the declared one, or for a workbook's number cell (whose
 * text the reader wrote with the returns' decimal mark, Vietnamese unless English) that mark
 * even when none is declared, so a number is never taken for a thousands group.
 */
export const valueFormat = (numeric: boolean, declared: NumberFormat | undefined): NumberFormat | undefined =>
  numeric ? (declared ?? 'vi') : declared;

/** A count of 10^-decimals; `decimals` is the indicator's (0 for whole numbers). */
export function parseValue(raw: string, decimals = 0, format?: NumberFormat): ParsedValue {
  // The common case first: a plain whole number of a few digits.
  if (raw.length > 0 && raw.length <= 12 && PLAIN.test(raw))
    return { ok: true, value: BigInt(raw) * 10n ** BigInt(decimals) };
  const text = raw.replace(/^[\s\u00a0\u202f]+|[\s\u00a0\u202f]+$/g, '');
  if (text === '') return { ok: false, code: 'MISSING_VALUE' };
  if (DASH_ALONE.test(text)) return { ok: true, value: 0n };
  const sign = /^[-+\u2212]/.exec(text)?.[0];
  const body = sign ? text.slice(1).trimStart() : text;
  // Only a whole-number column can read "1,000" two valid ways; in a column with decimals
  // the comma is the decimal mark (and a third decimal in a two-decimal column is refused).
  if (format === undefined && decimals === 0 && EN_GROUPS.test(body)) {
    const en = body.replace(/,/g, '');
    return { ok: false, code: 'AMBIGUOUS_NUMBER', params: { en, ...viReading(body), plain: en } };
  }
  const c = CONVENTION[format ?? 'vi'];
  // Whole part and decimal part, each in the convention's form.
  const at = body.lastIndexOf(c.mark);
  const whole = at === -1 ? body : body.slice(0, at);
  const fraction = at === -1 ? '' : body.slice(at + 1);
  let digits: string | undefined;
  if (PLAIN.test(whole) || c.groups.test(whole)) digits = whole.replace(c.group, '');
  else if (SPACE_GROUPS.test(whole.replace(SPACES, ' '))) digits = whole.replace(SPACES, '');
  if (digits === undefined || (at !== -1 && !PLAIN.test(fraction))) {
    // "2.5" in a Vietnamese file, "20.82"…: a number, but not written as this convention writes one.
    const decimalLike = /^\d+(?:[.,]\d+)+$|^\d{1,3}(?:[.,]\d{3})+[.,]\d+$/.test(body);
    return {
      ok: false,
      code: decimalLike ? (decimals === 0 ? 'NOT_AN_INTEGER' : 'NOT_A_NUMBER') : 'NOT_A_NUMBER',
      params: { decimals },
    };
  }
  // Decimal places past the indicator's are refused unless they are zeros ("12,00" is 12).
  const kept = fraction.slice(0, decimals);
  if (/[1-9]/.test(fraction.slice(decimals)))
    return { ok: false, code: decimals === 0 ? 'NOT_AN_INTEGER' : 'TOO_MANY_DECIMALS', params: { decimals } };
  const scaled = (digits + kept.padEnd(decimals, '0')).replace(/^0+(?=\d)/, '');
  // More digits than any safe integer has: too large, without converting megabytes of digits.
  if (scaled.length > 16) return { ok: false, code: sign && sign !== '+' ? 'NEGATIVE_VALUE' : 'VALUE_TOO_LARGE' };
  const value = BigInt(scaled);
  if (sign && sign !== '+' && value !== 0n) return { ok: false, code: 'NEGATIVE_VALUE' };
  if (value > MAX_SAFE) return { ok: false, code: 'VALUE_TOO_LARGE' };
  return { ok: true, value };
}

/** A whole number (decimals 0): the form the earlier code and its tests use. */
export const parseCount = (raw: string, format?: NumberFormat): ParsedValue => parseValue(raw, 0, format);
