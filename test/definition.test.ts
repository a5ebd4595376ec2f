// A bad baocao.yaml stops with exit 2 and every problem at once, each with its YAML line.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDefinition } from '../src/definition/parse.js';
import { factsOf, FatalError, type Problem } from '../src/messages/problem.js';
import { json, runCli } from './helpers.js';

const GOOD = `period:
  code: P1
  label: quý I
  previousLabel: cùng kỳ
  start: 2024-01-01
  end: 2024-03-31
units:
  - { code: "01", name: Một }
  - { code: "02", name: Hai }
indicators:
  - { code: A, label: Vụ, unit: vụ, kind: count }
  - { code: B, label: Khám phá, unit: vụ, kind: count }
  - { code: R, label: Tỷ lệ, kind: ratio, numerator: B, denominator: A }
rules:
  - { indicator: B, atMost: A }
`;

function problemsOf(text: string, lang: 'vi' | 'en' = 'vi'): Problem[] {
  try {
    parseDefinition(text, 'baocao.yaml', '/', lang);
  } catch (err) {
    if (err instanceof FatalError) return err.problems;
    throw err;
  }
  return [];
}

const at = (ps: Problem[]) => ps.map((p) => [p.code, p.line, factsOf(p).path]);

describe('report definition', () => {
  it('accepts the good definition', () => {
    expect(problemsOf(GOOD)).toEqual([]);
    const def = parseDefinition(GOOD, 'x/baocao.yaml', '/srv/x');
    expect(def.returnsDir).toBe('/srv/x/returns');
    expect(def.inputIndicators.map((i) => i.code)).toEqual(['A', 'B']);
  });

  it('lists the choices of a kind in Vietnamese too, and suggests the key meant for a key misspelt', () => {
    const kind = problemsOf(GOOD.replace('unit: vụ, kind: count }', 'unit: vụ, kind: dem }'));
    expect(kind.map((p) => factsOf(p).detail)).toEqual([
      "Giá trị không hợp lệ; cần một trong: 'count' | 'stock' | 'ratio'",
    ]);
    const typo = GOOD.replace('unit: vụ, kind: count }', 'unit: vụ, kind: count, decimal: 1 }').replace(
      'denominator: A',
      'denominator: A, numerater: B',
    );
    expect(problemsOf(typo).map((p) => [factsOf(p).path, String(factsOf(p).detail).replace(/^.*: "/, '"')])).toEqual([
      ['indicators[0].decimal', '"decimal" (có phải "decimals"?)'],
      ['indicators[2].numerater', '"numerater" (có phải "numerator"?)'],
    ]);
    expect(factsOf(problemsOf(typo, 'en')[0]!).detail).toContain('(did you mean "decimals"?)');
    // Nothing near: no guess.
    expect(
      String(factsOf(problemsOf(GOOD.replace('kind: count }', 'kind: count, ghiChu: x }'))[0]!).detail),
    ).not.toContain('phải');
  });

  it("says the references of what passed beside the schema's problems, every problem at once, none twice or falsely", () => {
    const text = GOOD.replace('unit: vụ, kind: count }', 'unit: vụ, kind: dem }') // indicators[0] (A): schema
      .replace('denominator: A', 'denominator: X') // indicators[2]: a reference
      .replace('{ indicator: B, atMost: A }', '{ indicator: B, atMost: A }\n  - { indicator: Z, atMost: B }') // rules[1]: a reference
      .replace('{ code: "02", name: Hai }', '{ code: "02", name: Hai, group: G }'); // units[1]: no groups
    expect(at(problemsOf(text))).toEqual([
      ['CONFIG_INVALID', 9, 'units[1].group'],
      ['CONFIG_INVALID', 11, 'indicators[0].kind'],
      ['CONFIG_INVALID', 13, 'indicators[2].denominator'],
      ['CONFIG_INVALID', 16, 'rules[1].indicator'],
    ]);
    // On one flow-style line, a unit's wrong name and its unknown group are both said.
    const oneLine = GOOD.replace('{ code: "02", name: Hai }', '{ code: "02", name: 5, group: G }');
    expect(at(problemsOf(oneLine))).toEqual([
      ['CONFIG_INVALID', 9, 'units[1].name'],
      ['CONFIG_INVALID', 9, 'units[1].group'],
    ]);
    // The rule naming A (whose own entry is wrong) is not said to name an unknown indicator.
    expect(problemsOf(text).map((p) => String(factsOf(p).detail))).not.toContainEqual(expect.stringContaining('"A"'));
  });

  it('reports a unit code written as a number (Excel-style "024" → 24) with its line', () => {
    const ps = problemsOf(GOOD.replace('code: "02"', 'code: 02'));
    expect(at(ps)).toEqual([['CONFIG_INVALID', 9, 'units[1].code']]);
    expect(factsOf(ps[0]!).detail).toContain('"024"');
  });

  it('reports all problems at once: duplicates, unknown and ratio references, bad dates', () => {
    const text = GOOD.replace('code: "02"', 'code: "01"')
      .replace('numerator: B', 'numerator: X')
      .replace('atMost: A', 'atMost: R')
      .replace('end: 2024-03-31', 'end: 2023-12-31');
    expect(at(problemsOf(text))).toEqual([
      ['CONFIG_INVALID', 9, 'units[1].code'],
      ['CONFIG_INVALID', 13, 'indicators[2].numerator'],
      ['CONFIG_INVALID', 15, 'rules[0].atMost'],
      ['CONFIG_INVALID', 6, 'period.end'],
    ]);
  });

  it('rejects a ratio whose denominator is itself a ratio (so no cycle can exist)', () => {
    const text = GOOD.replace('numerator: B, denominator: A }', 'numerator: B, denominator: R }');
    const ps = problemsOf(text, 'en');
    expect(at(ps)).toEqual([['CONFIG_INVALID', 13, 'indicators[2].denominator']]);
    expect(factsOf(ps[0]!).detail).toBe('"R" is a ratio; only count or stock indicators can be used here');
  });

  it('reports schema errors with lines: wrong types, unknown keys, missing fields, bad dates', () => {
    const text = GOOD.replace('label: quý I', 'lable: quý I')
      .replace('start: 2024-01-01', 'start: 01/01/2024')
      .replace('kind: count }\n  - { code: B', 'kind: counted }\n  - { code: B');
    const ps = problemsOf(text);
    expect(ps.map((p) => [p.line, factsOf(p).path]).sort()).toEqual(
      [
        [2, 'period.label'],
        [3, 'period.lable'],
        [5, 'period.start'],
        [11, 'indicators[0].kind'],
      ].sort(),
    );
  });

  it('reports YAML syntax errors with the line', () => {
    const ps = problemsOf(GOOD.replace('  - { code: "02", name: Hai }', '  - { code: "02", name: Hai'));
    expect(ps[0]!.code).toBe('CONFIG_SYNTAX');
    expect(ps[0]!.line).toBeGreaterThanOrEqual(9);
  });

  it('exits 2 with the problems from the CLI, as JSON too', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'baocao-def-'));
    writeFileSync(path.join(dir, 'baocao.yaml'), GOOD.replace('numerator: B', 'numerator: X'));
    const r = await runCli(['check', '--json'], { cwd: dir });
    expect(r.code).toBe(2);
    const out = json(r);
    expect(out.ok).toBe(false);
    expect(out.errors[0]).toMatchObject({ code: 'CONFIG_INVALID', file: 'baocao.yaml', line: 13 });
    expect(r.stderr).toContain('baocao.yaml: dòng 13: lỗi CONFIG_INVALID');
  });

  it('without a definition says how to create one and exits 2 (no fallback to the sample)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'baocao-none-'));
    const r = await runCli(['aggregate'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('CONFIG_NOT_FOUND');
    expect(r.stderr).toContain('baocao init');
  });
});

describe('published JSON Schema', () => {
  it('schema/baocao.schema.json is the one derived from the zod schema (not stale)', async () => {
    const { definitionJsonSchema } = await import('../src/definition/json-schema.js');
    const { readFileSync } = await import('node:fs');
    const committed = JSON.parse(readFileSync(new URL('../schema/baocao.schema.json', import.meta.url), 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(definitionJsonSchema())));
    expect(committed.required).toEqual(['period', 'units', 'indicators']);
  });
});

describe('YAML traps', () => {
  it('reports an alias to a missing anchor with its line (found by the fuzzer)', () => {
    const ps = problemsOf(GOOD.replace('label: quý I', 'label: *quy'));
    expect(ps.map((p) => [p.code, p.line, factsOf(p).detail])).toEqual([['CONFIG_SYNTAX', 3, '*quy']]);
  });
  it('refuses an alias bomb instead of expanding it', () => {
    const bomb =
      'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n';
    expect(problemsOf(bomb).map((p) => p.code)).toEqual(['CONFIG_SYNTAX']);
  });
});

describe('the fast YAML path reads as the careful one', () => {
  it('gives the same definition for every definition in the repository', async () => {
    const { readFileSync, readdirSync } = await import('node:fs');
    const { parseCarefully } = await import('../src/definition/parse.js');
    const files = [
      'fixtures/ha-giang-2021-6t/baocao.yaml',
      'fixtures/check/baocao.yaml',
      'templates/baocao.yaml',
      'templates/baocao-chung.yaml',
    ];
    for (const f of files) {
      const text = readFileSync(new URL(`../${f}`, import.meta.url), 'utf8');
      expect(parseDefinition(text, f, '/x'), f).toEqual(parseCarefully(text, f, '/x', 'vi'));
    }
    expect(readdirSync(new URL('../fixtures', import.meta.url))).toContain('ha-giang-2021-6t');
  });

  it('js-yaml (core schema) and yaml agree on any document yaml writes', async () => {
    const fc = (await import('fast-check')).default;
    const { load, CORE_SCHEMA } = await import('js-yaml');
    const { parse, stringify } = await import('yaml');
    fc.assert(
      fc.property(
        fc.jsonValue({ maxDepth: 4 }),
        fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE'),
        (v, defaultStringType) => {
          const text = stringify(v, { defaultStringType: defaultStringType as 'PLAIN' }) ?? '';
          // Through JSON, so that -0 and 0 (which yaml and js-yaml read differently, harmlessly) compare equal.
          const json = (x: unknown) => JSON.parse(JSON.stringify(x ?? null));
          expect(json(load(text, { schema: CORE_SCHEMA }))).toEqual(json(parse(text)));
        },
      ),
      { numRuns: 2000, seed: 1258 },
    );
  });
});
