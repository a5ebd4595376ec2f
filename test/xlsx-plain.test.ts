// The workbook reader's plain-shape paths — the shared strings read one item to a regular
// expression, a sheet's rows one row and one cell to a regular expression — are held equal to
// the events path read by saxes (the reference parser) on generated parts: the same strings,
// the same rows and cells, the same refusal. Most generated parts are in the plain shape Excel
// and LibreOffice write; some are not (a run, a formula, a lowercase reference, a cell out of
// order or in another row, a value that is no number, attributes in another order, a comment,
// a second sheetData, an entity the fast path does not know), and those must give way; a few
// are malformed (a quote or an end tag taken), and those are refused as saxes refuses them.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCells, SheetHandler } from '../src/ingest/readers/xlsx/cells.js';
import { columnLetter } from '../src/ingest/readers/xlsx/refs.js';
import { BadCell } from '../src/ingest/readers/xlsx/refused.js';
import { plainItems, readItems, readSharedStrings } from '../src/ingest/readers/xlsx/strings.js';
import { parseXml, XmlError } from '../src/ooxml/xml.js';

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
    // Malformed: the end tag misnamed.
    { arbitrary: text.map((t) => `<si><t>${t}</x></si>`), weight: 1 },
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

describe("a sheet's rows read row by row", () => {
  const strings = ['Mã đơn vị', 'Kỳ này', '', 'TTXH_VU'];
  const value = oneOf<string>(
    ['3', 40],
    ['0', 12],
    ['-12', 4],
    ['12.5', 6],
    ['1e3', 1],
    ['.5', 1],
    ['123456789012345678', 1],
    ['99999999999999999', 1],
    ['-', 1],
    ['1e999', 1],
    ['12,5', 1],
    ['1 234', 1],
    [' 3', 1],
    ['0x10', 1],
    ['INF', 1],
    ['', 1],
    ['1.9', 1],
    ['99', 1],
    ['&#51;', 1],
  );
  const index = oneOf<string>(['0', 30], ['1', 20], ['3', 2], ['4', 1], ['1.9', 1], ['', 1], ['0001', 1], [' 1', 1]);
  const rowRef = oneOf<'same' | 'other' | 'padded' | 'none'>(['same', 40], ['other', 1], ['padded', 1], ['none', 1]);
  const style = oneOf<string>(['', 30], [' s="4"', 30], [' s="0"', 2], [' s="-1"', 1], [' s="1.5"', 1]);
  const cellBody = fc.oneof(
    {
      arbitrary: fc.tuple(oneOf<string>(['', 8], [' t="n"', 2]), value).map(([t, v]) => [t, `<v>${v}</v>`] as const),
      weight: 30,
    },
    { arbitrary: index.map((i) => [' t="s"', `<v>${i}</v>`] as const), weight: 30 },
    { arbitrary: fc.constantFrom(['', ''] as const, [' t="s"', ''] as const), weight: 2 },
    {
      arbitrary: fc.constantFrom(
        [' t="str"', '<v>x</v>'] as const,
        [' t="b"', '<v>1</v>'] as const,
        [' t="e"', '<v>#N/A</v>'] as const,
        [' t="d"', '<v>2021-06-14</v>'] as const,
        [' t="z"', '<v>1</v>'] as const,
      ),
      weight: 1,
    },
    {
      arbitrary: fc.constantFrom(
        ['', '<f>SUM(A1:A2)</f><v>3</v>'] as const,
        [' t="inlineStr"', '<is><t>x</t></is>'] as const,
        ['', '<v>1</v><v>2</v>'] as const,
        ['', '<v/>'] as const,
      ),
      weight: 1,
    },
  );
  /** A cell: how far its column is from the one before (mostly the next; now and then the same, back, or past the table), and its markup for a row. */
  const cell = fc.tuple(
    oneOf<number>([1, 40], [2, 6], [0, 1], [-1, 1], [60, 1], [16_400, 1]),
    fc.tuple(
      rowRef,
      style,
      cellBody,
      oneOf<'/' | 'v'>(['v', 6], ['/', 1]),
      oneOf<string>(['', 30], [' ', 1], ['\n', 1]),
      oneOf<boolean>([false, 30], [true, 1]),
      // Now and then a cell just outside the plain shape (each edge of what the cell expression reads).
      oneOf<(xml: string) => string>(
        [(x) => x, 150],
        [(x) => x.replace('<c ', '<c  '), 1],
        [(x) => x.replace('<c ', '<c\t'), 1],
        [(x) => x.replace(/ r="([A-Za-z]+)/, ' r="$1AAA'), 1],
        [(x) => x.replace(/ r="([A-Za-z]+)/, ' r="$10000000'), 1],
        [(x) => x.replace(/ s="/, ' s="0000000000'), 1],
        [(x) => x.replace(/ s="/, ' s="1234567890123456789'), 1],
        [(x) => x.replace(/ t="([a-z]+)"/, ' t="$1$1"'), 1],
        [(x) => x.replace(/(<c[^>/]*)(\/?>)/, '$1 $2'), 1],
        [(x) => x.replace(/<v>([^<]*)<\/v>/, (_m, v: string) => `<v>${v.padStart(64, '0')}</v>`), 2],
        [(x) => x.replace(/<v>([^<]*)<\/v>/, (_m, v: string) => `<v>${v.padStart(65, '0')}</v>`), 1],
        [(x) => x.replace('</v>', '</v >'), 1],
        [(x) => x.replace(/<\/c>$/, '</c >'), 1],
        // Malformed: the reference's quote taken by a letter, the value's end tag misnamed (see `sheet`).
        [(x) => x.replace(/( r="[A-Z]+\d+)"/, '$1x'), 1],
        [(x) => x.replace('</v></c>', '</x></c>'), 1],
        [(x) => x.replace(/( s="\d+)"/, '$1x'), 1],
        [(x) => x.replace(/( t="[sn])"/, '$1x'), 1],
      ),
    ),
  );
  const cellXml = (
    [ref, s, [t, body], close, before, lower, odd]: [
      string,
      string,
      readonly [string, string],
      '/' | 'v',
      string,
      boolean,
      (xml: string) => string,
    ],
    col: number,
    row: number,
  ) => {
    const letters = columnLetter(Math.max(1, col));
    const at = `${lower ? letters.toLowerCase() : letters}${ref === 'other' ? row + 1 : ref === 'padded' ? `0${row}` : row}`;
    const r = ref === 'none' ? '' : ` r="${at}"`;
    if (close === '/' || body === '') return odd(`${before}<c${r}${s}${t}${close === '/' ? '/>' : '></c>'}`);
    return odd(`${before}<c${r}${s}${t}>${body}</c>`);
  };
  const rowAttrs = oneOf<string>(
    ['', 6],
    [' spans="1:8"', 4],
    [' spans="1:8" ht="30" customHeight="1" x14ac:dyDescent="0.25"', 4],
    [' customFormat="false" ht="12.8" hidden="false" customHeight="false" outlineLevel="0" collapsed="false"', 4],
    [' ht="0" customHeight="1"', 1],
    [' hidden="1"', 1],
    [' hidden="true"', 1],
    [' ht="15" hidden="yes"', 1],
    [' ht="1.2.3"', 1],
    [' customHeight="1" ht="30"', 1],
    [' spans="1:8"  ht="30"', 1],
    [' s="2" customFormat="1"', 1],
  );
  const rowStep = oneOf<number>([1, 30], [2, 3], [0, 1], [-1, 1]);
  const row = fc.tuple(
    rowStep,
    rowAttrs,
    fc.array(cell, { maxLength: 6 }),
    oneOf<string>(['', 20], ['\n', 2], ['\r\n  ', 1]),
  );
  const sheetData = fc.array(row, { maxLength: 6 }).map((rows) => {
    let number = 0;
    return rows
      .map(([step, attrs, cells, before]) => {
        number += step;
        const r = number === 0 && step === 0 ? '' : ` r="${number}"`;
        if (cells.length === 0) return `${before}<row${r}${attrs}/>`;
        let col = 0;
        const xml = cells.map(([step, parts]) => cellXml(parts, (col += step), number));
        return `${before}<row${r}${attrs}>${xml.join('')}</row>`;
      })
      .join('');
  });
  const before = oneOf<string>(
    ['', 12],
    ['<sheetFormatPr defaultRowHeight="15"/>', 9],
    ['<sheetFormatPr defaultRowHeight="15" zeroHeight="1"/>', 1],
    [
      '<sheetViews><sheetView workbookViewId="0"/></sheetViews><cols><col min="2" max="2" width="0" customWidth="1"/></cols>',
      2,
    ],
    ['<!-- a comment -->', 1],
  );
  const after = oneOf<string>(
    ['', 24],
    ['<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>', 6],
    ['<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>', 2],
    ['<extLst><ext uri="x"><sheetData><row r="9"><c r="A9"><v>1</v></c></row></sheetData></ext></extLst>', 1],
    ['<sheetData/>', 1],
    ['<sheetData><row r="20"><c r="A20"><v>1</v></c></row></sheetData>', 1],
  );
  const dataOpen = oneOf<string>(
    ['<sheetData>', 40],
    ['<sheetData >', 1],
    ['<x:sheetData>', 1],
    ['<extLst><ext uri="x"><sheetData>', 1],
  );
  const sheet = fc.tuple(before, dataOpen, sheetData, after).map(([b, open, generated, a]) => {
    // Inside an extension list the rows are passed over unread, their well-formedness unchecked (docs/xlsx-reader.md): made well-formed there.
    const rows = open.startsWith('<extLst>')
      ? generated.replace(/( r="[A-Z]+\d+| s="\d+| t="[sn])x/g, '$1"').replaceAll('</x></c>', '</v></c>')
      : generated;
    const close =
      open === '<x:sheetData>'
        ? '</x:sheetData>'
        : open.startsWith('<extLst>')
          ? '</sheetData></ext></extLst>'
          : '</sheetData>';
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ${NS} xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">${b}${open}${rows}${close}${a}</worksheet>`;
  });

  const cellsOf = (h: SheetHandler) => ({
    rows: h.rows,
    merges: h.merges,
    hiddenColumns: h.hiddenColumns,
    far: [...h.far],
  });

  it('reads the cells saxes reads, refuses what it refuses, and gives way to the events on anything but the plain shape', () => {
    let plain = 0;
    let other = 0;
    fc.assert(
      fc.property(sheet, (xml) => {
        const reference = outcome(() => cellsOf(parseXml(xml, () => new SheetHandler(strings), 'reference').handler));
        let rows: string | undefined;
        const got = outcome(() => {
          const read = readCells(xml, () => xml, strings);
          rows = read.rows;
          return cellsOf(read.handler);
        });
        expect(got).toEqual(reference);
        if (rows === 'plain') plain++;
        else other++;
      }),
      { numRuns: 3000 * RUNS, seed: SEED },
    );
    // Both paths well walked: each takes about a fifth of the parts, at least an eighth whatever the seed.
    expect(plain).toBeGreaterThan(375 * RUNS);
    expect(other).toBeGreaterThan(375 * RUNS);
  });

  it("reads Excel's and LibreOffice's rows by the plain path", () => {
    const wrap = (rows: string) =>
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ${NS}><dimension ref="A1:C2"/><sheetFormatPr defaultRowHeight="15"/><sheetData>${rows}</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
    const excel = wrap(
      '<row r="1" spans="1:3" ht="30" customHeight="1" x14ac:dyDescent="0.25"><c r="A1" s="1" t="s"><v>0</v></c><c r="C1" s="2"><v>12.5</v></c></row><row r="2" spans="1:3" hidden="1"><c r="B2" s="3"/><c r="C2"><v>-7</v></c></row>',
    );
    const libre = wrap(
      '<row r="1" customFormat="false" ht="12.8" hidden="false" customHeight="false" outlineLevel="0" collapsed="false"><c r="A1" s="0" t="s"><v>1</v></c><c r="B1" s="0" t="n"><v>3</v></c><c r="C1" s="0"></c></row>',
    );
    for (const xml of [excel, libre]) {
      const read = readCells(xml, () => xml, strings);
      expect(read.rows).toBe('plain');
      expect(cellsOf(read.handler)).toEqual(
        cellsOf(parseXml(xml, () => new SheetHandler(strings), 'reference').handler),
      );
    }
    const { handler } = readCells(excel, () => excel, strings);
    expect(handler.rows.map((r) => [r.number, r.hidden, r.cells.map((c) => [c.col, c.value, c.style])])).toEqual([
      [
        1,
        false,
        [
          [1, { kind: 'text', text: 'Mã đơn vị' }, 1],
          [3, { kind: 'number', number: 12.5 }, 2],
        ],
      ],
      [
        2,
        true,
        [
          [2, { kind: 'empty' }, 3],
          [3, { kind: 'number', number: -7 }, 0],
        ],
      ],
    ]);
  });

  it('refuses a malformed part as the events path does (XmlError), whatever its rows', () => {
    const xml = `<worksheet ${NS}><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData><cols></worksheet>`;
    expect(() => readCells(xml, () => xml, strings)).toThrow(XmlError);
    // A cell the events refuse (in another row) before the damage: the part is named as damaged, as saxes names it.
    const bad = xml.replace('r="A1"', 'r="A2"');
    expect(() => readCells(bad, () => bad, strings)).toThrow(XmlError);
    const whole = bad.replace('<cols>', '');
    expect(() => readCells(whole, () => whole, strings)).toThrow(BadCell);
  });
});
