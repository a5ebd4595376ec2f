// Native Word charts from the definition's charts: — an editable chart (its data in an
// embedded workbook) of this period and the same period by unit, drawn by LibreOffice.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { parse } from 'csv-parse/sync';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { pdfText, toPdf } from './docx-helpers.js';
import { calc, CSV, json, runCli, sampleCopy } from './helpers.js';

const CHARTS = `charts:
  - { indicator: MT_VU, title: "Số vụ phạm tội về ma túy theo huyện, thành phố" }
  - { indicator: TL_KP, type: bar }
  - { indicator: MT_DT, type: line }
`;

/** The sample with the default template and charts. */
function withCharts(charts = CHARTS, template?: string): string {
  const dir = sampleCopy();
  const yaml = path.join(dir, 'baocao.yaml');
  writeFileSync(
    yaml,
    readFileSync(yaml, 'utf8').replace(/^template: .*$/m, template ? `template: ${template}` : '') + charts,
  );
  return dir;
}

const parts = (file: string) => unzipSync(new Uint8Array(readFileSync(file)));
const text = (file: string, name: string) => strFromU8(parts(file)[name]!);
/** A chart part's categories and each series' values, from its caches. */
function chartData(xml: string) {
  const cache = (tag: string, within: string) =>
    [...within.matchAll(new RegExp(`<c:${tag}>[\\s\\S]*?</c:${tag}>`, 'g'))].map((m) =>
      [...m[0].matchAll(/<c:pt idx="(\d+)"><c:v>([^<]*)<\/c:v><\/c:pt>/g)].map((p) => [Number(p[1]), p[2]!] as const),
    );
  const series = [...xml.matchAll(/<c:ser>[\s\S]*?<\/c:ser>/g)].map((m) => m[0]);
  return {
    categories: cache('cat', series[0]!)[0]!.map(([, v]) => v),
    series: series.map((s) => ({ name: cache('tx', s)[0]![0]![1], values: cache('val', s)[0]! })),
  };
}

describe('charts', () => {
  it('draws each chart after the figures of its section, with the figures by unit, in Times New Roman, the same bytes each time', async () => {
    const dir = withCharts();
    const r = await runCli(['build', '--json'], { cwd: dir });
    expect(r.code, r.stdout).toBe(0);
    const report = path.join(dir, 'out', 'bao-cao.docx');
    const files = Object.keys(parts(report));
    expect(files.filter((f) => /^word\/(charts\/chart\d+\.xml|embeddings\/.*\.xlsx)$/.test(f)).sort()).toEqual([
      'word/charts/chart1.xml',
      'word/charts/chart2.xml',
      'word/charts/chart3.xml',
      'word/embeddings/Microsoft_Excel_Worksheet1.xlsx',
      'word/embeddings/Microsoft_Excel_Worksheet2.xlsx',
      'word/embeddings/Microsoft_Excel_Worksheet3.xlsx',
    ]);
    // After the last figure of the results, before the appendix's note.
    const body = text(report, 'word/document.xml');
    const at = (s: string) => body.indexOf(s);
    expect(at('<c:chart ')).toBeGreaterThan(at('Số mô hình tự quản về an ninh, trật tự'));
    expect(body.lastIndexOf('<c:chart ')).toBeLessThan(at('Số liệu chi tiết của từng'));
    const figures = json(await runCli(['aggregate', '--json'], { cwd: dir }));
    const names = figures.units.expected.map((u: string) => figures.units.names[u]);
    for (const [n, code, type] of [
      [1, 'MT_VU', 'barDir val="col"'],
      [2, 'TL_KP', 'barDir val="bar"'],
      [3, 'MT_DT', 'lineChart'],
    ] as const) {
      const xml = text(report, `word/charts/chart${n}.xml`);
      expect(xml, code).toContain(type);
      expect(xml).toContain('typeface="Times New Roman"');
      const data = chartData(xml);
      expect(data.categories).toEqual(names);
      expect(data.series.map((s) => s.name)).toEqual(['6 tháng đầu năm 2021', 'Cùng kỳ năm 2020']);
      for (const [k, which] of [
        [0, 'current'],
        [1, 'previous'],
      ] as const)
        expect(
          data.series[k]!.values.map(([, v]) => Number(v)),
          `${code} ${which}`,
        ).toEqual(figures.units.expected.map((u: string) => figures.byUnit[u][code][which]));
    }
    expect(text(report, 'word/charts/chart2.xml')).toContain('<c:numFmt formatCode="0.0" sourceLinked="0"/>');
    expect(text(report, 'word/charts/chart1.xml')).toContain('<c:numFmt formatCode="#,##0" sourceLinked="0"/>');
    // No random relationship ids: the same bytes on every build.
    expect(
      Object.entries(parts(report))
        .filter(([n]) => n.endsWith('.xml') || n.endsWith('.rels'))
        .map(([, d]) => strFromU8(d))
        .join(''),
    ).not.toMatch(/rId[a-z0-9_-]{21}/);
    expect(text(report, 'word/charts/chart1.xml')).toContain(
      '<a:t>Số vụ phạm tội về ma túy theo huyện, thành phố</a:t>',
    );
    expect(text(report, 'word/charts/chart2.xml')).toContain('<a:t>Tỷ lệ điều tra, khám phá (%)</a:t>');
    // The data behind the chart, as Word's Edit Data opens it: Calc reads the embedded workbook, with the same figures.
    const tmp = mkdtempSync(path.join(tmpdir(), 'baocao-chart-'));
    writeFileSync(path.join(tmp, 'du-lieu.xlsx'), parts(report)['word/embeddings/Microsoft_Excel_Worksheet1.xlsx']!);
    calc([path.join(tmp, 'du-lieu.xlsx')], CSV, tmp);
    const sheet = parse(readFileSync(path.join(tmp, 'du-lieu.csv'), 'utf8')) as string[][];
    expect(sheet[0]).toEqual(['', '6 tháng đầu năm 2021', 'Cùng kỳ năm 2020']);
    expect(sheet.slice(1)).toEqual(
      figures.units.expected.map((u: string) => [
        figures.units.names[u],
        String(figures.byUnit[u].MT_VU.current),
        String(figures.byUnit[u].MT_VU.previous),
      ]),
    );
    // The same bytes again, the embedded workbooks included.
    const first = readFileSync(report);
    expect((await runCli(['build'], { cwd: dir })).code).toBe(0);
    expect(readFileSync(report).equals(first)).toBe(true);
    // LibreOffice draws them: their titles and the units' names are in the PDF's text.
    const pdf = pdfText(toPdf(report));
    for (const s of [
      'Số vụ phạm tội về ma túy theo huyện, thành phố',
      'Tỷ lệ điều tra, khám phá (%)',
      'Mèo Vạc',
      'Quang Bình',
    ])
      expect(pdf).toContain(s);
  });

  it('places a chart where a template says {{chart "CODE"}}; names an unknown one, and refuses a chart of no indicator', async () => {
    const dir = withCharts(CHARTS, 'mau.md.hbs');
    writeFileSync(
      path.join(dir, 'mau.md.hbs'),
      '## I. SỐ LIỆU\n\nTrước biểu đồ.\n\n{{chart "TL_KP"}}\n\nSau biểu đồ.\n',
    );
    expect((await runCli(['build'], { cwd: dir })).code).toBe(0);
    const body = text(path.join(dir, 'out', 'bao-cao.docx'), 'word/document.xml');
    expect(body.match(/<c:chart /g)).toHaveLength(1);
    expect(body.indexOf('Trước biểu đồ.')).toBeLessThan(body.indexOf('<c:chart '));
    expect(body.indexOf('<c:chart ')).toBeLessThan(body.indexOf('Sau biểu đồ.'));
    expect(text(path.join(dir, 'out', 'bao-cao.docx'), 'word/charts/chart1.xml')).toContain('barDir val="bar"');
    writeFileSync(path.join(dir, 'mau.md.hbs'), '## I. SỐ LIỆU\n\n{{chart "KHONG_CO"}}\n');
    const unknown = await runCli(['build', '--json'], { cwd: dir });
    expect(unknown.code).toBe(2);
    expect(json(unknown).errors).toEqual([
      expect.objectContaining({ code: 'TEMPLATE_HELPER', line: 3, message: expect.stringContaining('"KHONG_CO"') }),
    ]);
    for (const bad of ['charts:\n  - { indicator: KHONG_CO }\n', 'charts:\n  - { indicator: MT_VU, by: group }\n']) {
      const refused = await runCli(['build', '--json'], { cwd: withCharts(bad) });
      expect(refused.code, bad).toBe(2);
      expect(json(refused).errors, bad).toEqual([expect.objectContaining({ code: 'CONFIG_INVALID' })]);
    }
  });
});
