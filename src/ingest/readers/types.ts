// What every reader gives back: the records of one table with their places, so that
// one piece of code (../returns.ts) finds the columns and builds rows for any format.
// A new format is one new file here and one line in ./index.ts.
import type { ProblemWithout } from '../../messages/problem.js';
import type { CsvRecord } from '../csv.js';
import type { Encoding } from '../decode.js';
import type { NumberFormat } from '../../numbers/parse.js';

export interface ReaderOptions {
  /** --encoding, for text formats. */
  encoding?: Encoding;
  /** How numbers are written (a workbook's number cells are written back with this decimal mark). */
  numberFormat?: NumberFormat;
}

export interface Table {
  /** Non-blank records; `line` is the file's line, or the sheet's row number. */
  records: CsvRecord[];
  /** Which record is the header (a workbook may have title rows above it). */
  headerAt: number;
  encoding?: Encoding;
  /** A workbook: the sheet read, named in problems with the cell ("Biểu mẫu!E5"). */
  sheet?: string;
  /** A workbook: what the text of a cell cannot say, one note per cell, by `${line}:${index}` (see CellNote). */
  notes?: Map<string, CellNote>;
  /** A workbook: rows with content that are hidden in the sheet (read all the same), by row number. */
  hiddenRows?: number[];
  /** A workbook: columns hidden in the sheet (read all the same), by number (A = 1). */
  hiddenColumns?: number[];
  /** A workbook: per row, its first filled cell past column MAX_SHEET_COLUMNS (outside any table; not in `cells`). */
  outside?: Map<number, Outside>;
  /** A workbook: other visible sheets that have the header too, which are not read. */
  unreadSheets?: string[];
  /** Set when the file could not be read to its end. */
  broken?: { line: number; reason: string };
}

/**
 * What a workbook's cell is, beyond its text: every quirk of the format leaves the reader as one
 * of these, and validation says what each means for a figure (validate.ts, NOTE_PROBLEMS).
 * - FORMULA_UNCALCULATED: a formula whose result was never saved (the cell reads as empty);
 * - FORMULA_UNTRUSTED: a formula's saved result in a workbook that asks to be recalculated when
 *   opened (`fullCalcOnLoad`) or was saved before its recalculation completed: Excel shows what it
 *   computes, not this result (`saved`, what the cell would read as); the cell reads as empty;
 * - MERGED: a cell covered by a merged area whose first cell is `master`; it reads as the master's
 *   text, and as empty in a value column (one figure cannot count for two rows);
 * - PERCENT: a number formatted as a percentage: its text is what it shows ("97,5%"), `stored` the
 *   number the file holds ("0,975");
 * - DISPLAYED: a number whose format divides it by thousands (`#,##0,`) or hides it (`;;;`): it
 *   reads as empty; `stored` is what the file holds, `shown` what the unit sees ("" when nothing);
 * - NUMBER: a number cell whose text would read two ways as typed text (1.234 written "1,234"): the
 *   reader wrote it with the returns' decimal mark, so it is read with that mark, never as a
 *   thousands group. (Only these number cells are noted: a note for every one cost ~25 MB.)
 */
export type CellNote =
  | { kind: 'FORMULA_UNCALCULATED'; formula: string }
  | { kind: 'FORMULA_UNTRUSTED'; formula: string; saved: string }
  | { kind: 'MERGED'; master: string }
  | { kind: 'PERCENT'; stored: string }
  | { kind: 'DISPLAYED'; how: 'THOUSANDS' | 'HIDDEN'; stored: string; shown: string; divisor: number }
  | { kind: 'NUMBER'; text: string };

/** The notes after which a cell holds no figure the unit sees: it reads as empty. */
export const READS_AS_EMPTY: ReadonlySet<CellNote['kind']> = new Set([
  'FORMULA_UNCALCULATED',
  'FORMULA_UNTRUSTED',
  'MERGED',
  'DISPLAYED',
]);

/** A filled cell outside the table: its address ("H5"), its text, and how many more the row has out there. */
export interface Outside {
  cell: string;
  value: string;
  more: number;
}

export type ReadOutcome =
  | { ok: true; table: Table }
  /** The file cannot be read at all: one problem, with what to do. `complete` as in ReturnFile. */
  | { ok: false; problem: ProblemWithout<'file' | 'severity'>; complete?: boolean };

export interface Reader {
  read(bytes: Uint8Array, opts: ReaderOptions): ReadOutcome | Promise<ReadOutcome>;
}
