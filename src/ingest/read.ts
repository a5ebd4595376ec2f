// Opens what the user names as input — returns, the definition, a template — only
// when it is a regular file, and only up to a size cap. A FIFO, device or socket is
// never read (opening one for reading can block for good, or never end), and the
// size is known before a byte is read.
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';

export type ReadResult =
  /**
   * mtimeMs: when the file was last written here — for a file saved from Zalo or e-mail, when it
   * was received. id: the file itself (device and inode), however it was named; none where the
   * file system gives no inode.
   */
  | { ok: true; bytes: Buffer; mtimeMs: number; id?: string }
  | { ok: false; reason: 'NOT_REGULAR'; kind: string }
  | { ok: false; reason: 'TOO_LARGE'; size: number }
  | { ok: false; reason: string };

/** O_NONBLOCK: opening a FIFO with no writer returns at once instead of waiting (not on Windows, which has none). */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

export function kindOf(st: Stats): string {
  if (st.isDirectory()) return 'DIRECTORY';
  if (st.isFIFO()) return 'FIFO';
  if (st.isSocket()) return 'SOCKET';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'DEVICE';
  if (st.isSymbolicLink()) return 'SYMLINK';
  return 'OTHER';
}

export function reasonOf(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  return code === 'EISDIR'
    ? 'IS_DIRECTORY'
    : code === 'ENOENT'
      ? 'NOT_FOUND'
      : code === 'EACCES' || code === 'EPERM'
        ? 'PERMISSION'
        : (code ?? 'OTHER');
}

/**
 * Reads a regular file of at most `cap` bytes. Synchronous: thousands of small files
 * read far faster this way than through the thread pool, and a CLI has nothing else
 * to do meanwhile.
 */
export function readRegularFile(file: string | Buffer, cap: number): ReadResult {
  let fd: number;
  try {
    fd = openSync(file, OPEN_FLAGS);
  } catch (err) {
    // A socket (a child's stdin under Node, seen through /dev/stdin) cannot be opened at all.
    if ((err as NodeJS.ErrnoException).code === 'ENXIO') return { ok: false, reason: 'NOT_REGULAR', kind: 'SOCKET' };
    return { ok: false, reason: reasonOf(err) };
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return { ok: false, reason: 'NOT_REGULAR', kind: kindOf(st) };
    if (st.size > cap) return { ok: false, reason: 'TOO_LARGE', size: st.size };
    const buf = Buffer.allocUnsafe(st.size);
    let off = 0;
    while (off < st.size) {
      const n = readSync(fd, buf, off, st.size - off, null);
      if (n === 0) break;
      off += n;
    }
    return {
      ok: true,
      bytes: buf.subarray(0, off),
      mtimeMs: st.mtimeMs,
      id: st.ino === 0 ? undefined : `${st.dev}:${st.ino}`,
    };
  } catch (err) {
    return { ok: false, reason: reasonOf(err) };
  } finally {
    closeSync(fd);
  }
}
