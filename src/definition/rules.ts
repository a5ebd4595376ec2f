// Checks between the indicators of one unit ("rules:" in baocao.yaml), one entry per
// kind: the key it is written with, the schema of its value, the indicators it
// reads, and how it checks a unit's column. Adding a kind is one entry here and its
// wording in the catalog (RULE_VIOLATION, by `op`).
import * as z from 'zod';
import { compare, fromDecimal, type Rational } from '../numbers/rational.js';

const CODE = /^[A-Za-z0-9_.-]+$/;
const code = z.string().trim().min(1).regex(CODE, { message: 'CODE_FORMAT' });

/** An indicator's value in one column of one unit, or undefined when it did not parse. */
export type ValueOf = (indicator: string) => Rational | undefined;

export interface RuleKind {
  key: 'atMost' | 'atLeast' | 'equalsSum';
  schema: z.ZodType;
  /** The indicators the rule compares with (besides its own). */
  refs(bound: unknown): string[];
  /** The other side for a unit's column; undefined when a value it needs did not parse. */
  other(bound: unknown, value: ValueOf): Rational | undefined;
  broken(own: Rational, other: Rational): boolean;
}

const sumOf = (codes: readonly string[], value: ValueOf): Rational | undefined => {
  let n = 0n;
  let d = 1n;
  for (const c of codes) {
    const v = value(c);
    if (v === undefined) return undefined;
    // Every indicator's values share one power of ten as denominator: exact sums.
    n = n * v.d + v.n * d;
    d *= v.d;
  }
  return { n, d };
};

/** An indicator code, or a constant (a percentage typed by units is `atMost: 100`). */
const bound = (description: string) => z.union([code, z.number().finite()]).describe(description);
const boundValue = (b: unknown, value: ValueOf) => (typeof b === 'number' ? fromDecimal(b) : value(b as string));
const boundRefs = (b: unknown) => (typeof b === 'string' ? [b] : []);

export const RULE_KINDS: readonly RuleKind[] = [
  {
    key: 'atMost',
    schema: bound('Mã chỉ tiêu (hoặc một số) mà chỉ tiêu này không được vượt quá'),
    refs: boundRefs,
    other: boundValue,
    broken: (own, other) => compare(own, other) > 0,
  },
  {
    key: 'atLeast',
    schema: bound('Mã chỉ tiêu (hoặc một số) mà chỉ tiêu này không được thấp hơn'),
    refs: boundRefs,
    other: boundValue,
    broken: (own, other) => compare(own, other) < 0,
  },
  {
    key: 'equalsSum',
    schema: z.array(code).min(1).describe('Chỉ tiêu này phải bằng tổng các chỉ tiêu liệt kê'),
    refs: (b) => b as string[],
    other: (b, value) => sumOf(b as string[], value),
    broken: (own, other) => compare(own, other) !== 0,
  },
];

export interface RuleData {
  indicator: string;
  atMost?: string | number;
  atLeast?: string | number;
  equalsSum?: string[];
}

/** The kind of a checked rule (the schema lets exactly one key through) and its value. */
export function ruleKind(rule: RuleData): { kind: RuleKind; bound: unknown } {
  const kind = RULE_KINDS.find((k) => rule[k.key] !== undefined)!;
  return { kind, bound: rule[kind.key] };
}

export const ruleSchema = z
  .object({ indicator: code, ...Object.fromEntries(RULE_KINDS.map((k) => [k.key, k.schema.optional()])) })
  .strict()
  .refine((r: Record<string, unknown>) => RULE_KINDS.filter((k) => r[k.key] !== undefined).length === 1, {
    message: 'ONE_RULE',
  });
