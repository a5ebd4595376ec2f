// The only place that decides on colour: on for a terminal, off for pipes and files
// or when NO_COLOR is set or TERM=dumb; FORCE_COLOR turns it on anyway.
import { Chalk, type ChalkInstance } from 'chalk';
import type { OutStream } from './output.js';

export function colorFor(stream: OutStream, env: Record<string, string | undefined>): ChalkInstance {
  const force = env.FORCE_COLOR;
  let level: 0 | 1 = stream.isTTY ? 1 : 0;
  if ((env.NO_COLOR !== undefined && env.NO_COLOR !== '') || env.TERM === 'dumb') level = 0;
  if (force !== undefined) level = force === '0' || force === 'false' ? 0 : 1;
  return new Chalk({ level });
}
