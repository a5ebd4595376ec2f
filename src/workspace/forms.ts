// The return form for each unit: the header row and one row per input indicator,
// with unit, period, code and label filled in and the values left for the unit.
import path from 'node:path';
import type { Definition, Unit } from '../definition/parse.js';
import { COLUMNS } from '../ingest/headers.js';
import type { PreviousArchive } from '../validate/previous.js';

/** The form's columns: the unit of measure (ĐVT) beside the label, so no figure is typed in another unit. */
export const FORM_HEADER = [COLUMNS.ma_don_vi, COLUMNS.ky_bao_cao, COLUMNS.ma_chi_tieu, COLUMNS.ten_chi_tieu, COLUMNS.don_vi_tinh, COLUMNS.ky_nay, COLUMNS.cung_ky];

const quote = (cell: string) => (/[",\r\n;]/.test(cell) || cell !== cell.trim() ? `"${cell.replace(/"/g, '""')}"` : cell);

/**
 * A label that begins like a formula (= + - @) made inert with a leading apostrophe,
 * so Excel never evaluates "=1+1" or "-Số vụ" (labels are shown, never read back).
 */
const inert = (label: string) => (/^[=+\-@\t\r]/.test(label) ? `'${label}` : label);

/** A value as the form writes it back: plain digits (no grouping), the convention's decimal mark. */
function plainValue(value: bigint, decimals: number, format: 'vi' | 'en' | undefined): string {
  if (decimals === 0) return value.toString();
  const digits = value.toString().padStart(decimals + 1, '0');
  return `${digits.slice(0, -decimals)}${format === 'en' ? '.' : ','}${digits.slice(-decimals)}`;
}

/**
 * UTF-8 with a BOM and CRLF, so Excel on Windows opens it with its diacritics intact.
 * With last period's returns (`previous`), "Cùng kỳ" comes filled in from them.
 */
export function formBytes(def: Definition, unit: Unit, previous?: PreviousArchive): Uint8Array {
  const archived = previous?.values.get(unit.code);
  const cungKy = (code: string, decimals: number) => {
    const v = archived?.get(code);
    return v ? plainValue(v.value, decimals, def.numberFormat) : '';
  };
  const lines = [FORM_HEADER, ...def.inputIndicators.map((ind) => [unit.code, def.period.code, ind.code, inert(ind.label), inert(ind.unit), '', cungKy(ind.code, ind.decimals)])];
  return new TextEncoder().encode('\uFEFF' + lines.map((l) => l.map(quote).join(',')).join('\r\n') + '\r\n');
}

/** File names are at most 255 bytes on the usual file systems; the name is cut to fit, the code never. */
const MAX_NAME_BYTES = 255;

export type FormFormat = 'xlsx' | 'csv';
export const FORM_FORMATS: readonly FormFormat[] = ['xlsx', 'csv'];

/** The unit a file's name starts with, as forms are named ("024 - Thành phố Hà Giang.xlsx", "024_dong-van.csv"). */
export function unitNamedByFile(def: Definition, file: string): Unit | undefined {
  const head = /^([^\s_.\-]+)/.exec(path.basename(file))?.[1];
  return head === undefined ? undefined : def.unitByCode.get(head);
}

/** "024 - Thành phố Hà Giang.xlsx", with characters no file system accepts replaced, cut to fit a file name. */
export function formFileName(unit: Unit, format: FormFormat = 'xlsx'): string {
  const safe = (s: string) => s.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_');
  const fixed = `${safe(unit.code)} - `;
  const ext = `.${format}`;
  let name = safe(unit.name);
  const bytes = (s: string) => Buffer.byteLength(s, 'utf8');
  if (bytes(fixed + name + ext) > MAX_NAME_BYTES) {
    const chars = [...name];
    while (chars.length > 0 && bytes(fixed + chars.join('') + '…' + ext) > MAX_NAME_BYTES) chars.pop();
    name = chars.join('').trimEnd() + '…';
  }
  return fixed + name + ext;
}
