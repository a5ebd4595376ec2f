// Reads a count written the Vietnamese way: "2.082" and "2 082" are 2082 (groups of
// three), "-" alone is 0, an empty cell is missing data — never zero.
import { MAX_SAFE } from '../numbers/rational.js';

export type CountError = 'MISSING_VALUE' | 'NOT_A_NUMBER' | 'NOT_AN_INTEGER' | 'NEGATIVE_VALUE' | 'VALUE_TOO_LARGE';
export type ParsedCount = { ok: true; value: bigint } | { ok: false; code: CountError };

const SPACES = /[\s\u00a0\u202f]/g;
const DASH_ALONE = /^[-\u2013\u2014\u2212]$/;
const PLAIN = /^\d+$/;
const DOT_GROUPS = /^\d{1,3}(?:\.\d{3})+$/;
const SPACE_GROUPS = /^\d{1,3}(?: \d{3})+$/;
/** "12,00" from a cell formatted with decimals: whole when the decimals are zeros. */
const ZERO_DECIMALS = /^(\d+|\d{1,3}(?:\.\d{3})+),0+$/;
const DECIMAL = /^\d+(?:[.,]\d+)+$|^\d{1,3}(?:\.\d{3})+,\d+$/;

export function parseCount(raw: string): ParsedCount {
  // The common case first: a plain count of a few digits.
  if (raw.length > 0 && raw.length <= 15 && PLAIN.test(raw)) return { ok: true, value: BigInt(raw) };
  const text = raw.replace(/^[\s\u00a0\u202f]+|[\s\u00a0\u202f]+$/g, '');
  if (text === '') return { ok: false, code: 'MISSING_VALUE' };
  if (DASH_ALONE.test(text)) return { ok: true, value: 0n };
  const sign = /^[-+\u2212]/.exec(text)?.[0];
  const body = sign ? text.slice(1).trimStart() : text;
  let digits: string | undefined;
  if (PLAIN.test(body) || DOT_GROUPS.test(body)) digits = body.replace(/\./g, '');
  else if (SPACE_GROUPS.test(body.replace(SPACES, ' '))) digits = body.replace(SPACES, '');
  else if (ZERO_DECIMALS.test(body)) digits = body.replace(/,0+$/, '').replace(/\./g, '');
  if (digits === undefined) return { ok: false, code: DECIMAL.test(body) ? 'NOT_AN_INTEGER' : 'NOT_A_NUMBER' };
  // More digits than any safe integer has: too large, without converting megabytes of digits.
  if (digits.replace(/^0+/, '').length > 16) return { ok: false, code: sign && sign !== '+' ? 'NEGATIVE_VALUE' : 'VALUE_TOO_LARGE' };
  const value = BigInt(digits);
  if (sign && sign !== '+' && value !== 0n) return { ok: false, code: 'NEGATIVE_VALUE' };
  if (value > MAX_SAFE) return { ok: false, code: 'VALUE_TOO_LARGE' };
  return { ok: true, value };
}
