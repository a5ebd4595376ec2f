// What needs every file: the rules between indicators (definition/rules.ts says how each kind
// checks), and totals a JSON number carries exactly.
import type { Definition, Indicator } from '../../definition/parse.js';
import { ruleKind } from '../../definition/rules.js';
import { formatDecimalVi } from '../../numbers/format.js';
import { MAX_SAFE, type Rational } from '../../numbers/rational.js';
import type { ProblemOf } from '../../messages/problem.js';
import type { Check, ParsedCells } from './check.js';

/** Totals a JSON number carries exactly (2^53 − 1): past that a figure would be written wrong. */
function checkSums(
  def: Definition,
  values: Map<string, Map<string, { current: bigint; previous: bigint }>>,
): ProblemOf<'SUM_TOO_LARGE'>[] {
  const problems: ProblemOf<'SUM_TOO_LARGE'>[] = [];
  for (const ind of def.inputIndicators) {
    let current = 0n;
    let previous = 0n;
    for (const byIndicator of values.values()) {
      const v = byIndicator.get(ind.code);
      if (v) {
        current += v.current;
        previous += v.previous;
      }
    }
    for (const [column, total] of [
      ['ky_nay', current],
      ['cung_ky', previous],
    ] as const)
      if (total > MAX_SAFE)
        problems.push({
          code: 'SUM_TOO_LARGE',
          severity: 'error',
          column,
          indicator: ind.code,
          params: { label: ind.label, column, limit: MAX_SAFE.toString() },
        });
  }
  return problems;
}

/** Every rule on every unit and column whose values parsed (definition/rules.ts says how each kind checks). */
function checkRules(def: Definition, values: Map<string, Map<string, ParsedCells>>): ProblemOf<'RULE_VIOLATION'>[] {
  const problems: ProblemOf<'RULE_VIOLATION'>[] = [];
  const ind = (code: string) => def.indicatorByCode.get(code) as Indicator & { decimals?: number };
  const asRational = (code: string, v: bigint | undefined): Rational | undefined =>
    v === undefined ? undefined : { n: v, d: 10n ** BigInt(ind(code).decimals ?? 0) };
  const shown = (r: Rational) => formatDecimalVi(r, { decimals: 3, trimZeros: true });
  for (const [unit, byIndicator] of values)
    for (const rule of def.rules) {
      const own = byIndicator.get(rule.indicator);
      if (!own) continue;
      const { kind, bound } = ruleKind(rule);
      const refs = kind.refs(bound);
      for (const column of ['ky_nay', 'cung_ky'] as const) {
        const value = (code: string) => {
          const cells = byIndicator.get(code);
          return asRational(code, column === 'ky_nay' ? cells?.current : cells?.previous);
        };
        const left = value(rule.indicator);
        const right = left && kind.other(bound, value);
        if (left === undefined || right === undefined || !kind.broken(left, right)) continue;
        problems.push({
          code: 'RULE_VIOLATION',
          severity: 'error',
          file: own.file,
          line: own.line,
          column,
          unit,
          indicator: rule.indicator,
          params: {
            column,
            op: kind.key,
            left: shown(left),
            right: shown(right),
            leftLabel: ind(rule.indicator).label,
            rightLabel: refs.map((r) => ind(r).label).join('" + "'),
          },
        });
      }
    }
  return problems;
}

export const totalsCheck = {
  codes: ['RULE_VIOLATION', 'SUM_TOO_LARGE'] as const,
  rules: checkRules,
  sums: checkSums,
};
totalsCheck satisfies Check<'RULE_VIOLATION' | 'SUM_TOO_LARGE'>;
