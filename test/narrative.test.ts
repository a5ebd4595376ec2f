// Any committee's report: the default template works for every valid definition, its
// figures worded from the data alone; the clerk's narrative fills the outline and
// survives rebuilds; an empty section is a placeholder and a warning (an error with
// --final).
import fc from 'fast-check';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { docxParts, paragraphsText } from './docx-helpers.js';
import { json, runCli, SAMPLE, sampleCopy } from './helpers.js';

const text = (docx: string) => paragraphsText(docxParts(docx)['word/document.xml']!);
const frame = readFileSync(path.join(SAMPLE, 'baocao.yaml'), 'utf8').slice(
  readFileSync(path.join(SAMPLE, 'baocao.yaml'), 'utf8').indexOf('document:'),
);

/** A parenthesis opened inside another one. */
const nested = (t: string) => {
  let depth = 0;
  for (const ch of t) {
    if (ch === '(' && ++depth > 1) return true;
    if (ch === ')') depth--;
  }
  return false;
};

describe('the default template', () => {
  it('builds any valid definition with matching returns, each label and total in words from the data', async () => {
    const indicator = fc.record({
      kind: fc.constantFrom('count', 'stock'),
      unit: fc.constantFrom('hộ', 'ha', 'người', 'công trình'),
      decimals: fc.constantFrom(0, 0, 2),
    });
    const values = fc.tuple(fc.integer({ min: 0, max: 99_999 }), fc.integer({ min: 0, max: 99_999 }));
    await fc.assert(
      fc.asyncProperty(
        fc.array(indicator, { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 1, max: 6 }),
        fc.boolean(),
        fc.array(values, { minLength: 36, maxLength: 36 }),
        async (inds, unitCount, withSections, cells) => {
          const dir = mkdtempSync(path.join(tmpdir(), 'baocao-any-'));
          const units = Array.from({ length: unitCount }, (_, i) => `1${String(i).padStart(4, '0')}`);
          const codes = inds.map((_, i) => `CT_${i + 1}`);
          const sections = withSections
            ? `sections:\n  - { title: Phần thứ nhất, indicators: [${codes.slice(0, 1).join(', ')}] }\n  - { title: Phần còn lại, indicators: [${codes.slice(1).join(', ') || codes[0]}] }\n`
            : '';
          writeFileSync(
            path.join(dir, 'baocao.yaml'),
            `period: { code: "2025", label: năm 2025, previousLabel: năm 2024, start: 2025-01-01, end: 2025-12-31 }\nunitNoun: xã, phường\noutput: bc.docx\n` +
              `units:\n${units.map((u) => `  - { code: "${u}", name: Xã ${u} }`).join('\n')}\n` +
              `indicators:\n${inds.map((d, i) => `  - { code: ${codes[i]}, label: Chỉ tiêu số ${i + 1}, unit: ${d.unit}, kind: ${d.kind}, decimals: ${d.decimals} }`).join('\n')}\n` +
              (inds.length > 1
                ? `  - { code: TL, label: Tỷ lệ thứ hai trên thứ nhất, kind: ratio, numerator: ${codes[1]}, denominator: ${codes[0]}, target: { atLeast: 50 } }\n`
                : '') +
              sections +
              frame,
          );
          const rows = ['ma_don_vi;ky_bao_cao;ma_chi_tieu;ky_nay;cung_ky'];
          units.forEach((u, ui) =>
            inds.forEach((d, i) => {
              const [c, p] = cells[(ui * 6 + i) % 36]!;
              const v = (n: number) => (d.decimals ? `${n},${String(n % 100).padStart(2, '0')}` : String(n));
              rows.push(`${u};2025;${codes[i]};${v(c)};${v(p)}`);
            }),
          );
          writeFileSync(path.join(dir, 'returns.csv'), rows.join('\n'));
          const r = await runCli(['build', 'returns.csv', '--json'], { cwd: dir });
          expect(r.code, r.stderr).toBe(0);
          const body = text(path.join(dir, 'bc.docx'));
          const agg = json(await runCli(['aggregate', 'returns.csv', '--json'], { cwd: dir }));
          for (const code of codes) {
            const ind = agg.indicators[code];
            const zero = ind.current === 0;
            const sentence = body.find((t) =>
              t.startsWith(zero ? `${ind.label}: ` : `${ind.label}: ${ind.display.current} ${ind.unit}`),
            );
            if (zero && ind.previous === 0) expect(sentence).toMatch(/: không phát sinh, bằng năm 2024\.$/);
            expect(sentence, `${code} in the body`).toBeDefined();
            // The direction follows the figures.
            const direction = ind.change > 0 ? ', tăng ' : ind.change < 0 ? ', giảm ' : ', bằng ';
            expect(sentence).toContain(direction);
            expect(nested(sentence!)).toBe(false);
          }
          expect(body).toContain(
            `Ban Chỉ đạo 138 tỉnh Hà Giang báo cáo kết quả năm 2025 (từ 01/01/2025 đến 31/12/2025) như sau (${unitCount}/${unitCount} xã, phường đã gửi báo cáo):`,
          );
        },
      ),
      { numRuns: 12, seed: 10 },
    );
  }, 120_000);

  it('words the sample as an office reviewer expects', async () => {
    const dir = sampleCopy();
    // The template alone: no narrative, so every judgement would be the template's own.
    writeFileSync(
      path.join(dir, 'baocao.yaml'),
      readFileSync(path.join(dir, 'baocao.yaml'), 'utf8').replace(/^(template|narrative): .*\n/gm, ''),
    );
    expect((await runCli(['build'], { cwd: dir })).code).toBe(0);
    const body = text(path.join(dir, 'out', 'bao-cao.docx'));
    expect(body).toContain(
      'Ban Chỉ đạo 138 tỉnh Hà Giang báo cáo kết quả công tác phòng, chống tội phạm, ma túy, mua bán người và phong trào Toàn dân bảo vệ an ninh Tổ quốc 6 tháng đầu năm 2021 (từ 15/12/2020 đến 14/6/2021) như sau (11/11 huyện, thành phố đã gửi báo cáo):',
    );
    expect(body).toContain(
      'Tỷ lệ điều tra, khám phá đạt 97,6%, tăng 3,4 điểm phần trăm so với cùng kỳ năm 2020; vượt chỉ tiêu được giao (từ 75% trở lên).',
    );
    expect(body).toContain(
      'Số điểm nóng về trật tự xã hội: không để phát sinh, bằng cùng kỳ năm 2020; đạt chỉ tiêu được giao.',
    );
    // Each figure once: no summary table repeating the sentences.
    expect(body.slice(0, body.indexOf('Phụ lục')).filter((t) => t === '2.082')).toEqual([]);
    expect(body).toContain(
      'Số vụ phạm tội về trật tự xã hội: 123 vụ, giảm 10,9% (15 vụ) so với cùng kỳ năm 2020; vượt chỉ tiêu được giao (giảm ít nhất 5% so với cùng kỳ).',
    );
    expect(body).toContain(
      'Số đối tượng phạm tội về ma túy bị bắt giữ: 198 người, tăng 5,9% (11 người) so với cùng kỳ năm 2020.',
    );
    // No judgement the figures do not make: the template itself writes none.
    for (const t of body) expect(t).not.toMatch(/giữ vững|kiềm chế|hiệu quả/);
    expect(body.filter(nested)).toEqual([]);
    expect(body).toContain(
      'Trên đây là báo cáo sơ kết công tác phòng, chống tội phạm, ma túy, mua bán người và phong trào Toàn dân bảo vệ an ninh Tổ quốc 6 tháng đầu năm 2021 của Ban Chỉ đạo 138 tỉnh Hà Giang./.',
    );
  });
});

describe('the narrative', () => {
  async function initialised() {
    const dir = mkdtempSync(path.join(tmpdir(), 'baocao-narrative-'));
    expect((await runCli(['init', '--mau'], { cwd: dir })).code).toBe(0);
    return dir;
  }

  it('init writes a skeleton whose every section warns until written; --final refuses to write', async () => {
    const dir = await initialised();
    const r = await runCli(['build', path.join(SAMPLE, 'returns'), '--json'], { cwd: dir });
    expect(r.code).toBe(0);
    const warned = json(r)
      .warnings.filter((w: { code: string }) => w.code === 'NARRATIVE_MISSING')
      .map((w: { message: string }) => /"([^"]+)"/.exec(w.message)![1]);
    expect(warned).toEqual([
      'Lãnh đạo, chỉ đạo',
      'Ưu điểm',
      'Tồn tại, hạn chế',
      'Nguyên nhân',
      'Phương hướng, nhiệm vụ',
    ]);
    expect(r.stderr).toContain('NARRATIVE_MISSING');
    const body = text(path.join(dir, 'bao-cao-so-ket.docx'));
    expect(body).toContain('[Nội dung: Tồn tại, hạn chế]');
    // The placeholder is highlighted in the document.
    const draft = docxParts(path.join(dir, 'bao-cao-so-ket.docx'))['word/document.xml']!;
    expect(draft).toMatch(/<w:highlight w:val="yellow"\/>[\s\S]{0,200}Nội dung: Tồn tại, hạn chế/);
    // Only ECMA-376's element: docx's w:highlightCs is not in the schema, and Word may refuse the draft.
    expect(draft).not.toContain('highlightCs');
    const final = await runCli(['build', path.join(SAMPLE, 'returns'), '--final', '-o', 'ky.docx', '--json'], {
      cwd: dir,
    });
    expect(final.code).toBe(1);
    expect(json(final).errors.map((e: { code: string }) => e.code)).toEqual(Array(5).fill('NARRATIVE_MISSING'));
    expect(existsSync(path.join(dir, 'ky.docx'))).toBe(false);
  });

  it("puts each section's text in its place, with the data, and the same narrative gives the same bytes", async () => {
    const dir = await initialised();
    const narrative = [
      '## Lãnh đạo, chỉ đạo',
      'Ban hành **5 kế hoạch** chỉ đạo các huyện.',
      '## Ưu điểm',
      'Tỷ lệ khám phá đạt {{percent indicators.TL_KP.current}}.',
      '## Tồn tại, hạn chế',
      'Tội phạm ma túy còn diễn biến phức tạp.',
      '## nguyen nhan',
      'Địa bàn rộng, biên giới dài.',
      '## Phương hướng, nhiệm vụ',
      '1. Tăng cường phối hợp.',
      '2. Nâng cao hiệu quả quản lý.',
      '',
    ].join('\n');
    writeFileSync(path.join(dir, 'noi-dung.md'), narrative);
    const first = await runCli(['build', path.join(SAMPLE, 'returns'), '--final', '--json'], { cwd: dir });
    expect(first.code, first.stderr).toBe(0);
    expect(json(first).warnings).toEqual([]);
    const docx = path.join(dir, 'bao-cao-so-ket.docx');
    const body = text(docx);
    for (const t of [
      'Ban hành 5 kế hoạch chỉ đạo các huyện.',
      'Tỷ lệ khám phá đạt 97,6%.',
      'Tội phạm ma túy còn diễn biến phức tạp.',
      'Địa bàn rộng, biên giới dài.',
      'Tăng cường phối hợp.',
    ])
      expect(body).toContain(t);
    expect(body.join('\n')).not.toContain('Nội dung:');
    const bytes = readFileSync(docx);
    expect((await runCli(['build', path.join(SAMPLE, 'returns')], { cwd: dir })).code).toBe(0);
    expect(readFileSync(docx).equals(bytes)).toBe(true);
    // The narrative file is never written by a build.
    expect(readFileSync(path.join(dir, 'noi-dung.md'), 'utf8')).toBe(narrative);
  });

  it('refuses a heading that names no section, and a misspelt data name, each with its line (exit 2), in check too', async () => {
    const dir = await initialised();
    writeFileSync(path.join(dir, 'noi-dung.md'), '## Ưu điểm\n\nTốt.\n\n## Kết luận\n\nX.\n');
    const r = await runCli(['check', path.join(SAMPLE, 'returns'), '--json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(json(r).errors).toEqual([
      expect.objectContaining({
        code: 'NARRATIVE_UNKNOWN_SECTION',
        file: 'noi-dung.md',
        line: 5,
        message: expect.stringContaining('Tồn tại, hạn chế'),
      }),
    ]);
    // Text before the first heading, or a section written twice: named, never dropped.
    writeFileSync(
      path.join(dir, 'noi-dung.md'),
      '<!-- ghi chú -->\nViết nhầm chỗ.\n## Ưu điểm\n\nTốt.\n## ưu điểm\n\nRất tốt.\n',
    );
    const placed = await runCli(['check', path.join(SAMPLE, 'returns'), '--json'], { cwd: dir });
    expect(json(placed).errors.map((e: { code: string; line: number }) => [e.code, e.line])).toEqual([
      ['NARRATIVE_OUTSIDE_SECTION', 2],
      ['NARRATIVE_DUPLICATE_SECTION', 6],
    ]);
    writeFileSync(
      path.join(dir, 'noi-dung.md'),
      '## Ưu điểm\n\n<!-- gợi ý\n   hai dòng -->\nĐạt {{percent indicators.TL_KPP.current}}.\n',
    );
    const b = await runCli(['build', path.join(SAMPLE, 'returns'), '--json'], { cwd: dir });
    expect(b.code).toBe(2);
    expect(json(b).errors).toEqual([
      expect.objectContaining({
        code: 'TEMPLATE_UNKNOWN_VARIABLE',
        file: 'noi-dung.md',
        line: 5,
        message: expect.stringContaining('indicators.TL_KP.current'),
      }),
    ]);
  });
});

describe("the sample's own template", () => {
  /** The sample with the narrative taken out, so every judgement left is the template's. */
  async function built(edit: (csv: string) => string) {
    const dir = sampleCopy();
    writeFileSync(
      path.join(dir, 'baocao.yaml'),
      readFileSync(path.join(dir, 'baocao.yaml'), 'utf8').replace(/^narrative: .*\n/m, ''),
    );
    const f = path.join(dir, 'returns', '024-thanh-pho-ha-giang.csv');
    writeFileSync(f, edit(readFileSync(f, 'utf8')));
    expect((await runCli(['build'], { cwd: dir })).code).toBe(0);
    const body = text(path.join(dir, 'out', 'bao-cao.docx'));
    return body.slice(0, body.indexOf('Phụ lục'));
  }

  it('keeps the published judgement when crime fell and no hot spot arose', async () => {
    const body = await built((csv) => csv);
    expect(body).toContain(
      'Tình hình an ninh, trật tự trên địa bàn được giữ vững, tội phạm và vi phạm pháp luật được kiềm chế. Trong kỳ xảy ra 123 vụ phạm tội về trật tự xã hội, giảm 10,9% (15 vụ) so với cùng kỳ năm 2020, vượt chỉ tiêu được giao (giảm ít nhất 5% so với cùng kỳ).',
    );
    expect(body.join('\n')).toContain('Không để phát sinh điểm nóng về trật tự xã hội, đạt chỉ tiêu được giao.');
  });

  it('with worse figures writes no judgement the figures do not support', async () => {
    // Thành phố Hà Giang: 60 crimes instead of 24, 10 solved instead of 23, one hot spot.
    const body = await built((csv) =>
      csv
        .replace(/^(024,2021-6T,TTXH_VU,"[^"]*"),24,/m, '$1,60,')
        .replace(/^(024,2021-6T,TTXH_KP,"[^"]*"),23,/m, '$1,10,')
        .replace(/^(024,2021-6T,DIEM_NONG,"[^"]*"),0,/m, '$1,1,'),
    );
    const all = body.join('\n');
    for (const claim of [/giữ vững/, /kiềm chế/, /hiệu quả/, /sâu rộng/, /vượt chỉ tiêu/, /không đạt/])
      expect(all).not.toMatch(claim);
    expect(all).toContain(
      'Trong kỳ xảy ra 159 vụ phạm tội về trật tự xã hội, tăng 15,2% (21 vụ) so với cùng kỳ năm 2020, chưa đạt chỉ tiêu được giao (giảm ít nhất 5% so với cùng kỳ).',
    );
    expect(all).toContain(
      'tỷ lệ điều tra, khám phá đạt 67,3%, giảm 26,9 điểm phần trăm so với cùng kỳ năm 2020, chưa đạt chỉ tiêu được giao (từ 75% trở lên).',
    );
    expect(all).toContain('Phát sinh 1 điểm nóng về trật tự xã hội, chưa đạt chỉ tiêu được giao (không để phát sinh).');
    expect(body.filter(nested)).toEqual([]);
  });
});
