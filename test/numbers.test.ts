import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDecimalVi, formatIntegerVi, formatPercentVi } from '../src/numbers/format.js';
import {
  changePercent,
  compare,
  integer,
  percent,
  rational,
  roundHalfUp,
  sub,
  type Rational,
} from '../src/numbers/rational.js';
import { parseCount, parseValue } from '../src/numbers/parse.js';
import { numberLike } from '../src/ingest/returns.js';

const pct = (a: number, b: number) => percent(integer(a), integer(b))!;

describe('rounding half-up on the exact value', () => {
  it('rounds 1951/2000 = 97,55% up to 97,6% (binary floating point gives 97,5)', () => {
    expect((97.55).toFixed(1)).toBe('97.5'); // the trap this module exists to avoid
    expect(formatPercentVi(pct(1951, 2000))).toBe('97,6%');
  });
  it('rounds −10,85% away from zero to −10,9%', () => {
    // previous 2000, current 1783: change −217/2000 = −10,85%
    expect(formatPercentVi(changePercent(integer(1783), integer(2000))!)).toBe('-10,9%');
  });
  it('has no percentage change when the earlier figure is 0', () => {
    expect(changePercent(integer(3), integer(0))).toBeNull();
    expect(percent(integer(3), integer(0))).toBeNull();
  });
  it('formats the sample figures as the account writes them', () => {
    expect(formatPercentVi(pct(120, 123))).toBe('97,6%');
    expect(formatPercentVi(changePercent(integer(123), integer(138))!)).toBe('-10,9%');
    expect(formatIntegerVi(2082)).toBe('2.082');
    expect(formatIntegerVi(1234567)).toBe('1.234.567');
    expect(formatIntegerVi(0)).toBe('0');
  });
  it('never shows a negative zero and drops a ",0" only when asked', () => {
    expect(formatDecimalVi(rational(-4n, 100n), { decimals: 1 })).toBe('0,0');
    expect(formatDecimalVi(rational(-5n, 100n), { decimals: 1 })).toBe('-0,1');
    expect(formatPercentVi(integer(100))).toBe('100,0%');
    expect(formatDecimalVi(integer(100), { decimals: 1 })).toBe('100,0');
  });
  it('satisfies the definition of half-up rounding for any fraction', () => {
    fc.assert(
      fc.property(
        fc.bigInt(-(10n ** 12n), 10n ** 12n),
        fc.bigInt(1n, 10n ** 9n),
        fc.integer({ min: 0, max: 4 }),
        (n, d, places) => {
          const r = rational(n, d);
          const q = roundHalfUp(r, places);
          const scaled: Rational = rational(r.n * 10n ** BigInt(places), r.d);
          const diff = sub(scaled, integer(q));
          const half = rational(1n, 2n);
          const absDiff = diff.n < 0n ? rational(-diff.n, diff.d) : diff;
          expect(compare(absDiff, half)).toBeLessThanOrEqual(0);
          // On an exact half, rounding goes away from zero.
          if (compare(absDiff, half) === 0)
            expect(q < 0n ? -q : q).toBeGreaterThan(scaled.n < 0n ? -scaled.n / scaled.d : scaled.n / scaled.d);
        },
      ),
      { numRuns: 2000, seed: 20210813 },
    );
  });
  it('formats the rounded value with "." between thousands and "," before decimals', () => {
    fc.assert(
      fc.property(fc.bigInt(0n, 10n ** 15n), (n) => {
        const text = formatIntegerVi(n);
        expect(text).toMatch(/^\d{1,3}(\.\d{3})*$/);
        expect(BigInt(text.replace(/\./g, ''))).toBe(n);
        expect(parseCount(text)).toEqual({ ok: true, value: n });
      }),
      { numRuns: 1000, seed: 7 },
    );
  });
});

describe('reading counts written the Vietnamese way', () => {
  it.each([
    ['2082', 2082n],
    ['2.082', 2082n],
    ['2 082', 2082n],
    ['2\u00a0082', 2082n],
    ['1.234.567', 1234567n],
    [' 17 ', 17n],
    ['-', 0n],
    ['–', 0n],
    ['0', 0n],
    ['+5', 5n],
    ['12,00', 12n],
    ['2.082,0', 2082n],
  ])('%j is %s', (raw, value) => expect(parseCount(raw)).toEqual({ ok: true, value }));

  it.each([
    ['', 'MISSING_VALUE'],
    ['   ', 'MISSING_VALUE'],
    ['abc', 'NOT_A_NUMBER'],
    ['1e3', 'NOT_A_NUMBER'],
    ['20.82', 'NOT_AN_INTEGER'],
    ['2,5', 'NOT_AN_INTEGER'],
    ['2.08', 'NOT_AN_INTEGER'],
    ['2.0820', 'NOT_AN_INTEGER'],
    ['1.234,5', 'NOT_AN_INTEGER'],
    ['2.082 5', 'NOT_A_NUMBER'],
    ['-3', 'NEGATIVE_VALUE'],
    ['−3', 'NEGATIVE_VALUE'],
    ['99999999999999999', 'VALUE_TOO_LARGE'],
  ])('%j is %s', (raw, code) => expect(parseCount(raw)).toMatchObject({ ok: false, code }));
});

describe('a row without an indicator code', () => {
  it('is a data row (an error, not a skipped row) whenever a value cell reads as a number other than 0', () => {
    // Built from the pieces numbers are written with, and noise around them.
    const piece = fc.oneof(
      { arbitrary: fc.constantFrom('0', '1', '2', '7', '082', '000', '123'), weight: 12 },
      { arbitrary: fc.constantFrom('.', ',', ' ', '\u00a0', '\u202f'), weight: 4 },
      { arbitrary: fc.constantFrom('-', '+', '\u2212', '%', 'vụ', 'a', 'ngày ', '(', ')'), weight: 1 },
    );
    const text = fc.array(piece, { minLength: 1, maxLength: 8 }).map((p) => p.join('').trim());
    let numbers = 0;
    fc.assert(
      fc.property(
        text,
        fc.constantFrom(0, 1, 2),
        fc.constantFrom<'vi' | 'en' | undefined>('vi', 'en', undefined),
        (value, decimals, format) => {
          const parsed = parseValue(value, decimals, format);
          if (parsed.ok && parsed.value !== 0n) {
            numbers++;
            expect(numberLike(value), JSON.stringify(value)).toBe(true);
          }
        },
      ),
      { numRuns: 3000, seed: 20210813 },
    );
    // The pieces make real numbers often enough for the property to say something.
    expect(numbers).toBeGreaterThan(300);
    expect(['20', '2.082', '2 082', '-1,5', '\u22123', '97,5%', '1.265,5'].map(numberLike)).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(['', '-', 'ngày 15 tháng 3 năm 2024', '20 vụ', 'NGƯỜI LẬP BIỂU', 'mười'].map(numberLike)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});
