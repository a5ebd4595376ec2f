// Usage errors as facts. Commander's checks of the command line (an unknown option or
// command, a missing or excess argument, a value not among the choices) are raised here
// with what they found — the flag, the name, the choices, the names nearest a misspelt one —
// so that each message is worded in the run's language from those facts and commander's
// error code, never read back out of its English sentence.
import { type Argument, Command, CommanderError, type Option } from 'commander';
import type { Words } from '../messages/ui.js';
import { nearest } from '../text/closest.js';

type UsageFacts =
  | { code: 'commander.unknownOption'; flag: string; nearest: string[] }
  | { code: 'commander.unknownCommand'; name: string; nearest: string[] }
  | { code: 'commander.missingArgument'; name: string }
  | { code: 'commander.optionMissingArgument'; flags: string }
  | { code: 'commander.invalidArgument'; name: string; value: string; choices: readonly string[] }
  | { code: 'commander.excessArguments'; expected: number };

/** A usage error (exit 2 in baocao), with its facts. */
export class UsageError extends CommanderError {
  constructor(readonly facts: UsageFacts) {
    // Not commander's own code: commander re-wraps an error of its invalidArgument code in an English sentence.
    super(1, 'baocao.usage', facts.code);
  }
}

/** The usage error in words: its code chooses the message, its facts fill it. */
export function usageDetail(facts: UsageFacts, w: Words): string {
  const nearby = (text: string, names: readonly string[]) =>
    names.length > 0 ? `${text} (${w.didYouMean(names.join(', '))})` : text;
  switch (facts.code) {
    case 'commander.unknownOption':
      return nearby(w.unknownOption(facts.flag), facts.nearest);
    case 'commander.unknownCommand':
      return nearby(w.unknownCommand(facts.name), facts.nearest);
    case 'commander.missingArgument':
      return w.missingArgument(facts.name);
    case 'commander.optionMissingArgument':
      return w.optionMissingArgument(facts.flags);
    case 'commander.invalidArgument':
      return w.invalidChoice(facts.name, facts.value, facts.choices.join(', '));
    case 'commander.excessArguments':
      return w.excessArguments(facts.expected);
  }
}

/**
 * An option or argument that takes one of `choices`: shown with them in the help (and the
 * shell completion), and a value outside them refused with its facts.
 */
export function oneOf<T extends Option | Argument>(target: T, choices: readonly string[]): T {
  target.choices(choices);
  const name = 'flags' in target ? target.flags.split(' ')[0]! : target.name();
  target.argParser((value: string) => {
    if (!choices.includes(value)) throw new UsageError({ code: 'commander.invalidArgument', name, value, choices });
    return value;
  });
  return target;
}

/**
 * Commander's command, its checks raising UsageError. The methods replaced are the ones
 * commander calls for each check (command.js: unknownOption, unknownCommand,
 * missingArgument, optionMissingArgument, _excessArguments); test/cli.test.ts and
 * test/reliability.test.ts hold every kind to its words.
 */
export class BaocaoCommand extends Command {
  override createCommand(name?: string): Command {
    return new BaocaoCommand(name);
  }

  unknownOption(flag: string): never {
    // The long options of this command and of the ones above it (as commander suggests).
    const flags: string[] = [];
    for (let c: Command | null = this; c; c = c.parent)
      for (const o of c.createHelp().visibleOptions(c)) if (o.long) flags.push(o.long);
    throw new UsageError({
      code: 'commander.unknownOption',
      flag,
      nearest: flag.startsWith('--') ? nearest(flag, flags) : [],
    });
  }

  unknownCommand(): never {
    const name = this.args[0] ?? '';
    const names = this.createHelp()
      .visibleCommands(this)
      .flatMap((c) => [c.name(), ...(c.alias() ? [c.alias()] : [])]);
    throw new UsageError({ code: 'commander.unknownCommand', name, nearest: nearest(name, names) });
  }

  missingArgument(name: string): never {
    throw new UsageError({ code: 'commander.missingArgument', name });
  }

  optionMissingArgument(option: Option): never {
    throw new UsageError({ code: 'commander.optionMissingArgument', flags: option.flags });
  }

  _excessArguments(): never {
    throw new UsageError({ code: 'commander.excessArguments', expected: this.registeredArguments.length });
  }
}
