// Shell completion scripts, written from the command line's own definition so they
// never fall behind it: `baocao completion bash` / `baocao completion zsh`.
import type { Command } from 'commander';

/** Words completed after each command: its long and short options; files otherwise. */
function table(program: Command): {
  commands: string[];
  options: Map<string, string[]>;
  choices: Map<string, string[]>;
} {
  const options = new Map<string, string[]>();
  const choices = new Map<string, string[]>();
  const commands = program.commands.map((c) => c.name());
  for (const c of program.commands) {
    const words: string[] = ['--help'];
    for (const o of c.options) {
      if (o.long) words.push(o.long);
      if (o.short) words.push(o.short);
      if (o.argChoices && o.long) choices.set(o.long, o.argChoices);
    }
    options.set(c.name(), words);
  }
  return { commands, options, choices };
}

export function bashCompletion(program: Command): string {
  const { commands, options, choices } = table(program);
  const cases = [...options].map(([cmd, words]) => `    ${cmd}) opts="${words.join(' ')}" ;;`).join('\n');
  const choiceCases = [...choices]
    .map(([opt, values]) => `    ${opt}) COMPREPLY=( $(compgen -W "${values.join(' ')}" -- "$cur") ); return ;;`)
    .join('\n');
  return `# bash completion for baocao; load with: source <(baocao completion bash)
_baocao() {
  local cur prev opts
  cur="\${COMP_WORDS[COMP_CWORD]}"
  prev="\${COMP_WORDS[COMP_CWORD-1]}"
  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=( $(compgen -W "${commands.join(' ')} --help --version --lang" -- "$cur") )
    return
  fi
  case "$prev" in
${choiceCases}
    completion) COMPREPLY=( $(compgen -W "bash zsh" -- "$cur") ); return ;;
  esac
  opts=""
  case "\${COMP_WORDS[1]}" in
${cases}
  esac
  if [[ "$cur" == -* ]]; then
    COMPREPLY=( $(compgen -W "$opts" -- "$cur") )
  else
    COMPREPLY=( $(compgen -f -- "$cur") )
  fi
}
complete -o filenames -F _baocao baocao
`;
}

/** zsh reads the same function through its bash-completion layer. */
export function zshCompletion(program: Command): string {
  return `# zsh completion for baocao; load with: source <(baocao completion zsh)
autoload -U +X compinit && compinit
autoload -U +X bashcompinit && bashcompinit
${bashCompletion(program).split('\n').slice(1).join('\n')}`;
}
