// The merged areas of a sheet, bounded: a hostile file cannot make the reader cover millions of cells.
import { MAX_MERGED_CELLS, MAX_MERGES, MAX_SHEET_COLUMNS } from '../../../limits.js';
import { columnLetter, parseRange } from './refs.js';
import { SheetOverLimit } from './refused.js';

/**
 * The merged areas a return can hold, each cut back to column MAX_SHEET_COLUMNS (dropped
 * when wholly past it). Refused: an area of more than MAX_MERGED_CELLS cells, more than
 * MAX_MERGES areas or MAX_MERGED_CELLS cells in all, an area that is no reference, and two
 * areas over one cell (Excel repairs such a file).
 */
export function admitMerges(refs: readonly string[]): { top: number; left: number; bottom: number; right: number }[] {
  const out: { top: number; left: number; bottom: number; right: number }[] = [];
  let covered = 0;
  const taken = new Set<number>();
  let merges = 0;
  for (const ref of refs) {
    merges++;
    const range = parseRange(ref);
    if (!range) throw new SheetOverLimit({ code: 'CORRUPT' });
    const count = (range.bottom - range.top + 1) * (range.right - range.left + 1);
    covered += count;
    const name = `${columnLetter(range.left)}${range.top}:${columnLetter(range.right)}${range.bottom}`;
    if (count > MAX_MERGED_CELLS)
      throw new SheetOverLimit({
        code: 'MERGE_TOO_LARGE',
        kind: 'RANGE',
        range: name,
        cells: count,
        limit: MAX_MERGED_CELLS,
      });
    if (merges > MAX_MERGES) throw new SheetOverLimit({ code: 'MERGE_TOO_LARGE', kind: 'COUNT', limit: MAX_MERGES });
    if (covered > MAX_MERGED_CELLS)
      throw new SheetOverLimit({ code: 'MERGE_TOO_LARGE', kind: 'CELLS', limit: MAX_MERGED_CELLS });
    if (range.left > MAX_SHEET_COLUMNS) continue;
    const kept = { ...range, right: Math.min(range.right, MAX_SHEET_COLUMNS) };
    for (let r = kept.top; r <= kept.bottom; r++)
      for (let c = kept.left; c <= kept.right; c++) {
        const key = r * (MAX_SHEET_COLUMNS + 1) + c;
        if (taken.has(key)) throw new SheetOverLimit({ code: 'CORRUPT' });
        taken.add(key);
      }
    out.push(kept);
  }
  return out;
}
