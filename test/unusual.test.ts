// Unusual values (validate/unusual.ts): a planted extra zero, lost zero or swapped pair of
// rows is flagged; figures as units report them stay quiet (the false-alarm rate is measured
// here, on generated data); small counts are never flagged; the unit's explanation turns the
// warning into a note; the figure before "Cùng kỳ" in last period's archive is heard.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { Workbook } from '@cj-tech-master/excelts';
import { parseDefinition } from '../src/definition/parse.js';
import { factsOf, type Problem } from '../src/messages/problem.js';
import { findUnusual, type UnitFigure } from '../src/validate/unusual.js';
import { random, realisticFigures, type RealisticIndicator } from '../scripts/realistic-figures.mjs';
import { FIXTURES, json, runCli } from './helpers.js';

// A year-end review's indicators: rare events to large counts, stocks, amounts with decimals.
const RATES = [
  0.05, 0.1, 0.2, 0.3, 0.5, 0.8, 1, 1.5, 2, 3, 4, 5, 7, 10, 15, 20, 30, 50, 80, 120, 200, 300, 500, 800, 1200, 2000,
  5000, 10000,
];
const INDICATORS: RealisticIndicator[] = [
  ...RATES.map((rate, i) => ({ code: `C${i}`, kind: 'count' as const, rate })),
  ...[3, 10, 40, 150, 600].map((rate, i) => ({ code: `S${i}`, kind: 'stock' as const, rate })),
  ...[2.5, 40, 900].map((rate, i) => ({ code: `D${i}`, kind: 'count' as const, rate, decimals: 2 })),
];
const UNITS = Array.from({ length: 100 }, (_, i) => String(i + 1).padStart(3, '0'));

function definition(
  units: readonly string[],
  indicators: readonly { code: string; kind: string; decimals?: number; extra?: string }[],
) {
  return parseDefinition(
    `period: { code: "2025", label: năm 2025, previousLabel: năm 2024, start: 2024-12-15, end: 2025-12-14 }
units:
${units.map((u) => `  - { code: "${u}", name: Xã ${u} }`).join('\n')}
indicators:
${indicators.map((i) => `  - { code: ${i.code}, label: Chỉ tiêu ${i.code}, unit: vụ, kind: ${i.kind}${i.decimals ? `, decimals: ${i.decimals}` : ''}${i.extra ?? ''} }`).join('\n')}
`,
    'nam.yaml',
    '/',
  );
}
const DEF = definition(UNITS, INDICATORS);

type Values = Map<string, Map<string, UnitFigure>>;
function values(figures: Record<string, Record<string, [number, number]>>): Values {
  return new Map(
    Object.entries(figures).map(([u, byIndicator]) => [
      u,
      new Map(
        Object.entries(byIndicator).map(([code, [c, p]]) => [
          code,
          { current: BigInt(c), previous: BigInt(p), file: `${u}.csv`, line: 2 },
        ]),
      ),
    ]),
  );
}
const flaggedKeys = (ps: readonly Problem[]) => new Set(ps.map((p) => `${p.unit}/${p.indicator}`));
/** A figure in its indicator's own unit (a count of 10^-decimals divided back). */
const inUnits = (ind: RealisticIndicator, v: bigint) => Number(v) / 10 ** (ind.decimals ?? 0);

describe('unusual values', () => {
  it('stay quiet on figures as units report them: at most 1 figure in 100 flagged (measured on 72,000)', () => {
    let flagged = 0;
    let figures = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const found = findUnusual(DEF, values(realisticFigures({ units: UNITS, indicators: INDICATORS, seed })));
      flagged += found.warnings.length;
      figures += UNITS.length * INDICATORS.length;
    }
    // 212 of 72,000 (0.29%) with these seeds, 3% of the figures drawn as having truly moved a lot.
    expect(figures).toBe(72_000);
    expect(flagged / figures).toBeLessThanOrEqual(0.01);
  });

  it('flags every planted extra zero (figures of 20 or more), lost zero (100 or more) and swapped pair of rows (100 or more, 5 times the other)', () => {
    const planted = { extra: 0, lost: 0, swap: 0 };
    let bothOfPair = 0;
    for (let seed = 100; seed < 140; seed++) {
      const rnd = random(seed);
      const data = values(realisticFigures({ units: UNITS, indicators: INDICATORS, seed }));
      const zeros: string[] = [];
      const pairs: [string, string][] = [];
      // One mistake per unit, 30 units a set: the other units still show how figures moved.
      const units = [...UNITS].sort(() => rnd() - 0.5).slice(0, 30);
      units.forEach((unit, n) => {
        const kind = (['extra', 'lost', 'swap'] as const)[n % 3]!;
        const row = data.get(unit)!;
        const big = INDICATORS.filter((i) => inUnits(i, row.get(i.code)!.current) >= (kind === 'extra' ? 20 : 100));
        if (big.length === 0) return;
        const ind = big[Math.floor(rnd() * big.length)]!;
        const v = row.get(ind.code)!;
        if (kind === 'swap') {
          const small = INDICATORS.filter(
            (i) => (i.decimals ?? 0) === (ind.decimals ?? 0) && row.get(i.code)!.current * 5n <= v.current,
          );
          if (small.length === 0) return;
          const other = small[Math.floor(rnd() * small.length)]!;
          const w = row.get(other.code)!;
          [v.current, w.current] = [w.current, v.current];
          pairs.push([`${unit}/${ind.code}`, `${unit}/${other.code}`]);
        } else {
          v.current = kind === 'extra' ? v.current * 10n : v.current / 10n;
          zeros.push(`${unit}/${ind.code}`);
        }
        planted[kind]++;
      });
      const flagged = flaggedKeys(findUnusual(DEF, data).warnings);
      expect(
        zeros.filter((k) => !flagged.has(k)),
        `seed ${seed}`,
      ).toEqual([]);
      // A pair is found when one of its rows is: the clerk who looks at the unit's figures sees both.
      expect(
        pairs.filter((pair) => !pair.some((k) => flagged.has(k))),
        `seed ${seed}`,
      ).toEqual([]);
      bothOfPair += pairs.filter((pair) => pair.every((k) => flagged.has(k))).length;
    }
    expect(planted).toEqual({ extra: 400, lost: 400, swap: 400 });
    // Both rows of a pair are flagged nearly always (399 of 400 here); one is missed when the smaller
    // figure's own row had fallen far already, so the larger one lands near its "Cùng kỳ".
    expect(bothOfPair).toBeGreaterThanOrEqual(390);
  });

  it('never flags a whole-number figure under 10 in both periods (0 → 3 cases of a rare event), whatever the others did', () => {
    const units = Array.from({ length: 12 }, (_, i) => `U${i}`);
    const def = definition(units, [{ code: 'R', kind: 'count' }]);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(50_000), fc.nat(50_000)), { minLength: 11, maxLength: 11 }),
        fc.nat(9),
        fc.nat(9),
        (others, c, p) => {
          const data = values(
            Object.fromEntries([...others.map((pair, i) => [`U${i + 1}`, { R: pair }]), ['U0', { R: [c, p] }]]),
          );
          expect(flaggedKeys(findUnusual(def, data).warnings).has('U0/R')).toBe(false);
        },
      ),
      { seed: 26, numRuns: 300 },
    );
  });

  it('says how far off from the exact figures, rounded half-up: 201 of 20 is "gấp 10,1 lần"', () => {
    const def = definition(
      ['A', 'B'],
      [
        { code: 'X', kind: 'count' },
        { code: 'Y', kind: 'count' },
      ],
    );
    const found = findUnusual(
      def,
      values({ A: { X: [201, 20], Y: [3, 61] }, B: { X: [20, 20], Y: [61, 60] } }),
    ).warnings;
    expect(found.map((p) => [p.unit, p.indicator, factsOf(p).how, factsOf(p).factor ?? factsOf(p).share])).toEqual([
      ['A', 'X', 'up', '10,1'],
      ['A', 'Y', 'down', '4,9'],
    ]);
    expect(found[0]).toMatchObject({
      code: 'UNUSUAL_VALUE',
      severity: 'warning',
      file: 'A.csv',
      line: 2,
      column: 'ky_nay',
    });
  });

  it("compares with the other units: a change 2.5 times theirs is flagged when they moved alike, and named with the units' median (the mean of the middle two: 4% and 5%)", () => {
    const units = Array.from({ length: 10 }, (_, i) => `U${i}`);
    const def = definition(units, [{ code: 'X', kind: 'count' }]);
    const figures = Object.fromEntries(units.map((u, i) => [u, { X: [1000 + 10 * i, 1000] as [number, number] }]));
    figures.U9 = { X: [2500, 1000] };
    const [p, ...rest] = findUnusual(def, values(figures)).warnings;
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ unit: 'U9', params: { how: 'up', factor: '2,5', othersDir: 'up', othersPct: '4,5' } });
    // Where the other units are spread as widely, the same change is nobody's mistake.
    const spread = Object.fromEntries(units.map((u, i) => [u, { X: [450 + 170 * i, 1000] as [number, number] }]));
    spread.U9 = { X: [2500, 1000] };
    expect(findUnusual(def, values(spread)).warnings).toEqual([]);
  });

  it('is quiet for an indicator marked unusual: false', () => {
    const def = definition(['A'], [{ code: 'X', kind: 'count', extra: ', unusual: false' }]);
    expect(findUnusual(def, values({ A: { X: [2000, 200] } })).warnings).toEqual([]);
  });
});

const CHECK_DEF = path.join(FIXTURES, 'check', 'baocao.yaml');

describe('explanations ("Giải trình")', () => {
  it("turn a figure's warning into a note, shown by check and carried whole by --json", async () => {
    const dir = path.join(FIXTURES, 'check', 'unusual-value');
    const r = await runCli(['check', 'returns', '--config', '../baocao.yaml', '--json'], { cwd: dir });
    expect(r.code).toBe(0);
    const out = json(r);
    expect(out.warnings.map((w: Problem) => `${w.unit}/${w.indicator}`)).toEqual(['01/VU', '02/KP']);
    expect(out.explained).toEqual([
      expect.objectContaining({
        code: 'UNUSUAL_VALUE',
        file: path.join('returns', 'a.csv'),
        line: 7,
        unit: '02',
        indicator: 'MH',
        explanation: 'Thành lập 52 mô hình mới theo Đề án của tỉnh',
        message: expect.stringContaining('gấp 7,5 lần cùng kỳ (8). Đơn vị giải trình: "Thành lập 52 mô hình mới'),
      }),
    ]);
    expect(out.explained[0]).not.toHaveProperty('severity');
    const text = await runCli(['check', 'returns', '--config', '../baocao.yaml'], { cwd: dir });
    expect(text.stderr).toContain('Số liệu bất thường đã có giải trình của đơn vị (1):');
    expect(text.stderr).toMatch(
      /returns[\\/]a\.csv dòng 7: UNUSUAL_VALUE \[02 · MH\] .*Đơn vị giải trình: "Thành lập 52 mô hình mới theo Đề án của tỉnh"/,
    );
    expect(text.stderr).toContain('0 lỗi, 2 cảnh báo');
    // --quiet prints errors only: neither the warnings nor the notes.
    expect((await runCli(['check', 'returns', '--config', '../baocao.yaml', '--quiet'], { cwd: dir })).stderr).toBe('');
  });

  it('are read from the form\'s own "Giải trình" column; the unexplained warning goes to the unit in --feedback', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'baocao-unusual-'));
    writeFileSync(path.join(dir, 'baocao.yaml'), readFileSync(CHECK_DEF, 'utf8'));
    expect((await runCli(['forms', '-o', 'bieu-mau'], { cwd: dir })).code).toBe(0);
    mkdirSync(path.join(dir, 'returns'));
    const filled: Record<string, Record<string, [number, number, string?]>> = {
      '01': { VU: [2082, 205], KP: [190, 181], MH: [12, 10] },
      '02': { VU: [31, 34], KP: [28, 29], MH: [60, 8, 'Thành lập 52 mô hình mới'] },
    };
    for (const name of readdirSync(path.join(dir, 'bieu-mau'))) {
      const wb = new Workbook();
      await wb.xlsx.load(readFileSync(path.join(dir, 'bieu-mau', name)));
      const unit = name.slice(0, 2);
      wb.worksheets[0]!.eachRow((row, n) => {
        const v = n > 3 ? filled[unit]![String(row.getCell(3).value)] : undefined;
        if (!v) return;
        row.getCell(6).value = v[0];
        row.getCell(7).value = v[1];
        if (v[2]) row.getCell(8).value = v[2];
      });
      writeFileSync(path.join(dir, 'returns', name), Buffer.from(await wb.xlsx.writeBuffer()));
    }
    const r = await runCli(['check', '--json', '--feedback', 'phan-hoi'], { cwd: dir });
    expect(r.code).toBe(0);
    const out = json(r);
    expect(out.warnings).toEqual([
      expect.objectContaining({ code: 'UNUSUAL_VALUE', unit: '01', indicator: 'VU', sheet: 'Biểu mẫu', cell: 'F4' }),
    ]);
    expect(out.explained).toEqual([
      expect.objectContaining({ unit: '02', indicator: 'MH', cell: 'F6', explanation: 'Thành lập 52 mô hình mới' }),
    ]);
    // The unit with the unexplained figure is told, with what to do; the one that explained is not written to.
    expect(out.feedback).toEqual([path.join('phan-hoi', 'Phản hồi - 01 - Phường Một.xlsx')]);
    const strings = strFromU8(unzipSync(readFileSync(path.join(dir, out.feedback[0])))['xl/sharedStrings.xml']!);
    expect(strings).toContain('gấp 10,2 lần cùng kỳ (205)');
    expect(strings).toContain('ghi giải thích vào cột &quot;Giải trình&quot;');
  });
});

describe('the figure before "Cùng kỳ" (last period\'s archive)', () => {
  function workspace(archived: string): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'baocao-unusual-archive-'));
    writeFileSync(
      path.join(dir, 'baocao.yaml'),
      readFileSync(CHECK_DEF, 'utf8').replace(
        /end: 2024-03-14 \}/,
        'end: 2024-03-14, previous: { code: 2023-Q1, returns: ky-truoc } }',
      ),
    );
    mkdirSync(path.join(dir, 'ky-truoc'));
    const head = 'ma_don_vi,ky_bao_cao,ma_chi_tieu,ky_nay,cung_ky';
    writeFileSync(
      path.join(dir, 'ky-truoc', 'a.csv'),
      [
        head,
        `01,2023-Q1,VU,205,${archived}`,
        '01,2023-Q1,KP,181,170',
        '01,2023-Q1,MH,10,9',
        '02,2023-Q1,VU,34,30',
        '02,2023-Q1,KP,29,25',
        '02,2023-Q1,MH,8,8',
      ].join('\n'),
    );
    mkdirSync(path.join(dir, 'returns'));
    writeFileSync(
      path.join(dir, 'returns', 'a.csv'),
      [
        head,
        '01,2024-Q1,VU,2082,205',
        '01,2024-Q1,KP,190,181',
        '01,2024-Q1,MH,12,10',
        '02,2024-Q1,VU,31,34',
        '02,2024-Q1,KP,28,29',
        '02,2024-Q1,MH,8,8',
      ].join('\n'),
    );
    return dir;
  }

  it('quiets a figure in line with it: last period was the odd one', async () => {
    const r = await runCli(['check', '--json'], { cwd: workspace('2050') });
    expect(r.code).toBe(0);
    expect(json(r).warnings).toEqual([]);
  });

  it('is named beside the figure when it too is far off', async () => {
    const r = await runCli(['check', '--json'], { cwd: workspace('198') });
    expect(json(r).warnings).toEqual([
      expect.objectContaining({
        code: 'UNUSUAL_VALUE',
        unit: '01',
        indicator: 'VU',
        message: expect.stringContaining('gấp 10,2 lần cùng kỳ (205); báo cáo kỳ 2023-Q1 ghi cùng kỳ của kỳ đó là 198'),
      }),
    ]);
  });
});
