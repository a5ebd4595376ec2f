#!/usr/bin/env node
// Writes the workbook fixtures under fixtures/check/ (committed with their expect.json;
// rerun after changing this script). Each is built as communes' files are: a title row above the header,
// codes typed as numbers, Vietnamese headers, a hidden sheet, formula cells.
import { Workbook } from '@cj-tech-master/excelts';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const CHECK = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', 'fixtures', 'check');
const HEADER = ['Mã đơn vị', 'Kỳ báo cáo', 'Mã chỉ tiêu', 'Tên chỉ tiêu', 'Kỳ này', 'Cùng kỳ'];
const FIXED = new Date('2024-01-01T00:00:00Z');
/** ZIP dates are local wall-clock fields: local midnight writes the same bytes in every time zone. */
const ZIP_DAY = new Date(2024, 0, 1);

/** A workbook as ExcelTS saves it; `patch`, when given, rewrites its first sheet's XML (what ExcelTS cannot write). */
async function workbook(file, build, patch) {
  const wb = new Workbook();
  wb.created = FIXED;
  wb.modified = FIXED;
  build(wb);
  mkdirSync(path.dirname(file), { recursive: true });
  let bytes = Buffer.from(await wb.xlsx.writeBuffer({ zip: { modTime: ZIP_DAY, timestamps: 'dos' } }));
  if (patch) {
    const parts = unzipSync(bytes);
    parts['xl/worksheets/sheet1.xml'] = strToU8(patch(strFromU8(parts['xl/worksheets/sheet1.xml'])));
    bytes = Buffer.from(zipSync(parts, { mtime: ZIP_DAY }));
  }
  writeFileSync(file, bytes);
}

/** A commune's sheet: two title rows (one merged), the header on row 4, then the rows. */
function formSheet(wb, name, rows) {
  const ws = wb.addWorksheet(name);
  ws.addRow(['BÁO CÁO KẾT QUẢ CÔNG TÁC PHÒNG, CHỐNG TỘI PHẠM']);
  ws.mergeCells('A1:F1');
  ws.addRow(['Quý I năm 2024']);
  ws.addRow([]);
  ws.addRow(HEADER);
  for (const r of rows) ws.addRow(r);
  return ws;
}

/** Unit 01's clean rows, for the cases whose problem is in the workbook rather than its figures. */
const UNIT_ONE = [
  ['01', '2024-Q1', 'VU', 'Số vụ phạm tội', 20, 19],
  ['01', '2024-Q1', 'KP', 'Số vụ đã điều tra, khám phá', 16, 15],
  ['01', '2024-Q1', 'MH', 'Mô hình tự quản', 12, 10],
];
/** Unit 02's clean rows, which most cases send beside the one that has the problem. */
const UNIT_TWO = [
  ['02', '2024-Q1', 'VU', 'Số vụ phạm tội', 0, 5],
  ['02', '2024-Q1', 'KP', 'Số vụ đã điều tra, khám phá', 0, 5],
  ['02', '2024-Q1', 'MH', 'Mô hình tự quản', 3, 3],
];
const unitTwo = (name, sheet = 'Biểu mẫu') =>
  workbook(path.join(CHECK, name, 'returns', 'xa-02.xlsx'), (wb) => formSheet(wb, sheet, UNIT_TWO));

// ok-xlsx: a clean return with everything a spreadsheet does to one.
await workbook(path.join(CHECK, 'xlsx-ok', 'returns', 'xa-01.xlsx'), (wb) => {
  const hidden = wb.addWorksheet('Danh mục');
  hidden.addRow(['ma_don_vi', 'ky_bao_cao', 'ma_chi_tieu', 'ten_chi_tieu', 'ky_nay', 'cung_ky']);
  hidden.addRow(['01', '2024-Q1', 'VU', 'x', 999999, 999999]);
  hidden.state = 'hidden';
  const ws = formSheet(wb, 'Biểu mẫu', [
    [1, '2024-Q1', 'VU', 'Số vụ phạm tội', 20, 19],
    [1, '2024-Q1', 'KP', 'Số vụ đã điều tra, khám phá', { formula: 'E5-4', result: 16 }, 15],
    [
      1,
      '2024-Q1',
      'MH',
      'Mô hình tự quản',
      '1.200',
      { formula: '0.1*30+0.2*30-8.1+1190.1', result: 1191.0000000000002 },
    ],
  ]);
  ws.getCell('A5').numFmt = '00';
});
await unitTwo('xlsx-ok', 'Sheet1');

// formula-not-calculated: a formula another program wrote, never calculated; and a bad value, named by cell.
await workbook(path.join(CHECK, 'formula-not-calculated', 'returns', 'xa-01.xlsx'), (wb) => {
  formSheet(wb, 'Biểu mẫu', [
    ['01', '2024-Q1', 'VU', 'Số vụ phạm tội', 20, 19],
    ['01', '2024-Q1', 'KP', 'Số vụ đã điều tra, khám phá', { formula: 'E5-4' }, 15],
    ['01', '2024-Q1', 'MH', 'Mô hình tự quản', 12, 'mười'],
  ]);
});
await unitTwo('formula-not-calculated');

// xlsx-date-value: "1/5" typed into a value cell became a date (1 May 2026, the number 46143);
// a count of 25,000 beside it is a number and stays one.
await workbook(path.join(CHECK, 'xlsx-date-value', 'returns', 'xa-01.xlsx'), (wb) => {
  const ws = formSheet(wb, 'Biểu mẫu', [
    ['01', '2024-Q1', 'VU', 'Số vụ phạm tội', 25000, 24310],
    ['01', '2024-Q1', 'KP', 'Số vụ đã điều tra, khám phá', new Date(Date.UTC(2026, 4, 1)), 15],
    ['01', '2024-Q1', 'MH', 'Mô hình tự quản', 12, 10],
  ]);
  ws.getCell('E6').numFmt = 'dd/mm/yyyy';
});
await unitTwo('xlsx-date-value');

// xlsx-bad-cell: a number cell holding "12,5" (a .NET exporter running with Vietnamese culture
// writes this; parseFloat read it as 12): refused, naming the cell and what it holds.
await workbook(
  path.join(CHECK, 'xlsx-bad-cell', 'returns', 'xa-01.xlsx'),
  (wb) => formSheet(wb, 'Biểu mẫu', UNIT_ONE),
  (xml) => xml.replace(/(<c r="E6"[^>]*>)<v>16<\/v>/, '$1<v>12,5</v>'),
);
await unitTwo('xlsx-bad-cell');

// xlsx-merged-cells: the unit code merged down its rows (read as the unit sees it: every row is
// unit 01); two value cells merged into one (refused: one figure cannot count for two rows).
await workbook(path.join(CHECK, 'xlsx-merged-cells', 'returns', 'xa-01.xlsx'), (wb) => {
  const ws = formSheet(wb, 'Biểu mẫu', [
    ['01', '2024-Q1', 'VU', 'Số vụ phạm tội', 20, 19],
    [null, '2024-Q1', 'KP', 'Số vụ đã điều tra, khám phá', 16, 15],
    [null, '2024-Q1', 'MH', 'Mô hình tự quản', null, 10],
  ]);
  ws.mergeCells('A5:A7');
  ws.mergeCells('E6:E7');
});
await unitTwo('xlsx-merged-cells');

// sheets-not-read: a district's workbook with a sheet per commune: the first is read, the
// second is named in a warning (its commune is then missing), never passed over in silence.
await workbook(path.join(CHECK, 'sheets-not-read', 'returns', 'huyen.xlsx'), (wb) => {
  formSheet(wb, 'Xã Một', UNIT_ONE);
  formSheet(wb, 'Xã Hai', UNIT_TWO);
});

// hidden-rows: a data row the unit hid (Hide) is still read, and named in a warning; the
// hidden title row above the header is not.
await workbook(path.join(CHECK, 'hidden-rows', 'returns', 'xa-01.xlsx'), (wb) => {
  const ws = formSheet(wb, 'Biểu mẫu', UNIT_ONE);
  ws.getRow(2).hidden = true;
  ws.getRow(6).hidden = true;
});
await unitTwo('hidden-rows');

// hidden-sheets-only: the unit hid the only sheet with the return (a workbook whose every
// sheet is hidden opens in Excel with none shown): refused, naming the hidden sheet, not "empty".
await workbook(path.join(CHECK, 'hidden-sheets-only', 'returns', 'xa-01.xlsx'), (wb) => {
  formSheet(wb, 'Biểu mẫu', UNIT_ONE).state = 'hidden';
});
await unitTwo('hidden-sheets-only');

// hidden-columns: the unit hid the previous period's column (its figures are read all the same,
// and named); an empty column it hid beside the table is not named.
await workbook(path.join(CHECK, 'hidden-columns', 'returns', 'xa-01.xlsx'), (wb) => {
  const ws = formSheet(wb, 'Biểu mẫu', UNIT_ONE);
  ws.getColumn(6).hidden = true;
  ws.getColumn(8).hidden = true;
});
await unitTwo('hidden-columns');

// rows-without-figures: a section heading over the rows (hidden: not a hidden data row), and the
// place, date and signatures under them (the right-hand ones over the value columns): no data
// rows, named in one warning.
await workbook(path.join(CHECK, 'rows-without-figures', 'returns', 'xa-01.xlsx'), (wb) => {
  const ws = formSheet(wb, 'Biểu mẫu', [[null, null, null, 'I. TÌNH HÌNH TỘI PHẠM', null, null], ...UNIT_ONE]);
  ws.getRow(5).hidden = true;
  ws.addRow([]);
  ws.addRow([null, null, null, null, 'Hà Giang, ngày 15 tháng 3 năm 2024']);
  ws.addRow([null, 'NGƯỜI LẬP BIỂU', null, null, 'CHỦ TỊCH UBND XÃ']);
});

// merge-too-large: two whole columns merged below the table (Excel lets a unit do it): two
// million cells ExcelTS would build, so the workbook is refused, naming the area.
await workbook(
  path.join(CHECK, 'merge-too-large', 'returns', 'xa-01.xlsx'),
  (wb) => formSheet(wb, 'Biểu mẫu', UNIT_ONE),
  (xml) => xml.replace(/<mergeCells count="1">/, '<mergeCells count="2"><mergeCell ref="G10:H1048576"/>'),
);
await unitTwo('merge-too-large');

// cell-outside-table: a note right of a row, a figure far right (XFD), and a row with nothing
// but a signature beside the table: each named in a warning, none read, no row made of them.
await workbook(path.join(CHECK, 'cell-outside-table', 'returns', 'xa-01.xlsx'), (wb) => {
  const ws = formSheet(wb, 'Biểu mẫu', UNIT_ONE);
  ws.getCell('H5').value = 'đã sửa theo số liệu Công an xã';
  ws.getCell('I5').value = 'x';
  ws.getCell('XFD6').value = 17;
  ws.getCell('G9').value = 'Người lập biểu';
});
// Unit 02's return saved by Excel as CSV from a sheet with a note in column H: Excel pads every
// line, the header too, to the widest row, so the note stands under a header cell with no name.
writeFileSync(
  path.join(CHECK, 'cell-outside-table', 'returns', 'xa-02.csv'),
  [[...HEADER, '', ''], ...UNIT_TWO.map((r, i) => [...r, '', i === 0 ? 'số liệu tạm tính' : ''])]
    .map((r) => r.map((c) => (/[,"]/.test(String(c)) ? `"${c}"` : c)).join(','))
    .join('\r\n') + '\r\n',
);

// xlsx-header-cells: header problems name their own cell (an extra column, a column twice).
await workbook(path.join(CHECK, 'xlsx-header-cells', 'returns', 'xa-01.xlsx'), (wb) => {
  const ws = wb.addWorksheet('Biểu mẫu');
  ws.addRow(['ma_don_vi', 'ky_bao_cao', 'ma_chi_tieu', 'ghi_chu', 'ky_nay', 'cung_ky', 'Kỳ này']);
  ws.addRow(['01', '2024-Q1', 'VU', 'x', 20, 19, 20]);
});

// xls-not-supported: a legacy .xls (its OLE2 container; the rest does not matter to the check).
const ole2 = Buffer.alloc(512);
Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole2);
mkdirSync(path.join(CHECK, 'xls-not-supported', 'returns'), { recursive: true });
writeFileSync(path.join(CHECK, 'xls-not-supported', 'returns', 'xa-02.xls'), ole2);
// xlsx-encrypted: a password-protected .xlsx is an OLE2 container holding "EncryptedPackage".
const encrypted = Buffer.alloc(1024);
ole2.copy(encrypted);
Buffer.from('EncryptedPackage', 'utf16le').copy(encrypted, 600);
mkdirSync(path.join(CHECK, 'xlsx-encrypted', 'returns'), { recursive: true });
writeFileSync(path.join(CHECK, 'xlsx-encrypted', 'returns', 'xa-02.xlsx'), encrypted);
console.log('fixtures written under', CHECK);
