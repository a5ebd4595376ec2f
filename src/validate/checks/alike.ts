// Rows of a file that have the same problem, said once with how many rows.
import type { ReturnRow } from '../../ingest/returns.js';
import type { Problem } from '../../messages/problem.js';

/** How many different wrong values of one code a file's rows are grouped by (RowsAlike); past that, a problem per row. */
const MAX_ALIKE = 100;

/**
 * One problem for the rows of a file that have the same one (its code and the value written):
 * a form filled in on last period's form, or one that carries a unit code from before
 * communes were merged, is wrong on every row, and one line that says so with how many rows
 * is what the clerk and the unit need, not the same line eleven times. The problem stands at
 * the first such row and counts the rows (`rows`); it keeps its unit and indicator only when
 * every row has the same. Past MAX_ALIKE values in a file, each row is its own problem.
 */
export class RowsAlike {
  private readonly groups = new Map<string, Problem>();

  constructor(private readonly add: (p: Problem) => void) {}

  row(
    row: ReturnRow,
    p: Omit<Problem, 'file' | 'line' | 'severity' | 'params'> & { params: { value: string } & Record<string, unknown> },
  ): void {
    const key = `${p.code}\u0000${p.params.value}`;
    const group = this.groups.get(key);
    if (group) {
      (group.params as { rows: number }).rows++;
      if (group.unit !== p.unit) delete group.unit;
      if (group.indicator !== p.indicator) delete group.indicator;
      return;
    }
    const problem = {
      severity: 'error',
      file: row.file,
      line: row.line,
      ...p,
      params: { ...p.params, rows: 1 },
    } as Problem;
    if (this.groups.size < MAX_ALIKE) this.groups.set(key, problem);
    this.add(problem);
  }
}
