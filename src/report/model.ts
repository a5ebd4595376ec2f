// The report as data, between the template and the writers: the frame the decree
// fixes (from the definition's `document`), the body as blocks, and the figures the
// appendix tabulates. Writers (docx/ today) turn this into a file; nothing here knows
// about Markdown, Handlebars or WordprocessingML.
import type { Figures } from '../aggregate/aggregate.js';
import type { DocumentData } from '../definition/schema.js';
import type { ChartSpec } from '../present/charts.js';

/** A run of text with its emphasis; a line break within a paragraph is its own inline. */
export interface Inline {
  text: string;
  bold?: boolean;
  italics?: boolean;
  strike?: boolean;
  lineBreak?: boolean;
}

export type Align = 'left' | 'center' | 'right' | null;

export interface ListItem {
  inlines: Inline[];
  /** Nested blocks (a sub-list, a second paragraph). */
  blocks: Block[];
}

export type Block =
  /** A section heading: 1 (I., II.), 2 (1., 2.), 3. */
  | { kind: 'heading'; level: 1 | 2 | 3; inlines: Inline[] }
  /** `keepWithNext`: stays on the page of what follows (the body's last paragraph, with the signature). */
  | { kind: 'paragraph'; inlines: Inline[]; keepWithNext?: boolean }
  | { kind: 'list'; ordered: boolean; start: number; items: ListItem[]; keepWithNext?: boolean }
  | { kind: 'table'; header: Inline[][]; rows: Inline[][][]; align: Align[] }
  | { kind: 'pageBreak' }
  /** Text the clerk still has to write: shown highlighted, e.g. "[Nội dung: Tồn tại, hạn chế]". */
  | { kind: 'placeholder'; text: string }
  /** A chart of one indicator by unit or group (present/charts.ts). */
  | { kind: 'chart'; chart: ChartSpec }
  /** A section of the clerk's narrative (its key in narrative.ts): written where Word and a rebuild find it again. */
  | { kind: 'narrative'; key: string; blocks: Block[] };

export interface ReportModel {
  /** The decree's frame: agency, number, place and date, subject, signature, recipients. */
  document: DocumentData;
  body: Block[];
  /** The figures by unit, for the appendix. */
  figures: Figures;
  /** Each narrative section's text in the narrative file, recorded so a rebuild can tell what changed where. */
  sources?: ReadonlyMap<string, string>;
}

/** The plain text of some inlines (for measuring, and for tests). */
export const plainText = (inlines: readonly Inline[]): string => inlines.map((i) => (i.lineBreak ? ' ' : i.text)).join('');

/** One unit's figures are the report's own: an appendix "by unit" would repeat them. */
export const hasAppendix = (units: readonly unknown[]): boolean => units.length > 1;
