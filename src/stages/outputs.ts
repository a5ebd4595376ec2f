// What the commands write besides the report: the figures workbook, the return for the level
// above, the narrative pulled from a report, the forms, each unit's feedback.
import { promises as fs, statSync } from 'node:fs';
import path from 'node:path';
import type { Figures } from '../aggregate/aggregate.js';
import type { Definition } from '../definition/parse.js';
import { loadDefinition, readNarrativeSource } from '../ingest/definition.js';
import { MAX_REPORT_BYTES, MAX_RETURN_BYTES } from '../limits.js';
import { readRegularFile } from '../ingest/read.js';
import type { Lang } from '../messages/lang.js';
import { FatalError, type Problem } from '../messages/problem.js';
import { withLock, writeFileAtomic } from '../write/atomic.js';
import { canonical, type Owned } from '../write/guard.js';
import { formFileName, type FormFormat } from '../layout/files.js';
import { formBytes } from '../workspace/forms.js';
import { ownedBy, readPrevious, refuseOwned, type CheckOutcome, type PipelineOptions } from '../pipeline.js';

/**
 * `aggregate --xlsx FILE`, `build --xlsx FILE`: the figures as a workbook (present/figures-workbook.ts),
 * never over what the run reads nor into a folder read as returns; OUTPUT_NOT_XLSX for another name.
 */
/** Where --xlsx writes: a .xlsx name (OUTPUT_NOT_XLSX), never what the run reads (OUTPUT_IS_INPUT). */
export function workbookTarget(file: string, owned: Owned, cwd: string): string {
  if (!/\.xlsx$/i.test(file)) throw FatalError.of('OUTPUT_NOT_XLSX', { file, params: { path: file } });
  const target = path.resolve(cwd, file);
  refuseOwned(target, owned, cwd);
  return target;
}

export async function figuresWorkbookStage(
  outcome: { definition: Definition; figures: Figures },
  opts: Pick<PipelineOptions, 'cwd' | 'config' | 'inputs'> & { file: string; force?: boolean },
): Promise<string> {
  const target = workbookTarget(opts.file, ownedBy(outcome.definition, opts), opts.cwd);
  const { figuresWorkbook } = await import('../present/figures-workbook.js');
  await writeFileAtomic(target, await figuresWorkbook(outcome.figures), { shown: opts.file, force: opts.force });
  return opts.file;
}

/**
 * `aggregate --as-return FILE --unit CODE`: the figures as one return for the level above
 * (workspace/as-return.ts), CSV or .xlsx by the name; never over what the run reads. A
 * province with a unit missing gives none: its sums would be short (AS_RETURN_INCOMPLETE,
 * an error of the data, returned for the command to report).
 */
export async function asReturnStage(
  outcome: { definition: Definition; figures: Figures },
  opts: Pick<PipelineOptions, 'cwd' | 'config' | 'inputs'> & { file: string; unit: string | undefined },
): Promise<{ written?: string; problems: Problem[] }> {
  const ext = /\.(csv|xlsx)$/i.exec(opts.file)?.[1]?.toLowerCase();
  if (ext === undefined) throw FatalError.of('AS_RETURN_FORMAT', { file: opts.file, params: { path: opts.file } });
  const unit = opts.unit?.trim();
  if (!unit) throw FatalError.of('AS_RETURN_NO_UNIT', { file: opts.file, params: { path: opts.file } });
  const { figures, definition } = outcome;
  if (figures.units.missing.length > 0) {
    const names = figures.units.missing.map((code) => definition.unitByCode.get(code)?.name ?? code);
    return {
      problems: [
        {
          code: 'AS_RETURN_INCOMPLETE',
          severity: 'error',
          file: opts.file,
          params: { path: opts.file, count: names.length, names: names.join(', ') },
        },
      ],
    };
  }
  const target = path.resolve(opts.cwd, opts.file);
  refuseOwned(target, ownedBy(definition, opts), opts.cwd);
  const { returnCsv, returnWorkbook } = await import('../workspace/as-return.js');
  await writeFileAtomic(target, ext === 'csv' ? returnCsv(figures, unit) : await returnWorkbook(figures, unit), {
    shown: opts.file,
    force: true,
  });
  return { written: opts.file, problems: [] };
}

export interface PullOptions {
  cwd: string;
  config?: string;
  lang: Lang;
  /** The report to read, as the user named it. */
  report: string;
  /** Take the report's text even for a section also changed in the narrative file since that build. */
  overwrite?: boolean;
}

/**
 * `narrative pull REPORT.docx`: the sections written in a report built by baocao (edited in
 * Word or elsewhere), written into the definition's narrative file. Returns the file written
 * (none when it already says what the report says) and a note per section taken.
 */
export async function pullStage(opts: PullOptions): Promise<{ written: string[]; warnings: Problem[] }> {
  const definition = await loadDefinition(opts.config, opts.cwd, opts.lang);
  if (!definition.narrativePath)
    throw FatalError.of('NARRATIVE_PULL_NO_FILE', { file: definition.file, params: { path: opts.report } });
  const shown = path.relative(opts.cwd, definition.narrativePath);
  const reportFile = path.resolve(opts.cwd, opts.report);
  const read = readRegularFile(reportFile, MAX_REPORT_BYTES);
  if (!read.ok) throw FatalError.of('INPUT_NOT_FOUND', { file: opts.report, params: { path: opts.report } });
  const render = await import('../report/report.js');
  const held = render.readEarlierReport(read.bytes, opts.report);
  if (held === 'none' || held === 'unmarked')
    throw FatalError.of('NARRATIVE_PULL_UNMARKED', { file: opts.report, params: { path: opts.report } });
  const source = await readNarrativeSource(definition.narrativePath, shown);
  const texts = render.parseNarrative(source, shown, definition.narrativeSections);
  const pulled = render.mergeNarrative(
    texts,
    // Every section the report holds text for is taken, changed there or not; --overwrite takes it over the file's own changes.
    {
      ...held,
      sections: held.sections.map((s) => ({
        ...s,
        changed: s.markdown !== '',
        source: opts.overwrite ? render.sourceDigest(texts.get(s.key)?.text ?? '') : s.source,
      })),
    },
    { report: opts.report, file: shown },
  );
  if (pulled.fromWord.size === 0) return { written: [], warnings: pulled.problems };
  await writeFileAtomic(
    definition.narrativePath,
    Buffer.from(render.writeSections(source, pulled.fromWord, shown, definition.narrativeSections), 'utf8'),
    { shown, force: true },
  );
  return { written: [shown], warnings: pulled.problems };
}

export interface FormsOptions {
  cwd: string;
  config?: string;
  lang: Lang;
  outDir: string;
  force?: boolean;
  /** xlsx (the default) or csv. */
  format?: FormFormat;
}

/**
 * Writes one pre-filled return form per unit; returns the paths written and what the
 * archive of last period said (warnings: a return of it found twice, a file unreadable).
 */
export async function formsStage(opts: FormsOptions): Promise<{ written: string[]; warnings: Problem[] }> {
  const definition = await loadDefinition(opts.config, opts.cwd, opts.lang);
  const dir = path.resolve(opts.cwd, opts.outDir);
  const format = opts.format ?? 'xlsx';
  const forms = definition.units.map((u) => ({
    unit: u,
    file: path.join(dir, formFileName(u, format)),
    shown: path.join(opts.outDir, formFileName(u, format)),
  }));
  // Blank forms never land in the returns folder or last period's archive (where --force would replace filled returns).
  const owned = ownedBy(definition, { ...opts, inputs: [] }, definition.templatePath ? [definition.templatePath] : []);
  for (const f of forms) refuseOwned(f.file, owned, opts.cwd);
  if (!opts.force) {
    const clashes: Problem[] = [];
    for (const f of forms)
      if (
        await fs.lstat(f.file).then(
          () => true,
          () => false,
        )
      )
        clashes.push({ code: 'FORM_EXISTS', severity: 'error', file: f.shown, params: { path: f.shown } });
    if (clashes.length > 0) throw new FatalError(clashes);
  }
  const previous = await readPrevious(definition, { cwd: opts.cwd, readStdin: async () => new Uint8Array() });
  const workbook = format === 'xlsx' ? await import('../workspace/form-xlsx.js') : undefined;
  for (const f of forms) {
    const bytes = workbook
      ? await workbook.formWorkbookBytes(definition, f.unit, previous?.archive)
      : formBytes(definition, f.unit, previous?.archive);
    await writeFileAtomic(f.file, bytes, { shown: f.shown, force: opts.force });
  }
  return { written: forms.map((f) => f.shown), warnings: previous?.problems ?? [] };
}

export interface FeedbackOptions {
  cwd: string;
  /** The folder to write to (--feedback). */
  dir: string;
  /** The returns folders read, which the feedback folder must not be. */
  inputs: string[];
}

/**
 * `check --feedback DIR`: one workbook per unit with problems; a previous run's
 * feedback files (named so, and marked inside) that are not written again are removed;
 * nothing else in the folder is touched. Returns the paths written.
 */
export async function feedbackStage(outcome: CheckOutcome, opts: FeedbackOptions): Promise<string[]> {
  const { FEEDBACK_PREFIX, feedbackWorkbook, groupFeedback } = await import('../feedback/feedback.js');
  const { feedbackWrittenAs } = await import('../feedback/marker.js');
  const dir = path.resolve(opts.cwd, opts.dir);
  const same = (a: string, b: string) => canonical(a) === canonical(b);
  // Never where returns are read from: the folders named, the folders of the files named,
  // and the definition's returns folders (this period's and last).
  const folderOf = (p: string) => {
    try {
      return statSync(p).isDirectory() ? p : path.dirname(p);
    } catch {
      return p;
    }
  };
  const { returnsDir, previousReturnsDir } = outcome.definition;
  const readFrom = [
    ...opts.inputs.filter((i) => i !== '-').map((i) => folderOf(path.resolve(opts.cwd, i))),
    returnsDir,
    ...(previousReturnsDir ? [previousReturnsDir] : []),
  ];
  for (const folder of readFrom)
    if (same(folder, dir))
      throw FatalError.of('OUTPUT_FEEDBACK_FOLDER', { file: opts.dir, params: { path: opts.dir, reason: 'RETURNS' } });
  const kind = await fs.stat(dir).then(
    (st) => (st.isDirectory() ? 'folder' : 'other'),
    () => 'none',
  );
  if (kind === 'other')
    throw FatalError.of('OUTPUT_FEEDBACK_FOLDER', { file: opts.dir, params: { path: opts.dir, reason: 'NOT_FOLDER' } });

  // One run at a time per folder: two at once would each remove the other's files.
  return withLock(path.join(dir, 'baocao-phan-hoi'), opts.dir, async () => {
    /** Whether a file is feedback baocao wrote under this very name (the marker in its properties names it), or an earlier version's. */
    const { readRegularFile } = await import('../ingest/read.js');
    const writtenAs = (name: string) => {
      const read = readRegularFile(path.join(dir, name), MAX_RETURN_BYTES);
      return read.ok ? feedbackWrittenAs(read.bytes, name) : undefined;
    };
    const existing = await fs.readdir(dir).catch(() => [] as string[]);
    const isFeedbackName = (n: string) => n.normalize('NFC').startsWith(FEEDBACK_PREFIX) && /\.xlsx$/i.test(n);

    const feedback = groupFeedback(outcome.definition, outcome.problems, outcome.checked);
    const names = new Set(feedback.map((f) => f.name));
    for (const n of existing)
      if (names.has(n.normalize('NFC')) && writtenAs(n) === undefined)
        throw FatalError.of('OUTPUT_FEEDBACK_FOLDER', {
          file: path.join(opts.dir, n),
          params: { path: path.join(opts.dir, n), reason: 'NOT_OURS' },
        });
    const written: string[] = [];
    for (const fb of feedback) {
      const shown = path.join(opts.dir, fb.name);
      await writeFileAtomic(path.join(dir, fb.name), await feedbackWorkbook(outcome.definition, fb), {
        shown,
        force: true,
      });
      written.push(shown);
    }
    for (const n of existing)
      if (isFeedbackName(n) && !names.has(n.normalize('NFC')) && writtenAs(n) === 'own')
        await fs.rm(path.join(dir, n), { force: true });
    return written;
  });
}
