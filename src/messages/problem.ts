// A problem found in the data or the set-up: a stable code, where it is, and the
// facts its message needs. Messages are rendered from the catalog at output time.
import type { ParamsOf, ProblemCode } from './catalog.js';

export type Severity = 'error' | 'warning';

/** Where a problem is, and how grave. */
interface Placed {
  severity: Severity;
  file?: string;
  line?: number;
  column?: string;
  /** A workbook: the sheet, and the cell when the problem is one cell's ("E5"). */
  sheet?: string;
  cell?: string;
  unit?: string;
  indicator?: string;
}

/**
 * A problem of the code `C`, with the facts its message is built from (values, expected
 * names, counts) typed by that message: required when the message needs them.
 */
export type ProblemFor<C extends ProblemCode> = Placed & { code: C } & (Record<never, never> extends ParamsOf<C>
    ? { params?: ParamsOf<C> }
    : { params: ParamsOf<C> });

/** A problem's facts, read whatever its code (the feedback, the views). */
export const factsOf = (p: Problem): Readonly<Record<string, string | number | undefined>> =>
  (p.params ?? {}) as Record<string, string | number | undefined>;

/** A problem of one of the codes `C` (each with its own params): the union, so that the code decides what its params must be. */
export type ProblemOf<C extends ProblemCode> = { [K in C]: ProblemFor<K> }[C];

/** A problem of one of the codes `C` (any, by default) without the fields `K` (which the caller adds). */
export type ProblemWithout<K extends string, C extends ProblemCode = ProblemCode> = {
  [D in C]: Omit<ProblemFor<D>, K>;
}[C];

/** A problem of any code. */
export type Problem = ProblemOf<ProblemCode>;

export interface ProblemList {
  errors: Problem[];
  warnings: Problem[];
}

export function splitBySeverity(problems: readonly Problem[]): ProblemList {
  return {
    errors: problems.filter((p) => p.severity === 'error'),
    warnings: problems.filter((p) => p.severity === 'warning'),
  };
}

/**
 * A failure that stops a command before it can do its job (exit 2): a usage
 * mistake, a missing or invalid definition, an unreadable template or output path.
 */
export class FatalError extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map((p) => p.code).join(', '));
    this.name = 'FatalError';
  }

  /** A failure of one code; its params as that code's message needs them. */
  static of<C extends ProblemCode>(
    code: C,
    ...where: Record<never, never> extends ParamsOf<C>
      ? [where?: Omit<ProblemFor<C>, 'code' | 'severity'>]
      : [where: Omit<ProblemFor<C>, 'code' | 'severity'>]
  ): FatalError {
    return new FatalError([{ code, severity: 'error', ...where[0] } as Problem]);
  }
}
