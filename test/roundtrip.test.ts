// The report round-trips through Word: what the clerk types in the DOCX survives a rebuild,
// lands in the narrative file, and an edited figure is never dropped in silence.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calc, json, runCli, SAMPLE, sampleCopy, type CliResult } from './helpers.js';
import { paragraphsText } from './docx-helpers.js';
import { escapeText, inlineMarkdown } from '../src/report/docx/markdown.js';
import { markdownToBlocks } from '../src/report/body.js';
import { compileNarrative, parseNarrative, probeView, writeSections } from '../src/report/report.js';
import { buildView } from '../src/report/template/view.js';
import { plainText, type Block } from '../src/report/model.js';
import { loadDefinition } from '../src/ingest/definition.js';
import { NARRATIVE_SECTIONS } from '../src/definition/narrative-sections.js';
import { aggregateReturns } from '../src/aggregate/aggregate.js';

const WORD_XML = 'docx:MS Word 2007 XML';

/** Rewrites one part of a DOCX as Word would save it after an edit. */
function editDocx(
  file: string,
  edit: (documentXml: string) => string,
  drop: (name: string) => boolean = () => false,
): void {
  const parts = unzipSync(new Uint8Array(readFileSync(file)));
  const kept = Object.fromEntries(Object.entries(parts).filter(([n]) => !drop(n)));
  kept['word/document.xml'] = strToU8(edit(strFromU8(parts['word/document.xml']!)));
  writeFileSync(file, zipSync(kept));
}

/** What Word writes when text is typed into a content control: its content replaced by the paragraphs typed. */
function typeInto(key: string, paragraphs: string): (xml: string) => string {
  return (xml) => {
    const re = new RegExp(
      `(<w:tag w:val="baocao:narrative:${key}"/>[\\s\\S]*?<w:sdtContent>)([\\s\\S]*?)(</w:sdtContent>)`,
    );
    expect(re.test(xml), `control ${key}`).toBe(true);
    return xml.replace(re, (_, open: string, __: string, close: string) => open + paragraphs + close);
  };
}

const run = (text: string, props = '') =>
  `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}<w:t xml:space="preserve">${text}</w:t></w:r>`;
/**
 * Typed in Word: plain, bold and italic words, characters that mean something to Markdown and
 * Handlebars, a bulleted item — with what Word adds as it saves: revision ids, a proofing mark,
 * its bookmark of the last edit, a language and fonts on each run, the word split over runs.
 */
const word = (text: string, props = '') =>
  run(
    text,
    `<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/>${props}<w:sz w:val="28"/><w:lang w:val="vi-VN"/>`,
  );
const TYPED =
  `<w:p w:rsidR="00A1B2C3" w:rsidRDefault="00A1B2C3"><w:bookmarkStart w:id="0" w:name="_GoBack"/><w:bookmarkEnd w:id="0"/>${word('Còn ')}${word('chậm', '<w:b/><w:bCs/>')}<w:proofErr w:type="spellStart"/>${word(' ở {{v')}${word('ài}} nơi, *không* phải ')}<w:proofErr w:type="spellEnd"/>${word('mọi', '<w:i/><w:iCs/>')}${word(' nơi.')}</w:p>` +
  `<w:p><w:pPr><w:pStyle w:val="ListBullet"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>${run('Biên giới dài.')}</w:p>` +
  `<w:p>${run('1. Đoạn cuối.')}</w:p>`;

const REPORT = (dir: string) => path.join(dir, 'out', 'bao-cao.docx');
const documentXml = (file: string) => strFromU8(unzipSync(new Uint8Array(readFileSync(file)))['word/document.xml']!);
const section = (md: string, heading: string) => md.split(/^## /m).find((s) => s.startsWith(heading))!;
const codes = (r: CliResult) => [...json(r).errors, ...json(r).warnings].map((p: { code: string }) => p.code);

describe('the report round-trips through Word', () => {
  it('rebuilds an unchanged report, and its LibreOffice save, with no warning and the same bytes', async () => {
    const dir = sampleCopy();
    expect((await runCli(['build', '--json'], { cwd: dir })).code).toBe(0);
    const first = readFileSync(REPORT(dir));
    const again = await runCli(['build', '--json'], { cwd: dir });
    expect(codes(again)).toEqual([]);
    expect(readFileSync(REPORT(dir)).equals(first)).toBe(true);
    // Saved by LibreOffice Writer, which flattens the controls and drops their tags.
    calc([REPORT(dir)], WORD_XML, path.join(dir, 'lo'));
    writeFileSync(REPORT(dir), readFileSync(path.join(dir, 'lo', 'bao-cao.docx')));
    const narrative = readFileSync(path.join(dir, 'noi-dung.md'), 'utf8');
    const afterLo = await runCli(['build', '--json'], { cwd: dir });
    expect(afterLo.code).toBe(0);
    expect(codes(afterLo)).toEqual([]);
    expect(readFileSync(REPORT(dir)).equals(first)).toBe(true);
    expect(readFileSync(path.join(dir, 'noi-dung.md'), 'utf8')).toBe(narrative);
  });

  it('carries text typed into a section in Word into the new report and into noi-dung.md', async () => {
    const dir = sampleCopy();
    expect((await runCli(['build'], { cwd: dir })).code).toBe(0);
    editDocx(REPORT(dir), typeInto('tonTai', TYPED));
    const r = await runCli(['build', '--json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(json(r).warnings).toEqual([
      expect.objectContaining({
        code: 'NARRATIVE_FROM_WORD',
        file: 'noi-dung.md',
        message: expect.stringContaining('Tồn tại, hạn chế'),
      }),
    ]);
    const md = readFileSync(path.join(dir, 'noi-dung.md'), 'utf8');
    expect(section(md, 'Tồn tại')).toBe(
      'Tồn tại, hạn chế\n\nCòn **chậm** ở \\{\\{vài\\}\\} nơi, \\*không\\* phải *mọi* nơi.\n\n- Biên giới dài.\n\n1\\. Đoạn cuối.\n\n',
    );
    // The other sections are as they were.
    const before = readFileSync(SAMPLE_NARRATIVE, 'utf8');
    expect(section(md, 'Ưu điểm')).toBe(section(before, 'Ưu điểm'));
    // The new report says what was typed, under its own heading, with its emphasis.
    const xml = documentXml(REPORT(dir));
    const paragraphs = paragraphsText(xml);
    const at = paragraphs.indexOf('2. Tồn tại, hạn chế');
    expect(paragraphs.slice(at + 1, at + 4)).toEqual([
      'Còn chậm ở {{vài}} nơi, *không* phải mọi nơi.',
      'Biên giới dài.',
      '1. Đoạn cuối.',
    ]);
    expect(xml).toMatch(
      /<w:b\/><w:bCs\/><w:sz w:val="28"\/><w:szCs w:val="28"\/><\/w:rPr><w:t xml:space="preserve">chậm<\/w:t>/,
    );
    // And the next build has nothing more to say.
    expect(codes(await runCli(['build', '--json'], { cwd: dir }))).toEqual([]);
  });

  it('finds the sections of a report saved by LibreOffice by the paragraphs around them', async () => {
    const dir = sampleCopy();
    expect((await runCli(['build'], { cwd: dir })).code).toBe(0);
    editDocx(
      REPORT(dir),
      typeInto(
        'uuDiem',
        `<w:p>${run('Viết trong Word, lưu bằng LibreOffice.')}</w:p><w:p>${run('Đoạn ')}${run('hai', '<w:b/>')}</w:p>`,
      ),
    );
    calc([REPORT(dir)], WORD_XML, path.join(dir, 'lo'));
    expect(readFileSync(path.join(dir, 'lo', 'bao-cao.docx')).includes('baocao:narrative:')).toBe(false);
    writeFileSync(REPORT(dir), readFileSync(path.join(dir, 'lo', 'bao-cao.docx')));
    const r = await runCli(['build', '--json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(codes(r)).toEqual(['NARRATIVE_FROM_WORD']);
    expect(section(readFileSync(path.join(dir, 'noi-dung.md'), 'utf8'), 'Ưu điểm')).toBe(
      'Ưu điểm\n\nViết trong Word, lưu bằng LibreOffice.\n\nĐoạn **hai**\n\n',
    );
  });

  it('keeps a report whose figure sentence was edited as a copy, with REPORT_EDITED; --final refuses it', async () => {
    const dir = sampleCopy();
    expect((await runCli(['build'], { cwd: dir })).code).toBe(0);
    editDocx(REPORT(dir), (xml) => xml.replace('Đã điều tra, khám phá 120 vụ', 'Đã điều tra, khám phá 121 vụ'));
    const edited = readFileSync(REPORT(dir));
    const final = await runCli(['build', '--final', '--json'], { cwd: dir });
    expect(final.code).toBe(1);
    expect(json(final).errors).toEqual([
      expect.objectContaining({
        code: 'REPORT_EDITED',
        message: expect.stringContaining('Đã điều tra, khám phá 121 vụ'),
      }),
    ]);
    expect(readFileSync(REPORT(dir)).equals(edited)).toBe(true);
    expect(readdirSync(path.join(dir, 'out'))).toEqual(['bao-cao.docx']);

    const r = await runCli(['build', '--json'], { cwd: dir });
    expect(r.code).toBe(0);
    const copy = path.join('out', 'bao-cao (bản sửa trong Word).docx');
    expect(json(r).warnings).toEqual([
      expect.objectContaining({
        code: 'REPORT_EDITED',
        message: expect.stringMatching(
          /^Đoạn "Đã điều tra, khám phá 121 vụ; tỷ lệ điều…" đã sửa trong Word; .*bản đã sửa lưu ở out\/bao-cao \(bản sửa trong Word\)\.docx\.$/,
        ),
      }),
    ]);
    expect(readFileSync(path.join(dir, copy)).equals(edited)).toBe(true);
    expect(paragraphsText(documentXml(REPORT(dir)))).toContainEqual(
      expect.stringMatching(/^Đã điều tra, khám phá 120 vụ/),
    );
    // A figure changed in the appendix's tables is an edit too, named as the table.
    expect((await runCli(['build'], { cwd: dir })).code).toBe(0);
    editDocx(REPORT(dir), (xml) =>
      xml.replace(
        /(<w:t xml:space="preserve">)Tổng cộng(<\/w:t>[\s\S]*?<w:t xml:space="preserve">)(\d+)</,
        (_, a: string, b: string, n: string) => `${a}Tổng cộng${b}${Number(n) + 1}<`,
      ),
    );
    const appendix = await runCli(['build', '--json'], { cwd: dir });
    expect(json(appendix).warnings).toEqual([
      expect.objectContaining({
        code: 'REPORT_EDITED',
        message: expect.stringContaining('"Phụ lục: bảng số liệu của từng đơn vị"'),
      }),
    ]);
    // A second edit is kept beside the first, never over it.
    editDocx(REPORT(dir), (xml) => xml.replace('Đã điều tra, khám phá 120 vụ', 'Đã điều tra, khám phá 122 vụ'));
    expect((await runCli(['build'], { cwd: dir })).code).toBe(0);
    expect(readdirSync(path.join(dir, 'out')).sort()).toEqual([
      'bao-cao (bản sửa trong Word 2).docx',
      'bao-cao (bản sửa trong Word 3).docx',
      'bao-cao (bản sửa trong Word).docx',
      'bao-cao.docx',
    ]);
  });

  it('refuses a section changed both in Word and in noi-dung.md, writing nothing', async () => {
    const dir = sampleCopy();
    expect((await runCli(['build'], { cwd: dir })).code).toBe(0);
    editDocx(REPORT(dir), typeInto('tonTai', `<w:p>${run('Bản trong Word.')}</w:p>`));
    const narrativeFile = path.join(dir, 'noi-dung.md');
    const changed = readFileSync(narrativeFile, 'utf8').replace(
      'Tình hình dịch bệnh Covid-19',
      'Tình hình dịch Covid-19',
    );
    writeFileSync(narrativeFile, changed);
    const report = readFileSync(REPORT(dir));
    const r = await runCli(['build', '--json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(json(r).errors).toEqual([
      expect.objectContaining({
        code: 'NARRATIVE_CONFLICT',
        file: 'noi-dung.md',
        message: expect.stringContaining('"Tồn tại, hạn chế"'),
      }),
    ]);
    expect(readFileSync(REPORT(dir)).equals(report)).toBe(true);
    expect(readFileSync(narrativeFile, 'utf8')).toBe(changed);
    // Copied from Word into the file, the two agree: no conflict.
    writeFileSync(narrativeFile, changed.replace(/Tình hình dịch Covid-19[^\n]*/, 'Bản trong Word.'));
    const agreed = await runCli(['build', '--json'], { cwd: dir });
    expect(agreed.code).toBe(0);
    expect(codes(agreed)).toEqual([]);
  });

  it('keeps what was typed in Word when the definition names no narrative file', async () => {
    const dir = sampleCopy();
    const yaml = path.join(dir, 'baocao.yaml');
    writeFileSync(yaml, readFileSync(yaml, 'utf8').replace(/^narrative: .*\n/m, ''));
    expect((await runCli(['build'], { cwd: dir })).code).toBe(0);
    editDocx(REPORT(dir), typeInto('tonTai', `<w:p>${run('Chỉ có trong Word.')}</w:p>`));
    const r = await runCli(['build', '--json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(codes(r)).toContain('NARRATIVE_FROM_WORD');
    for (let k = 0; k < 2; k++) {
      const text = paragraphsText(documentXml(REPORT(dir)));
      expect(text).toContain('Chỉ có trong Word.');
      expect(text).not.toContain('[Nội dung: Tồn tại, hạn chế]');
      expect(codes(await runCli(['build', '--json'], { cwd: dir }))).not.toContain('NARRATIVE_FROM_WORD');
    }
  });

  it("narrative pull writes a report's sections into noi-dung.md; a file changed since that build only with --overwrite", async () => {
    const dir = sampleCopy();
    expect((await runCli(['build'], { cwd: dir })).code).toBe(0);
    const edited = path.join(dir, 'sửa ở nhà.docx');
    writeFileSync(edited, readFileSync(REPORT(dir)));
    editDocx(edited, typeInto('tonTai', `<w:p>${run('Viết ở nhà.')}</w:p>`));
    const narrativeFile = path.join(dir, 'noi-dung.md');
    const pulled = await runCli(['narrative', 'pull', 'sửa ở nhà.docx', '--json'], { cwd: dir });
    expect(pulled.code).toBe(0);
    expect(json(pulled)).toMatchObject({
      ok: true,
      files: ['noi-dung.md'],
      warnings: [expect.objectContaining({ code: 'NARRATIVE_FROM_WORD' })],
    });
    expect(section(readFileSync(narrativeFile, 'utf8'), 'Tồn tại')).toBe('Tồn tại, hạn chế\n\nViết ở nhà.\n\n');
    // Again: nothing to write.
    expect(json(await runCli(['narrative', 'pull', 'sửa ở nhà.docx', '--json'], { cwd: dir })).files).toEqual([]);
    // The office's report, unedited, then builds with the pulled text, and says nothing.
    const built = await runCli(['build', '--json'], { cwd: dir });
    expect(codes(built)).toEqual([]);
    expect(paragraphsText(documentXml(REPORT(dir)))).toContain('Viết ở nhà.');
    // The file changed since the report at home was built: refused, unless --overwrite.
    writeFileSync(narrativeFile, readFileSync(narrativeFile, 'utf8').replace('Viết ở nhà.', 'Viết ở văn phòng.'));
    const refused = await runCli(['narrative', 'pull', 'sửa ở nhà.docx', '--json'], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(json(refused).errors).toEqual([expect.objectContaining({ code: 'NARRATIVE_CONFLICT' })]);
    expect(readFileSync(narrativeFile, 'utf8')).toContain('Viết ở văn phòng.');
    expect((await runCli(['narrative', 'pull', 'sửa ở nhà.docx', '--overwrite'], { cwd: dir })).code).toBe(0);
    expect(readFileSync(narrativeFile, 'utf8')).toContain('Viết ở nhà.');
    // Not a report of baocao's: refused, nothing written.
    const other = await runCli(['narrative', 'pull', 'noi-dung.md', '--json'], { cwd: dir });
    expect(other.code).toBe(2);
    expect(json(other).errors).toEqual([expect.objectContaining({ code: 'NARRATIVE_PULL_UNMARKED' })]);
  });

  it('gives a section the definition adds its own heading, control and place in noi-dung.md', async () => {
    const dir = sampleCopy();
    const yaml = path.join(dir, 'baocao.yaml');
    const extra = 'narrativeSections:\n  - key: yKien\n    heading: Ý kiến của Thường trực\n';
    const plain = readFileSync(yaml, 'utf8');
    writeFileSync(yaml, plain + extra);
    const template = path.join(dir, 'bao-cao-138.md.hbs');
    writeFileSync(
      template,
      readFileSync(template, 'utf8').replace(
        'Trên đây là báo cáo',
        '## IV. Ý KIẾN CỦA THƯỜNG TRỰC\n\n{{narrative.yKien}}\n\nTrên đây là báo cáo',
      ),
    );
    // Not written yet: a placeholder named for it, and an error with --final.
    const draft = await runCli(['build', '--json'], { cwd: dir });
    expect(json(draft).warnings).toEqual([
      expect.objectContaining({
        code: 'NARRATIVE_MISSING',
        message: expect.stringContaining('"Ý kiến của Thường trực"'),
      }),
    ]);
    expect(documentXml(REPORT(dir))).toContain(
      '<w:alias w:val="Nội dung: Ý kiến của Thường trực"/><w:tag w:val="baocao:narrative:yKien"/>',
    );
    expect((await runCli(['build', '--final'], { cwd: dir })).code).toBe(1);
    // Typed in Word, it lands under its own heading in the narrative file.
    editDocx(REPORT(dir), typeInto('yKien', `<w:p>${run('Thường trực đồng ý.')}</w:p>`));
    const r = await runCli(['build', '--final', '--json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(codes(r)).toEqual(['NARRATIVE_FROM_WORD']);
    expect(readFileSync(path.join(dir, 'noi-dung.md'), 'utf8')).toMatch(
      /\n## Ý kiến của Thường trực\n\nThường trực đồng ý\.\n$/,
    );
    expect(paragraphsText(documentXml(REPORT(dir)))).toContain('Thường trực đồng ý.');
    // Its key or heading may not repeat one of the outline's own sections.
    for (const [field, value] of [
      ['key', 'tonTai'],
      ['heading', 'ton tai, HAN CHE'],
    ]) {
      writeFileSync(yaml, plain + extra.replace(field === 'key' ? 'yKien' : 'Ý kiến của Thường trực', value!));
      const refused = await runCli(['build', '--json'], { cwd: dir });
      expect(refused.code, field).toBe(2);
      expect(json(refused).errors, field).toEqual([
        expect.objectContaining({
          code: 'CONFIG_INVALID',
          message: expect.stringContaining(field === 'key' ? '"tonTai"' : '"Tồn tại, hạn chế"'),
        }),
      ]);
    }
  });

  it("keeps a report it cannot read sections from: an earlier version's as a copy, a lost section as an error", async () => {
    const dir = sampleCopy();
    expect((await runCli(['build'], { cwd: dir })).code).toBe(0);
    const built = readFileSync(REPORT(dir));
    // Without the manifest, as an earlier version wrote it.
    editDocx(
      REPORT(dir),
      (xml) => xml,
      (name) => name.startsWith('customXml/'),
    );
    const unmarked = readFileSync(REPORT(dir));
    const r = await runCli(['build', '--json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(json(r).warnings).toEqual([
      expect.objectContaining({
        code: 'REPORT_UNMARKED',
        message: expect.stringContaining('bao-cao (bản trước).docx'),
      }),
    ]);
    expect(readFileSync(path.join(dir, 'out', 'bao-cao (bản trước).docx')).equals(unmarked)).toBe(true);
    expect(readFileSync(REPORT(dir)).equals(built)).toBe(true);
    // The controls gone (LibreOffice) and the heading before a section rewritten: where is the text?
    calc([REPORT(dir)], WORD_XML, path.join(dir, 'lo'));
    writeFileSync(REPORT(dir), readFileSync(path.join(dir, 'lo', 'bao-cao.docx')));
    editDocx(REPORT(dir), (xml) => xml.replace('2. Tồn tại, hạn chế', '2. Hạn chế'));
    const lost = readFileSync(REPORT(dir));
    const refused = await runCli(['build', '--json'], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(json(refused).errors).toEqual([
      expect.objectContaining({ code: 'REPORT_SECTION_LOST', message: expect.stringContaining('"Tồn tại, hạn chế"') }),
    ]);
    expect(readFileSync(REPORT(dir)).equals(lost)).toBe(true);
  });
});

const SAMPLE_NARRATIVE = path.join(SAMPLE, 'noi-dung.md');

/** Text a clerk types: Vietnamese letters, spaces and every ASCII mark. */
const typed = fc.string({
  unit: fc.constantFrom(...'aăâđeêoôơuưyAĐ ếỗữ0123456789.,;:!?()[]{}<>*_~`#+-=|\\/&$%@^"\''.split('')),
  minLength: 1,
  maxLength: 40,
});

describe('text read from Word reads back as typed', () => {
  it('escapes any text so that the narrative (Handlebars, then Markdown) gives back its characters', async () => {
    const definition = await loadDefinition(undefined, path.dirname(SAMPLE_NARRATIVE), 'vi');
    const probe = probeView(definition);
    const view = buildView(
      aggregateReturns(definition, { values: new Map(), received: [], missing: definition.units.map((u) => u.code) }),
    );
    const words = (b: Block): string =>
      b.kind === 'paragraph' ? plainText(b.inlines) : b.kind === 'heading' ? plainText(b.inlines) : `<${b.kind}>`;
    fc.assert(
      fc.property(typed, typed, (a, b) => {
        const md = inlineMarkdown([{ text: a }, { text: b, bold: true }]);
        const narrative = `## Ưu điểm\n\n${md}\n`;
        const compiled = compileNarrative(parseNarrative(narrative, 'n.md'), 'n.md', probe);
        const blocks = markdownToBlocks(compiled.get('uuDiem')!(view));
        const expected = (a + b).replace(/\s/g, ' ').trim();
        expect(blocks.map(words).join('|'), md).toBe(expected);
      }),
      { numRuns: 400, seed: 27 },
    );
  });
  it('escapes a line start that would begin a list, a heading or a rule', () => {
    for (const text of ['1. một', '2) hai', '- gạch', '+ cộng', '= bằng', '# thăng'])
      expect(
        markdownToBlocks(escapeText(text, true)).map((b) => (b.kind === 'paragraph' ? plainText(b.inlines) : b.kind)),
      ).toEqual([text]);
  });
  it("writes Word's text into the narrative file, keeping its hints, line endings and other sections", () => {
    const source =
      '<!-- đầu -->\r\n\r\n## Ưu điểm\r\n\r\n<!-- gợi ý -->\r\nCũ.\r\n\r\n## Tồn tại, hạn chế\r\n\r\nGiữ nguyên.\r\n';
    const out = writeSections(
      source,
      new Map([
        ['uuDiem', 'Mới **đậm**.'],
        ['kienNghi', 'Thêm mục.'],
      ]),
      'n.md',
      NARRATIVE_SECTIONS,
    );
    expect(out).toBe(
      '<!-- đầu -->\r\n\r\n## Ưu điểm\r\n\r\n<!-- gợi ý -->\r\n\r\nMới **đậm**.\r\n\r\n## Tồn tại, hạn chế\r\n\r\nGiữ nguyên.\r\n\r\n## Đề xuất, kiến nghị\r\n\r\nThêm mục.\r\n',
    );
  });
});
