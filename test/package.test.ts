// What a user installs: the package's files (bin, dist, templates, schema) run on their own —
// every library is in the bundle, so none is a runtime dependency.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, sampleCopy } from './helpers.js';

describe('the package', () => {
  it('declares no runtime dependency, and its packed files build the sample report with no node_modules', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.dependencies ?? {}).toEqual({});
    const out = mkdtempSync(path.join(tmpdir(), 'baocao-pack-'));
    // --ignore-scripts: the bundle `npm test` built is packed as it is (prepare would rebuild it under the running tests).
    const packed = spawnSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', out], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(packed.status, packed.stderr).toBe(0);
    const tgz = readdirSync(out).find((f) => f.endsWith('.tgz'))!;
    expect(spawnSync('tar', ['xzf', tgz], { cwd: out }).status).toBe(0);
    const dir = sampleCopy();
    const r = spawnSync(process.execPath, [path.join(out, 'package', 'bin', 'baocao.cjs'), 'build', '-o', 'r.docx'], {
      cwd: dir,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '' },
    });
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(dir)).toContain('r.docx');
    expect(readdirSync(path.join(out, 'package'))).not.toContain('node_modules');
  });
});
