// What every reader gives back: the records of one table with their places, so that
// one piece of code (../returns.ts) finds the columns and builds rows for any format.
// A new format is one new file here and one line in ./index.ts.
import type { Problem } from '../../messages/problem.js';
import type { CsvRecord } from '../csv.js';
import type { Encoding } from '../decode.js';
import type { NumberFormat } from '../../validate/number.js';

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
  /** Cells whose formula has no saved result, or a result that cannot be trusted (`untrusted`), by `${line}:${index}` → the formula. */
  formulas?: Map<string, string>;
  /**
   * A workbook that asks to be recalculated when opened (`fullCalcOnLoad`), or was saved before
   * its recalculation completed (`calcCompleted="0"`): its formula cells'
   * saved results, by `${line}:${index}` → the result as text (which the cell reads as). Excel
   * shows what it computes, not these; value cells among them are not read as figures.
   */
  untrusted?: Map<string, string>;
  /** A workbook: rows with content that are hidden in the sheet (read all the same), by row number. */
  hiddenRows?: number[];
  /** A workbook: columns hidden in the sheet (read all the same), by number (A = 1). */
  hiddenColumns?: number[];
  /** A workbook: per row, its first filled cell past column MAX_SHEET_COLUMNS (outside any table; not in `cells`). */
  outside?: Map<number, Outside>;
  /** A workbook: other visible sheets that have the header too, which are not read. */
  unreadSheets?: string[];
  /** Number cells formatted as a percentage, by `${line}:${index}` → the number the file holds ("0,975"); their text is what they show ("97,5%"). */
  percent?: Map<string, string>;
  /** Number cells whose format divides them by thousands or hides them, by `${line}:${index}`: they read as empty. */
  displayed?: Map<string, Displayed>;
  /**
   * A workbook: the number cells whose text would read two ways as typed text (1.234 written
   * "1,234"), by `${line}:${index}` → that text. The reader wrote it with the returns' decimal mark
   * (`numberFormat`, Vietnamese unless English), so it is read with that mark even when no
   * convention is declared: never a thousands group. (Only these are kept: a set of every
   * number cell cost a large workbook ~25 MB.)
   */
  numeric?: Map<string, string>;
  /** Cells covered by a merge, by `${line}:${index}` → the merge's first cell ("E5"). */
  merged?: Map<string, string>;
  /** Set when the file could not be read to its end. */
  broken?: { line: number; reason: string };
}

/** A number cell shown otherwise than as it is: the number the file holds, what the unit sees ("" when nothing), and by what it is divided. */
export interface Displayed {
  stored: string;
  kind: 'THOUSANDS' | 'HIDDEN';
  shown: string;
  divisor: number;
}

/** A filled cell outside the table: its address ("H5"), its text, and how many more the row has out there. */
export interface Outside {
  cell: string;
  value: string;
  more: number;
}

export type ReadOutcome =
  | { ok: true; table: Table }
  /** The file cannot be read at all: one problem, with what to do. `complete` as in ReturnFile. */
  | { ok: false; problem: Omit<Problem, 'file' | 'severity'>; complete?: boolean };

export interface Reader {
  read(bytes: Uint8Array, opts: ReaderOptions): ReadOutcome | Promise<ReadOutcome>;
}
