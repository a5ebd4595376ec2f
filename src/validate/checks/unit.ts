// The unit a row names: a roster code, forgiving the leading zeros Excel drops.
import type { Definition, Unit } from '../../definition/parse.js';
import type { ReturnRow } from '../../ingest/returns.js';
import type { ProblemOf } from '../../messages/problem.js';
import type { Check, Report } from './check.js';

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

type Code = 'UNKNOWN_UNIT' | 'UNIT_CODE_PADDED';

export class UnitCheck implements Check<Code> {
  readonly codes = ['UNKNOWN_UNIT', 'UNIT_CODE_PADDED'] as const;
  private readonly numeric: Map<string, Unit[]>;
  // A unit's rows come together: the last unit looked up is kept.
  private last = { raw: undefined as string | undefined, lookup: { padded: false } as ReturnType<typeof lookupUnit> };

  constructor(private readonly def: Definition) {
    this.numeric = numericCodes(def);
  }

  /** The unit of each row of one file: UNKNOWN_UNIT when none; one UNIT_CODE_PADDED for the file, counting its rows. */
  forFile(report: Report<Code>): (row: ReturnRow) => Unit | undefined {
    let padded: ProblemOf<'UNIT_CODE_PADDED'> | undefined;
    return (row) => {
      if (row.unit !== this.last.raw)
        this.last = { raw: row.unit, lookup: lookupUnit(this.def, row.unit, this.numeric) };
      const { unit, padded: wasPadded } = this.last.lookup;
      if (!unit) {
        report.alike(row, { code: 'UNKNOWN_UNIT', column: 'ma_don_vi', params: { value: row.unit } });
        return undefined;
      }
      if (wasPadded) {
        // Excel drops the zeros of a whole column at once: one warning per file, at its
        // first such row, counting the rows.
        if (padded) (padded.params as { rows: number }).rows++;
        else {
          padded = {
            severity: 'warning',
            file: row.file,
            line: row.line,
            code: 'UNIT_CODE_PADDED',
            column: 'ma_don_vi',
            unit: unit.code,
            params: { value: row.unit, unit: unit.code, rows: 1 },
          };
          report.add(padded);
        }
      }
      return unit;
    };
  }
}
