// The decree's frame for any agency: a People's Committee with no governing body shows
// its own name alone; a long name breaks between words, never inside a place name, or
// where the definition breaks it; "Số:" stays level with the date; numbers and dates
// padded as the decree pads them; the name reads right inside a sentence.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { docxParts, paragraphsText, pdfText, toPdfs } from './docx-helpers.js';
import { runCli, sampleCopy } from './helpers.js';

/** The sample with its document section's fields replaced (and lines removed when given undefined). */
function withDocument(fields: Record<string, string | undefined>): string {
  const dir = sampleCopy();
  let yaml = readFileSync(path.join(dir, 'baocao.yaml'), 'utf8');
  for (const [key, value] of Object.entries(fields)) {
    const line = new RegExp(`^  ${key}: .*\\n`, 'm');
    const next = value === undefined ? '' : `  ${key}: ${JSON.stringify(value)}\n`;
    yaml = line.test(yaml) ? yaml.replace(line, next) : yaml.replace(/^document:\n/m, `document:\n${next}`);
  }
  writeFileSync(path.join(dir, 'baocao.yaml'), yaml);
  return dir;
}

const PEOPLES_COMMITTEE = {
  coQuanChuQuan: undefined,
  coQuanBanHanh: 'ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG',
  coQuanTrongCau: undefined,
  soKyHieu: '7/BC-UBND',
  diaDanh: 'Tuyên Quang',
  ngay: '2025-01-05',
};

describe('the frame', () => {
  it("gives a People's Committee with no governing body its own name alone, broken between words, the place whole", async () => {
    const dir = withDocument(PEOPLES_COMMITTEE);
    expect((await runCli(['build'], { cwd: dir })).code).toBe(0);
    const docx = path.join(dir, 'out', 'bao-cao.docx');
    const text = paragraphsText(docxParts(docx)['word/document.xml']!);
    expect(text.slice(0, 8)).toEqual([
      'ỦY BAN NHÂN DÂN',
      'TỈNH TUYÊN QUANG',
      '',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      '',
      'Số: 07/BC-UBND',
      'Tuyên Quang, ngày 05 tháng 01 năm 2025',
    ]);
    expect(text).toContain('(Kèm theo Báo cáo số 07/BC-UBND ngày 05/01/2025 của Ủy ban nhân dân tỉnh Tuyên Quang)');
    expect(text.find((t) => t.startsWith('Trên đây là báo cáo'))).toMatch(
      / của Ủy ban nhân dân tỉnh Tuyên Quang\.\/\.$/,
    );
    // As LibreOffice lays it out: each line whole, and "Số:" on the date's line.
    const [pdf] = toPdfs([docx]);
    const lines = pdfText(pdf!, 1).split('\n');
    expect(lines.some((l) => /^\s*ỦY BAN NHÂN DÂN\s/.test(l))).toBe(true);
    expect(lines.some((l) => /^\s*TỈNH TUYÊN QUANG\s/.test(l))).toBe(true);
    expect(lines.some((l) => /Số: 07\/BC-UBND\s+Tuyên Quang, ngày 05 tháng 01 năm 2025/.test(l))).toBe(true);
  }, 60_000);

  it('keeps the lines the definition gives, and "Số:" level with the date under a three-line agency', async () => {
    const dir = withDocument({
      coQuanChuQuan: 'UBND TỈNH HÀ GIANG',
      coQuanBanHanh: 'Ban Chỉ đạo\ncác chương trình\nmục tiêu quốc gia\ntỉnh Hà Giang',
      coQuanTrongCau: undefined,
    });
    expect((await runCli(['build'], { cwd: dir })).code).toBe(0);
    const docx = path.join(dir, 'out', 'bao-cao.docx');
    const text = paragraphsText(docxParts(docx)['word/document.xml']!);
    expect(text.slice(0, 5)).toEqual([
      'UBND TỈNH HÀ GIANG',
      'BAN CHỈ ĐẠO',
      'CÁC CHƯƠNG TRÌNH',
      'MỤC TIÊU QUỐC GIA',
      'TỈNH HÀ GIANG',
    ]);
    // Inside a sentence, on one line and as written.
    expect(text).toContain(
      '(Kèm theo Báo cáo số 45/BC-BCĐ ngày 13/8/2021 của Ban Chỉ đạo các chương trình mục tiêu quốc gia tỉnh Hà Giang)',
    );
    const [pdf] = toPdfs([docx]);
    const lines = pdfText(pdf!, 1).split('\n');
    for (const given of ['BAN CHỈ ĐẠO', 'CÁC CHƯƠNG TRÌNH', 'MỤC TIÊU QUỐC GIA', 'TỈNH HÀ GIANG'])
      expect(
        lines.some((l) => new RegExp(`^\\s*${given}(\\s{2,}|$)`).test(l)),
        given,
      ).toBe(true);
    expect(lines.some((l) => /Số: 45\/BC-BCĐ\s+Hà Giang, ngày 13 tháng 8 năm 2021/.test(l))).toBe(true);
  }, 60_000);
});
