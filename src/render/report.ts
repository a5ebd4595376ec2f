// The render stage: template → Markdown → DOCX bytes. Loaded only by `build`, so the
// other commands never pay for docx, marked and handlebars.
import type { Figures } from '../aggregate/aggregate.js';
import type { DocumentData } from '../definition/schema.js';
import { buildDocument, packDocument } from './document.js';
import { compileTemplate, type Template } from './template.js';
import { buildView } from './view.js';

export type CompiledTemplate = ReturnType<typeof compileTemplate>;

export { compileTemplate };
export { probeView } from './view.js';

export function renderReport(figures: Figures, doc: DocumentData, template: CompiledTemplate): Uint8Array {
  const markdown = template(buildView(figures));
  return packDocument(buildDocument(figures, doc, markdown), doc.ngay);
}

export type { Template };
