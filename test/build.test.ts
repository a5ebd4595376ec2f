// `baocao build`: the report as the decree lays it out, read back from the DOCX XML
// and from LibreOffice's PDF; identical bytes on rebuild; errors that stop the build.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { docxParts, paragraphsText, pdfPages, pdfText, toPdf } from './docx-helpers.js';
import { FIXTURES, json, ROOT, runCli, SAMPLE, sampleCopy, spawnCli } from './helpers.js';

describe('the sample report', () => {
  let dir: string;
  let docx: string;
  let parts: Record<string, string>;
  let pdf: string;

  beforeAll(async () => {
    dir = sampleCopy();
    const r = await runCli(['build'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${path.join('out', 'bao-cao.docx')}\n`);
    docx = path.join(dir, 'out', 'bao-cao.docx');
    parts = docxParts(docx);
    pdf = toPdf(docx);
  });

  it('is A4 with the decree margins, then a landscape appendix numbered on its own', () => {
    const sections = [...parts['word/document.xml']!.matchAll(/<w:sectPr[\s\S]*?<\/w:sectPr>/g)].map((m) => m[0]);
    expect(sections).toHaveLength(2);
    const [body, appendix] = sections as [string, string];
    expect(body).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const margin = /<w:pgMar w:top="(\d+)" w:right="(\d+)" w:bottom="(\d+)" w:left="(\d+)"/
      .exec(body)!
      .slice(1)
      .map(Number);
    const [top, right, bottom, left] = margin as [number, number, number, number];
    expect(top).toBeGreaterThanOrEqual(1134);
    expect(top).toBeLessThanOrEqual(1417);
    expect(bottom).toBeGreaterThanOrEqual(1134);
    expect(bottom).toBeLessThanOrEqual(1417);
    expect(left).toBeGreaterThanOrEqual(1701);
    expect(left).toBeLessThanOrEqual(1984);
    expect(right).toBeGreaterThanOrEqual(850);
    expect(right).toBeLessThanOrEqual(1134);
    for (const s of sections) {
      expect(s).toContain('<w:titlePg/>'); // no number on the first page
      expect(s).toMatch(/<w:pgNumType w:start="1"/);
    }
    expect(appendix).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/);
  });

  it('sets Times New Roman and vi-VN on every run, 14 pt body', () => {
    const styles = parts['word/styles.xml']!;
    const defaults = /<w:rPrDefault>[\s\S]*?<\/w:rPrDefault>/.exec(styles)![0];
    expect(defaults).toMatch(
      /<w:rFonts w:ascii="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman" w:hAnsi="Times New Roman"\/>/,
    );
    expect(defaults).toMatch(/<w:lang w:val="vi-VN"/);
    expect(defaults).toMatch(/<w:sz w:val="28"\/>/);
    // No run may override the font with another one.
    const fonts = new Set([...parts['word/document.xml']!.matchAll(/w:ascii="([^"]+)"/g)].map((m) => m[1]));
    expect([...fonts].filter((f) => f !== 'Times New Roman')).toEqual([]);
  });

  it('lays body paragraphs out justified, indented 1.27 cm, ≥ 6 pt apart, line spacing within 1–1.5, through the Normal style', () => {
    const xml = parts['word/document.xml']!;
    // A body paragraph carries no formatting of its own: it takes Normal, the decree's body text.
    const body = [...xml.matchAll(/<w:p>[\s\S]*?<\/w:p>/g)]
      .map((m) => m[0])
      .find((p) => p.includes('Trong kỳ xảy ra'))!;
    expect(body).not.toContain('<w:pPr>');
    // Marked the default paragraph style (Word takes it for paragraphs without a style of their own).
    const normal =
      /<w:style w:type="paragraph"(?=[^>]* w:default="1")(?=[^>]* w:styleId="Normal")[^>]*>[\s\S]*?<\/w:style>/.exec(
        parts['word/styles.xml']!,
      )![0];
    expect(normal).toContain('<w:name w:val="Normal"/>');
    expect(normal).toContain('<w:jc w:val="both"/>');
    expect(normal).toMatch(/<w:ind w:firstLine="720"\/>/);
    expect(normal).toContain('w:ascii="Times New Roman"');
    expect(normal).toContain('<w:sz w:val="28"/>');
    const after = Number(/w:after="(\d+)"/.exec(normal)![1]);
    const line = Number(/w:line="(\d+)"/.exec(normal)![1]);
    expect(after).toBeGreaterThanOrEqual(120);
    expect(line).toBeGreaterThanOrEqual(240);
    expect(line).toBeLessThanOrEqual(360);
  });

  it("defines Heading 1–3 as the decree's section headings (bold, black, no theme colour, level 1 in capitals) and uses them", () => {
    const styles = parts['word/styles.xml']!;
    // Heading 4–6 too: a clerk may pick them in Word, and docx's own are blue.
    for (const [id, caps] of [
      ['Heading1', true],
      ['Heading2', false],
      ['Heading3', false],
      ['Heading4', false],
      ['Heading5', false],
      ['Heading6', false],
    ] as const) {
      const style = new RegExp(`<w:style w:type="paragraph" w:styleId="${id}">[\\s\\S]*?</w:style>`).exec(styles)![0];
      expect(style, id).toContain('<w:b/>');
      expect(style, id).toContain('<w:color w:val="000000"/>');
      expect(style, id).not.toMatch(/themeColor/);
      expect(style, id).toContain('<w:sz w:val="28"/>');
      expect(style.includes('<w:caps/>'), id).toBe(caps);
    }
    const title = /<w:style w:type="paragraph" w:styleId="Title">[\s\S]*?<\/w:style>/.exec(styles)![0];
    expect(title).toContain('<w:sz w:val="28"/>');
    expect(title).toContain('<w:color w:val="000000"/>');
    // The agency, not docx's "Un-named", last modified the file.
    expect(parts['docProps/core.xml']).toContain(
      '<cp:lastModifiedBy>Ban Chỉ đạo 138 tỉnh Hà Giang</cp:lastModifiedBy>',
    );
    const xml = parts['word/document.xml']!;
    const styled = (id: string) =>
      [...xml.matchAll(new RegExp(`<w:pStyle w:val="${id}"/>[\\s\\S]*?</w:p>`, 'g'))].length;
    expect(styled('Heading1')).toBe(3); // I. to III.
    expect(styled('Heading2')).toBe(7); // I.1 to I.5, II.1 and II.2
  });

  it('pandoc reads the outline from the headings', () => {
    const r = spawnSync('pandoc', ['-f', 'docx', '-t', 'markdown', path.join(dir, 'out', 'bao-cao.docx')], {
      encoding: 'utf8',
    });
    if (r.error) throw new Error(`pandoc is needed (apt-get install pandoc): ${r.error.message}`);
    const headings = r.stdout.split('\n').filter((l) => /^#+ /.test(l));
    expect(headings[0]).toBe('# I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ');
    expect(headings).toContain('## 2. Công tác phòng, chống tội phạm');
    expect(headings).toContain('# II. ĐÁNH GIÁ CHUNG');
    expect(headings.at(-1)).toBe('# III. PHƯƠNG HƯỚNG, NHIỆM VỤ TRỌNG TÂM THỜI GIAN TỚI');
    // The directions are a Word numbered list (List Number), which pandoc reads as one.
    expect(r.stdout).toMatch(/^1\. +Tăng cường công tác phối hợp/m);
    expect(r.stdout).toMatch(/^5\. +Làm tốt công tác phòng, chống ma túy/m);
  });

  it('numbers each list from 1 with Word numbering, and dashes bullets', async () => {
    const copy = sampleCopy();
    writeFileSync(
      path.join(copy, 'l.md.hbs'),
      'Mở đầu.\n\n1. Một\n2. Hai\n\nGiữa.\n\n1. Ba\n2. Bốn\n\n- Gạch một\n- Gạch hai\n\nKết thúc./.\n',
    );
    expect((await runCli(['build', '--template', 'l.md.hbs', '-o', 'l.docx'], { cwd: copy })).code).toBe(0);
    const xml = docxParts(path.join(copy, 'l.docx'))['word/document.xml']!;
    expect([...xml.matchAll(/<w:pStyle w:val="ListNumber"\/>/g)]).toHaveLength(4);
    expect([...xml.matchAll(/<w:pStyle w:val="ListBullet"\/>/g)]).toHaveLength(2);
    const md = spawnSync('pandoc', ['-f', 'docx', '-t', 'markdown', path.join(copy, 'l.docx')], {
      encoding: 'utf8',
    }).stdout;
    expect(md).toMatch(/^1\. +Ba$/m);
    expect(md).toMatch(/^- +Gạch một$/m);
  });

  it('puts a centred PAGE field in the header from page 2, none on page 1', () => {
    const headers = Object.entries(parts)
      .filter(([n]) => /^word\/header\d+\.xml$/.test(n))
      .map(([, x]) => x);
    expect(headers.filter((h) => /PAGE/.test(h) && /<w:jc w:val="center"\/>/.test(h))).toHaveLength(2);
    expect(pdfText(pdf, 1).trimStart()).toMatch(/^UBND TỈNH HÀ GIANG/);
    expect(pdfText(pdf, 2).trim().split('\n')[0]!.trim()).toBe('2');
    // The appendix opens a section of its own: numbered again, no number on its first page.
    expect(pdfText(pdf, 3).trim().split('\n')[0]!.trim()).toBe('Phụ lục');
  });

  it('has the frame: agency, number, national title, motto, italic place and date, title and subject', () => {
    const text = paragraphsText(parts['word/document.xml']!);
    expect(text.slice(0, 8)).toEqual([
      'UBND TỈNH HÀ GIANG',
      'BAN CHỈ ĐẠO 138',
      '',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      '',
      // One row of its own, so "Số:" stays level with the date however long the agency's name.
      'Số: 45/BC-BCĐ',
      'Hà Giang, ngày 13 tháng 8 năm 2021',
    ]);
    const xml = parts['word/document.xml']!;
    expect(/<w:p>(?:(?!<\/w:p>)[\s\S])*Hà Giang, ngày 13 tháng 8 năm 2021/.exec(xml)![0]).toContain('<w:i/>');
    expect(/<w:p>(?:(?!<\/w:p>)[\s\S])*>BÁO CÁO</.exec(xml)![0]).toContain('<w:b/>');
    expect(text).toContain(
      'Sơ kết công tác phòng, chống tội phạm, ma túy, mua bán người và phong trào Toàn dân bảo vệ an ninh Tổ quốc 6 tháng đầu năm 2021',
    );
  });

  it('states the published figures in the body', () => {
    const text = pdfText(pdf).replace(/\s+/g, ' ');
    expect(text).toContain('123 vụ phạm tội về trật tự xã hội, giảm 10,9% (15 vụ) so với cùng kỳ năm 2020');
    expect(text).toContain('tỷ lệ điều tra, khám phá đạt 97,6%');
    expect(text).toContain('Không để phát sinh điểm nóng về trật tự xã hội');
    expect(text).toContain('cai nghiện tại gia đình, cộng đồng 12 người');
    expect(text).toContain('đưa vào cai nghiện bắt buộc 18 người');
    expect(text).toContain('giáo dục tại xã, phường, thị trấn 21 người');
    expect(text).toContain('527 mô hình tự quản');
    expect(text).toContain('2.082 tổ tự quản');
    expect(text).toContain('vượt chỉ tiêu');
  });

  it('ends with recipients beside the signature block, then the appendix', () => {
    const text = pdfText(pdf).replace(/[ \t]+/g, ' ');
    expect(text).toMatch(/Nơi nhận: TM\. BAN CHỈ ĐẠO/);
    expect(text).toContain('- Lưu: VT, BCĐ.');
    expect(text).toContain('Trần Đức Quý');
    expect(pdfPages(pdf)).toBe(3);
    const appendix = pdfText(pdf, 3).replace(/[ \t]+/g, ' ');
    expect(appendix).toContain('Phụ lục');
    expect(appendix).toMatch(/1 Thành phố Hà Giang 24 27 23 26 95,8 96,3/);
    expect(appendix).toMatch(
      /Tổng cộng 123 138 120 130 97,6 94,2 151 142 198 187 4 6 0 0 12 15 18 22 21 17 527 498 2\.082 2\.051/,
    );
  });

  it('gives the appendix table explicit widths, a repeating two-row header and right-aligned figures', () => {
    const xml = parts['word/document.xml']!;
    const tables = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
    const appendix = tables.at(-1)!;
    const cols = [...appendix.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(cols).toHaveLength(2 + 12 * 2);
    expect(cols.every((w) => w >= 400)).toBe(true);
    expect(cols.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(16838 - 1701 - 850);
    expect(appendix.match(/<w:tblHeader\/>/g)).toHaveLength(2);
    expect(appendix).toContain('<w:tblLayout w:type="fixed"/>');
    const totalRow = /<w:tr>(?:(?!<\/w:tr>)[\s\S])*Tổng cộng[\s\S]*?<\/w:tr>/.exec(appendix)![0];
    expect(totalRow.match(/<w:jc w:val="right"\/>/g)!.length).toBe(24);
  });

  it('builds byte-identical files from the same inputs, whatever the time zone', () => {
    const a = spawnCli(['build', '-o', 'a.docx'], { cwd: dir, env: { TZ: 'Asia/Ho_Chi_Minh' } });
    const b = spawnCli(['build', '-o', 'b.docx'], { cwd: dir, env: { TZ: 'America/Los_Angeles' } });
    expect([a.code, b.code]).toEqual([0, 0]);
    const bytes = readFileSync(path.join(dir, 'a.docx'));
    expect(bytes.equals(readFileSync(path.join(dir, 'b.docx')))).toBe(true);
    expect(bytes.equals(readFileSync(docx))).toBe(true);
    expect(docxParts(path.join(dir, 'a.docx'))['docProps/core.xml']).toMatch(
      /<dcterms:created[^>]*>2021-08-13T00:00:00Z</,
    );
  });
});

describe('build errors', () => {
  const TEMPLATE = path.join(ROOT, 'fixtures', 'ha-giang-2021-6t', 'bao-cao-138.md.hbs');
  const withTemplate = (edit: (s: string) => string) => {
    const dir = sampleCopy();
    writeFileSync(path.join(dir, 'mau.md.hbs'), edit(readFileSync(TEMPLATE, 'utf8')));
    return dir;
  };
  const lineOf = (source: string, needle: string) => source.split('\n').findIndex((l) => l.includes(needle)) + 1;

  it.each([
    [
      'a misspelt variable',
      (s: string) => s.replace('{{indicators.MT_DT.current}}', '{{indicators.MT_DT.curent}}'),
      'TEMPLATE_UNKNOWN_VARIABLE',
      'curent',
    ],
    [
      'an unknown helper',
      (s: string) => s.replace('{{change indicators.MT_VU}}', '{{thaydoi indicators.MT_VU}}'),
      'TEMPLATE_UNKNOWN_HELPER',
      'thaydoi',
    ],
    [
      'a helper used wrongly',
      (s: string) => s.replace('{{percent indicators.TL_KP.current}}', '{{percent indicators.TTXH_KP.current}}'),
      'TEMPLATE_HELPER',
      'percent',
    ],
    ['an unclosed block', (s: string) => s.replace('{{/if}}', ''), 'TEMPLATE_SYNTAX', null],
  ])(
    'stops with exit 2 and the template line for %s, leaving the earlier report untouched',
    async (_, edit, code, needle) => {
      const dir = withTemplate(edit);
      const source = readFileSync(path.join(dir, 'mau.md.hbs'), 'utf8');
      expect((await runCli(['build'], { cwd: dir })).code).toBe(0);
      const before = readFileSync(path.join(dir, 'out', 'bao-cao.docx'));
      const r = await runCli(['build', '--template', 'mau.md.hbs', '--json'], { cwd: dir });
      expect(r.code).toBe(2);
      const err = json(r).errors[0];
      expect(err).toMatchObject({ code, file: 'mau.md.hbs' });
      if (needle) expect(err.line).toBe(lineOf(source, needle));
      else expect(err.line).toBeGreaterThan(0);
      expect(r.stderr).toContain(`mau.md.hbs: dòng ${err.line}: lỗi ${code}`);
      expect(readFileSync(path.join(dir, 'out', 'bao-cao.docx')).equals(before)).toBe(true);
      expect(readdirSync(path.join(dir, 'out'))).toEqual(['bao-cao.docx']);
    },
  );

  it('stops with exit 1 and the errors when the data is invalid, writing nothing', async () => {
    const dir = sampleCopy();
    const f = path.join(dir, 'returns', '031-bac-me.csv');
    writeFileSync(f, readFileSync(f, 'utf8').replace(',TTXH_KP,', ',TTXH_KPX,'));
    const r = await runCli(['build'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('UNKNOWN_INDICATOR');
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });

  it('names the units that have not reported when built with --allow-missing', async () => {
    const dir = sampleCopy();
    const { rmSync } = await import('node:fs');
    rmSync(path.join(dir, 'returns', '031-bac-me.csv'));
    rmSync(path.join(dir, 'returns', '033-xin-man.csv'));
    expect((await runCli(['build'], { cwd: dir })).code).toBe(1);
    const r = await runCli(['build', '--allow-missing'], { cwd: dir });
    expect(r.code).toBe(0);
    const text = paragraphsText(docxParts(path.join(dir, 'out', 'bao-cao.docx'))['word/document.xml']!).join('\n');
    expect(text).toContain('(9/11 huyện, thành phố đã gửi báo cáo, chưa có báo cáo của Bắc Mê và Xín Mần):');
    expect(text).toContain('Bắc Mê (chưa báo cáo)');
  });

  it('refuses to write the report over one of its inputs', async () => {
    const dir = sampleCopy();
    const input = path.join(dir, 'returns', '024-thanh-pho-ha-giang.csv');
    const before = readFileSync(input);
    const r = await runCli(['build', '-o', 'returns/024-thanh-pho-ha-giang.csv'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('OUTPUT_IS_INPUT');
    expect(readFileSync(input).equals(before)).toBe(true);
    // The same through a link, and for the definition itself.
    symlinkSync(input, path.join(dir, 'link.docx'));
    expect((await runCli(['build', '-o', 'link.docx'], { cwd: dir })).stderr).toContain('OUTPUT_IS_INPUT');
    expect((await runCli(['build', '-o', 'baocao.yaml'], { cwd: dir })).stderr).toContain('OUTPUT_IS_INPUT');
    expect(readFileSync(input).equals(before)).toBe(true);
  });

  it("never writes over the clerk's narrative or into a folder read as returns, from any folder; nothing is written", async () => {
    const dir = sampleCopy();
    const narrative = path.join(dir, 'noi-dung.md');
    const before = readFileSync(narrative);
    for (const [cwd, out] of [
      [dir, 'noi-dung.md'],
      [path.join(dir, 'returns'), '../noi-dung.md'],
      [dir, 'returns/bao-cao.docx'],
    ] as const) {
      const r = await runCli(['build', '--config', path.join(dir, 'baocao.yaml'), '-o', out, '--json'], { cwd });
      expect(r.code, `${out}: ${r.stderr}`).toBe(2);
      expect(json(r).errors[0]).toMatchObject({ code: 'OUTPUT_IS_INPUT' });
    }
    // The narrative named as the output in the definition itself.
    writeFileSync(
      path.join(dir, 'baocao.yaml'),
      readFileSync(path.join(dir, 'baocao.yaml'), 'utf8').replace(/^output: .*$/m, 'output: noi-dung.md'),
    );
    expect((await runCli(['build'], { cwd: dir })).code).toBe(2);
    expect(readFileSync(narrative).equals(before)).toBe(true);
    expect(readdirSync(path.join(dir, 'returns')).filter((f) => !f.endsWith('.csv'))).toEqual([]);
  });

  it("never writes into last period's archive, and forms never land among the returns, even with --force", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'baocao-owned-'));
    cpSync(path.join(FIXTURES, 'check', 'nam-2023'), path.join(dir, 'nam-2023'), { recursive: true });
    cpSync(path.join(FIXTURES, 'check', 'year-ok', 'returns'), path.join(dir, 'returns'), { recursive: true });
    const frame = readFileSync(path.join(SAMPLE, 'baocao.yaml'), 'utf8');
    writeFileSync(
      path.join(dir, 'baocao.yaml'),
      readFileSync(path.join(FIXTURES, 'check', 'nam.yaml'), 'utf8') + frame.slice(frame.indexOf('document:')),
    );
    const archived = readFileSync(path.join(dir, 'nam-2023', '2023.csv'));
    const r = await runCli(['build', '-o', 'nam-2023/2023.csv', '--json'], { cwd: dir });
    expect(json(r).errors[0]).toMatchObject({ code: 'OUTPUT_IS_INPUT', file: path.join('nam-2023', '2023.csv') });
    expect(readFileSync(path.join(dir, 'nam-2023', '2023.csv')).equals(archived)).toBe(true);
    const filled = readFileSync(path.join(dir, 'returns', 'a.csv'));
    const forms = await runCli(['forms', '-o', 'returns', '--force', '--format', 'csv', '--json'], { cwd: dir });
    expect(forms.code).toBe(2);
    expect(json(forms).errors[0]).toMatchObject({ code: 'OUTPUT_IS_INPUT' });
    expect(json(forms).errors[0].message).toContain('returns');
    expect(readdirSync(path.join(dir, 'returns'))).toEqual(['a.csv']);
    expect(readFileSync(path.join(dir, 'returns', 'a.csv')).equals(filled)).toBe(true);
  });

  it('needs the document section of the definition', async () => {
    const dir = sampleCopy();
    const yaml = readFileSync(path.join(dir, 'baocao.yaml'), 'utf8');
    writeFileSync(path.join(dir, 'baocao.yaml'), yaml.slice(0, yaml.indexOf('document:')));
    const r = await runCli(['build'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('DOCUMENT_MISSING');
  });

  it('reports a template that cannot be read', async () => {
    const r = await runCli(['build', '--template', 'khong-co.md.hbs'], { cwd: sampleCopy() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('TEMPLATE_NOT_FOUND');
  });

  it('reports an output folder it cannot write, leaving no partial file', async () => {
    const dir = sampleCopy();
    writeFileSync(path.join(dir, 'not-a-folder'), 'x');
    const r = await runCli(['build', '-o', 'not-a-folder/report.docx'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('OUTPUT_FAILED');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('text from data is literal', () => {
  it('shows labels and names with Markdown, XML and Handlebars characters exactly as typed', async () => {
    const dir = sampleCopy();
    const nasty = 'A*b*_c_ | # <b>&amp; {{x}} \\ [l](u) `q` ~~s~~';
    const yaml = readFileSync(path.join(dir, 'baocao.yaml'), 'utf8')
      .replace('label: Số vụ phạm tội về ma túy bị phát hiện, bắt giữ', `label: '${nasty}'`)
      .replace('name: Bắc Mê }', `name: '${nasty} Bắc Mê' }`)
      .replace('nguoiKy: Trần Đức Quý', `nguoiKy: '${nasty}'`);
    writeFileSync(path.join(dir, 'baocao.yaml'), yaml);
    writeFileSync(
      path.join(dir, 'mau.md.hbs'),
      'Chỉ tiêu: {{indicators.MT_VU.label}}; đơn vị: {{#each units}}{{#if (eq code "031")}}{{name}}{{/if}}{{/each}}.\n\n| Tên | Ghi chú |\n|---|---|\n| {{indicators.MT_VU.label}} | x |\n',
    );
    const r = await runCli(['build', '--template', 'mau.md.hbs'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const parts = docxParts(path.join(dir, 'out', 'bao-cao.docx'));
    const text = paragraphsText(parts['word/document.xml']!);
    expect(text).toContain(`Chỉ tiêu: ${nasty}; đơn vị: ${nasty} Bắc Mê.`);
    expect(text).toContain(nasty); // the table cell
    expect(text).toContain(`${nasty} Bắc Mê`); // the appendix row
    expect(text).toContain(nasty); // the signer
    // No formatting crept in: the label's paragraph is one plain run.
    const para = [...parts['word/document.xml']!.matchAll(/<w:p>(?:(?!<\/w:p>)[\s\S])*<\/w:p>/g)]
      .map((m) => m[0])
      .find((p) => p.includes('Chỉ tiêu: '))!;
    expect(para).not.toMatch(/<w:(b|i|strike)\/>/);
    expect(para.match(/<w:r>/g)).toHaveLength(1);
  });
});
