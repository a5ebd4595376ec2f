// The wording table of a review report (docs/wording.md) in code: every sentence the
// report, the template helpers and the terminal print about a figure is put together
// here, from the figures alone. A = the figure now, B = the same period before.
//   A > B > 0   "123 vụ, giảm 10,9% (15 vụ) so với cùng kỳ năm 2020"
//   A = B > 0   "…, bằng cùng kỳ năm 2020"             (never "bằng cùng kỳ so với cùng kỳ")
//   A = 0 < B   "0 vụ, giảm 1 vụ so với …"              (never "giảm 100%")
//   A > 0 = B   "3 vụ, tăng 3 vụ so với …"               (no percentage)
//   A = B = 0   "không phát sinh, bằng …"
//   a rate      "… là 24,5%, giảm 0,9 điểm phần trăm so với …" ("đạt" only with a floor target)
//   targets     floor: vượt / đạt / chưa đạt; a ceiling: đạt / chưa đạt, never "vượt"
// One pair of parentheses at most in a phrase, never one inside another.
import { printedRate, targetStatus, type Figure, type TargetStatus } from '../aggregate/aggregate.js';
import type { Indicator } from '../definition/parse.js';
import { targetBound, type TargetData } from '../definition/schema.js';
import { UI } from '../messages/ui.js';
import { formatDecimalVi, formatPercentVi } from '../numbers/format.js';
import { compare, fromDecimal, integer, type Rational } from '../numbers/rational.js';
import { PERCENT_DECIMALS } from '../numbers/format.js';

/** What the wording needs to know of an indicator. */
export interface Worded {
  label: string;
  unit: string;
  kind: Indicator['kind'];
  decimals: number;
}

const abs = (r: Rational): Rational => (r.n < 0n ? { n: -r.n, d: r.d } : r);
const isZero = (r: Rational | null | undefined) => r !== null && r !== undefined && r.n === 0n;
const ZERO = integer(0);

/** "15 vụ", "2,50 ha", "58,5%" (a unit "%" takes no space). */
export function amount(ind: Pick<Worded, 'unit' | 'decimals'>, value: Rational): string {
  const number = formatDecimalVi(value, { decimals: ind.decimals });
  return ind.unit === '%' ? `${number}%` : `${number} ${ind.unit}`;
}

/** The figure as the sentence states it: "123 vụ", "97,6%". */
export function valueText(ind: Worded, value: Rational): string {
  return ind.kind === 'ratio' ? formatPercentVi(value, PERCENT_DECIMALS) : amount(ind, value);
}

/** A percentage that prints as zero says nothing: "tăng 1 vụ", not "tăng 0,0% (1 vụ)". */
const printsAsZero = (pct: Rational) => !/[1-9]/.test(formatPercentVi(pct, PERCENT_DECIMALS));

/**
 * The change alone, as a table cell says it: "giảm 10,9% (15 vụ)", "tăng 3 vụ" (B = 0),
 * "giảm 1 vụ" (A = 0), "tăng 3,4 điểm phần trăm", "bằng cùng kỳ".
 */
export function changePhrase(ind: Worded, f: Pick<Figure, 'current' | 'previous' | 'change' | 'changePct'>): string {
  if (f.change === null) return 'không có số liệu để so sánh';
  if (f.change.n === 0n) return 'bằng cùng kỳ';
  const dir = f.change.n > 0n ? 'tăng' : 'giảm';
  if (ind.kind === 'ratio')
    return `${dir} ${formatDecimalVi(abs(f.change), { decimals: PERCENT_DECIMALS })} điểm phần trăm`;
  // A figure entered as a percentage (forest cover in %): its change is in points, never "tăng 1,2% (2,0%)".
  if (ind.unit === '%') return `${dir} ${formatDecimalVi(abs(f.change), { decimals: ind.decimals })} điểm phần trăm`;
  const by = amount(ind, abs(f.change));
  if (f.changePct === null || isZero(f.current) || printsAsZero(f.changePct)) return `${dir} ${by}`;
  const pct = formatPercentVi(abs(f.changePct), PERCENT_DECIMALS);
  // A fall of 99,95% prints as 100,0%, which reads as nothing left: say the amount alone.
  if (dir === 'giảm' && pct === formatPercentVi(integer(100), PERCENT_DECIMALS)) return `${dir} ${by}`;
  return `${dir} ${pct} (${by})`;
}

/**
 * The comparison with the period before, as a sentence goes on after the figure:
 * "giảm 10,9% (15 vụ) so với cùng kỳ năm 2020", "bằng cùng kỳ năm 2020".
 */
export function versusPhrase(
  ind: Worded,
  f: Pick<Figure, 'current' | 'previous' | 'change' | 'changePct'>,
  previousLabel: string,
): string {
  if (f.change === null) return `${previousLabel} không có số liệu để so sánh`;
  if (f.change.n === 0n) return `bằng ${previousLabel}`;
  return `${changePhrase(ind, f)} so với ${previousLabel}`;
}

/** Which way a target points: a floor is beaten by more, a ceiling only kept or broken. */
export function targetDirection(t: TargetData): 'floor' | 'ceiling' {
  const { bound, op } = targetBound(t);
  if (op === 'atLeast' || op === 'above') return 'floor';
  // "giảm ít nhất 5%" (at most -5 on the change) is a required fall: beaten by falling more.
  return t.measure !== 'current' && fromDecimal(bound).n < 0n ? 'floor' : 'ceiling';
}

/** The status as the report may say it: a ceiling kept with room to spare is "met", never "exceeded". */
export function saidStatus(status: TargetStatus, t: TargetData): TargetStatus {
  return status === 'exceeded' && targetDirection(t) === 'ceiling' ? 'met' : status;
}

/** The target's own words: "giảm ít nhất 5% so với cùng kỳ", "từ 75% trở lên", "không quá 25%", "không để phát sinh". */
export function targetPhrase(ind: Pick<Worded, 'kind' | 'unit'>, t: TargetData): string {
  const { bound: raw, op } = targetBound(t);
  const bound = fromDecimal(raw);
  const size = formatDecimalVi(abs(bound), { decimals: 6, trimZeros: true });
  if (t.measure !== 'current') {
    // By how much it changes: a percentage, or points of a rate, or the indicator's own unit.
    const by =
      t.measure === 'changePct'
        ? `${size}%`
        : ind.kind === 'ratio' || ind.unit === '%'
          ? `${size} điểm phần trăm`
          : `${size} ${ind.unit}`;
    const sign = bound.n === 0n ? 0 : bound.n < 0n ? -1 : 1;
    const words: Record<typeof op, [string, string, string]> = {
      // [bound below zero, zero, above zero]
      atMost: [`giảm ít nhất ${by}`, 'không tăng', `tăng không quá ${by}`],
      atLeast: [`giảm không quá ${by}`, 'không giảm', `tăng ít nhất ${by}`],
      below: [`giảm hơn ${by}`, 'giảm', `tăng dưới ${by}`],
      above: [`giảm dưới ${by}`, 'tăng', `tăng hơn ${by}`],
    };
    return `${words[op][sign + 1]} so với cùng kỳ`;
  }
  const value = ind.kind === 'ratio' || ind.unit === '%' ? `${size}%` : `${size} ${ind.unit}`;
  if (op === 'atMost') return bound.n === 0n && ind.kind !== 'ratio' ? 'không để phát sinh' : `không quá ${value}`;
  if (op === 'below') return `dưới ${value}`;
  if (op === 'above') return `trên ${value}`;
  return `từ ${value} trở lên`;
}

const JUDGEMENT: Record<TargetStatus, string> = {
  exceeded: 'vượt chỉ tiêu được giao',
  met: 'đạt chỉ tiêu được giao',
  missed: 'chưa đạt chỉ tiêu được giao',
  unknown: 'chưa đánh giá được chỉ tiêu được giao',
};

/** The one word a template prints for {{status}} (the report is Vietnamese whatever --lang says). */
export const STATUS_WORD: Record<TargetStatus, string> = UI.vi.status;

/** "vượt chỉ tiêu được giao (từ 75% trở lên)"; for a zero target kept, the sentence already said "không để phát sinh". */
export function judgementPhrase(ind: Pick<Worded, 'kind' | 'unit' | 'decimals'>, f: Figure, t: TargetData): string {
  const status = saidStatus(targetStatus(f, t, ind) ?? 'unknown', t);
  if (zeroTarget(ind, t) && status === 'met') return JUDGEMENT.met;
  return `${JUDGEMENT[status]} (${targetPhrase(ind, t)})`;
}

const zeroTarget = (ind: Pick<Worded, 'kind'>, t: TargetData) =>
  t.measure === 'current' && t.atMost !== undefined && ind.kind !== 'ratio' && fromDecimal(t.atMost).n === 0n;

/**
 * The share of the plan done, with the plan itself: "đạt 94,5% kế hoạch (1.340,00 ha)";
 * over 100% as printed, "vượt kế hoạch (1.000 tỷ đồng), bằng 105,2% kế hoạch".
 */
export function planPhrase(ind: Pick<Worded, 'unit' | 'decimals'>, plan: Rational, planPct: Rational | null): string {
  if (planPct === null) return 'kế hoạch bằng 0, không tính được tỷ lệ thực hiện';
  const printed = formatPercentVi(planPct, PERCENT_DECIMALS);
  // Judged on the share as printed: 100,04% prints as 100,0% and is "đạt", not "vượt".
  const over = compare(printedRate(planPct), integer(100)) > 0;
  return over
    ? `vượt kế hoạch (${amount(ind, plan)}), bằng ${printed} kế hoạch`
    : `đạt ${printed} kế hoạch (${amount(ind, plan)})`;
}

/**
 * One indicator in one sentence, from its figures only:
 * "Số vụ phạm tội: 123 vụ, giảm 10,9% (15 vụ) so với cùng kỳ năm 2020; vượt chỉ tiêu
 * được giao (giảm ít nhất 5% so với cùng kỳ)." / "Tỷ lệ hộ nghèo là 24,8%, giảm 0,9 điểm
 * phần trăm so với năm 2023; đạt chỉ tiêu được giao (không quá 25%)."
 */
export function sentencePhrase(ind: Worded, f: Figure, target: TargetData | undefined, previousLabel: string): string {
  if (f.current === null) return `${ind.label}: chưa tính được (mẫu số bằng 0).`;
  const goal = target ? `; ${judgementPhrase(ind, f, target)}` : '';
  if (ind.kind === 'ratio') {
    const verb = target && targetDirection(target) === 'floor' ? 'đạt' : 'là';
    return `${ind.label} ${verb} ${valueText(ind, f.current)}, ${versusPhrase(ind, f, previousLabel)}${goal}.`;
  }
  const plan = f.plan !== undefined && f.planPct !== undefined ? `, ${planPhrase(ind, f.plan, f.planPct)}` : '';
  const before = f.previous ?? ZERO;
  const keptAtZero = target !== undefined && zeroTarget(ind, target);
  if (isZero(f.current) && (keptAtZero || isZero(before))) {
    // Nothing happened: say so, with what happened before in the one parenthesis.
    const none = keptAtZero ? 'không để phát sinh' : 'không phát sinh';
    const then = isZero(before) ? `, bằng ${previousLabel}` : ` (${previousLabel}: ${amount(ind, before)})`;
    return `${ind.label}: ${none}${plan}${then}${goal}.`;
  }
  return `${ind.label}: ${valueText(ind, f.current)}${plan}, ${versusPhrase(ind, f, previousLabel)}${goal}.`;
}

/** "11/11 huyện, thành phố đã gửi báo cáo"; "10/11 huyện, thành phố đã gửi báo cáo, chưa có báo cáo của Bắc Mê". */
export function reportingPhrase(
  received: number,
  expected: number,
  unitNoun: string,
  missing: readonly string[],
): string {
  const head = `${received}/${expected} ${unitNoun} đã gửi báo cáo`;
  return missing.length === 0 ? head : `${head}, chưa có báo cáo của ${joinVi(missing)}`;
}

/** "98/98 xã đã gửi báo cáo, 90 xã gửi đúng hạn" (on time by the intake register; "không có xã nào" for none). */
export function timelinessPhrase(received: number, expected: number, unitNoun: string, onTime: number): string {
  return `${received}/${expected} ${unitNoun} đã gửi báo cáo, ${onTime === 0 ? `không có ${unitNoun} nào` : `${onTime} ${unitNoun}`} gửi đúng hạn`;
}

const RESULT = 'kết quả';

/** "kết quả công tác phòng, chống …" from the definition's title; "kết quả" alone without one, never "kết quả kết quả". */
export function reportSubject(title: string | undefined): string {
  if (!title) return RESULT;
  const text = lowerFirst(title.trim());
  const lower = text.normalize('NFC').toLocaleLowerCase('vi');
  const said = lower.startsWith(RESULT) && (lower.length === RESULT.length || /\s/.test(lower.charAt(RESULT.length)));
  return said ? text.charAt(0).toLocaleLowerCase('vi') + text.slice(1) : `${RESULT} ${text}`;
}

/** "A", "A và B", "A, B và C". */
export const joinVi = (items: readonly string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} và ${items.at(-1)}`;

/** The decree's form: days below 10 and months 1–2 padded ("ngày 05 tháng 02 năm 2021"). */
export function formatDateVi(year: number, month: number, day: number): string {
  return `ngày ${pad(day)} tháng ${padMonth(month)} năm ${year}`;
}

const pad = (n: number) => String(n).padStart(2, '0');
const padMonth = (m: number) => (m <= 2 ? pad(m) : String(m));

/** "2021-08-13" (already checked as a date) → [2021, 8, 13]. */
export const isoDateParts = (iso: string) => iso.split('-').map(Number) as [number, number, number];

/** The short form in running text and references, padded as the header is: "05/01/2025", "13/8/2021". */
export const formatShortDateVi = (year: number, month: number, day: number): string =>
  `${pad(day)}/${padMonth(month)}/${year}`;

/** "Số: 07/BC-UBND": a number below 10 at the head of the number and symbol is padded. */
export const paddedNumber = (soKyHieu: string): string => soKyHieu.replace(/^\s*(\d)(?=\/)/, '0$1');

/**
 * A subject line as it reads after "Trên đây là báo cáo …": its first letter lower-cased,
 * unless it opens with a name ("Hà Giang …", "UBND tỉnh …", "CTMTQG …"), which keeps its capitals.
 */
export function lowerFirst(text: string): string {
  const [first = '', second = ''] = text.split(/\s+/);
  const capital = (w: string) => w !== '' && w.charAt(0) !== w.charAt(0).toLocaleLowerCase('vi');
  const name = first.slice(1) !== first.slice(1).toLocaleLowerCase('vi') || capital(second);
  return name ? text : text.charAt(0).toLocaleLowerCase('vi') + text.slice(1);
}

/** Column heads a table fits: the period's own labels ("Năm 2025", "Năm 2024") when both are short. */
export const COLUMN_LABEL_MAX = 16;

/** The two figure columns' heads: "Năm 2025" / "Năm 2024"; "Kỳ này" / "Cùng kỳ" when a label is too long for a column. */
export function periodHeads(period: { label: string; previousLabel: string }): [string, string] {
  const fits = [...period.label].length <= COLUMN_LABEL_MAX && [...period.previousLabel].length <= COLUMN_LABEL_MAX;
  return fits ? [upperFirst(period.label), upperFirst(period.previousLabel)] : ['Kỳ này', 'Cùng kỳ'];
}

/** "cùng kỳ năm 2020" → "Cùng kỳ năm 2020": a heading's first letter a capital. */
export const upperFirst = (text: string): string => text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
