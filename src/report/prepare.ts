// What build and check do with the template and the narrative before any return is read:
// each compiled under the strict static check against the definition's data. Kept apart from
// the rest of the report stage, so that `check` loads neither marked nor docx.
import { FatalError } from '../messages/problem.js';
import { compileTemplate } from './template/template.js';
import { probeView } from './template/view.js';
import { parseNarrative, type NarrativeText } from './narrative.js';

export { compileTemplate, parseNarrative, probeView };

export type CompiledTemplate = ReturnType<typeof compileTemplate>;

/** The narrative's sections, each compiled like a template. */
export type CompiledNarrative = ReadonlyMap<string, CompiledTemplate>;

/**
 * The narrative's sections (narrative.ts) checked and compiled like a template: each section's
 * text keeps its lines (the comments become blank lines), so problems name the file's line.
 */
export function compileNarrative(
  sections: ReadonlyMap<string, NarrativeText>,
  file: string,
  probe: ReturnType<typeof probeView>,
): CompiledNarrative {
  const compiled = new Map<string, CompiledTemplate>();
  const problems: FatalError[] = [];
  for (const [key, section] of sections) {
    if (section.text.trim() === '') continue;
    try {
      compiled.set(
        key,
        compileTemplate({ file, source: '\n'.repeat(section.line) + section.text, narrative: true }, probe),
      );
    } catch (err) {
      if (!(err instanceof FatalError)) throw err;
      problems.push(err);
    }
  }
  if (problems.length > 0) throw new FatalError(problems.flatMap((p) => p.problems));
  return compiled;
}
