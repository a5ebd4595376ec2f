// The report stage: template → Markdown → model → DOCX bytes. Loaded only by `build`,
// so the other commands never pay for docx, marked and handlebars.
import type { Figures } from '../aggregate/aggregate.js';
import type { DocumentData } from '../definition/schema.js';
import { MAX_BODY_CHARS, toMiB } from '../limits.js';
import { FatalError } from '../messages/problem.js';
import { markdownToBlocks } from './body.js';
import { chartSpecs } from '../present/charts.js';
import type { Block, ReportModel } from './model.js';
import { appendixModel } from './appendix.js';
import { agencyInSentence } from '../present/names.js';
import { buildView } from './template/view.js';

export {
  compileNarrative,
  compileTemplate,
  parseNarrative,
  probeView,
  type CompiledNarrative,
  type CompiledTemplate,
} from './prepare.js';
import type { CompiledNarrative, CompiledTemplate } from './prepare.js';
export { readEarlierReport } from './roundtrip/earlier.js';
export { mergeNarrative, writeSections } from './roundtrip/merge.js';
export { withoutControls } from './docx/pack.js';
export { WRITERS, writerFor } from './writers.js';
export { sourceDigest } from './docx/manifest.js';

export interface Rendered {
  /** The report as data, for any writer (writers.ts). */
  model: ReportModel;
  /** Narrative sections the template printed as placeholders. */
  missing: string[];
}

/** Whether marked overflows the stack on `markdown`: its block rules recurse per nesting level and per line. */
function overflows(markdown: string): boolean {
  try {
    markdownToBlocks(markdown);
    return false;
  } catch (err) {
    if (err instanceof RangeError) return true;
    throw err;
  }
}

export function renderReport(
  figures: Figures,
  doc: DocumentData,
  template: CompiledTemplate,
  templateFile: string,
  narrative: CompiledNarrative = new Map(),
  narrativeFile = '',
  /** Each section's text in the narrative file, which the report records to tell a later edit. */
  sources: ReadonlyMap<string, string> = new Map(),
): Rendered {
  // The narrative is rendered with the data first, then put in the view the template sees.
  const plain = buildView(figures);
  const texts = new Map([...narrative].map(([key, section]) => [key, section(plain)]));
  const missing = new Set<string>();
  const markdown = template(buildView(figures, { texts, missing, printed: new Set() }));
  const tooLarge = () =>
    FatalError.of('TEMPLATE_OUTPUT_TOO_LARGE', {
      file: templateFile,
      params: { size: toMiB(markdown.length), limit: toMiB(MAX_BODY_CHARS) },
    });
  if (markdown.length > MAX_BODY_CHARS) throw tooLarge();
  let body: Block[];
  try {
    body = markdownToBlocks(markdown, chartSpecs(figures));
  } catch (err) {
    // marked's block rules recurse per line and per level: a paragraph of ~100,000 lines, or
    // quotes or lists nested thousands deep, overflow the stack. Said of the narrative's
    // section that does it on its own, else of the template; the body's size is not the cause.
    if (!(err instanceof RangeError)) throw err;
    const section = [...texts].find(([, text]) => overflows(text))?.[0];
    const heading = figures.definition.narrativeSections.find((s) => s.key === section)?.heading;
    if (heading !== undefined)
      throw FatalError.of('MARKDOWN_TOO_DEEP', { file: narrativeFile, params: { section: heading } });
    throw FatalError.of('MARKDOWN_TOO_DEEP', { file: templateFile, params: {} });
  }
  const def = figures.definition;
  const agency = agencyInSentence(doc, def);
  const model: ReportModel = {
    document: doc,
    agency,
    body,
    appendix: appendixModel(figures, doc, agency),
    sources,
    headings: new Map(def.narrativeSections.map((s) => [s.key, s.heading])),
  };
  return { model, missing: def.narrativeSections.filter((s) => missing.has(s.key)).map((s) => s.heading) };
}
