// `baocao forms`: one return form per unit.
import { oneOf } from '../usage.js';
import { Option } from 'commander';
import { configOf, examples, EXIT, langOption, pipeline, reportWritten, type Cli, type SetupFlags } from '../common.js';

export function registerForms({ world, lang, w, setExit, command }: Cli): void {
  command('forms')
    .description(w.forms)
    .option(w.config[0], w.config[1])
    .option(w.formsOutput[0], w.formsOutput[1], 'bieu-mau')
    .addOption(oneOf(new Option(w.formsFormat[0], w.formsFormat[1]), ['xlsx', 'csv']).default('xlsx'))
    .option('--force', w.formsForce)
    .option('--json', w.jsonFiles)
    .addOption(langOption(w))
    .option('-q, --quiet', w.quiet)
    .addHelpText('after', examples(w, w.formsExamples))
    .action(
      async (flags: SetupFlags & { config?: string; output: string; force?: boolean; format: 'xlsx' | 'csv' }) => {
        const { written, warnings } = await (await pipeline()).formsStage({
          cwd: world.cwd,
          config: configOf(world, flags),
          lang,
          outDir: flags.output,
          force: flags.force,
          format: flags.format,
        });
        reportWritten(world, lang, written, flags, w.doneForms, warnings);
        setExit(EXIT.OK);
      },
    );
}
