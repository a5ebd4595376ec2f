// A small CSV tokenizer for the hot path: thousands of small returns, where
// csv-parse's per-call set-up cost dominated (0.18 ms a file). Same results as
// csv-parse with { relax_column_count, relax_quotes, trim } — a differential
// property test holds it to that — and on a broken file it returns undefined, so
// the caller can ask csv-parse where the file breaks.

const QUOTE = 34; // "
const NEWLINE = 10; // \n (the text arrives with line breaks normalised)

const isTrimmable = (c: number) => c === 32 || c === 9 || c === 12 || c === 13;

/** Records of the text (line breaks already "\n"); undefined if a quote is broken. */
export function tokenizeCsv(text: string, delimiter: string): string[][] | undefined {
  const delim = delimiter.charCodeAt(0);
  const records: string[][] = [];
  const n = text.length;
  let i = 0;
  let record: string[] = [];
  while (i < n || record.length > 0) {
    // Skip whitespace before a field (not the delimiter itself, which may be a tab).
    while (i < n && text.charCodeAt(i) !== delim && isTrimmable(text.charCodeAt(i))) i++;
    // A last line of nothing but blanks is no record (as csv-parse reads it).
    if (record.length === 0 && i === n) break;
    let field: string;
    if (i < n && text.charCodeAt(i) === QUOTE) {
      let j = i + 1;
      let value = '';
      for (;;) {
        const close = text.indexOf('"', j);
        if (close === -1) return undefined; // quote not closed
        value += text.slice(j, close);
        if (text.charCodeAt(close + 1) === QUOTE) {
          value += '"';
          j = close + 2;
        } else {
          i = close + 1;
          break;
        }
      }
      while (i < n && text.charCodeAt(i) !== delim && isTrimmable(text.charCodeAt(i))) i++;
      if (i < n && text.charCodeAt(i) !== delim && text.charCodeAt(i) !== NEWLINE) return undefined; // text after a closing quote
      field = value;
    } else {
      const start = i;
      while (i < n) {
        const c = text.charCodeAt(i);
        if (c === delim || c === NEWLINE) break;
        i++;
      }
      let end = i;
      while (end > start && isTrimmable(text.charCodeAt(end - 1))) end--;
      field = text.slice(start, end);
    }
    record.push(field);
    if (i < n && text.charCodeAt(i) === delim) {
      i++;
      if (i === n) {
        record.push('');
        records.push(record);
        record = [];
      }
      continue;
    }
    // End of the record: a line break or the end of the text.
    records.push(record);
    record = [];
    if (i < n) i++;
    if (i >= n) break;
  }
  return records;
}
