// The figures as the JSON that scripts read (`aggregate --json`). Full-precision
// numbers plus the rounded Vietnamese text; keyed objects have no prototype, so a
// code such as "__proto__" is data like any other.
import { MAX_SAFE, toNumber, type Rational } from '../numbers/rational.js';
import type { Figure, Figures } from '../aggregate/aggregate.js';
import { displayChange, displayChangePct, displayPlanPct, displayValue } from './figures.js';
import type { Indicator } from '../definition/parse.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function dict(entries: Iterable<[string, Json]>): { [key: string]: Json } {
  const out = Object.create(null) as { [key: string]: Json };
  for (const [k, v] of entries) out[k] = v;
  return out;
}

const num = (r: Rational | null): Json => {
  if (r === null) return null;
  // Validation refuses totals past 2^53 − 1 (SUM_TOO_LARGE), so every figure is an exact JSON number.
  if (r.d === 1n && (r.n > MAX_SAFE || r.n < -MAX_SAFE)) throw new Error(`figure ${r.n} is beyond exact JSON numbers`);
  return toNumber(r);
};

function figureJson(ind: Indicator, f: Figure): { [key: string]: Json } {
  const display: { [key: string]: Json } = {
    current: displayValue(ind, f.current),
    previous: displayValue(ind, f.previous),
    change: displayChange(ind, f.change),
    changePct: displayChangePct(f.changePct),
  };
  const out: { [key: string]: Json } = {
    current: num(f.current),
    previous: num(f.previous),
    change: num(f.change),
    changePct: num(f.changePct),
    display,
  };
  if (f.plan !== undefined) {
    out.plan = num(f.plan);
    out.planPct = num(f.planPct ?? null);
    display.plan = displayValue(ind, f.plan);
    display.planPct = displayPlanPct(f.planPct);
  }
  return out;
}

export function figuresToJson(figures: Figures): { [key: string]: Json } {
  const def = figures.definition;
  return {
    period: { ...def.period },
    groups: def.groups.map((g) => ({
      code: g.code,
      name: g.name,
      units: def.units.filter((u) => u.group === g.code).map((u) => u.code),
    })),
    units: {
      expected: figures.units.expected,
      received: figures.units.received,
      missing: figures.units.missing,
      names: dict(def.units.map((u) => [u.code, u.name])),
    },
    indicators: dict(
      figures.indicators.map((f) => [
        f.indicator.code,
        {
          label: f.indicator.label,
          unit: f.indicator.unit,
          kind: f.indicator.kind,
          ...figureJson(f.indicator, f),
          target: f.target ? (JSON.parse(JSON.stringify(f.target)) as Json) : null,
          status: f.status,
        },
      ]),
    ),
    byGroup: dict(
      [...figures.byGroup].map(([group, byIndicator]) => [
        group,
        dict([...byIndicator].map(([code, f]) => [code, figureJson(def.indicatorByCode.get(code)!, f)])),
      ]),
    ),
    byUnit: dict(
      [...figures.byUnit].map(([unit, byIndicator]) => [
        unit,
        dict([...byIndicator].map(([code, f]) => [code, figureJson(def.indicatorByCode.get(code)!, f)])),
      ]),
    ),
  };
}
