// A unit's rows read twice: a whole return sent again in a second file is one
// DUPLICATE_RETURN for that file (the clerk keeps one file); anything less is a
// DUPLICATE_ROW per repeated row. Either way no figure is counted twice.
import { factsOf } from '../src/messages/problem.js';
import { mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDefinition } from '../src/definition/parse.js';
import { groupFeedback } from '../src/feedback/feedback.js';
import { readTextReturn } from '../src/ingest/returns.js';
import { message } from '../src/messages/catalog.js';
import { validateReturns } from '../src/validate/validate.js';
import { FIXTURES, json, runCli } from './helpers.js';

const CHECK = path.join(FIXTURES, 'check');
const def = parseDefinition(readFileSync(path.join(CHECK, 'baocao.yaml'), 'utf8'), 'baocao.yaml', CHECK);

const HEADER = 'ma_don_vi,ky_bao_cao,ma_chi_tieu,ten_chi_tieu,ky_nay,cung_ky';
/** A return of the fixture definition: one line per [unit, indicator, current, previous]. */
const csv = (...rows: [string, string, string, string][]) =>
  [HEADER, ...rows.map(([u, i, c, p]) => `${u},2024-Q1,${i},x,${c},${p}`)].join('\r\n') + '\r\n';
const unit01: [string, string, string, string][] = [
  ['01', 'VU', '2082', '1951'],
  ['01', 'KP', '2000', '1900'],
  ['01', 'MH', '12', '10'],
];
const unit02: [string, string, string, string][] = [
  ['02', 'VU', '0', '5'],
  ['02', 'KP', '0', '5'],
  ['02', 'MH', '3', '3'],
];

function check(files: Record<string, string>) {
  const read = Object.entries(files).map(([name, text]) => readTextReturn(Buffer.from(text), name));
  const { checked, problems } = validateReturns(def, read);
  const codes = problems.map((p) => `${p.code} ${p.file ?? ''}:${p.line ?? ''}${p.indicator ? ` ${p.indicator}` : ''}`);
  return { checked, problems, codes };
}

describe('a unit read twice', () => {
  it('is one DUPLICATE_RETURN when a second file repeats its whole return, with the same figures', () => {
    const { problems, codes, checked } = check({ 'a.csv': csv(...unit01, ...unit02), 'b.csv': csv(...unit01) });
    expect(codes).toEqual(['DUPLICATE_RETURN b.csv:2']);
    expect(problems[0]!.params).toMatchObject({ unitName: 'Phường Một', first: 'a.csv', rows: 3, differ: 0 });
    expect(message('DUPLICATE_RETURN', problems[0]!.params, 'vi')).toContain('số liệu giống hệt');
    // The first file's figures are the ones kept, once.
    expect(checked.values.get('01')?.get('MH')?.current).toBe(12n);
  });

  it('names how many indicators differ and the first difference, on either column', () => {
    const changed: [string, string, string, string][] = [
      ['01', 'VU', '2082', '1950'],
      ['01', 'KP', '2001', '1900'],
      ['01', 'MH', '12', '10'],
    ];
    const { problems } = check({ 'a.csv': csv(...unit01, ...unit02), 'b.csv': csv(...changed) });
    expect(problems.map((p) => p.code)).toEqual(['DUPLICATE_RETURN']);
    expect(problems[0]!.params).toMatchObject({
      differ: 2,
      indicator: 'VU',
      side: 'previous',
      there: '1.951',
      here: '1.950',
    });
    expect(message('DUPLICATE_RETURN', problems[0]!.params, 'vi')).toContain(
      'khác ở 2 chỉ tiêu, như VU (cùng kỳ: 1.951 ở tệp kia, 1.950 ở tệp này)',
    );
    expect(message('DUPLICATE_RETURN', problems[0]!.params, 'en')).toContain(
      'differ for 2 indicator(s), such as VU (previous: 1.951 in the other file, 1.950 in this one)',
    );
  });

  it('counts a figure that does not read in the second file as different, quoting what was written', () => {
    const { problems } = check({
      'a.csv': csv(...unit01, ...unit02),
      'b.csv': csv(['01', 'VU', 'abc', '1951'], unit01[1]!, unit01[2]!),
    });
    expect(problems[0]!.params).toMatchObject({
      differ: 1,
      indicator: 'VU',
      side: 'current',
      there: '2.082',
      here: 'abc',
    });
  });

  it('tells each unit of a file apart: a repeated return beside a unit read for the first time', () => {
    const { codes, checked, problems } = check({ 'a.csv': csv(...unit01), 'b.csv': csv(...unit01, ...unit02) });
    expect(codes).toEqual(['DUPLICATE_RETURN b.csv:2']);
    expect(checked.received).toEqual(['01', '02']);
    // b.csv holds unit 02's figures too: moving it out would lose them, so the rows are to be deleted instead.
    expect(problems[0]!.params).toMatchObject({ shared: 1 });
    expect(message('DUPLICATE_RETURN', problems[0]!.params, 'vi')).toContain(
      'Xoá các dòng của đơn vị này ở một trong hai tệp',
    );
    expect(message('DUPLICATE_RETURN', problems[0]!.params, 'en')).toContain('do not move a whole file out');
    // The same when the file read first is the one with other units' rows (a district's file, then the unit's own).
    const later = check({ 'a.csv': csv(...unit01, ...unit02), 'b.csv': csv(...unit02) }).problems;
    expect(later.map((p) => [p.code, factsOf(p).shared])).toEqual([['DUPLICATE_RETURN', 1]]);
    // Two files of one unit each: one file is kept.
    expect(
      check({ 'a.csv': csv(...unit01), 'b.csv': csv(...unit01), 'c.csv': csv(...unit02) }).problems[0]!.params,
    ).not.toHaveProperty('shared');
  });

  it('stays a DUPLICATE_ROW per row when the repeat is not a whole return from one other file', () => {
    // Part of a return.
    expect(check({ 'a.csv': csv(...unit01, ...unit02), 'b.csv': csv(unit01[2]!) }).codes).toEqual([
      'DUPLICATE_ROW b.csv:2 MH',
    ]);
    // A whole return, then one row more for the same unit (a row read twice in that file too).
    expect(check({ 'a.csv': csv(...unit01, ...unit02), 'b.csv': csv(...unit01, unit01[0]!) }).codes).toEqual([
      'DUPLICATE_ROW b.csv:2 VU',
      'DUPLICATE_ROW b.csv:3 KP',
      'DUPLICATE_ROW b.csv:4 MH',
      'DUPLICATE_ROW b.csv:5 VU',
    ]);
    // A return repeated within one file.
    expect(check({ 'a.csv': csv(...unit01, ...unit02, ...unit01) }).codes).toEqual([
      'DUPLICATE_ROW a.csv:8 VU',
      'DUPLICATE_ROW a.csv:9 KP',
      'DUPLICATE_ROW a.csv:10 MH',
    ]);
    // Rows first read from two different files.
    expect(
      check({ 'a.csv': csv(unit01[0]!, unit01[1]!, ...unit02), 'b.csv': csv(unit01[2]!), 'c.csv': csv(...unit01) })
        .codes,
    ).toEqual(['DUPLICATE_ROW c.csv:2 VU', 'DUPLICATE_ROW c.csv:3 KP', 'DUPLICATE_ROW c.csv:4 MH']);
    // A unit's rows where one is new: that one is read, the others repeat.
    const { codes, checked } = check({ 'a.csv': csv(unit01[0]!, unit01[1]!, ...unit02), 'b.csv': csv(...unit01) });
    expect(codes).toEqual(['DUPLICATE_ROW b.csv:2 VU', 'DUPLICATE_ROW b.csv:3 KP']);
    expect(checked.values.get('01')?.get('MH')?.current).toBe(12n);
  });

  it('says when the file is named for another unit, which may have filled in the first one’s form, and tells that unit', () => {
    // Xã Hai (02) filled in Phường Một's (01) form: its file holds 01's code and other figures.
    const theirs: [string, string, string, string][] = [
      ['01', 'VU', '7', '9'],
      ['01', 'KP', '6', '9'],
      ['01', 'MH', '3', '3'],
    ];
    const { problems, checked } = check({ '01 - Phường Một.csv': csv(...unit01), '02 - Xã Hai.csv': csv(...theirs) });
    expect(problems.map((p) => `${p.code} ${p.file ?? ''} ${p.unit}`)).toEqual([
      'DUPLICATE_RETURN 02 - Xã Hai.csv 01',
      'MISSING_UNIT  02',
    ]);
    const resent = problems[0]!;
    expect(resent.params).toMatchObject({ named: 'Xã Hai', namedCode: '02', differ: 3 });
    const vi = message('DUPLICATE_RETURN', resent.params, 'vi');
    const en = message('DUPLICATE_RETURN', resent.params, 'en');
    expect(vi).toContain(
      'mà tên tệp là của đơn vị "Xã Hai". Nếu đây là báo cáo của "Xã Hai" (điền nhầm vào biểu mẫu của đơn vị khác), sửa mã đơn vị trong tệp thành 02',
    );
    expect(en).toContain('change the unit code in the file to 02');
    expect(vi + en).not.toContain('undefined');
    // Xã Hai is told (with its missing return); Phường Một, whose file is fine, is not.
    const feedback = groupFeedback(def, problems, checked);
    expect(feedback.map((f) => [f.unit?.code, f.problems.map((p) => p.code)])).toEqual([
      ['02', ['DUPLICATE_RETURN', 'MISSING_UNIT']],
    ]);
    // Named for another unit and holding a third unit's rows too: the rows, not the file, are to go.
    const mixed = check({
      '01 - Phường Một.csv': csv(...unit01),
      '02 - Xã Hai.csv': csv(...theirs, ['02', 'VU', '1', '1']),
    }).problems;
    expect(mixed[0]!.params).toMatchObject({ named: 'Xã Hai', shared: 1 });
    expect(message('DUPLICATE_RETURN', mixed[0]!.params, 'vi')).toContain(
      'nếu không, xoá các dòng của đơn vị này ở một trong hai tệp',
    );
    // A file named for the unit whose rows it holds is a plain return sent again.
    expect(
      check({ 'a.csv': csv(...unit01), '01 - Phường Một (sửa).csv': csv(...unit01) }).problems[0]!.params,
    ).not.toHaveProperty('named');
  });

  it('refuses (an error, so no report is built on it) a file named for one unit holding only other units’ rows, and tells the unit it is named for; a file only misnamed is a warning', () => {
    const { problems, checked } = check({ '02 - Xã Hai.csv': csv(...unit01) });
    expect(problems.map((p) => `${p.code} ${p.severity} ${p.unit} ${p.line ?? ''}`)).toEqual([
      'FILE_NAMES_OTHER_UNIT error 02 2',
      'MISSING_UNIT error 02 ',
    ]);
    expect(message('FILE_NAMES_OTHER_UNIT', problems[0]!.params, 'vi')).toBe(
      'Tên tệp là của đơn vị "Xã Hai" (02) nhưng các dòng ghi mã đơn vị 01 ("Phường Một"), nên số liệu được tính cho đơn vị đó. Nếu đây là báo cáo của "Xã Hai" (điền nhầm vào biểu mẫu của đơn vị khác), sửa mã đơn vị trong tệp thành 02; nếu tên tệp đặt nhầm, đổi tên tệp cho đúng.',
    );
    expect(groupFeedback(def, problems, checked).map((f) => [f.unit?.code, f.problems.map((p) => p.code)])).toEqual([
      ['02', ['FILE_NAMES_OTHER_UNIT', 'MISSING_UNIT']],
    ]);
    // Named for a unit that sent its own return as well: only misnamed, the office's to rename, whichever is read first.
    for (const files of [
      { '02 - Xã Hai.csv': csv(...unit01), 'xa-hai.csv': csv(...unit02) } as Record<string, string>,
      { 'a.csv': csv(...unit02), '02 - Xã Hai.csv': csv(...unit01) },
    ]) {
      const misnamed = check(files);
      expect(misnamed.codes).toEqual([`FILE_NAMES_OTHER_UNIT 02 - Xã Hai.csv:2`]);
      const own = Object.keys(files).find((f) => f !== '02 - Xã Hai.csv');
      expect(misnamed.problems[0]!).toMatchObject({ severity: 'warning', params: { elsewhere: own } });
      expect(message('FILE_NAMES_OTHER_UNIT', misnamed.problems[0]!.params, 'vi')).toBe(
        `Tên tệp là của đơn vị "Xã Hai" (02) nhưng các dòng ghi mã đơn vị 01 ("Phường Một"), và số liệu được tính cho đơn vị đó; báo cáo của "Xã Hai" ở ${own}. Đổi tên tệp cho đúng đơn vị trong tệp.`,
      );
      expect(message('FILE_NAMES_OTHER_UNIT', misnamed.problems[0]!.params, 'en')).toContain(
        `"Xã Hai"'s return is ${own}. Rename the file`,
      );
      expect(groupFeedback(def, misnamed.problems, misnamed.checked)).toEqual([]);
    }
    // A file that holds the unit it is named for (among others), or is named for no unit, is as it should be.
    expect(check({ '02 - Xã Hai.csv': csv(...unit01, ...unit02) }).codes).toEqual([]);
    expect(check({ 'xa-hai.csv': csv(...unit01, ...unit02) }).codes).toEqual([]);
  });

  it('is the office’s to settle: left out of the unit’s feedback, other problems kept', () => {
    const { problems, checked } = check({
      'a.csv': csv(...unit01, ...unit02),
      'b.csv': csv(...unit01),
      'c.csv': csv(['02', 'VUX', '1', '1']),
    });
    expect(problems.map((p) => p.code).sort()).toEqual(['DUPLICATE_RETURN', 'UNKNOWN_INDICATOR']);
    const feedback = groupFeedback(def, problems, checked);
    expect(feedback.map((f) => [f.unit?.code, f.problems.map((p) => p.code)])).toEqual([['02', ['UNKNOWN_INDICATOR']]]);
  });
});

describe('which of two returns came later', () => {
  it("is said from the files' times, with both dates, not from their names", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'baocao-dup-'));
    // Saved from Zalo: the resend gets "(1)" and sorts (is read) first; it is the later one.
    const original = path.join(dir, '01 - Đơn vị Một.csv');
    const resent = path.join(dir, '01 - Đơn vị Một (1).csv');
    writeFileSync(original, csv(...unit01));
    writeFileSync(resent, csv(['01', 'VU', '2082', '1951'], ['01', 'KP', '2001', '1900'], ['01', 'MH', '12', '10']));
    writeFileSync(path.join(dir, '02.csv'), csv(...unit02));
    utimesSync(original, new Date(2026, 11, 2, 9, 12), new Date(2026, 11, 2, 9, 12));
    utimesSync(resent, new Date(2026, 11, 3, 14, 5), new Date(2026, 11, 3, 14, 5));
    const r = await runCli(['check', dir, '--config', path.join(CHECK, 'baocao.yaml'), '--allow-missing', '--json']);
    const dup = (json(r).errors as { code: string; message: string; file: string }[]).find(
      (e) => e.code === 'DUPLICATE_RETURN',
    )!;
    expect(dup.file).toMatch(/Một\.csv$/);
    expect(dup.message).toContain('(nhận lúc 09:12 ngày 02/12/2026)');
    expect(dup.message).toContain('(nhận lúc 14:05 ngày 03/12/2026)');
    expect(dup.message).toMatch(/Tệp nhận sau là .*Một \(1\)\.csv: nếu đó là bản đơn vị sửa lại, giữ tệp đó/);
    const en = await runCli([
      'check',
      dir,
      '--config',
      path.join(CHECK, 'baocao.yaml'),
      '--allow-missing',
      '--json',
      '--lang',
      'en',
    ]);
    expect(
      (json(en).errors as { code: string; message: string }[]).find((e) => e.code === 'DUPLICATE_RETURN')!.message,
    ).toContain('received 14:05 on 03/12/2026');
  });
});
