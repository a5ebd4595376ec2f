// Every data problem code has a fixture under fixtures/check/<case>/ that produces it;
// each case lists the exact problems (code, file, line, column, unit, indicator) expected.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROBLEM_CODES } from '../src/messages/catalog.js';
import { FIXTURES, json, runCli } from './helpers.js';

const CHECK = path.join(FIXTURES, 'check');
const cases = readdirSync(CHECK).filter((d) => existsSync(path.join(CHECK, d, 'expect.json')));

interface Expected {
  exit: number;
  args?: string[];
  problems: Record<string, unknown>[];
}

describe('check: one fixture per problem', () => {
  it.each(cases)('%s', async (name) => {
    const dir = path.join(CHECK, name);
    const spec = JSON.parse(readFileSync(path.join(dir, 'expect.json'), 'utf8')) as Expected;
    const r = await runCli(['check', 'returns', '--config', '../baocao.yaml', '--json', ...(spec.args ?? [])], {
      cwd: dir,
    });
    expect(r.code).toBe(spec.exit);
    const out = json(r);
    expect(out.ok).toBe(spec.exit === 0);
    const got = [...out.errors, ...out.warnings].map((p: Record<string, unknown>) => {
      const keep: Record<string, unknown> = {
        code: p.code,
        file: p.file === null ? null : path.relative('returns', p.file as string),
        line: p.line,
      };
      for (const k of ['column', 'sheet', 'cell', 'unit', 'indicator'])
        if (k in p && k in (spec.problems.find((e) => e.code === p.code) ?? {})) keep[k] = p[k];
      return keep;
    });
    const norm = (xs: Record<string, unknown>[]) =>
      xs
        .map((x) => ({ ...x, file: x.file === 'returns' || x.file === '' ? '.' : (x.file ?? null) }))
        .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    expect(norm(got)).toEqual(
      norm(spec.problems.map(({ messageHas: _, ...p }) => (p.file === 'returns' ? { ...p, file: '.' } : p))),
    );
    for (const p of [...out.errors, ...out.warnings]) expect(p.message).toMatch(/\S{3,}/);
    // A case may also name words its problem's message must hold (e.g. a count).
    for (const e of spec.problems.filter((x) => typeof x.messageHas === 'string'))
      expect(
        [...out.errors, ...out.warnings].find(
          (p: Record<string, unknown>) =>
            p.code === e.code &&
            p.line === e.line &&
            (typeof e.file !== 'string' || path.relative('returns', p.file as string) === e.file),
        )?.message,
      ).toContain(e.messageHas);
  });

  it('covers every data problem code with a fixture', () => {
    const produced = new Set<string>();
    for (const name of cases) {
      const spec = JSON.parse(readFileSync(path.join(CHECK, name, 'expect.json'), 'utf8')) as Expected;
      for (const p of spec.problems) produced.add(p.code as string);
    }
    // Codes that stop a command before data is read are covered in cli.test.ts and definition.test.ts.
    const setUp = new Set([
      'USAGE',
      'CONFIG_NOT_FOUND',
      'CONFIG_SYNTAX',
      'CONFIG_INVALID',
      'CONFIG_UNREADABLE',
      'INPUT_NOT_FOUND',
      'INPUT_UNREADABLE',
      'WORKDIR_UNAVAILABLE',
      'MARKDOWN_TOO_DEEP',
      'INTERNAL',
      'UNREADABLE_FILE',
    ]);
    // A FIFO cannot be committed, nor 256 MiB of returns: hostile.test.ts makes them.
    for (const c of ['NOT_REGULAR_FILE', 'RUN_TOO_LARGE']) setUp.add(c);
    // A file over 16 MiB is not kept in fixtures/: hostile.test.ts makes a sparse one.
    setUp.add('FILE_TOO_LARGE');
    // Template, output and PDF codes stop `build` (build.test.ts, pdf.test.ts), the report read back is roundtrip.test.ts', the return for the level above as-return.test.ts'; init and forms codes, cli.test.ts.
    for (const c of PROBLEM_CODES)
      if (/^(TEMPLATE_|OUTPUT_|DOCUMENT_|INIT_|FORM_|PDF_|NARRATIVE_|REPORT_|AS_RETURN_)/.test(c)) setUp.add(c);
    // The intake register lives beside a definition, which every case here shares: intake.test.ts makes its own.
    for (const c of PROBLEM_CODES) if (/^(RECEIVE_|REGISTER_)/.test(c) || c === 'RETURN_CHANGED') setUp.add(c);
    expect(PROBLEM_CODES.filter((c) => !setUp.has(c) && !produced.has(c))).toEqual([]);
  });
});

describe('the unit of measure a row gives (ĐVT)', () => {
  it("is the indicator's whatever its spelling, case or marks; another unit is another figure", async () => {
    const { sameMeasure } = await import('../src/validate/checks/fields.js');
    for (const [a, b] of [
      ['tỷ đồng', 'Tỷ đồng'],
      ['tỷ đồng', 'tỉ đồng'],
      ['tỷ đồng', 'ty dong'],
      ['mô hình', 'Mô  hình'],
      ['ha', 'HA'],
    ])
      expect(sameMeasure(a!, b!), `${a} ~ ${b}`).toBe(true);
    for (const [a, b] of [
      ['tỷ đồng', 'triệu đồng'],
      ['ha', 'm2'],
      ['người', 'hộ'],
      ['tỷ đồng', 'đồng'],
    ])
      expect(sameMeasure(a!, b!), `${a} ≠ ${b}`).toBe(false);
  });
});
