// Handlebars helpers for Vietnamese administrative writing. Each returns a Literal
// (printed as plain text) or a boolean for {{#if}}; none loops or builds text
// larger than its inputs, so no template can hang the build through them.
import { isMatch } from 'date-fns';
import type { DetailKey } from '../../messages/details.js';
import { formatDecimalVi, formatPercentVi } from '../../numbers/format.js';
import { compare, fromDecimal, type Rational } from '../../numbers/rational.js';
import { targetStatus } from '../../aggregate/aggregate.js';
import { Literal, lit } from './literal.js';
import {
  changePhrase,
  formatDateVi,
  formatShortDateVi,
  isoDateParts,
  joinVi,
  judgementPhrase,
  lowerFirst,
  planPhrase,
  saidStatus,
  sentencePhrase,
  STATUS_WORD,
  targetPhrase,
  upperFirst,
  versusPhrase,
} from '../../present/wording.js';
import { CHARTS, FIGURES, Num } from './view.js';

interface HelperOptions {
  hash: Record<string, unknown>;
  loc?: { start: { line: number; column: number } };
  name?: string;
}

/** A helper used the wrong way: stops the build with the template line. */
export class HelperError extends Error {
  constructor(
    readonly helper: string,
    readonly line: number | undefined,
    readonly detailKey: DetailKey,
    readonly params: Record<string, string | number> = {},
  ) {
    super(detailKey);
    this.name = 'HelperError';
  }
}

const fail = (
  helper: string,
  options: HelperOptions | undefined,
  key: DetailKey,
  params?: Record<string, string | number>,
): never => {
  throw new HelperError(helper, options?.loc?.start.line, key, params);
};

/** Handlebars passes its options object last; everything before it is an argument. */
function split(args: unknown[]): { params: unknown[]; options: HelperOptions } {
  return { params: args.slice(0, -1), options: args.at(-1) as HelperOptions };
}

function indicatorOf(helper: string, value: unknown, options: HelperOptions) {
  const entry = value !== null && typeof value === 'object' ? FIGURES.get(value) : undefined;
  return entry ?? fail(helper, options, 'NEED_INDICATOR');
}

/** The definition's "cùng kỳ năm 2020", from the template's root. */
function previousLabelOf(options: HelperOptions): string {
  const root = (options as HelperOptions & { data?: { root?: { period?: { previousLabel?: unknown } } } }).data?.root;
  return String(root?.period?.previousLabel ?? 'cùng kỳ');
}

function numOf(helper: string, value: unknown, options: HelperOptions): Num {
  return value instanceof Num ? value : fail(helper, options, 'NEED_FIGURE');
}

function parseDate(helper: string, value: unknown, options: HelperOptions): [number, number, number] {
  const text = String(value ?? '');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || !isMatch(text, 'yyyy-MM-dd'))
    fail(helper, options, 'NOT_A_DATE', { value: text });
  return isoDateParts(text);
}

function comparable(value: unknown): Rational | string | boolean | null {
  if (value instanceof Num) return value.value;
  if (value instanceof Literal) return value.text;
  if (typeof value === 'number' && Number.isFinite(value)) return fromDecimal(value);
  if (typeof value === 'string' || typeof value === 'boolean' || value === null || value === undefined)
    return value ?? null;
  return String(value);
}

function cmp(helper: string, args: unknown[]): number | null {
  const { params, options } = split(args);
  if (params.length !== 2) fail(helper, options, 'NEED_TWO');
  const [a, b] = params.map(comparable);
  if (a === null || b === null) return null;
  if (typeof a === 'object' && typeof b === 'object') return compare(a, b);
  if (typeof a === 'object' || typeof b === 'object') fail(helper, options, 'NUMBER_VS_TEXT');
  return String(a) === String(b) ? 0 : String(a) < String(b) ? -1 : 1;
}

export const HELPERS: Record<string, (...args: unknown[]) => unknown> = {
  /** {{number x}} → "2.082"; {{number x decimals=1}}. */
  number: (...args) => {
    const { params, options } = split(args);
    const n = numOf('number', params[0], options);
    const decimals = Number(options.hash.decimals ?? n.decimals);
    if (!Number.isInteger(decimals) || decimals < 0 || decimals > 6) fail('number', options, 'DECIMALS_RANGE');
    return lit(n.value === null ? '–' : formatDecimalVi(n.value, { decimals, trimZeros: n.kind !== 'count' }));
  },
  /** {{chart "MT_VU"}}: the chart of that indicator the definition asks for (charts:), drawn here. */
  chart: (...args) => {
    const { params, options } = split(args);
    const code = params[0] instanceof Literal ? params[0].text : String(params[0]);
    const root = (options as HelperOptions & { data?: { root?: object } }).data?.root;
    return (root && CHARTS.get(root)?.get(code)) ?? fail('chart', options, 'UNKNOWN_CHART', { a: code });
  },
  /** {{percent x}} → "97,6%". */
  percent: (...args) => {
    const { params, options } = split(args);
    const n = numOf('percent', params[0], options);
    if (n.kind === 'count') fail('percent', options, 'COUNT_NOT_RATE');
    return lit(n.value === null ? '–' : formatPercentVi(n.value));
  },
  /** {{change indicators.X}} → "giảm 10,9% (15 vụ)", "bằng cùng kỳ" (a table cell). */
  change: (...args) => {
    const { params, options } = split(args);
    const { indicator, figure } = indicatorOf('change', params[0], options);
    return lit(changePhrase(indicator, figure));
  },
  /** {{versus indicators.X}} → "giảm 10,9% (15 vụ) so với cùng kỳ năm 2020", "bằng cùng kỳ năm 2020" (running text). */
  versus: (...args) => {
    const { params, options } = split(args);
    const { indicator, figure } = indicatorOf('versus', params[0], options);
    return lit(versusPhrase(indicator, figure, previousLabelOf(options)));
  },
  /** {{status indicators.X}} → "vượt", "đạt", "chưa đạt" ("vượt" only for a floor: a ceiling is kept or not). */
  status: (...args) => {
    const { params, options } = split(args);
    const { indicator, figure, target } = indicatorOf('status', params[0], options);
    if (!target) fail('status', options, 'NO_TARGET', { indicator: indicator.code });
    return lit(STATUS_WORD[saidStatus(targetStatus(figure, target, indicator)!, target!)]);
  },
  /** {{judgement indicators.X}} → "vượt chỉ tiêu được giao (giảm ít nhất 5% so với cùng kỳ)", "chưa đạt chỉ tiêu được giao (không quá 25%)". */
  judgement: (...args) => {
    const { params, options } = split(args);
    const { indicator, figure, target } = indicatorOf('judgement', params[0], options);
    if (!target) fail('judgement', options, 'NO_TARGET', { indicator: indicator.code });
    return lit(judgementPhrase(indicator, figure, target!));
  },
  /** {{target indicators.X}} → "giảm ít nhất 5% so với cùng kỳ". */
  target: (...args) => {
    const { params, options } = split(args);
    const { indicator, target } = indicatorOf('target', params[0], options);
    if (!target) fail('target', options, 'NO_TARGET', { indicator: indicator.code });
    return lit(targetPhrase(indicator, target!));
  },
  /** {{sentence indicators.X}} → the indicator's figures in one sentence (see sentencePhrase). */
  sentence: (...args) => {
    const { params, options } = split(args);
    const { indicator, figure, target } = indicatorOf('sentence', params[0], options);
    return lit(sentencePhrase(indicator, figure, target, previousLabelOf(options)));
  },
  /** {{plan indicators.X}} → "đạt 94,5% kế hoạch (1.340,00 ha)", "vượt kế hoạch (1.000 tỷ đồng), bằng 105,2% kế hoạch". */
  plan: (...args) => {
    const { params, options } = split(args);
    const { indicator, figure } = indicatorOf('plan', params[0], options);
    if (figure.plan === undefined) fail('plan', options, 'NO_PLAN', { indicator: indicator.code });
    return lit(planPhrase(indicator, figure.plan!, figure.planPct ?? null));
  },
  /** {{lowerFirst document.trichYeu}} → "sơ kết công tác …" (a name at the start, "Hà Giang …", "UBND …", is kept). */
  lowerFirst: (...args) => {
    const { params, options } = split(args);
    if (params.length !== 1) fail('lowerFirst', options, 'ARITY', { min: 1, max: 1, count: params.length });
    return lit(lowerFirst(String(params[0] ?? '')));
  },
  /** {{date document.ngay}} → "ngày 13 tháng 8 năm 2021". */
  date: (...args) => {
    const { params, options } = split(args);
    const [y, m, d] = parseDate('date', params[0], options);
    return lit(formatDateVi(y, m, d));
  },
  /** {{shortDate period.end}} → "14/6/2021". */
  shortDate: (...args) => {
    const { params, options } = split(args);
    const [y, m, d] = parseDate('shortDate', params[0], options);
    return lit(formatShortDateVi(y, m, d));
  },
  /** {{list unitsMissing}} → "Bắc Mê, Xín Mần và Quang Bình" (each item's name, or key="…"). */
  list: (...args) => {
    const { params, options } = split(args);
    const items = params[0];
    if (!Array.isArray(items)) fail('list', options, 'NEED_LIST');
    const key = String(options.hash.key ?? 'name');
    const names = (items as unknown[]).map((it) => {
      if (it === null || typeof it !== 'object' || it instanceof Literal || it instanceof Num) return String(it);
      if (!Object.hasOwn(it, key)) fail('list', options, 'ITEM_LACKS_KEY', { key });
      return String((it as Record<string, unknown>)[key]);
    });
    return lit(joinVi(names));
  },
  /** {{upperFirst period.previousLabel}} → "Cùng kỳ năm 2020" (a column heading). */
  upperFirst: (...args) => {
    const { params, options } = split(args);
    if (params.length !== 1) fail('upperFirst', options, 'ARITY', { min: 1, max: 1, count: params.length });
    return lit(upperFirst(String(params[0] ?? '')));
  },
  /** {{upper x}} → upper case, Vietnamese letters included. */
  upper: (...args) => {
    const { params, options } = split(args);
    if (params.length !== 1) fail('upper', options, 'ARITY', { min: 1, max: 1, count: params.length });
    return lit(String(params[0] ?? '').toLocaleUpperCase('vi'));
  },
  /** {{add sectionsEnd 1}} → a number plus another (headings numbered after a list of parts). */
  add: (...args) => {
    const { params, options } = split(args);
    const [a, b] = params.map((p) => (p instanceof Num ? p.value : typeof p === 'number' ? fromDecimal(p) : null));
    if (!a || !b || a.d !== 1n || b.d !== 1n) fail('add', options, 'NEED_FIGURE');
    const sum = a!.n + b!.n;
    return new Num({ n: sum, d: 1n }, String(sum), 'count');
  },
  eq: (...args) => cmp('eq', args) === 0,
  ne: (...args) => cmp('ne', args) !== 0,
  gt: (...args) => (cmp('gt', args) ?? 0) > 0,
  lt: (...args) => (cmp('lt', args) ?? 0) < 0,
  gte: (...args) => (cmp('gte', args) ?? -1) >= 0,
  lte: (...args) => (cmp('lte', args) ?? 1) <= 0,
  and: (...args) => split(args).params.every(Boolean),
  or: (...args) => split(args).params.some(Boolean),
  not: (...args) => !split(args).params[0],
};

/** What each helper takes: how many values, and which named (hash) arguments. */
export const SIGNATURES: Record<string, { min: number; max: number; hash?: readonly string[] }> = {
  number: { min: 1, max: 1, hash: ['decimals'] },
  chart: { min: 1, max: 1 },
  percent: { min: 1, max: 1 },
  change: { min: 1, max: 1 },
  versus: { min: 1, max: 1 },
  judgement: { min: 1, max: 1 },
  lowerFirst: { min: 1, max: 1 },
  upperFirst: { min: 1, max: 1 },
  status: { min: 1, max: 1 },
  plan: { min: 1, max: 1 },
  sentence: { min: 1, max: 1 },
  add: { min: 2, max: 2 },
  target: { min: 1, max: 1 },
  date: { min: 1, max: 1 },
  shortDate: { min: 1, max: 1 },
  list: { min: 1, max: 1, hash: ['key'] },
  upper: { min: 1, max: 1 },
  eq: { min: 2, max: 2 },
  ne: { min: 2, max: 2 },
  gt: { min: 2, max: 2 },
  lt: { min: 2, max: 2 },
  gte: { min: 2, max: 2 },
  lte: { min: 2, max: 2 },
  and: { min: 1, max: Infinity },
  or: { min: 1, max: Infinity },
  not: { min: 1, max: 1 },
  if: { min: 1, max: 1 },
  unless: { min: 1, max: 1 },
  each: { min: 1, max: 1 },
  with: { min: 1, max: 1 },
};

/**
 * {{#each}} as Handlebars has it, but an object's keys reach the template as Literal
 * text (escaped like every other value), not as raw strings.
 */
export function eachHelper(
  this: unknown,
  context: unknown,
  options: { fn: (c: unknown, o: object) => string; inverse: (c: unknown) => string; data?: object },
): string {
  let out = '';
  const entries: [number | Literal, unknown][] = Array.isArray(context)
    ? context.map((v, i) => [i, v])
    : context !== null && typeof context === 'object' && !(context instanceof Literal) && !(context instanceof Num)
      ? Object.keys(context).map((k) => [lit(k), (context as Record<string, unknown>)[k]])
      : [];
  entries.forEach(([key, value], index) => {
    const data = {
      ...options.data,
      _parent: options.data,
      key,
      index,
      first: index === 0,
      last: index === entries.length - 1,
    };
    out += options.fn(value, { data, blockParams: [value, key] });
  });
  return entries.length === 0 ? options.inverse(this) : out;
}
