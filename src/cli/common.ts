// What every command of the CLI shares: the exit codes, the common options, the JSON
// envelope, how problems and written files are reported, commander's help in the chosen
// language. Each command lives in commands/<name>.ts; main.ts puts them together.
import { oneOf } from './usage.js';
import { type Argument, type Command, Help, Option } from 'commander';
import { ENCODINGS, type Encoding } from '../ingest/decode.js';
import { NUMBER_FORMATS, type NumberFormat } from '../numbers/parse.js';
import type { Lang } from '../messages/lang.js';
import type { Words } from '../messages/ui.js';
import { factsOf, FatalError, type Problem } from '../messages/problem.js';
import type { CheckOutcome, PipelineOptions } from '../pipeline.js';
import { colorFor } from './color.js';
import { formatExplained, formatProblem, formatProblems, formatSummary, problemJson } from './problems-view.js';
import type { World } from './world.js';

// The pipeline (zod, yaml, csv-parse) and the renderer load only in the commands that
// use them, so `--help` and `--version` start as fast as Node itself.
export const pipeline = () => import('../stages/index.js');

export const EXIT = { OK: 0, DATA: 1, FAILED: 2 } as const;

export interface CommonFlags {
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
export function writeJson(
  world: World,
  lang: Lang,
  ok: boolean,
  problems: { errors: readonly Problem[]; warnings: readonly Problem[] },
  body: object = {},
) {
  const count = (list: readonly Problem[]) =>
    list.reduce((n, p) => n + (p.code === 'MORE_PROBLEMS' ? Number(factsOf(p).count ?? 0) : 1), 0);
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

export function reportFatal(world: World, problems: Problem[], flags: Pick<CommonFlags, 'json' | 'lang'>) {
  if (flags.json) writeJson(world, flags.lang, false, { errors: problems, warnings: [] });
  const c = colorFor(world.stderr, world.env);
  for (const p of problems) {
    const line = formatProblem(p, flags.lang, c);
    // The file first, unless the message names it already.
    world.stderr.write((p.file && factsOf(p).path !== p.file ? `${p.file}: ` : '') + line + '\n');
  }
}

export function withCommonOptions(cmd: Command, w: Words): Command {
  return cmd
    .option(w.config[0], w.config[1])
    .option('--allow-missing', w.allowMissing)
    .addOption(oneOf(new Option(w.encoding[0], w.encoding[1]), ENCODINGS))
    .addOption(oneOf(new Option(w.numberFormat[0], w.numberFormat[1]), NUMBER_FORMATS))
    .option('--json', w.json)
    .addOption(langOption(w))
    .option('-q, --quiet', w.quiet)
    .option('--debug', w.debug);
}

/** --lang is read before commander runs (chooseLang); the option is declared so help shows it and commander checks its value. */
export const langOption = (w: Words) => oneOf(new Option(w.lang[0], w.lang[1]), ['vi', 'en']);

export const examples = (w: Words, lines: readonly string[]) =>
  `\n${w.examples}\n${lines.map((l) => `  ${l}`).join('\n')}`;

/** The definition: --config, else BAOCAO_CONFIG, else ./baocao.yaml (the pipeline's default). */
export const configOf = (world: World, flags: { config?: string }) =>
  flags.config ?? (world.env.BAOCAO_CONFIG || undefined);

export function pipelineOptions(world: World, inputs: string[], flags: CommonFlags): PipelineOptions {
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
          if (total >= 50 && (done % 50 === 0 || done === total))
            world.stderr.write(`\r${done}/${total}${done === total ? '\n' : ''}`);
        }
      : undefined,
  };
}

/** Problems on stderr, grouped by file (errors only with --quiet), `check`'s explained figures, then the summary. */
export function showProblems(world: World, outcome: CheckOutcome, flags: CommonFlags, explained = false): void {
  const shown = flags.quiet ? outcome.errors : outcome.problems;
  if (flags.quiet && shown.length === 0) return;
  const c = colorFor(world.stderr, world.env);
  world.stderr.write(formatProblems(shown, flags.lang, c));
  if (explained && !flags.quiet) world.stderr.write(formatExplained(outcome.explained, flags.lang, c));
  world.stderr.write(formatSummary(outcome, flags.lang, c, flags.quiet));
}

/** When the data has errors, `aggregate` and `build` stop here: the problems, exit 1. */
export function stopOnErrors(world: World, outcome: CheckOutcome, flags: CommonFlags): number {
  if (flags.json) writeJson(world, flags.lang, false, outcome);
  showProblems(world, outcome, flags);
  return EXIT.DATA;
}
export interface SetupFlags {
  quiet?: boolean;
  json?: boolean;
}

export function reportWritten(
  world: World,
  lang: Lang,
  paths: string[],
  flags: SetupFlags,
  done: string,
  warnings: Problem[] = [],
) {
  if (flags.json) writeJson(world, lang, true, { errors: [], warnings }, { files: paths });
  else world.stdout.write(paths.map((p) => p + '\n').join(''));
  if (warnings.length > 0 && !flags.quiet)
    world.stderr.write(formatProblems(warnings, lang, colorFor(world.stderr, world.env)));
  if (!flags.quiet) world.stderr.write(done + '\n');
}

/** commander's help in the chosen language: its titles, the usage line, choices and defaults. */
export function helpIn(w: Words) {
  const extra = (choices: readonly string[] | undefined, defaultValue: unknown) => {
    const parts: string[] = [];
    if (choices) parts.push(`${w.choices}: ${choices.join(', ')}`);
    if (defaultValue !== undefined && typeof defaultValue !== 'boolean')
      parts.push(`${w.default}: ${String(defaultValue)}`);
    return parts.length > 0 ? ` (${parts.join('; ')})` : '';
  };
  return {
    styleTitle: (title: string) => w.titles[title] ?? title,
    styleUsage: (usage: string) =>
      usage
        .split(' ')
        .map((word) => w.usageWords[word] ?? word)
        .join(' '),
    subcommandTerm(this: Help, sub: Command) {
      return Help.prototype.subcommandTerm
        .call(this, sub)
        .split(' ')
        .map((word) => w.usageWords[word] ?? word)
        .join(' ');
    },
    optionDescription: (o: Option) => o.description + extra(o.argChoices, o.defaultValueDescription ?? o.defaultValue),
    argumentDescription: (a: Argument) =>
      a.description + extra(a.argChoices, a.defaultValueDescription ?? a.defaultValue),
  };
}

/**
 * A value given to an option that takes one must be one: `check --feedback --json` would take
 * "--json" for the folder, `build -o --force` write a file named "--force", and an empty
 * `--feedback=` write into the working folder. Each is a usage error instead.
 */
export function refuseOptionLikeValues(action: Command, w: Words): void {
  for (const option of action.options) {
    if (!option.required && !option.optional) continue;
    const key = option.attributeName();
    if (action.getOptionValueSource(key) !== 'cli') continue;
    const value: unknown = action.getOptionValue(key);
    const name = option.long ?? option.short ?? key;
    const detail =
      value === ''
        ? w.optionValueEmpty(name)
        : typeof value === 'string' && /^-./.test(value)
          ? w.optionValueIsOption(name, value)
          : undefined;
    if (detail !== undefined) throw FatalError.of('USAGE', { params: { detail } });
  }
}

/** What a command's registration needs: where it runs, its words, how it sets the exit code, the program. */
export interface Cli {
  world: World;
  lang: Lang;
  w: Words;
  setExit: (code: number) => void;
  /** A new subcommand with the localised help. */
  command: (name: string) => Command;
  program: Command;
}
