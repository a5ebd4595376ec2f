// A province's figures as one return for the level above: two provinces' returns, read by a
// national definition, add up to exactly what all their units add up to.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { FIXTURES, json, runCli, SAMPLE } from './helpers.js';

type Def = {
  units: { code: string; group?: string }[];
  groups?: unknown;
  period: { previous?: unknown };
  returns?: string;
  [k: string]: unknown;
};

/**
 * A definition's copy in `dir`, with `units` only; its returns the rows of `returns` (CSV files)
 * that are those units' (bytes kept: any encoding, any delimiter); no groups, no last period.
 */
function workspace(dir: string, def: Def, units: Def['units'], returns: string[]): string {
  mkdirSync(path.join(dir, 'returns'), { recursive: true });
  const codes = new Set(units.map((u) => u.code));
  for (const f of returns) {
    const [header, ...rows] = readFileSync(f, 'latin1').split(/(?<=\n)/);
    const mine = rows.filter((r) => codes.has(/^[^,;\t]*/.exec(r)![0]!.replace(/"/g, '')));
    if (mine.length > 0) writeFileSync(path.join(dir, 'returns', path.basename(f)), header + mine.join(''), 'latin1');
  }
  const { groups: _, ...rest } = def;
  const copy = {
    ...rest,
    units: units.map(({ group: __, ...u }) => u),
    returns: 'returns',
    period: { ...def.period, previous: undefined },
  };
  for (const key of ['template', 'narrative', 'output', 'document']) delete (copy as Record<string, unknown>)[key];
  writeFileSync(path.join(dir, 'baocao.yaml'), stringify(JSON.parse(JSON.stringify(copy))));
  return dir;
}

const filesOf = (folder: string) => readdirSync(folder).map((f) => path.join(folder, f));

describe('aggregate --as-return', () => {
  it.each([
    ['the sample (counts, a ratio)', path.join(SAMPLE, 'baocao.yaml'), path.join(SAMPLE, 'returns')],
    [
      'the year-end fixture (decimals, stocks, plans)',
      path.join(FIXTURES, 'check', 'nam.yaml'),
      path.join(FIXTURES, 'check', 'year-ok', 'returns'),
    ],
  ])('makes two provinces of %s whose returns add up nationally to the exact sums', async (_, config, returns) => {
    const def = parse(readFileSync(config, 'utf8')) as Def;
    const all = json(await runCli(['aggregate', returns, '--config', config, '--json']));
    expect(all.ok).toBe(true);
    const root = mkdtempSync(path.join(tmpdir(), 'baocao-up-'));
    const half = Math.ceil(def.units.length / 2);
    const provinces = [def.units.slice(0, half), def.units.slice(half)].map((units, k) =>
      workspace(path.join(root, `p${k + 1}`), def, units, filesOf(returns)),
    );
    // One as CSV, one as a workbook.
    const sent = ['01.csv', '02.xlsx'];
    for (const [k, dir] of provinces.entries()) {
      const r = await runCli(
        ['aggregate', '--as-return', path.join(root, 'national-returns', sent[k]!), '--unit', `0${k + 1}`, '--json'],
        { cwd: dir },
      );
      expect(r.code, r.stdout).toBe(0);
      expect(json(r).return).toBe(path.join(root, 'national-returns', sent[k]!));
    }
    // A bound on one commune (no more than 100 km) is no bound on a province's sum: the national definition has its own rules.
    const rules = ((def.rules ?? []) as Record<string, unknown>[]).filter(
      (r) => typeof r.atMost !== 'number' && typeof r.atLeast !== 'number',
    );
    const national = workspace(
      path.join(root, 'national'),
      { ...def, rules },
      [
        { code: '01', name: 'Tỉnh Một' } as Def['units'][number],
        { code: '02', name: 'Tỉnh Hai' } as Def['units'][number],
      ],
      filesOf(path.join(root, 'national-returns')).filter((f) => f.endsWith('.csv')),
    );
    cpSync(path.join(root, 'national-returns', '02.xlsx'), path.join(national, 'returns', '02.xlsx'));
    const up = json(await runCli(['aggregate', '--json'], { cwd: national }));
    expect(up.ok, JSON.stringify(up.errors)).toBe(true);
    expect(up.warnings).toEqual([]);
    for (const code of Object.keys(all.indicators)) {
      const [a, b] = [all.indicators[code], up.indicators[code]];
      expect([b.current, b.previous, b.display], code).toEqual([a.current, a.previous, a.display]);
    }
  });

  it('writes none for a province with a unit missing (exit 1), and needs --unit and a .csv or .xlsx name (exit 2)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'baocao-up-'));
    const def = parse(readFileSync(path.join(SAMPLE, 'baocao.yaml'), 'utf8')) as Def;
    workspace(dir, def, def.units, filesOf(path.join(SAMPLE, 'returns')).slice(1));
    const short = await runCli(['aggregate', '--allow-missing', '--as-return', 'up.csv', '--unit', '02', '--json'], {
      cwd: dir,
    });
    expect(short.code).toBe(1);
    expect(json(short).errors).toEqual([
      expect.objectContaining({ code: 'AS_RETURN_INCOMPLETE', message: expect.stringContaining('Thành phố Hà Giang') }),
    ]);
    const noUnit = await runCli(['aggregate', '--allow-missing', '--as-return', 'up.csv', '--json'], { cwd: dir });
    expect([noUnit.code, json(noUnit).errors[0].code]).toEqual([2, 'AS_RETURN_NO_UNIT']);
    const wrong = await runCli(['aggregate', '--allow-missing', '--as-return', 'up.txt', '--unit', '02', '--json'], {
      cwd: dir,
    });
    expect([wrong.code, json(wrong).errors[0].code]).toEqual([2, 'AS_RETURN_FORMAT']);
    expect(readdirSync(dir).sort()).toEqual(['baocao.yaml', 'returns']);
  });
});
