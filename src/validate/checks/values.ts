// A row's two figures (kỳ này, cùng kỳ), read with the indicator's decimals, and cùng kỳ held
// against what the unit reported for that period (last period's returns).
import type { Indicator, Unit } from '../../definition/parse.js';
import type { CellNote } from '../../ingest/readers/types.js';
import type { ReturnRow } from '../../ingest/returns.js';
import type { ProblemCode } from '../../messages/catalog.js';
import { type CountError, type NumberFormat, type ParsedValue, parseValue, valueFormat } from '../../numbers/parse.js';
import type { PreviousArchive } from '../previous.js';
import type { AtRow, Check, Report } from './check.js';

type Code = CountError | 'FORMULA_NOT_CALCULATED' | 'PREVIOUS_MISMATCH';
type NoteProblem = { code: Code; params: Record<string, string | number> };
type NoteOf<K extends CellNote['kind']> = Extract<CellNote, { kind: K }>;

/**
 * What each note a workbook's reader leaves on a value cell means when the cell gives no figure:
 * the problem said instead of (or with) the value's own (`own`: its code and params). One entry
 * per note kind (readers/types.ts, CellNote); a new kind fails to compile until it has one.
 */
const NOTE_PROBLEMS: { [K in CellNote['kind']]: (note: NoteOf<K>, own: NoteProblem) => NoteProblem } = {
  FORMULA_UNCALCULATED: (n) => ({ code: 'FORMULA_NOT_CALCULATED', params: { formula: n.formula } }),
  FORMULA_UNTRUSTED: (n) => ({ code: 'FORMULA_NOT_CALCULATED', params: { formula: n.formula, saved: n.saved } }),
  MERGED: (n, own) => ({ code: own.code, params: { ...own.params, merged: n.master } }),
  PERCENT: (n, own) => ({ code: own.code, params: { ...own.params, stored: n.stored } }),
  DISPLAYED: (n) => ({
    code: 'NOT_A_NUMBER',
    params: { value: n.shown, stored: n.stored, shownAs: n.how, divisor: n.divisor },
  }),
  NUMBER: (_n, own) => own,
};

/** A value cell of a row, read with the indicator's decimals (a workbook's number cell with the returns' decimal mark). */
export const readValue = (
  row: ReturnRow,
  side: 'current' | 'previous',
  decimals: number,
  numberFormat: NumberFormat | undefined,
): ParsedValue => parseValue(row[side], decimals, valueFormat(row.notes?.[side]?.kind === 'NUMBER', numberFormat));

export class ValueCheck implements Check<Code> {
  readonly codes = [
    'MISSING_VALUE',
    'NOT_A_NUMBER',
    'NOT_AN_INTEGER',
    'TOO_MANY_DECIMALS',
    'NEGATIVE_VALUE',
    'VALUE_TOO_LARGE',
    'AMBIGUOUS_NUMBER',
    'FORMULA_NOT_CALCULATED',
    'PREVIOUS_MISMATCH',
  ] as const satisfies readonly ProblemCode[];

  constructor(
    private readonly numberFormat: NumberFormat | undefined,
    private readonly previous: { archive: PreviousArchive; revised: boolean } | undefined,
  ) {}

  /** Both figures of a row; a figure that gives no value, and a cùng kỳ unlike last period's, said. */
  read(
    row: ReturnRow,
    unit: Unit,
    indicator: Indicator,
    report: Report<Code>,
  ): { current: ParsedValue; previous: ParsedValue } {
    const current = readValue(row, 'current', indicator.decimals, this.numberFormat);
    const previous = readValue(row, 'previous', indicator.decimals, this.numberFormat);
    const archived = previous.ok ? this.previous?.archive.values.get(unit.code)?.get(indicator.code) : undefined;
    if (archived && previous.ok && archived.value !== previous.value)
      report.at(
        row,
        {
          code: 'PREVIOUS_MISMATCH',
          column: 'cung_ky',
          unit: unit.code,
          indicator: indicator.code,
          params: {
            value: row.previous,
            archived: archived.raw,
            archive: archived.place,
            period: this.previous!.archive.period,
            revised: this.previous!.revised ? 1 : 0,
          },
        },
        this.previous!.revised ? 'warning' : 'error',
      );
    if (current.ok && previous.ok) return { current, previous };
    for (const [parsed, column, side] of [
      [current, 'ky_nay', 'current'],
      [previous, 'cung_ky', 'previous'],
    ] as const) {
      if (parsed.ok) continue;
      // What a workbook noted of the cell says why it holds no figure (with the number the
      // file holds, when the unit sees another); otherwise the value's own problem.
      const note = row.notes?.[side];
      const own = { code: parsed.code, params: { value: row[side], unitLabel: indicator.unit, ...parsed.params } };
      const { code, params } = note ? NOTE_PROBLEMS[note.kind](note as never, own) : own;
      report.at(row, { code, column, unit: unit.code, indicator: indicator.code, params } as AtRow<Code>);
    }
    return { current, previous };
  }
}
