// A problem found in the data or the set-up: a stable code, where it is, and the
// facts its message needs. Messages are rendered from the catalog at output time.
import type { ProblemCode } from './catalog.js';

export type Severity = 'error' | 'warning';

export interface Problem {
  code: ProblemCode;
  severity: Severity;
  file?: string;
  line?: number;
  column?: string;
  /** A workbook: the sheet, and the cell when the problem is one cell's ("E5"). */
  sheet?: string;
  cell?: string;
  unit?: string;
  indicator?: string;
  /** Facts the message is built from (values, expected names, counts). */
  params?: Record<string, string | number>;
}

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

  static of(code: ProblemCode, where: Omit<Problem, 'code' | 'severity'> = {}): FatalError {
    return new FatalError([{ code, severity: 'error', ...where }]);
  }
}
