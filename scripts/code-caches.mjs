// Writes dist/cache/<command>-<bundle hash>-<V8 version>.bin for one Node binary: each
// command's cache comes from a real run of it on the sample, in a scratch folder. Used
// by the build (for the Node that builds) and by the benchmark (for each Node it times).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export function writeCodeCaches(root, node = process.execPath) {
  mkdirSync(path.join(root, 'dist', 'cache'), { recursive: true });
  const scratch = mkdtempSync(path.join(tmpdir(), 'baocao-build-'));
  const sample = path.join(root, 'fixtures', 'ha-giang-2021-6t', 'baocao.yaml');
  const runs = {
    check: ['check', '--config', sample],
    aggregate: ['aggregate', '--json', '--config', sample],
    build: ['build', '--config', sample, '-o', path.join(scratch, 'bao-cao.docx')],
    init: ['init', path.join(scratch, 'init')],
    forms: ['forms', '--config', sample, '-o', path.join(scratch, 'forms')],
  };
  try {
    for (const [command, args] of Object.entries(runs)) {
      const r = spawnSync(node, [path.join(root, 'dist', 'launch.cjs'), ...args], {
        env: { ...process.env, BAOCAO_WRITE_CODE_CACHE: '1' },
        encoding: 'utf8',
      });
      // Without a cache the command is only slower, so an install goes on; test/launch.test.ts
      // fails when a cache is missing.
      if (r.status !== 0)
        console.warn(`warning: no code cache for "baocao ${command}" (it exited ${r.status}): ${r.stderr}`);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
