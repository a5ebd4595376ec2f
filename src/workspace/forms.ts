// The return form for each unit: the header row and one row per input indicator,
// with unit, period, code and label filled in and the values left for the unit.
import type { Definition, Unit } from '../definition/parse.js';
import { COLUMNS } from '../ingest/headers.js';

const HEADER = [COLUMNS.ma_don_vi, COLUMNS.ky_bao_cao, COLUMNS.ma_chi_tieu, COLUMNS.ten_chi_tieu, COLUMNS.ky_nay, COLUMNS.cung_ky];

const quote = (cell: string) => (/[",\r\n;]/.test(cell) || cell !== cell.trim() ? `"${cell.replace(/"/g, '""')}"` : cell);

/** UTF-8 with a BOM and CRLF, so Excel on Windows opens it with its diacritics intact. */
export function formBytes(def: Definition, unit: Unit): Uint8Array {
  const lines = [HEADER, ...def.inputIndicators.map((ind) => [unit.code, def.period.code, ind.code, ind.label, '', ''])];
  return new TextEncoder().encode('\uFEFF' + lines.map((l) => l.map(quote).join(',')).join('\r\n') + '\r\n');
}

/** "024 - Thành phố Hà Giang.csv", with characters no file system accepts replaced. */
export function formFileName(unit: Unit): string {
  return `${unit.code} - ${unit.name}.csv`.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_');
}
