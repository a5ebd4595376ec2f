// The data a template sees: the figures and the definition's fields, with every text
// a Literal and every number a Num that prints in Vietnamese form.
import type { Figure, Figures, IndicatorFigure } from '../../aggregate/aggregate.js';
import { displayChange, displayChangePct, displayPlanPct, displayValue } from '../../present/figures.js';
import type { Definition, Indicator } from '../../definition/parse.js';
import { aggregateReturns } from '../../aggregate/aggregate.js';
import { integer, type Rational } from '../../numbers/rational.js';
import {
  CHART_CLOSE,
  CHART_OPEN,
  escapeMarkdown,
  type Literal,
  lit,
  MARKERS,
  PLACEHOLDER_CLOSE,
  PLACEHOLDER_OPEN,
  SECTION_CLOSE,
  SECTION_KEY_END,
  SECTION_OPEN,
} from './literal.js';
import { signingAuthorities } from '../../definition/schema.js';
import { reportingPhrase, reportSubject, timelinessPhrase } from '../../present/wording.js';
import { agencyInSentence } from '../../present/names.js';
import { hasAppendix } from '../model.js';
import { sectionTitle } from '../../definition/narrative-sections.js';

/** The most indicators written one sentence each; more read better as a table per section. */
export const SENTENCES_UP_TO = 15;

/** A number for the template; prints as Vietnamese text ("2.082", "97,6%"). */
export class Num {
  constructor(
    readonly value: Rational | null,
    readonly text: string,
    /** What the number is: a count, a percentage, or a change in percentage points. */
    readonly kind: 'count' | 'percent' | 'points',
    /** Places it is shown with (a count of hectares with 2 decimals: 2). */
    readonly decimals = kind === 'count' ? 0 : 1,
  ) {}
  toHTML(): string {
    return escapeMarkdown(this.text);
  }
  toString(): string {
    return this.text;
  }
}

/**
 * A section of the clerk's narrative as the template prints it: the text, already
 * rendered with the data, as Markdown (the clerk's formatting kept); a placeholder
 * when the section is empty, recorded so the build can warn. The first print is marked
 * as the section (blocks of its own), so the writer puts it in a content control that a
 * rebuild finds again; a second print of the same section is plain text.
 */
export class NarrativeValue {
  constructor(
    readonly key: string,
    readonly heading: string,
    /** Whether the clerk wrote this section (for {{#if narrative.x.given}}). */
    readonly given: boolean,
    private readonly markdown: string,
    private readonly narrative: NarrativeInput,
  ) {}
  toHTML(): string {
    const text = this.given
      ? this.markdown.replace(MARKERS, '')
      : `${PLACEHOLDER_OPEN}${sectionTitle(this.heading)}${PLACEHOLDER_CLOSE}`;
    if (!this.given) this.narrative.missing.add(this.key);
    const printed = this.narrative.printed;
    if (printed === undefined || printed.has(this.key)) return this.given ? text : `\n\n${text}\n\n`;
    printed.add(this.key);
    return `\n\n${SECTION_OPEN}${this.key}${SECTION_KEY_END}\n\n${text}\n\n${SECTION_CLOSE}\n\n`;
  }
  toString(): string {
    return this.toHTML();
  }
}

/** A chart the definition asks for, as the template prints it: a marker the body turns into the chart (present/charts.ts). */
export class ChartValue {
  constructor(
    /** Its place among the definition's charts. */
    readonly index: number,
    readonly code: string,
  ) {}
  toHTML(): string {
    return `\n\n${CHART_OPEN}${this.index}${CHART_CLOSE}\n\n`;
  }
  toString(): string {
    return this.toHTML();
  }
}

/** The charts of a view by indicator code, for {{chart "CODE"}} (out of the template's reach). */
export const CHARTS = new WeakMap<object, ReadonlyMap<string, ChartValue>>();

export interface IndicatorView {
  code: Literal;
  label: Literal;
  unit: Literal;
  kind: Literal;
  current: Num;
  previous: Num;
  change: Num;
  changePct: Num;
  status: Literal | null;
  hasTarget: boolean;
  /** The period's plan and the share of it done ("–" without a plan). */
  plan: Num;
  planPct: Num;
  hasPlan: boolean;
}

/** The figure behind each indicator view, for the helpers (kept out of the template's reach). */
export const FIGURES = new WeakMap<
  object,
  { indicator: Indicator; figure: Figure; target?: IndicatorFigure['target'] }
>();

/**
 * The prototype of every object the template sees: no Object.prototype, so names such
 * as "constructor" or "__proto__" are unknown like any misspelling (strict mode then
 * stops with the line instead of printing a blank), and only a symbol for Handlebars'
 * error message.
 */
const VIEW_PROTO: object = Object.freeze(Object.create(null, { [Symbol.toPrimitive]: { value: () => '[dữ liệu]' } }));

function record<T extends object>(fields: T): T {
  return Object.assign(Object.create(VIEW_PROTO) as T, fields);
}

function dict<T>(entries: [string, T][]): Record<string, T> {
  const out = Object.create(VIEW_PROTO) as Record<string, T>;
  for (const [k, v] of entries) out[k] = v;
  return out;
}

function indicatorView(indicator: Indicator, figure: Figure, f?: IndicatorFigure): IndicatorView {
  const ratio = indicator.kind === 'ratio';
  const view: IndicatorView = record({
    code: lit(indicator.code),
    label: lit(indicator.label),
    unit: lit(indicator.unit),
    kind: lit(indicator.kind),
    current: new Num(
      figure.current,
      displayValue(indicator, figure.current),
      ratio ? 'percent' : 'count',
      ratio ? 1 : indicator.decimals,
    ),
    previous: new Num(
      figure.previous,
      displayValue(indicator, figure.previous),
      ratio ? 'percent' : 'count',
      ratio ? 1 : indicator.decimals,
    ),
    change: new Num(
      figure.change,
      displayChange(indicator, figure.change),
      ratio ? 'points' : 'count',
      ratio ? 1 : indicator.decimals,
    ),
    changePct: new Num(figure.changePct, displayChangePct(figure.changePct), 'percent'),
    status: f?.status ? lit(f.status) : null,
    hasTarget: f?.target !== undefined,
    plan: new Num(
      figure.plan ?? null,
      figure.plan === undefined ? '–' : displayValue(indicator, figure.plan),
      'count',
      indicator.decimals,
    ),
    planPct: new Num(figure.planPct ?? null, displayPlanPct(figure.planPct), 'percent'),
    hasPlan: figure.plan !== undefined,
  });
  FIGURES.set(view, { indicator, figure, target: f?.target });
  return view;
}

/** Each section's rendered Markdown (given) and where the view records the placeholders it printed. */
export interface NarrativeInput {
  texts: ReadonlyMap<string, string>;
  missing: Set<string>;
  /** The sections printed so far, each marked where it is first printed; without it nothing is marked. */
  printed?: Set<string>;
}

export function buildView(figures: Figures, narrative: NarrativeInput = { texts: new Map(), missing: new Set() }) {
  const def = figures.definition;
  const received = new Set(figures.units.received);
  const unitView = (u: { code: string; name: string }) => {
    const view = record({ code: lit(u.code), name: lit(u.name), reported: received.has(u.code) });
    // A unit's own figures are built when a template first asks for them: a national
    // roster has 3,321 units × 12 indicators, and most templates never look.
    let indicators: Record<string, IndicatorView> | undefined;
    Object.defineProperty(view, 'indicators', {
      enumerable: true,
      get: () => {
        const byIndicator = figures.byUnit.get(u.code);
        indicators ??= dict(
          byIndicator
            ? def.indicators.map(
                (ind) => [ind.code, indicatorView(ind, byIndicator.get(ind.code)!)] as [string, IndicatorView],
              )
            : [],
        );
        return indicators;
      },
    });
    return view as typeof view & { indicators: Record<string, IndicatorView> };
  };
  const units = def.units.map(unitView);
  const count = (n: number) => new Num(integer(n), String(n), 'count');
  const doc = def.document;
  const byCode = new Map(figures.indicators.map((f) => [f.indicator.code, f]));
  const charts = def.charts.map((c, i) => new ChartValue(i, c.indicator));
  const view = record({
    title: def.title ? lit(def.title) : null,
    period: record({
      code: lit(def.period.code),
      label: lit(def.period.label),
      previousLabel: lit(def.period.previousLabel),
      start: lit(def.period.start),
      end: lit(def.period.end),
    }),
    document: doc
      ? record({
          coQuanChuQuan: doc.coQuanChuQuan === undefined ? null : lit(doc.coQuanChuQuan),
          coQuanBanHanh: lit(doc.coQuanBanHanh),
          soKyHieu: lit(doc.soKyHieu),
          diaDanh: lit(doc.diaDanh),
          ngay: lit(doc.ngay),
          trichYeu: lit(doc.trichYeu),
          thamQuyen: lit(signingAuthorities(doc).join(' ')),
          chucVu: doc.chucVu.map(lit),
          nguoiKy: lit(doc.nguoiKy),
          noiNhan: doc.noiNhan.map(lit),
        })
      : null,
    units,
    unitsReceived: units.filter((u) => u.reported),
    unitsMissing: units.filter((u) => !u.reported),
    unitCount: record({
      expected: count(units.length),
      received: count(received.size),
      missing: count(units.length - received.size),
    }),
    indicators: dict(figures.indicators.map((f) => [f.indicator.code, indicatorView(f.indicator, f, f)])),
    indicatorList: figures.indicators.map((f) => indicatorView(f.indicator, f, f)),
    unitNoun: lit(def.unitNoun),
    agency: lit(doc ? agencyInSentence(doc, def) : ''),
    /** What the opening says is reported: "kết quả công tác phòng, chống …" (a title that says "Kết quả …" is not doubled). */
    subject: lit(reportSubject(def.title)),
    /** "11/11 huyện, thành phố đã gửi báo cáo[, chưa có báo cáo của …]" (the wording table's line). */
    reporting: lit(
      reportingPhrase(
        received.size,
        units.length,
        def.unitNoun,
        def.units.filter((u) => !received.has(u.code)).map((u) => u.name),
      ),
    ),
    /** With period.deadline: who sent on time, counted, and the sentence "98/98 xã đã gửi báo cáo, 90 xã gửi đúng hạn". */
    timeliness:
      figures.timeliness && def.period.deadline
        ? record({
            deadline: lit(def.period.deadline.split('-').reverse().join('/')),
            onTime: count(figures.timeliness.onTime),
            late: count(figures.timeliness.late),
            unknown: count(figures.timeliness.unknown),
            phrase: lit(timelinessPhrase(received.size, units.length, def.unitNoun, figures.timeliness.onTime)),
          })
        : null,
    /** Past this many indicators the default template gives each section a table, not a sentence per figure. */
    tableOnly: figures.indicators.length > SENTENCES_UP_TO,
    /** Whether the report has an appendix by unit (not for a single unit). */
    hasAppendix: hasAppendix(def.units),
    /** Whether some indicator has a plan (a table then has the plan columns). */
    hasPlans: figures.indicators.some((f) => f.plan !== undefined),
    // The parts of the results, numbered from 1 as the report's sub-headings are.
    sections: def.sections.map((sec, i) =>
      record({
        number: count(i + 1),
        title: lit(sec.title),
        indicators: sec.indicators.map((code) =>
          indicatorView(def.indicatorByCode.get(code)!, byCode.get(code)!, byCode.get(code)!),
        ),
        /** The charts of this part's indicators, in the definition's order: the default template draws them after its figures. */
        charts: charts.filter((c) => sec.indicators.includes(c.code)),
      }),
    ),
    /** The number of the part after the sections (the summary table), for a template's headings. */
    sectionsEnd: count(def.sections.length + 1),
    narrative: dict(
      def.narrativeSections.map((s) => {
        const text = narrative.texts.get(s.key) ?? '';
        return [s.key, new NarrativeValue(s.key, s.heading, text.trim() !== '', text, narrative)] as [
          string,
          NarrativeValue,
        ];
      }),
    ),
  });
  CHARTS.set(view, new Map(charts.map((c) => [c.code, c])));
  return view;
}

export type ReportView = ReturnType<typeof buildView>;

/**
 * A view with the definition's full shape and no real figures (every unit present
 * with zeros), for checking a template's names before any return is read.
 */
export function probeView(def: Definition): ReportView {
  const zero = { current: 0n, previous: 0n, file: '', line: 0 };
  // One unit shows the shape of them all.
  const one = { ...def, units: def.units.slice(0, 1) };
  const values = new Map(one.units.map((u) => [u.code, new Map(def.inputIndicators.map((i) => [i.code, zero]))]));
  const figures = aggregateReturns(one, { values, received: one.units.map((u) => u.code), missing: [] });
  // A definition with a deadline has the counts of who sent on time.
  if (def.period.deadline) figures.timeliness = { onTime: 0, late: 0, unknown: 0 };
  const view = buildView(figures);
  // The lists of received and missing units hold the same kind of entry; give both a shape.
  return Object.assign(Object.create(Object.getPrototypeOf(view)) as ReportView, view, { unitsMissing: view.units });
}
