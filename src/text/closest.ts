// "Did you mean": the name nearest a misspelt one, for a template's unknown name and a
// definition's unknown key alike.

/** Edit distance, ignoring case, as a misspelt code usually differs in a letter or two. */
export function distance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++)
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[y.length]!;
}

/** The closest candidate at most `edits` away (the first of equals), or none. */
export function closest(
  name: string,
  candidates: readonly string[],
  edits: number,
): { name: string; edits: number } | undefined {
  let best: { name: string; edits: number } | undefined;
  for (const c of candidates) {
    const d = distance(name, c);
    if (d <= edits && (best === undefined || d < best.edits)) best = { name: c, edits: d };
  }
  return best;
}

/**
 * The candidates nearest a misspelt command or option (`--jsno` → `--json`), as commander
 * suggests them: fewer than 3 edits, most of the word kept, one-letter names never; all
 * of the best distance, in order.
 */
export function nearest(word: string, candidates: readonly string[]): string[] {
  const dashes = word.startsWith('--') ? 2 : 0;
  const bare = word.slice(dashes);
  let best = 3;
  let found: string[] = [];
  for (const candidate of new Set(candidates)) {
    const name = candidate.slice(dashes);
    if (name.length <= 1) continue;
    const d = distance(bare, name);
    if ((Math.max(bare.length, name.length) - d) / Math.max(bare.length, name.length) <= 0.4) continue;
    if (d < best) [best, found] = [d, [candidate]];
    else if (d === best) found.push(candidate);
  }
  return found.sort((a, b) => a.localeCompare(b));
}
