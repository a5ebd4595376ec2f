// Word's own styles carry the decree's look, so a clerk who adds a paragraph or a
// heading in Word gets it by picking the style, Word's navigation pane shows the
// outline, and converters (pandoc) see the headings: Normal is the body text,
// Heading 1–3 the section headings (bold, black, no theme colour; level 1 in capitals).
import { AlignmentType, LevelFormat, LevelSuffix, type INumberingOptions, type IStylesOptions } from 'docx';
import { BODY, FONT, LANGUAGE, SIZE } from './layout.js';

export const NUMBERED = 'so-thu-tu';
export const BULLETED = 'gach-dau-dong';
/** Nesting levels a list may have (Word allows 9). */
export const LIST_LEVELS = 9;

const body = {
  alignment: AlignmentType.JUSTIFIED,
  indent: { firstLine: BODY.firstLineIndent },
  spacing: { before: 0, after: BODY.spacingAfter, line: BODY.line },
};

const heading = (id: string, name: string, caps: boolean) => ({
  id,
  name,
  basedOn: 'Normal',
  next: 'Normal',
  quickFormat: true,
  run: { font: FONT, size: SIZE.body, bold: true, color: '000000', allCaps: caps },
  paragraph: { ...body, spacing: { ...body.spacing, before: 120 }, keepNext: true, keepLines: true },
});

export const STYLES: IStylesOptions = {
  default: {
    document: {
      run: { font: FONT, size: SIZE.body, language: { value: LANGUAGE } },
      paragraph: { spacing: { line: BODY.line } },
    },
    // docx's own defaults for these are blue and larger; the decree's are the body's size, bold, black.
    heading1: heading('Heading1', 'Heading 1', true),
    heading2: heading('Heading2', 'Heading 2', false),
    heading3: heading('Heading3', 'Heading 3', false),
    // Styles a clerk may pick in Word: the decree's look too, never docx's blue and 28 pt.
    heading4: heading('Heading4', 'Heading 4', false),
    heading5: heading('Heading5', 'Heading 5', false),
    heading6: heading('Heading6', 'Heading 6', false),
    title: {
      run: { font: FONT, size: SIZE.docType, bold: true, color: '000000' },
      paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 0, after: 0 }, indent: { firstLine: 0 } },
    },
  },
  paragraphStyles: [
    { id: 'Normal', name: 'Normal', quickFormat: true, run: { font: FONT, size: SIZE.body }, paragraph: body },
    // Items of a list look like body paragraphs with their number or dash first (as reports write them).
    {
      id: 'ListNumber',
      name: 'List Number',
      basedOn: 'Normal',
      quickFormat: true,
      paragraph: { numbering: { reference: NUMBERED, level: 0 } },
    },
    {
      id: 'ListBullet',
      name: 'List Bullet',
      basedOn: 'Normal',
      quickFormat: true,
      paragraph: { numbering: { reference: BULLETED, level: 0 } },
    },
  ],
};

/** "1." and "-" followed by a space, the first line indented as the body's, deeper levels further. */
export const NUMBERING: INumberingOptions = {
  config: [NUMBERED, BULLETED].map((reference) => ({
    reference,
    levels: Array.from({ length: LIST_LEVELS }, (_, level) => ({
      level,
      format: reference === NUMBERED ? LevelFormat.DECIMAL : LevelFormat.BULLET,
      text: reference === NUMBERED ? `%${level + 1}.` : '-',
      alignment: AlignmentType.LEFT,
      suffix: LevelSuffix.SPACE,
      style: { paragraph: { indent: { left: 0, firstLine: BODY.firstLineIndent + level * 360 } } },
    })),
  })),
};
