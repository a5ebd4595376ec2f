// With --lang en (before or after the command) or BAOCAO_LANG=en, nothing a user
// reads is Vietnamese except their own data: labels, unit names, file names.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { DETAIL_KEYS, detail } from '../src/messages/details.js';
import { UI } from '../src/messages/ui.js';
import { FIXTURES, runCli, SAMPLE, sampleCopy } from './helpers.js';

const CHECK = path.join(FIXTURES, 'check');
const VIETNAMESE = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;

/** Every string of a definition: user data, allowed in any language. */
function userData(file: string): string[] {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(parse(readFileSync(file, 'utf8')));
  return out.sort((a, b) => b.length - a.length);
}

const data = [
  ...userData(path.join(SAMPLE, 'baocao.yaml')),
  ...userData(path.join(CHECK, 'baocao.yaml')),
  ...userData(path.join(CHECK, 'nam.yaml')),
].sort((a, b) => b.length - a.length);

function expectEnglish(text: string, what: string) {
  // A workbook's sheet name is its own: "(Biểu mẫu!E6)", "line 6 (Biểu mẫu)" for a row, or "Biểu mẫu: warning …" for the whole sheet.
  let rest = text
    .replace(/\([^()\n]*![A-Z]+\d+\)/g, '')
    .replace(/(line \d+ )\([^()\n]*\)/g, '$1')
    .replace(/^ {2}(?!line )[^\n:]*: (?=(warning|error) )/gm, '  ');
  for (const d of data) rest = rest.split(d).join('');
  // Values echoed from the returns are quoted; file names are paths.
  rest = rest.replace(/"[^"\n]*"/g, '').replace(/\S*\.(csv|xlsx|xls|yaml|docx|hbs)\b/g, '');
  const line = rest.split('\n').find((l) => VIETNAMESE.test(l));
  expect(line, what).toBeUndefined();
}

const en = (argv: string[], cwd?: string) => runCli([...argv, '--lang', 'en'], { cwd });
const enBefore = (argv: string[], cwd?: string) => runCli(['--lang', 'en', ...argv], { cwd });
const enEnv = (argv: string[], cwd?: string) => runCli(argv, { cwd, env: { BAOCAO_LANG: 'en' } });

describe('English on request', () => {
  it('help of the program and every command, with --lang on either side or BAOCAO_LANG', async () => {
    for (const cmd of [[], ['init'], ['forms'], ['check'], ['aggregate'], ['build'], ['completion']])
      for (const run of [en, enBefore, enEnv]) {
        const r = await run([...cmd, '--help']);
        expect(r.code, cmd.join(' ')).toBe(0);
        expect(r.stdout).toContain('Usage:');
        expect(r.stdout).toContain('Options:');
        expectEnglish(r.stdout, `help ${cmd.join(' ')}`);
      }
    // And Vietnamese by default, commander's own words included.
    const vi = await runCli(['check', '--help']);
    expect(vi.stdout).toContain('Cách dùng:');
    expect(vi.stdout).toContain('Tuỳ chọn:');
    expect(vi.stdout).not.toMatch(/Usage:|Options:|choices:|default:/);
  });

  it('usage errors', async () => {
    for (const argv of [
      ['check', '--bogus'],
      ['chek'],
      ['check', '--encoding', 'latin1'],
      ['completion'],
      ['completion', 'fish'],
      ['check', '--config'],
    ]) {
      const r = await en(argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr).toContain('USAGE');
      expectEnglish(r.stderr, argv.join(' '));
    }
  });

  it('every data problem of the fixtures, and the summary', async () => {
    for (const name of readdirSync(CHECK).filter((d) => existsSync(path.join(CHECK, d, 'expect.json')))) {
      const spec = JSON.parse(readFileSync(path.join(CHECK, name, 'expect.json'), 'utf8')) as { args?: string[] };
      const r = await en(
        ['check', 'returns', '--config', '../baocao.yaml', ...(spec.args ?? [])],
        path.join(CHECK, name),
      );
      expectEnglish(r.stderr, name);
    }
  });

  it('the figures table, and set-up problems of definitions and templates', async () => {
    const table = await en(['aggregate', '--config', path.join(SAMPLE, 'baocao.yaml')]);
    expect(table.stdout).toContain('Indicator');
    expectEnglish(table.stdout, 'aggregate table');
    const dir = sampleCopy();
    const templates = [
      '{{indicators.TTXH_VUU.current}}',
      '{{upper}} {{number indicators.TL_KP.current decimal=1}}',
      '{{"label"}}',
      '{{#each "x"}}{{/each}}',
      'a\u000bb',
      '{{status indicators.MT_VU}}',
      '{{{title}}}',
    ];
    for (const t of templates) {
      writeFileSync(path.join(dir, 't.md.hbs'), t);
      const r = await en(['build', '--template', 't.md.hbs'], dir);
      expect(r.code, t).toBe(2);
      expectEnglish(r.stderr, t);
    }
    writeFileSync(
      path.join(dir, 'bad.yaml'),
      'period: { code: "a b", start: 2021-13-01 }\nunits: []\nindicators: [{ code: X, kind: count, label: x, unit: u }, { code: x, kind: count, label: y, unit: u }]\nextra: 1\n',
    );
    const def = await en(['check', '--config', 'bad.yaml'], dir);
    expect(def.code).toBe(2);
    expectEnglish(def.stderr, 'definition');
  });

  it('the catalog has both languages for every detail and interface word', () => {
    const params = {
      value: 'v',
      indicator: 'I',
      key: 'k',
      keys: 'a, b',
      min: 1,
      max: 2,
      count: 3,
      allowed: 'x',
      char: 'U+000B',
      a: 'A',
      b: 'B',
      limit: 100,
    };
    for (const key of DETAIL_KEYS) {
      const [vi, english] = [detail(key, params, 'vi'), detail(key, params, 'en')];
      expect(vi, key).not.toBe(english);
      expect(vi + english, key).not.toContain('undefined');
      expectEnglish(english, key);
    }
    expect(Object.keys(UI.en).sort()).toEqual(Object.keys(UI.vi).sort());
    for (const [key, value] of Object.entries(UI.en)) if (typeof value === 'string') expectEnglish(value, key);
  });
});
