// Problems for people (grouped by file, one line each, then a summary) and for
// tools (the JSON items of `--json`).
import type { ChalkInstance } from 'chalk';
import { message, safeText } from '../messages/catalog.js';
import type { Lang } from '../messages/lang.js';
import { factsOf, type Problem } from '../messages/problem.js';
import type { CheckOutcome } from '../pipeline.js';
import { UI } from '../messages/ui.js';
import { listed } from '../text/listed.js';

/** An explained figure for --json: the problem's place and message, and the unit's words whole. */
export function explainedJson(p: Problem, lang: Lang): Record<string, unknown> {
  const { severity: _, ...item } = problemJson(p, lang);
  return { ...item, explanation: String(factsOf(p).explanation ?? '') };
}

export function problemJson(p: Problem, lang: Lang): Record<string, unknown> {
  return {
    code: p.code,
    severity: p.severity,
    message: message(p.code, p.params, lang),
    file: p.file ?? null,
    line: p.line ?? null,
    ...(p.column !== undefined && { column: p.column }),
    ...(p.sheet !== undefined && { sheet: p.sheet }),
    ...(p.cell !== undefined && { cell: p.cell }),
    ...(p.unit !== undefined && { unit: p.unit }),
    ...(p.indicator !== undefined && { indicator: p.indicator }),
  };
}

/** Where in a workbook: "Biểu mẫu!E5", or the sheet alone. */
export function sheetPlace(p: Problem): string | undefined {
  return p.sheet === undefined ? undefined : p.cell !== undefined ? `${p.sheet}!${p.cell}` : p.sheet;
}

/** One line: "dòng 5  lỗi NOT_A_NUMBER [ky_nay · 028 · TTXH_VU] "abc" không phải là số…"; in a workbook "dòng 5 (Biểu mẫu!E5): …". */
export function formatProblem(p: Problem, lang: Lang, c: ChalkInstance): string {
  const w = UI[lang];
  const place = sheetPlace(p);
  const where =
    p.line !== undefined
      ? `${w.line} ${p.line}${place ? ` (${safeText(place)})` : ''}: `
      : place
        ? `${safeText(place)}: `
        : '';
  const tags = safeText([p.column, p.unit, p.indicator].filter((x) => x !== undefined).join(' · '));
  const sev = p.severity === 'error' ? c.red(w.error) : c.yellow(w.warning);
  return `${where}${sev} ${c.bold(p.code)}${tags ? c.dim(` [${tags}]`) : ''} ${message(p.code, p.params, lang)}`;
}

export function formatProblems(problems: Problem[], lang: Lang, c: ChalkInstance): string {
  const byFile = new Map<string, Problem[]>();
  for (const p of problems) {
    const key = p.file === undefined ? UI[lang].noFile : safeText(p.file);
    const list = byFile.get(key);
    if (list) list.push(p);
    else byFile.set(key, [p]);
  }
  let out = '';
  for (const [file, list] of byFile) {
    out += c.underline(file) + '\n';
    for (const p of list) out += '  ' + formatProblem(p, lang, c) + '\n';
  }
  return out;
}

/**
 * The figures the units explained: under a heading, one line each with the file, where, and the
 * unit's words (the message holds them). Neither errors nor warnings: read, not fixed.
 */
export function formatExplained(explained: readonly Problem[], lang: Lang, c: ChalkInstance): string {
  if (explained.length === 0) return '';
  const lines = explained.map((p) => {
    const place = sheetPlace(p);
    const where = [
      p.file === undefined ? undefined : safeText(p.file),
      p.line === undefined ? undefined : `${UI[lang].line} ${p.line}${place ? ` (${safeText(place)})` : ''}`,
    ]
      .filter(Boolean)
      .join(' ');
    const tags = safeText([p.unit, p.indicator].filter((x) => x !== undefined).join(' · '));
    return `  ${where}: ${c.cyan(p.code)}${tags ? c.dim(` [${tags}]`) : ''} ${message(p.code, p.params, lang)}\n`;
  });
  return c.bold(UI[lang].explained(explained.length)) + '\n' + lines.join('');
}

/** "3 lỗi, 1 cảnh báo trong 2 tệp" and the units that have not reported, by name. */
export function formatSummary(outcome: CheckOutcome, lang: Lang, c: ChalkInstance, quiet = false): string {
  const w = UI[lang];
  const { errors, warnings, definition, checked } = outcome;
  // The files read that have a problem (a folder's problem, such as an empty folder, names no file).
  const read = new Set(outcome.files.map((f) => f.file));
  const fileCount = new Set(
    [...errors, ...(quiet ? [] : warnings)].map((p) => p.file).filter((f) => f !== undefined && read.has(f)),
  ).size;
  // The definition's own noun for its units ("xã, phường") in Vietnamese.
  const units = `${checked.received.length}/${definition.units.length} ${lang === 'vi' ? definition.unitNoun : w.units}`;
  const files =
    outcome.files.length === 0 ? w.noFiles : `${w.checked.toLowerCase()} ${outcome.files.length} ${w.files}`;
  let out: string;
  if (errors.length === 0 && warnings.length === 0)
    out = c.green(`${w.checked} ${outcome.files.length} ${w.files}, ${units}: ${w.ok}.`) + '\n';
  else {
    const counts = w.counts(errors.length, warnings.length, fileCount);
    out = (errors.length > 0 ? c.red(counts) : c.yellow(counts)) + ` (${files}, ${units}).\n`;
  }
  if (checked.missing.length > 0) {
    const names = checked.missing.map((code) => `${code} ${definition.unitByCode.get(code)!.name}`).join(', ');
    out += `${w.missing} (${checked.missing.length}/${definition.units.length}): ${names}\n`;
  }
  const t = outcome.timeliness;
  if (t) {
    const late = listed(
      t.late.map((l) => w.daysLate(`${l.unit} ${definition.unitByCode.get(l.unit)!.name}`, l.daysLate)),
      10,
    );
    out += w.timeliness(t.deadline.split('-').reverse().join('/'), t.onTime.length, late, t.unknown.length) + '\n';
  }
  return out;
}
