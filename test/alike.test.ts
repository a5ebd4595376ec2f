// The rows of a file that share a problem (last period's code on a whole form, a unit code
// the roster lacks) are one problem at the first of them, counting the rows.
import { factsOf } from '../src/messages/problem.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDefinition } from '../src/definition/parse.js';
import { groupFeedback } from '../src/feedback/feedback.js';
import { readTextReturn } from '../src/ingest/returns.js';
import { message } from '../src/messages/catalog.js';
import { validateReturns } from '../src/validate/validate.js';
import { FIXTURES } from './helpers.js';

const CHECK = path.join(FIXTURES, 'check');
const def = parseDefinition(readFileSync(path.join(CHECK, 'baocao.yaml'), 'utf8'), 'baocao.yaml', CHECK);
const HEADER = 'ma_don_vi,ky_bao_cao,ma_chi_tieu,ten_chi_tieu,ky_nay,cung_ky';
/** Rows of [unit, period, indicator]; figures are 1. */
const csv = (...rows: [string, string, string][]) =>
  [HEADER, ...rows.map(([u, p, i]) => `${u},${p},${i},x,1,1`)].join('\r\n') + '\r\n';
const check = (files: Record<string, string>) => {
  const read = Object.entries(files).map(([name, text]) => readTextReturn(Buffer.from(text), name));
  return validateReturns(def, read, { onlyListed: true });
};

describe('rows alike in a file', () => {
  it('a whole form of another period is one PERIOD_MISMATCH, with its unit and no one indicator', () => {
    const { problems } = check({
      'a.csv': csv(['02', '2023-Q4', 'VU'], ['02', '2023-Q4', 'KP'], ['02', '2023-Q4', 'MH']),
    });
    expect(problems.map((p) => [p.code, p.line, p.unit, p.indicator, factsOf(p).rows])).toEqual([
      ['PERIOD_MISMATCH', 2, '02', undefined, 3],
    ]);
    expect(message('PERIOD_MISMATCH', problems[0]!.params, 'vi')).toContain(
      '(3 dòng của tệp). Kiểm tra đơn vị gửi đúng kỳ (có thể đã dùng biểu mẫu hay số liệu của kỳ khác)',
    );
    expect(message('PERIOD_MISMATCH', problems[0]!.params, 'en')).toContain('(3 rows of the file)');
  });

  it('keeps one row’s problem as it was, and tells different values apart', () => {
    const one = check({
      'a.csv': csv(['02', '2023-Q4', 'VU'], ['02', '2024-Q1', 'KP'], ['02', '2024-Q1', 'MH']),
    }).problems;
    expect(one.map((p) => [p.code, p.line, p.unit, p.indicator, factsOf(p).rows])).toEqual([
      ['PERIOD_MISMATCH', 2, '02', 'VU', 1],
    ]);
    expect(message('PERIOD_MISMATCH', one[0]!.params, 'vi')).toBe(
      'Kỳ báo cáo "2023-Q4" khác kỳ đang tổng hợp "2024-Q1". Kiểm tra đơn vị gửi đúng kỳ, rồi sửa mã kỳ.',
    );
    const two = check({
      'a.csv': csv(['02', '2023-Q4', 'VU'], ['02', '2023-Q3', 'KP'], ['02', '2023-Q4', 'MH']),
    }).problems;
    expect(two.map((p) => [p.line, factsOf(p).value, factsOf(p).rows])).toEqual([
      [2, '2023-Q4', 2],
      [3, '2023-Q3', 1],
    ]);
  });

  it('across units, names none of them: each unit of the file is sent it', () => {
    const { problems, checked } = check({
      'huyen.csv': csv(
        ['01', '2023-Q4', 'VU'],
        ['01', '2023-Q4', 'KP'],
        ['01', '2023-Q4', 'MH'],
        ['02', '2023-Q4', 'VU'],
        ['02', '2023-Q4', 'KP'],
        ['02', '2023-Q4', 'MH'],
      ),
    });
    expect(problems.map((p) => [p.code, p.unit, factsOf(p).rows])).toEqual([['PERIOD_MISMATCH', undefined, 6]]);
    expect(groupFeedback(def, problems, checked).map((f) => f.unit?.code)).toEqual(['01', '02']);
  });

  it('groups unit codes the roster lacks, and rows with none', () => {
    const { problems } = check({
      'a.csv': csv(
        ['77', '2024-Q1', 'VU'],
        ['77', '2024-Q1', 'KP'],
        ['', '2024-Q1', 'MH'],
        ['', '2024-Q1', 'VU'],
        ['01', '2024-Q1', 'VU'],
        ['01', '2024-Q1', 'KP'],
        ['01', '2024-Q1', 'MH'],
      ),
    });
    expect(problems.map((p) => [p.code, p.line, factsOf(p).value, factsOf(p).rows])).toEqual([
      ['UNKNOWN_UNIT', 2, '77', 2],
      ['UNKNOWN_UNIT', 4, '', 2],
    ]);
    expect(message('UNKNOWN_UNIT', problems[0]!.params, 'vi')).toContain(
      'Mã đơn vị "77" không có trong danh sách đơn vị của báo cáo (2 dòng của tệp ghi mã này).',
    );
    expect(message('UNKNOWN_UNIT', problems[1]!.params, 'vi')).toMatch(
      /^2 dòng của tệp chưa ghi mã đơn vị, nên số liệu không được tính\./,
    );
    expect(message('UNKNOWN_UNIT', problems[1]!.params, 'en')).toMatch(/^2 rows of the file have no unit code/);
  });

  it('past 100 different values in a file, a problem per row, the rest counted', () => {
    const rows = Array.from({ length: 150 }, (_, n): [string, string, string] => [String(900 + n), '2024-Q1', 'VU']);
    const { problems } = check({ 'a.csv': csv(...rows, ['1049', '2024-Q1', 'KP']) });
    const unknown = problems.filter((p) => p.code === 'UNKNOWN_UNIT');
    expect(unknown).toHaveLength(100);
    expect(unknown.every((p) => factsOf(p).rows === 1)).toBe(true);
    // 50 more different codes, and the second row of code 1049 (its first was past the grouped 100, so each is a row of its own).
    expect(problems.find((p) => p.code === 'MORE_PROBLEMS')?.params).toMatchObject({ code: 'UNKNOWN_UNIT', count: 51 });
  });
});
