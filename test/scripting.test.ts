// Conveniences for scripts: checking one unit's file alone, the definition from the
// environment, no colour on a dumb terminal, shell completion.
import { spawnSync } from 'node:child_process';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, json, runCli } from './helpers.js';

const CHECK_DEF = path.join(FIXTURES, 'check', 'baocao.yaml');
const ONE_UNIT = path.join(FIXTURES, 'check', 'missing-unit', 'returns', 'a.csv');

describe('scripting conveniences', () => {
  it('check --only-listed checks the units in the given files and calls no other unit missing', async () => {
    const all = await runCli(['check', ONE_UNIT, '--config', CHECK_DEF, '--json']);
    expect(all.code).toBe(1);
    expect(json(all).errors.map((e: { code: string }) => e.code)).toEqual(['MISSING_UNIT']);
    const listed = await runCli(['check', ONE_UNIT, '--config', CHECK_DEF, '--only-listed', '--json']);
    expect(listed.code).toBe(0);
    expect(json(listed)).toMatchObject({ ok: true, counts: { errors: 0, warnings: 0 } });
    // A broken value in that file is still an error.
    const dir = mkdtempSync(path.join(tmpdir(), 'baocao-listed-'));
    writeFileSync(
      path.join(dir, 'a.csv'),
      'ma_don_vi,ky_bao_cao,ma_chi_tieu,ky_nay,cung_ky\r\n01,2024-Q1,VU,x,1\r\n01,2024-Q1,KP,1,1\r\n01,2024-Q1,MH,1,1\r\n',
    );
    const broken = await runCli(['check', path.join(dir, 'a.csv'), '--config', CHECK_DEF, '--only-listed', '--json']);
    expect(json(broken).errors.map((e: { code: string }) => e.code)).toEqual(['NOT_A_NUMBER']);
  });

  it('takes the definition from BAOCAO_CONFIG when --config is absent, and --config over it', async () => {
    const r = await runCli(['check', path.join(FIXTURES, 'check', 'ok', 'returns'), '--json'], {
      env: { BAOCAO_CONFIG: CHECK_DEF },
    });
    expect(r.code).toBe(0);
    const over = await runCli(['check', '--config', 'khong-co.yaml', '--json'], { env: { BAOCAO_CONFIG: CHECK_DEF } });
    expect(json(over).errors[0]).toMatchObject({ code: 'CONFIG_NOT_FOUND', file: 'khong-co.yaml' });
  });

  it('prints no colour on a dumb terminal', async () => {
    const args = ['check', path.join(FIXTURES, 'check', 'many-problems', 'returns'), '--config', CHECK_DEF];
    expect((await runCli(args, { tty: true, env: { TERM: 'xterm' } })).stderr).toMatch(/\u001b\[/);
    expect((await runCli(args, { tty: true, env: { TERM: 'dumb' } })).stderr).not.toMatch(/\u001b\[/);
  });

  it('completes commands, options and option values in bash', async () => {
    const script = (await runCli(['completion', 'bash'])).stdout;
    const complete = (words: string[]) => {
      const r = spawnSync(
        'bash',
        [
          '-c',
          `${script}\nCOMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _baocao; echo "\${COMPREPLY[*]}"`,
        ],
        { encoding: 'utf8' },
      );
      expect(r.stderr).toBe('');
      return r.stdout.trim().split(/\s+/);
    };
    expect(complete(['baocao', 'ag'])).toEqual(['aggregate']);
    expect(complete(['baocao', 'build', '--te'])).toEqual(['--template']);
    expect(complete(['baocao', 'check', '--number-format', ''])).toEqual(['vi', 'en']);
    expect(complete(['baocao', 'check', '--only'])).toEqual(['--only-listed']);
    const zsh = (await runCli(['completion', 'zsh'])).stdout;
    expect(zsh).toContain('bashcompinit');
    expect(spawnSync('bash', ['-n'], { input: zsh }).status).toBe(0);
    expect((await runCli(['completion', 'fish'])).code).toBe(2);
  });
});
