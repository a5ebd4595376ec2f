// Between large returns, the garbage of the last one is collected at once. Each
// return's rows are dropped after it is checked, but V8 collects lazily: sixteen
// worst-case 16 MiB returns in a row reached 1.4 GB of mostly dead rows. A full
// collection after each large file holds a run's peak to its largest file's.
// (jest's leak detection reaches V8's gc() the same way.)

import { requireBuiltin } from '../node-builtin.js';

/** Returns below this size leave little garbage: 3,321 commune returns pay nothing. */
export const COLLECT_AFTER_BYTES = 4 * 1024 * 1024;

let gc: (() => void) | undefined;

/** node:v8 loads on first use: most runs never read a return this large. */
export async function collectGarbage(): Promise<void> {
  if (!gc) {
    const { setFlagsFromString } = requireBuiltin<typeof import('node:v8')>('node:v8');
    const { runInNewContext } = requireBuiltin<typeof import('node:vm')>('node:vm');
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
}
