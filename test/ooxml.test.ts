// Word opens what LibreOffice forgives only when every part follows ECMA-376's content
// models. This checks the elements the writers emit, in every XML part of real reports
// (the sample, a year-end one with groups, a list and a table in the body): the order
// of children (xsd:sequence), required children, and a few ranges.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { docxParts } from './docx-helpers.js';
import { FIXTURES, runCli, SAMPLE, sampleCopy } from './helpers.js';

interface El {
  name: string;
  attrs: Record<string, string>;
  children: El[];
}

function parse(xml: string): El {
  const parser = new SaxesParser();
  const root: El = { name: '#root', attrs: {}, children: [] };
  const stack = [root];
  parser.on('opentag', (t) => {
    const el: El = { name: t.name, attrs: t.attributes as Record<string, string>, children: [] };
    stack.at(-1)!.children.push(el);
    stack.push(el);
  });
  parser.on('closetag', () => void stack.pop());
  parser.write(xml).close();
  return root.children[0]!;
}

// The xsd:sequence of each complex type, as ECMA-376 Part 1 (transitional) orders it.
const w = (names: string) => names.split(' ').map((n) => `w:${n}`);
const SEQUENCE: Record<string, string[]> = {
  'w:pPr': w(
    'pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers pBdr shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc textDirection textAlignment textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange',
  ),
  'w:rPr': w(
    'rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint noProof snapToGrid vanish webHidden color spacing w kern position sz szCs highlight u effect bdr shd fitText vertAlign rtl cs em lang eastAsianLayout specVanish oMath',
  ),
  'w:tblPr': w(
    'tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW jc tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook tblCaption tblDescription',
  ),
  'w:tcPr': w('cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection tcFitText vAlign hideMark'),
  'w:tblBorders': w('top left start bottom right end insideH insideV'),
  'w:tblCellMar': w('top left start bottom right end'),
  'w:sectPr': [
    ...w('headerReference footerReference'),
    ...w(
      'footnotePr endnotePr type pgSz pgMar paperSrc pgBorders lnNumType pgNumType cols formProt vAlign noEndnote titlePg textDirection bidi rtlGutter docGrid printerSettings',
    ),
  ],
  'w:style': w(
    'name aliases basedOn next link autoRedefine hidden uiPriority semiHidden unhideWhenUsed qFormat locked personal personalCompose personalReply rsid pPr rPr tblPr trPr tcPr tblStylePr',
  ),
  'w:tbl': w('tblPr tblGrid tr'),
  'w:tr': w('tblPrEx trPr tc'),
  // A content control: its properties, then what it holds.
  'w:sdt': w('sdtPr sdtEndPr sdtContent'),
  'w:sdtPr': w(
    'rPr alias tag id lock placeholder temporary showingPlcHdr dataBinding label tabIndex docPartObj docPartList citation group bibliography comboBox date dropDownList equation picture plainText richText text',
  ),
};

/** headerReference and footerReference may come in any order among themselves. */
const SAME_RANK: Record<string, string> = { 'w:footerReference': 'w:headerReference' };

function check(el: El, part: string, problems: string[], where = ''): void {
  const here = `${part}:${where}/${el.name}`;
  const sequence = SEQUENCE[el.name];
  if (sequence) {
    let last = -1;
    for (const child of el.children) {
      const rank = sequence.indexOf(SAME_RANK[child.name] ?? child.name);
      if (rank === -1) problems.push(`${here}: ${child.name} is not allowed here`);
      else if (rank < last) problems.push(`${here}: ${child.name} comes after a later element`);
      else last = Math.max(last, rank);
    }
  }
  const names = el.children.map((c) => c.name);
  if (el.name === 'w:tc' && names.at(-1) !== 'w:p') problems.push(`${here}: a cell must end with a paragraph`);
  if (el.name === 'w:tbl' && (names[0] !== 'w:tblPr' || names[1] !== 'w:tblGrid' || !names.includes('w:tr')))
    problems.push(`${here}: a table needs tblPr, tblGrid and a row`);
  if (el.name === 'w:p' && names.includes('w:pPr') && names[0] !== 'w:pPr') problems.push(`${here}: pPr comes first`);
  if (el.name === 'w:r' && names.includes('w:rPr') && names[0] !== 'w:rPr') problems.push(`${here}: rPr comes first`);
  if (el.name === 'w:body') {
    if (names.at(-1) !== 'w:sectPr') problems.push(`${here}: the body ends with sectPr`);
    if (names.at(-2) !== 'w:p') problems.push(`${here}: a paragraph after the last table`);
  }
  if (el.name === 'w:sz' || el.name === 'w:szCs') {
    const v = Number(el.attrs['w:val']);
    if (!(Number.isInteger(v) && v >= 2 && v <= 3276)) problems.push(`${here}: size ${el.attrs['w:val']} out of range`);
  }
  if (el.name === 'w:gridCol' && !(Number(el.attrs['w:w']) >= 0))
    problems.push(`${here}: gridCol width ${el.attrs['w:w']}`);
  if (el.name === 'w:tblGrid' && el.children.length > 63)
    problems.push(`${here}: ${el.children.length} columns, Word allows 63`);
  el.children.forEach((c, i) => check(c, part, problems, `${where}/${el.name}[${i}]`));
}

function problemsOf(docx: string): string[] {
  const problems: string[] = [];
  for (const [name, xml] of Object.entries(docxParts(docx)))
    if (name.startsWith('word/') && name.endsWith('.xml')) check(parse(xml), name, problems);
  return problems;
}

describe('the DOCX parts follow ECMA-376 content models', () => {
  it('the sample report', async () => {
    const dir = sampleCopy();
    expect((await runCli(['build'], { cwd: dir })).code).toBe(0);
    expect(problemsOf(path.join(dir, 'out', 'bao-cao.docx'))).toEqual([]);
  });

  it('a report with charts and content controls', async () => {
    const dir = sampleCopy();
    const yaml = path.join(dir, 'baocao.yaml');
    writeFileSync(
      yaml,
      readFileSync(yaml, 'utf8').replace(/^template: .*$/m, '') +
        'charts:\n  - { indicator: MT_VU }\n  - { indicator: TL_KP, type: bar }\n',
    );
    expect((await runCli(['build'], { cwd: dir })).code).toBe(0);
    const report = path.join(dir, 'out', 'bao-cao.docx');
    expect(Object.keys(docxParts(report))).toContain('word/charts/chart2.xml');
    expect(docxParts(report)['word/document.xml']).toContain('<w:sdtPr>');
    expect(problemsOf(report)).toEqual([]);
  });

  it('a year-end report: groups, subtotals, a list and a table in the body', async () => {
    const frame = readFileSync(path.join(SAMPLE, 'baocao.yaml'), 'utf8');
    const document = frame.slice(frame.indexOf('document:'));
    const year = mkdtempSync(path.join(tmpdir(), 'baocao-ooxml-'));
    writeFileSync(
      path.join(year, 'baocao.yaml'),
      readFileSync(path.join(FIXTURES, 'check', 'nam.yaml'), 'utf8').replace(
        'returns: nam-2023 }',
        `returns: ${path.join(FIXTURES, 'check', 'nam-2023')} }`,
      ) +
        'template: t.md.hbs\n' +
        document,
    );
    writeFileSync(
      path.join(year, 't.md.hbs'),
      '## I. KẾT QUẢ\n\n- {{plan indicators.DT_RUNG}}\n- {{change indicators.HO_NGHEO}}\n\n| Chỉ tiêu | Kỳ này |\n|---|--:|\n{{#each indicatorList}}\n| {{label}} | {{current}} |\n{{/each}}\n',
    );
    const r = await runCli(['build', path.join(FIXTURES, 'check', 'year-ok', 'returns'), '-o', 'nam.docx'], {
      cwd: year,
    });
    expect(r.code, r.stderr).toBe(0);
    expect(problemsOf(path.join(year, 'nam.docx'))).toEqual([]);
  });
});
