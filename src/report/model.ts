// The report as data, between the template and the writers: the frame the decree
// fixes (from the definition's `document`), the body as blocks, and the figures the
// appendix tabulates. Writers (docx/ today) turn this into a file; nothing here knows
// about Markdown, Handlebars or WordprocessingML.
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

/** An indicator's pair of columns in the appendix: "Số vụ phạm tội (vụ)". */
export interface AppendixColumn {
  code: string;
  head: string;
}

/** A row of the appendix: a unit, a group's heading (its name across the table) or its subtotal ("Cộng …"). */
export interface AppendixRow {
  kind: 'unit' | 'heading' | 'subtotal';
  name: string;
  /** For each column: this period and the same period, as printed ('' in a heading, '–' for no figure). */
  values: (readonly [string, string])[];
}

/** The appendix by unit: its heading lines, then its table of every unit's figures (report/appendix.ts). */
export interface AppendixModel {
  title: string;
  /** What the figures are, by which units; the period. */
  subtitle: string[];
  /** "(Kèm theo Báo cáo số … ngày … của …)". */
  attachedTo: string;
  /** The heading of the units' column ("Huyện, thành phố") and of the two periods. */
  nameHead: string;
  periodHeads: readonly [string, string];
  columns: AppendixColumn[];
  /** The table's parts, one per section of the results (titled when the definition has sections): indexes into columns. */
  parts: { title?: string; columns: number[] }[];
  rows: AppendixRow[];
  /** The province's total, per column. */
  total: (readonly [string, string])[];
}

export interface ReportModel {
  /** The decree's frame: agency, number, place and date, subject, signature, recipients. */
  document: DocumentData;
  /** The agency as a sentence names it ("Ban Chỉ đạo 138 tỉnh Hà Giang"): the document's author. */
  agency: string;
  body: Block[];
  /** The appendix by unit (none for a single unit). */
  appendix?: AppendixModel;
  /** Each narrative section's text in the narrative file, recorded so a rebuild can tell what changed where. */
  sources: ReadonlyMap<string, string>;
  /** Each narrative section's heading, by key: what its content control is titled. */
  headings: ReadonlyMap<string, string>;
}

/** The plain text of some inlines (for measuring, and for tests). */
export const plainText = (inlines: readonly Inline[]): string =>
  inlines.map((i) => (i.lineBreak ? ' ' : i.text)).join('');

/** One unit's figures are the report's own: an appendix "by unit" would repeat them. */
export const hasAppendix = (units: readonly unknown[]): boolean => units.length > 1;
