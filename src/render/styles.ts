// Word's own styles carry the decree's look, so a clerk who adds a paragraph or a
// heading in Word gets it by picking the style, Word's navigation pane shows the
// outline, and converters (pandoc) see the headings: Normal is the body text,
// Heading 1–3 the section headings (bold, black, no theme colour; level 1 in capitals).
import { AlignmentType, type IStylesOptions } from 'docx';
import { BODY, FONT, LANGUAGE, SIZE } from './layout.js';

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
  },
  paragraphStyles: [{ id: 'Normal', name: 'Normal', quickFormat: true, run: { font: FONT, size: SIZE.body }, paragraph: body }],
};

/** docx writes no w:default on a style; Word needs it to take Normal as the paragraphs' style. */
export const markNormalDefault = (stylesXml: string): string =>
  stylesXml.replace('<w:style w:type="paragraph" w:styleId="Normal">', '<w:style w:type="paragraph" w:default="1" w:styleId="Normal">');
