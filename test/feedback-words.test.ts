// What a feedback workbook tells a commune: for every problem the check fixtures produce
// (one per code), the feedback speaks to the unit — never an option, a definition key, an
// environment variable or the office's folders — and the office's own problems (a scan in its
// folder, its archive of last period) are never sent to a unit.
import type { Problem } from '../src/messages/problem.js';
import { Workbook } from '@cj-tech-master/excelts';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OFFICE_ONLY, unitMessage } from '../src/feedback/unit-messages.js';
import type { ProblemCode } from '../src/messages/catalog.js';
import { FIXTURES, json, runCli } from './helpers.js';

const CHECK = path.join(FIXTURES, 'check');
/** What only the office can do or see. */
const OFFICE_WORDS = [
  /--[a-z]/,
  /\bbaocao\b/i,
  /\.yaml\b/,
  /\brevised\b/,
  /period\./,
  /BAOCAO_/,
  /thư mục báo cáo/i,
  /numberFormat/,
];

/** The text of every feedback workbook in `dir`: its problems' rows, without the code column. */
async function feedbackRows(dir: string): Promise<{ file: string; code: string; text: string }[]> {
  const out: { file: string; code: string; text: string }[] = [];
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    const wb = new Workbook();
    await wb.xlsx.load(readFileSync(path.join(dir, name)));
    const ws = wb.worksheets[0]!;
    ws.eachRow((row, n) => {
      if (n <= 3) return; // title, note, header
      const cells = (row.values as unknown[]).slice(1).map((v) => String(v ?? ''));
      out.push({ file: name, code: cells[8]!, text: cells.slice(0, 8).join(' | ') });
    });
  }
  return out;
}

describe('feedback, as a commune reads it', () => {
  it("names no option, key, variable or office folder, and carries none of the office's own problems, for every fixture case", async () => {
    const cases = readdirSync(CHECK).filter((d) => existsSync(path.join(CHECK, d, 'expect.json')));
    const codes = new Set<string>();
    let rows = 0;
    // A copy of the fixtures (definitions, last period's archives and all): the feedback folder is written beside each case's returns.
    const copy = mkdtempSync(path.join(tmpdir(), 'baocao-fb-'));
    cpSync(CHECK, copy, { recursive: true });
    for (const name of cases) {
      const spec = JSON.parse(readFileSync(path.join(CHECK, name, 'expect.json'), 'utf8')) as { args?: string[] };
      const r = await runCli(
        ['check', 'returns', '--config', '../baocao.yaml', '--feedback', 'phan-hoi', '--json', ...(spec.args ?? [])],
        { cwd: path.join(copy, name) },
      );
      expect([name, r.code === 0 || r.code === 1]).toEqual([name, true]);
      expect(json(r)).toBeDefined();
      for (const row of await feedbackRows(path.join(copy, name, 'phan-hoi'))) {
        rows++;
        codes.add(row.code);
        expect([name, row.code, OFFICE_ONLY.has(row.code as ProblemCode)]).toEqual([name, row.code, false]);
        for (const w of OFFICE_WORDS)
          expect([name, row.code, row.text], String(w)).toEqual([name, row.code, expect.not.stringMatching(w)]);
      }
    }
    // The cases reach the unit-facing texts: missing columns, unknown units, last period's figures, a missing unit.
    expect(rows).toBeGreaterThan(30);
    for (const code of ['MISSING_COLUMN', 'UNKNOWN_UNIT', 'PREVIOUS_MISMATCH', 'MISSING_UNIT', 'AMBIGUOUS_NUMBER'])
      expect([...codes]).toContain(code);
  });

  it("says each code whose office message names an option in the unit's own words", () => {
    const said = (code: ProblemCode, params: Record<string, string | number>) =>
      unitMessage({ code, severity: 'error', unit: '01', params } as Problem);
    expect(said('MISSING_UNIT', { unitName: 'Xã Hai' })).toBe(
      'Đơn vị chưa có số liệu. Đề nghị gửi báo cáo theo biểu mẫu.',
    );
    expect(
      said('PREVIOUS_MISMATCH', {
        value: '5',
        period: '2023-Q1',
        archived: '6',
        archive: '/văn phòng/kỳ trước/02.csv',
      }),
    ).not.toMatch(/văn phòng|revised/);
    expect(said('AMBIGUOUS_NUMBER', { value: '1,000', en: '1000', vi: '1', plain: '1000' })).not.toMatch(/--|baocao/);
  });
});
