// `baocao check`: every problem of the returns at once; --feedback, --register.
import type { World } from '../world.js';
import { UI } from '../../messages/ui.js';
import { explainedJson } from '../problems-view.js';
import {
  examples,
  EXIT,
  pipeline,
  pipelineOptions,
  showProblems,
  withCommonOptions,
  writeJson,
  type Cli,
  type CommonFlags,
} from '../common.js';

async function checkCommand(world: World, inputs: string[], flags: CommonFlags): Promise<number> {
  const stages = await pipeline();
  const outcome = await stages.checkWithTemplate(pipelineOptions(world, inputs, flags));
  const ok = outcome.errors.length === 0;
  // Written before anything is printed, so a failure to write is the only thing said (exit 2).
  const feedback =
    flags.feedback === undefined
      ? undefined
      : await stages.feedbackStage(outcome, { cwd: world.cwd, dir: flags.feedback, inputs });
  if (flags.register !== undefined)
    await (await import('../../intake/register-xlsx.js')).writeRegisterWorkbook(outcome, {
      cwd: world.cwd,
      file: flags.register,
      inputs,
    });
  if (flags.json)
    writeJson(world, flags.lang, ok, outcome, {
      explained: outcome.explained.map((p) => explainedJson(p, flags.lang)),
      ...(outcome.timeliness && { timeliness: outcome.timeliness }),
      ...(feedback && { feedback }),
    });
  showProblems(world, outcome, flags, true);
  if (feedback && !flags.quiet)
    world.stderr.write(UI[flags.lang].feedbackWritten(feedback.length, flags.feedback!) + '\n');
  if (flags.register !== undefined && !flags.quiet)
    world.stderr.write(UI[flags.lang].registerWritten(flags.register) + '\n');
  return ok ? EXIT.OK : EXIT.DATA;
}

export function registerCheck({ world, lang, w, setExit, command }: Cli): void {
  withCommonOptions(
    command('check')
      .description(w.check)
      .argument(w.inputs[0], w.inputs[1])
      .option('--only-listed', w.onlyListed)
      .option(w.feedback[0], w.feedback[1])
      .option(w.register[0], w.register[1])
      .addHelpText('after', examples(w, w.checkExamples)),
    w,
  ).action(async (inputs: string[], flags: CommonFlags) =>
    setExit(await checkCommand(world, inputs, { ...flags, lang })),
  );
}
