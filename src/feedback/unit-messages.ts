// What a feedback workbook says to a unit: the commune fixes its form, so it is never told
// about the office's options, definition keys or folders. A problem that is the office's own
// (a file in its folder that is no return, its last-period archive) stays with the office;
// a problem whose office message names an option or a key is said to the unit in its own words.
import { message, type ProblemCode } from '../messages/catalog.js';
import { factsOf, type Problem } from '../messages/problem.js';

/** Codes that are the office's to settle, never sent to a unit. */
export const OFFICE_ONLY: ReadonlySet<ProblemCode> = new Set<ProblemCode>([
  'UNSUPPORTED_FILE', // a scan, a note or an archive in the office's returns folder
  'NOT_REGULAR_FILE',
  'UNREADABLE_FILE', // the office's own file system
  'RUN_TOO_LARGE',
  'NO_CSV_FILES',
  'NO_RETURNS',
  'PREVIOUS_MISSING', // the office's archive of last period
  'FILE_NAMED_TWICE', // the office's own command line
  'RETURN_CHANGED', // the office's register and returns folder
]);

type Params = ReturnType<typeof factsOf>;
const rows = (p: Params) => Number(p?.rows) > 1;

/** The unit's own words for codes whose office message names what only the office can do. */
const UNIT_TEXT: Partial<Record<ProblemCode, (p: Params) => string>> = {
  INVALID_ENCODING: () =>
    'Tệp không đọc được theo bảng mã chữ Việt nào (có thể là TCVN3 hoặc VNI). Mở tệp trong Excel và lưu lại dạng "Excel Workbook (.xlsx)" hoặc "CSV UTF-8".',
  HEADER_TOO_WIDE: (p) =>
    `Dòng tiêu đề có ${p?.count} cột, quá nhiều cho một biểu mẫu báo cáo; tệp không được đọc. Ghi số liệu vào biểu mẫu đã được gửi rồi gửi lại.`,
  MISSING_COLUMN: (p) =>
    `Thiếu cột "${p?.alias}" trong dòng tiêu đề. Ghi số liệu vào biểu mẫu đã được gửi, hoặc thêm cột này rồi gửi lại.`,
  UNKNOWN_UNIT: (p) =>
    p?.value === ''
      ? `${rows(p) ? `${p?.rows} dòng của tệp chưa ghi mã đơn vị` : 'Dòng chưa ghi mã đơn vị'}, nên số liệu không được tính. Ghi mã đơn vị như trong biểu mẫu.`
      : `Mã đơn vị "${p?.value}" không có trong danh sách đơn vị của báo cáo${rows(p) ? ` (${p?.rows} dòng của tệp ghi mã này)` : ''}, nên số liệu không được tính. Ghi đúng mã đơn vị như trong biểu mẫu đã được gửi.`,
  AMBIGUOUS_NUMBER: (p) =>
    `"${p?.value}" đọc được hai cách: ${p?.en} (dấu phẩy tách hàng nghìn) hoặc ${p?.vi} (dấu phẩy thập phân). Ghi số không có dấu phẩy tách hàng nghìn (ví dụ ${p?.plain}).`,
  PREVIOUS_MISMATCH: (p) =>
    `Cùng kỳ ghi ${p?.value} nhưng báo cáo kỳ ${p?.period} đơn vị đã gửi ghi ${p?.archived}. Sửa cột "Cùng kỳ" theo báo cáo kỳ trước${p?.revised ? ' (số liệu kỳ trước đã được điều chỉnh: chỉ cần xem lại)' : '; nếu số liệu kỳ trước đã được điều chỉnh chính thức, báo lại cơ quan tổng hợp'}.`,
  MISSING_UNIT: (p) =>
    `Đơn vị chưa có số liệu${p?.unread ? ' (tệp đã gửi không đọc được: xem các dòng trên)' : ''}. Đề nghị gửi báo cáo theo biểu mẫu.`,
  FEEDBACK_FILE: () =>
    'Tệp đã gửi là bảng phản hồi (danh sách lỗi), không phải báo cáo. Sửa biểu mẫu báo cáo của đơn vị theo phản hồi, rồi gửi lại chính biểu mẫu đó.',
};

/** Whether a problem is the office's own, never a unit's to fix. */
export const officeOnly = (p: Problem) => OFFICE_ONLY.has(p.code);

/** A problem's message as a unit reads it, in Vietnamese. */
export function unitMessage(p: Problem): string {
  return UNIT_TEXT[p.code]?.(factsOf(p)) ?? message(p.code, p.params, 'vi');
}
