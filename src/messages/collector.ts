// Collects row-level problems, keeping the first MAX_PER_KIND of each code in each
// file and counting the rest into one MORE_PROBLEMS item: a file of a million bad
// rows gives a readable report in bounded memory, and nothing is dropped unsaid.
import type { Problem } from './problem.js';

export const MAX_PER_KIND = 100;

export class ProblemCollector {
  private readonly items: Problem[] = [];
  private readonly counts = new Map<string, { file?: string; code: Problem['code']; severity: Problem['severity']; count: number }>();

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
      if (count > MAX_PER_KIND) more.push({ code: 'MORE_PROBLEMS', severity, file, params: { code, count: count - MAX_PER_KIND, shown: MAX_PER_KIND } });
    return [...this.items, ...more];
  }
}
