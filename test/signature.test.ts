// The signing block is never split and never alone: for bodies that end at every
// point of a page (a range of filler paragraphs covering two pages), LibreOffice puts
// "Nơi nhận", the authority, the titles and the signer's name on one page, together
// with the body's closing paragraph.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { docxParts, paragraphsText, pdfPages, pdfText, toPdfs } from './docx-helpers.js';
import { json, runCli, sampleCopy } from './helpers.js';

const FILLER =
  'Các cơ quan, đơn vị tiếp tục triển khai đồng bộ các giải pháp phòng ngừa, bám sát cơ sở và phối hợp chặt chẽ trong thực hiện nhiệm vụ được giao.';
const CLOSING = 'Trên đây là báo cáo kết quả công tác của Ban Chỉ đạo./.';

describe('the signing block', () => {
  it('shares its page with the closing paragraph, whole, for every body length over two pages', async () => {
    const dir = sampleCopy();
    mkdirSync(path.join(dir, 'mau'));
    const counts = Array.from({ length: 34 }, (_, i) => i);
    const docs: string[] = [];
    for (const n of counts) {
      writeFileSync(
        path.join(dir, 'mau', `${n}.md.hbs`),
        `## I. KẾT QUẢ\n\n${Array.from({ length: n }, (_, i) => `${i + 1}. ${FILLER}`).join('\n\n')}\n\n${CLOSING}\n`,
      );
      const out = path.join(dir, 'out', `body-${n}.docx`);
      const r = await runCli(['build', '--template', path.join('mau', `${n}.md.hbs`), '-o', out], { cwd: dir });
      expect(r.code, r.stderr).toBe(0);
      docs.push(out);
    }
    const pdfs = toPdfs(docs);
    const breaks = new Set<number>();
    pdfs.forEach((pdf, i) => {
      // The body and signature are before the appendix, which starts a landscape section.
      const pages = Array.from({ length: pdfPages(pdf) }, (_, p) => pdfText(pdf, p + 1));
      const signing = pages.findIndex((t) => t.includes('Nơi nhận:'));
      expect(signing, `body of ${counts[i]} paragraphs`).toBeGreaterThanOrEqual(0);
      const page = pages[signing]!.replace(/\s+/g, ' ');
      for (const part of ['TM. BAN CHỈ ĐẠO', 'TRƯỞNG BAN', 'PHÓ CHỦ TỊCH UBND TỈNH', 'Trần Đức Quý', 'Lưu: VT'])
        expect(page, `"${part}" with a body of ${counts[i]} paragraphs`).toContain(part);
      expect(page, `closing paragraph with a body of ${counts[i]} paragraphs`).toContain('Trên đây là báo cáo');
      breaks.add(signing);
    });
    // The range really made the signing block move across pages.
    expect(breaks.size).toBeGreaterThanOrEqual(2);
  }, 300_000);
});

describe('signing titles', () => {
  const signing = (dir: string) => {
    const text = paragraphsText(docxParts(path.join(dir, 'out', 'bao-cao.docx'))['word/document.xml']!);
    return text.slice(text.indexOf('Nơi nhận:'));
  };

  it('the authority, the title in the committee, then the post in the agency, then the name', async () => {
    const dir = sampleCopy();
    expect((await runCli(['build'], { cwd: dir })).code).toBe(0);
    const block = signing(dir);
    const lines = block
      .slice(0, block.indexOf('Trần Đức Quý') + 1)
      .filter((t) => /^[A-ZĐÀ-Ỹ. ]+$/u.test(t) || t === 'Trần Đức Quý');
    expect(lines).toEqual(['TM. BAN CHỈ ĐẠO', 'TRƯỞNG BAN', 'PHÓ CHỦ TỊCH UBND TỈNH', 'Trần Đức Quý']);
  });

  it("several levels of authority (TM. then KT.), none when the head signs, and only the decree's prefixes", async () => {
    const dir = sampleCopy();
    const yaml = readFileSync(path.join(dir, 'baocao.yaml'), 'utf8');
    writeFileSync(
      path.join(dir, 'baocao.yaml'),
      yaml
        .replace('thamQuyen: TM. BAN CHỈ ĐẠO', 'thamQuyen: [TM. ỦY BAN NHÂN DÂN, KT. CHỦ TỊCH]')
        .replace(/chucVu:\n(\s+- .*\n)+/, 'chucVu: [PHÓ CHỦ TỊCH]\n'),
    );
    expect((await runCli(['build'], { cwd: dir })).code).toBe(0);
    expect(signing(dir).slice(0, 12)).toEqual(
      expect.arrayContaining(['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH']),
    );
    const order = ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'].map((t) => signing(dir).indexOf(t));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    writeFileSync(path.join(dir, 'baocao.yaml'), yaml.replace(/\s+thamQuyen: TM. BAN CHỈ ĐẠO/, ''));
    expect((await runCli(['build'], { cwd: dir })).code).toBe(0);
    expect(signing(dir)).not.toContain('TM. BAN CHỈ ĐẠO');
    writeFileSync(path.join(dir, 'baocao.yaml'), yaml.replace('thamQuyen: TM. BAN CHỈ ĐẠO', 'thamQuyen: Thay mặt Ban'));
    const bad = await runCli(['build', '--json'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(json(bad).errors[0]).toMatchObject({
      code: 'CONFIG_INVALID',
      message: expect.stringContaining('TM., KT., Q., TL.'),
    });
  });
});
