// Text to CSV records with 1-based line numbers. Detects the delimiter (, ; or tab,
// or Excel's "sep=" line). A small tokenizer reads ordinary files; csv-parse reads the
// ones with odd quoting and says where a broken file breaks.
import { parse } from 'csv-parse/sync';
import { tokenizeCsv } from './csv-tokenize.js';

export interface CsvRecord {
  line: number;
  cells: string[];
}

export interface CsvTable {
  records: CsvRecord[];
  delimiter: string;
  /** Set when the file could not be read to its end. */
  broken?: { line: number; reason: 'QUOTE_NOT_CLOSED' | 'BAD_QUOTE' | 'OTHER' };
}

const DELIMITERS = [',', ';', '\t'];

/** Counts each candidate delimiter outside quotes on the first non-blank line. */
export function detectDelimiter(firstLine: string): string {
  const counts = new Map(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ',';
  for (const d of DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}

const countNewlines = (s: string) => {
  let n = 0;
  for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) n++;
  return n;
};

/** The 1-based number of the first non-blank line after line `after` (where a broken record starts). */
function nextNonBlankLine(text: string, after: number): number {
  const lines = text.split('\n');
  let i = after;
  while (i < lines.length - 1 && lines[i]!.trim() === '') i++;
  return i + 1;
}

export function parseCsv(input: string): CsvTable {
  let text = input.includes('\r') ? input.replace(/\r\n?/g, '\n') : input;
  let lineOffset = 0;
  let delimiter: string | undefined;
  const sep = /^sep=(.)\n/i.exec(text);
  if (sep) {
    delimiter = sep[1];
    text = text.slice(sep[0].length);
    lineOffset = 1;
  }
  delimiter ??= detectDelimiter(/^[^\n]*\S[^\n]*$/m.exec(text)?.[0] ?? '');

  const parsed = tokenizeCsv(text, delimiter);
  if (!parsed) return parseSlow(text, delimiter, lineOffset);
  // Line numbers without per-record bookkeeping: a record
  // spans one line plus the line breaks inside its quoted cells; blank lines arrive as
  // records of one empty cell.
  const records: CsvRecord[] = [];
  let line = lineOffset + 1;
  for (const cells of parsed) {
    let breaks = 0;
    for (const c of cells) if (c.includes('\n')) breaks += countNewlines(c);
    if (!cells.every((c) => c === '')) records.push({ line, cells });
    line += 1 + breaks;
  }
  return { records, delimiter };
}

/**
 * The slow path, when the fast tokenizer gives up on odd quoting: csv-parse decides.
 * For a file that breaks part-way it keeps the records before the break and finds its line.
 */
function parseSlow(text: string, delimiter: string, lineOffset: number): CsvTable {
  const records: CsvRecord[] = [];
  let lastLine = lineOffset;
  try {
    parse(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      trim: true,
      skip_empty_lines: true,
      info: true,
      raw: true,
      on_record: (out: unknown, context: { lines: number }) => {
        const { record, raw } = out as { record: string[]; raw: string };
        lastLine = context.lines + lineOffset;
        if (!record.every((c) => c === ''))
          records.push({ line: lastLine - countNewlines(raw.replace(/\n$/, '')), cells: record });
        return null;
      },
    });
  } catch (err) {
    const code = (err as { code?: string }).code;
    const reason =
      code === 'CSV_QUOTE_NOT_CLOSED'
        ? 'QUOTE_NOT_CLOSED'
        : code === 'CSV_INVALID_CLOSING_QUOTE'
          ? 'BAD_QUOTE'
          : 'OTHER';
    return { records, delimiter, broken: { line: nextNonBlankLine(text, lastLine - lineOffset) + lineOffset, reason } };
  }
  return { records, delimiter };
}
