// The command-line contract scripts rely on: exit codes, stdout for data only, JSON
// even on failure, languages, colour, stdin, odd paths and odd names.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { message, PROBLEM_CODES } from '../src/messages/catalog.js';
import { FIXTURES, json, runCli, SAMPLE, spawnCli } from './helpers.js';

const CHECK_DEF = path.join(FIXTURES, 'check', 'baocao.yaml');
const GOOD = path.join(FIXTURES, 'check', 'ok', 'returns', 'a.csv');

function tempDir(prefix = 'baocao-') {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

describe('exit codes of the real binary', () => {
  it('0 when the data is good', () => {
    const r = spawnCli(['check', '--config', path.join(SAMPLE, 'baocao.yaml')]);
    expect(r.stderr).toContain('không có lỗi');
    expect(r.code).toBe(0);
  });
  it('1 when the data has problems, with the problems on stderr', () => {
    const r = spawnCli(['check', '--config', CHECK_DEF, path.join(FIXTURES, 'check', 'many-problems', 'returns')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('dòng 2: lỗi NOT_A_NUMBER');
    expect(r.stderr).toContain('4 lỗi, 0 cảnh báo trong 2 tệp');
  });
  it('2 when the command cannot run, JSON on stdout with --json', () => {
    const r = spawnCli(['aggregate', '--config', 'no-such.yaml', '--json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, errors: [{ code: 'CONFIG_NOT_FOUND' }] });
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
  });
  it('2 for a usage mistake, in the chosen language', () => {
    const r = spawnCli(['check', '--no-such-flag', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('USAGE');
    expect(r.stderr).toContain('Invalid command');
  });
  it('prints the version and per-command help with a Vietnamese example', () => {
    expect(spawnCli(['--version']).stdout.trim()).toBe(
      JSON.parse(readFileSync(path.join(FIXTURES, '..', 'package.json'), 'utf8')).version,
    );
    const help = spawnCli(['aggregate', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--allow-missing');
    expect(help.stdout).toContain('Ví dụ:');
  });
});

describe('stdout and stderr', () => {
  it('aggregate --json prints only JSON on stdout; warnings go in it and on stderr', async () => {
    const r = await runCli([
      'aggregate',
      '--config',
      CHECK_DEF,
      path.join(FIXTURES, 'check', 'missing-unit', 'returns'),
      '--allow-missing',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const out = json(r);
    expect(out.units).toMatchObject({ received: ['01'], missing: ['02'] });
    expect(out.warnings.map((w: { code: string }) => w.code)).toEqual(['MISSING_UNIT']);
    expect(r.stderr).toContain('Xã Hai');
  });
  it('--json is one line into a pipe and indented on a terminal, the same value either way', async () => {
    const argv = ['aggregate', '--config', path.join(SAMPLE, 'baocao.yaml'), '--json'];
    const piped = await runCli(argv);
    const shown = await runCli(argv, { tty: true });
    expect(piped.stdout.trimEnd()).not.toContain('\n');
    expect(shown.stdout).toContain('\n  "period": {\n');
    expect(JSON.parse(shown.stdout)).toEqual(JSON.parse(piped.stdout));
  });
  it('aggregate stops with exit 1 and the errors when the data is invalid', async () => {
    const r = await runCli([
      'aggregate',
      '--config',
      CHECK_DEF,
      path.join(FIXTURES, 'check', 'rule-violation', 'returns'),
      '--json',
    ]);
    expect(r.code).toBe(1);
    expect(json(r)).toMatchObject({ ok: false, errors: [{ code: 'RULE_VIOLATION', line: 3, column: 'cung_ky' }] });
  });
  it('--quiet keeps only errors', async () => {
    const r = await runCli([
      'check',
      '--config',
      CHECK_DEF,
      path.join(FIXTURES, 'check', 'extra-column', 'returns'),
      '--quiet',
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });
  it('colours only on a terminal, never with NO_COLOR, always with FORCE_COLOR', async () => {
    const args = ['check', '--config', CHECK_DEF, path.join(FIXTURES, 'check', 'not-a-number', 'returns')];
    expect((await runCli(args)).stderr).not.toMatch(/\u001b\[/);
    expect((await runCli(args, { tty: true })).stderr).toMatch(/\u001b\[/);
    expect((await runCli(args, { tty: true, env: { NO_COLOR: '1' } })).stderr).not.toMatch(/\u001b\[/);
    expect((await runCli(args, { env: { FORCE_COLOR: '1' } })).stderr).toMatch(/\u001b\[/);
    // The bundle gives chalk no colour detection of its own; the decision above still holds.
    expect(spawnCli(args).stderr).not.toMatch(/\u001b\[/);
    expect(spawnCli(args, { env: { FORCE_COLOR: '1' } }).stderr).toMatch(/\u001b\[/);
  });
});

describe('inputs', () => {
  it('reads a return from standard input with "-"', async () => {
    const r = await runCli(['aggregate', '-', '--config', CHECK_DEF, '--json'], { stdin: readFileSync(GOOD) });
    expect(r.code).toBe(0);
    expect(json(r).indicators.VU.current).toBe(2082);
  });
  it('stdin through the real binary', () => {
    const r = spawnCli(['check', '-', '--config', CHECK_DEF, '--json'], { input: readFileSync(GOOD) });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).ok).toBe(true);
  });
  it('names a path that does not exist and exits 2', async () => {
    const r = await runCli(['check', 'không-có.csv', '--config', CHECK_DEF]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('INPUT_NOT_FOUND');
    expect(r.stderr).toContain('không-có.csv');
  });
  it('works with spaces and Vietnamese characters in every path', () => {
    const dir = path.join(tempDir(), 'Báo cáo quý I');
    mkdirSync(path.join(dir, 'Số liệu gửi về'), { recursive: true });
    cpSync(CHECK_DEF, path.join(dir, 'định nghĩa báo cáo.yaml'));
    cpSync(GOOD, path.join(dir, 'Số liệu gửi về', 'Phường Một và Xã Hai.csv'));
    const r = spawnCli(['aggregate', 'Số liệu gửi về', '--config', 'định nghĩa báo cáo.yaml', '--json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).indicators.KP.current).toBe(2000);
  });
  it('reports a folder named .csv and a broken link as unreadable files, and goes on', async () => {
    const dir = tempDir();
    cpSync(GOOD, path.join(dir, 'a.csv'));
    mkdirSync(path.join(dir, 'thư mục.csv'));
    symlinkSync(path.join(dir, 'gone.csv'), path.join(dir, 'hỏng.csv'));
    const r = await runCli(['check', dir, '--config', CHECK_DEF, '--json']);
    expect(r.code).toBe(1);
    const codes = json(r).errors.map((e: { code: string; file: string }) => `${e.code} ${path.basename(e.file)}`);
    expect(codes.sort()).toEqual(['UNREADABLE_FILE hỏng.csv', 'UNREADABLE_FILE thư mục.csv']);
  });
  it('--encoding forces a code page and says when the file is not in it', async () => {
    const cp1258 = path.join(FIXTURES, 'formats', 'windows-1258', 'returns');
    const forced = await runCli(['check', cp1258, '--config', CHECK_DEF, '--encoding', 'windows-1258', '--json']);
    expect(forced.code).toBe(0);
    const wrong = await runCli(['check', cp1258, '--config', CHECK_DEF, '--encoding', 'utf-8', '--json']);
    expect(wrong.code).toBe(1);
    expect(json(wrong).errors[0]).toMatchObject({
      code: 'INVALID_ENCODING',
      file: expect.stringContaining('tra-ve.csv'),
    });
  });
  it('treats __proto__, constructor and prototype as data, in headers, codes and names', async () => {
    const dir = tempDir();
    writeFileSync(
      path.join(dir, 'baocao.yaml'),
      `period: { code: P, label: k, previousLabel: c, start: 2024-01-01, end: 2024-01-31 }
units:
  - { code: __proto__, name: __proto__ }
  - { code: constructor, name: prototype }
indicators:
  - { code: prototype, label: constructor, unit: vụ, kind: count }
  - { code: __proto__, label: x, unit: vụ, kind: count }
`,
    );
    writeFileSync(
      path.join(dir, 'r.csv'),
      'ma_don_vi,__proto__,ky_bao_cao,constructor,ma_chi_tieu,ky_nay,cung_ky,prototype\n' +
        '__proto__,x,P,y,prototype,1,2,z\n__proto__,x,P,y,__proto__,3,4,z\nconstructor,x,P,y,prototype,5,6,z\nconstructor,x,P,y,__proto__,7,8,z\n',
    );
    const r = await runCli(['aggregate', 'r.csv', '--json'], { cwd: dir });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out.indicators)).toEqual(['prototype', '__proto__']);
    expect(out.indicators.prototype.current).toBe(6);
    expect(Object.keys(out.byUnit)).toEqual(['__proto__', 'constructor']);
    expect(out.byUnit.__proto__.__proto__.current).toBe(3);
    expect(({} as Record<string, unknown>).current).toBeUndefined();
    expect(json(r).warnings.map((w: { column: string }) => w.column)).toEqual([
      '__proto__',
      'constructor',
      'prototype',
    ]);
  });
});

describe('message catalog', () => {
  it('has a Vietnamese and an English message for every code', () => {
    const params = {
      value: 'x',
      expected: 'y',
      path: 'p',
      detail: 'd',
      kind: 'k',
      encoding: 'e',
      reason: 'OTHER',
      unitName: 'u',
      label: 'l',
      first: 1,
      second: 2,
      count: 3,
      unitLabel: 'vụ',
      alias: 'a',
      unit: '024',
      column: 'ky_nay',
      op: 'atMost',
      left: 5,
      right: 4,
      leftLabel: 'L',
      rightLabel: 'R',
      unread: 0,
      helper: 'h',
      name: 'n',
      size: '70,0',
      limit: '64,0',
      code: 'X',
      shown: 100,
      en: '1000',
      vi: '1',
      viEn: '1',
      plain: '1000',
      pid: 42,
      decimals: 2,
      archived: '5',
      archive: 'a.csv:2',
      period: '2023-Q1',
      revised: 0,
      known: 'A; B',
      section: 'Ưu điểm',
      formula: 'SUM(E2:E3)',
      sheet: 'Biểu mẫu',
      sheets: 'Sheet2',
      merged: 'E5',
      rows: '5, 7',
      cell: 'H5',
      position: 8,
      nameless: 0,
      more: 1,
      range: 'G10:H1048576',
      cells: 2097134,
      columns: 'F ("Cùng kỳ")',
      differ: 2,
      indicator: 'VU',
      side: 'current',
      there: '12',
      here: '13',
      named: 'Xã Hai',
      namedCode: '02',
      how: 'up',
      factor: '10,1',
      current: '20.820',
      previous: '2.051',
      received: 'returns/x.csv',
      receivedAt: '14:05 ngày 17/06/2025',
      names: 'Xã Một, Xã Hai',
      copy: 'out/b (bản sửa trong Word).docx',
      paragraph: 'Số vụ phạm tội…',
      sections: 'Ưu điểm',
      file: 'noi-dung.md',
    };
    for (const code of PROBLEM_CODES) {
      const vi = message(code, params, 'vi');
      const en = message(code, params, 'en');
      expect(vi.length, code).toBeGreaterThan(10);
      expect(en.length, code).toBeGreaterThan(10);
      expect(vi, code).not.toBe(en);
      expect(vi + en, code).not.toContain('undefined');
    }
  });
  it('prints messages in English with --lang en', async () => {
    const r = await runCli([
      'check',
      '--config',
      CHECK_DEF,
      path.join(FIXTURES, 'check', 'missing-value', 'returns'),
      '--lang',
      'en',
    ]);
    expect(r.stderr).toContain('line 4: error MISSING_VALUE [ky_nay · 01 · MH]');
    expect(r.stderr).toContain('The value cell is empty');
  });
});

describe('init and forms never overwrite', () => {
  it('init names every file that is already there and writes nothing', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'baocao.yaml'), 'mine');
    const r = await runCli(['init', '--json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(json(r).errors).toEqual([
      expect.objectContaining({ code: 'INIT_EXISTS', message: expect.stringContaining('baocao.yaml') }),
    ]);
    expect(readFileSync(path.join(dir, 'baocao.yaml'), 'utf8')).toBe('mine');
    expect(readdirSync(dir)).toEqual(['baocao.yaml']);
  });
  it('forms keeps filled forms unless --force', async () => {
    const dir = tempDir();
    expect((await runCli(['forms', '--config', CHECK_DEF, '-o', 'f'], { cwd: dir })).code).toBe(0);
    writeFileSync(path.join(dir, 'f', '01 - Phường Một.xlsx'), 'filled');
    const again = await runCli(['forms', '--config', CHECK_DEF, '-o', 'f'], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('FORM_EXISTS');
    expect(readFileSync(path.join(dir, 'f', '01 - Phường Một.xlsx'), 'utf8')).toBe('filled');
    expect((await runCli(['forms', '--config', CHECK_DEF, '-o', 'f', '--force'], { cwd: dir })).code).toBe(0);
    expect(
      readFileSync(path.join(dir, 'f', '01 - Phường Một.xlsx'))
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
    // --format csv keeps the CSV forms.
    expect((await runCli(['forms', '--config', CHECK_DEF, '-o', 'c', '--format', 'csv'], { cwd: dir })).code).toBe(0);
    expect(readFileSync(path.join(dir, 'c', '01 - Phường Một.csv'), 'utf8')).toContain('Mã đơn vị');
  });
});

describe('progress', () => {
  it('counts files on stderr for a terminal, and never into a pipe', async () => {
    const dir = tempDir();
    for (let i = 0; i < 120; i++)
      writeFileSync(path.join(dir, `${String(i).padStart(3, '0')}.csv`), i === 0 ? readFileSync(GOOD) : '');
    const args = ['check', dir, '--config', CHECK_DEF];
    const tty = await runCli(args, { tty: true, env: { NO_COLOR: '1' } });
    expect(tty.stderr).toContain('\r50/120');
    expect(tty.stderr).toContain('\r120/120\n');
    const pipe = await runCli(args);
    expect(pipe.stderr).not.toContain('/120');
    expect((await runCli([...args, '--quiet'], { tty: true })).stderr).not.toContain('/120');
  });
});
