// The hand-written tokenizer agrees with csv-parse (the reference): on every input it
// returns csv-parse's records, or gives up and leaves the file to csv-parse.
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenizeCsv } from '../src/ingest/csv-tokenize.js';

const SCALE = Number(process.env.BAOCAO_FUZZ_RUNS ?? 1);

function reference(text: string, delimiter: string): string[][] | undefined {
  try {
    return parse(text, { delimiter, relax_column_count: true, relax_quotes: true, trim: true }) as string[][];
  } catch {
    return undefined;
  }
}

// Line breaks reach the tokenizer as "\n" only, and Unicode spaces are trimmed per cell
// later (csv-parse trims them byte-wise, splitting UTF-8), so neither is in the alphabet.
const piece = fc.constantFrom(
  ',',
  ';',
  '\t',
  '"',
  '""',
  '\n',
  ' ',
  '\f',
  'a',
  'bc',
  'Đ',
  '1',
  '2.082',
  '',
  'x"y',
  '" "',
  ' "a" ',
  '"\n"',
);

describe('CSV tokenizer', () => {
  it.each([
    ['a,b\n1,2\n', ','],
    ['a,b\n1,2', ','],
    ['a;b\n\n1;"x;\ny"\n', ';'],
    [' a , "b" \n', ','],
    ['a\t\tb\n', '\t'],
    ['"a""b",c\n', ','],
    ['a,\n', ','],
    ['\n\n', ','],
  ])('%j matches csv-parse', (text, d) => expect(tokenizeCsv(text, d)).toEqual(reference(text, d)));

  it('gives up on broken quoting (csv-parse then says where)', () => {
    expect(tokenizeCsv('a,"b\n', ',')).toBeUndefined();
    expect(tokenizeCsv('a,"b"c\n', ',')).toBeUndefined();
  });

  it('agrees with csv-parse on random text, giving up only on odd quoting', () => {
    let given = 0;
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.constantFrom(',', ';', '\t'), (parts, d) => {
        const text = parts.join('');
        const mine = tokenizeCsv(text, d);
        if (mine !== undefined) expect(mine).toEqual(reference(text, d));
        else given++;
      }),
      { numRuns: Math.round(5000 * SCALE), seed: 4180 },
    );
    // Most random texts here contain quotes; still, most are read by the fast path.
    expect(given).toBeLessThan(2500 * SCALE);
  });
});
