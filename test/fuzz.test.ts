// No input crashes the tool: for any bytes in a return, any definition, any template
// and any argument list, the CLI ends with 0, 1 or 2 and coded messages, never a stack
// trace or an INTERNAL error. Fixed seed; BAOCAO_FUZZ_RUNS=N multiplies the cases and
// BAOCAO_FUZZ_SEED picks another seed. A counterexample found goes into fixtures/fuzz/.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseDefinition } from '../src/definition/parse.js';
import { FatalError } from '../src/messages/problem.js';
import { compileTemplate } from '../src/report/template/template.js';
import { probeView } from '../src/report/template/view.js';
import { FIXTURES, runCli, SAMPLE, type CliResult } from './helpers.js';

const SCALE = Number(process.env.BAOCAO_FUZZ_RUNS ?? 1);
const SEED = Number(process.env.BAOCAO_FUZZ_SEED ?? 20210813);
const runs = (n: number) => ({ numRuns: Math.max(1, Math.round(n * SCALE)), seed: SEED, endOnFailure: true });

const CHECK_DIR = path.join(FIXTURES, 'check');
const CHECK_DEF = path.join(CHECK_DIR, 'baocao.yaml');
const GOOD = readFileSync(path.join(CHECK_DIR, 'ok', 'returns', 'a.csv'), 'utf8');

/** What every run must satisfy, whatever the input. */
function assertWellBehaved(r: CliResult, json: boolean) {
  expect([0, 1, 2]).toContain(r.code);
  expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/); // no stack trace
  expect(r.stderr).not.toContain('INTERNAL');
  if (json) {
    const out = JSON.parse(r.stdout);
    expect(typeof out.ok).toBe('boolean');
    for (const e of out.errors ?? []) expect(e.code).not.toBe('INTERNAL');
  }
}

const checkBytes = async (bytes: Uint8Array, args: string[] = []) => {
  const r = await runCli(['check', '-', '--config', CHECK_DEF, '--json', ...args], { stdin: bytes });
  assertWellBehaved(r, true);
  expect(r.code).not.toBe(2); // data problems are never "could not run"
  return r;
};

// ── Returns ─────────────────────────────────────────────────────────────────
const csvAlphabet = fc.constantFrom(
  ',',
  ';',
  '\t',
  '"',
  '""',
  '\r',
  '\n',
  '\r\n',
  ' ',
  '\u00a0',
  'a',
  'Đ',
  'ỹ',
  '0',
  '1',
  '9',
  '.',
  '-',
  '–',
  'ma_don_vi',
  'Mã đơn vị',
  'ky_nay',
  'cung_ky',
  'ma_chi_tieu',
  'ky_bao_cao',
  '01',
  '02',
  '2024-Q1',
  'VU',
  'KP',
  'TL',
  '__proto__',
  'sep=',
  '\uFEFF',
  '\u0000',
  '\u001b',
);

type Mutation = (text: string, rnd: { i: number; j: number; s: string }) => string;
const lines = (t: string) => t.split('\r\n');
const MUTATIONS: Record<string, Mutation> = {
  swapCells: (t, { i, j }) =>
    lines(t)
      .map((l, n) => {
        if (n !== i % lines(t).length) return l;
        const c = l.split(',');
        const a = j % c.length;
        const b = (j + 1) % c.length;
        [c[a], c[b]] = [c[b]!, c[a]!];
        return c.join(',');
      })
      .join('\r\n'),
  breakQuote: (t, { i }) => t.slice(0, i % (t.length + 1)) + '"' + t.slice(i % (t.length + 1)),
  changeDelimiter: (t, { i, s }) =>
    lines(t)
      .map((l, n) => (n === i % lines(t).length ? l.replace(/,/g, s.includes(';') ? ';' : '\t') : l))
      .join('\r\n'),
  truncate: (t, { i }) => t.slice(0, i % (t.length + 1)),
  duplicateLine: (t, { i }) => {
    const ls = lines(t);
    ls.splice(i % ls.length, 0, ls[i % ls.length]!);
    return ls.join('\r\n');
  },
  deleteLine: (t, { i }) =>
    lines(t)
      .filter((_, n) => n !== i % lines(t).length)
      .join('\r\n'),
  insertText: (t, { i, s }) => t.slice(0, i % (t.length + 1)) + s + t.slice(i % (t.length + 1)),
  replaceCell: (t, { i, j, s }) =>
    lines(t)
      .map((l, n) =>
        n === i % lines(t).length
          ? l
              .split(',')
              .map((c, k) => (k === j % 6 ? s : c))
              .join(',')
          : l,
      )
      .join('\r\n'),
};
const mutation = fc.record({
  name: fc.constantFrom(...Object.keys(MUTATIONS)),
  i: fc.nat(),
  j: fc.nat(),
  s: fc.string({ maxLength: 12 }),
});
const ENCODINGS = ['utf8', 'windows1258', 'utf16le', 'utf16be'] as const;

describe('no bytes crash check', () => {
  it('random bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 3000 }), (b) => checkBytes(b).then(() => {})),
      runs(1500),
    );
  });

  it('CSV-shaped noise', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(csvAlphabet, { maxLength: 300 }), (parts) =>
        checkBytes(new TextEncoder().encode(parts.join(''))).then(() => {}),
      ),
      runs(1500),
    );
  });

  it('mutations of a valid return, in mixed encodings, truncated anywhere', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        fc.array(fc.constantFrom(...ENCODINGS), { minLength: 1, maxLength: 3 }),
        fc.nat(),
        async (ms, encs, cut) => {
          const text = ms.reduce((t, m) => MUTATIONS[m.name]!(t, m), GOOD);
          // Encode consecutive pieces of the text in different encodings (as a file pasted together).
          const size = Math.ceil(text.length / encs.length);
          const bytes = Buffer.concat(encs.map((e, k) => iconv.encode(text.slice(k * size, (k + 1) * size), e)));
          await checkBytes(bytes.subarray(0, cut % (bytes.length + 1) || bytes.length));
          await checkBytes(bytes, ['--allow-missing', '--lang', 'en']);
        },
      ),
      runs(1000),
    );
  });

  it('every file of the seed corpus', async () => {
    const corpus = path.join(FIXTURES, 'fuzz');
    for (const f of readdirSync(corpus)) {
      const r = await runCli(['aggregate', path.join(corpus, f), '--config', CHECK_DEF, '--json']);
      assertWellBehaved(r, true);
      expect(r.code, f).toBe(1);
    }
  });
});

// ── Definitions ─────────────────────────────────────────────────────────────
const SAMPLE_YAML = readFileSync(path.join(SAMPLE, 'baocao.yaml'), 'utf8');

function parseOrCoded(text: string) {
  try {
    parseDefinition(text, 'baocao.yaml', '/');
  } catch (err) {
    expect(err).toBeInstanceOf(FatalError);
    for (const p of (err as FatalError).problems) expect(['CONFIG_SYNTAX', 'CONFIG_INVALID']).toContain(p.code);
  }
}

describe('no definition crashes the tool', () => {
  it('random YAML values', () => {
    fc.assert(
      fc.property(fc.anything({ maxDepth: 4 }), (v) => parseOrCoded(stringify(v) ?? '')),
      runs(500),
    );
  });
  it('random values in the right places', () => {
    const value = fc.oneof(
      fc.string(),
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.array(fc.string(), { maxLength: 3 }),
      fc.dictionary(fc.string(), fc.string()),
    );
    fc.assert(
      fc.property(
        fc.constantFrom('period', 'units', 'indicators', 'rules', 'document', 'returns'),
        fc.nat(),
        fc.string({ maxLength: 12 }),
        value,
        (key, i, field, v) => {
          const def = parseDefinitionData();
          const target = def[key];
          if (Array.isArray(target) && target.length > 0) {
            const item = target[i % target.length];
            if (item && typeof item === 'object') item[field || 'code'] = v;
            else target[i % target.length] = v;
          } else def[key] = v;
          parseOrCoded(stringify(def));
        },
      ),
      runs(500),
    );
  });
  it('the sample definition with characters inserted, deleted or replaced', () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat({ max: 8 }), fc.string({ maxLength: 6 }), (at, del, ins) => {
        const i = at % SAMPLE_YAML.length;
        parseOrCoded(SAMPLE_YAML.slice(0, i) + ins + SAMPLE_YAML.slice(i + del));
      }),
      runs(500),
    );
  });
});

function parseDefinitionData(): Record<string, any> {
  return parse(SAMPLE_YAML) as Record<string, any>;
}

// ── Templates ───────────────────────────────────────────────────────────────
const sampleDef = parseDefinition(SAMPLE_YAML, 'baocao.yaml', SAMPLE);
const probe = probeView(sampleDef);
const templateToken = fc.constantFrom(
  '{{',
  '}}',
  '{{#each units}}',
  '{{/each}}',
  '{{#if ',
  '{{/if}}',
  '{{else}}',
  '{{#with period}}',
  '{{/with}}',
  '{{> p}}',
  '{{{',
  '}}}',
  '{{!',
  '--}}',
  'indicators.TTXH_VU',
  '.current',
  '.label',
  ' ',
  'change ',
  'percent ',
  'number ',
  'status ',
  'date ',
  'list ',
  'eq ',
  '(',
  ')',
  '"x"',
  '0',
  '@index',
  '../',
  'this',
  'name',
  '\n',
  '# ',
  '| a |',
  '|---|',
  '- ',
  '**',
  '_',
  '<b>',
  '&amp;',
  '---',
  'constructor',
  '__proto__',
  '@root',
  'lookup ',
  'log ',
  'decimals=9',
  '{{*d}}',
  '\\{{',
  // The holes a review found: misspelt hash keys, missing arguments, quoted paths, @key,
  // literals as block targets, parent paths over the same list, pasted control characters.
  ' key="ten"',
  ' key="code"',
  'upper',
  '{{upper}}',
  '{{"label"}}',
  '"label"',
  '{{@key}}',
  '{{#each "abc"}}',
  '{{#each indicators}}',
  '{{#each ../units}}',
  '{{#each ../../units}}',
  '../../',
  'units',
  '{{#with "x"}}',
  '\u000b',
  '{{list unitsMissing key="ten"}}',
);

describe('no template crashes the tool', () => {
  it('random token sequences compile and render, or stop with a coded template error', () => {
    fc.assert(
      fc.property(fc.array(templateToken, { maxLength: 40 }), (tokens) => {
        const source = tokens.join('');
        let render: ReturnType<typeof compileTemplate>;
        try {
          render = compileTemplate({ file: 't.md.hbs', source }, probe);
        } catch (err) {
          expect(err).toBeInstanceOf(FatalError);
          for (const p of (err as FatalError).problems) expect(p.code).toMatch(/^TEMPLATE_/);
          return;
        }
        // What the check let through renders: only a helper may still refuse a value it is given.
        try {
          expect(typeof render(probe)).toBe('string');
        } catch (err) {
          expect(err).toBeInstanceOf(FatalError);
          expect((err as FatalError).problems.map((p) => p.code)).toEqual(['TEMPLATE_HELPER']);
        }
      }),
      runs(1500),
    );
  });
});

// ── Arguments ───────────────────────────────────────────────────────────────
const argToken = fc.constantFrom(
  'check',
  'aggregate',
  'build',
  'init',
  'forms',
  'help',
  '--json',
  '--config',
  'baocao.yaml',
  '--lang',
  'en',
  'vi',
  'xx',
  '--allow-missing',
  '--encoding',
  'utf-8',
  'latin1',
  '-o',
  'out.docx',
  '--template',
  'mau.md.hbs',
  '--quiet',
  '--debug',
  '--force',
  '-',
  'returns',
  'không-có',
  '--version',
  '--help',
  '-x',
  '',
  '--',
  'returns/a.csv',
);

describe('no argument list crashes the tool', () => {
  it('random argument lists in a working folder', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'baocao-fuzz-args-'));
    cpSync(CHECK_DEF, path.join(dir, 'baocao.yaml'));
    cpSync(path.join(CHECK_DIR, 'ok', 'returns'), path.join(dir, 'returns'), { recursive: true });
    writeFileSync(path.join(dir, 'mau.md.hbs'), '{{period.label}}');
    await fc.assert(
      fc.asyncProperty(fc.array(argToken, { maxLength: 6 }), async (argv) => {
        const r = await runCli(
          argv.filter((a) => a !== '--debug'),
          { cwd: dir, stdin: Buffer.from(GOOD) },
        );
        assertWellBehaved(r, false);
        if (
          argv.includes('--json') &&
          !argv.includes('--help') &&
          !argv.includes('--version') &&
          r.stdout.trim().startsWith('{')
        )
          JSON.parse(r.stdout);
      }),
      runs(300),
    );
  });
});
