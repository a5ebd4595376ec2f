// The XML of a workbook's parts, as events: an element opens (its local name, its
// attributes), text, an element closes. Two tokenizers give the same events:
// - a fast path for the plain markup spreadsheet writers emit (elements, attributes, text,
//   the five entities and character references, an XML declaration), which can also pass
//   over an element's content unread (a form's data validations are two thirds of its sheet);
// - saxes, a kept XML parser, for anything else: a comment, CDATA, a DOCTYPE, a processing
//   instruction, a name or character the fast path does not know. It is used from the start
//   of the part whenever the fast path meets one of them, so nothing is read by halves.
// test/xlsx-xml.test.ts holds the two equal on generated parts.
// Content passed over is not tokenized, so the fast path does not check that it is well-formed
// (saxes would refuse a part whose data validations were cut off, the fast path reads its cells);
// characters XML forbids and stray "&" are looked for in the whole part all the same.
// Elements are told by their local name (`x:c` is `c`), as Excel and the readers before
// this one do: a .NET library writes every element with a prefix.
import { SaxesParser } from 'saxes';

export type Attrs = Record<string, string>;

export interface XmlEvents {
  /** An element opens; `true` passes over its content (its close still comes). */
  open(local: string, attrs: Attrs, empty: boolean): boolean | void;
  close(local: string): void;
  text(text: string): void;
}

/** The part is not well-formed XML. */
export class XmlError extends Error {}

/** The fast path met markup it leaves to saxes. */
class NotPlain extends Error {}

const localName = (name: string) => {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
};

/** Characters XML does not allow (saxes judges a part that has one). */
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
/** An "&" that starts none of the references plain markup has. */
const BAD_AMP = /&(?!(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);)/;
const REFERENCE = /&(?:(amp|lt|gt|quot|apos)|#([0-9]+)|#x([0-9a-fA-F]+));|&/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const validCode = (c: number) => c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff);

function decode(raw: string): string {
  if (raw.indexOf('&') === -1) return raw;
  return raw.replace(REFERENCE, (whole, named?: string, dec?: string, hex?: string) => {
    if (named) return NAMED[named]!;
    if (dec === undefined && hex === undefined) throw new NotPlain(); // an "&" that starts no reference this subset knows
    const code = dec !== undefined ? Number(dec) : parseInt(hex!, 16);
    if (!validCode(code)) throw new NotPlain();
    return String.fromCodePoint(code);
  });
}

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
const isNameStart = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f;
const isNameChar = (c: number) => isNameStart(c) || (c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x3a || c === 0x2d;

/** The end of the name starting at `i` (ASCII names only; anything else goes to saxes). */
function nameEnd(xml: string, i: number): number {
  if (!isNameStart(xml.charCodeAt(i))) throw new NotPlain();
  let j = i + 1;
  while (isNameChar(xml.charCodeAt(j))) j++;
  return j;
}

const text = (raw: string) => decode(raw.indexOf('\r') === -1 ? raw : raw.replace(/\r\n?/g, '\n'));
/** An attribute's value as XML gives it: literal tabs and line breaks are spaces, then references are decoded. */
const attrValue = (raw: string) => decode(/[\t\n\r]/.test(raw) ? raw.replace(/\r\n|[\t\n\r]/g, ' ') : raw);

function fast(xml: string, on: XmlEvents): void {
  // Checked over the whole part, content passed over included (a search that skips to each "&").
  if (FORBIDDEN.test(xml) || xml.includes(']]>') || BAD_AMP.test(xml)) throw new NotPlain();
  let i = xml.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (xml.startsWith('<?xml', i) && isSpace(xml.charCodeAt(i + 5))) {
    const end = xml.indexOf('?>', i);
    if (end === -1 || xml.slice(i, end).includes('<', 1)) throw new NotPlain();
    i = end + 2;
  }
  const stack: string[] = [];
  let rootSeen = false;
  for (;;) {
    const lt = xml.indexOf('<', i);
    const stop = lt === -1 ? xml.length : lt;
    if (stop > i) {
      const raw = xml.slice(i, stop);
      if (stack.length > 0) on.text(text(raw));
      else if (/\S/.test(raw)) throw new NotPlain();
    }
    if (lt === -1) break;
    const c = xml.charCodeAt(lt + 1);
    if (c === 0x2f) {
      // </name>
      const end = nameEnd(xml, lt + 2);
      const name = xml.slice(lt + 2, end);
      let j = end;
      while (isSpace(xml.charCodeAt(j))) j++;
      if (xml.charCodeAt(j) !== 0x3e || stack.pop() !== name) throw new NotPlain();
      on.close(localName(name));
      i = j + 1;
      continue;
    }
    if (c === 0x21 || c === 0x3f) throw new NotPlain(); // <! (comment, CDATA, DOCTYPE) or <? (an instruction)
    if (stack.length === 0 && rootSeen) throw new NotPlain();
    const end = nameEnd(xml, lt + 1);
    const name = xml.slice(lt + 1, end);
    const attrs: Attrs = {};
    let j = end;
    let empty = false;
    for (;;) {
      const before = j;
      while (isSpace(xml.charCodeAt(j))) j++;
      const k = xml.charCodeAt(j);
      if (k === 0x3e) break;
      if (k === 0x2f && xml.charCodeAt(j + 1) === 0x3e) {
        empty = true;
        j++;
        break;
      }
      if (j === before) throw new NotPlain(); // attributes are apart from the name and each other
      const nEnd = nameEnd(xml, j);
      const attr = xml.slice(j, nEnd);
      j = nEnd;
      while (isSpace(xml.charCodeAt(j))) j++;
      if (xml.charCodeAt(j) !== 0x3d) throw new NotPlain();
      j++;
      while (isSpace(xml.charCodeAt(j))) j++;
      const q = xml.charCodeAt(j);
      if (q !== 0x22 && q !== 0x27) throw new NotPlain();
      const close = xml.indexOf(q === 0x22 ? '"' : "'", j + 1);
      if (close === -1) throw new NotPlain();
      const raw = xml.slice(j + 1, close);
      if (raw.includes('<') || Object.prototype.hasOwnProperty.call(attrs, attr)) throw new NotPlain();
      attrs[attr] = attrValue(raw);
      j = close + 1;
    }
    rootSeen = true;
    const local = localName(name);
    const skip = on.open(local, attrs, empty) === true;
    i = j + 1;
    if (empty) {
      on.close(local);
      continue;
    }
    if (skip) {
      i = matchingClose(xml, name, i);
      on.close(local);
      continue;
    }
    stack.push(name);
  }
  if (stack.length > 0 || !rootSeen) throw new NotPlain();
}

/**
 * Past the end tag that closes the element `name` whose content starts at `from`. In this
 * subset every `<` is markup, so the tags of the same name met on the way are all there is to
 * count (an empty one, `<name/>`, opens nothing).
 */
function matchingClose(xml: string, name: string, from: number): number {
  const open = `<${name}`;
  const close = `</${name}`;
  let depth = 1;
  let i = from;
  while (depth > 0) {
    const c = xml.indexOf(close, i);
    if (c === -1) throw new NotPlain();
    // Opening tags of the same name before that end tag.
    for (let o = xml.indexOf(open, i); o !== -1 && o < c; o = xml.indexOf(open, o + 1)) {
      const after = xml.charCodeAt(o + open.length);
      if (!(isSpace(after) || after === 0x3e || after === 0x2f)) continue;
      const gt = xml.indexOf('>', o);
      if (xml.charCodeAt(gt - 1) !== 0x2f) depth++;
    }
    const after = c + close.length;
    let j = after;
    while (isSpace(xml.charCodeAt(j))) j++;
    if (xml.charCodeAt(j) !== 0x3e) {
      if (isNameChar(xml.charCodeAt(after))) {
        i = after; // a longer name (`</namePr>`)
        continue;
      }
      throw new NotPlain();
    }
    depth--;
    i = j + 1;
  }
  return i;
}

function reference(xml: string, on: XmlEvents): void {
  const parser = new SaxesParser({ xmlns: false });
  let skipping = 0;
  let failure: Error | undefined;
  /** What the handler itself threw (a cell refused): passed on as it is, not as bad XML. */
  let refused: { error: unknown } | undefined;
  const guard = (f: () => void) => {
    if (refused) return;
    try {
      f();
    } catch (error) {
      refused = { error };
    }
  };
  parser.on('error', (e) => {
    failure ??= e;
  });
  /** Open elements: text outside the root (white space, which saxes passes on) is no element's. */
  let depth = 0;
  parser.on('opentag', (node) => {
    if (!node.isSelfClosing) depth++;
    if (skipping > 0) {
      if (!node.isSelfClosing) skipping++;
      return;
    }
    guard(() => {
      const skip = on.open(localName(node.name), node.attributes as Attrs, node.isSelfClosing) === true;
      if (skip && !node.isSelfClosing) skipping = 1;
    });
  });
  parser.on('closetag', (node) => {
    if (!node.isSelfClosing) depth--;
    // A self-closing element inside what is passed over opened nothing (saxes still closes it).
    if (skipping > 0 && (node.isSelfClosing || --skipping > 0)) return;
    guard(() => on.close(localName(node.name)));
  });
  const onText = (t: string) => {
    if (skipping === 0 && depth > 0) guard(() => on.text(t));
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  try {
    parser.write(xml).close();
  } catch (e) {
    failure ??= e as Error;
  }
  if (failure) throw new XmlError(failure.message);
  if (refused) throw refused.error;
}

/** How the part was read, for tests: by the fast path, or by saxes. */
export type Tokenizer = 'fast' | 'reference';

/**
 * The part's events, given to a handler made by `make`; a new one when the fast path gives
 * way to saxes (the first has seen part of the events). Returns the handler that saw them all.
 */
export function parseXml<T extends XmlEvents>(xml: string, make: () => T, only?: Tokenizer): { handler: T; tokenizer: Tokenizer } {
  if (only !== 'reference') {
    const handler = make();
    try {
      fast(xml, handler);
      return { handler, tokenizer: 'fast' };
    } catch (e) {
      if (!(e instanceof NotPlain)) throw e;
      if (only === 'fast') throw new XmlError('not plain');
    }
  }
  const handler = make();
  reference(xml, handler);
  return { handler, tokenizer: 'reference' };
}

/** A part's bytes as text: UTF-8, or UTF-16 when it starts with that byte-order mark. */
export function partText(bytes: Uint8Array): string {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf[0] === 0xff && buf[1] === 0xfe) return buf.subarray(2).toString('utf16le');
  if (buf[0] === 0xfe && buf[1] === 0xff) return new TextDecoder('utf-16be').decode(buf.subarray(2));
  return buf.toString('utf8');
}
