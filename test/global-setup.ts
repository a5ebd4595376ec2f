// One temporary folder for the whole test run: every folder the tests make with the
// system's temporary folder (os.tmpdir()), and every one the commands and LibreOffice they
// start make there, lands inside it, and it is removed when the run ends. Without it each
// run left some hundreds of folders behind (15,000 and 11 GB on one machine).
import { spawnSync } from 'node:child_process';
import { chmodSync, lstatSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Set by the first setup in this process; the other project's setup then shares its folder. */
const RUN_TMP = 'BAOCAO_TEST_RUN_TMP';

/** Gives back the permissions a test took away from folders inside `dir` (a folder made unreadable). */
function reopen(dir: string): void {
  chmodSync(dir, 0o700);
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (lstatSync(p).isDirectory()) reopen(p);
  }
}

/** Removes a folder tree, whatever the tests left in it. */
function removeTree(dir: string): void {
  const attempts = [
    () => rmSync(dir, { recursive: true, force: true, maxRetries: 2 }),
    () => {
      reopen(dir);
      rmSync(dir, { recursive: true, force: true, maxRetries: 2 });
    },
    // A tree deeper than a path can name (a test of ENAMETOOLONG): POSIX rm walks it by handles.
    () => {
      const rm = spawnSync('rm', ['-rf', dir], { encoding: 'utf8' });
      if (rm.status !== 0) throw new Error(rm.stderr || rm.error?.message || `rm exited ${rm.status}`);
    },
  ];
  let failure: unknown;
  for (const attempt of attempts) {
    try {
      attempt();
      return;
    } catch (err) {
      failure = err;
    }
  }
  process.stderr.write(`test run folder not removed: ${dir} (${(failure as Error).message})\n`);
}

export default function setup(): () => void {
  if (process.env[RUN_TMP]) return () => {};
  const dir = mkdtempSync(path.join(tmpdir(), 'baocao-test-run-'));
  // One test runs the command as an unprivileged user (reliability.test.ts), who must reach folders made here.
  chmodSync(dir, 0o755);
  // TMPDIR on POSIX, TEMP and TMP on Windows: what os.tmpdir() reads, in the workers started after this.
  for (const key of [RUN_TMP, 'TMPDIR', 'TEMP', 'TMP']) process.env[key] = dir;
  return () => removeTree(dir);
}
