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
