// The appendix as a model block: every unit's figures, this period and the same period,
// grouped as the definition groups them (a heading, the group's units, its subtotal), the
// province's total last, split into the parts the results have (one per section). Writers
// lay it out (docx/appendix.ts); nothing here knows a page.
import type { Figure, Figures } from '../aggregate/aggregate.js';
import type { DocumentData } from '../definition/schema.js';
import type { Indicator, Unit } from '../definition/parse.js';
import { formatDecimalVi } from '../numbers/format.js';
import { PERCENT_DECIMALS } from '../numbers/format.js';
import { displayValue } from '../present/figures.js';
import { formatShortDateVi, isoDateParts, paddedNumber, periodHeads, upperFirst } from '../present/wording.js';
import { hasAppendix, type AppendixModel, type AppendixRow } from './model.js';

/** A cell's figure; rates with a fixed one decimal (100,0 and 97,6) so a column's commas line up. */
const value = (ind: Indicator, f: Figure | undefined, which: 'current' | 'previous') => {
  const v = f?.[which];
  if (v === undefined || v === null) return '–';
  return ind.kind === 'ratio' ? formatDecimalVi(v, { decimals: PERCENT_DECIMALS }) : displayValue(ind, v);
};

/** The appendix of a report with more than one unit; undefined for a single unit (its figures are the report's own). */
export function appendixModel(figures: Figures, doc: DocumentData, agency: string): AppendixModel | undefined {
  const def = figures.definition;
  if (!hasAppendix(def.units)) return undefined;
  const valuesOf = (by: { get(code: string): Figure | undefined } | undefined) =>
    def.indicators.map(
      (ind) => [value(ind, by?.get(ind.code), 'current'), value(ind, by?.get(ind.code), 'previous')] as const,
    );
  const unitRow = (u: Unit): AppendixRow => {
    const by = figures.byUnit.get(u.code);
    return { kind: 'unit', name: by ? u.name : `${u.name} (chưa báo cáo)`, values: valuesOf(by) };
  };
  const none = def.indicators.map(() => ['', ''] as const);
  // With groups: each group's heading, its units, then its subtotal (from the group's sums), in the groups' order.
  const rows: AppendixRow[] =
    def.groups.length === 0
      ? def.units.map(unitRow)
      : def.groups.flatMap((g) => [
          { kind: 'heading', name: g.name, values: none } as AppendixRow,
          ...def.units.filter((u) => u.group === g.code).map(unitRow),
          { kind: 'subtotal', name: `Cộng ${g.name}`, values: valuesOf(figures.byGroup.get(g.code)) } as AppendixRow,
        ]);
  const at = new Map(def.indicators.map((ind, i) => [ind.code, i]));
  // One part per section the definition gives (titled), then any indicator in none; without sections, one part of all.
  const inSection = new Set(def.sectionsGiven ? def.sections.flatMap((s) => s.indicators) : []);
  const parts = def.sectionsGiven
    ? [
        ...def.sections.map((s) => ({ title: s.title, columns: s.indicators.map((c) => at.get(c)!) })),
        {
          title: 'Các chỉ tiêu khác',
          columns: def.indicators.filter((i) => !inSection.has(i.code)).map((i) => at.get(i.code)!),
        },
      ].filter((p) => p.columns.length > 0)
    : [{ columns: def.indicators.map((_, i) => i) }];
  return {
    title: 'Phụ lục',
    subtitle: [
      `SỐ LIỆU CÁC CHỈ TIÊU THEO ${def.unitNoun.toLocaleUpperCase('vi')}`,
      def.period.label.toLocaleUpperCase('vi'),
    ],
    attachedTo: `(Kèm theo Báo cáo số ${paddedNumber(doc.soKyHieu)} ngày ${formatShortDateVi(...isoDateParts(doc.ngay))} của ${agency})`,
    nameHead: upperFirst(def.unitNoun),
    periodHeads: periodHeads(def.period) as [string, string],
    columns: def.indicators.map((ind) => ({ code: ind.code, head: `${ind.label} (${ind.unit})` })),
    parts,
    rows,
    total: valuesOf(new Map(figures.indicators.map((f) => [f.indicator.code, f]))),
  };
}
