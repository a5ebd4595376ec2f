// Reporting periods as the reporting regime fixes them (Decree 09/2019/NĐ-CP, Article 12):
// figures close on the 14th, so a period runs from the 15th of the month before its first
// month to the 14th of its last — a year from 15 December of the year before to 14 December,
// the first six months to 14 June. `period: { year: 2025, kind: 6T }` gives its code, label,
// dates and the label of the period it is compared with.
import { addDays, format, subMonths } from 'date-fns';

export const PERIOD_KINDS = ['month', 'quarter', '6T', '9T', 'year'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export interface PeriodPreset {
  year: number;
  kind: PeriodKind;
  /** 1–12, for kind month. */
  month?: number;
  /** 1–4, for kind quarter. */
  quarter?: number;
}

export interface PeriodFields {
  code: string;
  label: string;
  previousLabel: string;
  start: string;
  end: string;
}

const ROMAN = ['I', 'II', 'III', 'IV'];

/** The last month of the period and how many months it spans, with its code and label. */
function shape(p: PeriodPreset): { last: number; months: number; code: string; label: string } {
  const y = p.year;
  switch (p.kind) {
    case 'month':
      return {
        last: p.month!,
        months: 1,
        code: `${y}-${String(p.month).padStart(2, '0')}`,
        label: `tháng ${p.month} năm ${y}`,
      };
    case 'quarter':
      return {
        last: 3 * p.quarter!,
        months: 3,
        code: `${y}-Q${p.quarter}`,
        label: `quý ${ROMAN[p.quarter! - 1]} năm ${y}`,
      };
    case '6T':
      return { last: 6, months: 6, code: `${y}-6T`, label: `6 tháng đầu năm ${y}` };
    case '9T':
      return { last: 9, months: 9, code: `${y}-9T`, label: `9 tháng đầu năm ${y}` };
    case 'year':
      return { last: 12, months: 12, code: `${y}`, label: `năm ${y}` };
  }
}

/** The period a preset names: 6T 2025 is 2024-12-15..2025-06-14, "2025-6T", "6 tháng đầu năm 2025", "cùng kỳ năm 2024". */
export function presetPeriod(p: PeriodPreset): PeriodFields {
  const { last, months, code, label } = shape(p);
  // Local noon: a calendar day in every time zone (midnight is skipped where summer time starts at 00:00).
  const end = new Date(p.year, last - 1, 14, 12);
  const start = addDays(subMonths(end, months), 1);
  return {
    code,
    label,
    previousLabel: p.kind === 'year' ? `năm ${p.year - 1}` : `cùng kỳ năm ${p.year - 1}`,
    start: format(start, 'yyyy-MM-dd'),
    end: format(end, 'yyyy-MM-dd'),
  };
}

/** The same period a year before (its returns are last period's archive): its code. */
export const previousPresetCode = (p: PeriodPreset): string => presetPeriod({ ...p, year: p.year - 1 }).code;
