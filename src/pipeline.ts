// The composer of the data's stages: definition → ingest → validate → aggregate, and what
// may not be written over (the run's inputs). The commands' stages build on it (stages/).
import { statSync } from 'node:fs';
import path from 'node:path';
import { aggregateReturns, type Figures } from './aggregate/aggregate.js';
import type { Definition } from './definition/parse.js';
import { DEFAULT_DEFINITION, loadDefinition } from './ingest/definition.js';
import type { Encoding } from './ingest/decode.js';
import { ingestReturns, type ReturnSummary } from './ingest/files.js';
import type { Lang } from './messages/lang.js';
import { FatalError, splitBySeverity, type Problem } from './messages/problem.js';
import { ownedAt, type Owned } from './write/guard.js';
import { ReturnValidator, type CheckedReturns } from './validate/validate.js';
import { PreviousArchive } from './validate/previous.js';
import type { NumberFormat } from './numbers/parse.js';
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
    return {
      ...p,
      sheet: place.sheet,
      ...(letter !== undefined && p.line !== undefined && { cell: `${letter}${p.line}` }),
    };
  });
}

/**
 * Last period's returns (period.previous), when the definition names them. They were written
 * a year ago, perhaps by other software: their number format is the definition's (or
 * period.previous.numberFormat), never this run's --number-format.
 */
export async function readPrevious(
  definition: Definition,
  opts: Pick<PipelineOptions, 'cwd' | 'encoding' | 'readStdin'>,
) {
  const previous = definition.period.previous;
  if (!previous || !definition.previousReturnsDir) return undefined;
  const numberFormat = previous.numberFormat ?? definition.numberFormat;
  const archive = new PreviousArchive(definition, previous.code, numberFormat);
  const read = await ingestReturns(
    [path.relative(opts.cwd, definition.previousReturnsDir) || '.'],
    { cwd: opts.cwd, encoding: opts.encoding, numberFormat, readStdin: opts.readStdin },
    (file) => archive.add(file),
  );
  // An archived file that cannot be read is said (as a warning: this period's figures are not at fault);
  // its units then have no archived return to be checked against.
  // So is a unit's return found twice there: figures it gives two ways are used neither way.
  const problems = placeProblems(
    [...read.problems, ...archive.problems()].map((p): Problem => ({ ...p, severity: 'warning' })),
    read.files,
  );
  return { archive, revised: previous.revised, problems };
}

/** The definition a run's options name (--config, BAOCAO_CONFIG, ./baocao.yaml). */
export const loadDefinitionFor = (opts: Pick<PipelineOptions, 'config' | 'cwd' | 'lang'>): Promise<Definition> =>
  loadDefinition(opts.config, opts.cwd, opts.lang);

/** `definition` when the caller has loaded it already (build checks it before reading data). */
export async function checkStage(opts: PipelineOptions, loaded?: Definition): Promise<CheckOutcome> {
  const definition = loaded ?? (await loadDefinition(opts.config, opts.cwd, opts.lang));
  const inputs = opts.inputs.length > 0 ? opts.inputs : [path.relative(opts.cwd, definition.returnsDir) || '.'];
  const numberFormat = opts.numberFormat ?? definition.numberFormat;
  const previous = await readPrevious(definition, opts);
  // The intake register, when `receive` has kept one: each return is then told from the one received.
  const register = await readRegister(definition, path.relative(opts.cwd, registerPath(definition)) || REGISTER_FILE);
  const validator = new ReturnValidator(definition, {
    allowMissing: opts.allowMissing,
    onlyListed: opts.onlyListed,
    numberFormat,
    previous,
  });
  const ingested = await ingestReturns(
    inputs,
    {
      cwd: opts.cwd,
      encoding: opts.encoding,
      numberFormat,
      readStdin: opts.readStdin,
      onFile: opts.onFile,
      digest: register !== undefined,
    },
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

export async function aggregateStage(
  opts: PipelineOptions,
  loaded?: Definition,
): Promise<CheckOutcome & { figures?: Figures }> {
  const outcome = await checkStage(opts, loaded);
  if (outcome.errors.length > 0) return outcome;
  const figures = aggregateReturns(outcome.definition, outcome.checked);
  const t = outcome.timeliness;
  if (t) figures.timeliness = { onTime: t.onTime.length, late: t.late.length, unknown: t.unknown.length };
  return { ...outcome, figures };
}

/**
 * What a run reads or owns: the definition, the template, the narrative, the returns named
 * (a file, or a folder whose files are read), last period's archive.
 */
export function ownedBy(
  definition: Definition,
  opts: Pick<PipelineOptions, 'cwd' | 'config' | 'inputs'>,
  more: string[] = [],
): Owned {
  const files = [
    path.resolve(opts.cwd, opts.config ?? DEFAULT_DEFINITION),
    ...more,
    ...(definition.narrativePath ? [definition.narrativePath] : []),
  ];
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
export function refuseOwned(written: string, owned: Owned, cwd: string): void {
  const hit = ownedAt(written, owned);
  if (hit === undefined) return;
  const shown = path.relative(cwd, written) || written;
  throw FatalError.of('OUTPUT_IS_INPUT', {
    file: shown,
    params: { path: shown, input: path.relative(cwd, hit) || hit },
  });
}
