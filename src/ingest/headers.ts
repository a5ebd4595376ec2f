// Matches a header row to the return format's columns, ignoring case, diacritics
// (đ = d), spaces vs underscores and Unicode normalisation.
import { stripMarks } from '../text/marks.js';

export const COLUMNS = {
  ma_don_vi: 'Mã đơn vị',
  ky_bao_cao: 'Kỳ báo cáo',
  ma_chi_tieu: 'Mã chỉ tiêu',
  ten_chi_tieu: 'Tên chỉ tiêu',
  don_vi_tinh: 'Đơn vị tính',
  ky_nay: 'Kỳ này',
  cung_ky: 'Cùng kỳ',
  /** The unit's note beside a figure (optional): why it rose or fell so far (validate/unusual.ts). */
  giai_trinh: 'Giải trình',
} as const;

export type Column = keyof typeof COLUMNS;
export const REQUIRED_COLUMNS: readonly Column[] = ['ma_don_vi', 'ky_bao_cao', 'ma_chi_tieu', 'ky_nay', 'cung_ky'];

/** Header spellings seen so far (thousands of returns share a few); bounded against hostile files. */
const normalised = new Map<string, string>();

/** "Mã  Đơn-vị" → "ma_don_vi". */
export function normaliseHeader(header: string): string {
  let key = normalised.get(header);
  if (key === undefined) {
    key = normaliseUncached(header);
    if (normalised.size < 1000) normalised.set(header, key);
  }
  return key;
}

/** Other spellings a header takes: "ĐVT" is the usual short form of "Đơn vị tính". */
const ALIASES: Record<string, string> = { dvt: 'don_vi_tinh' };

function normaliseUncached(header: string): string {
  const key = stripMarks(header)
    .toLowerCase()
    .trim()
    .replace(/[\s_-]+/g, '_');
  return ALIASES[key] ?? key;
}

export interface HeaderMatch {
  /** Index of each known column in the row. */
  index: Map<Column, number>;
  missing: Column[];
  duplicates: { column: Column; first: number; second: number }[];
  /** 1-based positions and names of columns that are not part of the format. */
  extra: { position: number; name: string }[];
}

const KNOWN = new Set<string>(Object.keys(COLUMNS));

export function matchHeader(cells: readonly string[]): HeaderMatch {
  const index = new Map<Column, number>();
  const duplicates: HeaderMatch['duplicates'] = [];
  const extra: HeaderMatch['extra'] = [];
  cells.forEach((cell, i) => {
    const key = normaliseHeader(cell);
    if (!KNOWN.has(key)) {
      if (cell.trim() !== '') extra.push({ position: i + 1, name: cell });
      return;
    }
    const column = key as Column;
    const first = index.get(column);
    if (first === undefined) index.set(column, i);
    else duplicates.push({ column, first: first + 1, second: i + 1 });
  });
  return { index, missing: REQUIRED_COLUMNS.filter((c) => !index.has(c)), duplicates, extra };
}

/** How far down a table its header row is looked for (a form has a few title rows above it at most). */
export const HEADER_SEARCH_ROWS = 30;

/**
 * Which record is the header: the first of the first HEADER_SEARCH_ROWS that names every
 * required column, or -1. Title rows above it (a form saved as CSV keeps them) are passed over.
 */
export function findHeader(records: readonly { cells: readonly string[] }[]): number {
  for (let i = 0; i < Math.min(records.length, HEADER_SEARCH_ROWS); i++) {
    const cells = records[i]!.cells;
    // A row of fewer filled cells than the required columns (a title) names them not: not normalised.
    let filled = 0;
    for (const c of cells) if (/\S/.test(c) && ++filled >= REQUIRED_COLUMNS.length) break;
    if (filled < REQUIRED_COLUMNS.length) continue;
    if (matchHeader(cells).missing.length === 0) return i;
  }
  return -1;
}
