// Every message a user reads, keyed by a stable code, in Vietnamese and English.
// A test checks that both languages cover every code.

import { format as formatDate } from 'date-fns';
import { detail, isDetailKey } from './details.js';
import { MAX_SHEETS } from '../limits.js';

import type { Lang } from './lang.js';

type Params = Record<string, string | number | undefined>;
type Render = (p: Params) => string;

/** What stands at a path that is not a regular file. */
const KIND: Record<Lang, Record<string, string>> = {
  vi: {
    SYMLINK: 'một liên kết (symlink)',
    DIRECTORY: 'một thư mục',
    FIFO: 'một đường ống (FIFO)',
    SOCKET: 'một socket',
    DEVICE: 'một thiết bị',
  },
  en: {
    SYMLINK: 'a symbolic link',
    DIRECTORY: 'a folder',
    FIFO: 'a pipe (FIFO)',
    SOCKET: 'a socket',
    DEVICE: 'a device',
  },
};

/** Why a file or folder could not be read. */
const REASON: Record<Lang, Record<string, string>> = {
  vi: {
    PERMISSION: 'không có quyền đọc',
    TOO_LARGE: 'tệp lớn hơn giới hạn',
    IS_DIRECTORY: 'đây là thư mục',
    NOT_REGULAR: 'không phải tệp thông thường mà là đường ống hay thiết bị; chỉ ra một tệp thật',
    ENCODING:
      'tệp không viết theo bảng mã chữ Việt nào đọc được (UTF-8, UTF-16 hay Windows-1258; có thể là TCVN3 hoặc VNI). Mở bằng Notepad, chọn "Save As", Encoding "UTF-8", rồi lưu lại',
    NOT_TEXT:
      'tệp không phải văn bản (có thể là tệp Word hay bảng tính đổi tên); lưu lại dạng văn bản thuần (Notepad, Encoding "UTF-8")',
  },
  en: {
    PERMISSION: 'permission denied',
    TOO_LARGE: 'the file is over the limit',
    IS_DIRECTORY: 'it is a folder',
    NOT_REGULAR: 'not a regular file but a pipe or a device; name a real file',
    ENCODING:
      'it is in no Vietnamese encoding that can be read (UTF-8, UTF-16 or Windows-1258; perhaps TCVN3 or VNI). Open it in Notepad, "Save As" with Encoding "UTF-8"',
    NOT_TEXT:
      'it is not text (perhaps a Word file or a workbook renamed); save it as plain text (Notepad, Encoding "UTF-8")',
  },
};

/** A count with its thousands grouped as each language writes them (100.000 / 100,000). */
const grouped = (n: unknown, lang: Lang) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'vi' ? '.' : ',');

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

/** Where the PDF of an earlier run went, when the new one could not be made (it holds that run's figures). */
const pdfMoved = (lang: Lang, p: Params) =>
  p.moved === undefined
    ? ''
    : lang === 'vi'
      ? ` Tệp PDF của lần chạy trước (số liệu cũ, không khớp DOCX mới) đã được chuyển thành ${p.moved}, để không bị gửi nhầm.`
      : ` The PDF of an earlier run (older figures, not the new DOCX's) was moved to ${p.moved}, so that it is not sent by mistake.`;

const reasonText = (lang: Lang, p: Params) =>
  (REASON[lang][String(p.reason)] ?? (lang === 'vi' ? `lỗi ${p.reason}` : `error ${p.reason}`)) +
  (p.limit ? ` (${p.limit} MiB)` : '');

const catalog = {
  // ── Files and text ──────────────────────────────────────────────────────
  EMPTY_FILE: {
    vi: () => 'Tệp không có dữ liệu. Hãy điền biểu mẫu (dòng tiêu đề và mỗi chỉ tiêu một dòng) rồi gửi lại.',
    en: () => 'The file has no data. Fill in the form (a header row and one row per indicator) and send it again.',
  },
  FILE_NAMED_TWICE: {
    vi: (p) =>
      `Tệp này đã được đọc ở ${p.first}: cùng một tệp được chỉ ra nhiều lần trong lệnh. Chỉ đọc một lần; số liệu không bị cộng hai lần.`,
    en: (p) =>
      `This file was already read as ${p.first}: the same file is named more than once in the command. It is read once; no figure is counted twice.`,
  },
  HIDDEN_SHEETS_ONLY: {
    vi: (p) =>
      `Số liệu không được đọc: ${Number(p.count) > 1 ? `các trang tính có dữ liệu (${p.sheets}) đều` : `trang tính có dữ liệu (${p.sheets})`} đang bị ẩn${p.visible ? ', các trang hiện ra không có gì' : ''}. Mở tệp, chuột phải vào tên trang tính, chọn "Bỏ ẩn" (Unhide), lưu rồi gửi lại.`,
    en: (p) =>
      `No figures were read: the sheet(s) holding data (${p.sheets}) are hidden${p.visible ? ' and the visible ones are empty' : ''}. Open the file, right-click a sheet tab, choose Unhide, save and send it again.`,
  },
  NOT_TEXT: {
    vi: (p) =>
      `Tệp không phải văn bản CSV (${p.kind}). Trong Excel chọn "Lưu thành" (Save As) kiểu "CSV UTF-8" rồi gửi lại tệp .csv.`,
    en: (p) =>
      `The file is not CSV text (${p.kind}). In Excel use "Save As" with type "CSV UTF-8" and send the .csv file.`,
  },
  INVALID_ENCODING: {
    vi: (p) =>
      p.detected
        ? 'Không nhận ra bảng mã của tệp (không phải UTF-8, UTF-16 hay Windows-1258; có thể là TCVN3 hoặc VNI). Mở tệp trong Excel và lưu lại dạng "CSV UTF-8".'
        : `Tệp không đọc được theo bảng mã ${p.encoding}. Bỏ tuỳ chọn --encoding để tự nhận bảng mã, hoặc lưu lại tệp dạng "CSV UTF-8".`,
    en: (p) =>
      p.detected
        ? 'The encoding of the file is not recognised (not UTF-8, UTF-16 or Windows-1258; perhaps TCVN3 or VNI). Open it in Excel and save it as "CSV UTF-8".'
        : `The file cannot be read as ${p.encoding}. Drop --encoding to detect it, or save the file as "CSV UTF-8".`,
  },
  FILE_TOO_LARGE: {
    vi: (p) =>
      p.unpacked
        ? `Bảng tính khi giải nén lớn hơn ${p.limit} MiB, vượt giới hạn của một tệp báo cáo (tệp có thể bị hỏng hoặc cố ý làm phình to). Mở bằng Excel, chỉ giữ trang biểu mẫu rồi lưu lại.`
        : `Tệp lớn ${p.size} MiB, vượt giới hạn ${p.limit} MiB của một tệp báo cáo. Kiểm tra đây đúng là tệp báo cáo; tách thành nhiều tệp nếu cần.`,
    en: (p) =>
      p.unpacked
        ? `The workbook unpacks to more than ${p.limit} MiB, over the limit for one return (it may be damaged or built to swell). Open it in Excel, keep only the form's sheet and save it again.`
        : `The file is ${p.size} MiB, over the ${p.limit} MiB limit for one return. Check it is a return; split it into several files if need be.`,
  },
  UNREADABLE_FILE: {
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
  },
  NOT_REGULAR_FILE: {
    vi: (p) =>
      `Không phải tệp thông thường mà là ${KIND.vi[String(p.kind)] ?? p.kind}; không đọc để tránh treo chương trình. Chép tệp báo cáo vào thư mục; muốn đọc từ đường ống thì dùng "-" (ví dụ: cat tệp.csv | baocao check -).`,
    en: (p) =>
      `Not a regular file but ${KIND.en[String(p.kind)] ?? p.kind}; it is not read, so the run cannot hang. Copy the return into the folder; to read from a pipe, use "-" (e.g. cat file.csv | baocao check -).`,
  },
  RUN_TOO_LARGE: {
    vi: (p) =>
      `Tổng dung lượng các tệp đã vượt ${p.limit} MiB cho một lần chạy; tệp này và các tệp sau không được đọc. Kiểm tra thư mục đúng là thư mục báo cáo, hoặc chia thành nhiều lần chạy.`,
    en: (p) =>
      `The files together exceed ${p.limit} MiB for one run; this file and the ones after it were not read. Check the folder holds returns, or split the run.`,
  },
  HEADER_TOO_WIDE: {
    vi: (p) =>
      `Dòng tiêu đề có ${p.count} cột, quá giới hạn ${p.limit} cột; tệp không được đọc. Dùng biểu mẫu do \`baocao forms\` tạo (6 cột).`,
    en: (p) =>
      `The header row has ${p.count} columns, over the limit of ${p.limit}; the file was not read. Use the form \`baocao forms\` writes (6 columns).`,
  },
  SHEETS_NOT_READ: {
    vi: (p) =>
      `Chỉ trang tính "${p.sheet}" được đọc; ${p.count} trang khác cũng có dòng tiêu đề báo cáo nhưng không được đọc: ${p.sheets}. Nếu các trang đó có số liệu của đơn vị khác, tách mỗi trang thành một tệp .xlsx; nếu là trang nháp, xoá hoặc ẩn đi.`,
    en: (p) =>
      `Only the sheet "${p.sheet}" was read; ${p.count} other sheet(s) also have the return's header row and were not read: ${p.sheets}. If they hold other units' figures, save each sheet as its own .xlsx file; if they are drafts, delete or hide them.`,
  },
  HIDDEN_ROWS: {
    vi: (p) =>
      `${p.count} dòng số liệu đang bị ẩn trong trang tính "${p.sheet}" nhưng vẫn được đọc và tổng hợp như mọi dòng khác: dòng ${p.rows}. Bỏ ẩn các dòng đó (chọn dòng › chuột phải › Bỏ ẩn/Unhide) để xem lại số liệu; dòng không dùng thì xoá hẳn.`,
    en: (p) =>
      `${p.count} data row(s) are hidden in the sheet "${p.sheet}" but are read and added up like any other: row(s) ${p.rows}. Unhide them (select the rows › right-click › Unhide) to check their figures; delete rows that are not meant to count.`,
  },
  ROWS_WITHOUT_FIGURES: {
    vi: (p) =>
      `${p.count} dòng không có mã chỉ tiêu và không có số liệu nên không được tính (thường là tiêu đề mục, chữ ký hay ghi chú): dòng ${p.rows}. Nếu có dòng là số liệu, ghi mã chỉ tiêu và số liệu vào dòng đó.`,
    en: (p) =>
      `${p.count} row(s) have no indicator code and no figures, so they are not counted (usually section headings, signatures or notes): row(s) ${p.rows}. If one of them holds figures, write its indicator code and figures in it.`,
  },
  HIDDEN_COLUMNS: {
    vi: (p) =>
      `${p.count} cột của biểu mẫu đang bị ẩn trong trang tính "${p.sheet}" nhưng vẫn được đọc và tổng hợp: cột ${p.columns}. Bỏ ẩn các cột đó (chọn các cột hai bên › chuột phải › Bỏ ẩn/Unhide) để xem lại số liệu trong đó.`,
    en: (p) =>
      `${p.count} of the form's column(s) are hidden in the sheet "${p.sheet}" but are read and added up: column(s) ${p.columns}. Unhide them (select the columns on either side › right-click › Unhide) to check the figures in them.`,
  },
  XLS_NOT_SUPPORTED: {
    vi: (p) =>
      `Tệp dạng ${p.kind === 'ods' ? 'OpenDocument (.ods)' : p.kind === 'xlsb' ? 'bảng tính nhị phân (.xlsb)' : 'Excel 97–2003 (.xls)'} không đọc được. Mở bằng Excel hoặc LibreOffice, "Lưu thành" (Save As) kiểu "Excel Workbook (.xlsx)" rồi gửi lại tệp .xlsx.`,
    en: (p) =>
      `A ${p.kind === 'ods' ? 'OpenDocument (.ods)' : p.kind === 'xlsb' ? 'binary workbook (.xlsb)' : 'Excel 97–2003 (.xls)'} file cannot be read. Open it in Excel or LibreOffice, use "Save As" with type "Excel Workbook (.xlsx)" and send the .xlsx file.`,
  },
  XLSX_ENCRYPTED: {
    vi: () =>
      'Bảng tính có đặt mật khẩu mở tệp nên không đọc được. Mở bằng Excel, bỏ mật khẩu (Tệp › Thông tin › Bảo vệ sổ làm việc › Mã hoá bằng mật khẩu, xoá trống) rồi lưu và gửi lại.',
    en: () =>
      'The workbook is protected with a password to open, so it cannot be read. Open it in Excel, remove the password (File › Info › Protect Workbook › Encrypt with Password, clear it), save and send it again.',
  },
  MERGE_TOO_LARGE: {
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
  },
  CELL_OUTSIDE_TABLE: {
    vi: (p) =>
      `${p.cell ? `Ô ${p.cell}` : `Ô thứ ${p.position} của dòng`} ${Number(p.nameless) ? 'nằm dưới một cột không có tiêu đề' : 'nằm ngoài bảng (bên phải cột cuối của dòng tiêu đề)'} nên không được đọc: "${p.value}"${Number(p.more) > 0 ? `, cùng ${p.more} ô khác trên dòng này` : ''}. Số liệu phải ghi vào các cột của bảng; nếu là ghi chú, có thể để nguyên${p.cell ? ' hoặc chuyển sang trang tính khác' : ''}.`,
    en: (p) =>
      `${p.cell ? `The cell ${p.cell}` : `Cell ${p.position} of the line`} ${Number(p.nameless) ? 'is under a column with no header' : "is outside the table (right of the header row's last column)"}, so it is not read: "${p.value}"${Number(p.more) > 0 ? `, and ${p.more} more cell(s) on this row` : ''}. Figures belong in the table's columns; a note may stay${p.cell ? ' or move to another sheet' : ''}.`,
  },
  XLSX_UNREADABLE: {
    vi: (p) => WORKBOOK_UNREADABLE.vi[String(p.reason)] ?? WORKBOOK_UNREADABLE.vi.CORRUPT!,
    en: (p) => WORKBOOK_UNREADABLE.en[String(p.reason)] ?? WORKBOOK_UNREADABLE.en.CORRUPT!,
  },
  XLSX_BAD_CELL: {
    vi: (p) =>
      `${BAD_CELL.vi[String(p.kind)]?.(p) ?? `Ô ${p.cell} ghi sai cấu trúc tệp .xlsx`}, nên bảng tính không được đọc (không đoán số liệu từ ô viết sai). Tệp do một chương trình khác Excel ghi sai: mở bằng Excel, xem lại ô ${p.cell} của trang "${p.sheet}", "Lưu thành" (Save As) kiểu "Excel Workbook (.xlsx)" rồi gửi lại; hoặc xin đơn vị xuất lại tệp.`,
    en: (p) =>
      `${BAD_CELL.en[String(p.kind)]?.(p) ?? `The cell ${p.cell} breaks the .xlsx format`}, so the workbook is not read (no figure is guessed from a cell written wrong). A program other than Excel wrote the file wrong: open it in Excel, look at cell ${p.cell} of the sheet "${p.sheet}", use "Save As" with type "Excel Workbook (.xlsx)" and send it again; or ask the unit to export the file again.`,
  },
  UNSUPPORTED_FILE: {
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
  },
  FEEDBACK_FILE: {
    vi: () =>
      'Tệp này là bảng phản hồi baocao đã ghi (danh sách lỗi gửi đơn vị), không phải báo cáo, nên không được đọc. Chuyển tệp ra khỏi thư mục báo cáo; nếu đơn vị gửi lại tệp này thay cho báo cáo, đề nghị đơn vị sửa biểu mẫu báo cáo của mình và gửi lại biểu mẫu đó.',
    en: () =>
      'This is a feedback list baocao wrote (the problems sent to a unit), not a return, so it is not read. Move it out of the returns folder; if a unit sent it back instead of its return, ask the unit to correct its return form and send that.',
  },
  NO_CSV_FILES: {
    vi: () => 'Thư mục không có tệp báo cáo nào (.xlsx, .csv). Hãy chép các báo cáo của đơn vị vào thư mục này.',
    en: () => "The folder holds no return (.xlsx, .csv). Copy the units' returns into it.",
  },
  MALFORMED_CSV: {
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
  },
  MISSING_COLUMN: {
    vi: (p) =>
      `Thiếu cột "${p.expected}" (${p.alias}) trong dòng tiêu đề. Dùng biểu mẫu do \`baocao forms\` tạo ra, hoặc thêm cột này.`,
    en: (p) =>
      `The header row lacks the column "${p.expected}" (or "${p.alias}", as the Vietnamese form heads it). Use the form \`baocao forms\` writes, or add the column.`,
  },
  DUPLICATE_COLUMN: {
    vi: (p) =>
      `Cột "${p.expected}" xuất hiện hai lần trong dòng tiêu đề (cột ${p.first} và cột ${p.second}). Xoá một cột.`,
    en: (p) =>
      `The column "${p.expected}" appears twice in the header row (columns ${p.first} and ${p.second}). Delete one.`,
  },
  EXTRA_COLUMN: {
    vi: () => 'Cột không thuộc biểu mẫu, đã bỏ qua.',
    en: () => 'The column is not part of the form and was ignored.',
  },
  // ── Rows ────────────────────────────────────────────────────────────────
  UNKNOWN_UNIT: {
    vi: (p) =>
      p.value === ''
        ? `${Number(p.rows) > 1 ? `${p.rows} dòng của tệp chưa ghi mã đơn vị` : 'Dòng chưa ghi mã đơn vị'}, nên số liệu không được tính. Ghi mã đơn vị như trong biểu mẫu.`
        : `Mã đơn vị "${p.value}" không có trong danh sách đơn vị của báo cáo${Number(p.rows) > 1 ? ` (${p.rows} dòng của tệp ghi mã này)` : ''}. Sửa mã cho đúng, hoặc thêm đơn vị vào baocao.yaml.`,
    en: (p) =>
      p.value === ''
        ? `${Number(p.rows) > 1 ? `${p.rows} rows of the file have no unit code` : 'The row has no unit code'}, so their figures are not counted. Write the unit code as in the form.`
        : `The unit code "${p.value}" is not in the report's roster${Number(p.rows) > 1 ? ` (${p.rows} rows of the file have it)` : ''}. Correct the code, or add the unit to baocao.yaml.`,
  },
  UNIT_CODE_PADDED: {
    vi: (p) =>
      `Mã đơn vị "${p.value}" đã được hiểu là "${p.unit}" (Excel thường bỏ số 0 ở đầu)${Number(p.rows) > 1 ? `; tệp có ${p.rows} dòng mã bị mất số 0 như vậy, đều đã được hiểu theo cách này` : ''}. Định dạng cột mã là Văn bản (Text) để giữ nguyên.`,
    en: (p) =>
      `The unit code "${p.value}" was read as "${p.unit}" (Excel drops leading zeros)${Number(p.rows) > 1 ? `; ${p.rows} rows of the file lost their zeros like this and were all read the same way` : ''}. Format the code column as Text to keep them.`,
  },
  FILE_NAMES_OTHER_UNIT: {
    vi: (p) =>
      p.elsewhere !== undefined
        ? `Tên tệp là của đơn vị "${p.named}" (${p.namedCode}) nhưng các dòng ghi mã đơn vị ${p.value}${p.unitName ? ` ("${p.unitName}")` : ''}, và số liệu được tính cho ${Number(p.count) > 1 ? 'các đơn vị đó' : 'đơn vị đó'}; báo cáo của "${p.named}" ở ${p.elsewhere}. Đổi tên tệp cho đúng đơn vị trong tệp.`
        : `Tên tệp là của đơn vị "${p.named}" (${p.namedCode}) nhưng các dòng ghi mã đơn vị ${p.value}${p.unitName ? ` ("${p.unitName}")` : ''}, nên số liệu được tính cho ${Number(p.count) > 1 ? 'các đơn vị đó' : 'đơn vị đó'}. Nếu đây là báo cáo của "${p.named}" (điền nhầm vào biểu mẫu của đơn vị khác), sửa mã đơn vị trong tệp thành ${p.namedCode}; nếu tên tệp đặt nhầm, đổi tên tệp cho đúng.`,
    en: (p) =>
      p.elsewhere !== undefined
        ? `The file's name is the unit "${p.named}" (${p.namedCode})'s, but its rows carry the unit code ${p.value}${p.unitName ? ` ("${p.unitName}")` : ''}, and the figures are counted for ${Number(p.count) > 1 ? 'those units' : 'that unit'}; "${p.named}"'s return is ${p.elsewhere}. Rename the file for the unit it holds.`
        : `The file's name is the unit "${p.named}" (${p.namedCode})'s, but its rows carry the unit code ${p.value}${p.unitName ? ` ("${p.unitName}")` : ''}, so the figures are counted for ${Number(p.count) > 1 ? 'those units' : 'that unit'}. If it is "${p.named}"'s return (filled in on another unit's form), change the unit code in the file to ${p.namedCode}; if the file is misnamed, rename it.`,
  },
  UNKNOWN_INDICATOR: {
    vi: (p) =>
      p.value === ''
        ? 'Dòng có số liệu nhưng chưa ghi mã chỉ tiêu, nên số liệu không được tính. Ghi mã chỉ tiêu theo biểu mẫu.'
        : `Mã chỉ tiêu "${p.value}" không có trong báo cáo. Sửa mã cho đúng theo biểu mẫu.`,
    en: (p) =>
      p.value === ''
        ? 'The row has figures but no indicator code, so they are not counted. Write the indicator code as in the form.'
        : `The indicator code "${p.value}" is not part of the report. Correct it as in the form.`,
  },
  DERIVED_INDICATOR: {
    vi: (p) => `Chỉ tiêu "${p.value}" được tính tự động từ các chỉ tiêu khác; giá trị trong tệp không được dùng.`,
    en: (p) => `The indicator "${p.value}" is computed from other indicators; the value in the file is not used.`,
  },
  PERIOD_MISMATCH: {
    vi: (p) =>
      Number(p.rows) > 1
        ? `Kỳ báo cáo "${p.value}" khác kỳ đang tổng hợp "${p.expected}" (${p.rows} dòng của tệp). Kiểm tra đơn vị gửi đúng kỳ (có thể đã dùng biểu mẫu hay số liệu của kỳ khác), rồi sửa mã kỳ.`
        : `Kỳ báo cáo "${p.value}" khác kỳ đang tổng hợp "${p.expected}". Kiểm tra đơn vị gửi đúng kỳ, rồi sửa mã kỳ.`,
    en: (p) =>
      Number(p.rows) > 1
        ? `The period "${p.value}" is not the period being compiled, "${p.expected}" (${p.rows} rows of the file). Check the unit sent the right period (it may have used another period's form or figures), then correct the code.`
        : `The period "${p.value}" is not the period being compiled, "${p.expected}". Check the unit sent the right period, then correct the code.`,
  },
  UNIT_OF_MEASURE_DIFFERS: {
    vi: (p) =>
      `Dòng này ghi đơn vị tính "${p.value}", nhưng chỉ tiêu "${p.label}" tính bằng "${p.expected}": số liệu sẽ sai nếu cộng vào. Đổi số liệu sang ${p.expected} và ghi lại đơn vị tính "${p.expected}".`,
    en: (p) =>
      `This row gives the unit of measure "${p.value}", but the indicator "${p.label}" is counted in "${p.expected}": the figure would be wrong if summed. Convert it to ${p.expected} and write "${p.expected}" as its unit.`,
  },
  DUPLICATE_ROW: {
    vi: (p) => `Đơn vị và chỉ tiêu này đã có ở ${p.first}. Xoá một trong hai dòng (số liệu không được cộng hai lần).`,
    en: (p) =>
      `This unit and indicator already appear at ${p.first}. Delete one of the two rows (figures are never counted twice).`,
  },
  DUPLICATE_RETURN: {
    vi: (p) => {
      const column = p.side === 'previous' ? 'cùng kỳ' : 'kỳ này';
      const figures =
        p.differ === 0
          ? 'số liệu giống hệt'
          : `số liệu khác ở ${p.differ} chỉ tiêu, như ${p.indicator} (${column}: ${p.there} ở tệp kia, ${p.here} ở tệp này)`;
      // The files' times here (their receipt): which came later is said, never guessed from the names.
      const when = (t: unknown) =>
        t === undefined ? '' : ` (nhận lúc ${formatDate(new Date(Number(t)), "HH:mm 'ngày' dd/MM/yyyy")})`;
      const first = `${p.first}${when(p.firstAt)}`;
      const here = when(p.hereAt);
      const later =
        p.later === undefined
          ? p.firstAt === undefined
            ? ''
            : ' Hai tệp cùng thời điểm: hỏi đơn vị bản nào đúng.'
          : ` Tệp nhận sau là ${p.later}: nếu đó là bản đơn vị sửa lại, giữ tệp đó, chuyển tệp kia ra.`;
      if (p.named !== undefined)
        return `Tệp này${here} có cả báo cáo của đơn vị "${p.unitName}" (${p.rows} chỉ tiêu) đã có ở ${first}, ${figures}, mà tên tệp là của đơn vị "${p.named}". Nếu đây là báo cáo của "${p.named}" (điền nhầm vào biểu mẫu của đơn vị khác), sửa mã đơn vị trong tệp thành ${p.namedCode}; nếu không, ${p.shared !== undefined ? 'xoá các dòng của đơn vị này ở một trong hai tệp (tệp còn số liệu của đơn vị khác)' : 'giữ lại một tệp và chuyển tệp kia ra khỏi thư mục'}.`;
      if (p.shared !== undefined)
        return `Tệp này${here} cũng có cả báo cáo của đơn vị "${p.unitName}" (${p.rows} chỉ tiêu) đã có ở ${first}, ${figures}. Xoá các dòng của đơn vị này ở một trong hai tệp (giữ bản đúng); đừng chuyển cả tệp ra, vì tệp còn số liệu của đơn vị khác. Số liệu không được cộng hai lần.${later}`;
      // Last period's archive: a figure given two ways is neither checked against nor pre-filled.
      const archive =
        p.archive === undefined
          ? ''
          : Number(p.differ) > 0
            ? ` Đây là báo cáo lưu trữ kỳ ${p.archive}: khi chưa rõ bản nào đúng, "Cùng kỳ" của đơn vị ở ${p.differ} chỉ tiêu khác nhau không được đối chiếu và không được điền sẵn vào biểu mẫu.`
            : ` Đây là báo cáo lưu trữ kỳ ${p.archive}; số liệu hai bản như nhau nên vẫn được dùng.`;
      return `Tệp này${here} gửi lại cả báo cáo của đơn vị "${p.unitName}" (${p.rows} chỉ tiêu) đã có ở ${first}, ${figures}. Giữ lại một tệp (bản đúng) và chuyển tệp kia ra khỏi thư mục; số liệu không được cộng hai lần.${later}${archive}`;
    },
    en: (p) => {
      const column = p.side === 'previous' ? 'previous' : 'current';
      const figures =
        p.differ === 0
          ? 'with the same figures'
          : `with figures that differ for ${p.differ} indicator(s), such as ${p.indicator} (${column}: ${p.there} in the other file, ${p.here} in this one)`;
      const when = (t: unknown) =>
        t === undefined ? '' : ` (received ${formatDate(new Date(Number(t)), "HH:mm 'on' dd/MM/yyyy")})`;
      const first = `${p.first}${when(p.firstAt)}`;
      const here = when(p.hereAt);
      const later =
        p.later === undefined
          ? p.firstAt === undefined
            ? ''
            : ' Both files have the same time: ask the unit which is right.'
          : ` The later file is ${p.later}: if it is the unit's correction, keep it and move the other out.`;
      if (p.named !== undefined)
        return `This file${here} holds the whole return of the unit "${p.unitName}" (${p.rows} indicators) already read from ${first}, ${figures}, yet its name is the unit "${p.named}"'s. If it is "${p.named}"'s return (filled in on another unit's form), change the unit code in the file to ${p.namedCode}; if not, ${p.shared !== undefined ? "delete this unit's rows from one of the two files (they hold other units' figures too)" : 'keep one file and move the other out of the folder'}.`;
      if (p.shared !== undefined)
        return `This file${here} also holds the whole return of the unit "${p.unitName}" (${p.rows} indicators) already read from ${first}, ${figures}. Delete this unit's rows from one of the two files (keep the right one); do not move a whole file out, as it holds other units' figures too. Figures are never counted twice.${later}`;
      const archive =
        p.archive === undefined
          ? ''
          : Number(p.differ) > 0
            ? ` This is the archived return of ${p.archive}: until it is known which copy is right, the unit's "previous" figures of the ${p.differ} indicator(s) that differ are neither checked nor pre-filled in the forms.`
            : ` This is the archived return of ${p.archive}; both copies have the same figures, so they are still used.`;
      return `This file${here} sends again the whole return of the unit "${p.unitName}" (${p.rows} indicators) already read from ${first}, ${figures}. Keep one file (the right one) and move the other out of the folder; figures are never counted twice.${later}${archive}`;
    },
  },
  MISSING_INDICATOR: {
    vi: (p) =>
      `Đơn vị "${p.unitName}" chưa báo cáo chỉ tiêu "${p.label}". Thêm dòng cho chỉ tiêu này (ghi 0 nếu không phát sinh).`,
    en: (p) =>
      `The unit "${p.unitName}" did not report the indicator "${p.label}". Add a row for it (0 when there is nothing to report).`,
  },
  MISSING_VALUE: {
    vi: (p) =>
      p.merged
        ? `Ô số liệu nằm trong vùng gộp ô bắt đầu từ ${p.merged}, nên không có số riêng (một số không được tính cho hai chỉ tiêu). Bỏ gộp ô (Merge & Center) và ghi số liệu cho từng dòng.`
        : 'Ô số liệu đang để trống. Ghi số liệu, hoặc ghi 0 nếu không phát sinh (ô trống không được hiểu là 0).',
    en: (p) =>
      p.merged
        ? `The value cell is part of cells merged from ${p.merged}, so it has no figure of its own (one figure is never counted for two indicators). Unmerge the cells (Merge & Center) and write each row's figure.`
        : 'The value cell is empty. Write the figure, or 0 when there is nothing to report (an empty cell is not taken as 0).',
  },
  FORMULA_NOT_CALCULATED: {
    vi: (p) =>
      p.saved === undefined
        ? `Ô có công thức "=${p.formula}" nhưng chưa có kết quả được lưu (tệp do chương trình khác tạo, chưa tính lại). Mở bằng Excel và lưu lại, hoặc ghi thẳng số liệu vào ô.`
        : `Ô có công thức "=${p.formula}" nhưng bảng tính được đánh dấu là các công thức cần tính lại (tệp do chương trình khác tạo; Excel tính lại khi mở), nên kết quả lưu trong tệp (${p.saved === '' ? 'ô trống' : `"${p.saved}"`}) có thể khác số Excel hiển thị. Mở bằng Excel và lưu lại, hoặc ghi thẳng số liệu vào ô.`,
    en: (p) =>
      p.saved === undefined
        ? `The cell holds the formula "=${p.formula}" but no saved result (the file was made by another program and never recalculated). Open it in Excel and save it again, or type the figure into the cell.`
        : `The cell holds the formula "=${p.formula}" but the workbook is marked as needing its formulas recalculated (made by another program; Excel recalculates it when opening), so the result saved in the file (${p.saved === '' ? 'empty' : `"${p.saved}"`}) may not be the figure Excel shows. Open it in Excel and save it again, or type the figure into the cell.`,
  },
  NOT_A_NUMBER: {
    vi: (p) =>
      p.shownAs === 'THOUSANDS'
        ? `Ô được định dạng để hiện số đã chia cho ${grouped(p.divisor, 'vi')} (dấu phẩy ở cuối định dạng số): đơn vị thấy khoảng "${p.value}" nhưng tệp lưu số ${p.stored}. Đổi định dạng ô sang Number (Số) hoặc General (Chung), rồi ghi lại số liệu của chỉ tiêu theo đúng đơn vị tính của chỉ tiêu.`
        : p.shownAs === 'HIDDEN'
          ? `Ô được định dạng để không hiện số (ví dụ định dạng ";;;"): đơn vị thấy ô trống hoặc chữ nhưng tệp lưu số ${p.stored}. Đổi định dạng ô sang Number (Số) hoặc General (Chung), xem lại số liệu rồi gửi lại.`
          : p.stored !== undefined
            ? `Ô được định dạng phần trăm: đơn vị thấy "${p.value}" nhưng tệp lưu số ${p.stored}. Đổi định dạng ô sang Number (Số) hoặc General (Chung), rồi ghi lại số liệu của chỉ tiêu, không kèm dấu %.`
            : Number(p.decimals) > 0
              ? `"${p.value}" không phải là số viết kiểu Việt. Ghi số với dấu phẩy thập phân, ví dụ 1265,5 hoặc 1.265,5 (dấu chấm chỉ tách hàng nghìn).`
              : `"${p.value}" không phải là số. Ghi số nguyên, ví dụ 2082 hoặc 2.082.`,
    en: (p) =>
      p.shownAs === 'THOUSANDS'
        ? `The cell is formatted to show its number divided by ${grouped(p.divisor, 'en')} (a comma at the end of its number format): the unit sees about "${p.value}" but the file holds ${p.stored}. Change the cell's format to Number or General, then write the indicator's figure again, in the indicator's own unit.`
        : p.shownAs === 'HIDDEN'
          ? `The cell is formatted not to show its number (a format such as ";;;"): the unit sees an empty cell or text but the file holds ${p.stored}. Change the cell's format to Number or General, check the figure and send it again.`
          : p.stored !== undefined
            ? `The cell is formatted as a percentage: the unit sees "${p.value}" but the file holds ${p.stored}. Change the cell's format to Number or General, then write the indicator's figure again, without a % sign.`
            : Number(p.decimals) > 0
              ? `"${p.value}" is not a number as the returns write one. Write it with a decimal comma, e.g. 1265,5 or 1.265,5 (a dot only groups thousands).`
              : `"${p.value}" is not a number. Write a whole number, e.g. 2082 or 2.082.`,
  },
  TOO_MANY_DECIMALS: {
    vi: (p) =>
      `"${p.value}" có nhiều hơn ${p.decimals} chữ số thập phân mà chỉ tiêu này dùng (đơn vị "${p.unitLabel}"). Làm tròn đến ${p.decimals} chữ số sau dấu phẩy.`,
    en: (p) =>
      `"${p.value}" has more than the ${p.decimals} decimal places this indicator uses (unit "${p.unitLabel}"). Round it to ${p.decimals} places.`,
  },
  AMBIGUOUS_NUMBER: {
    vi: (p) =>
      `"${p.value}" đọc được hai cách: ${p.en} (dấu phẩy tách hàng nghìn, kiểu Anh) hoặc ${p.vi} (dấu phẩy thập phân, kiểu Việt). Ghi số không có dấu phẩy (ví dụ ${p.plain}), hoặc chạy với --number-format vi hay --number-format en (hoặc numberFormat trong baocao.yaml) để nói các tệp viết số theo kiểu nào.`,
    en: (p) =>
      `"${p.value}" reads two ways: ${p.en} (comma groups thousands, English style) or ${p.vi} (decimal comma, Vietnamese style). Write the number without a comma (e.g. ${p.plain}), or run with --number-format vi or --number-format en (or numberFormat in baocao.yaml) to say how the returns write numbers.`,
  },
  NOT_AN_INTEGER: {
    vi: (p) =>
      `"${p.value}" không phải số nguyên. Chỉ tiêu này đếm theo đơn vị "${p.unitLabel}"; ghi số nguyên (dấu chấm chỉ dùng để tách hàng nghìn: 2.082).`,
    en: (p) =>
      `"${p.value}" is not a whole number. This indicator counts "${p.unitLabel}"; write a whole number (a dot only groups thousands: 2.082).`,
  },
  NEGATIVE_VALUE: {
    vi: (p) => `Số liệu "${p.value}" bị âm. Số đếm không thể âm; kiểm tra lại số liệu.`,
    en: (p) => `The value "${p.value}" is negative. A count cannot be negative; check the figure.`,
  },
  VALUE_TOO_LARGE: {
    vi: (p) => `Số liệu "${p.value}" quá lớn để tính chính xác. Kiểm tra lại số liệu.`,
    en: (p) => `The value "${p.value}" is too large to compute exactly. Check the figure.`,
  },
  RULE_VIOLATION: {
    vi: (p) =>
      `${p.column === 'cung_ky' ? 'Cùng kỳ' : 'Kỳ này'}: "${p.leftLabel}" (${p.left}) phải ${{ atMost: 'không lớn hơn', atLeast: 'không nhỏ hơn', equalsSum: 'bằng tổng' }[String(p.op)]} ` +
      `${p.rightLabel ? `"${p.rightLabel}" (${p.right})` : p.right}. Kiểm tra lại các số liệu này.`,
    en: (p) =>
      `${p.column === 'cung_ky' ? 'Same period' : 'This period'}: "${p.leftLabel}" (${p.left}) must ${{ atMost: 'be at most', atLeast: 'be at least', equalsSum: 'equal the sum of' }[String(p.op)]} ` +
      `${p.rightLabel ? `"${p.rightLabel}" (${p.right})` : p.right}. Check these figures.`,
  },
  PREVIOUS_MISMATCH: {
    vi: (p) =>
      `Cùng kỳ ghi ${p.value} nhưng báo cáo kỳ ${p.period} của đơn vị (${p.archive}) ghi ${p.archived}. Sửa cột cung_ky theo báo cáo kỳ trước${p.revised ? ' (kỳ trước đã điều chỉnh số liệu: chỉ cảnh báo)' : ', hoặc ghi revised: true trong period.previous nếu số liệu kỳ trước đã được điều chỉnh chính thức'}.`,
    en: (p) =>
      `The same-period figure is ${p.value} but the unit's return for ${p.period} (${p.archive}) says ${p.archived}. Correct cung_ky from that return${p.revised ? ' (the earlier figures were revised: a warning only)' : ', or set revised: true in period.previous if the earlier figures were officially revised'}.`,
  },
  RETURN_CHANGED: {
    vi: (p) =>
      p.reason === 'EDITED'
        ? `Báo cáo của đơn vị "${p.unitName}" đã bị sửa sau khi nhận (sổ theo dõi ghi nhận lúc ${p.receivedAt}; nội dung nay khác). Nếu đơn vị gửi bản sửa, nhận bản đó bằng \`baocao receive\`; nếu không, lấy lại bản đã nhận.`
        : `Báo cáo của đơn vị "${p.unitName}" trong thư mục không phải bản đã nhận (sổ theo dõi: ${p.received}, nhận lúc ${p.receivedAt}). Nhận bản này bằng \`baocao receive\` để sổ theo dõi ghi lại, hoặc chuyển tệp này ra.`,
    en: (p) =>
      p.reason === 'EDITED'
        ? `The return of "${p.unitName}" was changed after it was received (the register has it at ${p.receivedAt}; its content now differs). If the unit sent a correction, receive it with \`baocao receive\`; if not, restore the one received.`
        : `The return of "${p.unitName}" in the folder is not the one received (register: ${p.received}, at ${p.receivedAt}). Receive it with \`baocao receive\` so the register records it, or move this file out.`,
  },
  RECEIVE_REFUSED: {
    vi: (p) =>
      ({
        UNREADABLE: `Không đọc được tệp (${p.why}); không nhận.`,
        NOT_A_RETURN: `Tệp không phải báo cáo của định nghĩa này: không có dòng số liệu nào của đơn vị trong danh sách${p.detail ? ` (${p.detail})` : ''}. Không nhận.`,
        OTHER_PERIOD: `Tệp là báo cáo kỳ ${p.found}, không phải kỳ ${p.expected}. Không nhận; nhắc đơn vị gửi báo cáo đúng kỳ.`,
        SEVERAL_UNITS: `Tệp có số liệu của ${p.count} đơn vị (${p.units}); mỗi lần nhận một tệp của một đơn vị. Tệp tổng hợp của nhiều đơn vị thì chép thẳng vào thư mục báo cáo.`,
        IN_RETURNS:
          'Tệp đã nằm trong thư mục báo cáo. Lệnh receive nhận tệp từ nơi khác (thư mục tải về, Zalo, thư điện tử) và chép vào đó; chuyển tệp ra rồi nhận lại.',
      })[String(p.reason)] ?? `Không nhận tệp (${p.reason}).`,
    en: (p) =>
      ({
        UNREADABLE: `The file cannot be read (${p.why}); not received.`,
        NOT_A_RETURN: `The file is no return of this definition: it has no figures of a unit on the roster${p.detail ? ` (${p.detail})` : ''}. Not received.`,
        OTHER_PERIOD: `The file is a return for ${p.found}, not ${p.expected}. Not received; ask the unit for the right period's return.`,
        SEVERAL_UNITS: `The file has figures of ${p.count} units (${p.units}); receive takes one unit's file at a time. Copy a file of several units into the returns folder yourself.`,
        IN_RETURNS:
          'The file is already in the returns folder. receive files a return from elsewhere (downloads, Zalo, e-mail) into it; move the file out and receive it.',
      })[String(p.reason)] ?? `Not received (${p.reason}).`,
  },
  REGISTER_UNREADABLE: {
    vi: (p) =>
      p.reason === 'PERIOD'
        ? `Sổ theo dõi ${p.path} là của kỳ ${p.period}, không phải kỳ ${p.expected} của định nghĩa này. Chuyển tệp đó về thư mục của kỳ ${p.period}, rồi chạy lại.`
        : p.reason === 'SYNTAX' || p.reason === 'SHAPE'
          ? `Sổ theo dõi ${p.path} không đọc được (bị sửa tay hoặc hỏng); không tệp nào được ghi. Lấy lại bản sao của tệp; hoặc đổi tên tệp này để lập sổ mới (các lần nhận đã ghi trong đó sẽ không được tính).`
          : `Không đọc được sổ theo dõi ${p.path} (${p.reason}); không tệp nào được ghi.`,
    en: (p) =>
      p.reason === 'PERIOD'
        ? `The register ${p.path} is for ${p.period}, not this definition's ${p.expected}. Move it to the folder of ${p.period} and run again.`
        : p.reason === 'SYNTAX' || p.reason === 'SHAPE'
          ? `The register ${p.path} cannot be read (edited by hand or damaged); nothing was written. Restore a copy of it, or rename it to start a new one (the receipts in it will no longer count).`
          : `The register ${p.path} cannot be read (${p.reason}); nothing was written.`,
  },
  RECEIVE_BAD_TIME: {
    vi: (p) =>
      `--at "${p.value}" không phải một thời điểm. Ghi dạng 2025-06-17 14:05 (giờ của máy này) hoặc 2025-06-17T14:05+07:00.`,
    en: (p) =>
      `--at "${p.value}" is not a time. Write 2025-06-17 14:05 (this machine's time) or 2025-06-17T14:05+07:00.`,
  },
  UNUSUAL_VALUE: {
    vi: (p) => {
      const figures = {
        up: `kỳ này ${p.current} ${p.unitLabel}, gấp ${p.factor} lần cùng kỳ (${p.previous})`,
        down: `kỳ này ${p.current} ${p.unitLabel}, chỉ bằng ${p.share}% cùng kỳ (${p.previous})`,
        fromZero: `kỳ này ${p.current} ${p.unitLabel}, trong khi cùng kỳ là 0`,
        toZero: `kỳ này là 0, trong khi cùng kỳ là ${p.previous} ${p.unitLabel}`,
      }[String(p.how)];
      const others =
        p.othersDir === undefined
          ? ''
          : `, khác hẳn mức chung của các đơn vị (${{ up: `tăng ${p.othersPct}%`, down: `giảm ${p.othersPct}%`, same: 'không đổi' }[String(p.othersDir)]})`;
      const earlier = p.earlier === undefined ? '' : `; báo cáo kỳ ${p.archive} ghi cùng kỳ của kỳ đó là ${p.earlier}`;
      const what = `"${p.label}" của ${p.unitName}: ${figures}${others}${earlier}`;
      if (p.explanation !== undefined) return `${what}. Đơn vị giải trình: "${p.explanation}"`;
      return `${what}. Kiểm tra lại số liệu (có thể thừa hoặc thiếu một chữ số 0, hoặc ghi nhầm dòng); nếu đúng, ghi giải thích vào cột "Giải trình".`;
    },
    en: (p) => {
      const figures = {
        up: `this period ${p.current} ${p.unitLabel}, ${p.factor} times the same period (${p.previous})`,
        down: `this period ${p.current} ${p.unitLabel}, only ${p.share}% of the same period (${p.previous})`,
        fromZero: `this period ${p.current} ${p.unitLabel}, where the same period was 0`,
        toZero: `this period 0, where the same period was ${p.previous} ${p.unitLabel}`,
      }[String(p.how)];
      const others =
        p.othersDir === undefined
          ? ''
          : `, far from the other units (their median: ${{ up: `up ${p.othersPct}%`, down: `down ${p.othersPct}%`, same: 'unchanged' }[String(p.othersDir)]})`;
      const earlier =
        p.earlier === undefined ? '' : `; the return for ${p.archive} gave ${p.earlier} for its own same period`;
      const what = `"${p.label}" of ${p.unitName}: ${figures}${others}${earlier}`;
      if (p.explanation !== undefined) return `${what}. The unit explains: "${p.explanation}"`;
      return `${what}. Check the figure (a zero added or lost, or a figure on the wrong row); if it is right, write why in the "Giải trình" column.`;
    },
  },
  PREVIOUS_MISSING: {
    vi: (p) =>
      `Không có báo cáo kỳ ${p.period} của đơn vị "${p.unitName}" trong thư mục lưu; cột cung_ky của đơn vị này không được đối chiếu.`,
    en: (p) =>
      `There is no return of "${p.unitName}" for ${p.period} in the archive; this unit's cung_ky is not cross-checked.`,
  },
  NO_RETURNS: {
    vi: () =>
      'Không có đơn vị nào gửi số liệu (0 đơn vị); không lập báo cáo từ số liệu rỗng, kể cả với --allow-missing. Kiểm tra thư mục báo cáo có đúng không.',
    en: () =>
      'No unit has sent figures (0 units); no report is made from nothing, even with --allow-missing. Check the folder of returns is the right one.',
  },
  SUM_TOO_LARGE: {
    vi: (p) =>
      `Tổng của chỉ tiêu "${p.label}" (${p.column === 'cung_ky' ? 'cùng kỳ' : 'kỳ này'}) vượt ${p.limit}, quá lớn để ghi chính xác. Kiểm tra số liệu của các đơn vị.`,
    en: (p) =>
      `The total of "${p.label}" (${p.column === 'cung_ky' ? 'same period' : 'this period'}) exceeds ${p.limit}, too large to write exactly. Check the units' figures.`,
  },
  MISSING_UNIT: {
    vi: (p) =>
      `Đơn vị "${p.unitName}" chưa có số liệu${p.unread ? ` (có thể nằm trong ${p.unread} tệp không đọc được ở trên)` : ''}. Nhắc đơn vị gửi báo cáo, hoặc dùng --allow-missing để tổng hợp các đơn vị đã gửi.`,
    en: (p) =>
      `The unit "${p.unitName}" has no figures${p.unread ? ` (they may be in the ${p.unread} unreadable file(s) above)` : ''}. Ask for its return, or use --allow-missing to compile the units that reported.`,
  },
  MORE_PROBLEMS: {
    vi: (p) =>
      p.scope === 'run'
        ? `Còn ${p.count} vấn đề ${p.code} khác (mỗi lần chạy chỉ liệt kê ${p.shown} vấn đề đầu). Sửa các lỗi trên rồi chạy lại.`
        : `Còn ${p.count} dòng khác cũng lỗi ${p.code} trong tệp này (chỉ liệt kê ${p.shown} dòng đầu). Sửa cả tệp rồi chạy lại.`,
    en: (p) =>
      p.scope === 'run'
        ? `${p.count} more ${p.code} problems (a run lists only its first ${p.shown}). Correct the ones above and rerun.`
        : `${p.count} more lines in this file have the problem ${p.code} (only the first ${p.shown} are listed). Correct the whole file and rerun.`,
  },
  // ── Set-up (exit 2) ─────────────────────────────────────────────────────
  USAGE: {
    vi: (p) => `Lệnh không hợp lệ: ${p.detail}. Xem \`baocao --help\`.`,
    en: (p) => `Invalid command: ${p.detail}. See \`baocao --help\`.`,
  },
  CONFIG_NOT_FOUND: {
    vi: (p) =>
      `Không tìm thấy tệp định nghĩa báo cáo ${p.path}. Chạy \`baocao init\` để tạo, hoặc chỉ ra tệp bằng --config TỆP.`,
    en: (p) =>
      `The report definition ${p.path} was not found. Run \`baocao init\` to create one, or name it with --config FILE.`,
  },
  CONFIG_UNREADABLE: {
    vi: (p) => `Không đọc được tệp định nghĩa ${p.path}: ${reasonText('vi', p)}.`,
    en: (p) => `The definition ${p.path} cannot be read: ${reasonText('en', p)}.`,
  },
  CONFIG_SYNTAX: {
    vi: (p) => `Tệp định nghĩa sai cú pháp YAML: ${p.detail}.`,
    en: (p) => `The definition is not valid YAML: ${p.detail}.`,
  },
  CONFIG_INVALID: {
    vi: (p) => `Định nghĩa báo cáo không hợp lệ tại "${p.path}": ${p.detail}.`,
    en: (p) => `The report definition is invalid at "${p.path}": ${p.detail}.`,
  },
  WORKDIR_UNAVAILABLE: {
    vi: (p) =>
      p.reason === 'ENOENT'
        ? 'Thư mục đang làm việc không còn nữa (đã bị xoá hoặc di chuyển khi lệnh chạy trong đó). Chuyển sang một thư mục có thật (cd) rồi chạy lại.'
        : `Không xác định được thư mục đang làm việc (lỗi ${p.reason}${p.reason === 'ERANGE' || p.reason === 'ENAMETOOLONG' ? ': đường dẫn dài quá 4.096 byte' : ''}). Chuyển sang một thư mục có đường dẫn ngắn hơn (cd) rồi chạy lại.`,
    en: (p) =>
      p.reason === 'ENOENT'
        ? 'The working folder no longer exists (it was deleted or moved while the command ran in it). Change to a folder that exists (cd) and run again.'
        : `The working folder cannot be told (${p.reason}${p.reason === 'ERANGE' || p.reason === 'ENAMETOOLONG' ? ': its path is over 4,096 bytes' : ''}). Change to a folder with a shorter path (cd) and run again.`,
  },
  INPUT_UNREADABLE: {
    vi: (p) => `Không đọc được thư mục ${p.path}: ${reasonText('vi', p)}.`,
    en: (p) => `The folder ${p.path} cannot be read: ${reasonText('en', p)}.`,
  },
  INPUT_NOT_FOUND: {
    vi: (p) => `Không tìm thấy ${p.path}. Kiểm tra đường dẫn tệp hoặc thư mục báo cáo.`,
    en: (p) => `${p.path} was not found. Check the path of the file or folder of returns.`,
  },
  TEMPLATE_NOT_FOUND: {
    vi: (p) =>
      `Không đọc được mẫu báo cáo ${p.path}. Kiểm tra đường dẫn trong --template hoặc mục template của baocao.yaml.`,
    en: (p) => `The report template ${p.path} cannot be read. Check the path given to --template or in baocao.yaml.`,
  },
  TEMPLATE_UNREADABLE: {
    vi: (p) => `Không đọc được mẫu báo cáo ${p.path}: ${reasonText('vi', p)}.`,
    en: (p) => `The template ${p.path} cannot be read: ${reasonText('en', p)}.`,
  },
  TEMPLATE_SYNTAX: {
    vi: (p) => `Mẫu báo cáo sai cú pháp Handlebars: ${p.detail}. Kiểm tra các cặp {{#...}} và {{/...}}.`,
    en: (p) => `The template is not valid Handlebars: ${p.detail}. Check every {{#...}} has its {{/...}}.`,
  },
  TEMPLATE_UNKNOWN_HELPER: {
    vi: (p) => `Mẫu báo cáo dùng hàm "${p.name}" không tồn tại. Xem danh sách hàm trong README (mục Mẫu báo cáo).`,
    en: (p) => `The template uses the helper "${p.name}", which does not exist. See the helpers listed in the README.`,
  },
  TEMPLATE_UNKNOWN_VARIABLE: {
    vi: (p) =>
      `Mẫu báo cáo dùng "${p.name}" nhưng dữ liệu không có mục này${p.suggestion ? ` — có phải là ${p.suggestion}?` : ' (có thể gõ sai tên). Xem các mục dữ liệu trong README.'}`,
    en: (p) =>
      `The template uses "${p.name}", which the data does not have${p.suggestion ? ` — did you mean ${p.suggestion}?` : ' (perhaps misspelt). See the data fields in the README.'}`,
  },
  TEMPLATE_PRINTS_DATA: {
    vi: (p) =>
      Number(p.list)
        ? `Mẫu in "{{${p.name}}}", là một danh sách, không phải chữ (trong văn bản sẽ thành "[dữ liệu]"). Dùng {{#each ${p.name}}} … {{/each}} để in từng mục, hoặc {{list ${p.name}}}.`
        : `Mẫu in "{{${p.name}}}", là một nhóm dữ liệu, không phải chữ (trong văn bản sẽ thành "[dữ liệu]"). In một mục của nó${p.fields ? `, ví dụ {{${p.name === 'this' ? '' : `${p.name}.`}${String(p.fields).split(', ')[0]}}} (có: ${p.fields})` : ''}.`,
    en: (p) =>
      Number(p.list)
        ? `The template prints "{{${p.name}}}", a list, not text (it would read "[dữ liệu]"). Use {{#each ${p.name}}} … {{/each}} to print each item, or {{list ${p.name}}}.`
        : `The template prints "{{${p.name}}}", a group of data, not text (it would read "[dữ liệu]"). Print one of its fields${p.fields ? `, e.g. {{${p.name === 'this' ? '' : `${p.name}.`}${String(p.fields).split(', ')[0]}}} (there are: ${p.fields})` : ''}.`,
  },
  NARRATIVE_SELF_REFERENCE: {
    vi: (p) =>
      `Tệp nội dung dùng "{{${p.name}}}": phần nội dung lấy được số liệu, nhưng không lấy được chính phần nội dung (sẽ in chỗ trống tô vàng). Viết thẳng chữ vào đây.`,
    en: (p) =>
      `The narrative uses "{{${p.name}}}": a narrative section may use the data, not the narrative itself (it would print the yellow placeholder). Write the text here.`,
  },
  NARRATIVE_NOT_FOUND: {
    vi: (p) =>
      `Không đọc được tệp nội dung ${p.path} (mục narrative của baocao.yaml). Kiểm tra tên tệp, hoặc chạy \`baocao init\` ở thư mục mới để có tệp mẫu.`,
    en: (p) =>
      `The narrative ${p.path} (narrative: in baocao.yaml) cannot be read. Check its name, or run \`baocao init\` in a new folder for a skeleton.`,
  },
  NARRATIVE_UNREADABLE: {
    vi: (p) => `Không đọc được tệp nội dung ${p.path}: ${reasonText('vi', p)}.`,
    en: (p) => `The narrative ${p.path} cannot be read: ${reasonText('en', p)}.`,
  },
  NARRATIVE_UNKNOWN_SECTION: {
    vi: (p) => `Mục "## ${p.name}" không phải một phần của báo cáo. Các mục có: ${p.known}.`,
    en: (p) => `The heading "## ${p.name}" names no section of the report. The sections are: ${p.known}.`,
  },
  NARRATIVE_DUPLICATE_SECTION: {
    vi: (p) => `Mục "## ${p.name}" đã có ở dòng ${p.first}. Gộp hai phần nội dung vào một mục.`,
    en: (p) => `The heading "## ${p.name}" is already at line ${p.first}. Put both texts under one heading.`,
  },
  NARRATIVE_OUTSIDE_SECTION: {
    vi: () =>
      'Nội dung này nằm trước mục "## " đầu tiên nên không thuộc phần nào của báo cáo. Đặt nó dưới một mục, ví dụ "## Tình hình".',
    en: () =>
      'This text comes before the first "## " heading, so it belongs to no section of the report. Put it under one, e.g. "## Tình hình".',
  },
  NARRATIVE_MISSING: {
    vi: (p) =>
      `Phần "${p.section}" của báo cáo chưa có nội dung; văn bản đang để chỗ trống được tô vàng. Viết nội dung dưới mục "## ${p.section}" trong tệp nội dung.`,
    en: (p) =>
      `The section "${p.section}" has no text yet; the document shows a highlighted placeholder. Write it under "## ${p.section}" in the narrative.`,
  },
  NARRATIVE_FROM_WORD: {
    vi: (p) =>
      p.file === undefined
        ? `Phần "${p.section}" lấy từ chữ đã viết trong Word (${p.path}). Định nghĩa không có tệp nội dung (mục narrative), nên chữ này chỉ nằm trong báo cáo.`
        : `Phần "${p.section}" lấy từ chữ đã viết trong Word (${p.path}) và đã ghi vào tệp nội dung ${p.file}.`,
    en: (p) =>
      p.file === undefined
        ? `The section "${p.section}" comes from the text written in Word (${p.path}). The definition names no narrative file, so the text lives in the report only.`
        : `The section "${p.section}" comes from the text written in Word (${p.path}) and has been written into the narrative ${p.file}.`,
  },
  NARRATIVE_FIGURES_FIXED: {
    vi: (p) =>
      `Phần "${p.section}" trong tệp nội dung có số liệu tự động ({{...}}); bản sửa trong Word ghi các số đó thành chữ, nên chúng không còn tự cập nhật theo số liệu mới. Kiểm tra lại các số trong phần này, hoặc viết lại {{...}} trong tệp nội dung.`,
    en: (p) =>
      `The section "${p.section}" of the narrative had figures filled in from the data ({{...}}); the text edited in Word holds them as plain text, so they no longer follow the data. Check the figures in this section, or write the {{...}} again in the narrative.`,
  },
  NARRATIVE_EMPTIED_IN_WORD: {
    vi: (p) =>
      `Phần "${p.section}" đã bị xoá hết chữ trong Word (${p.path}); báo cáo giữ nội dung trong tệp nội dung ${p.file}. Muốn bỏ phần này thì xoá nó trong tệp nội dung.`,
    en: (p) =>
      `All text of the section "${p.section}" was deleted in Word (${p.path}); the report keeps the narrative's text from ${p.file}. To drop it, delete it in the narrative.`,
  },
  NARRATIVE_CONFLICT: {
    vi: (p) =>
      `Phần "${p.section}" đã sửa cả trong Word (${p.path}) lẫn trong tệp nội dung ${p.file} từ lần lập trước; không biết giữ bản nào nên không ghi gì. Giữ một bản: chép phần đó từ Word vào tệp nội dung, hoặc bỏ thay đổi ở một bên, rồi chạy lại.`,
    en: (p) =>
      `The section "${p.section}" was changed both in Word (${p.path}) and in the narrative ${p.file} since the last build; which to keep cannot be known, so nothing is written. Keep one: copy the section from Word into the narrative, or undo the change on one side, then run again.`,
  },
  OUTPUT_NOT_XLSX: {
    vi: (p) => `Tệp ${p.path} của --xlsx phải có đuôi .xlsx (bảng tính Excel), ví dụ "bieu-tong-hop.xlsx".`,
    en: (p) => `The --xlsx file ${p.path} must end in .xlsx (an Excel workbook), e.g. "figures.xlsx".`,
  },
  AS_RETURN_FORMAT: {
    vi: (p) => `Tệp ${p.path} của --as-return phải có đuôi .csv hoặc .xlsx (dạng báo cáo baocao đọc được).`,
    en: (p) => `The --as-return file ${p.path} must end in .csv or .xlsx (a return baocao reads).`,
  },
  AS_RETURN_NO_UNIT: {
    vi: (p) => `--as-return ${p.path} cần --unit MÃ: mã của đơn vị này trong định nghĩa cấp trên (ví dụ mã tỉnh).`,
    en: (p) =>
      `--as-return ${p.path} needs --unit CODE: this office's code in the definition of the level above (the province's code, say).`,
  },
  AS_RETURN_INCOMPLETE: {
    vi: (p) =>
      `Chưa đủ báo cáo của các đơn vị (thiếu ${p.count}: ${p.names}) nên không lập báo cáo gửi cấp trên ${p.path}: số cộng sẽ thiếu. Nhận đủ báo cáo rồi chạy lại.`,
    en: (p) =>
      `Returns are missing (${p.count}: ${p.names}), so the return for the level above ${p.path} is not written: its sums would be short. Receive them all, then run again.`,
  },
  NARRATIVE_PULL_NO_FILE: {
    vi: (p) =>
      `Định nghĩa báo cáo không có tệp nội dung (mục narrative), nên không có chỗ ghi các phần viết trong ${p.path}. Thêm dòng "narrative: noi-dung.md" vào baocao.yaml rồi chạy lại.`,
    en: (p) =>
      `The definition names no narrative file (narrative:), so the sections written in ${p.path} have nowhere to go. Add "narrative: noi-dung.md" to baocao.yaml and run again.`,
  },
  NARRATIVE_PULL_UNMARKED: {
    vi: (p) =>
      `${p.path} không phải báo cáo do baocao (phiên bản này) lập, nên không biết phần nào là nội dung đã viết; không ghi gì. Chỉ ra tệp DOCX do \`baocao build\` ghi.`,
    en: (p) =>
      `${p.path} is not a report made by (this version of) baocao, so which parts are the narrative cannot be told; nothing is written. Name a DOCX written by \`baocao build\`.`,
  },
  REPORT_EDITED: {
    vi: (p) =>
      p.copy === undefined
        ? `Đoạn "${p.paragraph}" đã sửa trong Word (${p.path}); số liệu được lập lại từ báo cáo của các đơn vị nên bản trình ký không lập (--final). Sửa số liệu ở báo cáo của đơn vị (hoặc mẫu báo cáo), hoặc chạy không có --final để lưu bản đã sửa thành một tệp riêng.`
        : `Đoạn "${p.paragraph}" đã sửa trong Word; số liệu được lập lại từ báo cáo của các đơn vị; bản đã sửa lưu ở ${p.copy}.`,
    en: (p) =>
      p.copy === undefined
        ? `The paragraph "${p.paragraph}" was edited in Word (${p.path}); the figures are built again from the units' returns, so the signed copy is not built (--final). Correct the figures in the units' returns (or the template), or run without --final to keep the edited report as a separate file.`
        : `The paragraph "${p.paragraph}" was edited in Word; the figures are built again from the units' returns; the edited report is kept as ${p.copy}.`,
  },
  REPORT_UNMARKED: {
    vi: (p) =>
      `Báo cáo hiện có ${p.path} không do phiên bản này của baocao lập, nên không biết trong đó đã viết gì; bản cũ được giữ ở ${p.copy}.`,
    en: (p) =>
      `The existing report ${p.path} was not made by this version of baocao, so what was written in it cannot be told; the old file is kept as ${p.copy}.`,
  },
  REPORT_SECTION_LOST: {
    vi: (p) =>
      `Không tìm thấy phần "${p.sections}" trong báo cáo ${p.path}: khung nội dung của nó và đoạn liền trước hoặc liền sau đã bị sửa hay xoá, nên không biết chữ đã viết nằm ở đâu; không ghi gì. Chép phần đã viết vào tệp nội dung, đổi tên hoặc chuyển báo cáo cũ đi, rồi chạy lại.`,
    en: (p) =>
      `The section "${p.sections}" cannot be found in the report ${p.path}: its content control and the paragraph before or after it were changed or deleted, so where the text written there lies cannot be told; nothing is written. Copy what was written into the narrative, rename or move the old report, then run again.`,
  },
  TEMPLATE_OUTPUT_TOO_LARGE: {
    vi: (p) =>
      `Mẫu báo cáo sinh ra phần nội dung quá dài (${p.size} MiB, giới hạn ${p.limit} MiB). Kiểm tra các vòng lặp {{#each}}; số liệu từng đơn vị đã có trong Phụ lục.`,
    en: (p) =>
      `The template writes a body that is too long (${p.size} MiB, limit ${p.limit} MiB). Check its {{#each}} loops; each unit's figures are already in the appendix.`,
  },
  MARKDOWN_TOO_DEEP: {
    vi: (p) =>
      `${p.section === undefined ? 'Mẫu báo cáo sinh ra' : `Mục "${p.section}" của tệp nội dung có`} một đoạn không dựng được thành văn bản: trích dẫn (">") hoặc danh sách lồng nhau hàng nghìn tầng, hay một đoạn văn hàng chục nghìn dòng liền. Bỏ bớt các dấu ">" hoặc phần thụt lề ở đầu dòng, hoặc tách đoạn bằng một dòng trống.`,
    en: (p) =>
      `${p.section === undefined ? 'The template writes' : `The narrative's section "${p.section}" holds`} a passage that cannot be laid out: quotes (">") or lists nested thousands deep, or a paragraph of tens of thousands of lines. Remove the extra ">" or indentation at the start of its lines, or split it with blank lines.`,
  },
  TEMPLATE_HELPER: {
    vi: (p) => `Hàm "${p.helper}" dùng chưa đúng: ${p.detail}.`,
    en: (p) => `The helper "${p.helper}" is used the wrong way: ${p.detail}.`,
  },
  DOCUMENT_MISSING: {
    vi: () =>
      'Định nghĩa báo cáo chưa có mục document (cơ quan, số ký hiệu, ngày, người ký, nơi nhận) nên chưa lập được văn bản. Thêm mục này theo mẫu trong README.',
    en: () =>
      'The definition has no document section (agency, number, date, signer, recipients), so no report can be written. Add it as shown in the README.',
  },
  OUTPUT_IS_INPUT: {
    vi: (p) =>
      p.input === undefined || p.input === p.path
        ? `Tệp kết quả ${p.path} trùng với một tệp đầu vào (định nghĩa, mẫu, tệp nội dung hay một báo cáo); không ghi gì. Chọn tên khác bằng -o.`
        : `Tệp kết quả ${p.path} sẽ ghi vào ${p.input}, là tệp hay thư mục đầu vào (định nghĩa, mẫu, tệp nội dung, thư mục báo cáo của đơn vị hay báo cáo kỳ trước); không ghi gì. Chọn tên hoặc thư mục khác bằng -o.`,
    en: (p) =>
      p.input === undefined || p.input === p.path
        ? `The output ${p.path} is one of the inputs (the definition, the template, the narrative or a return); nothing is written. Choose another name with -o.`
        : `The output ${p.path} would be written into ${p.input}, an input of the run (the definition, the template, the narrative, the returns folder or last period's); nothing is written. Choose another name or folder with -o.`,
  },
  OUTPUT_FEEDBACK_FOLDER: {
    vi: (p) =>
      p.reason === 'RETURNS'
        ? `Thư mục phản hồi ${p.path} là thư mục báo cáo; tệp phản hồi ghi vào đó sẽ bị đọc như báo cáo. Chọn thư mục khác cho --feedback, ví dụ phan-hoi.`
        : p.reason === 'NOT_FOLDER'
          ? `${p.path} là một tệp, không phải thư mục; --feedback cần một thư mục để ghi mỗi đơn vị một tệp phản hồi. Chọn tên thư mục khác, ví dụ phan-hoi (chưa có thì được tạo).`
          : `Trong thư mục phản hồi đã có tệp ${p.path} không do baocao tạo; không ghi đè. Đổi tên hoặc chuyển tệp đó đi, hoặc chọn thư mục khác cho --feedback.`,
    en: (p) =>
      p.reason === 'RETURNS'
        ? `The feedback folder ${p.path} is a returns folder; feedback written there would be read as returns. Choose another folder for --feedback, e.g. feedback.`
        : p.reason === 'NOT_FOLDER'
          ? `${p.path} is a file, not a folder; --feedback needs a folder to write one feedback file per unit in. Choose another name, e.g. feedback (created if missing).`
          : `The feedback folder already has ${p.path}, which baocao did not write; it is not replaced. Rename or move it, or choose another folder for --feedback.`,
  },
  OUTPUT_FAILED: {
    vi: (p) =>
      `Không ghi được tệp ${p.path} (${p.reason}). Kiểm tra thư mục tồn tại, còn chỗ trống và tệp không đang mở trong Word.`,
    en: (p) =>
      `Cannot write ${p.path} (${p.reason}). Check the folder exists, has space, and the file is not open in Word.`,
  },
  OUTPUT_NOT_REGULAR: {
    vi: (p) =>
      `${p.path} là ${KIND.vi[String(p.kind)] ?? p.kind}, không phải tệp thông thường; không ghi vào đó. Chọn tên tệp khác bằng -o.`,
    en: (p) =>
      `${p.path} is ${KIND.en[String(p.kind)] ?? p.kind}, not a regular file; nothing is written there. Choose another file name with -o.`,
  },
  OUTPUT_READ_ONLY: {
    vi: (p) =>
      `Tệp ${p.path} đang ở chế độ chỉ đọc (có thể là bản đã trình ký); không ghi đè. Chọn tên khác bằng -o, hoặc dùng --force nếu chắc chắn muốn thay.`,
    en: (p) =>
      `${p.path} is read-only (perhaps the signed copy); it is not replaced. Choose another name with -o, or use --force if you are sure.`,
  },
  OUTPUT_BUSY: {
    vi: (p) => `Một lệnh khác (tiến trình ${p.pid}) đang ghi ${p.path}. Chờ lệnh đó xong rồi chạy lại.`,
    en: (p) => `Another command (process ${p.pid}) is writing ${p.path}. Wait for it to finish and run again.`,
  },
  DOCUMENT_INVALID: {
    vi: (p) =>
      `Văn bản vừa lập không hợp lệ (${p.detail}) nên không được ghi. Đây là lỗi của chương trình: chạy lại với --debug và gửi kết quả cho người quản trị.`,
    en: (p) =>
      `The document just made is not valid (${p.detail}), so it was not written. This is a program fault: run again with --debug and send the output to the maintainers.`,
  },
  PDF_CONVERTER_MISSING: {
    vi: (p) =>
      `Không tìm thấy LibreOffice để tạo ${p.path}; tệp DOCX vẫn đã được ghi.${pdfMoved('vi', p)} Cài LibreOffice (Windows, macOS: tải tại libreoffice.org; Debian, Ubuntu: sudo apt install libreoffice-writer-nogui) rồi chạy lại, hoặc chỉ ra lệnh soffice bằng biến BAOCAO_SOFFICE.`,
    en: (p) =>
      `LibreOffice was not found to make ${p.path}; the DOCX was still written.${pdfMoved('en', p)} Install LibreOffice (Windows, macOS: from libreoffice.org; Debian, Ubuntu: sudo apt install libreoffice-writer-nogui) and run again, or name the soffice command in BAOCAO_SOFFICE.`,
  },
  PDF_FAILED: {
    vi: (p) =>
      `LibreOffice không tạo được ${p.path} (${p.reason}); tệp DOCX vẫn đã được ghi, không có tệp PDF dở dang.${pdfMoved('vi', p)} Mở DOCX bằng Word hoặc LibreOffice và lưu thành PDF, hoặc chạy lại.`,
    en: (p) =>
      `LibreOffice could not make ${p.path} (${p.reason}); the DOCX was still written and no partial PDF is left.${pdfMoved('en', p)} Open the DOCX in Word or LibreOffice and save it as PDF, or run again.`,
  },
  INIT_EXISTS: {
    vi: (p) => `${p.path} đã có; baocao init không ghi đè. Chọn thư mục khác: baocao init THƯ-MỤC-MỚI.`,
    en: (p) => `${p.path} already exists; baocao init never overwrites. Choose another folder: baocao init NEW-FOLDER.`,
  },
  FORM_EXISTS: {
    vi: (p) =>
      `Biểu mẫu ${p.path} đã có (có thể đã được điền); không ghi đè. Chọn thư mục khác bằng -o; chỉ dùng --force khi chắc tệp đó là biểu mẫu trống cũ.`,
    en: (p) =>
      `The form ${p.path} already exists (it may be filled in); it is not overwritten. Choose another folder with -o; use --force only when sure it is an old blank form.`,
  },
  INTERNAL: {
    vi: (p) =>
      `Lỗi ngoài dự kiến của chương trình: ${p.detail}. Chạy lại với --debug và gửi kết quả cho người quản trị.`,
    en: (p) => `Unexpected internal error: ${p.detail}. Run again with --debug and send the output to the maintainers.`,
  },
} satisfies Record<string, Record<Lang, Render>>;

export type ProblemCode = keyof typeof catalog;
export const PROBLEM_CODES = Object.keys(catalog) as ProblemCode[];

/** Text with every control character (which could move a terminal's cursor or recolour it) shown as �. */
export const printable = (text: string): string => text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '\ufffd');

/** Longest piece of user text a message repeats (a 10 MB cell is shown by its start). */
const MAX_ECHO = 120;

/**
 * User text as a message may show it: control characters (which could move the
 * cursor or recolour a terminal) replaced, and long values cut.
 */
export function safeText(text: string): string {
  const clean = printable(text);
  return [...clean].length > MAX_ECHO ? [...clean].slice(0, MAX_ECHO - 1).join('') + '…' : clean;
}

export function message(code: ProblemCode, params: Params = {}, lang: Lang = 'vi'): string {
  const safe: Params = {};
  for (const [k, v] of Object.entries(params)) safe[k] = typeof v === 'string' ? safeText(v) : v;
  // A keyed detail is worded in the run's language (details.ts).
  if (isDetailKey(params.detailKey)) safe.detail = detail(params.detailKey, safe, lang);
  return (catalog[code][lang] as Render)(safe);
}
