// The launcher and the code caches the build writes: V8 takes each cache for the
// bundle it was made from, and a missing, truncated or stale cache changes nothing
// but speed.
import { createHash } from 'node:crypto';
import {
  closeSync,
  cpSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { compileBundle } from '../src/cli/code-cache.js';
import { isTerminal } from '../src/cli/output.js';
import { ROOT, SAMPLE } from './helpers.js';

const DIST = path.join(ROOT, 'dist');
const COMMANDS = ['check', 'aggregate', 'build', 'init', 'forms'];

function aggregateJson(launcher: string): string {
  const r = spawnSync(
    process.execPath,
    [launcher, 'aggregate', '--json', '--config', path.join(SAMPLE, 'baocao.yaml')],
    { encoding: 'utf8' },
  );
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return r.stdout;
}

describe('code caches', () => {
  const bundle = readFileSync(path.join(DIST, 'baocao.cjs'));
  const hash = createHash('sha256').update(bundle).digest('hex').slice(0, 16);

  it('exist for every command, named for the bundle they were made from, and V8 takes them', () => {
    expect(readdirSync(path.join(DIST, 'cache')).sort()).toEqual(
      COMMANDS.map((c) => `${c}-${hash}-${process.versions.v8}.bin`).sort(),
    );
    // The build reads an ASCII bundle as latin1 (no UTF-8 decoding); the cache was made from that text.
    expect(
      bundle.every((b) => b < 0x80),
      'the bundle is ASCII (esbuild escapes all but regular expressions)',
    ).toBe(true);
    const source = bundle.toString('latin1');
    for (const command of COMMANDS) {
      const script = compileBundle(
        source,
        path.join(DIST, 'baocao.cjs'),
        readFileSync(path.join(DIST, 'cache', `${command}-${hash}-${process.versions.v8}.bin`)),
      );
      expect(script.cachedDataRejected, command).toBe(false);
    }
  });

  it('change nothing but speed when missing or truncated', () => {
    const expected = aggregateJson(path.join(DIST, 'launch.cjs'));
    expect(JSON.parse(expected).ok).toBe(true);
    const copy = mkdtempSync(path.join(tmpdir(), 'baocao-dist-'));
    cpSync(DIST, copy, { recursive: true });
    const cache = path.join(copy, 'cache', `aggregate-${hash}-${process.versions.v8}.bin`);
    truncateSync(cache, 1000);
    expect(aggregateJson(path.join(copy, 'launch.cjs'))).toBe(expected);
    rmSync(cache);
    expect(aggregateJson(path.join(copy, 'launch.cjs'))).toBe(expected);
    rmSync(copy, { recursive: true });
  });

  it('change nothing but speed under another Node (a cache made by another V8 is not used)', () => {
    const expected = aggregateJson(path.join(DIST, 'launch.cjs'));
    const copy = mkdtempSync(path.join(tmpdir(), 'baocao-dist-'));
    cpSync(DIST, copy, { recursive: true });
    for (const name of readdirSync(path.join(copy, 'cache')))
      renameSync(path.join(copy, 'cache', name), path.join(copy, 'cache', name.replace(process.versions.v8, '9.9.9')));
    expect(aggregateJson(path.join(copy, 'launch.cjs'))).toBe(expected);
    rmSync(copy, { recursive: true });
  });

  it('a missing bundle is a message and exit 2, not a stack trace', () => {
    const copy = mkdtempSync(path.join(tmpdir(), 'baocao-dist-'));
    cpSync(path.join(DIST, 'launch.cjs'), path.join(copy, 'launch.cjs'));
    const r = spawnSync(process.execPath, [path.join(copy, 'launch.cjs'), 'check'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /^baocao: không đọc được .*baocao\.cjs \(ENOENT\); chạy lại "npm install" hoặc "npm run build"\.\n$/,
    );
    rmSync(copy, { recursive: true });
  });
});

/** Node's own modules a command loaded beyond what `node` loads for any script, read as it exits. */
function modulesLoaded(args: string[], stdio: 'pipe' | 'ignore' = 'pipe') {
  const probe = path.join(mkdtempSync(path.join(tmpdir(), 'baocao-probe-')), 'probe.cjs');
  writeFileSync(
    probe,
    "const before = new Set(process.moduleLoadList);\nprocess.on('exit', () => require('fs').writeSync(2, '\\nMODULES ' + JSON.stringify(process.moduleLoadList.filter((m) => !before.has(m)))));\n",
  );
  const r = spawnSync(process.execPath, ['-r', probe, path.join(ROOT, 'bin', 'baocao.cjs'), ...args], {
    encoding: 'utf8',
    stdio: ['ignore', stdio, 'pipe'],
  });
  expect(r.status, r.stderr).toBe(0);
  return { stdout: r.stdout, loaded: JSON.parse(r.stderr.slice(r.stderr.lastIndexOf('MODULES ') + 8)) as string[] };
}

describe('start-up', () => {
  const sample = ['aggregate', '--json', '--config', path.join(SAMPLE, 'baocao.yaml')];

  it('tells a terminal from a file, a device that is none, and a closed descriptor', () => {
    const file = openSync(path.join(SAMPLE, 'baocao.yaml'), 'r');
    const devNull = openSync('/dev/null', 'r');
    try {
      expect(isTerminal(file)).toBe(false);
      expect(isTerminal(file, 'win32')).toBe(false); // Windows asks isatty itself
      expect(isTerminal(devNull)).toBe(false); // a character device, not a terminal
    } finally {
      closeSync(file);
      closeSync(devNull);
    }
    expect(isTerminal(file)).toBe(false); // closed now
  });

  it('a CSV run into a pipe loads neither zlib, the terminal nor fs.promises (and the stream modules they bring)', () => {
    const { loaded, stdout } = modulesLoaded(sample);
    expect(JSON.parse(stdout).ok).toBe(true);
    for (const m of ['NativeModule zlib', 'NativeModule tty', 'NativeModule net', 'NativeModule internal/fs/promises'])
      expect(loaded, m).not.toContain(m);
    // A workbook return needs zlib, and gets it.
    const xlsx = modulesLoaded([
      'check',
      path.join(ROOT, 'fixtures', 'check', 'xlsx-ok', 'returns'),
      '--config',
      path.join(ROOT, 'fixtures', 'check', 'baocao.yaml'),
    ]);
    expect(xlsx.loaded).toContain('NativeModule zlib');
  });

  it('on a terminal, JSON is indented and messages are coloured; into a pipe, one line', () => {
    const piped = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'baocao.cjs'), ...sample], { encoding: 'utf8' });
    expect(piped.stdout.trim().split('\n')).toHaveLength(1);
    // util-linux `script` gives the command a pseudo-terminal (stdout and stderr both).
    const command = [process.execPath, path.join(ROOT, 'bin', 'baocao.cjs'), ...sample, '--lang', 'vi']
      .map((a) => `'${a.replaceAll("'", "'\\''")}'`)
      .join(' ');
    const env: NodeJS.ProcessEnv = { ...process.env, TERM: 'xterm' };
    delete env.NO_COLOR;
    delete env.FORCE_COLOR;
    const tty = spawnSync('script', ['-qec', command, '/dev/null'], { encoding: 'utf8', env });
    expect(tty.status, tty.stderr).toBe(0);
    expect(tty.stdout).toMatch(/^\{\r?\n {2}"schemaVersion": 1,/);
    const coloured = spawnSync(
      'script',
      ['-qec', command.replace("'aggregate'", "'check'").replace("'--json' ", ''), '/dev/null'],
      { encoding: 'utf8', env },
    );
    expect(coloured.stdout).toContain('\u001b[');
  });
});
