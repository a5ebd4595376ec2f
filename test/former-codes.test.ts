// Communes merged into one (the 2025 reform): a unit lists its former codes, and last period's
// returns under them are its own, summed, for the check on "Cùng kỳ" and the forms' pre-fill.
import { Workbook } from '@cj-tech-master/excelts';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { json, runCli } from './helpers.js';

const DEFINITION = `period:
  code: "2025"
  label: năm 2025
  previousLabel: năm 2024
  start: 2025-01-01
  end: 2025-12-31
  previous: { code: "2024", returns: nam-2024 }
units:
  - { code: "10", name: Xã Mới, formerCodes: ["01", "02"] }
  - { code: "03", name: Xã Ba }
indicators:
  - { code: HO_NGHEO, label: Số hộ nghèo, unit: hộ, kind: stock }
  - { code: DT_RUNG, label: Diện tích rừng, unit: ha, kind: stock, decimals: 2 }
`;

/** A workspace: the definition, last year's returns under the old codes, this year's `rows`. */
function workspace(rows: string[], definition = DEFINITION): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'baocao-former-'));
  writeFileSync(path.join(dir, 'baocao.yaml'), definition);
  mkdirSync(path.join(dir, 'nam-2024'));
  writeFileSync(
    path.join(dir, 'nam-2024', '2024.csv'),
    [
      'ma_don_vi;ky_bao_cao;ma_chi_tieu;ky_nay;cung_ky',
      '01;2024;HO_NGHEO;41;',
      '01;2024;DT_RUNG;98,25;',
      '2;2024;HO_NGHEO;66;',
      '02;2024;DT_RUNG;77,50;',
      '03;2024;HO_NGHEO;12;',
      '03;2024;DT_RUNG;5,00;',
    ].join('\n'),
  );
  mkdirSync(path.join(dir, 'returns'));
  writeFileSync(
    path.join(dir, 'returns', '2025.csv'),
    ['ma_don_vi;ky_bao_cao;ma_chi_tieu;ky_nay;cung_ky', ...rows].join('\n'),
  );
  return dir;
}

describe('former codes', () => {
  it("sum the merged communes' last period into the unit's cùng kỳ: right figures pass, a wrong one names both parts", async () => {
    const right = workspace([
      '10;2025;HO_NGHEO;100;107',
      '10;2025;DT_RUNG;180,00;175,75',
      '03;2025;HO_NGHEO;10;12',
      '03;2025;DT_RUNG;5,00;5,00',
    ]);
    const ok = await runCli(['check', '--json'], { cwd: right });
    expect(json(ok).errors).toEqual([]);
    expect(json(ok).warnings).toEqual([]);
    expect(ok.code).toBe(0);

    const wrong = workspace([
      '10;2025;HO_NGHEO;100;41',
      '10;2025;DT_RUNG;180,00;175,75',
      '03;2025;HO_NGHEO;10;12',
      '03;2025;DT_RUNG;5,00;5,00',
    ]);
    const r = await runCli(['check', '--json'], { cwd: wrong });
    expect(r.code).toBe(1);
    expect(json(r).errors).toEqual([
      expect.objectContaining({
        code: 'PREVIOUS_MISMATCH',
        unit: '10',
        indicator: 'HO_NGHEO',
        message: expect.stringContaining('ghi 01: 41 + 2: 66'),
      }),
    ]);
  });

  it('pre-fill the forms with the sum', async () => {
    const dir = workspace([]);
    expect((await runCli(['forms', '-q'], { cwd: dir })).code).toBe(0);
    const name = readdirSync(path.join(dir, 'bieu-mau')).find((n) => n.startsWith('10 '))!;
    const wb = new Workbook();
    await wb.xlsx.load(readFileSync(path.join(dir, 'bieu-mau', name)));
    const values: unknown[] = [];
    wb.worksheets[0]!.eachRow((row, n) => n > 3 && values.push([row.getCell(3).value, row.getCell(7).value]));
    expect(values).toEqual([
      ['HO_NGHEO', 107],
      ['DT_RUNG', 175.75],
    ]);
  });

  it("may be no other unit's code, nor merge into two units", async () => {
    const taken = DEFINITION.replace('formerCodes: ["01", "02"]', 'formerCodes: ["01", "03"]');
    const r = await runCli(['check', '--json'], { cwd: workspace([], taken) });
    expect(r.code).toBe(2);
    expect(json(r).errors).toEqual([
      expect.objectContaining({
        code: 'CONFIG_INVALID',
        message: expect.stringContaining('mã đơn vị cũ "03" đã là units[1].code'),
      }),
    ]);
    const twice = DEFINITION.replace('{ code: "03", name: Xã Ba }', '{ code: "03", name: Xã Ba, formerCodes: ["02"] }');
    const t = await runCli(['check', '--json'], { cwd: workspace([], twice) });
    expect(json(t).errors).toEqual([
      expect.objectContaining({
        code: 'CONFIG_INVALID',
        message: expect.stringContaining('"02" đã là units[0].formerCodes'),
      }),
    ]);
  });
});
