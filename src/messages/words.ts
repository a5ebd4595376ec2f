// What the messages of several stages share: the types of a message and the words for
// what stands at a path, and counts grouped as each language writes them.
import type { DetailKey } from './details.js';
import type { Lang } from './lang.js';

export type Params = Record<string, string | number | undefined>;
export type Render = (p: Params) => string;

/** A fact a message shows: text or a count. */
export type Value = string | number;
/** A message that shows a detail: its text, or a key into details.ts with the facts that detail shows. */
export type Detailed = { detail: Value } | ({ detailKey: DetailKey } & Record<string, Value>);
/** A code's message in each language, from the facts `P` its problem carries. */
export type Said<P> = { vi: (p: P) => string; en: (p: P) => string };
/** A code's message, its facts typed: the compiler holds each problem raised to them. */
export const says = <P extends object = Record<never, never>>(m: Said<P>): Said<P> => m;
/** Every code's message. */
export type Messages = Record<string, Said<never>>;

/** What stands at a path that is not a regular file. */
export const KIND: Record<Lang, Record<string, string>> = {
  vi: {
    SYMLINK: 'một liên kết (symlink)',
    DIRECTORY: 'một thư mục',
    FIFO: 'một đường ống (FIFO)',
    SOCKET: 'một socket',
    DEVICE: 'một thiết bị',
  },
  en: {
    SYMLINK: 'a symbolic link',
    DIRECTORY: 'a folder',
    FIFO: 'a pipe (FIFO)',
    SOCKET: 'a socket',
    DEVICE: 'a device',
  },
};

/** A count with its thousands grouped as each language writes them (100.000 / 100,000). */
export const grouped = (n: unknown, lang: Lang) =>
  String(n).replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'vi' ? '.' : ',');
