// The province figures as a terminal table: this period, same period, the change
// with ▲/▼, the target and whether it is met.
import type { ChalkInstance } from 'chalk';
import type { Figures } from '../aggregate/aggregate.js';
import { STATUS_WORDS, displayChange, displayChangePct, displayTarget, displayValue } from '../aggregate/display.js';
import { printable, type Lang } from '../messages/catalog.js';

const HEAD = {
  vi: ['Mã', 'Chỉ tiêu', 'ĐVT', 'Kỳ này', 'Cùng kỳ', 'So cùng kỳ', 'Mục tiêu', 'Đánh giá'],
  en: ['Code', 'Indicator', 'Unit', 'Current', 'Previous', 'Change', 'Target', 'Status'],
};
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
      f.status ? STATUS_WORDS[lang][f.status] : '',
    ];
  });
  const all = [HEAD[lang], ...rows.map((r) => r.map(printable))];
  const widths = HEAD[lang].map((_, i) => all.reduce((w, r) => Math.max(w, width(r[i]!)), 0));
  const pad = (s: string, i: number) => (RIGHT.has(i) ? ' '.repeat(widths[i]! - width(s)) + s : s + ' '.repeat(widths[i]! - width(s)));
  const paint = (s: string, i: number, r: number) => {
    if (r === 0) return c.bold(s);
    const status = figures.indicators[r - 1]!.status;
    if (i === 7) return status === 'missed' ? c.red(s) : status === 'met' || status === 'exceeded' ? c.green(s) : s;
    return s;
  };
  const lines = all.map((r, ri) => r.map((cell, i) => paint(pad(cell, i), i, ri)).join('  ').trimEnd());
  const units = `${figures.units.received.length}/${figures.units.expected.length}`;
  const title = printable(
    lang === 'vi'
      ? `${def.title ? def.title + ' — ' : ''}${def.period.label} (${def.period.code}), so với ${def.period.previousLabel}; ${units} đơn vị`
      : `${def.title ? def.title + ' — ' : ''}${def.period.label} (${def.period.code}), compared with ${def.period.previousLabel}; ${units} units`,
  );
  return `${c.bold(title)}\n\n${lines.join('\n')}\n`;
}
