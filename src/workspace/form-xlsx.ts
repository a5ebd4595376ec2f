// The return form as a workbook, one per unit: a title, the header (frozen), one row
// per input indicator. Unit code, period, indicator code and label are filled in as
// text and locked; only "Kỳ này" and "Cùng kỳ" are open, each with a validation
// (numbers ≥ 0, whole unless the indicator has decimals) and a message saying what
// to write, and "Giải trình", text, for why a figure moved far from the same period. Printed on A4 landscape, one page wide. The sheet is protected without a
// password: it guards against slips, not against the unit.
import type { Definition, Indicator, Unit } from '../definition/parse.js';
import { COLUMNS } from '../ingest/headers.js';
import { FORM_HEADER as HEADER } from './forms.js';
import type { PreviousArchive } from '../validate/previous.js';
import {
  loadExcelTs,
  newWorkbook,
  titledSheet,
  TITLED_HEADER_ROW as HEADER_ROW,
  workbookBytes,
  workbookDate,
} from '../write/xlsx.js';

export const FORM_SHEET = 'Biểu mẫu';

/** What the validation and the input message say for an indicator's value cells. */
function valueRule(ind: Indicator, column: string) {
  const unit = ind.kind === 'ratio' ? '' : ` (${ind.unit})`;
  const what = ind.decimals === 0 ? 'số nguyên, không âm' : `số không âm, tối đa ${ind.decimals} chữ số thập phân`;
  return {
    type: ind.decimals === 0 ? ('whole' as const) : ('decimal' as const),
    operator: 'greaterThanOrEqual' as const,
    formulae: [0],
    allowBlank: true,
    showInputMessage: true,
    // The unit of measure in the message's title too: the first thing read when the cell is picked.
    promptTitle: `${column}${unit}`.slice(0, 32),
    // Excel shows at most 255 characters here.
    prompt: `${ind.code}${unit}: ghi ${what}; ghi 0 nếu không phát sinh. Không để trống.`.slice(0, 255),
    showErrorMessage: true,
    errorStyle: 'stop' as const,
    errorTitle: 'Số liệu không hợp lệ',
    error: `Ô này chỉ nhận ${what}.`,
  };
}

/** A display width for text: Vietnamese letters with marks take about one character each. */
const widthOf = (text: string) => [...text.normalize('NFC')].length;

export async function formWorkbookBytes(def: Definition, unit: Unit, previous?: PreviousArchive): Promise<Uint8Array> {
  const x = await loadExcelTs();
  const date = workbookDate(def);
  const wb = newWorkbook(x, date);
  wb.title = `Biểu mẫu báo cáo ${def.period.label} — ${unit.code} ${unit.name}`;
  const ws = titledSheet(wb, {
    name: FORM_SHEET,
    title: `BÁO CÁO ${def.period.label.toUpperCase()} — ${unit.code} ${unit.name}`,
    note: 'Chỉ ghi số liệu vào hai cột "Kỳ này" và "Cùng kỳ", theo đúng đơn vị tính ở cột "Đơn vị tính" (ghi 0 nếu không phát sinh); số liệu tăng, giảm nhiều so với cùng kỳ thì ghi lý do vào cột "Giải trình"; các cột khác đã điền sẵn và được khoá. Lưu lại dạng .xlsx rồi gửi.',
    header: HEADER,
    activeColumn: 'F',
    centered: true,
  });
  const text = (cell: { value: unknown; numFmt: string }, value: string) => {
    cell.numFmt = '@';
    cell.value = value;
  };

  // The form's table is ruled, header included.
  const thin = {
    top: { style: 'thin' },
    bottom: { style: 'thin' },
    left: { style: 'thin' },
    right: { style: 'thin' },
  } as const;
  HEADER.forEach((_, i) => (ws.getRow(HEADER_ROW).getCell(i + 1).border = thin));

  const archived = previous?.values.get(unit.code);
  def.inputIndicators.forEach((ind, i) => {
    const row = ws.getRow(HEADER_ROW + 1 + i);
    text(row.getCell(1), unit.code);
    text(row.getCell(2), def.period.code);
    text(row.getCell(3), ind.code);
    text(row.getCell(4), ind.label);
    row.getCell(4).alignment = { wrapText: true, vertical: 'top' };
    text(row.getCell(5), ind.unit);
    row.getCell(5).alignment = { wrapText: true, vertical: 'top', horizontal: 'center' };
    const numFmt = ind.decimals === 0 ? '#,##0' : `#,##0.${'0'.repeat(ind.decimals)}`;
    for (const [col, name] of [
      [6, COLUMNS.ky_nay],
      [7, COLUMNS.cung_ky],
    ] as const) {
      const cell = row.getCell(col);
      cell.numFmt = numFmt;
      cell.protection = { locked: false };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
      cell.dataValidation = valueRule(ind, name);
    }
    const note = row.getCell(8);
    note.numFmt = '@';
    note.protection = { locked: false };
    note.alignment = { wrapText: true, vertical: 'top' };
    note.dataValidation = {
      type: 'textLength',
      operator: 'lessThanOrEqual',
      formulae: [500],
      allowBlank: true,
      showInputMessage: true,
      promptTitle: COLUMNS.giai_trinh,
      prompt:
        'Không bắt buộc. Khi số liệu tăng, giảm nhiều so với cùng kỳ, ghi ngắn gọn lý do (ví dụ: "sáp nhập thêm 2 thôn", "đợt cao điểm tấn công tội phạm").',
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: 'Giải trình quá dài',
      error: 'Ghi giải trình tối đa 500 ký tự.',
    };
    const v = archived?.get(ind.code);
    // Last period's figure, exact: a count of 10^-decimals written as the number it is.
    if (v) row.getCell(7).value = Number(v.value) / 10 ** ind.decimals;
    for (let c = 1; c <= HEADER.length; c++) row.getCell(c).border = thin;
  });

  const labelWidth = Math.min(70, Math.max(24, ...def.inputIndicators.map((i) => widthOf(i.label) + 2)));
  const codeWidth = Math.max(12, ...def.inputIndicators.map((i) => widthOf(i.code) + 2));
  ws.columns = [
    { width: Math.max(12, widthOf(unit.code) + 2) },
    { width: Math.max(12, widthOf(def.period.code) + 2) },
    { width: codeWidth },
    { width: labelWidth },
    { width: Math.max(10, ...def.inputIndicators.map((i) => widthOf(i.unit) + 2)) },
    { width: 14 },
    { width: 14 },
    { width: 40 },
  ];
  await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
  return workbookBytes(wb, date);
}
