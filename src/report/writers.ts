// The report's writers: each takes the report model (model.ts) and returns the bytes of one
// kind of file, chosen by the output's extension. Adding a writer is one file and one line in
// WRITERS. (The figures workbook and the return for the level above write the figures, not the
// report: present/figures-workbook.ts, workspace/as-return.ts.)
import { writeDocx } from './docx/document.js';
import { withoutControls } from './docx/pack.js';
import type { ReportModel } from './model.js';

export interface WriterContext {
  env: Record<string, string | undefined>;
  /** The file being written, as messages name it. */
  shown: string;
  timeoutMs?: number;
}

export interface ReportWriter {
  /** The extension of the files it writes, which chooses it for an output's name. */
  extension: string;
  write(model: ReportModel, ctx: WriterContext): Promise<Uint8Array>;
}

/** The DOCX the decree's layout is written in (docx/): content controls, the manifest, the appendix. */
const docx: ReportWriter = { extension: 'docx', write: async (model) => writeDocx(model) };

/** The PDF, through LibreOffice from the DOCX (without the controls only Word uses). */
const pdf: ReportWriter = {
  extension: 'pdf',
  write: async (model, ctx) =>
    (await import('../write/pdf.js')).pdfBytes(withoutControls(writeDocx(model)), 'bao-cao.docx', ctx),
};

export const WRITERS: readonly ReportWriter[] = [docx, pdf];

/** The writer for a file's name, by its extension. */
export const writerFor = (file: string): ReportWriter | undefined =>
  WRITERS.find((w) => file.toLowerCase().endsWith(`.${w.extension}`));
