// Layout values of Decree 30/2020/NĐ-CP (Appendix I) in DOCX units: twips for
// lengths (1 mm = 56.7), half-points for font sizes. See shared/reference/decree-30-layout.md.

export const mm = (v: number) => Math.round(v * 56.7);

export const PAGE = {
  width: 11906, // A4
  height: 16838,
  margin: { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15), header: mm(10), footer: mm(10) },
} as const;

/** Width of the text block on a portrait page. */
export const TEXT_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;
/** Width of the text block on a landscape page (appendix). */
export const LANDSCAPE_TEXT_WIDTH = PAGE.height - PAGE.margin.left - PAGE.margin.right;

export const FONT = 'Times New Roman';
export const LANGUAGE = 'vi-VN';

/** Font sizes in half-points. */
export const SIZE = {
  body: 28, // 14 pt
  agency: 26, // 13 pt: cơ quan chủ quản, cơ quan ban hành
  number: 26, // 13 pt: "Số: …"
  nationalTitle: 26, // 13 pt: CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
  motto: 28, // 14 pt: Độc lập - Tự do - Hạnh phúc
  placeDate: 28, // 14 pt, italic
  docType: 28, // 14 pt: BÁO CÁO
  subject: 28, // 14 pt: trích yếu
  recipientsTitle: 24, // 12 pt: Nơi nhận:
  recipients: 22, // 11 pt
  signature: 28, // 14 pt
  pageNumber: 26, // 13 pt
  table: 26, // 13 pt, tables in the body
  appendix: 20, // 10 pt, the wide table by unit (smaller, down to 7 pt, when its figures need it)
  appendixHead: 18, // 9 pt, its header (1 pt below the figures)
} as const;

export const BODY = {
  firstLineIndent: 720, // 1.27 cm
  spacingAfter: 120, // 6 pt
  line: 312, // 1.3 lines
} as const;

/**
 * Estimated width of text set in Times New Roman, in em. Advances: digits 0.5 em,
 * "." "," and space 0.25 em; on average ~0.47 em for lower case and ~0.7 em for capitals.
 */
export function textEm(text: string): number {
  let em = 0;
  for (const ch of text.normalize('NFC'))
    em +=
      ch >= '0' && ch <= '9' ? 0.5 : ch === ' ' || ch === '.' || ch === ',' ? 0.25 : /\p{Lu}/u.test(ch) ? 0.7 : 0.47;
  return em;
}

/** Twips of `em` at a size in half-points; grows with `em`, so the widest text gives the widest width. */
export const emWidth = (em: number, halfPoints: number, bold = false): number =>
  Math.round(em * halfPoints * 10 * (bold ? 1.05 : 1));

/** Estimated width in twips of text set in Times New Roman (for rules drawn under a line). */
export const textWidth = (text: string, halfPoints: number, bold = false): number =>
  emWidth(textEm(text), halfPoints, bold);
