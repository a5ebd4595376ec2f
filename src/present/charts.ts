// The charts a definition asks for (charts:), as data any writer can draw: for one
// indicator, this period and the same period by unit or by group. A rate is drawn as its
// percentage; a unit that sent no return has no bar (null), never a zero.
import type { Figure, Figures } from '../aggregate/aggregate.js';
import { toNumber } from '../numbers/rational.js';
import { upperFirst } from './wording.js';

export interface ChartSpec {
  /** The indicator drawn. */
  code: string;
  type: 'column' | 'bar' | 'line';
  title: string;
  /** The units' or groups' names, in the definition's order. */
  categories: string[];
  series: { name: string; values: (number | null)[] }[];
  /** The number format of the value axis (Excel's codes: the reader's locale gives the separators). */
  numberFormat: string;
}

export function chartSpecs(figures: Figures): ChartSpec[] {
  const def = figures.definition;
  return def.charts.map((c) => {
    const ind = def.indicatorByCode.get(c.indicator)!;
    const ratio = ind.kind === 'ratio';
    const places =
      c.by === 'group'
        ? def.groups.map((g) => ({ name: g.name, figure: figures.byGroup.get(g.code)?.get(ind.code) }))
        : def.units.map((u) => ({ name: u.name, figure: figures.byUnit.get(u.code)?.get(ind.code) }));
    const values = (which: 'current' | 'previous') =>
      places.map((p) => (p.figure?.[which] ? toNumber((p.figure as Figure)[which]!) : null));
    return {
      code: ind.code,
      type: c.type,
      title: c.title ?? `${ind.label} (${ratio ? '%' : ind.unit})`,
      categories: places.map((p) => p.name),
      series: [
        { name: upperFirst(def.period.label), values: values('current') },
        { name: upperFirst(def.period.previousLabel), values: values('previous') },
      ],
      numberFormat: ratio ? '0.0' : ind.decimals > 0 ? `#,##0.${'0'.repeat(ind.decimals)}` : '#,##0',
    };
  });
}
