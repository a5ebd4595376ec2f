// What is missing once every file is read: an indicator of a unit that sent its return, a unit's
// return, last period's figures of a unit, any return at all.
import type { Definition, Unit } from '../../definition/parse.js';
import type { PreviousArchive } from '../previous.js';
import type { ProblemOf } from '../../messages/problem.js';
import type { Check } from './check.js';

type Code = 'MISSING_INDICATOR' | 'MISSING_UNIT' | 'NO_RETURNS' | 'PREVIOUS_MISSING';

export const completenessCheck = {
  codes: ['MISSING_INDICATOR', 'MISSING_UNIT', 'NO_RETURNS', 'PREVIOUS_MISSING'] as const,

  /** Each input indicator of each unit whose first file was read whole, and had no row for it. */
  indicators(
    def: Definition,
    unitFiles: ReadonlyMap<string, { file: string; complete: boolean }>,
    has: (unit: string, indicator: string) => boolean,
  ): ProblemOf<'MISSING_INDICATOR'>[] {
    const problems: ProblemOf<'MISSING_INDICATOR'>[] = [];
    for (const [unitCode, { file, complete }] of unitFiles) {
      if (!complete) continue;
      const unit = def.unitByCode.get(unitCode)!;
      for (const ind of def.inputIndicators)
        if (!has(unitCode, ind.code))
          problems.push({
            code: 'MISSING_INDICATOR',
            severity: 'error',
            file,
            unit: unitCode,
            indicator: ind.code,
            params: { unitName: unit.name, label: ind.label },
          });
    }
    return problems;
  },

  /** The units that sent nothing (with how many files could not be read whole), and those last period's returns lack. */
  units(
    def: Definition,
    received: readonly string[],
    missing: readonly Unit[],
    opts: { allowMissing?: boolean; archive?: PreviousArchive; unreadFiles: number },
  ): ProblemOf<Exclude<Code, 'MISSING_INDICATOR'>>[] {
    const problems: ProblemOf<Exclude<Code, 'MISSING_INDICATOR'>>[] = [];
    const { archive } = opts;
    if (archive)
      for (const code of received)
        if (!archive.values.has(code))
          problems.push({
            code: 'PREVIOUS_MISSING',
            severity: 'warning',
            unit: code,
            params: { unitName: def.unitByCode.get(code)!.name, period: archive.period },
          });
    // No figures at all (a wrong folder) is never a report, whatever --allow-missing says.
    if (received.length === 0) problems.push({ code: 'NO_RETURNS', severity: 'error' });
    // A file that could not be read whole may hold these units' rows; the message says so.
    for (const u of missing)
      problems.push({
        code: 'MISSING_UNIT',
        severity: opts.allowMissing ? 'warning' : 'error',
        unit: u.code,
        params: { unitName: u.name, unread: opts.unreadFiles },
      });
    return problems;
  },
};
completenessCheck satisfies Check<Code>;
