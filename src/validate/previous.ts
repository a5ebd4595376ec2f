// Last period's returns as the check on "Cùng kỳ": what each unit reported as "Kỳ này"
// then is what its "Cùng kỳ" must say now. The archive's rows are read like any
// return (files handed over one at a time); only their unit, indicator and value are kept.
import type { Definition, Unit } from '../definition/parse.js';
import type { ReturnFile } from '../ingest/returns.js';
import { parseValue, valueFormat, type NumberFormat } from './number.js';

export interface ArchivedValue {
  /** ky_nay then, as a count of 10^-decimals. */
  value: bigint;
  /** The raw text, as the archived return wrote it. */
  raw: string;
  place: string;
}

export class PreviousArchive {
  /** unit code → indicator code → last period's value (for a unit that communes were merged into, the sum of theirs). */
  readonly values = new Map<string, Map<string, ArchivedValue>>();
  /** The last period's code each value came from, by unit and indicator: one row each, the first read. */
  private readonly sources = new Map<string, Set<string>>();
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
      const parsed = parseValue(row.current, indicator.decimals, valueFormat(row.notes?.current?.kind === 'NUMBER', this.numberFormat));
      if (!parsed.ok) continue;
      const key = `${unit.code}\u0000${indicator.code}`;
      let seen = this.sources.get(key);
      if (!seen) this.sources.set(key, (seen = new Set()));
      if (seen.has(source)) continue; // the first row of each last-period unit counts
      seen.add(source);
      let byIndicator = this.values.get(unit.code);
      if (!byIndicator) this.values.set(unit.code, (byIndicator = new Map()));
      const earlier = byIndicator.get(indicator.code);
      const place = `${file.file}:${row.line}`;
      const merged = (unit.formerCodes?.length ?? 0) > 0;
      const raw = merged ? `${row.unit}: ${row.current}` : row.current;
      byIndicator.set(
        indicator.code,
        earlier ? { value: earlier.value + parsed.value, raw: `${earlier.raw} + ${raw}`, place: `${earlier.place}, ${place}` } : { value: parsed.value, raw, place },
      );
    }
  }
}

/** One name for a last-period code however its leading zeros were written ("024", "24": "#24"). */
const canonical = (code: string): string => (/^\d+$/.test(code) ? `#${BigInt(code).toString()}` : code);
