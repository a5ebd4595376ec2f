// The package check (src/render/verify.ts) reads the XML subset the writers emit in
// one fast pass; here it is held equal to saxes, a general XML parser, on generated
// documents: both accept or both refuse.
import fc from 'fast-check';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { xmlProblem } from '../src/report/docx/verify.js';
import { docxParts } from './docx-helpers.js';
import { runCli, sampleCopy } from './helpers.js';
import path from 'node:path';

function saxesAccepts(xml: string): boolean {
  const parser = new SaxesParser();
  let ok = true;
  parser.on('error', () => {
    ok = false;
  });
  parser.write(xml).close();
  return ok;
}

const runs = Number(process.env.BAOCAO_FUZZ_RUNS ?? 1);
const seed = Number(process.env.BAOCAO_FUZZ_SEED ?? 30);

// Pieces of the subset and of what lies just outside it.
const piece = fc.constantFrom(
  '<w:p>',
  '</w:p>',
  '<w:t xml:space="preserve">',
  '</w:t>',
  '<w:b/>',
  '<w:sz w:val="28"/>',
  "<w:jc w:val='both'/>",
  'Số vụ',
  ' ',
  '\n',
  '&amp;',
  '&lt;',
  '&#8211;',
  '&#x1F600;',
  '&',
  '&foo;',
  '&#0;',
  '&#xD800;',
  ']]>',
  ']]',
  '<',
  '>',
  '"',
  "'",
  '=',
  '<a b="1" b="2">',
  '</a>',
  '<a b="x<y">',
  '<a b=1>',
  '<a  b = "1" >',
  '<a/>',
  '< a>',
  '</ a>',
  '<1a>',
  '<a:b-c.d>',
  '</a:b-c.d>',
  '\u000b',
  '\ud83d',
  '\ud83d\ude00',
  '\ufffe',
  'x',
);
const document = fc
  .tuple(fc.boolean(), fc.array(piece, { maxLength: 25 }))
  .map(
    ([decl, ps]) =>
      (decl ? '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' : '') +
      '<w:document>' +
      ps.join('') +
      '</w:document>',
  );

describe('package check', () => {
  it('agrees with saxes on generated documents', () => {
    fc.assert(
      fc.property(document, (xml) => {
        // saxes reads JavaScript strings and lets a lone surrogate through; written as UTF-8
        // it would silently become U+FFFD, so the package check refuses it too.
        const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(xml);
        expect(xmlProblem(xml) === undefined, xml).toBe(saxesAccepts(xml) && !loneSurrogate);
      }),
      { numRuns: 5000 * runs, seed },
    );
  });

  it('accepts every part of the sample report, as saxes does', async () => {
    const dir = sampleCopy();
    expect((await runCli(['build'], { cwd: dir })).code).toBe(0);
    const parts = docxParts(path.join(dir, 'out', 'bao-cao.docx'));
    expect(Object.keys(parts).length).toBeGreaterThan(5);
    for (const [name, xml] of Object.entries(parts)) {
      expect(saxesAccepts(xml), name).toBe(true);
      expect(xmlProblem(xml), name).toBeUndefined();
    }
  });
});
