// The province figures as a terminal table: this period, same period, the change
// with ▲/▼, the target and whether it is met.
import type { ChalkInstance } from 'chalk';
import type { Figures } from '../aggregate/aggregate.js';
import type { Figure, TargetStatus } from '../aggregate/aggregate.js';
import { displayChange, displayChangePct, displayPlanPct, displayTarget, displayValue } from '../present/figures.js';
import type { Indicator } from '../definition/parse.js';
import type { TargetData } from '../definition/schema.js';
import { printable } from '../messages/catalog.js';
import type { Lang } from '../messages/lang.js';
import { UI } from '../messages/ui.js';
import { saidStatus } from '../present/wording.js';

const width = (s: string) => [...s].length;

interface Row {
  indicator: Indicator;
  figure: Figure;
  target?: TargetData;
  status: TargetStatus | null;
}

/** One table: a row per indicator; the plan columns only when some indicator has a plan. */
function table(rows: readonly Row[], lang: Lang, c: ChalkInstance): string[] {
  const w = UI[lang];
  const withPlan = rows.some((r) => r.figure.plan !== undefined);
  const cells = rows.map(({ indicator: ind, figure: f, target, status }) => {
    const arrow = f.change === null ? '' : f.change.n > 0n ? '▲ ' : f.change.n < 0n ? '▼ ' : '= ';
    // As the wording table says it: no percentage for a rate's points, a figure now zero ("-100%"), or a unit of %.
    const pct =
      f.changePct === null || ind.kind === 'ratio' || ind.unit === '%' || f.current?.n === 0n
        ? ''
        : ` (${displayChangePct(f.changePct)})`;
    const plan = withPlan
      ? [f.plan === undefined ? '' : displayValue(ind, f.plan), f.plan === undefined ? '' : displayPlanPct(f.planPct)]
      : [];
    return [
      ind.code,
      ind.label,
      ind.unit,
      displayValue(ind, f.current),
      displayValue(ind, f.previous),
      arrow + displayChange(ind, f.change) + pct,
      ...plan,
      displayTarget(ind, target),
      status && target ? w.status[saidStatus(status, target)] : '',
    ];
  });
  const head = withPlan ? [...w.head.slice(0, 6), ...w.planHead, ...w.head.slice(6)] : w.head;
  const right = new Set(withPlan ? [3, 4, 5, 6, 7] : [3, 4, 5]);
  const statusColumn = head.length - 1;
  const all = [head, ...cells.map((r) => r.map(printable))];
  const widths = head.map((_, i) => all.reduce((n, r) => Math.max(n, width(r[i]!)), 0));
  const pad = (s: string, i: number) =>
    right.has(i) ? ' '.repeat(widths[i]! - width(s)) + s : s + ' '.repeat(widths[i]! - width(s));
  const paint = (s: string, i: number, r: number) => {
    if (r === 0) return c.bold(s);
    const status = rows[r - 1]!.status;
    if (i === statusColumn)
      return status === 'missed' ? c.red(s) : status === 'met' || status === 'exceeded' ? c.green(s) : s;
    return s;
  };
  return all.map((r, ri) =>
    r
      .map((cell, i) => paint(pad(cell, i), i, ri))
      .join('  ')
      .trimEnd(),
  );
}

/** The province table; with `byGroup`, first one table per group (its units' sums, no targets). */
export function formatFiguresTable(figures: Figures, lang: Lang, c: ChalkInstance, byGroup = false): string {
  const def = figures.definition;
  const units = `${figures.units.received.length}/${figures.units.expected.length}`;
  const title = printable(
    `${def.title ? def.title + ' — ' : ''}` +
      UI[lang].tableTitle(`${def.period.label} (${def.period.code})`, def.period.previousLabel, units, def.unitNoun),
  );
  let out = `${c.bold(title)}\n`;
  if (byGroup)
    for (const g of def.groups) {
      const byIndicator = figures.byGroup.get(g.code)!;
      const rows = def.indicators.map((ind) => ({ indicator: ind, figure: byIndicator.get(ind.code)!, status: null }));
      out += `\n${c.bold(printable(g.name))}\n${table(rows, lang, c).join('\n')}\n`;
    }
  const total = figures.indicators.map((f) => ({
    indicator: f.indicator,
    figure: f,
    target: f.target,
    status: f.status,
  }));
  out += `${byGroup && def.groups.length > 0 ? `\n${c.bold(UI[lang].total)}` : ''}\n${table(total, lang, c).join('\n')}\n`;
  return out;
}
