// What a check of the returns is: the problem codes it may raise, declared, and a report
// typed by them, so that the compiler holds each check to the codes it names.
import type { ReturnRow } from '../../ingest/returns.js';
import type { ProblemCode } from '../../messages/catalog.js';
import type { ProblemOf, ProblemWithout, Severity } from '../../messages/problem.js';

/** A problem at a row: the row gives its file and line. */
export type AtRow<C extends ProblemCode> = ProblemWithout<'file' | 'line' | 'severity', C>;

/** A check names every code it raises; its report takes those codes only. */
export interface Check<C extends ProblemCode> {
  readonly codes: readonly C[];
}

/** Where the checks of one file report. */
export interface Report<C extends ProblemCode> {
  /** A problem at a row (an error unless told). */
  at(row: ReturnRow, p: AtRow<C>, severity?: Severity): void;
  /** One problem for the rows of the file that have the same one (RowsAlike). */
  alike(row: ReturnRow, p: AtRow<C> & { params: { value: string } }): void;
  /** A problem placed by the check itself. */
  add(p: ProblemOf<C>): void;
}

/** What parsed of one row, column by column, for the rules (a row with one bad cell still has the other). */
export interface ParsedCells {
  current?: bigint;
  previous?: bigint;
  file: string;
  line: number;
}
