// Runs the CLI in process with a captured world, and spawns the real binary.
import iconv from 'iconv-lite';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { run } from '../src/cli/main.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const FIXTURES = path.join(ROOT, 'fixtures');
export const SAMPLE = path.join(FIXTURES, 'ha-giang-2021-6t');
export const BIN = path.join(ROOT, 'bin', 'baocao.cjs');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(
  argv: string[],
  opts: { cwd?: string; env?: Record<string, string>; stdin?: Uint8Array; tty?: boolean } = {},
): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await run({
    argv,
    cwd: opts.cwd ?? ROOT,
    env: opts.env ?? {},
    stdout: { write: (s: string) => (stdout += s), isTTY: opts.tty ?? false },
    stderr: { write: (s: string) => (stderr += s), isTTY: opts.tty ?? false },
    readStdin: async () => opts.stdin ?? new Uint8Array(),
  });
  return { code, stdout, stderr };
}

/** Spawns bin/baocao.cjs as a user would (needs `npm run build` first, which `npm test` does). */
export function spawnCli(
  argv: string[],
  opts: { cwd?: string; env?: Record<string, string>; input?: string | Buffer } = {},
): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...argv], {
    cwd: opts.cwd ?? ROOT,
    env: { PATH: process.env.PATH ?? '', ...opts.env },
    input: opts.input,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export function json(r: CliResult): any {
  return JSON.parse(r.stdout);
}

/** A copy of the sample in a temporary folder, writing its report to out/bao-cao.docx there. */
export function sampleCopy(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'baocao-sample-'));
  cpSync(SAMPLE, dir, { recursive: true });
  const yaml = readFileSync(path.join(dir, 'baocao.yaml'), 'utf8').replace(/^output: .*$/m, 'output: out/bao-cao.docx');
  writeFileSync(path.join(dir, 'baocao.yaml'), yaml);
  return dir;
}

/** Text as Windows-1258, as Windows writes it: letters with circumflex, breve or horn precomposed, the tone as a combining mark. */
export function encodeCp1258(text: string): Buffer {
  const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;
  const decomposed = [...text.normalize('NFC')]
    .map((ch) => {
      const d = ch.normalize('NFD');
      const tones = d.match(TONES)?.join('') ?? '';
      return d.replace(TONES, '').normalize('NFC') + tones;
    })
    .join('');
  return iconv.encode(decomposed, 'windows1258');
}

/** LibreOffice Calc headless: opens each file and saves it with `filter` into `outDir` (one start for all). */
export function calc(files: readonly string[], filter: string, outDir: string): void {
  const profile = pathToFileURL(mkdtempSync(path.join(tmpdir(), 'baocao-lo-'))).href;
  mkdirSync(outDir, { recursive: true });
  const r = spawnSync(
    'soffice',
    [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', filter, '--outdir', outDir, ...files],
    { encoding: 'utf8', timeout: 300_000 },
  );
  if (r.error || r.status !== 0)
    throw new Error(`LibreOffice failed (is libreoffice-calc-nogui installed?): ${r.error?.message ?? r.stderr}`);
}
export const XLSX = 'xlsx:Calc MS Excel 2007 XML';
/** CSV, UTF-8 (76), comma-separated, quoted with ". */
export const CSV = 'csv:Text - txt - csv (StarCalc):44,34,76';
