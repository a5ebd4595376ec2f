// The render stage: template → Markdown → DOCX bytes. Loaded only by `build`, so the
// other commands never pay for docx, marked and handlebars.
import type { Figures } from '../aggregate/aggregate.js';
import type { DocumentData } from '../definition/schema.js';
import { buildDocument, packDocument } from './document.js';
import { compileTemplate, type Template } from './template.js';
import { buildView } from './view.js';
import { FatalError } from '../messages/problem.js';
import { MAX_BODY_CHARS, toMiB } from '../ingest/limits.js';

export type CompiledTemplate = ReturnType<typeof compileTemplate>;

export { compileTemplate };
export { probeView } from './view.js';

export function renderReport(figures: Figures, doc: DocumentData, template: CompiledTemplate, templateFile: string): Uint8Array {
  const markdown = template(buildView(figures));
  const tooLarge = () =>
    FatalError.of('TEMPLATE_OUTPUT_TOO_LARGE', { file: templateFile, params: { size: toMiB(markdown.length), limit: toMiB(MAX_BODY_CHARS) } });
  if (markdown.length > MAX_BODY_CHARS) throw tooLarge();
  let built: ReturnType<typeof buildDocument>;
  try {
    built = buildDocument(figures, doc, markdown);
  } catch (err) {
    // marked's block regular expressions recurse per line: a paragraph of ~100,000 lines overflows the stack.
    if (err instanceof RangeError) throw tooLarge();
    throw err;
  }
  return packDocument(built, doc.ngay);
}

export type { Template };
