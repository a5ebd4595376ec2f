// The file-system edge of ingest: expands inputs (files, folders, "-" for stdin)
// and reads each return's bytes. Input files are only ever opened for reading.
import { closeSync, fstatSync, openSync, readdirSync, readSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { FatalError, type Problem } from '../messages/problem.js';
import type { Encoding } from './decode.js';
import { MAX_RETURN_BYTES } from './limits.js';
import { readReturn, type ReturnFile } from './returns.js';

export interface IngestOptions {
  cwd: string;
  encoding?: Encoding;
  readStdin: () => Promise<Uint8Array>;
  /** Called after each file, for progress on a terminal. */
  onFile?: (done: number, total: number) => void;
}

export interface Ingested {
  files: ReturnFile[];
  problems: Problem[];
}

const isCsv = (name: string) => /\.csv$/i.test(name);
const MiB = (n: number) => (n / 1024 / 1024).toFixed(1).replace('.', ',');
const STDIN = '-';

/** The files an input names: itself, or the .csv files directly inside a folder (sorted). */
function expand(input: string, cwd: string, problems: Problem[]): string[] {
  if (input === STDIN) return [STDIN];
  const abs = path.resolve(cwd, input);
  let stat: Stats;
  try {
    stat = statSync(abs);
  } catch {
    throw FatalError.of('INPUT_NOT_FOUND', { params: { path: input } });
  }
  if (!stat.isDirectory()) return [input];
  const names = readdirSync(abs).filter(isCsv).sort();
  if (names.length === 0) problems.push({ code: 'NO_CSV_FILES', severity: 'warning', file: input });
  return names.map((n) => path.join(input, n));
}

function reasonOf(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  return code === 'EISDIR' ? 'IS_DIRECTORY' : code === 'ENOENT' ? 'BROKEN_LINK' : code === 'EACCES' || code === 'EPERM' ? 'PERMISSION' : (code ?? 'OTHER');
}

/**
 * Reads a file opened read-only, or returns its size when it is over the cap (then
 * nothing is read). Synchronous: thousands of small files read far faster this way
 * than through the thread pool, and a CLI has nothing else to do meanwhile.
 */
function readCapped(file: string): Uint8Array | number {
  const fd = openSync(file, 'r');
  try {
    const { size } = fstatSync(fd);
    if (size > MAX_RETURN_BYTES) return size;
    const buf = Buffer.allocUnsafe(size);
    let off = 0;
    while (off < size) {
      const n = readSync(fd, buf, off, size - off, null);
      if (n === 0) break;
      off += n;
    }
    return buf.subarray(0, off);
  } finally {
    closeSync(fd);
  }
}

export async function ingestReturns(inputs: readonly string[], opts: IngestOptions): Promise<Ingested> {
  const problems: Problem[] = [];
  const files: ReturnFile[] = [];
  /** A file that could not be read: kept in the list (its units' gaps are then not reported) with its problem. */
  const unread = (file: string, problem: Omit<Problem, 'file' | 'severity'>) => {
    const p: Problem = { severity: 'error', file, ...problem };
    files.push({ file, rows: [], complete: false, problems: [p] });
    problems.push(p);
  };
  const names: string[] = [];
  for (const input of inputs) names.push(...expand(input, opts.cwd, problems));
  let done = 0;
  for (const name of names) {
    let bytes: Uint8Array;
    try {
      if (name === STDIN) bytes = await opts.readStdin();
      else {
        const read = readCapped(path.resolve(opts.cwd, name));
        if (typeof read === 'number') {
          unread(name, { code: 'FILE_TOO_LARGE', params: { size: MiB(read), limit: MiB(MAX_RETURN_BYTES) } });
          continue;
        }
        bytes = read;
      }
    } catch (err) {
      unread(name, { code: 'UNREADABLE_FILE', params: { reason: reasonOf(err) } });
      continue;
    }
    if (bytes.length > MAX_RETURN_BYTES) {
      unread('(stdin)', { code: 'FILE_TOO_LARGE', params: { size: `> ${MiB(MAX_RETURN_BYTES)}`, limit: MiB(MAX_RETURN_BYTES) } });
      continue;
    }
    const file = readReturn(bytes, name === STDIN ? '(stdin)' : name, opts.encoding);
    files.push(file);
    problems.push(...file.problems);
    opts.onFile?.(++done, names.length);
  }
  return { files, problems };
}
