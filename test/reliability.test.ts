// Nothing silently wrong: checked output, safe targets, valid documents, honest
// numbers, inputs that cannot block, bounded runs. Each case here once ended with a
// wrong file, a hang, a stack trace or exit 0 on a broken result.
import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  closeSync,
  cpSync,
  constants,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  statSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { aggregateReturns } from '../src/aggregate/aggregate.js';
import { parseDefinition } from '../src/definition/parse.js';
import { MAX_RETURN_BYTES, MAX_RUN_BYTES } from '../src/limits.js';
import { FatalError } from '../src/messages/problem.js';
import { OutputClosed, OutputWriteFailed } from '../src/cli/output.js';
import { run } from '../src/cli/main.js';
import { verifyXmlParts } from '../src/report/docx/verify.js';
import { formFileName } from '../src/layout/files.js';
import { strFromU8, unzipSync } from 'fflate';
import { BIN, FIXTURES, json, ROOT, runCli, SAMPLE, sampleCopy, spawnCli } from './helpers.js';

const CHECK_DEF = path.join(FIXTURES, 'check', 'baocao.yaml');
const GOOD = readFileSync(path.join(FIXTURES, 'check', 'ok', 'returns', 'a.csv'));
const SAMPLE_DEF = path.join(SAMPLE, 'baocao.yaml');
const tempDir = () => mkdtempSync(path.join(tmpdir(), 'baocao-reliable-'));
const isRoot = process.getuid?.() === 0;
const mkfifo = (p: string) => expect(spawnSync('mkfifo', [p]).status).toBe(0);

describe('checked output', () => {
  it('ends quietly with exit 0 when the reader of stdout has gone (EPIPE)', () => {
    // A pipe whose read end is closed before the command starts: every write fails with EPIPE.
    const dir = tempDir();
    const fifo = path.join(dir, 'p');
    mkfifo(fifo);
    const reader = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
    const writer = openSync(fifo, constants.O_WRONLY);
    closeSync(reader);
    const r = spawnSync(process.execPath, [BIN, 'aggregate', '--json', '--config', SAMPLE_DEF], {
      stdio: ['ignore', writer, 'pipe'],
      encoding: 'utf8',
    });
    closeSync(writer);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
  });

  it('exits 2 with OUTPUT_FAILED, and no stack, when stdout cannot be written (/dev/full)', () => {
    const full = openSync('/dev/full', 'w');
    const r = spawnSync(process.execPath, [BIN, 'aggregate', '--json', '--config', SAMPLE_DEF], {
      stdio: ['ignore', full, 'pipe'],
      encoding: 'utf8',
    });
    closeSync(full);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('OUTPUT_FAILED');
    expect(r.stderr).toContain('ENOSPC');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('turns a closed or failing stdout into exit 0 or exit 2 in process too', async () => {
    const world = (fail: () => never) => {
      let stderr = '';
      return {
        stderr: () => stderr,
        world: {
          argv: ['aggregate', '--json', '--config', SAMPLE_DEF],
          cwd: ROOT,
          env: {},
          stdout: { write: fail },
          stderr: { write: (s: string) => (stderr += s) },
          readStdin: async () => new Uint8Array(),
        },
      };
    };
    const closed = world(() => {
      throw new OutputClosed();
    });
    expect(await run(closed.world)).toBe(0);
    expect(closed.stderr()).toBe('');
    const failed = world(() => {
      throw new OutputWriteFailed('EIO');
    });
    expect(await run(failed.world)).toBe(2);
    expect(failed.stderr()).toContain('OUTPUT_FAILED');
  });

  it('prints JSON for a usage error even when --json is written --json=true', async () => {
    const r = await runCli(['check', '--json=true', '--config', CHECK_DEF]);
    expect(r.code).toBe(2);
    expect(json(r)).toMatchObject({ ok: false, errors: [{ code: 'USAGE' }] });
  });
});

describe('safe targets', () => {
  it('refuses to write a report onto a FIFO, a symbolic link or a device, leaving each as it was', async () => {
    const dir = sampleCopy();
    const fifo = path.join(dir, 'fifo.docx');
    mkfifo(fifo);
    writeFileSync(path.join(dir, 'precious.txt'), 'keep');
    symlinkSync(path.join(dir, 'precious.txt'), path.join(dir, 'link.docx'));
    const targets: [string, string][] = [
      ['fifo.docx', 'FIFO'],
      ['link.docx', 'SYMLINK'],
    ];
    if (isRoot) {
      expect(spawnSync('mknod', [path.join(dir, 'null.docx'), 'c', '1', '3']).status).toBe(0);
      targets.push(['null.docx', 'DEVICE']);
    }
    for (const [name, kind] of targets) {
      const r = await runCli(['build', '-o', name, '--json'], { cwd: dir });
      expect(r.code, name).toBe(2);
      expect(json(r).errors[0], name).toMatchObject({ code: 'OUTPUT_NOT_REGULAR' });
      expect(r.stderr, name).toContain(name);
      void kind;
    }
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(lstatSync(path.join(dir, 'link.docx')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(path.join(dir, 'link.docx'))).toBe(path.join(dir, 'precious.txt'));
    expect(readFileSync(path.join(dir, 'precious.txt'), 'utf8')).toBe('keep');
    if (isRoot) expect(lstatSync(path.join(dir, 'null.docx')).isCharacterDevice()).toBe(true);
  });

  it('refuses a read-only report unless --force, and keeps the mode of a replaced one', async () => {
    const dir = sampleCopy();
    mkdirSync(path.join(dir, 'out'));
    const report = path.join(dir, 'out', 'bao-cao.docx');
    writeFileSync(report, 'signed copy');
    chmodSync(report, 0o444);
    const refused = await runCli(['build'], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('OUTPUT_READ_ONLY');
    expect(readFileSync(report, 'utf8')).toBe('signed copy');
    const forced = await runCli(['build', '--force'], { cwd: dir });
    expect(forced.code).toBe(0);
    expect(readFileSync(report).subarray(0, 2).toString()).toBe('PK');
    expect(statSync(report).mode & 0o777).toBe(0o444);
    chmodSync(report, 0o640);
    expect((await runCli(['build'], { cwd: dir })).code).toBe(0);
    expect(statSync(report).mode & 0o777).toBe(0o640);
  });

  it('lets one build at a time write a report: a running holder refuses the second, a dead one is taken over', async () => {
    const dir = sampleCopy();
    mkdirSync(path.join(dir, 'out'));
    const lock = path.join(dir, 'out', '.bao-cao.docx.lock');
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    try {
      writeFileSync(lock, String(holder.pid));
      const busy = await runCli(['build'], { cwd: dir });
      expect(busy.code).toBe(2);
      expect(busy.stderr).toContain('OUTPUT_BUSY');
      expect(existsSync(path.join(dir, 'out', 'bao-cao.docx'))).toBe(false);
    } finally {
      holder.kill('SIGKILL');
    }
    const gone = spawnSync(process.execPath, ['-e', '0']).pid!;
    writeFileSync(lock, String(gone));
    expect((await runCli(['build'], { cwd: dir })).code).toBe(0);
    expect(readdirSync(path.join(dir, 'out'))).toEqual(['bao-cao.docx']);
  });

  it("writes into a folder named with a trailing slash, or an existing folder, under the definition's file name", async () => {
    const dir = sampleCopy();
    const slash = await runCli(['build', '-o', 'notyet/'], { cwd: dir });
    expect(slash.code).toBe(0);
    // The definition's output is out/bao-cao.docx: its name is kept in the folder given.
    expect(slash.stdout.trim()).toBe(path.join('notyet', 'bao-cao.docx'));
    expect(statSync(path.join(dir, 'notyet')).isDirectory()).toBe(true);
    // Without an output in the definition: bao-cao-<period>.docx.
    writeFileSync(
      path.join(dir, 'baocao.yaml'),
      readFileSync(path.join(dir, 'baocao.yaml'), 'utf8').replace(/^output: .*\n/m, ''),
    );
    mkdirSync(path.join(dir, 'co-san'));
    expect((await runCli(['build', '-o', 'co-san'], { cwd: dir })).code).toBe(0);
    expect(existsSync(path.join(dir, 'co-san', 'bao-cao-2021-6T.docx'))).toBe(true);
  });
});

describe('valid documents', () => {
  const sampleYaml = readFileSync(SAMPLE_DEF, 'utf8');

  it('refuses control characters in the definition, naming each field and line', async () => {
    const dir = sampleCopy();
    const yaml = readFileSync(path.join(dir, 'baocao.yaml'), 'utf8')
      .replace(/^(\s*trichYeu: ).*$/m, '$1"Kết quả\\vcông tác"')
      .replace(/^(\s*nguoiKy: ).*$/m, '$1"Nguyễn\\e Văn A"')
      .replace(/label: Số vụ phạm tội về trật tự xã hội/, 'label: "Số vụ\\a phạm tội"')
      .replace(/name: Bắc Mê/, 'name: "Bắc\\x1bMê"');
    writeFileSync(path.join(dir, 'baocao.yaml'), yaml);
    const r = await runCli(['build', '--json'], { cwd: dir });
    expect(r.code).toBe(2);
    const errors = json(r).errors as { code: string; line: number; message: string }[];
    expect(errors.map((e) => e.code)).toEqual(['CONFIG_INVALID', 'CONFIG_INVALID', 'CONFIG_INVALID', 'CONFIG_INVALID']);
    const lines = yaml.split('\n');
    for (const [field, ch] of [
      ['document.trichYeu', 'U+000B'],
      ['document.nguoiKy', 'U+001B'],
      ['indicators[0].label', 'U+0007'],
      ['units[6].name', 'U+001B'],
    ] as const) {
      const e = errors.find((x) => x.message.includes(`"${field}"`));
      expect(e, field).toBeDefined();
      expect(e!.message).toContain(ch);
      expect(lines[e!.line - 1]).toContain(
        field
          .split('.')
          .at(-1)!
          .replace(/\[\d+\]/, ''),
      );
    }
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });

  it('refuses control characters pasted into a template, with the line', async () => {
    const dir = sampleCopy();
    writeFileSync(path.join(dir, 't.md.hbs'), 'Dòng một\nDòng\u000b hai {{period.label}}\n');
    const r = await runCli(['build', '--template', 't.md.hbs', '--json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(json(r).errors).toEqual([
      expect.objectContaining({ code: 'TEMPLATE_SYNTAX', line: 2, message: expect.stringContaining('U+000B') }),
    ]);
  });

  it('parses every XML part back before a package is written', () => {
    expect(() =>
      verifyXmlParts(new Map([['word/document.xml', '<w:document xmlns:w="urn:x"><w:t>ok</w:t></w:document>']])),
    ).not.toThrow();
    for (const bad of [
      '<w:t xmlns:w="urn:x">a\u000bb</w:t>',
      '<w:t xmlns:w="urn:x">a</w:p>',
      '<w:t xmlns:w="urn:x">R&D</w:t>',
    ]) {
      let err: unknown;
      try {
        verifyXmlParts(new Map([['word/document.xml', bad]]));
      } catch (e) {
        err = e;
      }
      expect(err, bad).toBeInstanceOf(FatalError);
      expect((err as FatalError).problems[0]).toMatchObject({
        code: 'DOCUMENT_INVALID',
        params: { detail: expect.stringContaining('word/document.xml') },
      });
    }
    void sampleYaml;
  });
});

describe('honest numbers', () => {
  it('reads "1,000" as declared: an error naming both readings by default, 1000 with en, 1 with vi', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'a.csv'), GOOD.toString('utf8').replace(',2082,', ',"2,082",'));
    const plain = await runCli(['aggregate', dir, '--config', CHECK_DEF, '--json']);
    expect(plain.code).toBe(1);
    expect(json(plain).errors[0]).toMatchObject({
      code: 'AMBIGUOUS_NUMBER',
      message: expect.stringMatching(/2082.*2,082/),
    });
    const en = await runCli(['aggregate', dir, '--config', CHECK_DEF, '--json', '--number-format', 'en']);
    const vi = await runCli(['aggregate', dir, '--config', CHECK_DEF, '--json', '--number-format', 'vi']);
    const base = await runCli([
      'aggregate',
      path.join(FIXTURES, 'check', 'ok', 'returns'),
      '--config',
      CHECK_DEF,
      '--json',
    ]);
    expect(json(en).indicators.VU.current).toBe(json(base).indicators.VU.current);
    // Vietnamese: 2,082 is two point zero eight two, not a whole number.
    expect(json(vi).errors[0]).toMatchObject({ code: 'NOT_AN_INTEGER' });
    // The definition can say it too.
    const def = path.join(dir, 'en.yaml');
    writeFileSync(def, readFileSync(CHECK_DEF, 'utf8') + 'numberFormat: en\n');
    const fromDef = await runCli(['aggregate', dir, '--config', def, '--json']);
    expect(json(fromDef).indicators.VU.current).toBe(json(base).indicators.VU.current);
  });

  it('makes no report from nothing: 0 units received is NO_RETURNS even with --allow-missing', async () => {
    const dir = sampleCopy();
    mkdirSync(path.join(dir, 'trong'));
    const r = await runCli(['build', 'trong', '--allow-missing', '--json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(json(r).errors.map((e: { code: string }) => e.code)).toEqual(['NO_RETURNS']);
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });

  it('judges no target without figures: unknown, never met', () => {
    const def = parseDefinition(readFileSync(SAMPLE_DEF, 'utf8'), 'baocao.yaml', SAMPLE);
    const figures = aggregateReturns(def, { values: new Map(), received: [], missing: def.units.map((u) => u.code) });
    const judged = figures.indicators.filter((f) => f.target);
    expect(judged.length).toBeGreaterThan(0);
    expect(judged.every((f) => f.status === 'unknown')).toBe(true);
  });
});

describe('never blocks, always bounded', () => {
  it('names a FIFO among the returns, as --config and as --template, and never waits on it', () => {
    const dir = sampleCopy();
    mkfifo(path.join(dir, 'returns', 'x.csv'));
    mkfifo(path.join(dir, 'def.yaml'));
    mkfifo(path.join(dir, 'tpl.md.hbs'));
    const inFolder = spawnCli(['check', '--json'], { cwd: dir });
    expect(inFolder.code).toBe(1);
    expect(JSON.parse(inFolder.stdout).errors).toEqual([
      expect.objectContaining({ code: 'NOT_REGULAR_FILE', file: path.join('returns', 'x.csv') }),
    ]);
    const config = spawnCli(['check', '--config', 'def.yaml'], { cwd: dir });
    expect(config.code).toBe(2);
    expect(config.stderr).toContain('CONFIG_UNREADABLE');
    const template = spawnCli(['build', '--template', 'tpl.md.hbs'], { cwd: dir });
    expect(template.code).toBe(2);
    expect(template.stderr).toContain('TEMPLATE_UNREADABLE');
  });

  it('refuses /dev/zero as definition or template, and oversized ones before reading them', async () => {
    const dir = sampleCopy();
    for (const args of [
      ['check', '--config', '/dev/zero'],
      ['build', '--template', '/dev/zero'],
    ]) {
      const r = await runCli([...args, '--json'], { cwd: dir });
      expect(r.code, args.join(' ')).toBe(2);
      expect(json(r).errors[0].code).toMatch(/^(CONFIG|TEMPLATE)_UNREADABLE$/);
    }
    const big = path.join(dir, 'big.yaml');
    writeFileSync(big, '');
    truncateSync(big, 300 * 1024 * 1024); // sparse: no disk, and never read
    const def = await runCli(['check', '--config', 'big.yaml', '--json'], { cwd: dir });
    expect(json(def).errors[0]).toMatchObject({
      code: 'CONFIG_UNREADABLE',
      message: expect.stringContaining('4,0 MiB'),
    });
    writeFileSync(path.join(dir, 'big.md.hbs'), 'x'.repeat(10 * 1024 * 1024));
    const tpl = await runCli(['build', '--template', 'big.md.hbs', '--json'], { cwd: dir });
    expect(json(tpl).errors[0]).toMatchObject({
      code: 'TEMPLATE_UNREADABLE',
      message: expect.stringContaining('1,0 MiB'),
    });
  });

  it('refuses a template whose loops write more than the body cap, before marked can overflow its stack', async () => {
    const dir = sampleCopy();
    // 11 units nested four deep: 14,641 lines of some 450 characters, 6.5 million.
    const line = '{{name}} '.repeat(40).trim();
    writeFileSync(
      path.join(dir, 'loop.md.hbs'),
      `{{#each units}}{{#each ../units}}{{#each ../../units}}{{#each ../../../units}}${line}\n{{/each}}{{/each}}{{/each}}{{/each}}`,
    );
    const r = await runCli(['build', '--template', 'loop.md.hbs', '--json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(json(r).errors).toEqual([
      expect.objectContaining({ code: 'TEMPLATE_OUTPUT_TOO_LARGE', file: 'loop.md.hbs' }),
    ]);
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });

  it('quotes nested 10,000 deep are MARKDOWN_TOO_DEEP, of the narrative section that holds them, or of the template', async () => {
    const dir = sampleCopy();
    const narrative = path.join(dir, 'noi-dung.md');
    const written = readFileSync(narrative, 'utf8');
    writeFileSync(
      narrative,
      written.replace('## Tồn tại, hạn chế\n', `## Tồn tại, hạn chế\n\n${'>'.repeat(10_000)} sâu\n`),
    );
    const r = await runCli(['build', '--json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(json(r).errors).toEqual([
      expect.objectContaining({
        code: 'MARKDOWN_TOO_DEEP',
        file: 'noi-dung.md',
        message: expect.stringContaining('"Tồn tại, hạn chế"'),
      }),
    ]);
    expect(json(r).errors[0].message).not.toContain('MiB');
    writeFileSync(narrative, written);
    writeFileSync(path.join(dir, 'deep.md.hbs'), `# Báo cáo\n\n${'> '.repeat(10_000)}sâu\n`);
    const t = await runCli(['build', '--template', 'deep.md.hbs', '--json'], { cwd: dir });
    expect(t.code).toBe(2);
    expect(json(t).errors).toEqual([
      expect.objectContaining({
        code: 'MARKDOWN_TOO_DEEP',
        file: 'deep.md.hbs',
        message: expect.stringContaining('Mẫu báo cáo'),
      }),
    ]);
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });

  it('a narrative over 1 MiB is NARRATIVE_UNREADABLE with the limit, not "not found"', async () => {
    const dir = sampleCopy();
    const narrative = path.join(dir, 'noi-dung.md');
    writeFileSync(narrative, readFileSync(narrative, 'utf8') + `\n${'Một đoạn văn. '.repeat(100)}\n`.repeat(1000));
    const r = await runCli(['build', '--json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(json(r).errors).toEqual([
      expect.objectContaining({ code: 'NARRATIVE_UNREADABLE', message: expect.stringContaining('1,0 MiB') }),
    ]);
  });

  it('stops reading at the run cap, naming every file left unread', async () => {
    const dir = tempDir();
    const count = Math.floor(MAX_RUN_BYTES / MAX_RETURN_BYTES) + 2;
    for (let i = 0; i < count; i++) {
      const f = path.join(dir, `${String(i).padStart(2, '0')}.csv`);
      writeFileSync(f, '');
      truncateSync(f, MAX_RETURN_BYTES);
    }
    const r = await runCli(['check', dir, '--config', CHECK_DEF, '--json']);
    expect(r.code).toBe(1);
    const codes = (json(r).errors as { code: string; file: string }[])
      .filter((e) => e.file !== null)
      .map((e) => e.code);
    expect(codes.filter((c) => c === 'RUN_TOO_LARGE')).toHaveLength(1);
    expect(codes.at(-1)).toBe('RUN_TOO_LARGE');
  });

  it('refuses a 130,000-column header in its own file and reads the others', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'a.csv'), GOOD);
    const header = [
      'ma_don_vi',
      'ky_bao_cao',
      'ma_chi_tieu',
      'ky_nay',
      'cung_ky',
      ...Array.from({ length: 130_000 }, (_, i) => `x${i}`),
    ].join(',');
    writeFileSync(path.join(dir, 'b.csv'), header + '\r\n01,2024-Q1,VU,1,1\r\n');
    const r = await runCli(['check', dir, '--config', CHECK_DEF, '--json']);
    expect(r.code).toBe(1);
    expect(json(r).errors).toEqual([
      expect.objectContaining({ code: 'HEADER_TOO_WIDE', file: path.join(dir, 'b.csv'), line: 1 }),
    ]);
  });

  it('lists 100 stray columns of a header, then counts the rest', async () => {
    const dir = tempDir();
    const lines = GOOD.toString('utf8').split('\r\n');
    lines[0] += Array.from({ length: 900 }, (_, i) => `,ghi_chu_${i}`).join('');
    writeFileSync(path.join(dir, 'a.csv'), lines.join('\r\n'));
    const r = await runCli(['check', dir, '--config', CHECK_DEF, '--json']);
    const warnings = json(r).warnings as { code: string; message: string }[];
    expect(warnings.filter((w) => w.code === 'EXTRA_COLUMN')).toHaveLength(100);
    expect(warnings.find((w) => w.code === 'MORE_PROBLEMS')!.message).toContain('800');
  });

  it('refuses a definition of 20,000 aliases at once', async () => {
    const dir = tempDir();
    const yaml =
      readFileSync(CHECK_DEF, 'utf8') +
      'title: &t x\n' +
      'x-extra:\n' +
      Array.from({ length: 20_000 }, () => '  - *t\n').join('');
    writeFileSync(path.join(dir, 'b.yaml'), yaml);
    const r = await runCli(['check', '--config', 'b.yaml', '--json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(json(r).errors).toEqual([
      expect.objectContaining({ code: 'CONFIG_SYNTAX', message: expect.stringContaining('20000 alias') }),
    ]);
  });
});

describe('codes that collide', () => {
  const base = readFileSync(CHECK_DEF, 'utf8');
  it('refuses unit codes equal after removing leading zeros, and indicator codes equal ignoring case', async () => {
    const dir = tempDir();
    const yaml = base
      .replace(
        '  - { code: "02", name: Xã Hai }',
        '  - { code: "02", name: Xã Hai }\n  - { code: "2", name: Xã Hai B }',
      )
      .replace('rules:', '  - { code: mh, label: Mô hình khác, unit: mô hình, kind: stock }\nrules:');
    writeFileSync(path.join(dir, 'b.yaml'), yaml);
    const r = await runCli(['check', '--config', 'b.yaml', '--json'], { cwd: dir });
    expect(r.code).toBe(2);
    const messages = (json(r).errors as { message: string }[]).map((e) => e.message);
    expect(messages).toEqual([expect.stringContaining('"2"'), expect.stringContaining('"mh"')]);
    expect(messages[0]).toContain('"02"');
    expect(messages[1]).toContain('"MH"');
  });
});

describe('odd places', () => {
  const sh = (script: string, cwd: string) =>
    spawnSync('bash', ['-c', script], {
      cwd,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', NODE: process.execPath, BIN },
    });

  it('a working folder deleted under the shell, or deeper than 4,096 bytes, is WORKDIR_UNAVAILABLE with JSON, not a stack', () => {
    const dir = tempDir();
    const gone = sh('mkdir gone && cd gone && rmdir ../gone && "$NODE" "$BIN" check --json', dir);
    expect(gone.status).toBe(2);
    expect(gone.stderr).not.toMatch(/\n\s+at /);
    expect(JSON.parse(gone.stdout).errors).toEqual([
      expect.objectContaining({ code: 'WORKDIR_UNAVAILABLE', message: expect.stringContaining('không còn') }),
    ]);
    const name = 'a'.repeat(200);
    const deep = sh(
      `for i in $(seq 1 22); do mkdir ${name} && cd ${name} || exit 9; done; "$NODE" "$BIN" check --json; echo "exit=$?" >&2`,
      dir,
    );
    expect(deep.stderr).toContain('exit=2');
    expect(JSON.parse(deep.stdout).errors).toEqual([
      expect.objectContaining({ code: 'WORKDIR_UNAVAILABLE', message: expect.stringContaining('4.096') }),
    ]);
    // --version needs no working folder.
    expect(sh('mkdir v && cd v && rmdir ../v && "$NODE" "$BIN" --version', dir).status).toBe(0);
  });

  it('an option-looking value after an option that takes one, or an empty one, is a usage error and nothing is written', async () => {
    const dir = sampleCopy();
    for (const argv of [
      ['check', '--feedback', '--json'],
      ['check', '--feedback=', '--json'],
      ['build', '-o', '--force', '--json'],
      ['build', '--output=', '--json'],
    ]) {
      const r = await runCli(argv, { cwd: dir });
      expect([argv, r.code]).toEqual([argv, 2]);
      expect([argv, json(r).errors.map((e: { code: string }) => e.code)]).toEqual([argv, ['USAGE']]);
    }
    expect(readdirSync(dir).sort()).toEqual(readdirSync(SAMPLE).sort());
    // A name that starts with "-" is written as ./-name.
    const dashed = await runCli(['check', '--feedback', './-phan-hoi', '--json'], { cwd: dir });
    expect(dashed.code).toBe(0);
  });
});

describe('smaller ones', () => {
  it('reads a return whose file name is not UTF-8', async () => {
    const dir = tempDir();
    const name = Buffer.concat([Buffer.from(dir + '/'), Buffer.from('Y\xean Minh.csv', 'latin1')]);
    writeFileSync(name, GOOD);
    const r = await runCli(['check', dir, '--config', CHECK_DEF, '--json']);
    expect(r.code).toBe(0);
  });

  it('names /dev/stdin as a pipe and says to use "-"', () => {
    const r = spawnCli(['check', '/dev/stdin', '--config', CHECK_DEF, '--json'], { input: GOOD });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).errors[0]).toMatchObject({
      code: 'NOT_REGULAR_FILE',
      message: expect.stringContaining('"-"'),
    });
    const dash = spawnCli(['check', '-', '--config', CHECK_DEF], { input: GOOD });
    expect(dash.code).toBe(0);
  });

  it('says a returns folder or a definition cannot be read, not INTERNAL or "not found"', (ctx) => {
    const dir = tempDir();
    chmodSync(dir, 0o755);
    mkdirSync(path.join(dir, 'r'));
    writeFileSync(path.join(dir, 'r', 'a.csv'), GOOD);
    writeFileSync(path.join(dir, 'def.yaml'), readFileSync(CHECK_DEF));
    writeFileSync(path.join(dir, 'check.yaml'), readFileSync(CHECK_DEF));
    chmodSync(path.join(dir, 'r'), 0o000);
    chmodSync(path.join(dir, 'def.yaml'), 0o000);
    // Root reads anything: run as an ordinary user then, with a copy of the command where that
    // user can reach it (a clone in a folder only root may enter, such as /root, is out of reach).
    let bin = BIN;
    if (isRoot) {
      cpSync(path.join(ROOT, 'bin'), path.join(dir, 'cli', 'bin'), { recursive: true });
      for (const f of ['launch.cjs', 'baocao.cjs'])
        cpSync(path.join(ROOT, 'dist', f), path.join(dir, 'cli', 'dist', f));
      bin = path.join(dir, 'cli', 'bin', 'baocao.cjs');
    }
    const asUser = (args: string[]) =>
      spawnSync(process.execPath, [bin, ...args], {
        cwd: dir,
        encoding: 'utf8',
        ...(isRoot ? { uid: 65534, gid: 65534 } : {}),
      });
    const reach = asUser(['--version']);
    if (isRoot && reach.status !== 0) {
      // Node itself (a version installed under /root, say) or the temporary folder is out of the user's reach.
      ctx.skip(
        `uid 65534 cannot run ${process.execPath} in ${dir} (${reach.error?.message ?? reach.stderr.trim().split('\n')[0]}): the unreadable-file cases need an unprivileged user`,
      );
    }
    expect(reach.status, 'the unprivileged user must be able to run Node and read the bundle').toBe(0);
    const folder = asUser(['check', 'r', '--config', 'check.yaml']);
    expect(folder.status).toBe(2);
    expect(folder.stderr).toContain('INPUT_UNREADABLE');
    const def = asUser(['check', 'r', '--config', 'def.yaml']);
    expect(def.status).toBe(2);
    expect(def.stderr).toContain('CONFIG_UNREADABLE');
    expect(def.stderr).toContain('không có quyền đọc');
  });

  it('cuts an over-long unit name to fit a file name, so forms writes every unit', async () => {
    const long = { code: '024', name: 'Thành phố '.repeat(40) };
    const name = formFileName(long);
    expect(Buffer.byteLength(name)).toBeLessThanOrEqual(255);
    expect(name.startsWith('024 - Thành phố')).toBe(true);
    expect(name.endsWith('….xlsx')).toBe(true);
    expect(formFileName(long, 'csv').endsWith('….csv')).toBe(true);
    const dir = tempDir();
    writeFileSync(
      path.join(dir, 'baocao.yaml'),
      readFileSync(CHECK_DEF, 'utf8')
        .replace('name: Xã Hai', `name: ${long.name.trim()}`)
        .replace('label: Số vụ phạm tội,', 'label: "=1+1 Số vụ",'),
    );
    const r = await runCli(['forms', '--json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(json(r).files).toHaveLength(2);
    // A label that begins like a formula is text in the workbook (no <f> anywhere), inert in the CSV.
    const parts = unzipSync(readFileSync(path.join(dir, 'bieu-mau', formFileName({ code: '01', name: 'Phường Một' }))));
    expect(strFromU8(parts['xl/worksheets/sheet1.xml']!)).not.toContain('<f>');
    expect(strFromU8(parts['xl/sharedStrings.xml']!)).toContain('=1+1 Số vụ');
    expect((await runCli(['forms', '--format', 'csv', '-o', 'csv'], { cwd: dir })).code).toBe(0);
    const form = readFileSync(path.join(dir, 'csv', formFileName({ code: '01', name: 'Phường Một' }, 'csv')), 'utf8');
    expect(form).toContain(",'=1+1 Số vụ,");
  });
});
