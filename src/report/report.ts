// The report stage: template → Markdown → model → DOCX bytes. Loaded only by `build`,
// so the other commands never pay for docx, marked and handlebars.
import type { Figures } from '../aggregate/aggregate.js';
import type { DocumentData } from '../definition/schema.js';
import { MAX_BODY_CHARS, toMiB } from '../ingest/limits.js';
import { FatalError } from '../messages/problem.js';
import { markdownToBlocks } from './body.js';
import { writeDocx } from './docx/document.js';
import type { Block } from './model.js';
import { compileTemplate, type Template } from './template/template.js';
import { buildView } from './template/view.js';

export type CompiledTemplate = ReturnType<typeof compileTemplate>;

export { compileTemplate };
export { probeView } from './template/view.js';

export function renderReport(figures: Figures, doc: DocumentData, template: CompiledTemplate, templateFile: string): Uint8Array {
  const markdown = template(buildView(figures));
  const tooLarge = () =>
    FatalError.of('TEMPLATE_OUTPUT_TOO_LARGE', { file: templateFile, params: { size: toMiB(markdown.length), limit: toMiB(MAX_BODY_CHARS) } });
  if (markdown.length > MAX_BODY_CHARS) throw tooLarge();
  let body: Block[];
  try {
    body = markdownToBlocks(markdown);
  } catch (err) {
    // marked's block regular expressions recurse per line: a paragraph of ~100,000 lines overflows the stack.
    if (err instanceof RangeError) throw tooLarge();
    throw err;
  }
  return writeDocx({ document: doc, body, figures });
}

export type { Template };
