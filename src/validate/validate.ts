// Checks return rows against the definition: every problem in one pass, each with
// its file, line, column, unit and indicator. Produces the values aggregation sums.
// Each check is an object in checks/ that declares the codes it raises; this file
// runs them in order over each file's rows, then the checks that need every file.
import type { Definition } from '../definition/parse.js';
import type { ReturnFile, ReturnRow } from '../ingest/returns.js';
import { ProblemCollector } from '../messages/collector.js';
import type { Problem, Severity } from '../messages/problem.js';
import type { NumberFormat } from '../numbers/parse.js';
import type { PreviousArchive } from './previous.js';
import { findUnusual } from './unusual.js';
import { RowsAlike } from './checks/alike.js';
import type { AtRow, ParsedCells, Report } from './checks/check.js';
import { completenessCheck } from './checks/completeness.js';
import { DuplicateCheck } from './checks/duplicates.js';
import { FieldsCheck } from './checks/fields.js';
import { FileNameCheck } from './checks/file-name.js';
import { IndicatorCheck } from './checks/indicator.js';
import { totalsCheck } from './checks/totals.js';
import { UnitCheck } from './checks/unit.js';
import { ValueCheck } from './checks/values.js';

export interface CellValue {
  current: bigint;
  previous: bigint;
  file: string;
  line: number;
  /** The unit's "Giải trình" beside the figure, when it wrote one. */
  explanation?: string;
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
  private readonly values = new Map<string, Map<string, CellValue>>();
  /** Every value that parsed, whatever else is wrong in its row: rules are checked on all of them. */
  private readonly parsed = new Map<string, Map<string, ParsedCells>>();
  /** Units that sent rows, with the first file they appear in and whether it was read whole. */
  private readonly unitFiles = new Map<string, { file: string; complete: boolean }>();
  private unreadFiles = 0;
  private readonly unitsByFile = new Map<string, string[]>();
  /** Each file's time on this machine (its receipt), to say which of two returns came later. */
  private readonly receivedAt = new Map<string, number>();
  private readonly units: UnitCheck;
  private readonly indicators: IndicatorCheck;
  private readonly fields: FieldsCheck;
  private readonly duplicates: DuplicateCheck;
  private readonly figures: ValueCheck;
  private readonly fileName: FileNameCheck;

  constructor(
    private readonly def: Definition,
    private readonly opts: ValidateOptions = {},
  ) {
    this.units = new UnitCheck(def);
    this.indicators = new IndicatorCheck(def);
    this.fields = new FieldsCheck(def);
    this.duplicates = new DuplicateCheck(def, opts.numberFormat, {
      parsed: (unit, indicator) => this.parsed.get(unit)?.get(indicator),
      receivedAt: (file) => this.receivedAt.get(file),
      unitsIn: (file) => this.unitsByFile.get(file)?.length ?? 1,
    });
    this.figures = new ValueCheck(opts.numberFormat, opts.previous);
    this.fileName = new FileNameCheck(def);
  }

  add(file: ReturnFile): void {
    const { problems, values, unitFiles } = this;
    if (file.receivedAt !== undefined) this.receivedAt.set(file.file, file.receivedAt);
    if (!file.complete) this.unreadFiles++;
    const add = (p: Problem) => problems.add(p);
    const alike = new RowsAlike(add);
    const report: Report<Problem['code']> = {
      at: (row: ReturnRow, p: AtRow<Problem['code']>, severity: Severity = 'error') =>
        problems.add({ severity, file: row.file, line: row.line, ...p }),
      alike: (row, p) => alike.row(row, p),
      add,
    };
    const unitOf = this.units.forFile(report);
    const duplicates = this.duplicates.forFile(file.file, report);
    const fileUnits = new Set<string>();
    for (const row of file.rows) {
      const unit = unitOf(row);
      if (!unit) continue;
      fileUnits.add(unit.code);
      const prior = unitFiles.get(unit.code);
      if (!prior) unitFiles.set(unit.code, { file: file.file, complete: file.complete });
      else if (!file.complete) prior.complete = false;

      const indicator = this.indicators.of(row, unit, report);
      if (!indicator) continue;
      this.fields.check(row, unit, indicator, report);
      if (!duplicates.row(row, unit.code, indicator)) continue;

      const { current, previous } = this.figures.read(row, unit, indicator, report);
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
      }
    }
    const named = this.fileName.named(file, fileUnits);
    const resent = duplicates.finish(fileUnits.size, named);
    if (fileUnits.size > 0) {
      this.unitsByFile.set(file.file, [...fileUnits]);
      this.fileName.check(file, fileUnits, named, resent, report);
    }
  }

  finish(): { checked: CheckedReturns; problems: Problem[]; explained: Problem[] } {
    const { def, problems, unitFiles, values } = this;
    this.fileName.finish((unit) => unitFiles.get(unit)?.file);
    const all = (list: readonly Problem[]) => {
      for (const p of list) problems.add(p);
    };
    all(completenessCheck.indicators(def, unitFiles, (unit, ind) => this.duplicates.has(unit, ind)));
    all(totalsCheck.rules(def, this.parsed));
    all(totalsCheck.sums(def, values));
    const archive = this.opts.previous?.archive;
    const unusual = findUnusual(
      def,
      values,
      archive && { earlier: (unit, ind) => archive.values.get(unit)?.get(ind)?.earlier, archivePeriod: archive.period },
    );
    all(unusual.warnings);

    const received = def.units.filter((u) => unitFiles.has(u.code)).map((u) => u.code);
    const missing = this.opts.onlyListed ? [] : def.units.filter((u) => !unitFiles.has(u.code));
    all(
      completenessCheck.units(def, received, missing, {
        allowMissing: this.opts.allowMissing,
        archive,
        unreadFiles: this.unreadFiles,
      }),
    );

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
