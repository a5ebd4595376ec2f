// Checks return rows against the definition: every problem in one pass, each with
// its file, line, column, unit and indicator. Produces the values aggregation sums.
import type { Definition, Indicator, Unit } from '../definition/parse.js';
import type { ReturnFile, ReturnRow } from '../ingest/returns.js';
import { ProblemCollector } from '../messages/collector.js';
import type { Problem } from '../messages/problem.js';
import type { ProblemCode } from '../messages/catalog.js';
import type { CellNote } from '../ingest/readers/types.js';
import { MAX_SAFE, type Rational } from '../numbers/rational.js';
import { parseValue, valueFormat, type NumberFormat } from '../numbers/parse.js';
import type { PreviousArchive } from './previous.js';
import { ruleKind } from '../definition/rules.js';
import { formatDecimalVi, formatScaledVi } from '../numbers/format.js';
import { stripMarks } from '../text/marks.js';
import { unitNamedByFile } from '../layout/files.js';
import { listed } from '../text/listed.js';
import { findUnusual } from './unusual.js';

export interface CellValue {
  current: bigint;
  previous: bigint;
  file: string;
  line: number;
  /** The unit's "Giải trình" beside the figure, when it wrote one. */
  explanation?: string;
}

/** What parsed of one row, column by column, for the rules (a row with one bad cell still has the other). */
interface ParsedCells {
  current?: bigint;
  previous?: bigint;
  file: string;
  line: number;
}

export interface CheckedReturns {
  /** unit code → indicator code → values (input indicators only). */
  values: Map<string, Map<string, CellValue>>;
  /** Roster order. */
  received: string[];
  missing: string[];
  /** file → the roster units its rows name (for problems of the file as a whole). */
  unitsByFile?: Map<string, string[]>;
}

/** How many different wrong values of one code a file's rows are grouped by (RowsAlike); past that, a problem per row. */
const MAX_ALIKE = 100;

/**
 * One problem for the rows of a file that have the same one (its code and the value written):
 * a form filled in on last period's form, or one that carries a unit code from before
 * communes were merged, is wrong on every row, and one line that says so with how many rows
 * is what the clerk and the unit need, not the same line eleven times. The problem stands at
 * the first such row and counts the rows (`rows`); it keeps its unit and indicator only when
 * every row has the same. Past MAX_ALIKE values in a file, each row is its own problem.
 */
class RowsAlike {
  private readonly groups = new Map<string, Problem>();

  constructor(private readonly add: (p: Problem) => void) {}

  row(
    row: ReturnRow,
    p: Omit<Problem, 'file' | 'line' | 'severity' | 'params'> & { params: { value: string } & Record<string, unknown> },
  ): void {
    const key = `${p.code}\u0000${p.params.value}`;
    const group = this.groups.get(key);
    if (group) {
      (group.params as { rows: number }).rows++;
      if (group.unit !== p.unit) delete group.unit;
      if (group.indicator !== p.indicator) delete group.indicator;
      return;
    }
    const problem: Problem = {
      severity: 'error',
      file: row.file,
      line: row.line,
      ...p,
      params: { ...p.params, rows: 1 },
    };
    if (this.groups.size < MAX_ALIKE) this.groups.set(key, problem);
    this.add(problem);
  }
}

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

type NoteProblem = { code: ProblemCode; params: Record<string, string | number> };
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

/** The roster's all-digit codes by their number ("024" under "24"), for lookupUnit. */
export function numericCodes(def: Definition): Map<string, Unit[]> {
  const numeric = new Map<string, Unit[]>();
  for (const u of def.units)
    if (/^\d+$/.test(u.code)) {
      const key = BigInt(u.code).toString();
      numeric.set(key, [...(numeric.get(key) ?? []), u]);
    }
  return numeric;
}

/** Finds a roster unit, forgiving the leading zeros Excel drops ("24" for "024"). */
export function lookupUnit(
  def: Definition,
  raw: string,
  numeric: Map<string, Unit[]>,
): { unit?: Unit; padded: boolean } {
  const exact = def.unitByCode.get(raw);
  if (exact) return { unit: exact, padded: false };
  if (/^\d+$/.test(raw)) {
    const candidates = numeric.get(BigInt(raw).toString());
    if (candidates?.length === 1) return { unit: candidates[0], padded: true };
  }
  return { padded: false };
}

export interface ValidateOptions {
  allowMissing?: boolean;
  /** Only the units the files hold are checked: the others are neither missing nor reported. */
  onlyListed?: boolean;
  /** How the returns write numbers; unset: Vietnamese, with English-looking ones refused. */
  numberFormat?: NumberFormat;
  /** Last period's returns: each unit's cung_ky is checked against its ky_nay there. */
  previous?: { archive: PreviousArchive; revised: boolean };
}

/**
 * Checks returns one file at a time (`add`), keeping only the values and what is
 * needed to find duplicates and gaps, so no file's rows outlive its turn; `finish`
 * adds the problems that need all files (missing indicators and units, rules).
 */
export class ReturnValidator {
  private readonly problems = new ProblemCollector();
  private readonly numeric: Map<string, Unit[]>;
  private readonly indicatorByUpper: Map<string, Indicator>;
  private readonly values = new Map<string, Map<string, CellValue>>();
  /** Every value that parsed, whatever else is wrong in its row: rules are checked on all of them. */
  private readonly parsed = new Map<string, Map<string, ParsedCells>>();
  /** unit and indicator → where the row was first seen (file:line), for DUPLICATE_ROW. */
  private readonly seen = new Map<string, string>();
  /** Units that sent rows, with the first file they appear in and whether it was read whole. */
  private readonly unitFiles = new Map<string, { file: string; complete: boolean }>();
  private unreadFiles = 0;
  private readonly unitsByFile = new Map<string, string[]>();
  /** Each file's time on this machine (its receipt), to say which of two returns came later. */
  private readonly receivedAt = new Map<string, number>();
  /** FILE_NAMES_OTHER_UNIT warnings, told in `finish` whether the unit named has a return of its own. */
  private readonly misnamed: Problem[] = [];
  // A unit's rows come together and a few indicator spellings repeat: the last unit
  // looked up is kept, and up to 1,000 indicator spellings (a hostile file may have a
  // million different ones).
  private lastUnit = {
    raw: undefined as string | undefined,
    lookup: { padded: false } as ReturnType<typeof lookupUnit>,
  };
  private readonly indicatorLookups = new Map<string, Indicator | undefined>();
  private readonly periodCode: string;

  constructor(
    private readonly def: Definition,
    private readonly opts: ValidateOptions = {},
  ) {
    this.numeric = numericCodes(def);
    this.indicatorByUpper = new Map(def.indicators.map((i) => [i.code.toUpperCase(), i]));
    this.periodCode = def.period.code.toUpperCase();
  }

  add(file: ReturnFile): void {
    const { def, problems, values, seen, unitFiles } = this;
    if (file.receivedAt !== undefined) this.receivedAt.set(file.file, file.receivedAt);
    if (!file.complete) this.unreadFiles++;
    const err = (
      row: ReturnRow,
      p: Omit<Problem, 'file' | 'line' | 'severity'>,
      severity: Problem['severity'] = 'error',
    ) => problems.add({ severity, file: row.file, line: row.line, ...p });
    let paddedWarning: Problem | undefined;
    const fileUnits = new Set<string>();
    const alike = new RowsAlike((p) => problems.add(p));
    const resent = new ResentReturns(def.inputIndicators.length, file.file, (d) =>
      err(d.row, { code: 'DUPLICATE_ROW', unit: d.unit, indicator: d.indicator.code, params: { first: d.first } }),
    );
    for (const row of file.rows) {
      if (row.unit !== this.lastUnit.raw)
        this.lastUnit = { raw: row.unit, lookup: lookupUnit(def, row.unit, this.numeric) };
      const { unit, padded } = this.lastUnit.lookup;
      if (!unit) {
        alike.row(row, { code: 'UNKNOWN_UNIT', column: 'ma_don_vi', params: { value: row.unit } });
        continue;
      }
      if (padded) {
        // Excel drops the zeros of a whole column at once: one warning per file, at its
        // first such row, counting the rows.
        if (paddedWarning) (paddedWarning.params as { rows: number }).rows++;
        else {
          paddedWarning = {
            severity: 'warning',
            file: row.file,
            line: row.line,
            code: 'UNIT_CODE_PADDED',
            column: 'ma_don_vi',
            unit: unit.code,
            params: { value: row.unit, unit: unit.code, rows: 1 },
          };
          problems.add(paddedWarning);
        }
      }
      fileUnits.add(unit.code);
      const prior = unitFiles.get(unit.code);
      if (!prior) unitFiles.set(unit.code, { file: file.file, complete: file.complete });
      else if (!file.complete) prior.complete = false;

      let indicator = this.indicatorLookups.get(row.indicator);
      if (indicator === undefined && !this.indicatorLookups.has(row.indicator)) {
        indicator = this.indicatorByUpper.get(row.indicator.toUpperCase());
        if (this.indicatorLookups.size < 1000) this.indicatorLookups.set(row.indicator, indicator);
      }
      if (!indicator) {
        err(row, {
          code: 'UNKNOWN_INDICATOR',
          column: 'ma_chi_tieu',
          unit: unit.code,
          params: { value: row.indicator },
        });
        continue;
      }
      if (indicator.kind === 'ratio') {
        err(
          row,
          {
            code: 'DERIVED_INDICATOR',
            column: 'ma_chi_tieu',
            unit: unit.code,
            indicator: indicator.code,
            params: { value: indicator.code },
          },
          'warning',
        );
        continue;
      }
      if (row.period !== def.period.code && row.period.toUpperCase() !== this.periodCode)
        alike.row(row, {
          code: 'PERIOD_MISMATCH',
          column: 'ky_bao_cao',
          unit: unit.code,
          indicator: indicator.code,
          params: { value: row.period, expected: def.period.code },
        });
      // A figure in another unit (triệu where the indicator counts tỷ đồng) is off by a factor: never summed.
      if (row.dvt !== '' && row.dvt !== indicator.unit && !sameMeasure(row.dvt, indicator.unit))
        err(row, {
          code: 'UNIT_OF_MEASURE_DIFFERS',
          column: 'don_vi_tinh',
          unit: unit.code,
          indicator: indicator.code,
          params: { value: row.dvt, expected: indicator.unit, label: indicator.label },
        });

      const key = `${unit.code}\u0000${indicator.code}`;
      const first = seen.get(key);
      resent.row(
        unit.code,
        indicator.code,
        first === undefined ? undefined : { row, unit: unit.code, indicator, first },
      );
      if (first) continue;
      seen.set(key, `${row.file}:${row.line}`);

      const decimals = indicator.decimals;
      const current = this.value(row, 'current', decimals);
      const previous = this.value(row, 'previous', decimals);
      if (current.ok || previous.ok) {
        let byIndicator = this.parsed.get(unit.code);
        if (!byIndicator) this.parsed.set(unit.code, (byIndicator = new Map()));
        byIndicator.set(indicator.code, {
          current: current.ok ? current.value : undefined,
          previous: previous.ok ? previous.value : undefined,
          file: row.file,
          line: row.line,
        });
      }
      const archived = previous.ok ? this.opts.previous?.archive.values.get(unit.code)?.get(indicator.code) : undefined;
      if (archived && previous.ok && archived.value !== previous.value)
        err(
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
              period: this.opts.previous!.archive.period,
              revised: this.opts.previous!.revised ? 1 : 0,
            },
          },
          this.opts.previous!.revised ? 'warning' : 'error',
        );
      if (current.ok && previous.ok) {
        let byIndicator = values.get(unit.code);
        if (!byIndicator) values.set(unit.code, (byIndicator = new Map()));
        byIndicator.set(indicator.code, {
          current: current.value,
          previous: previous.value,
          file: row.file,
          line: row.line,
          ...(row.explanation !== '' && { explanation: row.explanation }),
        });
        continue;
      }
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
        err(row, { code, column, unit: unit.code, indicator: indicator.code, params });
      }
    }
    // The unit the file is named for ("02 - Xã Hai.xlsx", as forms are named), if any: a unit
    // that filled in another's form, whose code is locked in it, sends the other's code.
    const named = fileUnits.size > 0 ? unitNamedByFile(def, file.file) : undefined;
    const resentWhole = resent.finish();
    for (const whole of resentWhole) problems.add(this.resentProblem(whole, fileUnits.size, named));
    if (fileUnits.size > 0) {
      this.unitsByFile.set(file.file, [...fileUnits]);
      // Named for one unit, its rows all another's: their figures would be counted and shown
      // as the other unit's. (A return sent again says so itself.)
      if (named && !fileUnits.has(named.code) && resentWhole.length === 0) {
        const codes = [...fileUnits];
        const warning: Problem = {
          code: 'FILE_NAMES_OTHER_UNIT',
          severity: 'error',
          file: file.file,
          line: file.rows[0]?.line,
          column: 'ma_don_vi',
          unit: named.code,
          params: {
            named: named.name,
            namedCode: named.code,
            value: listed(codes, 5),
            count: codes.length,
            unitName: codes.length === 1 ? def.unitByCode.get(codes[0]!)!.name : '',
          },
        };
        problems.add(warning);
        this.misnamed.push(warning);
      }
    }
  }

  /** A value cell of a row, read with the indicator's decimals (a workbook's number cell with the returns' decimal mark). */
  private value(row: ReturnRow, side: 'current' | 'previous', decimals: number) {
    return parseValue(row[side], decimals, valueFormat(row.notes?.[side]?.kind === 'NUMBER', this.opts.numberFormat));
  }

  /**
   * A unit's whole return sent again in another file: one problem, saying whether the figures
   * are the same, and where they first differ (kỳ này, then cùng kỳ, as each file's rows parse).
   */
  private resentProblem(
    { unit, from, rows }: { unit: string; from: string; rows: Duplicate[] },
    unitsInFile: number,
    named: Unit | undefined,
  ): Problem {
    const format = (n: bigint | undefined, decimals: number) => (n === undefined ? '—' : formatScaledVi(n, decimals));
    let differ = 0;
    let example: Record<string, string> | undefined;
    for (const { row, indicator } of rows) {
      const there = this.parsed.get(unit)?.get(indicator.code);
      const decimals = indicator.decimals;
      const here = { current: this.value(row, 'current', decimals), previous: this.value(row, 'previous', decimals) };
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
    const [thenAt, nowAt] = [this.receivedAt.get(from), this.receivedAt.get(first.row.file)];
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
        ...((unitsInFile > 1 || (this.unitsByFile.get(from)?.length ?? 1) > 1) && { shared: 1 }),
      },
    };
  }

  finish(): { checked: CheckedReturns; problems: Problem[]; explained: Problem[] } {
    const { def, problems, seen, unitFiles, values } = this;
    // A file named for one unit holding another's rows credits the figures to the other: an error,
    // so that no report is built on them until the office settles which unit they are (the unit
    // corrects its code, or the office renames the file). A file named for a unit that has its own
    // return elsewhere is only misnamed: a warning saying where that return is, the office's to rename.
    for (const warning of this.misnamed) {
      const own = unitFiles.get(String(warning.params!.namedCode));
      if (own) {
        warning.params!.elsewhere = own.file;
        warning.severity = 'warning';
      }
    }
    for (const [unitCode, { file, complete }] of unitFiles) {
      if (!complete) continue;
      const unit = def.unitByCode.get(unitCode)!;
      for (const ind of def.inputIndicators)
        if (!seen.has(`${unitCode}\u0000${ind.code}`))
          problems.add({
            code: 'MISSING_INDICATOR',
            severity: 'error',
            file,
            unit: unitCode,
            indicator: ind.code,
            params: { unitName: unit.name, label: ind.label },
          });
    }

    for (const p of checkRules(def, this.parsed)) problems.add(p);
    for (const p of checkSums(def, values)) problems.add(p);
    const archive = this.opts.previous?.archive;
    const unusual = findUnusual(
      def,
      values,
      archive && { earlier: (unit, ind) => archive.values.get(unit)?.get(ind)?.earlier, archivePeriod: archive.period },
    );
    for (const p of unusual.warnings) problems.add(p);

    const received = def.units.filter((u) => unitFiles.has(u.code)).map((u) => u.code);
    if (archive)
      for (const code of received)
        if (!archive.values.has(code))
          problems.add({
            code: 'PREVIOUS_MISSING',
            severity: 'warning',
            unit: code,
            params: { unitName: def.unitByCode.get(code)!.name, period: archive.period },
          });
    const missing = this.opts.onlyListed ? [] : def.units.filter((u) => !unitFiles.has(u.code));
    // No figures at all (a wrong folder) is never a report, whatever --allow-missing says.
    if (received.length === 0) problems.add({ code: 'NO_RETURNS', severity: 'error' });
    // A file that could not be read whole may hold these units' rows; the message says so.
    for (const u of missing)
      problems.add({
        code: 'MISSING_UNIT',
        severity: this.opts.allowMissing ? 'warning' : 'error',
        unit: u.code,
        params: { unitName: u.name, unread: this.unreadFiles },
      });

    return {
      checked: { values, received, missing: missing.map((u) => u.code), unitsByFile: this.unitsByFile },
      problems: problems.list(),
      explained: unusual.explained,
    };
  }
}

/** All files at once (tests and small callers); the pipeline feeds a ReturnValidator as it reads. */
export function validateReturns(
  def: Definition,
  files: readonly ReturnFile[],
  opts: ValidateOptions = {},
): ReturnType<ReturnValidator['finish']> {
  const validator = new ReturnValidator(def, opts);
  for (const file of files) validator.add(file);
  return validator.finish();
}

/** Totals a JSON number carries exactly (2^53 − 1): past that a figure would be written wrong. */
function checkSums(def: Definition, values: Map<string, Map<string, CellValue>>): Problem[] {
  const problems: Problem[] = [];
  for (const ind of def.inputIndicators) {
    let current = 0n;
    let previous = 0n;
    for (const byIndicator of values.values()) {
      const v = byIndicator.get(ind.code);
      if (v) {
        current += v.current;
        previous += v.previous;
      }
    }
    for (const [column, total] of [
      ['ky_nay', current],
      ['cung_ky', previous],
    ] as const)
      if (total > MAX_SAFE)
        problems.push({
          code: 'SUM_TOO_LARGE',
          severity: 'error',
          column,
          indicator: ind.code,
          params: { label: ind.label, column, limit: MAX_SAFE.toString() },
        });
  }
  return problems;
}

/** Every rule on every unit and column whose values parsed (definition/rules.ts says how each kind checks). */
function checkRules(def: Definition, values: Map<string, Map<string, ParsedCells>>): Problem[] {
  const problems: Problem[] = [];
  const ind = (code: string) => def.indicatorByCode.get(code) as Indicator & { decimals?: number };
  const asRational = (code: string, v: bigint | undefined): Rational | undefined =>
    v === undefined ? undefined : { n: v, d: 10n ** BigInt(ind(code).decimals ?? 0) };
  const shown = (r: Rational) => formatDecimalVi(r, { decimals: 3, trimZeros: true });
  for (const [unit, byIndicator] of values)
    for (const rule of def.rules) {
      const own = byIndicator.get(rule.indicator);
      if (!own) continue;
      const { kind, bound } = ruleKind(rule);
      const refs = kind.refs(bound);
      for (const column of ['ky_nay', 'cung_ky'] as const) {
        const value = (code: string) => {
          const cells = byIndicator.get(code);
          return asRational(code, column === 'ky_nay' ? cells?.current : cells?.previous);
        };
        const left = value(rule.indicator);
        const right = left && kind.other(bound, value);
        if (left === undefined || right === undefined || !kind.broken(left, right)) continue;
        problems.push({
          code: 'RULE_VIOLATION',
          severity: 'error',
          file: own.file,
          line: own.line,
          column,
          unit,
          indicator: rule.indicator,
          params: {
            column,
            op: kind.key,
            left: shown(left),
            right: shown(right),
            leftLabel: ind(rule.indicator).label,
            rightLabel: refs.map((r) => ind(r).label).join('" + "'),
          },
        });
      }
    }
  return problems;
}

/** "Tỷ đồng", "tỉ đồng" and "ty dong" are one unit of measure; "triệu đồng" is another. */
export function sameMeasure(a: string, b: string): boolean {
  const key = (s: string) =>
    stripMarks(s.normalize('NFC').toLowerCase())
      .replace(/[\s.]+/g, ' ')
      .trim()
      .replace(/\bty\b/g, 'ti');
  return key(a) === key(b);
}
