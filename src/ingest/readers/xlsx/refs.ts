// Cell references ("E5", "A1:F1", "$B$2" in a formula) and the dates t="d" cells hold.

/** The last row and column a worksheet can have (Excel's 1,048,576 and XFD). */
export const LAST_ROW = 1_048_576;
export const LAST_COLUMN = 16_384;

/** 1 → "A", 27 → "AA". */
export function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** A cell reference ("E5") as column and row, or undefined when it is not one. */
export function parseRef(ref: string): { col: number; row: number } | undefined {
  let i = 0;
  let col = 0;
  for (; i < ref.length && i < 4; i++) {
    const c = ref.charCodeAt(i) | 0x20;
    if (c < 0x61 || c > 0x7a) break;
    col = col * 26 + (c - 0x60);
  }
  if (i === 0 || i === ref.length) return undefined;
  let row = 0;
  for (let j = i; j < ref.length; j++) {
    const d = ref.charCodeAt(j) - 0x30;
    if (d < 0 || d > 9) return undefined;
    row = row * 10 + d;
  }
  if (col > LAST_COLUMN || row < 1 || row > LAST_ROW) return undefined;
  return { col, row };
}

/** A merged area ("A1:F1"), its corners; undefined when the reference is not one. */
export function parseRange(ref: string): { top: number; left: number; bottom: number; right: number } | undefined {
  const [a, b = a] = ref.split(':');
  const from = parseRef((a ?? '').replace(/\$/g, ''));
  const to = parseRef((b ?? '').replace(/\$/g, ''));
  if (!from || !to) return undefined;
  return {
    top: Math.min(from.row, to.row),
    left: Math.min(from.col, to.col),
    bottom: Math.max(from.row, to.row),
    right: Math.max(from.col, to.col),
  };
}

/**
 * Shared formulas: the follower cells of a shared formula hold only its number; their formula
 * is the first cell's, with its relative references moved by the distance between the two.
 */
export function shiftFormula(formula: string, rows: number, cols: number): string {
  if (rows === 0 && cols === 0) return formula;
  // References outside quoted text and sheet names: A1, $A1, A$1 ($ holds a part still).
  return formula.replace(
    /("[^"]*"|'[^']*')|(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![\d(A-Za-z_])/g,
    (m, quoted, colAbs, letters, rowAbs, digits, offset: number, all: string) => {
      if (quoted) return m;
      const before = all[offset - 1];
      if (before !== undefined && /[A-Za-z0-9_.]/.test(before)) return m; // part of a name
      const ref = parseRef(`${letters}${digits}`);
      if (!ref) return m;
      const col = colAbs ? ref.col : ref.col + cols;
      const row = rowAbs ? ref.row : ref.row + rows;
      if (col < 1 || row < 1) return '#REF!';
      return `${colAbs}${columnLetter(col)}${rowAbs}${row}`;
    },
  );
}

/** ISO 8601 as t="d" cells hold it: a date, with a time and zone or not. */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?$/;

/** Whether an ISO date as t="d" holds it names a real day. */
export function isoDay(text: string): { year: number; month: number; day: number } | undefined {
  const m = ISO_DATE.exec(text.trim());
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return undefined;
  if (m[4] !== undefined && (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6] ?? 0) > 59)) return undefined;
  return { year, month, day };
}
