// The figures as a workbook: opened by LibreOffice Calc, every number is the one --json gives.
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { calc, FIXTURES, json, runCli, SAMPLE, sampleCopy } from './helpers.js';

/** Every sheet as CSV, values unformatted (Calc's "as shown" off), by sheet name. */
function sheets(xlsx: string): Map<string, string[][]> {
  const out = mkdtempSync(path.join(tmpdir(), 'baocao-wb-'));
  calc([xlsx], 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', out);
  const stem = path.basename(xlsx, '.xlsx');
  return new Map(
    readdirSync(out).map((f) => [
      f.slice(stem.length + 1, -4),
      parse(readFileSync(path.join(out, f), 'utf8')) as string[][],
    ]),
  );
}

/** A cell as Calc wrote it, as a number (a percentage cell as the percent it shows). */
const cellNumber = (s: string | undefined) =>
  s === undefined || s === '' ? null : s.endsWith('%') ? Number(s.slice(0, -1)) : Number(s);
const close = (a: number | null, b: number | null) =>
  a === null || b === null ? a === b : Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

describe('aggregate --xlsx', () => {
  it('writes the province table and the figures by unit and by group, the numbers of --json', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'baocao-wb-'));
    const cases = [
      { config: path.join(SAMPLE, 'baocao.yaml'), inputs: [] as string[] },
      {
        config: path.join(FIXTURES, 'check', 'nam.yaml'),
        inputs: [path.join(FIXTURES, 'check', 'year-ok', 'returns')],
      },
    ];
    for (const [k, c] of cases.entries()) {
      const file = path.join(dir, `tong-hop-${k}.xlsx`);
      const r = await runCli(['aggregate', ...c.inputs, '--config', c.config, '--json', '--xlsx', file]);
      expect(r.code).toBe(0);
      const figures = json(r);
      expect(figures.workbook).toBe(file);
      const wb = sheets(file);
      const total = wb.get('Tổng hợp')!;
      const rows = total.slice(3);
      const codes = Object.keys(figures.indicators);
      expect(rows.map((row) => row[0])).toEqual(codes);
      for (const row of rows) {
        const f = figures.indicators[row[0]!];
        expect([row[1], row[2]]).toEqual([f.label, f.unit]);
        for (const [i, key] of [
          [3, 'current'],
          [4, 'previous'],
          [5, 'change'],
          [7, 'plan'],
        ] as const)
          expect(close(cellNumber(row[i]), f[key] ?? null), `${row[0]} ${key}: ${row[i]} vs ${f[key]}`).toBe(true);
        if (f.kind !== 'ratio') expect(close(cellNumber(row[6]), f.changePct), `${row[0]} changePct`).toBe(true);
      }
      // One row per unit and indicator, in the roster's order; a unit's figures are its own.
      const byUnit = wb.get('Theo đơn vị')!.slice(3);
      const grouped = figures.groups.length > 0;
      expect(byUnit.length).toBe(figures.units.expected.length * codes.length);
      for (const row of byUnit) {
        const [unit, , sent, code, , , current, previous, change, plan] = grouped ? row.slice(1) : row;
        const f = figures.byUnit[unit!]?.[code!];
        expect(sent).toBe(f ? 'có' : 'chưa');
        for (const [cell, key] of [
          [current, 'current'],
          [previous, 'previous'],
          [change, 'change'],
          [plan, 'plan'],
        ] as const)
          expect(close(cellNumber(cell), f?.[key] ?? null), `${unit} ${code} ${key}`).toBe(true);
      }
      expect(wb.has('Theo nhóm')).toBe(grouped);
      if (grouped) {
        const byGroup = wb.get('Theo nhóm')!.slice(3);
        expect(byGroup.length).toBe(figures.groups.length * codes.length);
        for (const [group, , code, , , current, previous] of byGroup) {
          const f = figures.byGroup[group!][code!];
          expect(
            close(cellNumber(current), f.current) && close(cellNumber(previous), f.previous),
            `${group} ${code}`,
          ).toBe(true);
        }
      }
    }
  });

  it('refuses another extension and a file inside the returns folder, writing nothing', async () => {
    const csv = await runCli([
      'aggregate',
      '--config',
      path.join(SAMPLE, 'baocao.yaml'),
      '--json',
      '--xlsx',
      'tong-hop.csv',
    ]);
    expect(csv.code).toBe(2);
    expect(json(csv).errors).toEqual([expect.objectContaining({ code: 'OUTPUT_NOT_XLSX' })]);
    const into = path.join(SAMPLE, 'returns', 'tong-hop.xlsx');
    const inside = await runCli(['aggregate', '--config', path.join(SAMPLE, 'baocao.yaml'), '--json', '--xlsx', into]);
    expect(inside.code).toBe(2);
    expect(json(inside).errors).toEqual([expect.objectContaining({ code: 'OUTPUT_IS_INPUT' })]);
    expect(readdirSync(path.join(SAMPLE, 'returns')).filter((f) => f.startsWith('tong-hop'))).toEqual([]);
    // build: refused before anything is read or written, the report included.
    const dir = sampleCopy();
    const build = await runCli(['build', '--xlsx', path.join('returns', 'tong-hop.xlsx'), '--json'], { cwd: dir });
    expect(build.code).toBe(2);
    expect(json(build).errors).toEqual([expect.objectContaining({ code: 'OUTPUT_IS_INPUT' })]);
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
    const written = await runCli(['build', '--xlsx', 'tong-hop.xlsx', '--json'], { cwd: dir });
    expect(json(written)).toMatchObject({
      ok: true,
      output: path.join('out', 'bao-cao.docx'),
      workbook: 'tong-hop.xlsx',
    });
    expect(existsSync(path.join(dir, 'tong-hop.xlsx'))).toBe(true);
  });
});
