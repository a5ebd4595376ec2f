// Every message a user reads, keyed by a stable code, in Vietnamese and English: the
// codes of each stage (codes/), put together. A test checks that both languages cover every code.
import { detail, isDetailKey } from './details.js';
import type { Lang } from './lang.js';
import { FILE_MESSAGES } from './codes/files.js';
import { ROW_MESSAGES } from './codes/rows.js';
import { SETUP_MESSAGES } from './codes/setup.js';
import type { Params, Render, Said } from './words.js';

const catalog = { ...FILE_MESSAGES, ...ROW_MESSAGES, ...SETUP_MESSAGES };

export type ProblemCode = keyof typeof catalog;
/** The facts a problem of the code carries, as its message reads them. */
export type ParamsOf<C extends ProblemCode> =
  (typeof catalog)[C] extends Said<infer P> ? ([P] extends [never] ? Record<never, never> : P) : never;
export const PROBLEM_CODES = Object.keys(catalog) as ProblemCode[];

/** Text with every control character (which could move a terminal's cursor or recolour it) shown as �. */
export const printable = (text: string): string => text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '\ufffd');

/** Longest piece of user text a message repeats (a 10 MB cell is shown by its start). */
const MAX_ECHO = 120;

/**
 * User text as a message may show it: control characters (which could move the
 * cursor or recolour a terminal) replaced, and long values cut.
 */
export function safeText(text: string): string {
  const clean = printable(text);
  return [...clean].length > MAX_ECHO ? [...clean].slice(0, MAX_ECHO - 1).join('') + '…' : clean;
}

export function message(code: ProblemCode, params: Params = {}, lang: Lang = 'vi'): string {
  const safe: Params = {};
  for (const [k, v] of Object.entries(params)) safe[k] = typeof v === 'string' ? safeText(v) : v;
  // A keyed detail is worded in the run's language (details.ts).
  if (isDetailKey(params.detailKey)) safe.detail = detail(params.detailKey, safe, lang);
  return (catalog[code][lang] as unknown as Render)(safe);
}
