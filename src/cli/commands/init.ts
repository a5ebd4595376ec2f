// `baocao init [folder] [--mau]`: a working folder to start from.
import path from 'node:path';
import { Argument } from 'commander';
import { examples, EXIT, langOption, reportWritten, type Cli, type SetupFlags } from '../common.js';

export function registerInit({ world, lang, w, setExit, command }: Cli): void {
  command('init')
    .description(w.init)
    .addArgument(new Argument(w.initDir[0], w.initDir[1]).default('.', w.initDirDefault))
    .option(w.initSample[0], w.initSample[1])
    .option('--json', w.jsonFiles)
    .addOption(langOption(w))
    .option('-q, --quiet', w.quiet)
    .addHelpText('after', examples(w, w.initExamples))
    .action(async (dir: string, flags: SetupFlags & { mau?: boolean }) => {
      const { initWorkspace } = await import('../../workspace/init.js');
      const created = await initWorkspace(path.resolve(world.cwd, dir), dir === '.' ? '' : dir, flags.mau === true);
      reportWritten(world, lang, created, flags, w.doneInit);
      setExit(EXIT.OK);
    });
}
