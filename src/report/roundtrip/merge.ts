// What a rebuild does with the text typed in Word: a section changed in the report since
// the last build is carried into the new one and written into the narrative file, so the
// two agree; a section changed in both places is an error naming it (which to keep is the
// clerk's choice, never the tool's); a section emptied in Word keeps the file's text.
import { FatalError, type Problem } from '../../messages/problem.js';
import { sourceDigest } from '../docx/manifest.js';
import { headingOf, type NarrativeSection } from '../../definition/narrative-sections.js';
import { COMMENT, parseNarrative, type NarrativeText } from '../narrative.js';
import type { Earlier } from './earlier.js';

/** Two texts of a section say the same (comments, line endings and blank lines aside). */
export const sameText = (a: string, b: string) => sourceDigest(a) === sourceDigest(b);

export interface Merged {
  /** The sections' texts to build with (the very map given when nothing changed). */
  texts: Map<string, NarrativeText>;
  /** The sections taken from Word, by key: their Markdown. */
  fromWord: Map<string, string>;
  problems: Problem[];
}

export interface MergeContext {
  /** The report, as shown in messages. */
  report: string;
  /** The narrative file, as shown; undefined when the definition names none. */
  file: string | undefined;
}

/**
 * The texts to build with, given the narrative file's (`texts`) and the earlier report's.
 * Without a narrative file the report is the only place the text lives: every section
 * written there is carried on.
 */
export function mergeNarrative(texts: ReadonlyMap<string, NarrativeText>, earlier: Earlier, ctx: MergeContext): Merged {
  const out = new Map(texts);
  const fromWord = new Map<string, string>();
  const problems: Problem[] = [];
  const conflicts: Problem[] = [];
  for (const s of earlier.sections) {
    const section = s.heading;
    const fileText = texts.get(s.key)?.text ?? '';
    if (ctx.file === undefined) {
      if (s.markdown === '') continue;
      out.set(s.key, { text: s.markdown, line: 0 });
      if (s.changed)
        problems.push({ code: 'NARRATIVE_FROM_WORD', severity: 'warning', params: { section, path: ctx.report } });
      continue;
    }
    if (!s.changed || sameText(fileText, s.markdown)) continue;
    if (s.markdown === '') {
      if (fileText.trim() !== '')
        problems.push({
          code: 'NARRATIVE_EMPTIED_IN_WORD',
          severity: 'warning',
          file: ctx.file,
          params: { section, path: ctx.report, file: ctx.file },
        });
      continue;
    }
    if (sourceDigest(fileText) !== s.source) {
      conflicts.push({
        code: 'NARRATIVE_CONFLICT',
        severity: 'error',
        file: ctx.file,
        params: { section, path: ctx.report, file: ctx.file },
      });
      continue;
    }
    fromWord.set(s.key, s.markdown);
    out.set(s.key, { text: s.markdown, line: texts.get(s.key)?.line ?? 0 });
    problems.push({
      code: 'NARRATIVE_FROM_WORD',
      severity: 'warning',
      file: ctx.file,
      params: { section, path: ctx.report, file: ctx.file },
    });
    if (/\{\{/.test(fileText))
      problems.push({ code: 'NARRATIVE_FIGURES_FIXED', severity: 'warning', file: ctx.file, params: { section } });
  }
  if (conflicts.length > 0) throw new FatalError(conflicts);
  const same = [...out].every(([key, t]) => texts.get(key) === t) && out.size === texts.size;
  return { texts: same ? (texts as Map<string, NarrativeText>) : out, fromWord, problems };
}

/** The comments a section's text holds (the hints `init` wrote), kept when Word's text replaces it. */
const comments = (text: string) => (text.match(COMMENT) ?? []).join('\n');

/**
 * The narrative file with the given sections' texts replaced (a section it lacks is added
 * at its end), its line endings kept. Checked by reading it back: each section then says
 * what was put in, else nothing is returned to be written.
 */
export function writeSections(
  source: string,
  changes: ReadonlyMap<string, string>,
  file: string,
  known: readonly NarrativeSection[],
): string {
  const eol = source.includes('\r\n') ? '\r\n' : '\n';
  const lines = source.split(/\r?\n/);
  const sections = parseNarrative(source, file, known);
  // Each section's heading line (0-based) and where the next begins.
  const starts = [...sections.values()].map((s) => s.line - 1).sort((a, b) => a - b);
  const replaced = new Map<number, string[]>();
  const added: string[] = [];
  for (const [key, markdown] of changes) {
    const s = sections.get(key);
    const text = markdown.split('\n');
    if (s === undefined) {
      added.push('', `## ${headingOf(known, key)}`, '', ...text);
      continue;
    }
    // The section's own lines (parseNarrative blanks its comments out).
    const keep = comments(lines.slice(s.line, starts.find((st) => st > s.line - 1) ?? lines.length).join('\n'));
    replaced.set(s.line - 1, ['', ...(keep ? [...keep.split(/\r?\n/), ''] : []), ...text, '']);
  }
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    out.push(lines[i]!);
    const body = replaced.get(i);
    if (body === undefined) continue;
    out.push(...body);
    i = (starts.find((st) => st > i) ?? lines.length) - 1;
  }
  while (out.length > 0 && out.at(-1) === '') out.pop();
  const result = [...out, ...added].join(eol) + eol;
  const back = parseNarrative(result, file, known);
  for (const [key, markdown] of changes)
    if (!sameText(back.get(key)?.text ?? '', markdown))
      throw new Error(`narrative: section ${key} does not read back as written`);
  return result;
}
