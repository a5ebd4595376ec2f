// What a worksheet is refused for: a cell (or row) whose markup breaks the format, or a sheet
// that holds more than a return can.

/** Why a cell is refused. */
export type BadCellKind =
  | 'NUMBER'
  | 'SHARED_INDEX'
  | 'INLINE_WITH_VALUE'
  | 'OTHER_ROW'
  | 'TWICE'
  | 'ROW_TWICE'
  | 'REFERENCE'
  | 'BOOLEAN'
  | 'TYPE';

/** A cell (or a row) whose markup breaks the format: refused, named. */
export class BadCell extends Error {
  constructor(
    readonly kind: BadCellKind,
    /** Where: "E5", or the row's number for a row. */
    readonly cell: string,
    readonly line: number,
    /** What it holds, as written. */
    readonly holds: string,
  ) {
    super(kind);
  }
}

/** The sheet holds more than a return can (a merged area, row numbers past the last): refused. */
export class SheetOverLimit extends Error {
  constructor(
    readonly problem:
      | { code: 'MERGE_TOO_LARGE'; kind: 'RANGE' | 'COUNT' | 'CELLS'; range?: string; cells?: number; limit: number }
      | { code: 'CORRUPT' },
  ) {
    super(problem.code);
  }
}
