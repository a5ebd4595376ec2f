// The messages of reading files: what a return's bytes, text and workbook can be refused for.
import { MAX_SHEETS } from '../../limits.js';
import type { Lang } from '../lang.js';
import { grouped, KIND, type Messages, says, type Value, type Render } from '../words.js';

/** Why a workbook cannot be read, and what to do (CORRUPT also for any other reason). */
const WORKBOOK_UNREADABLE: Record<Lang, Record<string, string>> = {
  vi: {
    WORD: 'Tệp là văn bản Word, không phải bảng tính báo cáo. Gửi lại biểu mẫu báo cáo dạng .xlsx hoặc .csv.',
    NOT_A_WORKBOOK:
      'Tệp mang tên bảng tính Excel nhưng nội dung không phải bảng tính (có thể bị đổi tên hoặc tải về chưa xong). Mở bằng Excel, "Lưu thành" (Save As) kiểu "Excel Workbook (.xlsx)" rồi gửi lại.',
    NO_SHEETS:
      'Không đọc được trang tính nào trong bảng tính (tệp do một chương trình khác Excel tạo, theo cách chưa đọc được). Mở bằng Excel hoặc LibreOffice, "Lưu thành" (Save As) kiểu "Excel Workbook (.xlsx)" rồi gửi lại.',
    TOO_MANY_SHEETS: `Bảng tính có hơn ${grouped(MAX_SHEETS, 'vi')} trang tính, quá nhiều cho một tệp báo cáo. Mở bằng Excel, chỉ giữ (các) trang biểu mẫu, lưu lại rồi gửi lại.`,
    FORMATS:
      'Không đọc được định dạng ô của bảng tính (phần định dạng bị hỏng hoặc thiếu), nên không biết số trong ô là số đếm, ngày tháng hay phần trăm. Mở bằng Excel (chọn sửa nếu được hỏi), xem lại các số liệu, "Lưu thành" (Save As) kiểu "Excel Workbook (.xlsx)" rồi gửi lại.',
    CORRUPT:
      'Bảng tính bị hỏng, không đọc được. Mở bằng Excel (chọn sửa nếu được hỏi), "Lưu thành" (Save As) kiểu "Excel Workbook (.xlsx)" rồi gửi lại; nếu vẫn lỗi, xin đơn vị gửi lại tệp.',
    DAMAGED:
      'Tệp bị hỏng trên đường gửi (dữ liệu trong tệp không khớp mã kiểm tra của chính nó, như khi tải về chưa xong hoặc bị lỗi khi chép), nên không đọc được. Xin đơn vị gửi lại tệp gốc.',
  },
  en: {
    WORD: 'The file is a Word document, not a return workbook. Send the return form as .xlsx or .csv.',
    NOT_A_WORKBOOK:
      'The file is named as an Excel workbook but is not one (renamed, or not fully downloaded). Open it in Excel, use "Save As" with type "Excel Workbook (.xlsx)" and send it again.',
    NO_SHEETS:
      'No sheet of the workbook could be read (it was made by a program other than Excel, in a way not read yet). Open it in Excel or LibreOffice, use "Save As" with type "Excel Workbook (.xlsx)" and send it again.',
    TOO_MANY_SHEETS: `The workbook has more than ${grouped(MAX_SHEETS, 'en')} sheets, too many for one return. Open it in Excel, keep only the form's sheet(s), save and send it again.`,
    FORMATS:
      'The workbook\'s cell formats cannot be read (damaged or missing), so whether a number is a count, a date or a percentage cannot be known. Open it in Excel (let it repair if asked), check the figures, use "Save As" with type "Excel Workbook (.xlsx)" and send it again.',
    CORRUPT:
      'The workbook is damaged and cannot be read. Open it in Excel (let it repair if asked), use "Save As" with type "Excel Workbook (.xlsx)" and send it again; if that fails, ask the unit to send the file again.',
    DAMAGED:
      'The file was damaged on the way (its data no longer matches its own checksum, as when a download did not finish or a copy failed), so it cannot be read. Ask the unit to send the original file again.',
  },
};

/** What is wrong with a cell's markup (XLSX_BAD_CELL), by kind. */
const BAD_CELL: Record<Lang, Record<string, Render>> = {
  vi: {
    NUMBER: (p) =>
      `Ô ${p.cell} là ô số nhưng trong tệp ghi "${p.holds}", không phải một số theo chuẩn .xlsx (dấu chấm thập phân, không dấu cách, không chữ)`,
    SHARED_INDEX: (p) => `Ô ${p.cell} trỏ tới chuỗi chữ số "${p.holds}" không có trong bảng chuỗi của tệp`,
    INLINE_WITH_VALUE: (p) => `Ô ${p.cell} vừa ghi chữ vừa ghi giá trị "${p.holds}"`,
    OTHER_ROW: (p) => `Ô ${p.cell} nằm trong dòng ${p.row} của tệp nhưng mang địa chỉ của dòng khác`,
    TWICE: (p) => `Ô ${p.cell} được ghi hai lần trong tệp`,
    ROW_TWICE: (p) => `Dòng ${p.cell} được ghi hai lần trong tệp`,
    REFERENCE: (p) => `Địa chỉ ô "${p.holds}" không phải một ô của trang tính`,
    BOOLEAN: (p) => `Ô ${p.cell} là ô đúng/sai nhưng ghi "${p.holds}"`,
    TYPE: (p) => `Ô ${p.cell} có kiểu "${p.holds}" không có trong chuẩn .xlsx`,
  },
  en: {
    NUMBER: (p) =>
      `The cell ${p.cell} is a number cell, but the file holds "${p.holds}", which is no number as .xlsx writes them (a decimal point, no spaces, no letters)`,
    SHARED_INDEX: (p) =>
      `The cell ${p.cell} points to the string "${p.holds}", which the file's string table does not have`,
    INLINE_WITH_VALUE: (p) => `The cell ${p.cell} holds both text and the value "${p.holds}"`,
    OTHER_ROW: (p) => `The cell ${p.cell} stands in row ${p.row} of the file but carries another row's address`,
    TWICE: (p) => `The cell ${p.cell} is written twice in the file`,
    ROW_TWICE: (p) => `Row ${p.cell} is written twice in the file`,
    REFERENCE: (p) => `The cell address "${p.holds}" is no cell of a sheet`,
    BOOLEAN: (p) => `The cell ${p.cell} is a true/false cell but holds "${p.holds}"`,
    TYPE: (p) => `The cell ${p.cell} has the type "${p.holds}", which .xlsx does not have`,
  },
};

export const FILE_MESSAGES = {
  EMPTY_FILE: says({
    vi: () => 'Tệp không có dữ liệu. Hãy điền biểu mẫu (dòng tiêu đề và mỗi chỉ tiêu một dòng) rồi gửi lại.',
    en: () => 'The file has no data. Fill in the form (a header row and one row per indicator) and send it again.',
  }),
  FILE_NAMED_TWICE: says<{ first: Value }>({
    vi: (p) =>
      `Tệp này đã được đọc ở ${p.first}: cùng một tệp được chỉ ra nhiều lần trong lệnh. Chỉ đọc một lần; số liệu không bị cộng hai lần.`,
    en: (p) =>
      `This file was already read as ${p.first}: the same file is named more than once in the command. It is read once; no figure is counted twice.`,
  }),
  HIDDEN_SHEETS_ONLY: says<{ count: Value; sheets: Value; visible?: Value }>({
    vi: (p) =>
      `Số liệu không được đọc: ${Number(p.count) > 1 ? `các trang tính có dữ liệu (${p.sheets}) đều` : `trang tính có dữ liệu (${p.sheets})`} đang bị ẩn${p.visible ? ', các trang hiện ra không có gì' : ''}. Mở tệp, chuột phải vào tên trang tính, chọn "Bỏ ẩn" (Unhide), lưu rồi gửi lại.`,
    en: (p) =>
      `No figures were read: the sheet(s) holding data (${p.sheets}) are hidden${p.visible ? ' and the visible ones are empty' : ''}. Open the file, right-click a sheet tab, choose Unhide, save and send it again.`,
  }),
  NOT_TEXT: says<{ kind: Value }>({
    vi: (p) =>
      `Tệp không phải văn bản CSV (${p.kind}). Trong Excel chọn "Lưu thành" (Save As) kiểu "CSV UTF-8" rồi gửi lại tệp .csv.`,
    en: (p) =>
      `The file is not CSV text (${p.kind}). In Excel use "Save As" with type "CSV UTF-8" and send the .csv file.`,
  }),
  INVALID_ENCODING: says<{ detected: 0 | 1; encoding: Value }>({
    vi: (p) =>
      p.detected
        ? 'Không nhận ra bảng mã của tệp (không phải UTF-8, UTF-16 hay Windows-1258; có thể là TCVN3 hoặc VNI). Mở tệp trong Excel và lưu lại dạng "CSV UTF-8".'
        : `Tệp không đọc được theo bảng mã ${p.encoding}. Bỏ tuỳ chọn --encoding để tự nhận bảng mã, hoặc lưu lại tệp dạng "CSV UTF-8".`,
    en: (p) =>
      p.detected
        ? 'The encoding of the file is not recognised (not UTF-8, UTF-16 or Windows-1258; perhaps TCVN3 or VNI). Open it in Excel and save it as "CSV UTF-8".'
        : `The file cannot be read as ${p.encoding}. Drop --encoding to detect it, or save the file as "CSV UTF-8".`,
  }),
  FILE_TOO_LARGE: says<{ unpacked?: 1; limit: Value; size: Value }>({
    vi: (p) =>
      p.unpacked
        ? `Bảng tính khi giải nén lớn hơn ${p.limit} MiB, vượt giới hạn của một tệp báo cáo (tệp có thể bị hỏng hoặc cố ý làm phình to). Mở bằng Excel, chỉ giữ trang biểu mẫu rồi lưu lại.`
        : `Tệp lớn ${p.size} MiB, vượt giới hạn ${p.limit} MiB của một tệp báo cáo. Kiểm tra đây đúng là tệp báo cáo; tách thành nhiều tệp nếu cần.`,
    en: (p) =>
      p.unpacked
        ? `The workbook unpacks to more than ${p.limit} MiB, over the limit for one return (it may be damaged or built to swell). Open it in Excel, keep only the form's sheet and save it again.`
        : `The file is ${p.size} MiB, over the ${p.limit} MiB limit for one return. Check it is a return; split it into several files if need be.`,
  }),
  UNREADABLE_FILE: says<{ reason: Value }>({
    vi: (p) =>
      `Không đọc được tệp: ${
        {
          IS_DIRECTORY: 'đây là thư mục',
          BROKEN_LINK: 'liên kết trỏ tới tệp không còn tồn tại',
          PERMISSION: 'không có quyền đọc',
        }[String(p.reason)] ?? `lỗi ${p.reason}`
      }. Chép lại tệp báo cáo vào thư mục rồi chạy lại.`,
    en: (p) =>
      `The file cannot be read: ${
        {
          IS_DIRECTORY: 'it is a folder',
          BROKEN_LINK: 'it is a link to a file that no longer exists',
          PERMISSION: 'permission denied',
        }[String(p.reason)] ?? `error ${p.reason}`
      }. Copy the return into the folder again and rerun.`,
  }),
  NOT_REGULAR_FILE: says<{ kind: Value }>({
    vi: (p) =>
      `Không phải tệp thông thường mà là ${KIND.vi[String(p.kind)] ?? p.kind}; không đọc để tránh treo chương trình. Chép tệp báo cáo vào thư mục; muốn đọc từ đường ống thì dùng "-" (ví dụ: cat tệp.csv | baocao check -).`,
    en: (p) =>
      `Not a regular file but ${KIND.en[String(p.kind)] ?? p.kind}; it is not read, so the run cannot hang. Copy the return into the folder; to read from a pipe, use "-" (e.g. cat file.csv | baocao check -).`,
  }),
  RUN_TOO_LARGE: says<{ limit: Value }>({
    vi: (p) =>
      `Tổng dung lượng các tệp đã vượt ${p.limit} MiB cho một lần chạy; tệp này và các tệp sau không được đọc. Kiểm tra thư mục đúng là thư mục báo cáo, hoặc chia thành nhiều lần chạy.`,
    en: (p) =>
      `The files together exceed ${p.limit} MiB for one run; this file and the ones after it were not read. Check the folder holds returns, or split the run.`,
  }),
  HEADER_TOO_WIDE: says<{ count: Value; limit: Value }>({
    vi: (p) =>
      `Dòng tiêu đề có ${p.count} cột, quá giới hạn ${p.limit} cột; tệp không được đọc. Dùng biểu mẫu do \`baocao forms\` tạo (6 cột).`,
    en: (p) =>
      `The header row has ${p.count} columns, over the limit of ${p.limit}; the file was not read. Use the form \`baocao forms\` writes (6 columns).`,
  }),
  SHEETS_NOT_READ: says<{ sheet: Value; count: Value; sheets: Value }>({
    vi: (p) =>
      `Chỉ trang tính "${p.sheet}" được đọc; ${p.count} trang khác cũng có dòng tiêu đề báo cáo nhưng không được đọc: ${p.sheets}. Nếu các trang đó có số liệu của đơn vị khác, tách mỗi trang thành một tệp .xlsx; nếu là trang nháp, xoá hoặc ẩn đi.`,
    en: (p) =>
      `Only the sheet "${p.sheet}" was read; ${p.count} other sheet(s) also have the return's header row and were not read: ${p.sheets}. If they hold other units' figures, save each sheet as its own .xlsx file; if they are drafts, delete or hide them.`,
  }),
  HIDDEN_ROWS: says<{ count: Value; sheet: Value; rows: Value }>({
    vi: (p) =>
      `${p.count} dòng số liệu đang bị ẩn trong trang tính "${p.sheet}" nhưng vẫn được đọc và tổng hợp như mọi dòng khác: dòng ${p.rows}. Bỏ ẩn các dòng đó (chọn dòng › chuột phải › Bỏ ẩn/Unhide) để xem lại số liệu; dòng không dùng thì xoá hẳn.`,
    en: (p) =>
      `${p.count} data row(s) are hidden in the sheet "${p.sheet}" but are read and added up like any other: row(s) ${p.rows}. Unhide them (select the rows › right-click › Unhide) to check their figures; delete rows that are not meant to count.`,
  }),
  ROWS_WITHOUT_FIGURES: says<{ count: Value; rows: Value }>({
    vi: (p) =>
      `${p.count} dòng không có mã chỉ tiêu và không có số liệu nên không được tính (thường là tiêu đề mục, chữ ký hay ghi chú): dòng ${p.rows}. Nếu có dòng là số liệu, ghi mã chỉ tiêu và số liệu vào dòng đó.`,
    en: (p) =>
      `${p.count} row(s) have no indicator code and no figures, so they are not counted (usually section headings, signatures or notes): row(s) ${p.rows}. If one of them holds figures, write its indicator code and figures in it.`,
  }),
  HIDDEN_COLUMNS: says<{ count: Value; sheet: Value; columns: Value }>({
    vi: (p) =>
      `${p.count} cột của biểu mẫu đang bị ẩn trong trang tính "${p.sheet}" nhưng vẫn được đọc và tổng hợp: cột ${p.columns}. Bỏ ẩn các cột đó (chọn các cột hai bên › chuột phải › Bỏ ẩn/Unhide) để xem lại số liệu trong đó.`,
    en: (p) =>
      `${p.count} of the form's column(s) are hidden in the sheet "${p.sheet}" but are read and added up: column(s) ${p.columns}. Unhide them (select the columns on either side › right-click › Unhide) to check the figures in them.`,
  }),
  XLS_NOT_SUPPORTED: says<{ kind?: Value }>({
    vi: (p) =>
      `Tệp dạng ${p.kind === 'ods' ? 'OpenDocument (.ods)' : p.kind === 'xlsb' ? 'bảng tính nhị phân (.xlsb)' : 'Excel 97–2003 (.xls)'} không đọc được. Mở bằng Excel hoặc LibreOffice, "Lưu thành" (Save As) kiểu "Excel Workbook (.xlsx)" rồi gửi lại tệp .xlsx.`,
    en: (p) =>
      `A ${p.kind === 'ods' ? 'OpenDocument (.ods)' : p.kind === 'xlsb' ? 'binary workbook (.xlsb)' : 'Excel 97–2003 (.xls)'} file cannot be read. Open it in Excel or LibreOffice, use "Save As" with type "Excel Workbook (.xlsx)" and send the .xlsx file.`,
  }),
  XLSX_ENCRYPTED: says({
    vi: () =>
      'Bảng tính có đặt mật khẩu mở tệp nên không đọc được. Mở bằng Excel, bỏ mật khẩu (Tệp › Thông tin › Bảo vệ sổ làm việc › Mã hoá bằng mật khẩu, xoá trống) rồi lưu và gửi lại.',
    en: () =>
      'The workbook is protected with a password to open, so it cannot be read. Open it in Excel, remove the password (File › Info › Protect Workbook › Encrypt with Password, clear it), save and send it again.',
  }),
  MERGE_TOO_LARGE: says<{
    sheet: Value;
    kind: 'RANGE' | 'COUNT' | 'CELLS';
    range?: Value;
    cells?: Value;
    limit: Value;
  }>({
    vi: (p) =>
      `Trang tính "${p.sheet}" ${
        p.kind === 'RANGE'
          ? `có vùng gộp ô ${p.range} (${grouped(p.cells, 'vi')} ô), vượt giới hạn ${grouped(p.limit, 'vi')} ô`
          : p.kind === 'COUNT'
            ? `có hơn ${grouped(p.limit, 'vi')} vùng gộp ô`
            : `có các vùng gộp ô phủ hơn ${grouped(p.limit, 'vi')} ô`
      } nên bảng tính không được đọc. Chọn vùng đó (hoặc cả trang: Ctrl+A), bấm Merge & Center › Unmerge Cells (Bỏ gộp ô), lưu lại rồi gửi lại.`,
    en: (p) =>
      `The sheet "${p.sheet}" ${
        p.kind === 'RANGE'
          ? `has the merged area ${p.range} (${grouped(p.cells, 'en')} cells), over the limit of ${grouped(p.limit, 'en')} cells`
          : p.kind === 'COUNT'
            ? `has more than ${grouped(p.limit, 'en')} merged areas`
            : `has merged areas covering more than ${grouped(p.limit, 'en')} cells`
      }, so the workbook is not read. Select that area (or the whole sheet: Ctrl+A), choose Merge & Center › Unmerge Cells, save and send it again.`,
  }),
  CELL_OUTSIDE_TABLE: says<{ cell?: Value; position: Value; nameless: Value; value: Value; more: Value }>({
    vi: (p) =>
      `${p.cell ? `Ô ${p.cell}` : `Ô thứ ${p.position} của dòng`} ${Number(p.nameless) ? 'nằm dưới một cột không có tiêu đề' : 'nằm ngoài bảng (bên phải cột cuối của dòng tiêu đề)'} nên không được đọc: "${p.value}"${Number(p.more) > 0 ? `, cùng ${p.more} ô khác trên dòng này` : ''}. Số liệu phải ghi vào các cột của bảng; nếu là ghi chú, có thể để nguyên${p.cell ? ' hoặc chuyển sang trang tính khác' : ''}.`,
    en: (p) =>
      `${p.cell ? `The cell ${p.cell}` : `Cell ${p.position} of the line`} ${Number(p.nameless) ? 'is under a column with no header' : "is outside the table (right of the header row's last column)"}, so it is not read: "${p.value}"${Number(p.more) > 0 ? `, and ${p.more} more cell(s) on this row` : ''}. Figures belong in the table's columns; a note may stay${p.cell ? ' or move to another sheet' : ''}.`,
  }),
  XLSX_UNREADABLE: says<{ reason: Value }>({
    vi: (p) => WORKBOOK_UNREADABLE.vi[String(p.reason)] ?? WORKBOOK_UNREADABLE.vi.CORRUPT!,
    en: (p) => WORKBOOK_UNREADABLE.en[String(p.reason)] ?? WORKBOOK_UNREADABLE.en.CORRUPT!,
  }),
  XLSX_BAD_CELL: says<{ kind: Value; cell: Value; sheet: Value; holds: Value; row?: Value }>({
    vi: (p) =>
      `${BAD_CELL.vi[String(p.kind)]?.(p) ?? `Ô ${p.cell} ghi sai cấu trúc tệp .xlsx`}, nên bảng tính không được đọc (không đoán số liệu từ ô viết sai). Tệp do một chương trình khác Excel ghi sai: mở bằng Excel, xem lại ô ${p.cell} của trang "${p.sheet}", "Lưu thành" (Save As) kiểu "Excel Workbook (.xlsx)" rồi gửi lại; hoặc xin đơn vị xuất lại tệp.`,
    en: (p) =>
      `${BAD_CELL.en[String(p.kind)]?.(p) ?? `The cell ${p.cell} breaks the .xlsx format`}, so the workbook is not read (no figure is guessed from a cell written wrong). A program other than Excel wrote the file wrong: open it in Excel, look at cell ${p.cell} of the sheet "${p.sheet}", use "Save As" with type "Excel Workbook (.xlsx)" and send it again; or ask the unit to export the file again.`,
  }),
  UNSUPPORTED_FILE: says<{ kind?: Value }>({
    vi: (p) =>
      p.kind === 'folder'
        ? 'Thư mục con không được đọc: chỉ đọc các tệp nằm ngay trong thư mục báo cáo. Nếu trong đó có báo cáo, chép chúng ra ngoài, hoặc ghi thêm thư mục con này vào lệnh.'
        : p.kind === 'archive'
          ? 'Tệp nén không được mở, nên các báo cáo trong đó chưa được đọc. Giải nén vào thư mục báo cáo (các tệp nằm ngay trong thư mục, không trong thư mục con), chuyển tệp nén ra ngoài, rồi chạy lại.'
          : 'Tệp không phải báo cáo (.xlsx hoặc .csv) nên không được đọc. Nếu đây là báo cáo của một đơn vị, mở bằng Excel và "Lưu thành" (Save As) kiểu "Excel Workbook (.xlsx)"; nếu không, chuyển tệp ra khỏi thư mục báo cáo.',
    en: (p) =>
      p.kind === 'folder'
        ? 'A subfolder is not read: only the files directly in the returns folder are. If it holds returns, move them out, or name the subfolder in the command too.'
        : p.kind === 'archive'
          ? 'A compressed file is not opened, so the returns in it are not read. Unpack it into the returns folder (the files directly in the folder, not in a subfolder), move the compressed file out, and run again.'
          : 'Not a return (.xlsx or .csv), so it is not read. If it is a unit\'s return, open it in Excel and "Save As" type "Excel Workbook (.xlsx)"; otherwise move it out of the returns folder.',
  }),
  FEEDBACK_FILE: says({
    vi: () =>
      'Tệp này là bảng phản hồi baocao đã ghi (danh sách lỗi gửi đơn vị), không phải báo cáo, nên không được đọc. Chuyển tệp ra khỏi thư mục báo cáo; nếu đơn vị gửi lại tệp này thay cho báo cáo, đề nghị đơn vị sửa biểu mẫu báo cáo của mình và gửi lại biểu mẫu đó.',
    en: () =>
      'This is a feedback list baocao wrote (the problems sent to a unit), not a return, so it is not read. Move it out of the returns folder; if a unit sent it back instead of its return, ask the unit to correct its return form and send that.',
  }),
  NO_CSV_FILES: says({
    vi: () => 'Thư mục không có tệp báo cáo nào (.xlsx, .csv). Hãy chép các báo cáo của đơn vị vào thư mục này.',
    en: () => "The folder holds no return (.xlsx, .csv). Copy the units' returns into it.",
  }),
  MALFORMED_CSV: says<{ reason?: Value; count?: Value; expected?: Value }>({
    vi: (p) =>
      `Dòng không đúng định dạng CSV: ${
        p.reason === 'QUOTE_NOT_CLOSED'
          ? 'dấu nháy kép (") mở ở dòng này không được đóng'
          : p.reason === 'BAD_QUOTE'
            ? 'có ký tự ngay sau dấu nháy kép đóng'
            : p.reason === 'FIELD_COUNT'
              ? `dòng có ${p.count} ô nhưng dòng tiêu đề chỉ có ${p.expected} cột`
              : 'không đọc được dòng'
      }. Mở tệp trong Excel, sửa dòng này rồi lưu lại dạng CSV.`,
    en: (p) =>
      `The line is not valid CSV: ${
        p.reason === 'QUOTE_NOT_CLOSED'
          ? 'a double quote (") opened on this line is never closed'
          : p.reason === 'BAD_QUOTE'
            ? 'a character follows a closing double quote'
            : p.reason === 'FIELD_COUNT'
              ? `the line has ${p.count} cells but the header row has ${p.expected} columns`
              : 'the line cannot be read'
      }. Open the file in Excel, correct this line and save as CSV.`,
  }),
  MISSING_COLUMN: says<{ expected: Value; alias: Value }>({
    vi: (p) =>
      `Thiếu cột "${p.expected}" (${p.alias}) trong dòng tiêu đề. Dùng biểu mẫu do \`baocao forms\` tạo ra, hoặc thêm cột này.`,
    en: (p) =>
      `The header row lacks the column "${p.expected}" (or "${p.alias}", as the Vietnamese form heads it). Use the form \`baocao forms\` writes, or add the column.`,
  }),
  DUPLICATE_COLUMN: says<{ expected: Value; first: Value; second: Value }>({
    vi: (p) =>
      `Cột "${p.expected}" xuất hiện hai lần trong dòng tiêu đề (cột ${p.first} và cột ${p.second}). Xoá một cột.`,
    en: (p) =>
      `The column "${p.expected}" appears twice in the header row (columns ${p.first} and ${p.second}). Delete one.`,
  }),
  EXTRA_COLUMN: says({
    vi: () => 'Cột không thuộc biểu mẫu, đã bỏ qua.',
    en: () => 'The column is not part of the form and was ignored.',
  }),
} satisfies Messages;
