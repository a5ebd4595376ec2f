// The province figures as a terminal table: this period, same period, the change
// with ▲/▼, the target and whether it is met.
import type { ChalkInstance } from 'chalk';
import type { Figures } from '../aggregate/aggregate.js';
import { displayChange, displayChangePct, displayTarget, displayValue } from '../aggregate/display.js';
import { printable, type Lang } from '../messages/catalog.js';
import { UI } from '../messages/ui.js';

const RIGHT = new Set([3, 4, 5]);

const width = (s: string) => [...s].length;

export function formatFiguresTable(figures: Figures, lang: Lang, c: ChalkInstance): string {
  const def = figures.definition;
  const rows = figures.indicators.map((f) => {
    const ind = f.indicator;
    const arrow = f.change === null ? '' : f.change.n > 0n ? '▲ ' : f.change.n < 0n ? '▼ ' : '= ';
    const pct = f.changePct === null || ind.kind === 'ratio' ? '' : ` (${displayChangePct(f.changePct)})`;
    return [
      ind.code,
      ind.label,
      ind.unit,
      displayValue(ind, f.current),
      displayValue(ind, f.previous),
      arrow + displayChange(ind, f.change) + pct,
      displayTarget(ind, f.target),
      f.status ? UI[lang].status[f.status] : '',
    ];
  });
  const head = UI[lang].head;
  const all = [head, ...rows.map((r) => r.map(printable))];
  const widths = head.map((_, i) => all.reduce((w, r) => Math.max(w, width(r[i]!)), 0));
  const pad = (s: string, i: number) => (RIGHT.has(i) ? ' '.repeat(widths[i]! - width(s)) + s : s + ' '.repeat(widths[i]! - width(s)));
  const paint = (s: string, i: number, r: number) => {
    if (r === 0) return c.bold(s);
    const status = figures.indicators[r - 1]!.status;
    if (i === 7) return status === 'missed' ? c.red(s) : status === 'met' || status === 'exceeded' ? c.green(s) : s;
    return s;
  };
  const lines = all.map((r, ri) => r.map((cell, i) => paint(pad(cell, i), i, ri)).join('  ').trimEnd());
  const units = `${figures.units.received.length}/${figures.units.expected.length}`;
  const title = printable(`${def.title ? def.title + ' — ' : ''}` + UI[lang].tableTitle(`${def.period.label} (${def.period.code})`, def.period.previousLabel, units));
  return `${c.bold(title)}\n\n${lines.join('\n')}\n`;
}
