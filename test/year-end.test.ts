// A year-end report end to end: decimals, the plan, groups with subtotals in the
// appendix and the table, last year's returns as the check on "Cùng kỳ" (and the
// forms pre-filled from them), the target judged on the printed figure.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Workbook } from '@cj-tech-master/excelts';
import { describe, expect, it } from 'vitest';
import { targetStatus } from '../src/aggregate/aggregate.js';
import { integer, rational } from '../src/numbers/rational.js';
import { docxParts, paragraphsText } from './docx-helpers.js';
import { FIXTURES, json, runCli, SAMPLE } from './helpers.js';

const CHECK = path.join(FIXTURES, 'check');
const NAM = path.join(CHECK, 'nam.yaml');

/** The year-end fixture as a working folder with a document frame, so it can be built. */
function yearFolder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'baocao-nam-'));
  cpSync(path.join(CHECK, 'nam-2023'), path.join(dir, 'nam-2023'), { recursive: true });
  cpSync(path.join(CHECK, 'year-ok', 'returns'), path.join(dir, 'returns'), { recursive: true });
  const frame = readFileSync(path.join(SAMPLE, 'baocao.yaml'), 'utf8').slice(
    readFileSync(path.join(SAMPLE, 'baocao.yaml'), 'utf8').indexOf('document:'),
  );
  writeFileSync(
    path.join(dir, 'baocao.yaml'),
    readFileSync(NAM, 'utf8') + 'output: out/nam.docx\ntemplate: mau.md.hbs\n' + frame,
  );
  writeFileSync(
    path.join(dir, 'mau.md.hbs'),
    'Trồng mới {{indicators.DT_RUNG.current}} ha rừng, {{plan indicators.DT_RUNG}}; {{change indicators.DT_RUNG}} so với {{period.previousLabel}}.\n',
  );
  return dir;
}

describe('a year-end report', () => {
  it('aggregate --json: exact decimals, the plan and its share, each group from its own units', async () => {
    const out = json(await runCli(['aggregate', path.join(CHECK, 'year-ok', 'returns'), '--config', NAM, '--json']));
    expect(out.ok).toBe(true);
    // 120,50 + 80,75 + 1.064,74
    expect(out.indicators.DT_RUNG).toMatchObject({
      current: 1265.99,
      plan: 1340,
      display: { current: '1.265,99', plan: '1.340,00', planPct: '94,5%' },
    });
    expect(out.indicators.DT_RUNG.planPct).toBeCloseTo((126599 / 134000) * 100, 12);
    expect(out.groups).toEqual([
      { code: 'A', name: 'Huyện Một (cũ)', units: ['01', '02'] },
      { code: 'B', name: 'Huyện Hai (cũ)', units: ['03'] },
    ]);
    expect(out.byGroup.A.DT_RUNG).toMatchObject({ current: 201.25, display: { current: '201,25' } });
    expect(out.byGroup.B.HO_TONG.current).toBe(2000);
    // Ratios from the group's own sums: 95 / 900.
    expect(out.byGroup.A.TL_NGHEO.display.current).toBe('10,6%');
  });

  it('the terminal table by group, then the province with the plan columns', async () => {
    const r = await runCli(['aggregate', path.join(CHECK, 'year-ok', 'returns'), '--config', NAM, '--by-group']);
    const groupAt = r.stdout.indexOf('Huyện Một (cũ)');
    const provinceAt = r.stdout.indexOf('Toàn tỉnh');
    expect(groupAt).toBeGreaterThan(0);
    expect(provinceAt).toBeGreaterThan(r.stdout.indexOf('Huyện Hai (cũ)'));
    expect(r.stdout.slice(provinceAt)).toMatch(/Kế hoạch +% KH/);
    expect(r.stdout.slice(provinceAt)).toMatch(/1\.265,99 .* 1\.340,00 +94,5%/);
  });

  it('the appendix lists units under their group, one subtotal row per group, then the total', async () => {
    const dir = yearFolder();
    const r = await runCli(['build', '--json'], { cwd: dir });
    expect(json(r).ok).toBe(true);
    const text = paragraphsText(docxParts(path.join(dir, 'out', 'nam.docx'))['word/document.xml']!);
    const at = (s: string) => text.indexOf(s);
    expect(text.filter((t) => t.startsWith('Cộng '))).toEqual(['Cộng Huyện Một (cũ)', 'Cộng Huyện Hai (cũ)']);
    // Each group opens with its heading row, and its last unit is kept on the page of its "Cộng".
    expect(text.indexOf('Huyện Một (cũ)')).toBeLessThan(at('Xã Một'));
    expect(text.indexOf('Huyện Hai (cũ)')).toBeLessThan(at('Xã Ba'));
    const xml = docxParts(path.join(dir, 'out', 'nam.docx'))['word/document.xml']!;
    const rowOf = (name: string) =>
      new RegExp(`<w:tr>(?:(?!</w:tr>).)*>${name}<(?:(?!</w:tr>).)*</w:tr>`, 's').exec(xml)![0];
    expect(rowOf('Xã Hai')).toContain('<w:keepNext/>');
    expect(rowOf('Huyện Một \\(cũ\\)')).toContain('<w:keepNext/>');
    expect(rowOf('Xã Một')).not.toContain('<w:keepNext/>');
    expect(at('Xã Một')).toBeLessThan(at('Xã Hai'));
    expect(at('Xã Hai')).toBeLessThan(at('Cộng Huyện Một (cũ)'));
    expect(at('Cộng Huyện Một (cũ)')).toBeLessThan(at('Xã Ba'));
    expect(at('Xã Ba')).toBeLessThan(at('Cộng Huyện Hai (cũ)'));
    expect(at('Cộng Huyện Hai (cũ)')).toBeLessThan(at('Tổng cộng'));
    // The subtotal's figures follow its label: 120,50 + 80,75.
    expect(text[at('Cộng Huyện Một (cũ)') + 1]).toBe('201,25');
    // The body's wording of the plan and the change, with the indicator's decimals.
    expect(text).toContain(
      'Trồng mới 1.265,99 ha rừng, đạt 94,5% kế hoạch (1.340,00 ha); tăng 7,5% (88,64 ha) so với năm 2023.',
    );
  });

  it('names both values when "Cùng kỳ" differs from last year\'s return, and a warning with revised: true', async () => {
    const r = await runCli(['check', 'returns', '--config', '../nam.yaml', '--json'], {
      cwd: path.join(CHECK, 'previous-mismatch'),
    });
    const p = json(r).errors.find((e: { code: string }) => e.code === 'PREVIOUS_MISMATCH');
    expect(p.message).toContain('98,52');
    expect(p.message).toContain('98,25');
    expect(p.message).toContain('2023');
    const dir = mkdtempSync(path.join(tmpdir(), 'baocao-revised-'));
    cpSync(path.join(CHECK, 'nam-2023'), path.join(dir, 'nam-2023'), { recursive: true });
    writeFileSync(
      path.join(dir, 'nam.yaml'),
      readFileSync(NAM, 'utf8').replace('returns: nam-2023 }', 'returns: nam-2023, revised: true }'),
    );
    const revised = await runCli([
      'check',
      path.join(CHECK, 'previous-mismatch', 'returns'),
      '--config',
      path.join(dir, 'nam.yaml'),
      '--json',
    ]);
    expect(revised.code).toBe(0);
    expect(json(revised).warnings.map((w: { code: string }) => w.code)).toContain('PREVIOUS_MISMATCH');
  });

  it('pre-fills "Cùng kỳ" in the forms from last year\'s returns', async () => {
    const dir = yearFolder();
    expect((await runCli(['forms', '--format', 'csv'], { cwd: dir })).code).toBe(0);
    const form = readFileSync(path.join(dir, 'bieu-mau', '01 - Xã Một.csv'), 'utf8');
    expect(form).toContain('01,2024,DT_RUNG,Diện tích rừng trồng mới,ha,,"98,25"');
    expect(form).toContain('01,2024,HO_NGHEO,Số hộ nghèo,hộ,,41');
    // Unit 03 sent nothing last year: its "Cùng kỳ" stays empty.
    expect(readFileSync(path.join(dir, 'bieu-mau', '03 - Xã Ba.csv'), 'utf8')).toContain(
      '03,2024,HO_NGHEO,Số hộ nghèo,hộ,,,\r\n',
    );
    // The workbooks too: last year's figure is a number in "Cùng kỳ", exact.
    expect((await runCli(['forms', '-o', 'xlsx'], { cwd: dir })).code).toBe(0);
    const wb = new Workbook();
    await wb.xlsx.load(readFileSync(path.join(dir, 'xlsx', '01 - Xã Một.xlsx')));
    const byCode = new Map<string, unknown>();
    wb.worksheets[0]!.eachRow((row, n) => n > 3 && byCode.set(String(row.getCell(3).value), row.getCell(7).value));
    expect(byCode.get('DT_RUNG')).toBe(98.25);
    expect(byCode.get('HO_NGHEO')).toBe(41);
    const none = new Workbook();
    await none.xlsx.load(readFileSync(path.join(dir, 'xlsx', '03 - Xã Ba.xlsx')));
    none.worksheets[0]!.eachRow((row, n) => n > 3 && expect(row.getCell(7).value ?? null).toBeNull());
  });

  it('judges a target on the figure as printed: 23,86% shows as 23,9% and meets "at least 23,9"', () => {
    const ratio = { kind: 'ratio', decimals: 0 } as never;
    const figure = { current: rational(2386n, 100n), previous: integer(0), change: null, changePct: null };
    expect(targetStatus(figure, { measure: 'current', atLeast: 23.9 }, ratio)).toBe('met');
    // 23,84% shows as 23,8%: missed.
    expect(
      targetStatus({ ...figure, current: rational(2384n, 100n) }, { measure: 'current', atLeast: 23.9 }, ratio),
    ).toBe('missed');
  });
});

describe('year-end definitions', () => {
  it('refuses a unit naming an unknown group, a unit without one, and a rule of two kinds', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'baocao-groups-'));
    const groups = readFileSync(NAM, 'utf8')
      .replace('group: B }', 'group: C }')
      .replace('{ code: "02", name: Xã Hai, group: A }', '{ code: "02", name: Xã Hai }');
    writeFileSync(path.join(dir, 'groups.yaml'), groups);
    const r = await runCli(['check', '--config', 'groups.yaml', '--json'], { cwd: dir });
    expect(r.code).toBe(2);
    const messages = (json(r).errors as { message: string }[]).map((e) => e.message);
    expect(messages).toEqual([expect.stringContaining('units[1]'), expect.stringContaining('"C"')]);
    writeFileSync(
      path.join(dir, 'rule.yaml'),
      readFileSync(NAM, 'utf8').replace(
        '{ indicator: CHE_PHU, atMost: 100 }',
        '{ indicator: CHE_PHU, atMost: 100, atLeast: 0 }',
      ),
    );
    const rule = await runCli(['check', '--config', 'rule.yaml', '--json'], { cwd: dir });
    expect(json(rule).errors).toEqual([
      expect.objectContaining({ code: 'CONFIG_INVALID', message: expect.stringContaining('equalsSum') }),
    ]);
  });

  it('takes the targets a programme committee writes: a fall in points, a strict bound; one bound only', async () => {
    const dir = yearFolder();
    const yaml = readFileSync(path.join(dir, 'baocao.yaml'), 'utf8');
    writeFileSync(
      path.join(dir, 'baocao.yaml'),
      yaml.replace('target: { atMost: 10.7 }', 'target: { measure: change, atMost: -1.5 }'),
    );
    const agg = json(await runCli(['aggregate', '--json'], { cwd: dir }));
    // 10,5% against 11,7%: down 1,2 points, short of the 1,5 asked.
    expect(agg.indicators.TL_NGHEO).toMatchObject({ target: { measure: 'change', atMost: -1.5 }, status: 'missed' });
    expect((await runCli(['aggregate'], { cwd: dir })).stdout).toMatch(/TL_NGHEO .* Δ ≤ -1,5 điểm +chưa đạt/);
    writeFileSync(path.join(dir, 'baocao.yaml'), yaml.replace('target: { atMost: 10.7 }', 'target: { below: 12 }'));
    expect(json(await runCli(['aggregate', '--json'], { cwd: dir })).indicators.TL_NGHEO.status).toBe('met');
    writeFileSync(
      path.join(dir, 'baocao.yaml'),
      yaml.replace('target: { atMost: 10.7 }', 'target: { below: 12, atMost: 11 }'),
    );
    const two = await runCli(['check', '--json'], { cwd: dir });
    expect(two.code).toBe(2);
    expect(json(two).errors[0].message).toContain('atLeast, atMost, above, below');
  });

  it("reads last year's folder in its own number format: --number-format is for this period's files", async () => {
    const dir = yearFolder();
    // This year's returns come from software writing "120.50"; last year's archive keeps "98,25".
    const f = path.join(dir, 'returns', 'a.csv');
    const english = (text: string) => text.replace(/(\d)\.(\d{3})/g, '$1$2').replace(/(\d),(\d)/g, '$1.$2');
    writeFileSync(f, english(readFileSync(f, 'utf8')));
    const r = await runCli(['check', '--number-format', 'en', '--json'], { cwd: dir });
    expect(r.code, r.stdout).toBe(0);
    // Xã Ba has no archived return (the fixture's own case); the others are checked and agree.
    expect(json(r).warnings.map((w: { code: string; unit: string }) => [w.code, w.unit])).toEqual([
      ['PREVIOUS_MISSING', '03'],
    ]);
    // And an archive written the other way is named in the definition.
    const archive = path.join(dir, 'nam-2023', '2023.csv');
    writeFileSync(archive, english(readFileSync(archive, 'utf8')));
    writeFileSync(
      path.join(dir, 'baocao.yaml'),
      readFileSync(path.join(dir, 'baocao.yaml'), 'utf8').replace(
        'returns: nam-2023 }',
        'returns: nam-2023, numberFormat: en }',
      ),
    );
    expect((await runCli(['check', '--number-format', 'en'], { cwd: dir })).code).toBe(0);
  });

  it('refuses a percentage summed over units (kind stock, unit "%"), naming the line and the ratio to use', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'baocao-percent-'));
    writeFileSync(
      path.join(dir, 'pct.yaml'),
      readFileSync(NAM, 'utf8').replace('unit: km, kind: stock', 'unit: "%", kind: stock'),
    );
    const r = await runCli(['check', '--config', 'pct.yaml', '--json'], { cwd: dir });
    expect(r.code).toBe(2);
    const [error] = json(r).errors as { code: string; message: string; line: number }[];
    expect(error).toMatchObject({
      code: 'CONFIG_INVALID',
      line:
        readFileSync(path.join(dir, 'pct.yaml'), 'utf8')
          .split('\n')
          .findIndex((l) => l.includes('code: CHE_PHU')) + 1,
    });
    expect(error!.message).toContain('kind: ratio');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe("last year's returns that cannot be read", () => {
  it('are warnings naming the file; their units are then not cross-checked', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'baocao-archive-'));
    cpSync(path.join(CHECK, 'nam-2023'), path.join(dir, 'nam-2023'), { recursive: true });
    writeFileSync(path.join(dir, 'nam-2023', 'hong.csv'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]));
    writeFileSync(path.join(dir, 'nam.yaml'), readFileSync(NAM, 'utf8'));
    const r = await runCli([
      'check',
      path.join(CHECK, 'year-ok', 'returns'),
      '--config',
      path.join(dir, 'nam.yaml'),
      '--json',
    ]);
    expect(r.code).toBe(0);
    expect(json(r).warnings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          code: 'XLSX_UNREADABLE',
          severity: 'warning',
          file: expect.stringContaining('hong.csv'),
        }),
      ]),
    );
  });
});

describe('the status helper', () => {
  it('judges a rate as printed, like the figures: 74,6% against "at least 75" is not met', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'baocao-status-'));
    const frame = readFileSync(path.join(SAMPLE, 'baocao.yaml'), 'utf8');
    writeFileSync(
      path.join(dir, 'baocao.yaml'),
      readFileSync(path.join(CHECK, 'baocao.yaml'), 'utf8') +
        'template: t.md.hbs\noutput: r.docx\n' +
        frame.slice(frame.indexOf('document:')),
    );
    writeFileSync(path.join(dir, 't.md.hbs'), 'Tỷ lệ {{indicators.TL.current}}: {{status indicators.TL}}.\n');
    writeFileSync(
      path.join(dir, 'a.csv'),
      'ma_don_vi,ky_bao_cao,ma_chi_tieu,ky_nay,cung_ky\n01,2024-Q1,VU,500,500\n01,2024-Q1,KP,373,300\n01,2024-Q1,MH,1,1\n',
    );
    expect((await runCli(['build', 'a.csv', '--allow-missing'], { cwd: dir })).code).toBe(0);
    expect(paragraphsText(docxParts(path.join(dir, 'r.docx'))['word/document.xml']!)).toContain(
      'Tỷ lệ 74,6%: chưa đạt.',
    );
  });
});
