// The parts of the report the decree fixes, laid out from the definition rather
// than the template: the header table, the title and subject, the signature block.
import {
  AlignmentType,
  BorderStyle,
  LineRuleType,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import { signingAuthorities, type DocumentData } from '../../definition/schema.js';
import { LEVELS } from '../../present/names.js';
import { formatDateVi, isoDateParts, paddedNumber } from '../../present/wording.js';
import { SIZE, TEXT_WIDTH, textWidth } from './layout.js';

const upper = (s: string) => s.toLocaleUpperCase('vi');

interface Line {
  text: string;
  size: number;
  /** Line spacing in 240ths (1,1 lines unless said). */
  line?: number;
  bold?: boolean;
  italics?: boolean;
  before?: number;
  after?: number;
}

const centred = (l: Line) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: l.before ?? 0, after: l.after ?? 0, line: l.line ?? 264 },
    indent: { firstLine: 0 },
    children: [new TextRun({ text: l.text, size: l.size, bold: l.bold, italics: l.italics })],
  });

/**
 * A solid rule of `width` twips centred in a box `box` twips wide: the bottom border
 * of an empty paragraph 3 pt high, so it clears the descenders and diacritics above.
 */
export function rule(width: number, box: number, after = 0, before = 0): Paragraph {
  const side = Math.max(0, Math.round((box - width) / 2));
  return new Paragraph({
    indent: { left: side, right: side },
    spacing: { before, after, line: 60, lineRule: LineRuleType.EXACT },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 0 } },
    children: [new TextRun({ text: '', size: 4 })],
  });
}

const NO_MARGINS = { top: 0, bottom: 0, left: 0, right: 0 };

function frameTable(widths: [number, number], ...rows: [Paragraph[], Paragraph[]][]): Table {
  const cell = (children: Paragraph[], width: number) =>
    new TableCell({
      children,
      width: { size: width, type: WidthType.DXA },
      margins: NO_MARGINS,
      verticalAlign: VerticalAlign.TOP,
    });
  return new Table({
    width: { size: widths[0] + widths[1], type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    // Rows that never split: the recipients and the signature stay on one page together.
    rows: rows.map(
      ([left, right]) => new TableRow({ cantSplit: true, children: [cell(left, widths[0]), cell(right, widths[1])] }),
    ),
  });
}

const HEADER_LEFT = 3700;
const HEADER_RIGHT = TEXT_WIDTH - HEADER_LEFT;
const NATIONAL_TITLE = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
const MOTTO = 'Độc lập - Tự do - Hạnh phúc';

/** Levels of administration: the level and the place after it stay on one line ("TỈNH HÀ GIANG"). */
const LEVEL = new RegExp(`^(${LEVELS.map(upper).join('|')})\\s(?!HỘI(\\s|$))`, 'u');

/**
 * An agency's name as header lines: the lines the definition gives (a name written on
 * several lines), else broken between words to fit `width`, never inside a place name.
 */
export function agencyLines(name: string, width: number, size: number, bold: boolean): string[] {
  return upper(name)
    .split(/\r?\n/)
    .map((l) => l.trim().split(/\s+/).join(' '))
    .filter((l) => l !== '')
    .flatMap((line) => {
      if (textWidth(line, size, bold) <= width) return [line];
      // Words, with a place name and its level as one piece.
      const pieces: string[] = [];
      const words = line.split(' ');
      for (let i = 0; i < words.length; i++) {
        const rest = words.slice(i).join(' ');
        if (LEVEL.test(rest) && textWidth(rest, size, bold) <= width) {
          pieces.push(rest);
          break;
        }
        pieces.push(words[i]!);
      }
      const out: string[] = [];
      for (const piece of pieces) {
        const joined = out.length > 0 ? `${out.at(-1)} ${piece}` : piece;
        if (out.length > 0 && textWidth(joined, size, bold) <= width) out[out.length - 1] = joined;
        else out.push(piece);
      }
      return out;
    });
}

/**
 * Header: agency on the left, national title and motto on the right; then "Số:" and the
 * place and date, on one row so they stay level however many lines the agency takes.
 */
export function headerFrame(doc: DocumentData): Table {
  const issuer = agencyLines(doc.coQuanBanHanh, HEADER_LEFT, SIZE.agency, true);
  const governing =
    doc.coQuanChuQuan === undefined ? [] : agencyLines(doc.coQuanChuQuan, HEADER_LEFT, SIZE.agency, false);
  const [y, m, d] = isoDateParts(doc.ngay);
  const issuerRule = Math.min(Math.max(...issuer.map((l) => textWidth(l, SIZE.agency, true))), HEADER_LEFT) * 0.45;
  return frameTable(
    [HEADER_LEFT, HEADER_RIGHT],
    [
      [
        ...governing.map((text) => centred({ text, size: SIZE.agency })),
        ...issuer.map((text) => centred({ text, size: SIZE.agency, bold: true })),
        rule(issuerRule, HEADER_LEFT),
      ],
      [
        centred({ text: NATIONAL_TITLE, size: SIZE.nationalTitle, bold: true }),
        centred({ text: MOTTO, size: SIZE.motto, bold: true }),
        rule(textWidth(MOTTO, SIZE.motto, true), HEADER_RIGHT),
      ],
    ],
    [
      [centred({ text: `Số: ${paddedNumber(doc.soKyHieu)}`, size: SIZE.number, before: 120 })],
      [centred({ text: `${doc.diaDanh}, ${formatDateVi(y, m, d)}`, size: SIZE.placeDate, italics: true, before: 120 })],
    ],
  );
}

/** "BÁO CÁO", the subject line, and the short rule under it. */
export function titleBlock(doc: DocumentData): Paragraph[] {
  const subjectWidth = Math.min(textWidth(doc.trichYeu, SIZE.subject, true), TEXT_WIDTH);
  return [
    centred({ text: 'BÁO CÁO', size: SIZE.docType, bold: true, before: 480 }),
    centred({ text: doc.trichYeu, size: SIZE.subject, bold: true }),
    // 3 pt below the subject: clear of its lower marks ("vệ", "quốc").
    rule(subjectWidth * 0.4, TEXT_WIDTH, 360, 60),
  ];
}

const SIGN_LEFT = Math.round(TEXT_WIDTH * 0.48);
const SIGN_RIGHT = TEXT_WIDTH - SIGN_LEFT;

/** Recipients ("Nơi nhận:") beside the authority, title, space to sign and the signer's name. */
export function signatureFrame(doc: DocumentData): Table {
  const left = [
    new Paragraph({
      spacing: { before: 0, after: 0 },
      indent: { firstLine: 0 },
      alignment: AlignmentType.LEFT,
      children: [new TextRun({ text: 'Nơi nhận:', size: SIZE.recipientsTitle, bold: true, italics: true })],
    }),
    ...doc.noiNhan.map(
      (r) =>
        new Paragraph({
          spacing: { before: 0, after: 0 },
          indent: { firstLine: 0 },
          alignment: AlignmentType.LEFT,
          children: [new TextRun({ text: `- ${r}`, size: SIZE.recipients })],
        }),
    ),
  ];
  const right = [
    // The authority (TM., KT., Q., TL., TUQ. — several levels in order), then the titles.
    // 1,25 lines: capitals stacked with marks (Ủ, Ộ, Ị) would touch the line above at 1,1.
    ...signingAuthorities(doc).map((a) => centred({ text: upper(a), size: SIZE.signature, bold: true, line: 300 })),
    ...doc.chucVu.map((c) => centred({ text: upper(c), size: SIZE.signature, bold: true, line: 300 })),
    // Room for the signature and the seal.
    new Paragraph({ spacing: { before: 0, after: 0, line: 1440, lineRule: LineRuleType.EXACT }, children: [] }),
    centred({ text: doc.nguoiKy, size: SIZE.signature, bold: true }),
  ];
  return frameTable([SIGN_LEFT, SIGN_RIGHT], [left, right]);
}
