// Last period's returns as the check on "Cùng kỳ": what each unit reported as "Kỳ này"
// then is what its "Cùng kỳ" must say now. The archive's rows are read like any
// return (files handed over one at a time); only their unit, indicator and value are kept.
import type { Definition, Unit } from '../definition/parse.js';
import type { ReturnFile } from '../ingest/returns.js';
import type { Problem } from '../messages/problem.js';
import { formatScaledVi } from '../numbers/format.js';
import { parseValue, valueFormat, type NumberFormat } from '../numbers/parse.js';

export interface ArchivedValue {
  /** ky_nay then, as a count of 10^-decimals. */
  value: bigint;
  /** The raw text, as the archived return wrote it. */
  raw: string;
  place: string;
  /** cung_ky then: the figure of the period before it, when it parsed (for every unit merged into this one). */
  earlier?: bigint;
}

/** A unit's rows of last period read again from another file of the archive. */
interface Resent {
  unit: string;
  first: ReturnFile;
  file: ReturnFile;
  line: number;
  rows: number;
  differ: number;
  example?: { indicator: string; there: string; here: string };
}

export class PreviousArchive {
  /** unit code → indicator code → last period's value (for a unit that communes were merged into, the sum of theirs). */
  readonly values = new Map<string, Map<string, ArchivedValue>>();
  /** Where each last-period unit's value of an indicator was first read, by unit, indicator and last period's code. */
  private readonly firstRead = new Map<string, { file: ReturnFile; line: number; value: bigint; raw: string }>();
  /**
   * Figures the archive gives two ways (two rows or two files of one unit that differ): which is
   * right cannot be known, so none is kept: "Cùng kỳ" is neither checked against it nor pre-filled.
   */
  private readonly contested = new Set<string>();
  private readonly resent = new Map<string, Resent>();
  private readonly rowProblems: Problem[] = [];
  /** Last period's codes, as written or without their leading zeros: the unit each is now. */
  private readonly codes = new Map<string, Unit>();

  constructor(
    private readonly def: Definition,
    readonly period: string,
    private readonly numberFormat?: NumberFormat,
  ) {
    const add = (code: string, unit: Unit) => {
      this.codes.set(code, unit);
      this.codes.set(canonical(code), unit);
    };
    for (const u of def.units) add(u.code, u);
    // Communes merged into a unit (2025): their returns of last period are the unit's, summed.
    for (const u of def.units) for (const f of u.formerCodes ?? []) add(f, u);
  }

  add(file: ReturnFile): void {
    for (const row of file.rows) {
      if (row.period.toUpperCase() !== this.period.toUpperCase()) continue;
      const source = canonical(row.unit);
      const unit = this.codes.get(row.unit) ?? this.codes.get(source);
      const indicator = this.def.indicators.find((i) => i.code.toUpperCase() === row.indicator.toUpperCase());
      if (!unit || !indicator || indicator.kind === 'ratio') continue;
      const parsed = parseValue(
        row.current,
        indicator.decimals,
        valueFormat(row.notes?.current?.kind === 'NUMBER', this.numberFormat),
      );
      if (!parsed.ok) continue;
      const before = parseValue(
        row.previous,
        indicator.decimals,
        valueFormat(row.notes?.previous?.kind === 'NUMBER', this.numberFormat),
      );
      const earlierHere = before.ok ? before.value : undefined;
      const key = `${unit.code}\u0000${indicator.code}`;
      const there = this.firstRead.get(`${key}\u0000${source}`);
      if (there) {
        this.again(key, unit, indicator.code, indicator.decimals, there, file, row.line, parsed.value, row.current);
        continue;
      }
      this.firstRead.set(`${key}\u0000${source}`, { file, line: row.line, value: parsed.value, raw: row.current });
      if (this.contested.has(key)) continue;
      let byIndicator = this.values.get(unit.code);
      if (!byIndicator) this.values.set(unit.code, (byIndicator = new Map()));
      const sofar = byIndicator.get(indicator.code);
      const place = `${file.file}:${row.line}`;
      const merged = (unit.formerCodes?.length ?? 0) > 0;
      const raw = merged ? `${row.unit}: ${row.current}` : row.current;
      byIndicator.set(
        indicator.code,
        sofar
          ? {
              value: sofar.value + parsed.value,
              raw: `${sofar.raw} + ${raw}`,
              place: `${sofar.place}, ${place}`,
              ...(sofar.earlier !== undefined && earlierHere !== undefined && { earlier: sofar.earlier + earlierHere }),
            }
          : { value: parsed.value, raw, place, ...(earlierHere !== undefined && { earlier: earlierHere }) },
      );
    }
  }

  /** A last-period unit's figure read a second time: said, and, if it differs, kept by neither. */
  private again(
    key: string,
    unit: Unit,
    indicator: string,
    decimals: number,
    there: { file: ReturnFile; line: number; value: bigint; raw: string },
    file: ReturnFile,
    line: number,
    value: bigint,
    raw: string,
  ) {
    const differs = value !== there.value;
    if (differs) {
      this.contested.add(key);
      this.values.get(unit.code)?.delete(indicator);
    }
    if (there.file === file) {
      this.rowProblems.push({
        code: 'DUPLICATE_ROW',
        severity: 'warning',
        file: file.file,
        line,
        unit: unit.code,
        indicator,
        params: { first: `${there.file.file}:${there.line}`, value: raw },
      });
      return;
    }
    const id = `${unit.code}\u0000${there.file.file}\u0000${file.file}`;
    let r = this.resent.get(id);
    if (!r) this.resent.set(id, (r = { unit: unit.code, first: there.file, file, line, rows: 0, differ: 0 }));
    r.rows++;
    if (differs) {
      r.differ++;
      r.example ??= { indicator, there: formatScaledVi(there.value, decimals), here: formatScaledVi(value, decimals) };
    }
  }

  /**
   * What the archive holds twice: DUPLICATE_ROW for a row repeated in one file, DUPLICATE_RETURN
   * for a unit's return in two files (with both files' times, as this period's are said).
   */
  problems(): Problem[] {
    const resent = [...this.resent.values()].map((r): Problem => {
      const [firstAt, hereAt] = [r.first.receivedAt, r.file.receivedAt];
      return {
        code: 'DUPLICATE_RETURN',
        severity: 'warning',
        file: r.file.file,
        line: r.line,
        unit: r.unit,
        params: {
          unitName: this.def.unitByCode.get(r.unit)!.name,
          first: r.first.file,
          rows: r.rows,
          differ: r.differ,
          ...(r.example && { ...r.example, side: 'current' }),
          ...(firstAt !== undefined &&
            hereAt !== undefined && {
              firstAt,
              hereAt,
              ...(firstAt !== hereAt && { later: hereAt > firstAt ? r.file.file : r.first.file }),
            }),
          archive: this.period,
        },
      };
    });
    return [...this.rowProblems, ...resent];
  }
}

/** One name for a last-period code however its leading zeros were written ("024", "24": "#24"). */
const canonical = (code: string): string => (/^\d+$/.test(code) ? `#${BigInt(code).toString()}` : code);
