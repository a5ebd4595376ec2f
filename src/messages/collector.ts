// Collects row-level problems, keeping the first MAX_PER_KIND of each code in each
// file and counting the rest into one MORE_PROBLEMS item: a file of a million bad
// rows gives a readable report in bounded memory, and nothing is dropped unsaid.
import { MAX_PROBLEMS_PER_FILE, MAX_PROBLEMS_PER_RUN } from '../limits.js';
import type { Problem } from './problem.js';

export const MAX_PER_KIND = 100;

export class ProblemCollector {
  private readonly items: Problem[] = [];
  private readonly counts = new Map<
    string,
    { file?: string; code: Problem['code']; severity: Problem['severity']; count: number }
  >();

  add(p: Problem): void {
    if (p.line === undefined) {
      this.items.push(p);
      return;
    }
    const key = `${p.file}\u0000${p.code}`;
    const seen = this.counts.get(key);
    if (!seen) this.counts.set(key, { file: p.file, code: p.code, severity: p.severity, count: 1 });
    else seen.count++;
    if ((seen?.count ?? 1) <= MAX_PER_KIND) this.items.push(p);
  }

  list(): Problem[] {
    const more: Problem[] = [];
    for (const { file, code, severity, count } of this.counts.values())
      if (count > MAX_PER_KIND)
        more.push({
          code: 'MORE_PROBLEMS',
          severity,
          file,
          params: { code, count: count - MAX_PER_KIND, shown: MAX_PER_KIND },
        });
    return [...this.items, ...more];
  }
}

/**
 * The problems a run lists, in their order: at most `perFile` of each file and
 * `perRun` in all; the rest are counted, per file and code, into MORE_PROBLEMS items
 * at the end. A folder of 100,000 broken files still gives a report a person can read.
 */
export function capProblems(
  problems: readonly Problem[],
  perFile = MAX_PROBLEMS_PER_FILE,
  perRun = MAX_PROBLEMS_PER_RUN,
): Problem[] {
  if (problems.length <= Math.min(perFile, perRun)) return [...problems];
  const shown: Problem[] = [];
  const perFileShown = new Map<string | undefined, number>();
  // Past a file's cap, the rest of that file is counted by file and code; past the
  // run's cap, everything left is counted by code alone (one line, not one per file).
  const hidden = new Map<
    string,
    { file?: string; code: Problem['code']; severity: Problem['severity']; count: number; run: boolean }
  >();
  let total = 0;
  for (const p of problems) {
    const inFile = perFileShown.get(p.file) ?? 0;
    if (p.code === 'MORE_PROBLEMS' || (total < perRun && inFile < perFile)) {
      shown.push(p);
      if (p.code !== 'MORE_PROBLEMS') {
        total++;
        perFileShown.set(p.file, inFile + 1);
      }
      continue;
    }
    const run = total >= perRun;
    const key = run ? `\u0000${p.code}\u0000${p.severity}` : `${p.file}\u0000${p.code}\u0000${p.severity}`;
    const h = hidden.get(key);
    if (h) h.count++;
    else hidden.set(key, { file: run ? undefined : p.file, code: p.code, severity: p.severity, count: 1, run });
  }
  for (const { file, code, severity, count, run } of hidden.values())
    shown.push({
      code: 'MORE_PROBLEMS',
      severity,
      file,
      params: run ? { code, count, shown: perRun, scope: 'run' } : { code, count, shown: perFile },
    });
  return shown;
}
