// The composer: definition → ingest → validate → aggregate. The CLI is a thin shell over this.
import { existsSync, promises as fs, statSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_TEMPLATE } from './assets.js';
import { aggregateReturns, type Figures } from './aggregate/aggregate.js';
import type { Definition } from './definition/parse.js';
import type { NarrativeText } from './report/narrative.js';
import { DEFAULT_DEFINITION, loadDefinition, readNarrativeSource, readTemplateSource } from './ingest/definition.js';
import type { Encoding } from './ingest/decode.js';
import { ingestReturns, type ReturnSummary } from './ingest/files.js';
import { MAX_REPORT_BYTES, MAX_RETURN_BYTES } from './ingest/limits.js';
import { readRegularFile } from './ingest/read.js';
import type { Lang } from './messages/catalog.js';
import { FatalError, splitBySeverity, type Problem } from './messages/problem.js';
import { withLock, writeFileAtomic } from './write/atomic.js';
import { canonical, ownedAt, type Owned } from './write/guard.js';
import { formBytes, formFileName, type FormFormat } from './workspace/forms.js';
import { ReturnValidator, type CheckedReturns } from './validate/validate.js';
import { PreviousArchive } from './validate/previous.js';
import type { NumberFormat } from './validate/number.js';
import { capProblems } from './messages/collector.js';
import { readRegister, registerPath, REGISTER_FILE } from './intake/register.js';
import { assessTimeliness, type Timeliness } from './intake/timeliness.js';

export interface PipelineOptions {
  cwd: string;
  config?: string;
  /** Files, folders or "-"; none means the definition's returns folder. */
  inputs: string[];
  allowMissing?: boolean;
  /** Check only the units the inputs hold; the roster's others are not missing. */
  onlyListed?: boolean;
  encoding?: Encoding;
  /** How the returns write numbers (--number-format); else the definition's numberFormat. */
  numberFormat?: NumberFormat;
  lang: Lang;
  readStdin: () => Promise<Uint8Array>;
  onFile?: (done: number, total: number) => void;
}

export interface CheckOutcome {
  definition: Definition;
  files: ReturnSummary[];
  checked: CheckedReturns;
  /** Every problem, by file as read then line; `errors` and `warnings` split it. */
  problems: Problem[];
  errors: Problem[];
  warnings: Problem[];
  /** UNUSUAL_VALUE of figures the unit explained ("Giải trình"): shown with its words, neither error nor warning. */
  explained: Problem[];
  /** Who sent on time, with period.deadline (intake/timeliness.ts). */
  timeliness?: Timeliness;
}

/** Problems in the order a reader expects: by file as read, then line; unplaced ones last. */
function sortProblems(problems: Problem[], files: string[]): Problem[] {
  const order = new Map(files.map((f, i) => [f, i]));
  const rank = (p: Problem) => (p.file === undefined ? Infinity : (order.get(p.file) ?? files.length));
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => rank(a.p) - rank(b.p) || (a.p.line ?? 0) - (b.p.line ?? 0) || a.i - b.i)
    .map(({ p }) => p);
}

/** A workbook's problems name its sheet, and the cell when they are about one column of a row ("E5"). */
function placeProblems(problems: Problem[], files: readonly ReturnSummary[]): Problem[] {
  const places = new Map(files.filter((f) => f.place).map((f) => [f.file, f.place!]));
  if (places.size === 0) return problems;
  return problems.map((p) => {
    const place = p.file === undefined ? undefined : places.get(p.file);
    if (!place) return p;
    const letter = p.column === undefined ? undefined : place.letters[p.column as keyof typeof place.letters];
    if (p.cell !== undefined) return p; // placed by the reader (a header problem)
    return { ...p, sheet: place.sheet, ...(letter !== undefined && p.line !== undefined && { cell: `${letter}${p.line}` }) };
  });
}

/**
 * Last period's returns (period.previous), when the definition names them. They were written
 * a year ago, perhaps by other software: their number format is the definition's (or
 * period.previous.numberFormat), never this run's --number-format.
 */
async function readPrevious(definition: Definition, opts: Pick<PipelineOptions, 'cwd' | 'encoding' | 'readStdin'>) {
  const previous = definition.period.previous;
  if (!previous || !definition.previousReturnsDir) return undefined;
  const numberFormat = previous.numberFormat ?? definition.numberFormat;
  const archive = new PreviousArchive(definition, previous.code, numberFormat);
  const read = await ingestReturns([path.relative(opts.cwd, definition.previousReturnsDir) || '.'], { cwd: opts.cwd, encoding: opts.encoding, numberFormat, readStdin: opts.readStdin }, (file) =>
    archive.add(file),
  );
  // An archived file that cannot be read is said (as a warning: this period's figures are not at fault);
  // its units then have no archived return to be checked against.
  // So is a unit's return found twice there: figures it gives two ways are used neither way.
  const problems = placeProblems([...read.problems, ...archive.problems()].map((p): Problem => ({ ...p, severity: 'warning' })), read.files);
  return { archive, revised: previous.revised, problems };
}

/** The definition a run's options name (--config, BAOCAO_CONFIG, ./baocao.yaml). */
export const loadDefinitionFor = (opts: Pick<PipelineOptions, 'config' | 'cwd' | 'lang'>): Promise<Definition> => loadDefinition(opts.config, opts.cwd, opts.lang);

/** `definition` when the caller has loaded it already (build checks it before reading data). */
export async function checkStage(opts: PipelineOptions, loaded?: Definition): Promise<CheckOutcome> {
  const definition = loaded ?? (await loadDefinition(opts.config, opts.cwd, opts.lang));
  const inputs = opts.inputs.length > 0 ? opts.inputs : [path.relative(opts.cwd, definition.returnsDir) || '.'];
  const numberFormat = opts.numberFormat ?? definition.numberFormat;
  const previous = await readPrevious(definition, opts);
  // The intake register, when `receive` has kept one: each return is then told from the one received.
  const register = await readRegister(definition, path.relative(opts.cwd, registerPath(definition)) || REGISTER_FILE);
  const validator = new ReturnValidator(definition, { allowMissing: opts.allowMissing, onlyListed: opts.onlyListed, numberFormat, previous });
  const ingested = await ingestReturns(
    inputs,
    { cwd: opts.cwd, encoding: opts.encoding, numberFormat, readStdin: opts.readStdin, onFile: opts.onFile, digest: register !== undefined },
    (file) => validator.add(file),
  );
  const { checked, problems, explained } = validator.finish();
  const intake = assessTimeliness(definition, register, checked, ingested.files, opts.cwd);
  const own = placeProblems([...ingested.problems, ...problems, ...intake.problems], ingested.files);
  const order = ingested.files.map((f) => f.file);
  const all = capProblems(sortProblems([...own, ...(previous?.problems ?? [])], order));
  return {
    definition,
    files: ingested.files,
    checked,
    problems: all,
    ...splitBySeverity(all),
    explained: sortProblems(placeProblems(explained, ingested.files), order),
    ...(intake.timeliness && { timeliness: intake.timeliness }),
  };
}

export async function aggregateStage(opts: PipelineOptions, loaded?: Definition): Promise<CheckOutcome & { figures?: Figures }> {
  const outcome = await checkStage(opts, loaded);
  if (outcome.errors.length > 0) return outcome;
  const figures = aggregateReturns(outcome.definition, outcome.checked);
  const t = outcome.timeliness;
  if (t) figures.timeliness = { onTime: t.onTime.length, late: t.late.length, unknown: t.unknown.length };
  return { ...outcome, figures };
}

export interface BuildOptions extends PipelineOptions {
  template?: string;
  output?: string;
  /** Replace a read-only report. */
  force?: boolean;
  /** The signed copy: a section of the narrative left empty is an error, and nothing is written. */
  final?: boolean;
  /** For a writer that runs another program (the PDF's LibreOffice): its environment and time limit. */
  env?: Record<string, string | undefined>;
  pdfTimeoutMs?: number;
  /** --pdf: the PDF beside the DOCX too. */
  pdf?: boolean;
  /** --xlsx FILE: the figures workbook too. */
  xlsx?: string;
}

export type BuildOutcome = CheckOutcome & {
  figures?: Figures;
  output?: string;
  /** The PDF written beside the DOCX, or why it could not be (the DOCX is written all the same). */
  pdf?: string;
  pdfProblems?: Problem[];
  workbook?: string;
};

/**
 * What a run reads or owns: the definition, the template, the narrative, the returns named
 * (a file, or a folder whose files are read), last period's archive.
 */
function ownedBy(definition: Definition, opts: Pick<PipelineOptions, 'cwd' | 'config' | 'inputs'>, more: string[] = []): Owned {
  const files = [path.resolve(opts.cwd, opts.config ?? DEFAULT_DEFINITION), ...more, ...(definition.narrativePath ? [definition.narrativePath] : [])];
  const folders = [...(definition.previousReturnsDir ? [definition.previousReturnsDir] : [])];
  const named = opts.inputs.filter((i) => i !== '-').map((i) => path.resolve(opts.cwd, i));
  for (const input of named.length > 0 ? named : [definition.returnsDir]) {
    let folder = false;
    try {
      folder = statSync(input).isDirectory();
    } catch {
      // Not there: nothing of it can be overwritten.
    }
    (folder ? folders : files).push(input);
  }
  return { files, folders };
}

/** OUTPUT_IS_INPUT (exit 2, nothing written) when `written` is one of `owned`'s files or lands in one of its folders. */
function refuseOwned(written: string, owned: Owned, cwd: string): void {
  const hit = ownedAt(written, owned);
  if (hit === undefined) return;
  const shown = path.relative(cwd, written) || written;
  throw FatalError.of('OUTPUT_IS_INPUT', { file: shown, params: { path: shown, input: path.relative(cwd, hit) || hit } });
}

/**
 * Where the report goes: -o, else the definition's `output`, else out/bao-cao-<period>.docx.
 * An -o that names a folder (an existing one, or one written with a trailing slash)
 * gets the definition's file name inside it (its `output`'s name, else the default).
 */
function outputFile(cwd: string, output: string | undefined, definition: Definition): string {
  const defaultName = definition.outputPath ? path.basename(definition.outputPath) : `bao-cao-${definition.period.code}.docx`;
  if (output === undefined) return definition.outputPath ?? path.resolve(cwd, 'out', defaultName);
  const resolved = path.resolve(cwd, output);
  const isFolder = /[\\/]$/.test(output) || (() => {
    try {
      return statSync(resolved).isDirectory();
    } catch {
      return false;
    }
  })();
  return isFolder ? path.join(resolved, defaultName) : resolved;
}

/**
 * The template a build uses (--template, else the definition's, else the default),
 * read and checked against the definition's data before any return is read.
 */
async function prepareTemplate(definition: Definition, cwd: string, template?: string) {
  const templateFile = template ? path.resolve(cwd, template) : (definition.templatePath ?? DEFAULT_TEMPLATE);
  const templateShown = template ?? (definition.templatePath ? path.relative(cwd, templateFile) : 'templates/so-ket.md.hbs');
  const source = await readTemplateSource(templateFile, templateShown);
  const render = await import('./report/report.js');
  const probe = render.probeView(definition);
  const compiled = render.compileTemplate({ file: templateShown, source }, probe);
  // The clerk's narrative, checked like the template.
  const narrativeShown = definition.narrativePath && path.relative(cwd, definition.narrativePath);
  const narrativeSource = definition.narrativePath ? await readNarrativeSource(definition.narrativePath, narrativeShown!) : undefined;
  const narrativeTexts = narrativeSource === undefined ? new Map<string, NarrativeText>() : render.parseNarrative(narrativeSource, narrativeShown!, definition.narrativeSections);
  const narrative = render.compileNarrative(narrativeTexts, narrativeShown || '', probe);
  return { templateFile, templateShown, render, template: compiled, narrative, narrativeShown, narrativeSource, narrativeTexts, probe };
}

/** `check`: with a document frame, the template is checked too, so a misspelt name is found before the day of the build. */
export async function checkWithTemplate(opts: PipelineOptions): Promise<CheckOutcome> {
  const definition = await loadDefinition(opts.config, opts.cwd, opts.lang);
  if (definition.document) await prepareTemplate(definition, opts.cwd);
  return checkStage(opts, definition);
}

/** check → aggregate → render → write, failing early on anything that is not the data's fault. */
export async function buildStage(opts: BuildOptions): Promise<BuildOutcome> {
  const definition = await loadDefinition(opts.config, opts.cwd, opts.lang);
  const doc = definition.document;
  if (!doc) throw FatalError.of('DOCUMENT_MISSING', { file: definition.file });

  const prepared = await prepareTemplate(definition, opts.cwd, opts.template);
  const { templateFile, templateShown, template, render, narrativeShown } = prepared;

  const outFile = outputFile(opts.cwd, opts.output, definition);
  const outShown = path.relative(opts.cwd, outFile) || outFile;
  // Never written over what the report is made from, nor into a folder read as returns: before anything is read.
  const owned = ownedBy(definition, opts, [templateFile]);
  for (const written of [outFile, outFile.replace(/\.docx$/i, '') + '.pdf']) refuseOwned(written, owned, opts.cwd);
  if (opts.xlsx !== undefined) workbookTarget(opts.xlsx, owned, opts.cwd);

  // The writer the output's name asks for (a DOCX for any name but a known other one).
  const writer = render.writerFor(outFile) ?? render.WRITERS[0]!;
  // The report this build replaces: what the clerk typed in it is carried on (roundtrip/).
  const earlier = writer.extension === 'docx' ? readEarlier(outFile, outShown, render, !definition.narrativePath) : undefined;
  const merged =
    earlier?.read === undefined || earlier.read === 'unmarked'
      ? undefined
      : render.mergeNarrative(prepared.narrativeTexts, earlier.read, { report: outShown, file: narrativeShown || undefined });
  const narrativeTexts = merged?.texts ?? prepared.narrativeTexts;
  const narrative = narrativeTexts !== prepared.narrativeTexts ? render.compileNarrative(narrativeTexts, narrativeShown || '', prepared.probe) : prepared.narrative;

  const outcome = await aggregateStage(opts, definition);
  if (!outcome.figures) return outcome;
  // A file read that was named by neither (a link in the returns folder to a file elsewhere) is checked once
  // its list is known — only when the report's file exists, as only an existing file can be one of them.
  if (existsSync(outFile)) refuseOwned(outFile, { files: outcome.files.map((f) => path.resolve(opts.cwd, f.file)), folders: [] }, opts.cwd);

  const sources = new Map([...narrativeTexts].map(([key, t]) => [key, t.text]));
  const rendered = render.renderReport(outcome.figures, doc, template, templateShown, narrative, narrativeShown, sources);
  // Sections the clerk has not written: placeholders and warnings; with --final, errors and no report.
  const missing: Problem[] = rendered.missing.map((section) => ({
    code: 'NARRATIVE_MISSING',
    severity: opts.final ? 'error' : 'warning',
    file: narrativeShown || definition.file,
    params: { section },
  }));
  // Generated paragraphs changed in Word: rebuilt from the returns, the edited file kept beside (with --final, an error).
  const edited = earlier?.read !== undefined && earlier.read !== 'unmarked' ? earlier.read.edited : [];
  const copy = earlier !== undefined && (earlier.read === 'unmarked' || edited.length > 0) ? copyName(outFile, earlier.read === 'unmarked' ? 'bản trước' : 'bản sửa trong Word') : undefined;
  const copyShown = copy && (path.relative(opts.cwd, copy) || copy);
  const kept: Problem[] =
    earlier?.read === 'unmarked'
      ? [{ code: 'REPORT_UNMARKED', severity: 'warning', file: outShown, params: { path: outShown, copy: copyShown! } }]
      : edited.map((paragraph): Problem => ({
          code: 'REPORT_EDITED',
          severity: opts.final ? 'error' : 'warning',
          file: outShown,
          params: { paragraph, path: outShown, ...(!opts.final && { copy: copyShown! }) },
        }));
  const notes = [...(merged?.problems ?? []), ...missing, ...kept];
  if (opts.final && (missing.length > 0 || edited.length > 0)) {
    const failed = notes.filter((p) => p.severity === 'error');
    return { ...outcome, problems: [...outcome.problems, ...notes], errors: [...outcome.errors, ...failed], warnings: [...outcome.warnings, ...notes.filter((p) => p.severity !== 'error')] };
  }
  // The narrative file first: once it holds what Word held, nothing typed can be lost, whatever fails after.
  if (merged && merged.fromWord.size > 0 && definition.narrativePath && prepared.narrativeSource !== undefined)
    await writeFileAtomic(definition.narrativePath, Buffer.from(render.writeSections(prepared.narrativeSource, merged.fromWord, narrativeShown!, definition.narrativeSections), 'utf8'), {
      shown: narrativeShown!,
      force: true,
    });
  if (copy !== undefined && earlier !== undefined) await writeFileAtomic(copy, earlier.bytes, { shown: copyShown });
  const bytes = await writer.write(rendered.model, { env: opts.env ?? {}, shown: outShown, timeoutMs: opts.pdfTimeoutMs });
  await writeFileAtomic(outFile, bytes, { shown: outShown, force: opts.force });
  // The PDF beside the DOCX (an output named .pdf is the PDF already): the DOCX is written and named whatever happens to it.
  let pdf: string | undefined;
  let pdfProblems: Problem[] = [];
  if (opts.pdf && writer.extension === 'docx') {
    const { writePdf } = await import('./write/pdf.js');
    const shown = outShown.replace(/\.docx$/i, '') + '.pdf';
    try {
      await writePdf(outFile, path.resolve(opts.cwd, shown), { env: opts.env ?? {}, shown, force: opts.force, timeoutMs: opts.pdfTimeoutMs, printable: render.withoutControls });
      pdf = shown;
    } catch (err) {
      if (!(err instanceof FatalError)) throw err;
      pdfProblems = err.problems;
    }
  }
  const workbook = opts.xlsx === undefined ? undefined : await figuresWorkbookStage({ definition: outcome.definition, figures: outcome.figures }, { ...opts, file: opts.xlsx });
  return { ...outcome, problems: [...outcome.problems, ...notes], warnings: [...outcome.warnings, ...notes], output: outShown, pdf, pdfProblems, workbook };
}

/** The report at `file`, read back before it is replaced: its bytes and what it holds (undefined when there is none). */
function readEarlier(file: string, shown: string, render: typeof import('./report/report.js'), needText: boolean) {
  if (!existsSync(file)) return undefined;
  const read = readRegularFile(file, MAX_REPORT_BYTES);
  // What cannot be read (a link, a folder, a file without read permission) is refused by the write as before.
  if (!read.ok) return undefined;
  const held = render.readEarlierReport(read.bytes, shown, needText);
  return held === 'none' ? undefined : { bytes: read.bytes, read: held };
}

/** "bao-cao.docx" → "bao-cao (bản sửa trong Word).docx", numbered past any that are there. */
export function copyName(file: string, what: string): string {
  const ext = path.extname(file);
  const stem = file.slice(0, file.length - ext.length);
  for (let n = 1; ; n++) {
    const candidate = `${stem} (${what}${n === 1 ? '' : ` ${n}`})${ext}`;
    if (!existsSync(candidate)) return candidate;
  }
}

/**
 * `aggregate --xlsx FILE`, `build --xlsx FILE`: the figures as a workbook (present/figures-workbook.ts),
 * never over what the run reads nor into a folder read as returns; OUTPUT_NOT_XLSX for another name.
 */
/** Where --xlsx writes: a .xlsx name (OUTPUT_NOT_XLSX), never what the run reads (OUTPUT_IS_INPUT). */
function workbookTarget(file: string, owned: Owned, cwd: string): string {
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
  const { figuresWorkbook } = await import('./present/figures-workbook.js');
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
    return { problems: [{ code: 'AS_RETURN_INCOMPLETE', severity: 'error', file: opts.file, params: { path: opts.file, count: names.length, names: names.join(', ') } }] };
  }
  const target = path.resolve(opts.cwd, opts.file);
  refuseOwned(target, ownedBy(definition, opts), opts.cwd);
  const { returnCsv, returnWorkbook } = await import('./workspace/as-return.js');
  await writeFileAtomic(target, ext === 'csv' ? returnCsv(figures, unit) : await returnWorkbook(figures, unit), { shown: opts.file, force: true });
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
  if (!definition.narrativePath) throw FatalError.of('NARRATIVE_PULL_NO_FILE', { file: definition.file, params: { path: opts.report } });
  const shown = path.relative(opts.cwd, definition.narrativePath);
  const reportFile = path.resolve(opts.cwd, opts.report);
  const read = readRegularFile(reportFile, MAX_REPORT_BYTES);
  if (!read.ok) throw FatalError.of('INPUT_NOT_FOUND', { file: opts.report, params: { path: opts.report } });
  const render = await import('./report/report.js');
  const held = render.readEarlierReport(read.bytes, opts.report);
  if (held === 'none' || held === 'unmarked') throw FatalError.of('NARRATIVE_PULL_UNMARKED', { file: opts.report, params: { path: opts.report } });
  const source = await readNarrativeSource(definition.narrativePath, shown);
  const texts = render.parseNarrative(source, shown, definition.narrativeSections);
  const pulled = render.mergeNarrative(
    texts,
    // Every section the report holds text for is taken, changed there or not; --overwrite takes it over the file's own changes.
    {
      ...held,
      sections: held.sections.map((s) => ({ ...s, changed: s.markdown !== '', source: opts.overwrite ? render.sourceDigest(texts.get(s.key)?.text ?? '') : s.source })),
    },
    { report: opts.report, file: shown },
  );
  if (pulled.fromWord.size === 0) return { written: [], warnings: pulled.problems };
  await writeFileAtomic(definition.narrativePath, Buffer.from(render.writeSections(source, pulled.fromWord, shown, definition.narrativeSections), 'utf8'), { shown, force: true });
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
  const forms = definition.units.map((u) => ({ unit: u, file: path.join(dir, formFileName(u, format)), shown: path.join(opts.outDir, formFileName(u, format)) }));
  // Blank forms never land in the returns folder or last period's archive (where --force would replace filled returns).
  const owned = ownedBy(definition, { ...opts, inputs: [] }, definition.templatePath ? [definition.templatePath] : []);
  for (const f of forms) refuseOwned(f.file, owned, opts.cwd);
  if (!opts.force) {
    const clashes: Problem[] = [];
    for (const f of forms)
      if (await fs.lstat(f.file).then(() => true, () => false)) clashes.push({ code: 'FORM_EXISTS', severity: 'error', file: f.shown, params: { path: f.shown } });
    if (clashes.length > 0) throw new FatalError(clashes);
  }
  const previous = await readPrevious(definition, { cwd: opts.cwd, readStdin: async () => new Uint8Array() });
  const workbook = format === 'xlsx' ? await import('./workspace/form-xlsx.js') : undefined;
  for (const f of forms) {
    const bytes = workbook ? await workbook.formWorkbookBytes(definition, f.unit, previous?.archive) : formBytes(definition, f.unit, previous?.archive);
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
  const { FEEDBACK_PREFIX, feedbackWorkbook, groupFeedback } = await import('./feedback/feedback.js');
  const { feedbackWrittenAs } = await import('./feedback/marker.js');
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
  const readFrom = [...opts.inputs.filter((i) => i !== '-').map((i) => folderOf(path.resolve(opts.cwd, i))), returnsDir, ...(previousReturnsDir ? [previousReturnsDir] : [])];
  for (const folder of readFrom)
    if (same(folder, dir)) throw FatalError.of('OUTPUT_FEEDBACK_FOLDER', { file: opts.dir, params: { path: opts.dir, reason: 'RETURNS' } });
  const kind = await fs.stat(dir).then((st) => (st.isDirectory() ? 'folder' : 'other'), () => 'none');
  if (kind === 'other') throw FatalError.of('OUTPUT_FEEDBACK_FOLDER', { file: opts.dir, params: { path: opts.dir, reason: 'NOT_FOLDER' } });

  // One run at a time per folder: two at once would each remove the other's files.
  return withLock(path.join(dir, 'baocao-phan-hoi'), opts.dir, async () => {
    /** Whether a file is feedback baocao wrote under this very name (the marker in its properties names it), or an earlier version's. */
    const { readRegularFile } = await import('./ingest/read.js');
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
        throw FatalError.of('OUTPUT_FEEDBACK_FOLDER', { file: path.join(opts.dir, n), params: { path: path.join(opts.dir, n), reason: 'NOT_OURS' } });
    const written: string[] = [];
    for (const fb of feedback) {
      const shown = path.join(opts.dir, fb.name);
      await writeFileAtomic(path.join(dir, fb.name), await feedbackWorkbook(outcome.definition, fb), { shown, force: true });
      written.push(shown);
    }
    for (const n of existing) if (isFeedbackName(n) && !names.has(n.normalize('NFC')) && writtenAs(n) === 'own') await fs.rm(path.join(dir, n), { force: true });
    return written;
  });
}
