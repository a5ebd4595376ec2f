// The JSON that `check`, `aggregate` and `build` print with --json, as zod schemas: the
// build writes them to schema/*.schema.json (JSON Schema draft 2020-12) for the tools
// that read baocao's output, and test/json-schema.test.ts validates real outputs
// against those files. schemaVersion changes only when a field is removed, renamed or
// changes meaning; new fields may appear without it changing.
import { z } from 'zod';

const problem = z
  .object({
    code: z.string().describe('Stable problem code, e.g. NOT_A_NUMBER (README, "Danh mục lỗi")'),
    severity: z.enum(['error', 'warning']),
    message: z.string().describe('What is wrong and what to do, in the language chosen with --lang'),
    file: z.string().nullable().describe('The file (or folder) the problem is in, as given; null when it is in none'),
    line: z
      .number()
      .int()
      .min(1)
      .nullable()
      .describe('1-based line; the header row is line 1. In a workbook, the row number of the sheet'),
    column: z.string().optional(),
    sheet: z.string().optional().describe('A workbook: the sheet the return was read from'),
    cell: z.string().optional().describe('A workbook: the cell, e.g. E5 (shown as "Biểu mẫu!E5")'),
    unit: z.string().optional(),
    indicator: z.string().optional(),
  })
  .strict();

const envelope = {
  schemaVersion: z.literal(1),
  ok: z.boolean().describe('true when the command did its job (exit code 0)'),
  counts: z
    .object({
      errors: z.number().int().min(0).describe('Errors found, including those only counted in MORE_PROBLEMS items'),
      warnings: z.number().int().min(0),
    })
    .strict(),
  errors: z.array(problem),
  warnings: z.array(problem),
};

const number = z.number().nullable();
const display = z
  .object({
    current: z.string(),
    previous: z.string(),
    change: z.string(),
    changePct: z.string(),
    plan: z.string().optional(),
    planPct: z.string().optional(),
  })
  .strict()
  .describe('The figures as printed: Vietnamese digits, rounded half-up on the exact value');
const figure = {
  current: number,
  previous: number,
  change: number,
  changePct: number,
  plan: z.number().optional().describe("The period's plan, when the indicator has one"),
  planPct: number.optional().describe('current ÷ plan × 100, exact; null when the plan is 0'),
  display,
};

const indicator = z
  .object({
    label: z.string(),
    unit: z.string(),
    kind: z.enum(['count', 'stock', 'ratio']),
    ...figure,
    target: z
      .object({
        measure: z.enum(['current', 'changePct', 'change']),
        atLeast: z.number().optional(),
        atMost: z.number().optional(),
        above: z.number().optional(),
        below: z.number().optional(),
      })
      .strict()
      .nullable(),
    status: z.enum(['met', 'exceeded', 'missed', 'unknown']).nullable(),
  })
  .strict();

const failure = z.object({ ...envelope, ok: z.literal(false) }).strict();

const explained = problem
  .omit({ severity: true })
  .extend({ explanation: z.string().describe('The unit\'s own words in its "Giải trình" column, whole') })
  .strict()
  .describe('An unusual figure (UNUSUAL_VALUE) the unit explained: neither an error nor a warning');

const timeliness = z
  .object({
    deadline: z.string().describe('period.deadline, YYYY-MM-DD'),
    onTime: z.array(z.string()).describe('Units whose first receipt is on or before the deadline'),
    late: z.array(
      z
        .object({
          unit: z.string(),
          received: z.string().describe('The first receipt, ISO 8601 with its offset'),
          daysLate: z.number().int().min(1),
        })
        .strict(),
    ),
    unknown: z.array(z.string()).describe('Units with a return and no receipt in the register'),
    notReceived: z.array(z.string()),
  })
  .strict()
  .describe('With period.deadline: who sent on time, by the intake register (baocao receive)');

export const checkOutput = z
  .object({
    ...envelope,
    explained: z
      .array(explained)
      .optional()
      .describe('Unusual figures the units explained, by file and line; absent when the command could not run'),
    timeliness: timeliness.optional(),
    feedback: z
      .array(z.string())
      .optional()
      .describe('With --feedback: the feedback files written, one per unit with problems'),
  })
  .strict();

export const aggregateOutput = z.union([
  z
    .object({
      ...envelope,
      ok: z.literal(true),
      period: z
        .object({
          code: z.string(),
          label: z.string(),
          previousLabel: z.string(),
          start: z.string(),
          end: z.string(),
          deadline: z.string().optional().describe('The deadline for returns (period.deadline), YYYY-MM-DD'),
          previous: z.object({ code: z.string(), returns: z.string(), revised: z.boolean() }).strict().optional(),
        })
        .strict(),
      units: z
        .object({
          expected: z.array(z.string()),
          received: z.array(z.string()),
          missing: z.array(z.string()),
          names: z.record(z.string(), z.string()),
        })
        .strict(),
      groups: z
        .array(z.object({ code: z.string(), name: z.string(), units: z.array(z.string()) }).strict())
        .describe('Groups of units, in order; empty without groups'),
      indicators: z.record(z.string(), indicator),
      byGroup: z
        .record(z.string(), z.record(z.string(), z.object(figure).strict()))
        .describe("Each group's figures, from the sums of its units that reported"),
      byUnit: z.record(z.string(), z.record(z.string(), z.object(figure).strict())),
      timeliness: timeliness.optional(),
      workbook: z.string().optional().describe('With --xlsx: the figures workbook written'),
      return: z.string().optional().describe('With --as-return: the return for the level above written'),
    })
    .strict(),
  failure,
]);

export const buildOutput = z.union([
  z
    .object({
      ...envelope,
      ok: z.literal(true),
      output: z.string().describe('The report written, as a path'),
      pdf: z.string().optional().describe('The PDF written beside it (build --pdf)'),
      workbook: z.string().optional().describe('With --xlsx: the figures workbook written'),
    })
    .strict(),
  // --pdf failed: the DOCX was written all the same.
  z.object({ ...envelope, ok: z.literal(false), output: z.string() }).strict(),
  failure,
]);

export const receiveOutput = z
  .object({
    ...envelope,
    filed: z
      .array(
        z
          .object({
            source: z.string().describe('The file as named on the command line'),
            unit: z.string(),
            file: z.string().describe("Where it was filed, under the form's name"),
            replaced: z
              .array(z.object({ file: z.string(), keptAs: z.string() }).strict())
              .optional()
              .describe('The returns it replaced, and where each is kept'),
            same: z.literal(true).optional().describe('The same bytes as the return in place: recorded only'),
          })
          .strict(),
      )
      .optional()
      .describe('The returns filed and recorded in the register; absent when the command could not run'),
  })
  .strict();

export function outputJsonSchemas(): Record<'check' | 'aggregate' | 'build' | 'receive', Record<string, unknown>> {
  const schema = (s: z.ZodType, title: string) => ({ ...z.toJSONSchema(s, { target: 'draft-2020-12' }), title });
  return {
    check: schema(checkOutput, 'baocao check --json'),
    aggregate: schema(aggregateOutput, 'baocao aggregate --json'),
    build: schema(buildOutput, 'baocao build --json'),
    receive: schema(receiveOutput, 'baocao receive --json'),
  };
}
