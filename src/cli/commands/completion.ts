// `baocao completion bash|zsh`: the tab-completion script.
import { oneOf } from '../usage.js';
import { Argument } from 'commander';
import { examples, EXIT, type Cli } from '../common.js';

export function registerCompletion({ world, w, setExit, command, program }: Cli): void {
  command('completion')
    .description(w.completion)
    .addArgument(oneOf(new Argument(w.shell[0], w.shell[1]), ['bash', 'zsh']))
    .addHelpText('after', examples(w, w.completionExamples))
    .action(async (shell: 'bash' | 'zsh') => {
      const { bashCompletion, zshCompletion } = await import('../completion.js');
      world.stdout.write(shell === 'bash' ? bashCompletion(program) : zshCompletion(program));
      setExit(EXIT.OK);
    });
}
