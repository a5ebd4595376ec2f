// The sections of a review report the office writes (the narrative), as every stage names
// them: the outline's own seven, then any the definition adds (narrativeSections:). The
// narrative file has one "## " heading per section; the template prints one with
// {{narrative.<key>}}; the report holds each in a content control titled with its heading.
import { stripMarks } from '../text/marks.js';

export interface NarrativeSection {
  key: string;
  heading: string;
  /** Sections a review report always has; the others appear only when written. */
  required: boolean;
  hint: string;
}

export const NARRATIVE_SECTIONS: readonly NarrativeSection[] = [
  { key: 'tinhHinh', heading: 'Tình hình', required: false, hint: 'Tình hình chung trong kỳ (nếu cần), vài câu.' },
  {
    key: 'chiDao',
    heading: 'Lãnh đạo, chỉ đạo',
    required: true,
    hint: 'Các văn bản, hội nghị, đợt kiểm tra đã ban hành, tổ chức trong kỳ.',
  },
  {
    key: 'uuDiem',
    heading: 'Ưu điểm',
    required: true,
    hint: 'Những kết quả nổi bật; có thể dùng số liệu, ví dụ {{percent indicators.MA.current}}.',
  },
  { key: 'tonTai', heading: 'Tồn tại, hạn chế', required: true, hint: 'Những việc chưa làm được, chỉ tiêu chưa đạt.' },
  {
    key: 'nguyenNhan',
    heading: 'Nguyên nhân',
    required: true,
    hint: 'Nguyên nhân khách quan và chủ quan của tồn tại, hạn chế.',
  },
  {
    key: 'phuongHuong',
    heading: 'Phương hướng, nhiệm vụ',
    required: true,
    hint: 'Nhiệm vụ trọng tâm kỳ tới, mỗi nhiệm vụ một dòng "1. ...".',
  },
  { key: 'kienNghi', heading: 'Đề xuất, kiến nghị', required: false, hint: 'Đề xuất với cấp trên (nếu có).' },
];

/** "Tồn tại, hạn chế" → "ton tai han che": headings match whatever the case, marks and punctuation. */
export const normaliseHeading = (s: string) =>
  stripMarks(s)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** What a section is called where it is to be written: its placeholder, its content control's title. */
export const sectionTitle = (heading: string) => `Nội dung: ${heading}`;

/** A section's heading by its key, among `sections` (the key itself when none has it). */
export const headingOf = (sections: readonly NarrativeSection[], key: string) =>
  sections.find((s) => s.key === key)?.heading ?? key;
