// `baocao aggregate`: the province table, --json, --xlsx, --as-return.
import type { World } from '../world.js';
import { UI } from '../../messages/ui.js';
import { colorFor } from '../color.js';
import {
  examples,
  EXIT,
  pipeline,
  pipelineOptions,
  showProblems,
  stopOnErrors,
  withCommonOptions,
  writeJson,
  type Cli,
  type CommonFlags,
} from '../common.js';

async function aggregateCommand(world: World, inputs: string[], flags: CommonFlags): Promise<number> {
  const stages = await pipeline();
  const opts = pipelineOptions(world, inputs, flags);
  const outcome = await stages.aggregateStage(opts);
  if (!outcome.figures) return stopOnErrors(world, outcome, flags);
  const made = { definition: outcome.definition, figures: outcome.figures };
  // The return for the level above first: a province short of a unit gives none, and the command fails (exit 1).
  const sent =
    flags.asReturn === undefined
      ? undefined
      : await stages.asReturnStage(made, { ...opts, file: flags.asReturn, unit: flags.unit });
  if (sent && sent.problems.length > 0)
    return stopOnErrors(
      world,
      { ...outcome, problems: [...outcome.problems, ...sent.problems], errors: sent.problems },
      flags,
    );
  if (outcome.warnings.length > 0) showProblems(world, outcome, flags);
  if (sent?.written !== undefined && !flags.quiet)
    world.stderr.write(UI[flags.lang].returnWritten(sent.written) + '\n');
  const workbook =
    flags.xlsx === undefined ? undefined : await stages.figuresWorkbookStage(made, { ...opts, file: flags.xlsx });
  if (workbook !== undefined && !flags.quiet) world.stderr.write(UI[flags.lang].workbookWritten(workbook) + '\n');
  if (flags.json) {
    const { figuresToJson } = await import('../../present/json.js');
    writeJson(world, flags.lang, true, outcome, {
      ...figuresToJson(outcome.figures),
      ...(outcome.timeliness && { timeliness: outcome.timeliness }),
      ...(workbook && { workbook }),
      ...(sent?.written && { return: sent.written }),
    });
  } else {
    const { formatFiguresTable } = await import('../figures-view.js');
    world.stdout.write(
      formatFiguresTable(outcome.figures, flags.lang, colorFor(world.stdout, world.env), flags.byGroup),
    );
  }
  return EXIT.OK;
}

export function registerAggregate({ world, lang, w, setExit, command }: Cli): void {
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
  ).action(async (inputs: string[], flags: CommonFlags) =>
    setExit(await aggregateCommand(world, inputs, { ...flags, lang })),
  );
}
