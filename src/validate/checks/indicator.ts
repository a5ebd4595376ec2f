// The indicator a row names: one the definition has, and one the units fill in.
import type { Definition, Indicator, Unit } from '../../definition/parse.js';
import type { ReturnRow } from '../../ingest/returns.js';
import type { Check, Report } from './check.js';

type Code = 'UNKNOWN_INDICATOR' | 'DERIVED_INDICATOR';

export class IndicatorCheck implements Check<Code> {
  readonly codes = ['UNKNOWN_INDICATOR', 'DERIVED_INDICATOR'] as const;
  private readonly byUpper: Map<string, Indicator>;
  // A few spellings repeat: up to 1,000 are kept (a hostile file may have a million different ones).
  private readonly lookups = new Map<string, Indicator | undefined>();

  constructor(def: Definition) {
    this.byUpper = new Map(def.indicators.map((i) => [i.code.toUpperCase(), i]));
  }

  /** The input indicator of a row, or undefined with the row's problem said. */
  of(row: ReturnRow, unit: Unit, report: Report<Code>): Indicator | undefined {
    let indicator = this.lookups.get(row.indicator);
    if (indicator === undefined && !this.lookups.has(row.indicator)) {
      indicator = this.byUpper.get(row.indicator.toUpperCase());
      if (this.lookups.size < 1000) this.lookups.set(row.indicator, indicator);
    }
    if (!indicator) {
      report.at(row, {
        code: 'UNKNOWN_INDICATOR',
        column: 'ma_chi_tieu',
        unit: unit.code,
        params: { value: row.indicator },
      });
      return undefined;
    }
    if (indicator.kind === 'ratio') {
      report.at(
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
      return undefined;
    }
    return indicator;
  }
}
