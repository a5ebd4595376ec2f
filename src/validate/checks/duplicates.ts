// A row read before: a stray repeated row (DUPLICATE_ROW), or a unit's whole return sent
// again in a second file (DUPLICATE_RETURN, one problem saying whether the figures differ).
import type { Definition, Indicator, Unit } from '../../definition/parse.js';
import type { ReturnRow } from '../../ingest/returns.js';
import { formatScaledVi } from '../../numbers/format.js';
import type { NumberFormat } from '../../numbers/parse.js';
import type { ProblemOf } from '../../messages/problem.js';
import type { Check, ParsedCells, Report } from './check.js';
import { readValue } from './values.js';

/** A row whose unit and indicator were already read (`first`: where, "file:line"). */
interface Duplicate {
  row: ReturnRow;
  unit: string;
  indicator: Indicator;
  first: string;
}

/**
 * Tells, within one file, a unit's whole return sent again from a unit's stray repeated rows.
 * A commune that sends a corrected workbook leaves two files of the same return in the
 * folder; every row of the second is a repeat, and one problem that says "two files of this
 * unit, keep one" is what the clerk needs, not a DUPLICATE_ROW per row telling them to
 * delete rows. A unit's rows in the file are a return sent again when there is one for every
 * input indicator, each first read from one and the same other file. Until that is known its
 * repeats wait (at most one per indicator); once it cannot be, they are reported row by row
 * (`report`), as are all that follow.
 */
class ResentReturns {
  private readonly units = new Map<
    string,
    { indicators: Set<string>; rows: number; from?: string; waiting: Duplicate[]; partial: boolean }
  >();

  constructor(
    private readonly indicators: number,
    private readonly file: string,
    private readonly report: (d: Duplicate) => void,
  ) {}

  /** A row of `unit` for `indicator` that reached the duplicate check; `repeat` when it was read before. */
  row(unit: string, indicator: string, repeat: Duplicate | undefined): void {
    let u = this.units.get(unit);
    if (!u) this.units.set(unit, (u = { indicators: new Set(), rows: 0, waiting: [], partial: false }));
    if (u.partial) {
      if (repeat) this.report(repeat);
      return;
    }
    u.rows++;
    u.indicators.add(indicator);
    const from = repeat?.first.slice(0, repeat.first.lastIndexOf(':'));
    if (!repeat || u.rows > this.indicators || from === this.file || (u.from !== undefined && u.from !== from)) {
      u.partial = true;
      for (const d of u.waiting) this.report(d);
      u.waiting = [];
      if (repeat) this.report(repeat);
      return;
    }
    u.from = from;
    u.waiting.push(repeat);
  }

  /** At the file's end: the returns sent again (reported as one problem each); other waiting repeats are reported row by row. */
  finish(): { unit: string; from: string; rows: Duplicate[] }[] {
    const whole: { unit: string; from: string; rows: Duplicate[] }[] = [];
    for (const [unit, u] of this.units) {
      if (u.waiting.length === 0) continue;
      if (u.indicators.size === this.indicators) whole.push({ unit, from: u.from!, rows: u.waiting });
      else for (const d of u.waiting) this.report(d);
    }
    return whole;
  }
}

type Code = 'DUPLICATE_ROW' | 'DUPLICATE_RETURN';

/** What the validator knows of the other files, for a return sent again. */
export interface SeenFiles {
  /** What parsed of a unit's indicator, where it was first read. */
  parsed(unit: string, indicator: string): ParsedCells | undefined;
  /** A file's time on this machine (its receipt), when known. */
  receivedAt(file: string): number | undefined;
  /** How many units' rows a file read before holds. */
  unitsIn(file: string): number;
}

export class DuplicateCheck implements Check<Code> {
  readonly codes = ['DUPLICATE_ROW', 'DUPLICATE_RETURN'] as const;
  /** unit and indicator → where the row was first seen (file:line). */
  private readonly seen = new Map<string, string>();

  constructor(
    private readonly def: Definition,
    private readonly numberFormat: NumberFormat | undefined,
    private readonly files: SeenFiles,
  ) {}

  /** Whether a row of the unit for the indicator was read, in any file. */
  has(unit: string, indicator: string): boolean {
    return this.seen.has(`${unit}\u0000${indicator}`);
  }

  /**
   * The rows of one file: `row` tells whether a row is the first of its unit and indicator
   * (a repeat is held until its file's end tells a return sent again from stray rows);
   * `finish` says the returns sent again, and gives how many.
   */
  forFile(file: string, report: Report<Code>) {
    const resent = new ResentReturns(this.def.inputIndicators.length, file, (d) =>
      report.at(d.row, {
        code: 'DUPLICATE_ROW',
        unit: d.unit,
        indicator: d.indicator.code,
        params: { first: d.first },
      }),
    );
    return {
      row: (row: ReturnRow, unit: string, indicator: Indicator): boolean => {
        const key = `${unit}\u0000${indicator.code}`;
        const first = this.seen.get(key);
        resent.row(unit, indicator.code, first === undefined ? undefined : { row, unit, indicator, first });
        if (first) return false;
        this.seen.set(key, `${row.file}:${row.line}`);
        return true;
      },
      finish: (unitsInFile: number, named: Unit | undefined): number => {
        const whole = resent.finish();
        for (const w of whole) report.add(this.resentProblem(w, unitsInFile, named));
        return whole.length;
      },
    };
  }

  /**
   * A unit's whole return sent again in another file: one problem, saying whether the figures
   * are the same, and where they first differ (kỳ này, then cùng kỳ, as each file's rows parse).
   */
  private resentProblem(
    { unit, from, rows }: { unit: string; from: string; rows: Duplicate[] },
    unitsInFile: number,
    named: Unit | undefined,
  ): ProblemOf<'DUPLICATE_RETURN'> {
    const format = (n: bigint | undefined, decimals: number) => (n === undefined ? '—' : formatScaledVi(n, decimals));
    let differ = 0;
    let example: Record<string, string> | undefined;
    for (const { row, indicator } of rows) {
      const there = this.files.parsed(unit, indicator.code);
      const decimals = indicator.decimals;
      const here = {
        current: readValue(row, 'current', decimals, this.numberFormat),
        previous: readValue(row, 'previous', decimals, this.numberFormat),
      };
      const sides = (['current', 'previous'] as const).filter(
        (side) => (here[side].ok ? here[side].value : undefined) !== there?.[side],
      );
      if (sides.length === 0) continue;
      differ++;
      const side = sides[0]!;
      const value = here[side];
      example ??= {
        indicator: indicator.code,
        side,
        there: format(there?.[side], decimals),
        here: value.ok ? format(value.value, decimals) : row[side] || '—',
      };
    }
    const first = rows[0]!;
    // Which came later is known only from the files' times here: said with both, never guessed from the names.
    const [thenAt, nowAt] = [this.files.receivedAt(from), this.files.receivedAt(first.row.file)];
    const times =
      thenAt !== undefined && nowAt !== undefined
        ? { firstAt: thenAt, hereAt: nowAt, ...(thenAt !== nowAt && { later: nowAt > thenAt ? first.row.file : from }) }
        : {};
    return {
      code: 'DUPLICATE_RETURN',
      severity: 'error',
      file: first.row.file,
      line: first.row.line,
      unit,
      params: {
        unitName: this.def.unitByCode.get(unit)!.name,
        first: from,
        rows: rows.length,
        differ,
        ...example,
        ...times,
        // A file named for another unit ("025 - …"): that unit may have filled in this one's form.
        ...(named && named.code !== unit && { named: named.name, namedCode: named.code }),
        // Either file holds other units' rows too (a district's file): moving a file out would take
        // theirs with it, so the message says to delete this unit's rows from one of them instead.
        ...((unitsInFile > 1 || this.files.unitsIn(from) > 1) && { shared: 1 }),
      },
    };
  }
}
