// Reads the report definition and the template; parsing and checking happen elsewhere
// (definition/parse, render/template). Synchronous, like the returns: a CLI has nothing
// else to do meanwhile, and fs.promises alone costs a command 2 ms to load. Both are
// read only as regular files under a size cap (a FIFO or /dev/zero is refused).
import path from 'node:path';
import { parseDefinition, type Definition } from '../definition/parse.js';
import type { ProblemCode } from '../messages/catalog.js';
import type { Lang } from '../messages/lang.js';
import { FatalError } from '../messages/problem.js';
import { MAX_DEFINITION_BYTES, MAX_TEMPLATE_BYTES, toMiB } from '../limits.js';
import { readRegularFile } from './read.js';
import { decodeText, utf8OrUndefined } from './decode.js';

export const DEFAULT_DEFINITION = 'baocao.yaml';

/**
 * A set-up file's text, decoded as the returns are: UTF-8 with or without a BOM, UTF-16
 * with a BOM, or the Windows-1258 that Notepad's "ANSI" writes on a Vietnamese Windows,
 * NFC-normalised — or a FatalError naming it as the user gave it. Never a U+FFFD in a document.
 */
function readSetupText(
  file: string,
  shown: string,
  cap: number,
  notFound: ProblemCode,
  unreadable: ProblemCode,
): string {
  const read = readRegularFile(file, cap);
  if (read.ok) {
    // Plain ASCII and valid UTF-8 (nearly every file) take the short way.
    if (!read.bytes.includes(0)) {
      const utf8 = utf8OrUndefined(read.bytes);
      if (utf8 !== undefined) return utf8.replace(/^\uFEFF/, '').normalize('NFC');
    }
    const decoded = decodeText(read.bytes);
    if (decoded.ok) return decoded.text;
    throw FatalError.of(unreadable, {
      file: shown,
      params: { path: shown, reason: decoded.code === 'NOT_TEXT' ? 'NOT_TEXT' : 'ENCODING' },
    });
  }
  if (read.reason === 'NOT_FOUND' || read.reason === 'IS_DIRECTORY' || ('kind' in read && read.kind === 'DIRECTORY'))
    throw FatalError.of(notFound, { file: shown, params: { path: shown } });
  const limit = read.reason === 'TOO_LARGE' ? toMiB(cap) : '';
  throw FatalError.of(unreadable, { file: shown, params: { path: shown, reason: read.reason, limit } });
}

export async function loadDefinition(config: string | undefined, cwd: string, lang: Lang): Promise<Definition> {
  const shown = config ?? DEFAULT_DEFINITION;
  const file = path.resolve(cwd, shown);
  const text = readSetupText(file, shown, MAX_DEFINITION_BYTES, 'CONFIG_NOT_FOUND', 'CONFIG_UNREADABLE');
  return parseDefinition(text, shown, path.dirname(file), lang);
}

/** The narrative the clerk writes (a BOM dropped); NARRATIVE_NOT_FOUND names it as the definition does. */
export async function readNarrativeSource(file: string, shown: string): Promise<string> {
  return readSetupText(file, shown, MAX_TEMPLATE_BYTES, 'NARRATIVE_NOT_FOUND', 'NARRATIVE_UNREADABLE');
}

/** The template's text (a BOM dropped); TEMPLATE_NOT_FOUND names it as the user gave it. */
export async function readTemplateSource(file: string, shown: string): Promise<string> {
  return readSetupText(file, shown, MAX_TEMPLATE_BYTES, 'TEMPLATE_NOT_FOUND', 'TEMPLATE_UNREADABLE');
}
