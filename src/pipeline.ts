// The composer: definition → ingest → validate → aggregate. The CLI is a thin shell over this.
import path from 'node:path';
import { aggregateReturns, type Figures } from './aggregate/aggregate.js';
import type { Definition } from './definition/parse.js';
import { loadDefinition } from './ingest/definition.js';
import type { Encoding } from './ingest/decode.js';
import { ingestReturns } from './ingest/files.js';
import type { ReturnFile } from './ingest/returns.js';
import type { Lang } from './messages/catalog.js';
import { splitBySeverity, type Problem } from './messages/problem.js';
import { validateReturns, type CheckedReturns } from './validate/validate.js';

export interface PipelineOptions {
  cwd: string;
  config?: string;
  /** Files, folders or "-"; none means the definition's returns folder. */
  inputs: string[];
  allowMissing?: boolean;
  encoding?: Encoding;
  lang: Lang;
  readStdin: () => Promise<Uint8Array>;
  onFile?: (done: number, total: number) => void;
}

export interface CheckOutcome {
  definition: Definition;
  files: ReturnFile[];
  checked: CheckedReturns;
  errors: Problem[];
  warnings: Problem[];
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

export async function checkStage(opts: PipelineOptions): Promise<CheckOutcome> {
  const definition = await loadDefinition(opts.config, opts.cwd, opts.lang);
  const inputs = opts.inputs.length > 0 ? opts.inputs : [path.relative(opts.cwd, definition.returnsDir) || '.'];
  const ingested = await ingestReturns(inputs, { cwd: opts.cwd, encoding: opts.encoding, readStdin: opts.readStdin, onFile: opts.onFile });
  const { checked, problems } = validateReturns(definition, ingested.files, { allowMissing: opts.allowMissing });
  const all = sortProblems([...ingested.problems, ...problems], ingested.files.map((f) => f.file));
  return { definition, files: ingested.files, checked, ...splitBySeverity(all) };
}

export async function aggregateStage(opts: PipelineOptions): Promise<CheckOutcome & { figures?: Figures }> {
  const outcome = await checkStage(opts);
  if (outcome.errors.length > 0) return outcome;
  return { ...outcome, figures: aggregateReturns(outcome.definition, outcome.checked) };
}
