// The row's own fields beside its figures: the period it is for, the unit of measure.
import type { Definition, Indicator, Unit } from '../../definition/parse.js';
import type { ReturnRow } from '../../ingest/returns.js';
import { stripMarks } from '../../text/marks.js';
import type { Check, Report } from './check.js';

type Code = 'PERIOD_MISMATCH' | 'UNIT_OF_MEASURE_DIFFERS';

export class FieldsCheck implements Check<Code> {
  readonly codes = ['PERIOD_MISMATCH', 'UNIT_OF_MEASURE_DIFFERS'] as const;
  private readonly periodCode: string;

  constructor(private readonly def: Definition) {
    this.periodCode = def.period.code.toUpperCase();
  }

  check(row: ReturnRow, unit: Unit, indicator: Indicator, report: Report<Code>): void {
    const { def } = this;
    if (row.period !== def.period.code && row.period.toUpperCase() !== this.periodCode)
      report.alike(row, {
        code: 'PERIOD_MISMATCH',
        column: 'ky_bao_cao',
        unit: unit.code,
        indicator: indicator.code,
        params: { value: row.period, expected: def.period.code },
      });
    // A figure in another unit (triệu where the indicator counts tỷ đồng) is off by a factor: never summed.
    if (row.dvt !== '' && row.dvt !== indicator.unit && !sameMeasure(row.dvt, indicator.unit))
      report.at(row, {
        code: 'UNIT_OF_MEASURE_DIFFERS',
        column: 'don_vi_tinh',
        unit: unit.code,
        indicator: indicator.code,
        params: { value: row.dvt, expected: indicator.unit, label: indicator.label },
      });
  }
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
