// How figures read in a Vietnamese report: the change, the target, a whole indicator in
// one sentence, dates as the decree writes them. The template's helpers and any other
// writer take their wording from here (the rounded numbers from figures.ts).
import { targetStatus, type Figure } from '../aggregate/aggregate.js';
import type { Indicator } from '../definition/parse.js';
import type { TargetData } from '../definition/schema.js';
import { formatDecimalVi, formatPercentVi } from '../numbers/format.js';
import { fromDecimal, type Rational } from '../numbers/rational.js';

const abs = (r: Rational): Rational => (r.n < 0n ? { n: -r.n, d: r.d } : r);

/** "giảm 10,9% (15 vụ)", "tăng 3 vụ" when the earlier figure is 0, "bằng cùng kỳ". */
export function changePhrase(indicator: { kind: string; unit: string; decimals: number }, f: { change: Rational | null; changePct: Rational | null }): string {
  if (f.change === null) return 'không có số liệu để so sánh';
  if (f.change.n === 0n) return 'bằng cùng kỳ';
  const dir = f.change.n > 0n ? 'tăng' : 'giảm';
  if (indicator.kind === 'ratio') return `${dir} ${formatDecimalVi(abs(f.change), { decimals: 1, trimZeros: true })} điểm phần trăm`;
  const amount = `${formatDecimalVi(abs(f.change), { decimals: indicator.decimals })} ${indicator.unit}`;
  if (f.changePct === null) return `${dir} ${amount}`;
  return `${dir} ${formatPercentVi(abs(f.changePct))} (${amount})`;
}

export function targetPhrase(indicator: { kind: string; unit: string }, t: { measure: string; atLeast?: number; atMost?: number }): string {
  const bound = fromDecimal((t.atMost ?? t.atLeast)!);
  const atMost = t.atMost !== undefined;
  const size = formatDecimalVi(abs(bound), { decimals: 6, trimZeros: true });
  if (t.measure === 'changePct') {
    if (bound.n === 0n) return atMost ? 'không tăng so với cùng kỳ' : 'không giảm so với cùng kỳ';
    if (atMost) return bound.n < 0n ? `giảm ít nhất ${size}% so với cùng kỳ` : `tăng không quá ${size}% so với cùng kỳ`;
    return bound.n > 0n ? `tăng ít nhất ${size}% so với cùng kỳ` : `giảm không quá ${size}% so với cùng kỳ`;
  }
  const unit = indicator.kind === 'ratio' ? '%' : ` ${indicator.unit}`;
  if (atMost) return bound.n === 0n && indicator.kind !== 'ratio' ? `không để phát sinh ${indicator.unit} nào` : `không quá ${size}${unit}`;
  return `đạt từ ${size}${unit} trở lên`;
}

const JUDGEMENT = { met: 'đạt chỉ tiêu được giao', exceeded: 'vượt chỉ tiêu được giao', missed: 'không đạt chỉ tiêu được giao', unknown: 'chưa đánh giá được chỉ tiêu được giao' };

/**
 * One indicator in a sentence, driven by its figures only (no judgement the figures do
 * not support): "Số vụ phạm tội: 123 vụ, giảm 10,9% (15 vụ) so với cùng kỳ năm 2020;
 * vượt chỉ tiêu được giao (giảm ít nhất 5% so với cùng kỳ)." / "Tỷ lệ điều tra, khám phá
 * đạt 97,6%, tăng 3,4 điểm phần trăm so với cùng kỳ năm 2020, vượt chỉ tiêu được giao
 * (từ 75% trở lên)." Never a parenthesis inside a parenthesis.
 */
export function sentencePhrase(
  indicator: Parameters<typeof changePhrase>[0] & { label: string; kind: string },
  figure: Figure,
  target: TargetData | undefined,
  previousLabel: string,
  current: string,
): string {
  if (figure.current === null) return `${indicator.label}: chưa tính được (mẫu số bằng 0).`;
  const vs = figure.change === null ? '' : figure.change.n === 0n ? `, bằng ${previousLabel}` : `, ${changePhrase(indicator, figure)} so với ${previousLabel}`;
  const plan = figure.plan !== undefined && figure.planPct ? `, đạt ${formatPercentVi(figure.planPct)} kế hoạch` : '';
  const goal = target ? `${JUDGEMENT[targetStatus(figure, target, indicator as Indicator) ?? 'unknown']} (${targetPhrase(indicator, target).replace(/^\u0111\u1ea1t /, '')})` : '';
  if (indicator.kind === 'ratio') return `${indicator.label} đạt ${current}${vs}${goal ? `, ${goal}` : ''}.`;
  return `${indicator.label}: ${current} ${indicator.unit}${plan}${vs}${goal ? `; ${goal}` : ''}.`;
}

/** The decree's form: days below 10 and months 1–2 padded ("ngày 05 tháng 02 năm 2021"). */
export function formatDateVi(year: number, month: number, day: number): string {
  const dd = String(day).padStart(2, '0');
  const mm = month <= 2 ? String(month).padStart(2, '0') : String(month);
  return `ngày ${dd} tháng ${mm} năm ${year}`;
}

/** "2021-08-13" (already checked as a date) → [2021, 8, 13]. */
export const isoDateParts = (iso: string) => iso.split('-').map(Number) as [number, number, number];

/** The short form used in references: "13/8/2021" (no padding). */
export const formatShortDateVi = (year: number, month: number, day: number): string => `${day}/${month}/${year}`;

