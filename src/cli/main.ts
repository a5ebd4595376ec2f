// The CLI: parses arguments, runs one command through the pipeline, prints, and
// returns the exit code (0 done, 1 the data has problems, 2 the command could not run).
// Each command is registered from commands/<name>.ts; what they share is in common.ts.
import { Command, CommanderError } from 'commander';
import type { Lang } from '../messages/lang.js';
import { chooseLang, UI, type Words } from '../messages/ui.js';
import { FatalError } from '../messages/problem.js';
import { EXIT, helpIn, langOption, refuseOptionLikeValues, reportFatal, type Cli } from './common.js';
import { OutputClosed, OutputWriteFailed } from './output.js';
import type { World } from './world.js';
import { VERSION } from './version.js';
import { registerAggregate } from './commands/aggregate.js';
import { registerBuild } from './commands/build.js';
import { registerCheck } from './commands/check.js';
import { registerCompletion } from './commands/completion.js';
import { registerForms } from './commands/forms.js';
import { registerInit } from './commands/init.js';
import { registerNarrative } from './commands/narrative.js';
import { registerReceive } from './commands/receive.js';

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
  const cli: Cli = { world, lang, w, setExit, command, program };

  registerInit(cli);
  registerForms(cli);
  registerCheck(cli);
  registerReceive(cli);
  registerAggregate(cli);
  registerBuild(cli);
  registerNarrative(cli);
  registerCompletion(cli);
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
      const [name, value] = argument
        ? [quoted[1] ?? '', quoted[0] ?? '']
        : [(quoted[0] ?? '').split(' ')[0]!, quoted[1] ?? ''];
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
      reportFatal(
        world,
        [{ code: 'OUTPUT_FAILED', severity: 'error', params: { path: 'stdout', reason: err.reason } }],
        { json: false, lang },
      );
      return EXIT.FAILED;
    }
    if (err instanceof CommanderError) {
      if (err.exitCode === 0) return EXIT.OK;
      reportFatal(world, [{ code: 'USAGE', severity: 'error', params: { detail: usageDetail(err, UI[lang]) } }], {
        json,
        lang,
      });
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
