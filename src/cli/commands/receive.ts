// `baocao receive FILE...`: file returns into the register, then check them.
import type { World } from '../world.js';
import { UI } from '../../messages/ui.js';
import { colorFor } from '../color.js';
import { formatProblems } from '../problems-view.js';
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

/**
 * `receive`: files each return and records it (intake/receive.ts), then checks what was filed as
 * `check --only-listed` would, so the unit's problems are known at once. Exit 1 when a file was
 * refused or a return filed has errors: it is filed all the same.
 */
async function receiveCommand(world: World, files: string[], flags: CommonFlags & { at?: string }): Promise<number> {
  const stages = await pipeline();
  const { receiveReturns } = await import('../../intake/receive.js');
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
  const checked =
    filed.length === 0
      ? undefined
      : await stages.checkStage(
          { ...pipelineOptions(world, [...new Set(filed.map((f) => f.filedAs))], flags), onlyListed: true },
          definition,
        );
  const errors = [...refused, ...(checked?.errors ?? [])];
  const warnings = checked?.warnings ?? [];
  const w = UI[flags.lang];
  if (flags.json)
    writeJson(
      world,
      flags.lang,
      errors.length === 0,
      { errors, warnings },
      {
        filed: filed.map((f) => ({
          source: f.source,
          unit: f.unit.code,
          file: f.filedAs,
          ...(f.replaced && { replaced: f.replaced }),
          ...(f.same && { same: true }),
        })),
      },
    );
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

export function registerReceive({ world, lang, w, setExit, command }: Cli): void {
  withCommonOptions(
    command('receive')
      .description(w.receive)
      .argument(w.receiveFiles[0], w.receiveFiles[1])
      .option(w.receiveAt[0], w.receiveAt[1])
      .addHelpText('after', examples(w, w.receiveExamples)),
    w,
  ).action(async (files: string[], flags: CommonFlags & { at?: string }) =>
    setExit(await receiveCommand(world, files, { ...flags, lang })),
  );
}
