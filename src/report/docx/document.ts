// The DOCX writer: the report model to a package whose bytes depend only on the
// model — frame, body blocks, signature in a portrait section; the appendix in a
// landscape one, its tables written as XML text (appendix.ts) and put in when packing.
import {
  AlignmentType,
  Document,
  Header,
  PageNumber,
  PageOrientation,
  Paragraph,
  TextRun,
  type ISectionOptions,
} from 'docx';
import type { ReportModel } from '../model.js';
import { appendixBlocks, appendixTableXml } from './appendix.js';
import { blocksToDocx } from './blocks.js';
import { headerFrame, signatureFrame, titleBlock } from './frame.js';
import { paddedNumber } from '../../present/wording.js';
import { PAGE, SIZE } from './layout.js';
import { APPENDIX_MARKER, packDocument } from './pack.js';
import { NUMBERING, STYLES } from './styles.js';

function pageNumberHeader(): Header {
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { after: 0 },
        indent: { firstLine: 0 },
        children: [new TextRun({ children: [PageNumber.CURRENT], size: SIZE.pageNumber })],
      }),
    ],
  });
}

const emptyHeader = () => new Header({ children: [new Paragraph({ spacing: { after: 0 }, children: [] })] });

function section(landscape: boolean, children: ISectionOptions['children']): ISectionOptions {
  return {
    properties: {
      titlePage: true, // no page number on the first page (of the report, and of the appendix)
      page: {
        size: {
          width: PAGE.width,
          height: PAGE.height,
          orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
        },
        margin: PAGE.margin,
        pageNumbers: { start: 1 },
      },
    },
    headers: { default: pageNumberHeader(), first: emptyHeader() },
    children,
  };
}

/** The DOCX bytes of a report model. */
export function writeDocx(model: ReportModel): Uint8Array {
  const { document: doc, body, appendix, agency } = model;
  const appendixSection = appendix ? [section(true, appendixBlocks(appendix, APPENDIX_MARKER))] : [];
  const document = new Document({
    creator: agency,
    lastModifiedBy: agency,
    title: `Báo cáo ${doc.trichYeu}`,
    description: `Số ${paddedNumber(doc.soKyHieu)}`,
    styles: STYLES,
    numbering: NUMBERING,
    sections: [
      section(false, [
        headerFrame(doc),
        ...titleBlock(doc),
        ...blocksToDocx(body),
        new Paragraph({ spacing: { after: 240 }, keepNext: true }),
        signatureFrame(doc),
      ]),
      ...appendixSection,
    ],
  });
  return packDocument(
    document,
    appendix ? appendixTableXml(appendix) : undefined,
    doc.ngay,
    model.sources,
    model.headings,
  );
}
