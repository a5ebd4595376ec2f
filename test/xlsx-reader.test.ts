// The workbook reader's small parts: numbers written back exactly, cell letters, and the
// feedback's split of a message into what is wrong and how to fix it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitMessage } from '../src/feedback/feedback.js';
import { columnLetter, numberText } from '../src/ingest/readers/xlsx.js';
import { parseValue } from '../src/validate/number.js';

describe('numberText', () => {
  it('writes a number cell back exactly, dropping binary noise past 15 digits as Excel shows it', () => {
    expect(numberText(0.1 + 0.2, ',')).toBe('0,3');
    expect(numberText(1191.0000000000002, ',')).toBe('1191');
    expect(numberText(2.9999999999999996, ',')).toBe('3');
    expect(numberText(98.25, ',')).toBe('98,25');
    expect(numberText(98.25, '.')).toBe('98.25');
    expect(numberText(1e-7, ',')).toBe('0,0000001');
    expect(numberText(-0, ',')).toBe('0');
    expect(numberText(2082, ',')).toBe('2082');
    expect(numberText(1e21, ',')).toBe('1000000000000000000000');
  });

  it('reads back as the value typed, for any value of up to 12 significant digits and 0–6 decimals', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 999_999_999_999n }), fc.integer({ min: 0, max: 6 }), (scaled, decimals) => {
        const typed = Number(scaled) / 10 ** decimals; // what a spreadsheet stores for the typed value
        expect(parseValue(numberText(typed, ','), decimals, 'vi')).toEqual({ ok: true, value: scaled });
        expect(parseValue(numberText(typed, '.'), decimals, 'en')).toEqual({ ok: true, value: scaled });
      }),
      { seed: 12, numRuns: 2000 },
    );
  });
});

describe('columnLetter', () => {
  it('names columns as a spreadsheet does', () => {
    expect([1, 5, 26, 27, 52, 702, 703, 16384].map(columnLetter)).toEqual(['A', 'E', 'Z', 'AA', 'AZ', 'ZZ', 'AAA', 'XFD']);
  });
});

describe('splitMessage', () => {
  it('splits at the first sentence end outside quotes', () => {
    expect(splitMessage('"mười" không phải là số. Ghi số nguyên, ví dụ 2082 hoặc 2.082.')).toEqual({ what: '"mười" không phải là số.', fix: 'Ghi số nguyên, ví dụ 2082 hoặc 2.082.' });
    expect(splitMessage('"a. b" sai. Sửa.')).toEqual({ what: '"a. b" sai.', fix: 'Sửa.' });
    expect(splitMessage('Chỉ một câu.')).toEqual({ what: 'Chỉ một câu.', fix: '' });
  });
});
