// The workbook reader's two XML tokenizers give the same events: the fast path for plain
// markup, and saxes for everything. On generated parts — prefixes, attributes in either
// quote, the five entities and character references, line breaks, empty elements, elements
// passed over unread, and now and then a comment, CDATA or an instruction — whatever the fast
// path reads, saxes reads the same; what it does not read, it leaves to saxes. Reading every
// element, the fast path accepts no part saxes refuses.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseXml, XmlError, type Attrs, type Tokenizer, type XmlEvents } from '../src/ooxml/xml.js';

const SEED = Number(process.env.BAOCAO_FUZZ_SEED ?? 20210813);

/** Records the events; passes over the content of elements named `skip`. Adjacent text is one event (saxes may split it at CDATA). */
class Recorder implements XmlEvents {
  events: unknown[] = [];
  constructor(private readonly skip: string) {}
  open(local: string, attrs: Attrs, empty: boolean) {
    this.events.push(['open', local, attrs.entries(), empty]);
    return local === this.skip;
  }
  close(local: string) {
    this.events.push(['close', local]);
  }
  text(t: string) {
    const last = this.events[this.events.length - 1] as unknown[] | undefined;
    if (last?.[0] === 'text') last[1] += t;
    else this.events.push(['text', t]);
  }
}

const read = (xml: string, only: Tokenizer, skip: string) => {
  try {
    return parseXml(xml, () => new Recorder(skip), only).handler.events;
  } catch (e) {
    if (e instanceof XmlError) return 'refused';
    throw e;
  }
};

const name = fc.constantFrom(
  'c',
  'v',
  'row',
  'x:c',
  'x:row',
  'sheetData',
  'is',
  't',
  'dataValidations',
  'dataValidationsX',
  'a.b',
  'a-b',
  '_n',
);
const textChar = fc.oneof(
  { arbitrary: fc.constantFrom('a', ' ', '1', ',', 'ế', 'ư', '\n', '\r\n', '\t', '>', '"', "'"), weight: 20 },
  {
    arbitrary: fc.constantFrom('&amp;', '&lt;', '&gt;', '&quot;', '&apos;', '&#10;', '&#x1F600;', '&#233;'),
    weight: 4,
  },
  // Seldom: what plain markup has not (a bare &, an unknown entity, a forbidden character, CDATA, a comment).
  {
    arbitrary: fc.constantFrom('&', '&nbsp;', '\u0001', '<![CDATA[x<y]]>', '<!-- n -->', '<?pi x?>', ']]>', '&#0;'),
    weight: 1,
  },
);
const text = fc.array(textChar, { maxLength: 6 }).map((cs) => cs.join(''));
const attrValue = fc.array(textChar, { maxLength: 4 }).map((cs) => cs.join('').replace(/<[^>]*>/g, ''));
const attrs = fc
  .uniqueArray(fc.tuple(fc.constantFrom('r', 's', 't', 'r:id', 'x:s', 'ht'), attrValue, fc.boolean()), {
    maxLength: 3,
    selector: ([n]) => n,
  })
  .map((as) =>
    as
      .map(([n, v, single]) =>
        single ? ` ${n}='${v.replace(/'/g, '&apos;')}'` : ` ${n} = "${v.replace(/"/g, '&quot;')}"`,
      )
      .join(''),
  );
const element: fc.Memo<string> = fc.memo((depth) =>
  fc.oneof(
    { arbitrary: fc.tuple(name, attrs).map(([n, a]) => `<${n}${a}/>`), weight: 3 },
    {
      arbitrary: fc
        .tuple(name, attrs, fc.array(fc.oneof(text, depth > 1 ? element(depth - 1) : text), { maxLength: 4 }))
        .map(([n, a, kids]) => `<${n}${a}>${kids.join('')}</${n}>`),
      weight: depth > 1 ? 4 : 1,
    },
  ),
);
const document = fc
  .tuple(fc.boolean(), element(4), fc.constantFrom('', '\n', '\r\n', ' <!-- after -->'))
  .map(
    ([decl, root, after]) =>
      `${decl ? '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' : ''}${root}${after}`,
  );

describe('the fast XML path', () => {
  it('gives the events saxes gives wherever it reads a part, passing over the same elements; the rest goes to saxes', () => {
    let fast = 0;
    fc.assert(
      fc.property(document, fc.constantFrom('', 'dataValidations', 'row', 'x:row', 'c'), (xml, skip) => {
        const reference = read(xml, 'reference', skip);
        // What is passed over is not tokenized: its well-formedness is not checked (the reader passes over validations).
        if (reference === 'refused' && skip !== '') return;
        let got: unknown;
        try {
          got = parseXml(xml, () => new Recorder(skip), 'fast').handler.events;
          fast++;
        } catch (e) {
          if (!(e instanceof XmlError)) throw e;
          return; // not plain (or not XML): saxes reads it, as parseXml does without `only`
        }
        expect(got).toEqual(reference);
        // Without `only`, the reader gets the same events whichever tokenizer read them.
        expect(read(xml, undefined as unknown as Tokenizer, skip)).toEqual(reference);
      }),
      { numRuns: 2000, seed: SEED },
    );
    // Most generated parts are plain: the comparison is not empty.
    expect(fast).toBeGreaterThan(500);
  });

  it('refuses what is not XML, through saxes: a tag left open, a wrong end tag, two roots, text outside the root', () => {
    for (const xml of [
      '<a><b></a>',
      '<a></b>',
      '<a/><b/>',
      'x<a/>',
      '<a>',
      '<a x="1" x="2"/>',
      '<a x=1/>',
      '<a>&bogus;</a>',
      '<1a/>',
    ]) {
      expect([xml, read(xml, 'reference', '')]).toEqual([xml, 'refused']);
      expect(() => parseXml(xml, () => new Recorder(''))).toThrow(XmlError);
    }
  });
});
