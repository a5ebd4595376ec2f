// The only writer: a file appears whole or not at all. Data goes to a temporary
// file beside the target, is flushed, then renamed over it; any failure leaves the
// earlier file untouched and removes the temporary one.
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

// The name only has to differ from other writes' (opened with 'wx', a clash fails rather
// than overwrites); Math.random spares every command loading node:crypto (5 ms).
const random8 = () => Math.floor(Math.random() * 0x1_0000_0000).toString(16).padStart(8, '0');
const tempName = (target: string, pid: number) => `.${path.basename(target)}.${pid}.${random8()}.tmp`;

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
  const prefix = `.${path.basename(target)}.`;
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const m = /^(\d+)\.[0-9a-f]{8}\.tmp$/.exec(name.slice(prefix.length));
    if (m && Number(m[1]) !== process.pid && !isRunning(Number(m[1]))) await fs.rm(path.join(dir, name), { force: true });
  }
}

export async function writeFileAtomic(target: string, data: Uint8Array, shown = target): Promise<void> {
  const dir = path.dirname(target);
  const tmp = path.join(dir, tempName(target, process.pid));
  try {
    await fs.mkdir(dir, { recursive: true });
    await removeStaleTemps(target);
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
