// The appendix as an office reads it: the unit noun heads the first column, the agency
// reads as in a sentence, rates keep one decimal, heading words never break, and a
// year-end definition of many indicators splits into tables Word accepts.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { agencyInSentence } from '../src/present/names.js';
import { MAX_GRID_COLUMNS } from '../src/report/docx/appendix.js';
import { docxParts, paragraphsText, pdfPages, pdfText, toPdfs } from './docx-helpers.js';
import { runCli, SAMPLE, sampleCopy } from './helpers.js';
import { readFileSync } from 'node:fs';

/** The appendix's part of document.xml: from its title to the end. */
const appendixXml = (docx: string) => {
  const xml = docxParts(docx)['word/document.xml']!;
  return xml.slice(xml.lastIndexOf('Phụ lục'));
};
const tables = (xml: string) => [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);

describe('the appendix', () => {
  it("heads the unit column with the definition's noun, names the agency as in a sentence, shows rates with one decimal", async () => {
    const dir = sampleCopy();
    expect((await runCli(['build'], { cwd: dir })).code).toBe(0);
    const docx = path.join(dir, 'out', 'bao-cao.docx');
    const text = paragraphsText(appendixXml(docx));
    expect(text).toContain('(Kèm theo Báo cáo số 45/BC-BCĐ ngày 13/8/2021 của Ban Chỉ đạo 138 tỉnh Hà Giang)');
    expect(text).toContain('Huyện, thành phố');
    // TL_KP of Đồng Văn: 9/9 = 100,0 (not "100"), and the province 97,6.
    const row = text.slice(text.indexOf('Đồng Văn'));
    expect(row.slice(0, 8)).toContain('100,0');
    expect(text).toContain('97,6');
  });

  it('writes the agency inside a sentence as the decree does: acronyms kept, places and kinds capitalised', () => {
    const doc = (coQuanBanHanh: string, coQuanTrongCau?: string, diaDanh = 'Hà Giang') =>
      ({ coQuanBanHanh, coQuanTrongCau, diaDanh }) as never;
    expect(agencyInSentence(doc('BAN CHỈ ĐẠO 138'))).toBe('Ban Chỉ đạo 138');
    expect(agencyInSentence(doc('BAN CHỈ ĐẠO 138 TỈNH HÀ GIANG'))).toBe('Ban Chỉ đạo 138 tỉnh Hà Giang');
    expect(agencyInSentence(doc('ỦY BAN NHÂN DÂN TỈNH HÀ GIANG'))).toBe('Ủy ban nhân dân tỉnh Hà Giang');
    expect(agencyInSentence(doc('BCĐ CÁC CTMTQG TỈNH'))).toBe('BCĐ các CTMTQG tỉnh');
    expect(agencyInSentence(doc('UBND HUYỆN MÈO VẠC'))).toBe('UBND huyện Mèo Vạc');
    expect(agencyInSentence(doc('UBND PHƯỜNG TRẦN PHÚ'))).toBe('UBND phường Trần Phú');
    expect(agencyInSentence(doc('BAN CHỈ ĐẠO PHÒNG, CHỐNG TỆ NẠN XÃ HỘI'))).toBe(
      'Ban Chỉ đạo phòng, chống tệ nạn xã hội',
    );
    expect(agencyInSentence(doc('SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG'))).toBe('Sở Nông nghiệp và Môi trường');
    expect(agencyInSentence(doc('SỞ TÀI CHÍNH TỈNH TUYÊN QUANG', undefined, 'Tuyên Quang'))).toBe(
      'Sở Tài chính tỉnh Tuyên Quang',
    );
    // A place the definition spells (a unit's name) is written as it spells it.
    expect(agencyInSentence(doc('BCĐ 138 HUYỆN HOÀNG SU PHÌ'), { units: [{ name: 'Hoàng Su Phì' }] })).toBe(
      'BCĐ 138 huyện Hoàng Su Phì',
    );
    // Given in sentence case, or in coQuanTrongCau, the name is taken as written (on one line).
    expect(agencyInSentence(doc('Ban Chỉ đạo 138\ntỉnh Hà Giang'))).toBe('Ban Chỉ đạo 138 tỉnh Hà Giang');
    expect(agencyInSentence(doc('BAN CHỈ ĐẠO 138', 'Ban Chỉ đạo 138'))).toBe('Ban Chỉ đạo 138');
  });

  it("splits 32 indicators into tables within Word's 63 columns, each with STT and the unit column, every word whole", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'baocao-wide-'));
    const frame = readFileSync(path.join(SAMPLE, 'baocao.yaml'), 'utf8');
    const indicators = Array.from(
      { length: 32 },
      (_, i) => `  - { code: C${i + 1}, label: Số hộ được hỗ trợ theo chương trình ${i + 1}, unit: hộ, kind: count }`,
    );
    const units = ['001', '002', '003', '004', '005'];
    writeFileSync(
      path.join(dir, 'baocao.yaml'),
      `period: { code: "2024", label: năm 2024, previousLabel: năm 2023, start: 2024-01-01, end: 2024-12-31 }\nunitNoun: xã, phường\ntemplate: mau.md.hbs\noutput: out/nam.docx\n` +
        `units:\n${units.map((u) => `  - { code: "${u}", name: Xã số ${u} }`).join('\n')}\nindicators:\n${indicators.join('\n')}\n` +
        frame.slice(frame.indexOf('document:')),
    );
    writeFileSync(path.join(dir, 'mau.md.hbs'), 'Tổng hợp {{unitCount.received}} xã.\n');
    const rows = ['ma_don_vi,ky_bao_cao,ma_chi_tieu,ky_nay,cung_ky'];
    for (const u of units) for (let i = 1; i <= 32; i++) rows.push(`${u},2024,C${i},${i * 7},${i * 5}`);
    writeFileSync(path.join(dir, 'nam.csv'), rows.join('\n'));
    const r = await runCli(['build', 'nam.csv'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const docx = path.join(dir, 'out', 'nam.docx');
    const found = tables(appendixXml(docx));
    expect(found.length).toBeGreaterThanOrEqual(2);
    const labels: string[] = [];
    // Balanced: as many indicators in each table as can be, give or take one; never a lone one.
    const perTable = found.map((t) => paragraphsText(t).filter((c) => c.startsWith('Số hộ được hỗ trợ')).length);
    expect(Math.max(...perTable) - Math.min(...perTable)).toBeLessThanOrEqual(1);
    expect(Math.min(...perTable)).toBeGreaterThan(1);
    for (const t of found) {
      // The header at 8 pt or more (its two rows are the table's first).
      const header = [...t.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)]
        .slice(0, 2)
        .map((m) => m[0])
        .join('');
      expect(
        Math.min(...[...header.matchAll(/<w:sz w:val="(\d+)"\/>/g)].map((m) => Number(m[1]))),
      ).toBeGreaterThanOrEqual(16);
      expect([...t.matchAll(/<w:gridCol /g)].length).toBeLessThanOrEqual(MAX_GRID_COLUMNS);
      const cells = paragraphsText(t);
      expect(cells.slice(0, 2)).toEqual(['STT', 'Xã, phường']);
      labels.push(...cells.filter((c) => c.startsWith('Số hộ được hỗ trợ')));
      // A readable size: figures at 8 pt or more.
      expect(Math.min(...[...t.matchAll(/<w:sz w:val="(\d+)"\/>/g)].map((m) => Number(m[1])))).toBeGreaterThanOrEqual(
        14,
      );
    }
    expect(labels).toEqual(Array.from({ length: 32 }, (_, i) => `Số hộ được hỗ trợ theo chương trình ${i + 1} (hộ)`));
    // The columns are headed by the period's own labels, short enough for a column: "Năm 2024", "Năm 2023".
    // In LibreOffice, no heading word is cut: "Năm" and "2023" come out whole.
    const [pdf] = toPdfs([docx]);
    const text = Array.from({ length: pdfPages(pdf!) }, (_, p) => pdfText(pdf!, p + 1)).join('\n');
    // (Header rows repeat on every page of a table: at least once per indicator.)
    expect(text.match(/Năm/g)!.length).toBeGreaterThanOrEqual(64);
    expect(text.match(/Nă/g)!.length).toBe(text.match(/Năm/g)!.length);
    expect(text.match(/2023/g)!.length).toBeGreaterThanOrEqual(32);
    expect(text).not.toMatch(/Kỳ này|Cùng kỳ/);
  });

  it('gives each section of the definition its own titled table, and the indicators in none a last one', async () => {
    const dir = sampleCopy();
    const yaml = readFileSync(path.join(dir, 'baocao.yaml'), 'utf8').replace(
      'indicators:\n',
      'sections:\n  - { title: "Công tác phòng, chống tội phạm", indicators: [TTXH_VU, TTXH_KP, TL_KP, DIEM_NONG] }\n  - { title: "Công tác phòng, chống ma túy", indicators: [MT_VU, MT_DT] }\nindicators:\n',
    );
    writeFileSync(path.join(dir, 'baocao.yaml'), yaml);
    expect((await runCli(['build'], { cwd: dir })).code).toBe(0);
    const xml = appendixXml(path.join(dir, 'out', 'bao-cao.docx'));
    const found = tables(xml);
    expect(found).toHaveLength(3);
    const groupHeads = (t: string) => paragraphsText(t).filter((c) => / \((vụ|%|điểm|người|mô hình|tổ)\)$/.test(c));
    expect(groupHeads(found[0]!)).toHaveLength(4);
    expect(groupHeads(found[1]!)).toHaveLength(2);
    expect(groupHeads(found[2]!)).toHaveLength(6);
    const text = paragraphsText(xml);
    const at = (s: string) => text.indexOf(s);
    expect(at('Công tác phòng, chống tội phạm')).toBeLessThan(at('Công tác phòng, chống ma túy'));
    expect(at('Công tác phòng, chống ma túy')).toBeLessThan(at('Các chỉ tiêu khác'));
  });

  it("is left out for a single unit, whose figures are the report's own, and the body does not point to it", async () => {
    const dir = sampleCopy();
    const yaml = readFileSync(path.join(dir, 'baocao.yaml'), 'utf8').replace(
      /^units:\n(?: {2}- .*\n)+/m,
      'units:\n  - { code: "024", name: Thành phố Hà Giang }\n',
    );
    writeFileSync(path.join(dir, 'baocao.yaml'), yaml.replace(/^unitNoun: .*\n/m, ''));
    expect((await runCli(['build', 'returns/024-thanh-pho-ha-giang.csv'], { cwd: dir })).code).toBe(0);
    const docx = path.join(dir, 'out', 'bao-cao.docx');
    const text = paragraphsText(docxParts(docx)['word/document.xml']!);
    expect(text).not.toContain('Phụ lục');
    expect(text.join('\n')).not.toMatch(/Phụ lục kèm theo/);
    expect(text.join('\n')).toContain(
      'Trong kỳ xảy ra 24 vụ phạm tội về trật tự xã hội, giảm 11,1% (3 vụ) so với cùng kỳ năm 2020',
    );
    // One portrait section: no landscape page.
    expect(docxParts(docx)['word/document.xml']).not.toContain('w:orient="landscape"');
  });

  it("titles the appendix by the definition's unit noun", async () => {
    const dir = sampleCopy();
    expect((await runCli(['build'], { cwd: dir })).code).toBe(0);
    const text = paragraphsText(appendixXml(path.join(dir, 'out', 'bao-cao.docx')));
    expect(text.slice(0, 2)).toEqual(['SỐ LIỆU CÁC CHỈ TIÊU THEO HUYỆN, THÀNH PHỐ', '6 THÁNG ĐẦU NĂM 2021']);
  });
});
