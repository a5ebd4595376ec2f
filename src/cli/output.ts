// Standard output and error as the CLI writes them: synchronous writes to the file
// descriptor, every byte accounted for. A reader that went away (EPIPE: `| head`)
// ends the command quietly; any other failure (ENOSPC, EIO) is an error the exit
// code reports, so a cut-off JSON document never comes with exit 0.
import { writeSync } from 'node:fs';
import { isatty } from 'node:tty';

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

/** stdout: failures reach the caller. */
export function checkedStream(fd: number): OutStream {
  return { isTTY: isatty(fd), write: (s: string) => writeAll(fd, s) };
}

/** stderr: where failures are reported, so a failure to report one is dropped, never thrown. */
export function bestEffortStream(fd: number): OutStream {
  return {
    isTTY: isatty(fd),
    write: (s: string) => {
      try {
        writeAll(fd, s);
      } catch {
        // Nowhere left to say it.
      }
    },
  };
}
