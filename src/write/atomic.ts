// The only writer: a file appears whole or not at all. Data goes to a temporary
// file beside the target, is flushed, then renamed over it and the folder flushed;
// any failure leaves the earlier file untouched and removes the temporary one.
// Only regular files are ever written: a link, device, FIFO or folder at the target
// is refused, and so is a read-only report unless the user forces it.
import {
  closeSync,
  fchmodSync,
  fchownSync,
  fsyncSync,
  openSync,
  promises as fs,
  rmSync,
  writeFileSync,
  type Stats,
} from 'node:fs';
import path from 'node:path';
import { FatalError } from '../messages/problem.js';

/**
 * Temporary and lock files being held, removed if the process is interrupted. Each is
 * created with a synchronous call right after it is added: the signal handler runs between
 * event-loop turns, so it never finds a file still being created on a worker thread (an
 * asynchronous open in flight when SIGTERM came made its file after the handler had run).
 */
const pending = new Set<string>();

/** Removes unfinished temporary files and held locks; called on SIGINT/SIGTERM by the process entry. */
export function removePendingWrites(): void {
  for (const tmp of pending) rmSync(tmp, { force: true });
  pending.clear();
}

// The name only has to differ from other writes' (opened with 'wx', a clash fails rather
// than overwrites); Math.random spares every command loading node:crypto (5 ms).
const random8 = () =>
  Math.floor(Math.random() * 0x1_0000_0000)
    .toString(16)
    .padStart(8, '0');

/**
 * The target's name as its temporary and lock files start, cut to 200 bytes so that
 * they too fit a file name (255 bytes) when the target's own name nearly fills it.
 */
function stem(target: string): string {
  const base = path.basename(target);
  if (Buffer.byteLength(base) <= 200) return base;
  const chars = [...base];
  while (Buffer.byteLength(chars.join('')) > 200) chars.pop();
  return chars.join('');
}
const tempName = (target: string, pid: number) => `.${stem(target)}.${pid}.${random8()}.tmp`;
const lockName = (target: string) => path.join(path.dirname(target), `.${stem(target)}.lock`);

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes temporary files an earlier write of the same target left when it was killed
 * outright (SIGKILL, power loss), if the process that wrote them is gone. On Windows
 * such files are not hidden, and a clerk would find them beside the report.
 */
async function removeStaleTemps(target: string): Promise<void> {
  const dir = path.dirname(target);
  const prefix = `.${stem(target)}.`;
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const m = /^(\d+)\.[0-9a-f]{8}\.tmp$/.exec(name.slice(prefix.length));
    if (m && Number(m[1]) !== process.pid && !isRunning(Number(m[1])))
      await fs.rm(path.join(dir, name), { force: true });
  }
}

/** What kind of thing stands at a path that is not a regular file. */
function kindOf(st: Stats): string {
  if (st.isSymbolicLink()) return 'SYMLINK';
  if (st.isDirectory()) return 'DIRECTORY';
  if (st.isFIFO()) return 'FIFO';
  if (st.isSocket()) return 'SOCKET';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'DEVICE';
  return 'OTHER';
}

/**
 * One writer per target at a time: a lock file beside it, created exclusively, holding
 * the writer's process id. A lock whose process is gone (killed outright) is taken over.
 */
async function acquireLock(target: string, shown: string): Promise<string> {
  const lock = lockName(target);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      pending.add(lock);
      try {
        writeFileSync(lock, String(process.pid), { flag: 'wx' });
      } catch (err) {
        pending.delete(lock);
        throw err;
      }
      return lock;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = Number(await fs.readFile(lock, 'utf8').catch(() => ''));
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isRunning(holder))
        throw FatalError.of('OUTPUT_BUSY', { file: shown, params: { path: shown, pid: holder } });
      await fs.rm(lock, { force: true });
    }
  }
  throw FatalError.of('OUTPUT_BUSY', { file: shown, params: { path: shown, pid: '?' } });
}

async function releaseLock(lock: string): Promise<void> {
  await fs.rm(lock, { force: true }).catch(() => {});
  pending.delete(lock);
}

/**
 * Runs `work` holding the lock of `target` (which need not exist: a folder's lock is taken on
 * a name inside it), so that one run at a time works there; the lock is released after.
 */
export async function withLock<T>(target: string, shown: string, work: () => Promise<T>): Promise<T> {
  let lock: string;
  try {
    await fs.mkdir(path.dirname(target), { recursive: true });
    lock = await acquireLock(target, shown);
  } catch (err) {
    if (err instanceof FatalError) throw err;
    throw FatalError.of('OUTPUT_FAILED', {
      file: shown,
      params: { path: shown, reason: (err as NodeJS.ErrnoException).code ?? String(err) },
    });
  }
  try {
    return await work();
  } finally {
    await releaseLock(lock);
  }
}

/** Flushes a folder's entries (the rename) to disk; a no-op where folders cannot be opened. */
async function syncFolder(dir: string): Promise<void> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch {
    // Windows cannot open a folder; some file systems refuse fsync on one.
  } finally {
    await handle?.close();
  }
}

export interface WriteOptions {
  /** The name messages show (as the user gave it). */
  shown?: string;
  /** Replace a read-only file too. */
  force?: boolean;
}

export async function writeFileAtomic(target: string, data: Uint8Array, opts: WriteOptions = {}): Promise<void> {
  const shown = opts.shown ?? target;
  const dir = path.dirname(target);
  const tmp = path.join(dir, tempName(target, process.pid));
  const failed = (err: unknown) => {
    if (err instanceof FatalError) return err;
    const code = (err as NodeJS.ErrnoException).code ?? String(err);
    return FatalError.of('OUTPUT_FAILED', { file: shown, params: { path: shown, reason: code } });
  };
  let lock: string | undefined;
  try {
    await fs.mkdir(dir, { recursive: true });
    lock = await acquireLock(target, shown);
    const before = await fs.lstat(target).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return undefined;
      throw err;
    });
    if (before && !before.isFile())
      throw FatalError.of('OUTPUT_NOT_REGULAR', { file: shown, params: { path: shown, kind: kindOf(before) } });
    // Read-only by its mode bits (access() would say yes to root, and Windows' read-only flag is a mode here).
    if (before && (before.mode & 0o222) === 0 && !opts.force)
      throw FatalError.of('OUTPUT_READ_ONLY', { file: shown, params: { path: shown } });
    await removeStaleTemps(target);
    pending.add(tmp);
    const fd = openSync(tmp, 'wx');
    try {
      writeFileSync(fd, data);
      if (before) {
        fchmodSync(fd, before.mode & 0o7777);
        // Keep the owner where the user may (root, or the same user and a group they are in).
        try {
          fchownSync(fd, before.uid, before.gid);
        } catch {
          // Not permitted: the file keeps the writer as its owner.
        }
      }
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    await fs.rename(tmp, target);
    await syncFolder(dir);
  } catch (err) {
    await fs.rm(tmp, { force: true }).catch(() => {});
    throw failed(err);
  } finally {
    pending.delete(tmp);
    if (lock) await releaseLock(lock);
  }
}
