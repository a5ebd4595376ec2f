// The file-system edge of ingest: expands inputs (files, folders, "-" for stdin)
// and reads each return's bytes. Input files are only ever opened for reading, only
// when they are regular files, and each is handed on and let go before the next is
// read, so a run's memory is bounded by its largest return, not by all of them.
import { readdirSync, statSync, type Dirent, type Stats } from 'node:fs';
import path from 'node:path';
import { FatalError, type Problem, type ProblemWithout } from '../messages/problem.js';
import type { Encoding } from './decode.js';
import type { NumberFormat } from '../numbers/parse.js';
import { MAX_RETURN_BYTES, MAX_RUN_BYTES, toMiB } from '../limits.js';
import { COLLECT_AFTER_BYTES, collectGarbage } from './memory.js';
import { requireBuiltin } from '../node-builtin.js';
import { readRegularFile, reasonOf } from './read.js';
import { OTHER_SPREADSHEET_NAME, WORKBOOK_NAME } from './readers/index.js';
import { readReturn, unreadReturn, type ReturnFile } from './returns.js';

export interface IngestOptions {
  cwd: string;
  encoding?: Encoding;
  /** How numbers are written; a workbook's number cells are given back in it. */
  numberFormat?: NumberFormat;
  readStdin: () => Promise<Uint8Array>;
  /** Each file's SHA-256 (ReturnFile.sha256), to tell a return from the one the register recorded. */
  digest?: boolean;
  /** Called after each file, for progress on a terminal. */
  onFile?: (done: number, total: number) => void;
}

/** A return once its rows have been handed on: its name, whether it was read whole. */
export type ReturnSummary = Omit<ReturnFile, 'rows' | 'problems'>;

export interface Ingested {
  files: ReturnSummary[];
  /** Every file-level problem, in the order the files were read. */
  problems: Problem[];
}

const STDIN = '-';

/** A file's SHA-256, in hex: what the register records of each return received (node:crypto loaded only then: 5 ms). */
export const sha256 = (bytes: Uint8Array): string =>
  requireBuiltin<typeof import('node:crypto')>('node:crypto').createHash('sha256').update(bytes).digest('hex');

/**
 * What a folder entry is to a run. Returns (.csv, .xlsx, .xlsm) are read; other
 * spreadsheets (.xls, .xlsb, .ods) are read too, so their problem says how to save
 * them as .xlsx rather than the unit being reported missing while its file sits in the
 * folder; the files a system or Office leaves beside them (dot files, "~$" owner files,
 * Thumbs.db, desktop.ini) are passed over; anything else is named in an
 * UNSUPPORTED_FILE warning, never skipped in silence.
 */
type EntryKind = 'return' | 'spreadsheet' | 'system' | 'other';
/** Compressed folders, as a district sends its communes' returns in one: named with what to do (unpack them), never opened. */
const ARCHIVE_NAME = /\.(zip|rar|7z)$/i;
function classifyEntry(name: string): EntryKind {
  if (name.startsWith('.') || name.startsWith('~$') || /^(thumbs\.db|desktop\.ini)$/i.test(name)) return 'system';
  if (/\.csv$/i.test(name) || WORKBOOK_NAME.test(name)) return 'return';
  if (OTHER_SPREADSHEET_NAME.test(name)) return 'spreadsheet';
  return 'other';
}

/** A file to read: the name messages show, and the path to open (bytes, when the name is not UTF-8). */
interface Entry {
  shown: string;
  open: string | Buffer;
}

/**
 * The files an input names: itself, or the returns (and spreadsheets) directly inside a
 * folder, sorted; other entries of the folder are named in warnings.
 * Folder entries are listed as bytes: a name written in another code page still opens
 * (it is shown with � where its bytes are not UTF-8).
 */
function expand(input: string, cwd: string, problems: Problem[]): Entry[] {
  if (input === STDIN) return [{ shown: STDIN, open: STDIN }];
  const abs = path.resolve(cwd, input);
  let stat: Stats;
  try {
    stat = statSync(abs);
  } catch {
    throw FatalError.of('INPUT_NOT_FOUND', { file: input, params: { path: input } });
  }
  if (!stat.isDirectory()) return [{ shown: input, open: abs }];
  let raw: Dirent<Buffer>[];
  try {
    raw = readdirSync(abs, { encoding: 'buffer', withFileTypes: true });
  } catch (err) {
    throw FatalError.of('INPUT_UNREADABLE', { file: input, params: { path: input, reason: reasonOf(err) } });
  }
  const all = raw
    .map((d) => {
      const name = d.name.toString('utf8');
      return { name, bytes: d.name, folder: d.isDirectory(), kind: classifyEntry(name) };
    })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : Buffer.compare(a.bytes, b.bytes)));
  // A folder named like a return is still opened, so that it is reported as unreadable.
  const entries = all.filter((e) => e.kind === 'return' || e.kind === 'spreadsheet');
  for (const e of all)
    if (e.kind === 'other')
      problems.push({
        code: 'UNSUPPORTED_FILE',
        severity: 'warning',
        file: path.join(input, e.name),
        params: { kind: e.folder ? 'folder' : ARCHIVE_NAME.test(e.name) ? 'archive' : 'file' },
      });
  if (entries.length === 0) problems.push({ code: 'NO_CSV_FILES', severity: 'warning', file: input });
  const absBytes = Buffer.from(abs + path.sep);
  return entries.map((e) => ({
    shown: path.join(input, e.name),
    open: e.name.includes('\ufffd') ? Buffer.concat([absBytes, e.bytes]) : path.join(abs, e.name),
  }));
}

/**
 * Reads every return the inputs name and hands each to `consume` as it is read; the
 * caller keeps what it needs of the rows, and they are let go before the next file.
 */
export async function ingestReturns(
  inputs: readonly string[],
  opts: IngestOptions,
  consume: (file: ReturnFile) => void,
): Promise<Ingested> {
  const problems: Problem[] = [];
  const files: ReturnSummary[] = [];
  const take = (file: ReturnFile) => {
    files.push({
      file: file.file,
      encoding: file.encoding,
      complete: file.complete,
      place: file.place,
      ...(file.sha256 !== undefined && { sha256: file.sha256 }),
    });
    for (const p of file.problems) problems.push(p);
    consume(file);
  };
  /** A file that could not be read: kept in the list (its units' gaps are then not reported) with its problem. */
  const unread = (file: string, problem: ProblemWithout<'file' | 'severity'>) => take(unreadReturn(file, problem));
  const entries: Entry[] = [];
  for (const input of inputs) for (const e of expand(input, opts.cwd, problems)) entries.push(e);
  let total = 0;
  /** The files read, by id: one named twice (as itself and in its folder, or as ./a.csv and a.csv) is read once, and said. */
  const seen = new Map<string, string>();
  const readOne = async ({ shown, open }: Entry): Promise<void> => {
    if (total > MAX_RUN_BYTES) return unread(shown, { code: 'RUN_TOO_LARGE', params: { limit: toMiB(MAX_RUN_BYTES) } });
    let bytes: Uint8Array;
    let receivedAt: number | undefined;
    if (open === STDIN) {
      bytes = await opts.readStdin();
      if (bytes.length > MAX_RETURN_BYTES)
        return unread('(stdin)', {
          code: 'FILE_TOO_LARGE',
          params: { size: `> ${toMiB(MAX_RETURN_BYTES)}`, limit: toMiB(MAX_RETURN_BYTES) },
        });
    } else {
      const read = readRegularFile(open, MAX_RETURN_BYTES);
      if (!read.ok) {
        if ('size' in read)
          return unread(shown, {
            code: 'FILE_TOO_LARGE',
            params: { size: toMiB(read.size), limit: toMiB(MAX_RETURN_BYTES) },
          });
        if ('kind' in read)
          return read.kind === 'DIRECTORY'
            ? unread(shown, { code: 'UNREADABLE_FILE', params: { reason: 'IS_DIRECTORY' } })
            : unread(shown, { code: 'NOT_REGULAR_FILE', params: { kind: read.kind } });
        return unread(shown, {
          code: 'UNREADABLE_FILE',
          params: { reason: read.reason === 'NOT_FOUND' ? 'BROKEN_LINK' : read.reason },
        });
      }
      if (read.id !== undefined) {
        const first = seen.get(read.id);
        if (first !== undefined) {
          problems.push({ code: 'FILE_NAMED_TWICE', severity: 'warning', file: shown, params: { first } });
          return;
        }
        seen.set(read.id, shown);
      }
      bytes = read.bytes;
      receivedAt = read.mtimeMs;
    }
    total += bytes.length;
    const file = await readReturn(bytes, open === STDIN ? '(stdin)' : shown, {
      encoding: opts.encoding,
      numberFormat: opts.numberFormat,
    });
    if (receivedAt !== undefined) file.receivedAt = receivedAt;
    if (opts.digest) file.sha256 = sha256(bytes);
    take(file);
    if (bytes.length > COLLECT_AFTER_BYTES) await collectGarbage();
  };
  let done = 0;
  for (const entry of entries) {
    await readOne(entry);
    opts.onFile?.(++done, entries.length);
    // Let SIGINT/SIGTERM handlers run now and then during a long synchronous read.
    if (done % 256 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  return { files, problems };
}
