// One return file's bytes to rows with named fields, plus the file-level problems
// (format, encoding, structure, header). Pure: the caller reads the bytes. The format's
// reader (./readers/) gives records; finding the columns and building rows is here,
// the same for every format.
import { ProblemCollector } from '../messages/collector.js';
import type { Problem, ProblemWithout } from '../messages/problem.js';
import type { Encoding } from './decode.js';
import { READS_AS_EMPTY, type CellNote } from './readers/types.js';
import { COLUMNS, HEADER_SEARCH_ROWS, matchHeader, type Column } from './headers.js';
import { MAX_COLUMNS } from '../limits.js';
import { chooseReader, type ReadOutcome, type ReaderOptions } from './readers/index.js';
import { csvReader } from './readers/csv.js';
import { columnLetter } from './readers/xlsx/refs.js';
import { FEEDBACK_HEAD } from '../layout/feedback.js';
import { listed } from '../text/listed.js';

/** How many rows or sheets a warning lists by name (its count says how many there are in all). */
const MAX_LISTED = 20;

/** Whether a value cell has a note other than how its number is written (a formula, a merge, a format). */
const noted = (notes: ReturnRow['notes']) =>
  [notes?.current, notes?.previous].some((n) => n !== undefined && n.kind !== 'NUMBER');

/** Whether a value cell holds something written as a number ("20", "2.082", "-1,5", "97,5%"), right or wrong. */
export const numberLike = (value: string) => /^[+\-\u2212]?[\d.,\s\u00a0]*\d[\d.,\s\u00a0]*%?$/.test(value);

export interface ReturnRow {
  file: string;
  line: number;
  unit: string;
  period: string;
  indicator: string;
  label: string;
  /** The row's unit of measure (ĐVT), when the file has that column: checked against the indicator's. */
  dvt: string;
  current: string;
  previous: string;
  /** The unit's explanation of its figures ("Giải trình"), when the file has that column. */
  explanation: string;
  /** A workbook: what its value cells are beyond their text (a formula, a merge, a format), one note each; see CellNote. */
  notes?: { current?: CellNote; previous?: CellNote };
}

/** Where a workbook's cells are: its sheet, and each column's letter. */
export interface SheetPlace {
  sheet: string;
  letters: Partial<Record<Column, string>>;
}

export interface ReturnFile {
  file: string;
  encoding?: Encoding;
  rows: ReturnRow[];
  /** False when the file could not be read to its end; its units' gaps are then not reported. */
  complete: boolean;
  problems: Problem[];
  /** A workbook: the sheet read, so problems can name the cell. */
  place?: SheetPlace;
  /** When the file was last written on this machine (received, for a file saved from a message); none for stdin. */
  receivedAt?: number;
  /** Its SHA-256 in hex, when the run asked (IngestOptions.digest). */
  sha256?: string;
}

/**
 * A file that could not be read: no rows, its one problem. Not `complete` unless said
 * (its units' gaps are then not reported, as its rows may be theirs).
 */
export const unreadReturn = (file: string, p: ProblemWithout<'file' | 'severity'>, complete = false): ReturnFile => ({
  file,
  rows: [],
  complete,
  problems: [{ severity: 'error', file, ...p } as Problem],
});

/** A return in any format the readers know (./readers/index.ts chooses by the bytes and the name). */
export async function readReturn(bytes: Uint8Array, file: string, opts: ReaderOptions = {}): Promise<ReturnFile> {
  if (bytes.length === 0) return unreadReturn(file, { code: 'EMPTY_FILE' }, true);
  const reader = chooseReader(bytes, file);
  return fromTable('read' in reader ? await reader.read(bytes, opts) : reader, file);
}

/** A return known to be delimited text, read at once (tests and tools that build CSV in memory). */
export function readTextReturn(bytes: Uint8Array, file: string, opts: ReaderOptions = {}): ReturnFile {
  if (bytes.length === 0) return unreadReturn(file, { code: 'EMPTY_FILE' }, true);
  return fromTable(csvReader.read(bytes, opts) as ReadOutcome, file);
}

/** What a reader gave, as a return: the header's columns found, the rows built, the problems said. */
function fromTable(read: ReadOutcome, file: string): ReturnFile {
  const problems: Problem[] = [];
  const fail = (p: ProblemWithout<'file' | 'severity'>, complete = false) => unreadReturn(file, p, complete);
  if (!read.ok) return fail(read.problem, read.complete);
  const table = read.table;
  const encoding = table.encoding;
  const sheet = table.sheet;
  if (table.broken)
    problems.push({
      code: 'MALFORMED_CSV',
      severity: 'error',
      file,
      line: table.broken.line,
      params: { reason: table.broken.reason },
    });
  if (table.unreadSheets)
    problems.push({
      code: 'SHEETS_NOT_READ',
      severity: 'warning',
      file,
      params: {
        sheet: sheet ?? '',
        sheets: listed(
          table.unreadSheets.map((n) => `"${n}"`),
          MAX_LISTED,
        ),
        count: table.unreadSheets.length,
      },
    });
  const header = table.records[table.headerAt];
  const records = table.records.slice(table.headerAt + 1);
  if (!header || records.length === 0) {
    if (!table.broken) problems.push({ code: 'EMPTY_FILE', severity: 'error', file, line: header?.line });
    return {
      file,
      encoding,
      rows: [],
      complete: !table.broken,
      problems,
      place: sheet === undefined ? undefined : { sheet, letters: {} },
    };
  }

  if (header.cells.length > MAX_COLUMNS)
    return fail({
      code: 'HEADER_TOO_WIDE',
      line: header.line,
      params: { count: header.cells.length, limit: MAX_COLUMNS },
    });
  const match = matchHeader(header.cells);
  /** In a workbook, a header problem's own cell (its 1-based position in the header row). */
  const headerCell = (position: number) =>
    sheet === undefined ? {} : { sheet, cell: `${columnLetter(position)}${header.line}` };
  const place =
    sheet === undefined
      ? undefined
      : { sheet, letters: Object.fromEntries([...match.index].map(([c, i]) => [c, columnLetter(i + 1)])) };
  // Columns a unit hid are still in the file and are read, like hidden rows: said when one
  // of them is a column the return is read from.
  const hiddenRead = [...match.index.values()]
    .filter((i) => table.hiddenColumns?.includes(i + 1))
    .sort((a, b) => a - b);
  if (hiddenRead.length > 0)
    problems.push({
      code: 'HIDDEN_COLUMNS',
      severity: 'warning',
      file,
      line: header.line,
      ...headerCell(hiddenRead[0]! + 1),
      params: {
        sheet: sheet ?? '',
        columns: hiddenRead.map((i) => `${columnLetter(i + 1)} ("${header.cells[i]!.trim()}")`).join(', '),
        count: hiddenRead.length,
      },
    });
  // A feedback workbook baocao wrote (a unit may send it back instead of its corrected form):
  // named for what it is, not reported as a return missing every column.
  if (match.missing.length > 0) {
    const feedback = table.records
      .slice(0, HEADER_SEARCH_ROWS)
      .find((r) => FEEDBACK_HEAD.every((h, i) => r.cells[i]?.trim() === h));
    if (feedback)
      return {
        file,
        encoding,
        rows: [],
        complete: true,
        problems: [{ code: 'FEEDBACK_FILE', severity: 'warning', file, line: feedback.line }],
        place,
      };
  }
  for (const column of match.missing)
    problems.push({
      code: 'MISSING_COLUMN',
      severity: 'error',
      file,
      line: header.line,
      column,
      params: { expected: column, alias: COLUMNS[column] },
    });
  for (const d of match.duplicates)
    problems.push({
      code: 'DUPLICATE_COLUMN',
      severity: 'error',
      file,
      line: header.line,
      column: d.column,
      ...headerCell(d.second),
      params: { expected: d.column, first: d.first, second: d.second },
    });
  const rowProblems = new ProblemCollector();
  // Through the collector: a header of hundreds of stray columns gives 100 warnings and a count.
  for (const x of match.extra)
    rowProblems.add({
      code: 'EXTRA_COLUMN',
      severity: 'warning',
      file,
      line: header.line,
      column: x.name,
      ...headerCell(x.position),
    });
  if (match.missing.length > 0 || match.duplicates.length > 0) {
    for (const p of rowProblems.list()) problems.push(p);
    return { file, encoding, rows: [], complete: false, problems, place };
  }

  const cell = (cells: string[], c: Column) => {
    const i = match.index.get(c);
    // trim() also takes the Unicode spaces (NBSP) the tokenizer leaves.
    return i === undefined ? '' : (cells[i] ?? '').trim();
  };
  /** What a workbook noted of a row's two value cells (a formula, a merge), or nothing. */
  const valueNotes = <T>(notes: Map<string, T> | undefined, line: number) => {
    if (!notes || notes.size === 0) return undefined;
    const current = notes.get(`${line}:${match.index.get('ky_nay')}`);
    const previous = notes.get(`${line}:${match.index.get('cung_ky')}`);
    return current === undefined && previous === undefined ? undefined : { current, previous };
  };
  const rows: ReturnRow[] = [];
  const noFigures: number[] = [];
  const width = header.cells.length;
  // Cells that are not read: under a header cell with no name (Excel's CSV export pads the
  // header with empty fields to its widest row, so a note beside the table lands there), and,
  // in a workbook, right of the header's last cell. A workbook's cells sit in their columns,
  // so one there cannot shift the others (as a stray delimiter does in CSV, which stays
  // MALFORMED_CSV). Each row with such a cell is named, never passed over. Cells past
  // MAX_SHEET_COLUMNS come from the reader (`table.outside`).
  const nameless = header.cells.map((c) => c.trim() === '');
  const unread = (i: number) => (i < width ? nameless[i]! : sheet !== undefined);
  const filled = (c: string | undefined) => c !== undefined && c.trim() !== '';
  const outsideSaid = new Set<number>();
  const sayOutside = (line: number, cells: readonly string[]) => {
    const near = cells.findIndex((c, i) => unread(i) && filled(c));
    const far = table.outside?.get(line);
    if (near === -1 && !far) return;
    const count = cells.filter((c, i) => unread(i) && filled(c)).length + (far ? 1 + far.more : 0);
    const first =
      near === -1
        ? { ...far!, position: 0, nameless: 0 }
        : {
            cell: sheet === undefined ? '' : `${columnLetter(near + 1)}${line}`,
            value: cells[near]!.trim(),
            position: near + 1,
            nameless: near < width ? 1 : 0,
          };
    outsideSaid.add(line);
    rowProblems.add({
      code: 'CELL_OUTSIDE_TABLE',
      severity: 'warning',
      file,
      line,
      ...(sheet === undefined ? {} : { sheet, cell: first.cell }),
      params: {
        cell: first.cell,
        position: first.position,
        nameless: first.nameless,
        value: first.value,
        more: count - 1,
      },
    });
  };
  for (const [line] of table.outside ?? []) if (line === header.line) sayOutside(line, []);
  for (const { line, cells } of records) {
    sayOutside(line, cells);
    if (sheet === undefined && cells.length > width && cells.slice(width).some((c) => c !== ''))
      rowProblems.add({
        code: 'MALFORMED_CSV',
        severity: 'error',
        file,
        line,
        params: { reason: 'FIELD_COUNT', count: cells.length, expected: header.cells.length },
      });
    const row: ReturnRow = {
      file,
      line,
      unit: cell(cells, 'ma_don_vi'),
      period: cell(cells, 'ky_bao_cao'),
      indicator: cell(cells, 'ma_chi_tieu'),
      label: cell(cells, 'ten_chi_tieu'),
      dvt: cell(cells, 'don_vi_tinh'),
      current: cell(cells, 'ky_nay'),
      previous: cell(cells, 'cung_ky'),
      explanation: cell(cells, 'giai_trinh'),
    };
    const notes = valueNotes(table.notes, line);
    if (notes) {
      row.notes = notes;
      // A cell noted as holding no figure the unit sees (a merge, an untrusted result, a number shown divided or hidden) reads as empty.
      if (notes.current && READS_AS_EMPTY.has(notes.current.kind)) row.current = '';
      if (notes.previous && READS_AS_EMPTY.has(notes.previous.kind)) row.previous = '';
    }
    // No indicator and nothing like a number in its value cells (nor a note on one): a
    // section heading, a signature, the place and date above it. It can add nothing, so it
    // is no data row (it was an unknown unit, its code being the signature's text), and is
    // named in one warning. A number without an indicator stays an error: a figure lost.
    if (row.indicator === '' && !numberLike(row.current) && !numberLike(row.previous) && !noted(notes)) {
      // A row of nothing but cells outside the table has been named by CELL_OUTSIDE_TABLE.
      if (!(outsideSaid.has(line) && cells.every((c, i) => unread(i) || !filled(c)))) noFigures.push(line);
      continue;
    }
    rows.push(row);
  }
  // Rows that hold nothing but cells past MAX_SHEET_COLUMNS (the reader left them out of the records).
  for (const [line] of table.outside ?? []) if (line > header.line && !outsideSaid.has(line)) sayOutside(line, []);
  // Rows a unit hid are still in the file and are read: said, so a figure the unit thought
  // it had put away does not reach the report unseen (a hidden row without figures is not one).
  const dataLines = new Set(rows.map((r) => r.line));
  const hidden = (table.hiddenRows ?? []).filter((line) => dataLines.has(line));
  if (hidden.length > 0)
    problems.push({
      code: 'HIDDEN_ROWS',
      severity: 'warning',
      file,
      line: hidden[0],
      params: { sheet: sheet ?? '', rows: listed(hidden, MAX_LISTED), count: hidden.length },
    });
  if (noFigures.length > 0)
    problems.push({
      code: 'ROWS_WITHOUT_FIGURES',
      severity: 'warning',
      file,
      line: noFigures[0],
      ...(sheet === undefined ? {} : { sheet }),
      params: { rows: listed(noFigures, MAX_LISTED), count: noFigures.length },
    });
  for (const p of rowProblems.list()) problems.push(p);
  return { file, encoding, rows, complete: !table.broken, problems, place };
}
