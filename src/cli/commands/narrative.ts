// `baocao narrative pull REPORT.docx`: a report's sections into the narrative file.
import {
  configOf,
  examples,
  EXIT,
  helpIn,
  langOption,
  pipeline,
  reportWritten,
  type Cli,
  type SetupFlags,
} from '../common.js';

export function registerNarrative({ world, lang, w, setExit, command }: Cli): void {
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
      const { written, warnings } = await (await pipeline()).pullStage({
        cwd: world.cwd,
        config: configOf(world, flags),
        lang,
        report,
        overwrite: flags.overwrite,
      });
      reportWritten(world, lang, written, flags, written.length > 0 ? w.donePull : w.donePullNothing, warnings);
      setExit(EXIT.OK);
    });
}
