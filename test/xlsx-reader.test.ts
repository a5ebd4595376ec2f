// The workbook reader's small parts: numbers written back exactly, cell letters, and the
// feedback's split of a message into what is wrong and how to fix it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Workbook } from '@cj-tech-master/excelts';
import path from 'node:path';
import { feedbackWorkbook, groupFeedback, splitMessage } from '../src/feedback/feedback.js';
import { loadDefinition } from '../src/ingest/definition.js';
import type { Problem } from '../src/messages/problem.js';
import { FIXTURES, ROOT } from './helpers.js';
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

describe('feedback workbook', () => {
  it('holds text from the returns as messages show it: no control characters, a huge value cut', async () => {
    const def = await loadDefinition(path.join(FIXTURES, 'check', 'baocao.yaml'), ROOT, 'vi');
    const problems: Problem[] = [
      { code: 'NOT_A_NUMBER', severity: 'error', file: 'returns/xa\u0001-01.xlsx', line: 5, column: 'ky_nay', sheet: 'Biểu\u0007mẫu', cell: 'E5', unit: '01', indicator: 'VU', params: { value: `x\u0001${'9'.repeat(100_000)}` } },
    ];
    const [fb] = groupFeedback(def, problems, { values: new Map(), received: [], missing: [] });
    expect(fb!.name).toBe('Phản hồi - 01 - Phường Một.xlsx');
    const wb = new Workbook();
    await wb.xlsx.load(await feedbackWorkbook(def, fb!));
    const row = wb.worksheets[0]!.getRow(4).values as unknown[];
    expect(row.slice(1, 6)).toEqual(['xa\ufffd-01.xlsx', 'Biểu\ufffdmẫu!E5', 'VU', 'Số vụ phạm tội', `x\ufffd${'9'.repeat(117)}…`]);
  });
});

describe('splitMessage', () => {
  it('splits at the first sentence end outside quotes', () => {
    expect(splitMessage('"mười" không phải là số. Ghi số nguyên, ví dụ 2082 hoặc 2.082.')).toEqual({ what: '"mười" không phải là số.', fix: 'Ghi số nguyên, ví dụ 2082 hoặc 2.082.' });
    expect(splitMessage('"a. b" sai. Sửa.')).toEqual({ what: '"a. b" sai.', fix: 'Sửa.' });
    expect(splitMessage('Chỉ một câu.')).toEqual({ what: 'Chỉ một câu.', fix: '' });
  });
});
