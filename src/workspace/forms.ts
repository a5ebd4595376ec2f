// The return form for each unit: the header row and one row per input indicator,
// with unit, period, code and label filled in and the values left for the unit.
import path from 'node:path';
import type { Definition, Unit } from '../definition/parse.js';
import { COLUMNS } from '../ingest/headers.js';
import type { PreviousArchive } from '../validate/previous.js';

/**
 * The form's columns: the unit of measure (ĐVT) beside the label, so no figure is typed in another
 * unit; last, "Giải trình", where the unit says why a figure moved far (validate/unusual.ts).
 */
export const FORM_HEADER = [COLUMNS.ma_don_vi, COLUMNS.ky_bao_cao, COLUMNS.ma_chi_tieu, COLUMNS.ten_chi_tieu, COLUMNS.don_vi_tinh, COLUMNS.ky_nay, COLUMNS.cung_ky, COLUMNS.giai_trinh];

const quote = (cell: string) => (/[",\r\n;]/.test(cell) || cell !== cell.trim() ? `"${cell.replace(/"/g, '""')}"` : cell);

/**
 * A label that begins like a formula (= + - @) made inert with a leading apostrophe,
 * so Excel never evaluates "=1+1" or "-Số vụ" (labels are shown, never read back).
 */
const inert = (label: string) => (/^[=+\-@\t\r]/.test(label) ? `'${label}` : label);

/** A scaled value (1234,5 with one decimal: 12345n) as a form or return writes it: plain digits (no grouping), the convention's decimal mark. */
export function plainValue(value: bigint, decimals: number, format: 'vi' | 'en' | undefined): string {
  if (decimals === 0) return value.toString();
  const sign = value < 0n ? '-' : '';
  const digits = (value < 0n ? -value : value).toString().padStart(decimals + 1, '0');
  return `${sign}${digits.slice(0, -decimals)}${format === 'en' ? '.' : ','}${digits.slice(-decimals)}`;
}

/** Rows as the CSV a form or return is: UTF-8 with a BOM and CRLF, so Excel on Windows opens it with its diacritics intact. */
export const csvBytes = (lines: readonly (readonly string[])[]): Uint8Array =>
  new TextEncoder().encode('\uFEFF' + lines.map((l) => l.map(quote).join(',')).join('\r\n') + '\r\n');

/** The form as CSV (csvBytes); with last period's returns (`previous`), "Cùng kỳ" comes filled in from them. */
export function formBytes(def: Definition, unit: Unit, previous?: PreviousArchive): Uint8Array {
  const archived = previous?.values.get(unit.code);
  const cungKy = (code: string, decimals: number) => {
    const v = archived?.get(code);
    return v ? plainValue(v.value, decimals, def.numberFormat) : '';
  };
  const lines = [FORM_HEADER, ...def.inputIndicators.map((ind) => [unit.code, def.period.code, ind.code, inert(ind.label), inert(ind.unit), '', cungKy(ind.code, ind.decimals), ''])];
  return csvBytes(lines);
}

/** File names are at most 255 bytes on the usual file systems; the name is cut to fit, the code never. */
const MAX_NAME_BYTES = 255;

export type FormFormat = 'xlsx' | 'csv';
export const FORM_FORMATS: readonly FormFormat[] = ['xlsx', 'csv'];

/** What may follow a unit's code at the start of a file's name: a separator, or the name's end. */
const SEPARATOR = /[\s_.\-]/;

/**
 * The unit a file's name starts with, as forms are named ("024 - Thành phố Hà Giang.xlsx",
 * "024_dong-van.csv", "X-1 - Phường Một.csv"): the longest roster code followed by a separator.
 */
export function unitNamedByFile(def: Definition, file: string): Unit | undefined {
  const base = path.basename(file).normalize('NFC');
  for (let end = base.length; end > 0; end--)
    if (end === base.length || SEPARATOR.test(base[end]!)) {
      const unit = def.unitByCode.get(base.slice(0, end));
      if (unit) return unit;
    }
  return undefined;
}

/** Characters no file system accepts in a name (and U+FFFD, which stands for a lost one), replaced. */
export const safeFileText = (s: string) => s.normalize('NFC').replace(/[\\/:*?"<>|\u0000-\u001f\ufffd]/g, '_');

/**
 * `fixed + name + ext`, NFC, with `name` cut (and "…" added) so that the whole fits a file
 * name's 255 bytes; `fixed` and `ext` are never cut.
 */
export function fitFileName(fixed: string, name: string, ext: string): string {
  const bytes = (s: string) => Buffer.byteLength(s, 'utf8');
  let body = name.normalize('NFC');
  if (bytes(fixed + body + ext) > MAX_NAME_BYTES) {
    const chars = [...body];
    while (chars.length > 0 && bytes(fixed + chars.join('') + '…' + ext) > MAX_NAME_BYTES) chars.pop();
    body = chars.join('').trimEnd() + '…';
  }
  return fixed + body + ext;
}

/**
 * "024 - Thành phố Hà Giang.xlsx", with characters no file system accepts replaced, cut to fit a
 * file name after `prefix` (the feedback's "Phản hồi - ").
 */
export function formFileName(unit: Unit, format: FormFormat = 'xlsx', prefix = ''): string {
  return fitFileName(`${prefix}${safeFileText(unit.code)} - `, safeFileText(unit.name), `.${format}`);
}
