// The columns of a feedback workbook (check --feedback): written by feedback.ts, and known
// to ingest, so that a feedback file put among the returns is named for what it is.
export const FEEDBACK_HEAD = [
  'Tệp',
  'Vị trí',
  'Mã chỉ tiêu',
  'Tên chỉ tiêu',
  'Giá trị',
  'Mức',
  'Vấn đề',
  'Cách sửa',
  'Mã lỗi',
] as const;
