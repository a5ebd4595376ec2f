// The bundled sample reproduces the published account of the Hà Giang conference (13/8/2021).
import { describe, expect, it } from 'vitest';
import { json, runCli, SAMPLE } from './helpers.js';
import path from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';

const CONFIG = path.join(SAMPLE, 'baocao.yaml');

describe('Hà Giang, 6 tháng đầu năm 2021', () => {
  it('aggregates to the published province figures', async () => {
    const r = await runCli(['aggregate', '--config', CONFIG, '--json']);
    expect(r.code).toBe(0);
    const out = json(r);
    const ind = out.indicators;
    expect(out.period).toMatchObject({ code: '2021-6T', start: '2020-12-15', end: '2021-06-14' });
    expect(out.units.expected).toEqual(['024', '026', '027', '028', '029', '030', '031', '032', '033', '034', '035']);
    expect(out.units.missing).toEqual([]);
    // "Giảm 10,9% số vụ phạm tội về trật tự xã hội so với cùng kỳ 2020"
    expect(ind.TTXH_VU.display.changePct).toBe('-10,9%');
    expect(ind.TTXH_VU.changePct).toBeCloseTo(-10.87, 2);
    expect(ind.TTXH_VU.status).toBe('exceeded');
    // "tỷ lệ điều tra, khám phá ... đạt 97,6%" — from the summed counts, not an average of districts
    expect(ind.TL_KP.current).toBeCloseTo((ind.TTXH_KP.current / ind.TTXH_VU.current) * 100, 10);
    expect(ind.TL_KP.display.current).toBe('97,6%');
    expect(ind.TL_KP.status).toBe('exceeded');
    // "Không để phát sinh điểm nóng"
    expect(ind.DIEM_NONG).toMatchObject({ current: 0, status: 'met' });
    // "12 người, 18 người, 21 người"
    expect([ind.CN_GD.current, ind.CN_BB.current, ind.GD_XP.current]).toEqual([12, 18, 21]);
    // "527 mô hình tự quản về ANTT, 2.082 tổ tự quản"
    expect(ind.MH_TQ).toMatchObject({ current: 527, kind: 'stock' });
    expect(ind.TO_TQ.display.current).toBe('2.082');
  });

  it('province totals equal the sum of the districts', async () => {
    const out = json(await runCli(['aggregate', '--config', CONFIG, '--json']));
    for (const code of Object.keys(out.indicators)) {
      if (out.indicators[code].kind === 'ratio') continue;
      const sum = Object.values(out.byUnit).reduce((s: number, u: any) => s + u[code].current, 0);
      expect(out.indicators[code].current).toBe(sum);
    }
  });

  it('says, for an empty returns folder, that there is no return file, counting the units by their own noun', async () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'baocao-empty-'));
    const r = await runCli(['check', '--config', CONFIG, empty]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/\d+ lỗi, 1 cảnh báo \(không có tệp báo cáo nào, 0\/11 huyện, thành phố\)\./);
    expect(r.stderr).toContain('Thư mục không có tệp báo cáo nào (.xlsx, .csv).');
  });

  it('prints a readable table for people', async () => {
    const r = await runCli(['aggregate', '--config', CONFIG]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('6 tháng đầu năm 2021 (2021-6T), so với cùng kỳ năm 2020; 11/11 huyện, thành phố');
    expect(r.stdout).toMatch(/TTXH_VU .*123 +138 +▼ -15 \(-10,9%\) +≤ -5% +vượt/);
    expect(r.stdout).toMatch(/TL_KP .*97,6% .*≥ 75% +vượt/);
    expect(r.stdout).toMatch(/TO_TQ .*2\.082 +2\.051/);
    expect(r.stdout).not.toMatch(/\u001b\[/);
  });
});
