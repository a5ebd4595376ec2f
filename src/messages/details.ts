// The details inside a problem message, keyed, in Vietnamese and English: how a
// helper or a template construct is misused, what is wrong at a place in the
// definition. A problem carries `detailKey` and its facts; the message is rendered
// in the language of the run (catalog.ts). Part of the message catalog.
import type { Lang } from './lang.js';

type Params = Record<string, string | number | undefined>;
type Render = (p: Params) => string;

const details = {
  // ── Template helpers, at render time and in the static check ───────────
  NEED_INDICATOR: {
    vi: () => 'cần một chỉ tiêu, ví dụ indicators.TTXH_VU',
    en: () => 'needs an indicator, e.g. indicators.TTXH_VU',
  },
  NEED_FIGURE: {
    vi: () => 'cần một số liệu, ví dụ indicators.TTXH_VU.current',
    en: () => 'needs a figure, e.g. indicators.TTXH_VU.current',
  },
  NOT_A_DATE: {
    vi: (p) => `"${p.value}" không phải ngày dạng YYYY-MM-DD`,
    en: (p) => `"${p.value}" is not a date written YYYY-MM-DD`,
  },
  NEED_TWO: { vi: () => 'cần đúng hai giá trị để so sánh', en: () => 'needs exactly two values to compare' },
  NUMBER_VS_TEXT: { vi: () => 'không so sánh được số với chữ', en: () => 'cannot compare a number with text' },
  DECIMALS_RANGE: { vi: () => 'decimals phải từ 0 đến 6', en: () => 'decimals must be from 0 to 6' },
  COUNT_NOT_RATE: {
    vi: () => 'số liệu này là số đếm, không phải tỷ lệ',
    en: () => 'this figure is a count, not a rate',
  },
  NO_TARGET: {
    vi: (p) => `chỉ tiêu ${p.indicator} không có mục tiêu (target) trong định nghĩa`,
    en: (p) => `the indicator ${p.indicator} has no target in the definition`,
  },
  NO_PLAN: {
    vi: (p) => `chỉ tiêu ${p.indicator} không có kế hoạch (plan) trong định nghĩa`,
    en: (p) => `the indicator ${p.indicator} has no plan in the definition`,
  },
  NEED_LIST: { vi: () => 'cần một danh sách, ví dụ unitsMissing', en: () => 'needs a list, e.g. unitsMissing' },
  ITEM_LACKS_KEY: {
    vi: (p) => `mỗi mục của danh sách không có "${p.key}"${p.keys ? ` (có: ${p.keys})` : ''}`,
    en: (p) => `the items of the list have no "${p.key}"${p.keys ? ` (they have: ${p.keys})` : ''}`,
  },
  ARITY: {
    vi: (p) =>
      p.min === p.max
        ? `cần đúng ${p.min} giá trị, ở đây có ${p.count}`
        : `cần ít nhất ${p.min} giá trị, ở đây có ${p.count}`,
    en: (p) =>
      p.min === p.max
        ? `needs exactly ${p.min} value(s), given ${p.count}`
        : `needs at least ${p.min} value(s), given ${p.count}`,
  },
  UNKNOWN_HASH: {
    vi: (p) => `không có tham số "${p.key}" (chỉ có: ${p.allowed})`,
    en: (p) => `has no parameter "${p.key}" (only: ${p.allowed})`,
  },
  HASH_NOT_TAKEN: { vi: (p) => `không nhận tham số "${p.key}"`, en: (p) => `takes no parameter "${p.key}"` },
  KEY_NOT_QUOTED: {
    vi: () => 'key phải là tên trong dấu nháy, ví dụ key="code"',
    en: () => 'key must be a quoted name, e.g. key="code"',
  },
  EACH_NEEDS_LIST: {
    vi: () => 'cần một danh sách, ví dụ {{#each indicatorList}}',
    en: () => 'needs a list, e.g. {{#each indicatorList}}',
  },
  WITH_NEEDS_DATA: {
    vi: () => 'cần một nhóm dữ liệu, ví dụ {{#with period}}',
    en: () => 'needs data, e.g. {{#with period}}',
  },
  // ── Template constructs refused by the static check ────────────────────
  QUOTED_NAME: {
    vi: () => 'tên dữ liệu hay tên hàm không đặt trong dấu nháy: viết {{label}}, không viết {{"label"}}',
    en: () => 'names of data and helpers are not quoted: write {{label}}, not {{"label"}}',
  },
  NO_TRIPLE: {
    vi: () => 'không dùng {{{ }}} hay {{& }}: mọi giá trị được in dạng chữ, hãy dùng {{ }}',
    en: () => 'no {{{ }}} or {{& }}: every value prints as text, use {{ }}',
  },
  NO_PARTIALS: {
    vi: () => 'mẫu báo cáo không dùng partial ({{> }}) hay decorator ({{* }})',
    en: () => 'templates use no partials ({{> }}) or decorators ({{* }})',
  },
  CONTROL_IN_TEMPLATE: {
    vi: (p) => `ký tự điều khiển ${p.char} không in được (thường do dán từ Word); xoá ký tự này`,
    en: (p) => `the control character ${p.char} cannot be printed (usually pasted from Word); delete it`,
  },
  // ── The definition ─────────────────────────────────────────────────────
  AUTHORITY_PREFIX: {
    vi: () => 'quyền hạn ký bắt đầu bằng TM., KT., Q., TL. hoặc TUQ., ví dụ "TM. BAN CHỈ ĐẠO", "KT. TRƯỞNG BAN"',
    en: () => 'a signing authority starts with TM., KT., Q., TL. or TUQ., e.g. "TM. BAN CHỈ ĐẠO", "KT. TRƯỞNG BAN"',
  },
  DATE_FORMAT: {
    vi: () => 'ngày phải viết dạng YYYY-MM-DD, ví dụ 2021-06-14',
    en: () => 'a date is written YYYY-MM-DD, e.g. 2021-06-14',
  },
  CODE_FORMAT: {
    vi: () => 'mã chỉ gồm chữ không dấu, số và các dấu _ - .',
    en: () => 'a code uses only letters, digits and _ - .',
  },
  ONE_RULE: {
    vi: () => 'cần đúng một trong atLeast, atMost hoặc equalsSum',
    en: () => 'needs exactly one of atLeast, atMost, equalsSum',
  },
  UNKNOWN_GROUP: {
    vi: (p) => `không có nhóm "${p.a}" trong mục groups`,
    en: (p) => `there is no group "${p.a}" in groups`,
  },
  GROUP_REQUIRED: {
    vi: () => 'khi định nghĩa có mục groups, mỗi đơn vị phải ghi group (nhóm của đơn vị)',
    en: () => 'when the definition has groups, every unit names its group',
  },
  PERCENT_SUMMED: {
    vi: (p) =>
      `chỉ tiêu "${p.a}" tính bằng % không cộng dồn các đơn vị được (tổng sẽ sai): khai là tỷ lệ, kind: ratio với numerator, denominator`,
    en: (p) =>
      `indicator "${p.a}" is in % and cannot be summed over units (the total would be wrong): make it kind: ratio with numerator, denominator`,
  },
  DUPLICATE_GROUP: { vi: (p) => `mã nhóm "${p.a}" trùng với ${p.b}`, en: (p) => `group code "${p.a}" repeats ${p.b}` },
  ONE_BOUND: {
    vi: () => 'cần đúng một trong atLeast, atMost, above, below',
    en: () => 'needs exactly one of atLeast, atMost, above, below',
  },
  DUPLICATE_SECTION: {
    vi: (p) => `phần nội dung "${p.a}" trùng với ${p.b}`,
    en: (p) => `narrative section "${p.a}" repeats ${p.b}`,
  },
  DUPLICATE_UNIT: { vi: (p) => `mã đơn vị "${p.a}" trùng với ${p.b}`, en: (p) => `unit code "${p.a}" repeats ${p.b}` },
  FORMER_CODE_TAKEN: {
    vi: (p) =>
      `mã đơn vị cũ "${p.a}" đã là ${p.b}: mỗi mã cũ chỉ sáp nhập vào một đơn vị, và không trùng mã một đơn vị hiện nay (trừ chính đơn vị đó)`,
    en: (p) =>
      `former unit code "${p.a}" is already ${p.b}: each former code merges into one unit, and is no other current unit's code`,
  },
  DUPLICATE_INDICATOR: {
    vi: (p) => `mã chỉ tiêu "${p.a}" trùng với ${p.b}`,
    en: (p) => `indicator code "${p.a}" repeats ${p.b}`,
  },
  CHART_NEEDS_GROUPS: { vi: () => 'biểu đồ theo nhóm cần mục groups', en: () => 'a chart by group needs groups' },
  UNKNOWN_CHART: {
    vi: (p) => `không có biểu đồ của chỉ tiêu "${p.a}" trong mục charts của định nghĩa`,
    en: (p) => `there is no chart of indicator "${p.a}" in the definition's charts`,
  },
  UNKNOWN_REF: { vi: (p) => `không có chỉ tiêu "${p.a}"`, en: (p) => `there is no indicator "${p.a}"` },
  RATIO_REF: {
    vi: (p) => `"${p.a}" là tỷ lệ; ở đây chỉ dùng được chỉ tiêu count hoặc stock`,
    en: (p) => `"${p.a}" is a ratio; only count or stock indicators can be used here`,
  },
  PERIOD_PRESET_HALF: {
    vi: () =>
      'ghi cả year và kind, ví dụ { year: 2025, kind: 6T }; hoặc bỏ cả hai và ghi đủ code, label, previousLabel, start, end',
    en: () =>
      'give both year and kind, e.g. { year: 2025, kind: 6T }; or neither, and give code, label, previousLabel, start, end',
  },
  PERIOD_MONTH_MISSING: {
    vi: () => 'kỳ tháng (kind: month) cần ghi tháng, ví dụ month: 1',
    en: () => 'a monthly period (kind: month) needs its month, e.g. month: 1',
  },
  PERIOD_QUARTER_MISSING: {
    vi: () => 'kỳ quý (kind: quarter) cần ghi quý, ví dụ quarter: 3',
    en: () => 'a quarterly period (kind: quarter) needs its quarter, e.g. quarter: 3',
  },
  PERIOD_PART_UNUSED: {
    vi: () => 'month chỉ dùng với kind: month, quarter chỉ dùng với kind: quarter',
    en: () => 'month is only for kind: month, quarter only for kind: quarter',
  },
  PERIOD_FIELD_MISSING: {
    vi: () =>
      'thiếu mục này; hoặc ghi year và kind, ví dụ { year: 2025, kind: 6T }, để tính sẵn theo Nghị định 09/2019/NĐ-CP',
    en: () =>
      'missing; or give year and kind, e.g. { year: 2025, kind: 6T }, to compute it as Decree 09/2019/ND-CP sets',
  },
  PREVIOUS_CODE_MISSING: {
    vi: () =>
      'thiếu mã kỳ trước, như cột ky_bao_cao của tệp kỳ trước (ví dụ 2020-6T); kỳ khai year và kind thì tự tính',
    en: () =>
      "missing the earlier period's code, as its returns' ky_bao_cao (e.g. 2020-6T); computed when the period gives year and kind",
  },
  DEADLINE_BEFORE_END: {
    vi: (p) => `hạn gửi báo cáo trước ngày kết thúc kỳ (${p.a}): số liệu chưa chốt thì chưa gửi được`,
    en: (p) => `the deadline is before the period ends (${p.a}): figures cannot be sent before they close`,
  },
  END_BEFORE_START: { vi: () => 'ngày kết thúc trước ngày bắt đầu', en: () => 'the end date is before the start date' },
  CODE_IS_NUMBER: {
    vi: () => 'mã phải là chuỗi: đặt trong nháy kép, ví dụ "024"',
    en: () => 'a code must be a string: quote it, e.g. "024"',
  },
  CONTROL_CHARACTER: {
    vi: (p) =>
      `có ký tự điều khiển không in được (${p.a}), thường do dán từ Word hay trang web; xoá ký tự đó rồi gõ lại`,
    en: (p) =>
      `contains an unprintable control character (${p.a}), usually pasted from Word or a web page; delete it and retype`,
  },
  SAME_UNIT_NUMBER: {
    vi: (p) =>
      `mã đơn vị "${p.a}" chỉ khác ${p.b} ở các số 0 đầu; tệp mất số 0 (Excel) sẽ không biết là đơn vị nào — đặt mã khác hẳn`,
    en: (p) =>
      `unit code "${p.a}" differs from ${p.b} only in leading zeros; a return that lost its zeros (Excel) could be either — choose distinct codes`,
  },
  SAME_INDICATOR_LETTERS: {
    vi: (p) =>
      `mã chỉ tiêu "${p.a}" chỉ khác ${p.b} ở chữ hoa, chữ thường; các tệp được đọc không phân biệt hoa thường — đặt mã khác hẳn`,
    en: (p) =>
      `indicator code "${p.a}" differs from ${p.b} only in letter case; returns are read ignoring case — choose distinct codes`,
  },
  TOO_MANY_ALIASES: {
    vi: (p) => `có ${p.count} alias (*tên), quá giới hạn ${p.limit}`,
    en: (p) => `${p.count} aliases (*name), over the limit of ${p.limit}`,
  },
} satisfies Record<string, Record<Lang, Render>>;

export type DetailKey = keyof typeof details;
export const DETAIL_KEYS = Object.keys(details) as DetailKey[];

export function detail(key: DetailKey, params: Params, lang: Lang): string {
  return (details[key][lang] as Render)(params);
}

export const isDetailKey = (key: unknown): key is DetailKey => typeof key === 'string' && Object.hasOwn(details, key);
