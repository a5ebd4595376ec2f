// Standard output and error as the CLI writes them: synchronous writes to the file
// descriptor, every byte accounted for. A reader that went away (EPIPE: `| head`)
// ends the command quietly; any other failure (ENOSPC, EIO) is an error the exit
// code reports, so a cut-off JSON document never comes with exit 0.
import { fstatSync, writeSync } from 'node:fs';
import { requireBuiltin } from '../node-builtin.js';

/** Where the CLI writes (stdout, stderr, or a test's buffer). */
export interface OutStream {
  /** May throw OutputClosed or OutputWriteFailed (stdout); the CLI turns them into exit codes. */
  write(chunk: string): unknown;
  isTTY?: boolean;
}

/** The reader of stdout is gone: nothing more can be said to it, and nothing is wrong. */
export class OutputClosed extends Error {
  constructor() {
    super('EPIPE');
    this.name = 'OutputClosed';
  }
}

/** Writing stdout failed for another reason: the output is incomplete. */
export class OutputWriteFailed extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'OutputWriteFailed';
  }
}

// A descriptor a parent left non-blocking answers EAGAIN when the pipe is full: wait
// a millisecond and write the rest.
const pause = new Int32Array(new SharedArrayBuffer(4));

/** Writes all of `data`, looping over short writes; throws OutputClosed or OutputWriteFailed. */
export function writeAll(fd: number, data: string): void {
  const buf = Buffer.from(data, 'utf8');
  let off = 0;
  let idle = 0;
  while (off < buf.length) {
    let n: number;
    try {
      n = writeSync(fd, buf, off, buf.length - off);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? String(err);
      if (code === 'EAGAIN' && idle++ < 60_000) {
        Atomics.wait(pause, 0, 0, 1);
        continue;
      }
      if (code === 'EPIPE') throw new OutputClosed();
      throw new OutputWriteFailed(code);
    }
    if (n === 0 && idle++ >= 60_000) throw new OutputWriteFailed('SHORT_WRITE');
    if (n > 0) idle = 0;
    off += n;
  }
}

/**
 * Whether `fd` is a terminal. A terminal is a character device, so on POSIX a pipe or a file
 * (a scheduled job's log, a `--json` reader) is told from its fstat, without loading `node:tty`
 * and the modules it brings; Windows asks `isatty` always.
 */
export function isTerminal(fd: number, platform: NodeJS.Platform = process.platform): boolean {
  if (platform !== 'win32') {
    try {
      if (!fstatSync(fd).isCharacterDevice()) return false;
    } catch {
      return false; // not open: no terminal
    }
  }
  return requireBuiltin<typeof import('node:tty')>('node:tty').isatty(fd);
}

/** A stream's isTTY, asked when first read. */
function lazyTty(fd: number): () => boolean {
  let tty: boolean | undefined;
  return () => (tty ??= isTerminal(fd));
}

/** stdout: failures reach the caller. */
export function checkedStream(fd: number): OutStream {
  const tty = lazyTty(fd);
  return {
    get isTTY() {
      return tty();
    },
    write: (s: string) => writeAll(fd, s),
  };
}

/** stderr: where failures are reported, so a failure to report one is dropped, never thrown. */
export function bestEffortStream(fd: number): OutStream {
  const tty = lazyTty(fd);
  return {
    get isTTY() {
      return tty();
    },
    write: (s: string) => {
      try {
        writeAll(fd, s);
      } catch {
        // Nowhere left to say it.
      }
    },
  };
}
