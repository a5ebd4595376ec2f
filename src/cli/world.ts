// Everything the CLI touches of the outside world, passed in so tests can run it in process.
import { MAX_RETURN_BYTES } from '../limits.js';
import { FatalError } from '../messages/problem.js';
import { bestEffortStream, checkedStream, type OutStream } from './output.js';

export interface World {
  argv: string[];
  cwd: string;
  env: Record<string, string | undefined>;
  stdout: OutStream;
  stderr: OutStream;
  readStdin: () => Promise<Uint8Array>;
}

/**
 * The working folder, asked for only when a command needs it (--help and --version do not):
 * one deleted under the shell, or deeper than 4,096 bytes, is WORKDIR_UNAVAILABLE (exit 2).
 */
function workingFolder(): string {
  try {
    return process.cwd();
  } catch (err) {
    throw FatalError.of('WORKDIR_UNAVAILABLE', {
      params: { reason: (err as NodeJS.ErrnoException).code ?? String(err) },
    });
  }
}

export function processWorld(): World {
  return {
    argv: process.argv.slice(2),
    get cwd() {
      return workingFolder();
    },
    env: process.env,
    stdout: checkedStream(1),
    stderr: bestEffortStream(2),
    readStdin: async () => {
      // Read at most one byte past the limit, so an endless pipe cannot exhaust memory.
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of process.stdin) {
        chunks.push(chunk as Buffer);
        size += (chunk as Buffer).length;
        if (size > MAX_RETURN_BYTES) break;
      }
      return Buffer.concat(chunks).subarray(0, MAX_RETURN_BYTES + 1);
    },
  };
}
