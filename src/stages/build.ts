// `build`: the template and narrative checked before any return is read, then check →
// aggregate → render → the writer the output's name asks for; the report it replaces read
// back first (report/roundtrip/), the PDF and the figures workbook beside it.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_TEMPLATE } from '../assets.js';
import type { Figures } from '../aggregate/aggregate.js';
import type { Definition } from '../definition/parse.js';
import type { NarrativeText } from '../report/narrative.js';
import { loadDefinition, readNarrativeSource, readTemplateSource } from '../ingest/definition.js';
import { MAX_REPORT_BYTES } from '../limits.js';
import { readRegularFile } from '../ingest/read.js';
import { FatalError, type Problem } from '../messages/problem.js';
import { writeFileAtomic } from '../write/atomic.js';
import {
  aggregateStage,
  checkStage,
  ownedBy,
  refuseOwned,
  type CheckOutcome,
  type PipelineOptions,
} from '../pipeline.js';
import { figuresWorkbookStage, workbookTarget } from './outputs.js';

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
 * Where the report goes: -o, else the definition's `output`, else out/bao-cao-<period>.docx.
 * An -o that names a folder (an existing one, or one written with a trailing slash)
 * gets the definition's file name inside it (its `output`'s name, else the default).
 */
function outputFile(cwd: string, output: string | undefined, definition: Definition): string {
  const defaultName = definition.outputPath
    ? path.basename(definition.outputPath)
    : `bao-cao-${definition.period.code}.docx`;
  if (output === undefined) return definition.outputPath ?? path.resolve(cwd, 'out', defaultName);
  const resolved = path.resolve(cwd, output);
  const isFolder =
    /[\\/]$/.test(output) ||
    (() => {
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
  const templateShown =
    template ?? (definition.templatePath ? path.relative(cwd, templateFile) : 'templates/so-ket.md.hbs');
  const source = await readTemplateSource(templateFile, templateShown);
  // The checks alone (report/prepare.ts): `check` loads neither marked nor docx.
  const prep = await import('../report/prepare.js');
  const probe = prep.probeView(definition);
  const compiled = prep.compileTemplate({ file: templateShown, source }, probe);
  // The clerk's narrative, checked like the template.
  const narrativeShown = definition.narrativePath && path.relative(cwd, definition.narrativePath);
  const narrativeSource = definition.narrativePath
    ? await readNarrativeSource(definition.narrativePath, narrativeShown!)
    : undefined;
  const narrativeTexts =
    narrativeSource === undefined
      ? new Map<string, NarrativeText>()
      : prep.parseNarrative(narrativeSource, narrativeShown!, definition.narrativeSections);
  const narrative = prep.compileNarrative(narrativeTexts, narrativeShown || '', probe);
  return {
    templateFile,
    templateShown,
    template: compiled,
    narrative,
    narrativeShown,
    narrativeSource,
    narrativeTexts,
    probe,
  };
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
  const { templateFile, templateShown, template, narrativeShown } = prepared;
  const render = await import('../report/report.js');

  const outFile = outputFile(opts.cwd, opts.output, definition);
  const outShown = path.relative(opts.cwd, outFile) || outFile;
  // Never written over what the report is made from, nor into a folder read as returns: before anything is read.
  const owned = ownedBy(definition, opts, [templateFile]);
  for (const written of [outFile, outFile.replace(/\.docx$/i, '') + '.pdf']) refuseOwned(written, owned, opts.cwd);
  if (opts.xlsx !== undefined) workbookTarget(opts.xlsx, owned, opts.cwd);

  // The writer the output's name asks for (a DOCX for any name but a known other one).
  const writer = render.writerFor(outFile) ?? render.WRITERS[0]!;
  // The report this build replaces: what the clerk typed in it is carried on (roundtrip/).
  const earlier =
    writer.extension === 'docx' ? readEarlier(outFile, outShown, render, !definition.narrativePath) : undefined;
  const merged =
    earlier?.read === undefined || earlier.read === 'unmarked'
      ? undefined
      : render.mergeNarrative(prepared.narrativeTexts, earlier.read, {
          report: outShown,
          file: narrativeShown || undefined,
        });
  const narrativeTexts = merged?.texts ?? prepared.narrativeTexts;
  const narrative =
    narrativeTexts !== prepared.narrativeTexts
      ? render.compileNarrative(narrativeTexts, narrativeShown || '', prepared.probe)
      : prepared.narrative;

  const outcome = await aggregateStage(opts, definition);
  if (!outcome.figures) return outcome;
  // A file read that was named by neither (a link in the returns folder to a file elsewhere) is checked once
  // its list is known — only when the report's file exists, as only an existing file can be one of them.
  if (existsSync(outFile))
    refuseOwned(outFile, { files: outcome.files.map((f) => path.resolve(opts.cwd, f.file)), folders: [] }, opts.cwd);

  const sources = new Map([...narrativeTexts].map(([key, t]) => [key, t.text]));
  const rendered = render.renderReport(
    outcome.figures,
    doc,
    template,
    templateShown,
    narrative,
    narrativeShown,
    sources,
  );
  // Sections the clerk has not written: placeholders and warnings; with --final, errors and no report.
  const missing: Problem[] = rendered.missing.map((section) => ({
    code: 'NARRATIVE_MISSING',
    severity: opts.final ? 'error' : 'warning',
    file: narrativeShown || definition.file,
    params: { section },
  }));
  // Generated paragraphs changed in Word: rebuilt from the returns, the edited file kept beside (with --final, an error).
  const edited = earlier?.read !== undefined && earlier.read !== 'unmarked' ? earlier.read.edited : [];
  const copy =
    earlier !== undefined && (earlier.read === 'unmarked' || edited.length > 0)
      ? copyName(outFile, earlier.read === 'unmarked' ? 'bản trước' : 'bản sửa trong Word')
      : undefined;
  const copyShown = copy && (path.relative(opts.cwd, copy) || copy);
  const kept: Problem[] =
    earlier?.read === 'unmarked'
      ? [{ code: 'REPORT_UNMARKED', severity: 'warning', file: outShown, params: { path: outShown, copy: copyShown! } }]
      : edited.map(
          (paragraph): Problem => ({
            code: 'REPORT_EDITED',
            severity: opts.final ? 'error' : 'warning',
            file: outShown,
            params: { paragraph, path: outShown, ...(!opts.final && { copy: copyShown! }) },
          }),
        );
  const notes = [...(merged?.problems ?? []), ...missing, ...kept];
  if (opts.final && (missing.length > 0 || edited.length > 0)) {
    const failed = notes.filter((p) => p.severity === 'error');
    return {
      ...outcome,
      problems: [...outcome.problems, ...notes],
      errors: [...outcome.errors, ...failed],
      warnings: [...outcome.warnings, ...notes.filter((p) => p.severity !== 'error')],
    };
  }
  // The narrative file first: once it holds what Word held, nothing typed can be lost, whatever fails after.
  if (merged && merged.fromWord.size > 0 && definition.narrativePath && prepared.narrativeSource !== undefined)
    await writeFileAtomic(
      definition.narrativePath,
      Buffer.from(
        render.writeSections(prepared.narrativeSource, merged.fromWord, narrativeShown!, definition.narrativeSections),
        'utf8',
      ),
      {
        shown: narrativeShown!,
        force: true,
      },
    );
  if (copy !== undefined && earlier !== undefined) await writeFileAtomic(copy, earlier.bytes, { shown: copyShown });
  const bytes = await writer.write(rendered.model, {
    env: opts.env ?? {},
    shown: outShown,
    timeoutMs: opts.pdfTimeoutMs,
  });
  await writeFileAtomic(outFile, bytes, { shown: outShown, force: opts.force });
  // The PDF beside the DOCX (an output named .pdf is the PDF already): the DOCX is written and named whatever happens to it.
  let pdf: string | undefined;
  let pdfProblems: Problem[] = [];
  if (opts.pdf && writer.extension === 'docx') {
    const { writePdf } = await import('../write/pdf.js');
    const shown = outShown.replace(/\.docx$/i, '') + '.pdf';
    try {
      await writePdf(outFile, path.resolve(opts.cwd, shown), {
        env: opts.env ?? {},
        shown,
        force: opts.force,
        timeoutMs: opts.pdfTimeoutMs,
        printable: render.withoutControls,
      });
      pdf = shown;
    } catch (err) {
      if (!(err instanceof FatalError)) throw err;
      pdfProblems = err.problems;
    }
  }
  const workbook =
    opts.xlsx === undefined
      ? undefined
      : await figuresWorkbookStage(
          { definition: outcome.definition, figures: outcome.figures },
          { ...opts, file: opts.xlsx },
        );
  return {
    ...outcome,
    problems: [...outcome.problems, ...notes],
    warnings: [...outcome.warnings, ...notes],
    output: outShown,
    pdf,
    pdfProblems,
    workbook,
  };
}

/** The report at `file`, read back before it is replaced: its bytes and what it holds (undefined when there is none). */
function readEarlier(file: string, shown: string, render: typeof import('../report/report.js'), needText: boolean) {
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
