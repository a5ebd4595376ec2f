// The --json outputs validate against the JSON Schemas shipped in schema/ (draft
// 2020-12, checked with ajv, a validator independent of the zod schemas they come from).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { FIXTURES, json, ROOT, runCli, sampleCopy, SAMPLE } from './helpers.js';

const ajv = new Ajv2020({ allErrors: true, strict: true });
const load = (name: string) =>
  JSON.parse(readFileSync(path.join(ROOT, 'schema', `${name}.schema.json`), 'utf8')) as object;
const validators = {
  check: ajv.compile(load('check')),
  aggregate: ajv.compile(load('aggregate')),
  build: ajv.compile(load('build')),
};
const CHECK_DEF = path.join(FIXTURES, 'check', 'baocao.yaml');

function expectValid(kind: keyof typeof validators, out: unknown) {
  const validate = validators[kind];
  const ok = validate(out);
  expect(validate.errors ?? [], kind).toEqual([]);
  expect(ok).toBe(true);
}

describe('--json outputs and their published schemas', () => {
  it('check: clean, with problems, and when the command cannot run', async () => {
    for (const args of [
      ['check', path.join(FIXTURES, 'check', 'ok', 'returns'), '--config', CHECK_DEF],
      ['check', path.join(FIXTURES, 'check', 'many-problems', 'returns'), '--config', CHECK_DEF],
      ['check', path.join(FIXTURES, 'check', 'more-problems', 'returns'), '--config', CHECK_DEF],
      ['check', '--config', 'khong-co.yaml'],
      ['check', '--bogus'],
    ]) {
      const r = await runCli([...args, '--json']);
      const out = json(r);
      expectValid('check', out);
      expect(out.schemaVersion).toBe(1);
      expect(out.counts.errors).toBeGreaterThanOrEqual(out.errors.length);
      expect(out.ok).toBe(r.code === 0);
    }
  });

  it('counts what MORE_PROBLEMS only counts', async () => {
    const out = json(
      await runCli([
        'check',
        path.join(FIXTURES, 'check', 'more-problems', 'returns'),
        '--config',
        CHECK_DEF,
        '--json',
      ]),
    );
    // 103 unknown units: 100 listed, 3 counted in MORE_PROBLEMS.
    expect(out.errors).toHaveLength(101);
    expect(out.counts.errors).toBe(103);
  });

  it('aggregate: the sample, and a failure', async () => {
    const ok = json(await runCli(['aggregate', '--config', path.join(SAMPLE, 'baocao.yaml'), '--json']));
    expectValid('aggregate', ok);
    expect(ok.ok).toBe(true);
    // A year-end definition: decimals, a plan, groups.
    const year = json(
      await runCli([
        'aggregate',
        path.join(FIXTURES, 'check', 'year-ok', 'returns'),
        '--config',
        path.join(FIXTURES, 'check', 'nam.yaml'),
        '--json',
      ]),
    );
    expectValid('aggregate', year);
    expect(Object.keys(year.byGroup)).toEqual(['A', 'B']);
    const failed = json(
      await runCli([
        'aggregate',
        path.join(FIXTURES, 'check', 'not-a-number', 'returns'),
        '--config',
        CHECK_DEF,
        '--json',
      ]),
    );
    expectValid('aggregate', failed);
    expect(failed.ok).toBe(false);
  });

  it('build: a report written, and a template that stops it', async () => {
    const dir = sampleCopy();
    const ok = json(await runCli(['build', '--json'], { cwd: dir }));
    expectValid('build', ok);
    expect(ok.output).toBe(path.join('out', 'bao-cao.docx'));
    const failed = json(await runCli(['build', '--template', 'khong-co.md.hbs', '--json'], { cwd: dir }));
    expectValid('build', failed);
    expect(failed.errors[0]).toMatchObject({ code: 'TEMPLATE_NOT_FOUND', file: 'khong-co.md.hbs' });
  });

  it('names the path of a set-up problem in file, not only inside the message', async () => {
    const out = json(await runCli(['check', '--config', 'khong-co.yaml', '--json']));
    expect(out.errors[0]).toMatchObject({ code: 'CONFIG_NOT_FOUND', file: 'khong-co.yaml' });
  });

  it('the schema files are the ones the zod schemas give (not stale)', async () => {
    const { outputJsonSchemas } = await import('../src/cli/output-schema.js');
    for (const [name, schema] of Object.entries(outputJsonSchemas()))
      expect(load(name), name).toEqual(JSON.parse(JSON.stringify(schema)));
  });
});
