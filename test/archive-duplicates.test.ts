// Last period's archive holding one unit's return twice (the old one and the corrected one):
// said as this period's are (DUPLICATE_RETURN naming both files, a warning: the archive is the
// office's), and a figure the two give differently is used neither way — "Cùng kỳ" is not
// checked against it, and the forms leave it blank rather than pre-fill a guess.
import { mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
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
  - { code: "01", name: Xã Một }
  - { code: "02", name: Xã Hai }
indicators:
  - { code: HO_NGHEO, label: Số hộ nghèo, unit: hộ, kind: stock }
  - { code: DT_RUNG, label: Diện tích rừng, unit: ha, kind: stock, decimals: 2 }
`;
const HEAD = 'ma_don_vi;ky_bao_cao;ma_chi_tieu;ky_nay;cung_ky';

/** Unit 01's 2024 return twice: the corrected copy differs in HO_NGHEO only (41, then 44). */
function workspace(rows: string[]): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'baocao-archive-'));
  writeFileSync(path.join(dir, 'baocao.yaml'), DEFINITION);
  const archive = path.join(dir, 'nam-2024');
  mkdirSync(archive);
  writeFileSync(path.join(archive, '01.csv'), [HEAD, '01;2024;HO_NGHEO;41;', '01;2024;DT_RUNG;98,25;'].join('\n'));
  writeFileSync(
    path.join(archive, '01-sua-lai.csv'),
    [HEAD, '01;2024;HO_NGHEO;44;', '01;2024;DT_RUNG;98,25;'].join('\n'),
  );
  writeFileSync(path.join(archive, '02.csv'), [HEAD, '02;2024;HO_NGHEO;66;', '02;2024;DT_RUNG;77,50;'].join('\n'));
  utimesSync(path.join(archive, '01.csv'), new Date('2025-01-10T03:00:00Z'), new Date('2025-01-10T03:00:00Z'));
  utimesSync(path.join(archive, '01-sua-lai.csv'), new Date('2025-01-12T03:00:00Z'), new Date('2025-01-12T03:00:00Z'));
  mkdirSync(path.join(dir, 'returns'));
  writeFileSync(path.join(dir, 'returns', '2025.csv'), [HEAD, ...rows].join('\n'));
  return dir;
}

describe("last period's archive holding a unit's return twice", () => {
  it('is a DUPLICATE_RETURN naming both files; the figure given two ways is not checked, the one they agree on is', async () => {
    // 01's cùng kỳ says 44 (the corrected copy) for HO_NGHEO, and a wrong 90,00 for DT_RUNG.
    const dir = workspace([
      '01;2025;HO_NGHEO;40;44',
      '01;2025;DT_RUNG;99,00;90,00',
      '02;2025;HO_NGHEO;60;66',
      '02;2025;DT_RUNG;78,00;77,50',
    ]);
    const r = await runCli(['check', '--json', '--lang', 'vi'], { cwd: dir });
    const out = json(r);
    expect(out.warnings).toEqual([
      expect.objectContaining({
        code: 'DUPLICATE_RETURN',
        file: path.join('nam-2024', '01.csv'),
        unit: '01',
        message: expect.stringMatching(
          /01-sua-lai\.csv[\s\S]*khác ở 1 chỉ tiêu, như HO_NGHEO[\s\S]*Tệp nhận sau là nam-2024\/01-sua-lai\.csv[\s\S]*không được đối chiếu/,
        ),
      }),
    ]);
    // HO_NGHEO (41 or 44) is not compared; DT_RUNG, the same in both, still is.
    expect(out.errors.map((e: { code: string; indicator: string }) => [e.code, e.indicator])).toEqual([
      ['PREVIOUS_MISMATCH', 'DT_RUNG'],
    ]);
    expect(r.code).toBe(1);
  });

  it('forms leave the figure given two ways blank, pre-fill the rest, and say why', async () => {
    const dir = workspace([]);
    const r = await runCli(['forms', '--format', 'csv', '--json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(json(r).warnings.map((w: { code: string }) => w.code)).toEqual(['DUPLICATE_RETURN']);
    const form = readFileSync(path.join(dir, 'bieu-mau', '01 - Xã Một.csv'), 'utf8');
    expect(form).toContain('\r\n01,2025,HO_NGHEO,Số hộ nghèo,hộ,,,\r\n');
    expect(form).toContain('\r\n01,2025,DT_RUNG,Diện tích rừng,ha,,"98,25",\r\n');
    expect(readFileSync(path.join(dir, 'bieu-mau', '02 - Xã Hai.csv'), 'utf8')).toContain(
      '\r\n02,2025,HO_NGHEO,Số hộ nghèo,hộ,,66,\r\n',
    );
    // Without --json the warning is on stderr, the files on stdout.
    const text = await runCli(['forms', '--format', 'csv', '--force'], { cwd: dir });
    expect(text.code).toBe(0);
    expect(text.stderr).toContain('DUPLICATE_RETURN');
  });

  it('a row repeated in one archived file with another figure is said and not used', async () => {
    const dir = workspace(['02;2025;HO_NGHEO;60;66', '02;2025;DT_RUNG;78,00;1,00']);
    writeFileSync(
      path.join(dir, 'nam-2024', '02.csv'),
      [HEAD, '02;2024;HO_NGHEO;66;', '02;2024;DT_RUNG;77,50;', '02;2024;DT_RUNG;7,50;'].join('\n'),
    );
    const out = json(await runCli(['check', 'returns/2025.csv', '--only-listed', '--json'], { cwd: dir }));
    expect(
      out.warnings.map((w: { code: string; file: string; line: number }) => [w.code, w.file, w.line]),
    ).toContainEqual(['DUPLICATE_ROW', path.join('nam-2024', '02.csv'), 4]);
    expect(out.errors.filter((e: { code: string }) => e.code === 'PREVIOUS_MISMATCH')).toEqual([]);
  });
});
