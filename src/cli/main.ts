// The CLI: parses arguments, runs one command through the pipeline, prints, and
// returns the exit code (0 done, 1 the data has problems, 2 the command could not run).
import { Argument, Command, CommanderError, Help, Option } from 'commander';
import { ENCODINGS, type Encoding } from '../ingest/decode.js';
import { NUMBER_FORMATS, type NumberFormat } from '../validate/number.js';
import type { Lang } from '../messages/catalog.js';
import { chooseLang, UI, type Words } from '../messages/ui.js';
import { FatalError, type Problem } from '../messages/problem.js';
import path from 'node:path';
import type { CheckOutcome, PipelineOptions } from '../pipeline.js';
import { colorFor } from './color.js';
import { OutputClosed, OutputWriteFailed } from './output.js';
import { explainedJson, formatExplained, formatProblem, formatProblems, formatSummary, problemJson } from './problems-view.js';
import type { World } from './world.js';

import { VERSION } from './version.js';

// The pipeline (zod, yaml, csv-parse) and the renderer load only in the commands that
// use them, so `--help` and `--version` start as fast as Node itself.
const pipeline = () => import('../pipeline.js');

export const EXIT = { OK: 0, DATA: 1, FAILED: 2 } as const;

interface CommonFlags {
  config?: string;
  json?: boolean;
  lang: Lang;
  allowMissing?: boolean;
  encoding?: Encoding;
  numberFormat?: NumberFormat;
  onlyListed?: boolean;
  /** check: the folder to write each unit's problems into. */
  feedback?: string;
  /** check: the intake register as a workbook. */
  register?: string;
  byGroup?: boolean;
  /** aggregate, build: the figures as a workbook too. */
  xlsx?: string;
  /** aggregate: the figures as one return for the level above, under this unit code. */
  asReturn?: string;
  unit?: string;
  quiet?: boolean;
  debug?: boolean;
}

/**
 * Every `--json` document: its schema version (schema/*.schema.json; it changes only
 * when a field is removed or changes meaning), whether the command did its job, the
 * numbers of problems found (including those only counted in MORE_PROBLEMS), the
 * command's own fields, then the problems. Indented for a person at a terminal; one
 * line for a program (half the bytes, twice as fast).
 */
function writeJson(world: World, lang: Lang, ok: boolean, problems: { errors: readonly Problem[]; warnings: readonly Problem[] }, body: object = {}) {
  const count = (list: readonly Problem[]) => list.reduce((n, p) => n + (p.code === 'MORE_PROBLEMS' ? Number(p.params?.count ?? 0) : 1), 0);
  const value = {
    schemaVersion: SCHEMA_VERSION,
    ok,
    ...body,
    counts: { errors: count(problems.errors), warnings: count(problems.warnings) },
    errors: problems.errors.map((p) => problemJson(p, lang)),
    warnings: problems.warnings.map((p) => problemJson(p, lang)),
  };
  world.stdout.write((world.stdout.isTTY ? JSON.stringify(value, null, 2) : JSON.stringify(value)) + '\n');
}

export const SCHEMA_VERSION = 1;

function reportFatal(world: World, problems: Problem[], flags: Pick<CommonFlags, 'json' | 'lang'>) {
  if (flags.json) writeJson(world, flags.lang, false, { errors: problems, warnings: [] });
  const c = colorFor(world.stderr, world.env);
  for (const p of problems) {
    const line = formatProblem(p, flags.lang, c);
    // The file first, unless the message names it already.
    world.stderr.write((p.file && p.params?.path !== p.file ? `${p.file}: ` : '') + line + '\n');
  }
}

function withCommonOptions(cmd: Command, w: Words): Command {
  return cmd
    .option(w.config[0], w.config[1])
    .option('--allow-missing', w.allowMissing)
    .addOption(new Option(w.encoding[0], w.encoding[1]).choices(ENCODINGS))
    .addOption(new Option(w.numberFormat[0], w.numberFormat[1]).choices(NUMBER_FORMATS))
    .option('--json', w.json)
    .addOption(langOption(w))
    .option('-q, --quiet', w.quiet)
    .option('--debug', w.debug);
}

/** --lang is read before commander runs (chooseLang); the option is declared so help shows it and commander checks its value. */
const langOption = (w: Words) => new Option(w.lang[0], w.lang[1]).choices(['vi', 'en']);

const examples = (w: Words, lines: readonly string[]) => `\n${w.examples}\n${lines.map((l) => `  ${l}`).join('\n')}`;

/** The definition: --config, else BAOCAO_CONFIG, else ./baocao.yaml (the pipeline's default). */
const configOf = (world: World, flags: { config?: string }) => flags.config ?? (world.env.BAOCAO_CONFIG || undefined);

function pipelineOptions(world: World, inputs: string[], flags: CommonFlags): PipelineOptions {
  const progress = world.stderr.isTTY && !flags.quiet;
  return {
    cwd: world.cwd,
    config: configOf(world, flags),
    onlyListed: flags.onlyListed,
    inputs,
    allowMissing: flags.allowMissing,
    encoding: flags.encoding,
    numberFormat: flags.numberFormat,
    lang: flags.lang,
    readStdin: world.readStdin,
    onFile: progress
      ? (done, total) => {
          if (total >= 50 && (done % 50 === 0 || done === total)) world.stderr.write(`\r${done}/${total}${done === total ? '\n' : ''}`);
        }
      : undefined,
  };
}

/** Problems on stderr, grouped by file (errors only with --quiet), `check`'s explained figures, then the summary. */
function showProblems(world: World, outcome: CheckOutcome, flags: CommonFlags, explained = false): void {
  const shown = flags.quiet ? outcome.errors : outcome.problems;
  if (flags.quiet && shown.length === 0) return;
  const c = colorFor(world.stderr, world.env);
  world.stderr.write(formatProblems(shown, flags.lang, c));
  if (explained && !flags.quiet) world.stderr.write(formatExplained(outcome.explained, flags.lang, c));
  world.stderr.write(formatSummary(outcome, flags.lang, c, flags.quiet));
}

/** When the data has errors, `aggregate` and `build` stop here: the problems, exit 1. */
function stopOnErrors(world: World, outcome: CheckOutcome, flags: CommonFlags): number {
  if (flags.json) writeJson(world, flags.lang, false, outcome);
  showProblems(world, outcome, flags);
  return EXIT.DATA;
}

async function checkCommand(world: World, inputs: string[], flags: CommonFlags): Promise<number> {
  const stages = await pipeline();
  const outcome = await stages.checkWithTemplate(pipelineOptions(world, inputs, flags));
  const ok = outcome.errors.length === 0;
  // Written before anything is printed, so a failure to write is the only thing said (exit 2).
  const feedback = flags.feedback === undefined ? undefined : await stages.feedbackStage(outcome, { cwd: world.cwd, dir: flags.feedback, inputs });
  if (flags.register !== undefined) await (await import('../intake/register-xlsx.js')).writeRegisterWorkbook(outcome, { cwd: world.cwd, file: flags.register, inputs });
  if (flags.json)
    writeJson(world, flags.lang, ok, outcome, {
      explained: outcome.explained.map((p) => explainedJson(p, flags.lang)),
      ...(outcome.timeliness && { timeliness: outcome.timeliness }),
      ...(feedback && { feedback }),
    });
  showProblems(world, outcome, flags, true);
  if (feedback && !flags.quiet) world.stderr.write(UI[flags.lang].feedbackWritten(feedback.length, flags.feedback!) + '\n');
  if (flags.register !== undefined && !flags.quiet) world.stderr.write(UI[flags.lang].registerWritten(flags.register) + '\n');
  return ok ? EXIT.OK : EXIT.DATA;
}

async function aggregateCommand(world: World, inputs: string[], flags: CommonFlags): Promise<number> {
  const outcome = await (await pipeline()).aggregateStage(pipelineOptions(world, inputs, flags));
  if (!outcome.figures) return stopOnErrors(world, outcome, flags);
  // The return for the level above first: a province short of a unit gives none, and the command fails (exit 1).
  const stages = await pipeline();
  const sent = flags.asReturn === undefined ? undefined : await stages.asReturnStage({ definition: outcome.definition, figures: outcome.figures }, { ...pipelineOptions(world, inputs, flags), file: flags.asReturn, unit: flags.unit });
  if (sent && sent.problems.length > 0) return stopOnErrors(world, { ...outcome, problems: [...outcome.problems, ...sent.problems], errors: sent.problems }, flags);
  if (outcome.warnings.length > 0) showProblems(world, outcome, flags);
  if (sent?.written !== undefined && !flags.quiet) world.stderr.write(UI[flags.lang].returnWritten(sent.written) + '\n');
  const workbook = flags.xlsx === undefined ? undefined : await (await pipeline()).figuresWorkbookStage({ definition: outcome.definition, figures: outcome.figures }, { ...pipelineOptions(world, inputs, flags), file: flags.xlsx });
  if (workbook !== undefined && !flags.quiet) world.stderr.write(UI[flags.lang].workbookWritten(workbook) + '\n');
  if (flags.json) {
    const { figuresToJson } = await import('../aggregate/json.js');
    writeJson(world, flags.lang, true, outcome, {
      ...figuresToJson(outcome.figures),
      ...(outcome.timeliness && { timeliness: outcome.timeliness }),
      ...(workbook && { workbook }),
      ...(sent?.written && { return: sent.written }),
    });
  } else {
    const { formatFiguresTable } = await import('./figures-view.js');
    world.stdout.write(formatFiguresTable(outcome.figures, flags.lang, colorFor(world.stdout, world.env), flags.byGroup));
  }
  return EXIT.OK;
}

/**
 * `receive`: files each return and records it (intake/receive.ts), then checks what was filed as
 * `check --only-listed` would, so the unit's problems are known at once. Exit 1 when a file was
 * refused or a return filed has errors: it is filed all the same.
 */
async function receiveCommand(world: World, files: string[], flags: CommonFlags & { at?: string }): Promise<number> {
  const stages = await pipeline();
  const { receiveReturns } = await import('../intake/receive.js');
  const definition = await stages.loadDefinitionFor(pipelineOptions(world, [], flags));
  const { filed, refused } = await receiveReturns({
    cwd: world.cwd,
    definition,
    files,
    at: flags.at,
    now: new Date(),
    encoding: flags.encoding,
    numberFormat: flags.numberFormat ?? definition.numberFormat,
    lang: flags.lang,
  });
  const checked = filed.length === 0 ? undefined : await stages.checkStage({ ...pipelineOptions(world, [...new Set(filed.map((f) => f.filedAs))], flags), onlyListed: true }, definition);
  const errors = [...refused, ...(checked?.errors ?? [])];
  const warnings = checked?.warnings ?? [];
  const w = UI[flags.lang];
  if (flags.json)
    writeJson(world, flags.lang, errors.length === 0, { errors, warnings }, {
      filed: filed.map((f) => ({ source: f.source, unit: f.unit.code, file: f.filedAs, ...(f.replaced && { replaced: f.replaced }), ...(f.same && { same: true }) })),
    });
  else world.stdout.write(filed.map((f) => f.filedAs + '\n').join(''));
  const c = colorFor(world.stderr, world.env);
  if (!flags.quiet)
    for (const f of filed) {
      const unit = `${f.unit.code} ${f.unit.name}`;
      world.stderr.write((f.same ? w.receivedSame(unit, f.filedAs) : w.received(unit, f.source, f.filedAs)) + '\n');
      for (const r of f.replaced ?? []) world.stderr.write(w.receivedReplaced(r.file, r.keptAs) + '\n');
    }
  if (refused.length > 0) world.stderr.write(formatProblems(refused, flags.lang, c));
  if (checked) showProblems(world, checked, flags);
  return errors.length === 0 ? EXIT.OK : EXIT.DATA;
}

type BuildFlags = CommonFlags & { template?: string; output?: string; force?: boolean; pdf?: boolean; final?: boolean };

async function buildCommand(world: World, inputs: string[], flags: BuildFlags): Promise<number> {
  const timeout = Number(world.env.BAOCAO_PDF_TIMEOUT);
  const pdfTimeoutMs = timeout > 0 ? timeout * 1000 : undefined;
  const outcome = await (await pipeline()).buildStage({
    ...pipelineOptions(world, inputs, flags),
    template: flags.template,
    output: flags.output,
    force: flags.force,
    final: flags.final,
    env: world.env,
    pdfTimeoutMs,
    pdf: flags.pdf,
    xlsx: flags.xlsx,
  });
  if (!outcome.output) return stopOnErrors(world, outcome, flags);
  if (outcome.warnings.length > 0) showProblems(world, outcome, flags);
  const { pdf, workbook } = outcome;
  const pdfProblems = outcome.pdfProblems ?? [];
  const ok = pdfProblems.length === 0;
  if (flags.json) writeJson(world, flags.lang, ok, { errors: pdfProblems, warnings: outcome.warnings }, { output: outcome.output, ...(pdf && { pdf }), ...(workbook && { workbook }) });
  else world.stdout.write(outcome.output + '\n' + (pdf ? pdf + '\n' : '') + (workbook ? workbook + '\n' : ''));
  if (!ok) {
    const c = colorFor(world.stderr, world.env);
    for (const p of pdfProblems) world.stderr.write(formatProblem(p, flags.lang, c) + '\n');
  }
  return ok ? EXIT.OK : EXIT.FAILED;
}

interface SetupFlags {
  quiet?: boolean;
  json?: boolean;
}

function reportWritten(world: World, lang: Lang, paths: string[], flags: SetupFlags, done: string, warnings: Problem[] = []) {
  if (flags.json) writeJson(world, lang, true, { errors: [], warnings }, { files: paths });
  else world.stdout.write(paths.map((p) => p + '\n').join(''));
  if (warnings.length > 0 && !flags.quiet) world.stderr.write(formatProblems(warnings, lang, colorFor(world.stderr, world.env)));
  if (!flags.quiet) world.stderr.write(done + '\n');
}

/** commander's help in the chosen language: its titles, the usage line, choices and defaults. */
function helpIn(w: Words) {
  const extra = (choices: readonly string[] | undefined, defaultValue: unknown) => {
    const parts: string[] = [];
    if (choices) parts.push(`${w.choices}: ${choices.join(', ')}`);
    if (defaultValue !== undefined && typeof defaultValue !== 'boolean') parts.push(`${w.default}: ${String(defaultValue)}`);
    return parts.length > 0 ? ` (${parts.join('; ')})` : '';
  };
  return {
    styleTitle: (title: string) => w.titles[title] ?? title,
    styleUsage: (usage: string) => usage.split(' ').map((word) => w.usageWords[word] ?? word).join(' '),
    subcommandTerm(this: Help, sub: Command) {
      return Help.prototype.subcommandTerm.call(this, sub).split(' ').map((word) => w.usageWords[word] ?? word).join(' ');
    },
    optionDescription: (o: Option) => o.description + extra(o.argChoices, o.defaultValueDescription ?? o.defaultValue),
    argumentDescription: (a: Argument) => a.description + extra(a.argChoices, a.defaultValueDescription ?? a.defaultValue),
  };
}

/**
 * A value given to an option that takes one must be one: `check --feedback --json` would take
 * "--json" for the folder, `build -o --force` write a file named "--force", and an empty
 * `--feedback=` write into the working folder. Each is a usage error instead.
 */
function refuseOptionLikeValues(action: Command, w: Words): void {
  for (const option of action.options) {
    if (!option.required && !option.optional) continue;
    const key = option.attributeName();
    if (action.getOptionValueSource(key) !== 'cli') continue;
    const value: unknown = action.getOptionValue(key);
    const name = option.long ?? option.short ?? key;
    const detail = value === '' ? w.optionValueEmpty(name) : typeof value === 'string' && /^-./.test(value) ? w.optionValueIsOption(name, value) : undefined;
    if (detail !== undefined) throw FatalError.of('USAGE', { params: { detail } });
  }
}

function buildProgram(world: World, lang: Lang, setExit: (code: number) => void): Command {
  const w = UI[lang];
  const program = new Command('baocao')
    .description(w.program)
    .version(VERSION, '-V, --version', w.version)
    .helpOption('-h, --help', w.help)
    .helpCommand(w.helpCommand[0], w.helpCommand[1])
    .addOption(langOption(w))
    .exitOverride()
    .configureHelp(helpIn(w))
    .configureOutput({
      writeOut: (s) => world.stdout.write(s),
      writeErr: (s) => world.stderr.write(s),
      outputError: () => {},
    })
    .showSuggestionAfterError(true)
    .hook('preAction', (_program, action) => refuseOptionLikeValues(action, w));
  const command = (name: string) => program.command(name).helpOption('-h, --help', w.help).configureHelp(helpIn(w));

  command('init')
    .description(w.init)
    .addArgument(new Argument(w.initDir[0], w.initDir[1]).default('.', w.initDirDefault))
    .option(w.initSample[0], w.initSample[1])
    .option('--json', w.jsonFiles)
    .addOption(langOption(w))
    .option('-q, --quiet', w.quiet)
    .addHelpText('after', examples(w, w.initExamples))
    .action(async (dir: string, flags: SetupFlags & { mau?: boolean }) => {
      const { initWorkspace } = await import('../workspace/init.js');
      const created = await initWorkspace(path.resolve(world.cwd, dir), dir === '.' ? '' : dir, flags.mau === true);
      reportWritten(world, lang, created, flags, w.doneInit);
      setExit(EXIT.OK);
    });

  command('forms')
    .description(w.forms)
    .option(w.config[0], w.config[1])
    .option(w.formsOutput[0], w.formsOutput[1], 'bieu-mau')
    .addOption(new Option(w.formsFormat[0], w.formsFormat[1]).choices(['xlsx', 'csv']).default('xlsx'))
    .option('--force', w.formsForce)
    .option('--json', w.jsonFiles)
    .addOption(langOption(w))
    .option('-q, --quiet', w.quiet)
    .addHelpText('after', examples(w, w.formsExamples))
    .action(async (flags: SetupFlags & { config?: string; output: string; force?: boolean; format: 'xlsx' | 'csv' }) => {
      const { written, warnings } = await (await pipeline()).formsStage({ cwd: world.cwd, config: configOf(world, flags), lang, outDir: flags.output, force: flags.force, format: flags.format });
      reportWritten(world, lang, written, flags, w.doneForms, warnings);
      setExit(EXIT.OK);
    });

  withCommonOptions(
    command('check')
      .description(w.check)
      .argument(w.inputs[0], w.inputs[1])
      .option('--only-listed', w.onlyListed)
      .option(w.feedback[0], w.feedback[1])
      .option(w.register[0], w.register[1])
      .addHelpText('after', examples(w, w.checkExamples)),
    w,
  ).action(async (inputs: string[], flags: CommonFlags) => setExit(await checkCommand(world, inputs, { ...flags, lang })));

  withCommonOptions(
    command('receive')
      .description(w.receive)
      .argument(w.receiveFiles[0], w.receiveFiles[1])
      .option(w.receiveAt[0], w.receiveAt[1])
      .addHelpText('after', examples(w, w.receiveExamples)),
    w,
  ).action(async (files: string[], flags: CommonFlags & { at?: string }) => setExit(await receiveCommand(world, files, { ...flags, lang })));

  withCommonOptions(
    command('aggregate')
      .description(w.aggregate)
      .argument(w.inputs[0], w.inputs[1])
      .option('--by-group', w.byGroup)
      .option(w.xlsx[0], w.xlsx[1])
      .option(w.asReturn[0], w.asReturn[1])
      .option(w.unitCode[0], w.unitCode[1])
      .addHelpText('after', examples(w, w.aggregateExamples)),
    w,
  ).action(async (inputs: string[], flags: CommonFlags) => setExit(await aggregateCommand(world, inputs, { ...flags, lang })));

  withCommonOptions(
    command('build')
      .description(w.build)
      .argument(w.inputs[0], w.inputs[1])
      .option(w.template[0], w.template[1])
      .option(w.output[0], w.output[1])
      .option('--force', w.buildForce)
      .option('--pdf', w.pdf)
      .option('--final', w.final)
      .option(w.xlsx[0], w.xlsx[1])
      .addHelpText('after', examples(w, w.buildExamples)),
    w,
  ).action(async (inputs: string[], flags: BuildFlags) =>
    setExit(await buildCommand(world, inputs, { ...flags, lang })),
  );

  command('narrative')
    .description(w.narrative)
    .command('pull')
    .helpOption('-h, --help', w.help)
    .configureHelp(helpIn(w))
    .description(w.narrativePull)
    .argument(w.pullReport[0], w.pullReport[1])
    .option(w.config[0], w.config[1])
    .option('--overwrite', w.pullOverwrite)
    .option('--json', w.jsonFiles)
    .addOption(langOption(w))
    .option('-q, --quiet', w.quiet)
    .addHelpText('after', examples(w, w.pullExamples))
    .action(async (report: string, flags: SetupFlags & { config?: string; overwrite?: boolean }) => {
      const { written, warnings } = await (await pipeline()).pullStage({ cwd: world.cwd, config: configOf(world, flags), lang, report, overwrite: flags.overwrite });
      reportWritten(world, lang, written, flags, written.length > 0 ? w.donePull : w.donePullNothing, warnings);
      setExit(EXIT.OK);
    });

  command('completion')
    .description(w.completion)
    .addArgument(new Argument(w.shell[0], w.shell[1]).choices(['bash', 'zsh']))
    .addHelpText('after', examples(w, w.completionExamples))
    .action(async (shell: 'bash' | 'zsh') => {
      const { bashCompletion, zshCompletion } = await import('./completion.js');
      world.stdout.write(shell === 'bash' ? bashCompletion(program) : zshCompletion(program));
      setExit(EXIT.OK);
    });

  return program;
}

/** A usage error in the chosen language, from commander's error code and message. */
function usageDetail(err: CommanderError, w: Words): string {
  const quoted = [...err.message.matchAll(/'([^']+)'/g)].map((m) => m[1]!);
  const suggestion = /Did you mean (?:one of )?(.+)\?\)/.exec(err.message)?.[1];
  const withSuggestion = (text: string) => (suggestion ? `${text} (${w.didYouMean(suggestion)})` : text);
  switch (err.code) {
    case 'commander.unknownOption':
      return withSuggestion(w.unknownOption(quoted[0] ?? ''));
    case 'commander.unknownCommand':
      return withSuggestion(w.unknownCommand(quoted[0] ?? ''));
    case 'commander.missingArgument':
      return w.missingArgument(quoted[0] ?? '');
    case 'commander.optionMissingArgument':
      return w.optionMissingArgument(quoted[0] ?? '');
    case 'commander.invalidArgument': {
      const choices = /Allowed choices are (.+)\./.exec(err.message)?.[1] ?? '';
      // "option '--encoding <x>' argument 'latin1' is invalid" / "command-argument value 'fish' is invalid for argument 'shell'"
      const argument = err.message.includes('command-argument');
      const [name, value] = argument ? [quoted[1] ?? '', quoted[0] ?? ''] : [(quoted[0] ?? '').split(' ')[0]!, quoted[1] ?? ''];
      return w.invalidChoice(name, value, choices);
    }
    case 'commander.excessArguments':
      return w.excessArguments(Number(/Expected (\d+)/.exec(err.message)?.[1] ?? 0));
    default:
      return err.message.replace(/^error: /, '');
  }
}

export async function run(world: World): Promise<number> {
  const lang = chooseLang(world.argv, world.env);
  // '--json=true' is a usage error, but its author still reads stdout as JSON.
  const json = world.argv.some((a) => a === '--json' || a.startsWith('--json='));
  const debug = world.argv.includes('--debug');
  let exitCode: number = EXIT.OK;
  try {
    const program = buildProgram(world, lang, (code) => (exitCode = code));
    if (world.argv.length === 0) {
      world.stderr.write(program.helpInformation());
      return EXIT.FAILED;
    }
    await program.parseAsync(world.argv, { from: 'user' });
    return exitCode;
  } catch (err) {
    // stdout's reader went away (`| head`): nothing is wrong, and nothing more can be said.
    if (err instanceof OutputClosed) return EXIT.OK;
    if (err instanceof OutputWriteFailed) {
      // Never another JSON document after a cut-off one: the message goes to stderr only.
      reportFatal(world, [{ code: 'OUTPUT_FAILED', severity: 'error', params: { path: 'stdout', reason: err.reason } }], { json: false, lang });
      return EXIT.FAILED;
    }
    if (err instanceof CommanderError) {
      if (err.exitCode === 0) return EXIT.OK;
      reportFatal(world, [{ code: 'USAGE', severity: 'error', params: { detail: usageDetail(err, UI[lang]) } }], { json, lang });
      return EXIT.FAILED;
    }
    if (err instanceof FatalError) {
      reportFatal(world, err.problems, { json, lang });
      return EXIT.FAILED;
    }
    const detail = err instanceof Error ? err.message : String(err);
    reportFatal(world, [{ code: 'INTERNAL', severity: 'error', params: { detail } }], { json, lang });
    if (debug && err instanceof Error && err.stack) world.stderr.write(err.stack + '\n');
    return EXIT.FAILED;
  }
}

