// The return form for each unit: the header row and one row per input indicator,
// with unit, period, code and label filled in and the values left for the unit.
import type { Definition, Unit } from '../definition/parse.js';
import { COLUMNS } from '../ingest/headers.js';
import type { PreviousArchive } from '../validate/previous.js';

/**
 * The form's columns: the unit of measure (ĐVT) beside the label, so no figure is typed in another
 * unit; last, "Giải trình", where the unit says why a figure moved far (validate/unusual.ts).
 */
export const FORM_HEADER = [
  COLUMNS.ma_don_vi,
  COLUMNS.ky_bao_cao,
  COLUMNS.ma_chi_tieu,
  COLUMNS.ten_chi_tieu,
  COLUMNS.don_vi_tinh,
  COLUMNS.ky_nay,
  COLUMNS.cung_ky,
  COLUMNS.giai_trinh,
];

const quote = (cell: string) =>
  /[",\r\n;]/.test(cell) || cell !== cell.trim() ? `"${cell.replace(/"/g, '""')}"` : cell;

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
  const lines = [
    FORM_HEADER,
    ...def.inputIndicators.map((ind) => [
      unit.code,
      def.period.code,
      ind.code,
      inert(ind.label),
      inert(ind.unit),
      '',
      cungKy(ind.code, ind.decimals),
      '',
    ]),
  ];
  return csvBytes(lines);
}
