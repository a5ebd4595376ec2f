// The workbook reader's plain-shape path — the shared strings read one item to a regular
// expression — is held equal to the events path read by saxes (the reference parser) on
// generated parts: the same strings, the same refusal. Most generated parts are in the plain
// shape Excel and LibreOffice write; some are not (a run, a phonetic guide, a prefix, a comment,
// CDATA, an entity the fast path does not know), and those must give way.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plainItems, readItems, readSharedStrings } from '../src/ingest/readers/xlsx/strings.js';

const SEED = Number(process.env.BAOCAO_FUZZ_SEED ?? 20210813);
const RUNS = Math.max(1, Number(process.env.BAOCAO_FUZZ_RUNS ?? 1));
const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';

/** What reading gave: the value, or the refusal (its class and fields). */
function outcome<T>(read: () => T): unknown {
  try {
    return { ok: read() };
  } catch (e) {
    if (!(e instanceof Error)) throw e;
    return { refused: e.constructor.name, ...e };
  }
}

const oneOf = <T>(...items: [T, number][]) =>
  fc.oneof(...items.map(([value, weight]) => ({ arbitrary: fc.constant(value), weight })));

describe('the shared strings read item by item', () => {
  const textChar = oneOf<string>(
    ['a', 20],
    [' ', 6],
    ['Mã đơn vị', 6],
    ['1', 4],
    ['>', 2],
    ['"', 2],
    ["'", 2],
    ['\n', 2],
    ['\r\n', 2],
    ['\r', 1],
    ['\t', 1],
    ['&amp;', 2],
    ['&quot;', 2],
    ['&lt;', 1],
    ['&#233;', 1],
    ['&#x1F600;', 1],
    ['_x000D_', 2],
    // Not plain: the events path (and saxes) must judge these.
    ['&', 1],
    ['&nbsp;', 1],
    ['&#0;', 1],
    ['\u0001', 1],
    [']]>', 1],
    ['\uFFFE', 1],
  );
  const text = fc.array(textChar, { maxLength: 5 }).map((cs) => cs.join(''));
  const item = fc.oneof(
    { arbitrary: text.map((t) => `<si><t>${t}</t></si>`), weight: 12 },
    { arbitrary: text.map((t) => `<si><t xml:space="preserve">${t}</t></si>`), weight: 4 },
    {
      arbitrary: fc.tuple(text, text).map(([a, b]) => `<si><r><t>${a}</t></r><r><rPr><b/></rPr><t>${b}</t></r></si>`),
      weight: 2,
    },
    {
      arbitrary: fc.tuple(text, text).map(([a, b]) => `<si><t>${a}</t><rPh sb="0" eb="1"><t>${b}</t></rPh></si>`),
      weight: 1,
    },
    { arbitrary: text.map((t) => `<x:si><x:t>${t}</x:t></x:si>`), weight: 1 },
    { arbitrary: fc.constantFrom('<si/>', '<si><t/></si>', '<si></si>', '<si><t>a</t><t>b</t></si>'), weight: 1 },
    { arbitrary: text.map((t) => `<si><!-- c --><t>${t}</t></si>`), weight: 1 },
    { arbitrary: text.map((t) => `<si><t><![CDATA[${t.replace(/]]>/g, '')}]]></t></si>`), weight: 1 },
  );
  const between = oneOf<string>(['', 12], ['\n', 2], ['\r\n  ', 1], ['x', 1]);
  const root = oneOf<string>(
    [`<sst ${NS} count="3" uniqueCount="3">`, 10],
    [`<sst ${NS}>`, 3],
    ['<sst>', 2],
    [`<sst\n  ${NS}\tcount='2'>`, 1],
    [`<sst ${NS} count="1" count="2">`, 1],
    [`<sst ${NS} a="x>y">`, 1],
    [`<sst ${NS} a="&bogus;">`, 1],
  );
  const part = fc
    .tuple(
      oneOf<string>(
        ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n', 8],
        ['', 2],
        ['\uFEFF', 1],
        ['<?xmlx?>', 1],
      ),
      root,
      fc.array(fc.tuple(between, item), { maxLength: 8 }),
      oneOf<string>(['', 8], ['<extLst><ext uri="x"/></extLst>', 1], ['\n', 1]),
      oneOf<string>(['</sst>', 12], ['</sst>\n', 2], ['</sst><!-- after -->', 1], ['', 1], ['</sst><sst/>', 1]),
    )
    .map(([decl, start, items, ext, end]) => `${decl}${start}${items.map(([b, i]) => b + i).join('')}${ext}${end}`);

  it('reads what saxes reads, and gives way to it on anything but the plain shape', () => {
    let plain = 0;
    let other = 0;
    fc.assert(
      fc.property(part, (xml) => {
        const reference = outcome(() => readItems(xml, 'reference'));
        const got = outcome(() => readSharedStrings(Buffer.from(xml, 'utf8')));
        expect(got).toEqual(reference);
        if (plainItems(xml) !== undefined) plain++;
        else other++;
      }),
      { numRuns: 3000 * RUNS, seed: SEED },
    );
    // Both paths are compared, not one.
    expect(plain).toBeGreaterThan(300);
    expect(other).toBeGreaterThan(300);
  });

  it('reads the shapes Excel and LibreOffice write by the plain path', () => {
    for (const xml of [
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst ${NS} count="2" uniqueCount="2"><si><t>Mã đơn vị</t></si><si><t xml:space="preserve"> Kỳ này </t></si></sst>`,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<sst ${NS}>\r\n  <si><t>a &amp; b_x000D_</t></si>\r\n</sst>`,
    ]) {
      expect(plainItems(xml)).toEqual(readItems(xml, 'reference'));
    }
    expect(plainItems(`<sst ${NS}><si><t>a &amp; b_x000D_</t></si></sst>`)).toEqual(['a & b\r']);
  });
});
