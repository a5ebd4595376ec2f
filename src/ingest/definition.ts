// Reads the report definition and the template; parsing and checking happen elsewhere
// (definition/parse, render/template). Synchronous, like the returns: a CLI has nothing
// else to do meanwhile, and fs.promises alone costs a command 2 ms to load.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDefinition, type Definition } from '../definition/parse.js';
import type { Lang } from '../messages/catalog.js';
import { FatalError } from '../messages/problem.js';

export const DEFAULT_DEFINITION = 'baocao.yaml';

export async function loadDefinition(config: string | undefined, cwd: string, lang: Lang): Promise<Definition> {
  const shown = config ?? DEFAULT_DEFINITION;
  const file = path.resolve(cwd, shown);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR') throw FatalError.of('CONFIG_NOT_FOUND', { params: { path: shown } });
    throw FatalError.of('CONFIG_NOT_FOUND', { params: { path: `${shown} (${code})` } });
  }
  return parseDefinition(text.replace(/^\uFEFF/, ''), shown, path.dirname(file), lang);
}

/** The template's text (a BOM dropped); TEMPLATE_NOT_FOUND names it as the user gave it. */
export async function readTemplateSource(file: string, shown: string): Promise<string> {
  try {
    return readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch {
    throw FatalError.of('TEMPLATE_NOT_FOUND', { params: { path: shown } });
  }
}
