// Periods from the calendar (definition/period.ts): `period: { year, kind }` gives the code,
// the labels and the dates Decree 09/2019/NĐ-CP sets (figures close on the 14th); what the
// definition gives itself overrides; a preset half given, or a part it does not use, is named.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDefinition } from '../src/definition/parse.js';
import { presetPeriod, PERIOD_KINDS } from '../src/definition/period.js';
import { factsOf, FatalError } from '../src/messages/problem.js';
import { json, runCli, spawnCli } from './helpers.js';

const REST = `units: [{ code: "01", name: Xã Một }]
indicators: [{ code: X, label: Số vụ, unit: vụ, kind: count }]
`;
const periodOf = (period: string) => parseDefinition(`period: ${period}\n${REST}`, 'baocao.yaml', '/').period;
function problemsOf(period: string): { path: unknown; detail: unknown; line: unknown }[] {
  try {
    parseDefinition(`# kỳ\nperiod: ${period}\n${REST}`, 'baocao.yaml', '/');
  } catch (err) {
    if (err instanceof FatalError)
      return err.problems.map((p) => ({ path: factsOf(p).path, detail: factsOf(p).detail, line: p.line }));
    throw err;
  }
  return [];
}

describe('periods from the calendar', () => {
  it('give the dates, codes and labels Decree 09/2019 sets', () => {
    expect(periodOf('{ year: 2025, kind: 6T }')).toEqual({
      code: '2025-6T',
      label: '6 tháng đầu năm 2025',
      previousLabel: 'cùng kỳ năm 2024',
      start: '2024-12-15',
      end: '2025-06-14',
    });
    expect(periodOf('{ year: 2025, kind: quarter, quarter: 3 }')).toEqual({
      code: '2025-Q3',
      label: 'quý III năm 2025',
      previousLabel: 'cùng kỳ năm 2024',
      start: '2025-06-15',
      end: '2025-09-14',
    });
    expect(periodOf('{ year: 2025, kind: month, month: 1 }')).toEqual({
      code: '2025-01',
      label: 'tháng 1 năm 2025',
      previousLabel: 'cùng kỳ năm 2024',
      start: '2024-12-15',
      end: '2025-01-14',
    });
    expect(periodOf('{ year: 2025, kind: 9T }')).toEqual({
      code: '2025-9T',
      label: '9 tháng đầu năm 2025',
      previousLabel: 'cùng kỳ năm 2024',
      start: '2024-12-15',
      end: '2025-09-14',
    });
    expect(periodOf('{ year: 2025, kind: year }')).toEqual({
      code: '2025',
      label: 'năm 2025',
      previousLabel: 'năm 2024',
      start: '2024-12-15',
      end: '2025-12-14',
    });
    // The sample's period, typed by hand, is the preset's.
    expect(periodOf('{ year: 2021, kind: 6T }')).toEqual({
      code: '2021-6T',
      label: '6 tháng đầu năm 2021',
      previousLabel: 'cùng kỳ năm 2020',
      start: '2020-12-15',
      end: '2021-06-14',
    });
  });

  it('tile the year with months and with quarters, every year from 2000 to 2100 (leap years included)', () => {
    const dayAfter = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    for (let year = 2000; year <= 2100; year++) {
      const whole = presetPeriod({ year, kind: 'year' });
      for (const [kind, parts] of [
        ['month', 12],
        ['quarter', 4],
      ] as const) {
        const periods = Array.from({ length: parts }, (_, i) => presetPeriod({ year, kind, [kind]: i + 1 }));
        expect(periods[0]!.start, `${year} ${kind}`).toBe(whole.start);
        expect(periods.at(-1)!.end, `${year} ${kind}`).toBe(whole.end);
        for (let i = 1; i < parts; i++)
          expect(periods[i]!.start, `${year} ${kind} ${i + 1}`).toBe(dayAfter(periods[i - 1]!.end));
      }
      for (const kind of ['6T', '9T'] as const) expect(presetPeriod({ year, kind }).start).toBe(whole.start);
    }
    expect(PERIOD_KINDS).toEqual(['month', 'quarter', '6T', '9T', 'year']);
  });

  it('are the same in every time zone (the installed command)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'baocao-period-'));
    writeFileSync(path.join(dir, 'baocao.yaml'), `period: { year: 2025, kind: quarter, quarter: 1 }\n${REST}`);
    mkdirSync(path.join(dir, 'returns'));
    writeFileSync(
      path.join(dir, 'returns', 'a.csv'),
      'ma_don_vi,ky_bao_cao,ma_chi_tieu,ky_nay,cung_ky\n01,2025-Q1,X,5,4\n',
    );
    const periods = ['Asia/Ho_Chi_Minh', 'America/Havana', 'Pacific/Kiritimati', 'Pacific/Pago_Pago'].map((TZ) => {
      const r = spawnCli(['aggregate', '--json'], { cwd: dir, env: { TZ } });
      expect(r.code, r.stderr).toBe(0);
      return JSON.parse(r.stdout).period;
    });
    for (const p of periods)
      expect(p).toEqual({
        code: '2025-Q1',
        label: 'quý I năm 2025',
        previousLabel: 'cùng kỳ năm 2024',
        start: '2024-12-15',
        end: '2025-03-14',
      });
  });

  it('give way to what the definition says itself', () => {
    expect(periodOf('{ year: 2025, kind: 6T, label: sáu tháng đầu năm 2025, code: 2025-H1 }')).toEqual({
      code: '2025-H1',
      label: 'sáu tháng đầu năm 2025',
      previousLabel: 'cùng kỳ năm 2024',
      start: '2024-12-15',
      end: '2025-06-14',
    });
  });

  it("name last period's code for its archive: the same period a year before", async () => {
    expect(periodOf('{ year: 2025, kind: quarter, quarter: 2, previous: { returns: ky-truoc } }').previous).toEqual({
      code: '2024-Q2',
      returns: 'ky-truoc',
      revised: false,
    });
    expect(periodOf('{ year: 2025, kind: year, previous: { code: N2024, returns: ky-truoc } }').previous?.code).toBe(
      'N2024',
    );
    // The forms pre-fill "Cùng kỳ" from the archive found under that code.
    const dir = mkdtempSync(path.join(tmpdir(), 'baocao-period-'));
    writeFileSync(
      path.join(dir, 'baocao.yaml'),
      `period: { year: 2025, kind: 6T, previous: { returns: ky-truoc } }\n${REST}`,
    );
    mkdirSync(path.join(dir, 'ky-truoc'));
    writeFileSync(
      path.join(dir, 'ky-truoc', 'a.csv'),
      'ma_don_vi,ky_bao_cao,ma_chi_tieu,ky_nay,cung_ky\n01,2024-6T,X,17,15\n',
    );
    const forms = await runCli(['forms', '--format', 'csv', '--json'], { cwd: dir });
    expect(json(forms).warnings).toEqual([]);
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(path.join(dir, 'bieu-mau', '01 - Xã Một.csv'), 'utf8')).toContain(
      '\r\n01,2025-6T,X,Số vụ,vụ,,17,\r\n',
    );
  });

  it('name what is missing or out of place, on its line', () => {
    expect(problemsOf('{ year: 2025 }')).toEqual([
      { path: 'period.kind', detail: expect.stringContaining('ghi cả year và kind'), line: 2 },
    ]);
    expect(problemsOf('{ year: 2025, kind: month }')).toEqual([
      { path: 'period.month', detail: expect.stringContaining('cần ghi tháng'), line: 2 },
    ]);
    expect(problemsOf('{ year: 2025, kind: quarter }')).toEqual([
      { path: 'period.quarter', detail: expect.stringContaining('cần ghi quý'), line: 2 },
    ]);
    expect(problemsOf('{ year: 2025, kind: 6T, quarter: 2 }')).toEqual([
      { path: 'period.quarter', detail: expect.stringContaining('quarter chỉ dùng với kind: quarter'), line: 2 },
    ]);
    expect(problemsOf('{ year: 2025, kind: half }').map((p) => p.path)).toEqual(['period.kind']);
    expect(problemsOf('{ code: "2025", label: năm 2025, start: 2024-12-15, end: 2025-12-14 }')).toEqual([
      { path: 'period.previousLabel', detail: expect.stringContaining('hoặc ghi year và kind'), line: 2 },
    ]);
    expect(
      problemsOf(
        '{ code: "2025", label: năm 2025, previousLabel: năm 2024, start: 2024-12-15, end: 2025-12-14, previous: { returns: x } }',
      ),
    ).toEqual([{ path: 'period.previous.code', detail: expect.stringContaining('thiếu mã kỳ trước'), line: 2 }]);
  });
});
