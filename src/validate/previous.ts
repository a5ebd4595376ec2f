// Last period's returns as the check on "Cùng kỳ": what each unit reported as "Kỳ này"
// then is what its "Cùng kỳ" must say now. The archive's rows are read like any
// return (files handed over one at a time); only their unit, indicator and value are kept.
import type { Definition } from '../definition/parse.js';
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
  /** unit code → indicator code → last period's value. */
  readonly values = new Map<string, Map<string, ArchivedValue>>();

  constructor(
    private readonly def: Definition,
    readonly period: string,
    private readonly numberFormat?: NumberFormat,
  ) {}

  add(file: ReturnFile): void {
    const byNumber = new Map(this.def.units.filter((u) => /^\d+$/.test(u.code)).map((u) => [BigInt(u.code).toString(), u]));
    for (const row of file.rows) {
      if (row.period.toUpperCase() !== this.period.toUpperCase()) continue;
      const unit = this.def.unitByCode.get(row.unit) ?? (/^\d+$/.test(row.unit) ? byNumber.get(BigInt(row.unit).toString()) : undefined);
      const indicator = this.def.indicators.find((i) => i.code.toUpperCase() === row.indicator.toUpperCase());
      if (!unit || !indicator || indicator.kind === 'ratio') continue;
      const parsed = parseValue(row.current, indicator.decimals, valueFormat(row.notes?.current?.kind === 'NUMBER', this.numberFormat));
      if (!parsed.ok) continue;
      let byIndicator = this.values.get(unit.code);
      if (!byIndicator) this.values.set(unit.code, (byIndicator = new Map()));
      if (!byIndicator.has(indicator.code)) byIndicator.set(indicator.code, { value: parsed.value, raw: row.current, place: `${file.file}:${row.line}` });
    }
  }
}
