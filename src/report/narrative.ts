// The narrative the clerk writes beside the definition (its `narrative:` file): one
// Markdown text per section of the report's outline, each under a "## " heading that
// names the section. A build writes into it only the sections the clerk typed in the
// report itself (roundtrip/), so the two agree; a section
// left empty is a visible placeholder in the report and a warning (an error with
// --final). Each text may use the template's data names and helpers, under the same
// strict static check.
import { FatalError, type Problem } from '../messages/problem.js';
import { NARRATIVE_SECTIONS, normaliseHeading, type NarrativeSection } from '../definition/narrative-sections.js';

export interface NarrativeText {
  /** The section's text (Markdown with Handlebars; blank when not written), and the line its heading is on. */
  text: string;
  line: number;
}

/** A comment for the writer (a hint), never printed: `<!-- ... -->`. */
export const COMMENT = /<!--[\s\S]*?-->/g;

/** The texts by section key; an unknown "## " heading stops with its line and the known ones. */
export function parseNarrative(
  source: string,
  file: string,
  known: readonly NarrativeSection[] = NARRATIVE_SECTIONS,
): Map<string, NarrativeText> {
  const byHeading = new Map(known.map((s) => [normaliseHeading(s.heading), s]));
  const sections = new Map<string, NarrativeText>();
  const problems: Problem[] = [];
  let current: { key: string; line: number; lines: string[] } | undefined;
  /** Text before the first heading belongs to no section: named, never dropped in silence. */
  const before: string[] = [];
  /** After a refused heading, its text is not also reported as outside every section. */
  let refused = false;
  const close = () => {
    // Comments become blank lines, so the text keeps the file's line numbers for messages.
    if (current)
      sections.set(current.key, {
        text: current.lines.join('\n').replace(COMMENT, (c) => c.replace(/[^\n]/g, '')),
        line: current.line,
      });
  };
  source.split(/\r?\n/).forEach((text, i) => {
    const heading = /^##\s+(.*?)\s*#*\s*$/.exec(text);
    if (!heading) {
      if (current) current.lines.push(text);
      else if (!refused) before.push(text);
      return;
    }
    refused = false;
    close();
    const section = byHeading.get(normaliseHeading(heading[1]!));
    const earlier = section && sections.get(section.key);
    if (earlier) {
      problems.push({
        code: 'NARRATIVE_DUPLICATE_SECTION',
        severity: 'error',
        file,
        line: i + 1,
        params: { name: heading[1]!, first: earlier.line },
      });
      current = undefined;
      refused = true;
      return;
    }
    if (!section) {
      problems.push({
        code: 'NARRATIVE_UNKNOWN_SECTION',
        severity: 'error',
        file,
        line: i + 1,
        params: { name: heading[1]!, known: known.map((s) => s.heading).join('; ') },
      });
      current = undefined;
      refused = true;
      return;
    }
    current = { key: section.key, line: i + 1, lines: [] };
  });
  close();
  const stray = before.join('\n').replace(COMMENT, (c) => c.replace(/[^\n]/g, ''));
  const strayLine = stray.split('\n').findIndex((l) => l.trim() !== '');
  if (strayLine !== -1)
    problems.unshift({ code: 'NARRATIVE_OUTSIDE_SECTION', severity: 'error', file, line: strayLine + 1 });
  if (problems.length > 0) throw new FatalError(problems);
  return sections;
}

/** The skeleton `init` writes: every heading, with its hint as a comment. */
export function narrativeSkeleton(sections: readonly NarrativeSection[] = NARRATIVE_SECTIONS): string {
  const intro =
    '<!-- Nội dung do văn phòng viết cho báo cáo. Mỗi mục "## " là một phần của báo cáo; viết dưới mục đó.\n     Phần số liệu được viết tự động; ở đây chỉ viết nhận định, chỉ đạo, phương hướng. -->\n';
  return (
    intro +
    sections
      .map((s) => `\n## ${s.heading}\n\n<!-- ${s.hint}${s.required ? '' : ' Mục này không bắt buộc.'} -->\n`)
      .join('')
  );
}
