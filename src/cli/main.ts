// The CLI: parses arguments, runs one command through the pipeline, prints, and
// returns the exit code (0 done, 1 the data has problems, 2 the command could not run).
// Each command is registered from commands/<name>.ts; what they share is in common.ts.
import { type Command, CommanderError } from 'commander';
import type { Lang } from '../messages/lang.js';
import { chooseLang, UI } from '../messages/ui.js';
import { FatalError } from '../messages/problem.js';
import { EXIT, helpIn, langOption, refuseOptionLikeValues, reportFatal, type Cli } from './common.js';
import { OutputClosed, OutputWriteFailed } from './output.js';
import { BaocaoCommand, UsageError, usageDetail } from './usage.js';
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
  const program = new BaocaoCommand('baocao')
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
      // Codes baocao does not raise (a command's help shown: exit 0 above) keep commander's words.
      const detail = err instanceof UsageError ? usageDetail(err.facts, UI[lang]) : err.message.replace(/^error: /, '');
      reportFatal(world, [{ code: 'USAGE', severity: 'error', params: { detail } }], {
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
