// The only writer: a file appears whole or not at all. Data goes to a temporary
// file beside the target, is flushed, then renamed over it; any failure leaves the
// earlier file untouched and removes the temporary one.
import { randomBytes } from 'node:crypto';
import { promises as fs, rmSync } from 'node:fs';
import path from 'node:path';
import { FatalError } from '../messages/problem.js';

/** Temporary files being written, removed if the process is interrupted. */
const pending = new Set<string>();

/** Removes unfinished temporary files; called on SIGINT/SIGTERM by the process entry. */
export function removePendingWrites(): void {
  for (const tmp of pending) rmSync(tmp, { force: true });
  pending.clear();
}

export async function writeFileAtomic(target: string, data: Uint8Array, shown = target): Promise<void> {
  const dir = path.dirname(target);
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await fs.mkdir(dir, { recursive: true });
    pending.add(tmp);
    const handle = await fs.open(tmp, 'wx');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(tmp, target);
  } catch (err) {
    await fs.rm(tmp, { force: true }).catch(() => {});
    const code = (err as NodeJS.ErrnoException).code ?? String(err);
    throw FatalError.of('OUTPUT_FAILED', { params: { path: shown, reason: code } });
  } finally {
    pending.delete(tmp);
  }
}
