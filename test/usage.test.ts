import { describe, expect, it } from 'vitest';
import { UI } from '../src/messages/ui.js';
import { nearest } from '../src/text/closest.js';
import { runCli } from './helpers.js';

describe('usage errors', () => {
  it('suggest the nearest names, as commander does: under 3 edits, most of the word kept, no one-letter name', () => {
    expect(nearest('--jsno', ['--json', '--lang', '--quiet'])).toEqual(['--json']);
    expect(nearest('chek', ['check', 'build', 'forms'])).toEqual(['check']);
    expect(nearest('x', ['x', 'y'])).toEqual([]);
    expect(nearest('--abcdef', ['--uvwxyz'])).toEqual([]);
    expect(nearest('chec', ['chew', 'check', 'build'])).toEqual(['check', 'chew']);
  });

  it.each([
    [['chek'], 'unknownCommand', 'chek'],
    [['check', '--jsno'], 'unknownOption', '--jsno'],
    [['check', '--encoding', 'latin1'], 'invalidChoice', '--encoding'],
    [['completion', 'fish'], 'invalidChoice', 'shell'],
    [['check', '--config'], 'optionMissingArgument', '--config'],
    [['narrative', 'pull'], 'missingArgument', 'docx'],
    [['init', 'a', 'b'], 'excessArguments', '1'],
  ] as const)('%j are worded from their facts, in each language', async (argv, words, fact) => {
    for (const lang of ['vi', 'en'] as const) {
      const r = await runCli(['--lang', lang, ...argv]);
      expect(r.code).toBe(2);
      const message = r.stderr.split('\n')[0]!;
      expect(message).toContain('USAGE');
      expect(message).toContain(fact);
      // The sentence is the catalog's, not commander's English.
      const stem = (UI[lang][words] as (...a: string[]) => string)('\u0000', '\u0000', '\u0000').split('\u0000')[0]!;
      expect(message).toContain(stem);
      expect(message).not.toMatch(/error: |Did you mean|Allowed choices/);
    }
  });
});
