// `baocao build`: the report (DOCX, or PDF by its name), --pdf and --xlsx beside it.
import type { World } from '../world.js';
import { colorFor } from '../color.js';
import { formatProblem } from '../problems-view.js';
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
  if (flags.json)
    writeJson(
      world,
      flags.lang,
      ok,
      { errors: pdfProblems, warnings: outcome.warnings },
      { output: outcome.output, ...(pdf && { pdf }), ...(workbook && { workbook }) },
    );
  else world.stdout.write(outcome.output + '\n' + (pdf ? pdf + '\n' : '') + (workbook ? workbook + '\n' : ''));
  if (!ok) {
    const c = colorFor(world.stderr, world.env);
    for (const p of pdfProblems) world.stderr.write(formatProblem(p, flags.lang, c) + '\n');
  }
  return ok ? EXIT.OK : EXIT.FAILED;
}

export function registerBuild({ world, lang, w, setExit, command }: Cli): void {
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
}
