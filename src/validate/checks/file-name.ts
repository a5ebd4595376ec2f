// The unit a file is named for ("02 - Xã Hai.xlsx", as forms are named) against the units its
// rows name: a unit that filled in another's form, whose code is locked in it, sends the other's code.
import type { Definition, Unit } from '../../definition/parse.js';
import type { ReturnFile } from '../../ingest/returns.js';
import { unitNamedByFile } from '../../layout/files.js';
import { listed } from '../../text/listed.js';
import type { ProblemOf } from '../../messages/problem.js';
import type { Check, Report } from './check.js';

type Code = 'FILE_NAMES_OTHER_UNIT';

export class FileNameCheck implements Check<Code> {
  readonly codes = ['FILE_NAMES_OTHER_UNIT'] as const;
  /** The problems raised, told in `finish` whether the unit named has a return of its own. */
  private readonly misnamed: ProblemOf<Code>[] = [];

  constructor(private readonly def: Definition) {}

  /** The roster unit a file's name starts with, for a file with rows of some unit. */
  named(file: ReturnFile, fileUnits: ReadonlySet<string>): Unit | undefined {
    return fileUnits.size > 0 ? unitNamedByFile(this.def, file.file) : undefined;
  }

  /**
   * Named for one unit, its rows all another's: their figures would be counted and shown as the
   * other unit's. (A return sent again says so itself: `resent`.)
   */
  check(
    file: ReturnFile,
    fileUnits: ReadonlySet<string>,
    named: Unit | undefined,
    resent: number,
    report: Report<Code>,
  ) {
    if (!named || fileUnits.has(named.code) || resent > 0) return;
    const codes = [...fileUnits];
    const problem: ProblemOf<Code> = {
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
        unitName: codes.length === 1 ? this.def.unitByCode.get(codes[0]!)!.name : '',
      },
    };
    report.add(problem);
    this.misnamed.push(problem);
  }

  /**
   * A file named for one unit holding another's rows credits the figures to the other: an error,
   * so that no report is built on them until the office settles which unit they are (the unit
   * corrects its code, or the office renames the file). A file named for a unit that has its own
   * return elsewhere is only misnamed: a warning saying where that return is, the office's to rename.
   */
  finish(fileOf: (unit: string) => string | undefined): void {
    for (const problem of this.misnamed) {
      const own = fileOf(String(problem.params!.namedCode));
      if (own) {
        problem.params!.elsewhere = own;
        problem.severity = 'warning';
      }
    }
  }
}
