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
// (saxes would refuse a part whose data validations hold a tag left open, or a stray "&", the
// fast path reads its cells); characters XML forbids are looked for in the whole part all the same.
// Elements are told by their local name (`x:c` is `c`), as Excel and the readers before
// this one do: a .NET library writes every element with a prefix.
import { SaxesParser } from 'saxes';

/**
 * An element's attributes, by qualified name, valid during its `open` call only (the fast path
 * reads a value when it is asked for, from the tag's text, and reuses the object for the next tag).
 */
export interface Attrs {
  get(name: string): string | undefined;
  /** Every attribute, in document order. */
  entries(): [string, string][];
}

/** The attributes saxes gives. */
class RecordAttrs implements Attrs {
  constructor(private readonly record: Record<string, string>) {}
  get(name: string): string | undefined {
    return Object.hasOwn(this.record, name) ? this.record[name] : undefined;
  }
  entries(): [string, string][] {
    return Object.entries(this.record);
  }
}

/** The attributes of the tag the fast path is at: where each name and value lies in the part's text. */
class TagAttrs implements Attrs {
  xml = '';
  count = 0;
  /** For each attribute: name start, name end, value start, value end. */
  at = new Int32Array(64);
  /** For each attribute: 1 when its value holds no reference, tab or line break (it is its own text). */
  plain = new Uint8Array(16);
  get(name: string): string | undefined {
    const at = this.at;
    for (let k = 0; k < this.count; k++) {
      const from = at[4 * k]!;
      if (at[4 * k + 1]! - from === name.length && this.xml.startsWith(name, from)) {
        const raw = this.xml.slice(at[4 * k + 2]!, at[4 * k + 3]!);
        return this.plain[k] === 1 ? raw : attrValue(raw);
      }
    }
    return undefined;
  }
  entries(): [string, string][] {
    const out: [string, string][] = [];
    for (let k = 0; k < this.count; k++)
      out.push([
        this.xml.slice(this.at[4 * k]!, this.at[4 * k + 1]!),
        attrValue(this.xml.slice(this.at[4 * k + 2]!, this.at[4 * k + 3]!)),
      ]);
    return out;
  }
  add(nameFrom: number, nameTo: number, valueFrom: number, valueTo: number, plain: boolean): void {
    let at = this.at;
    const xml = this.xml;
    const length = nameTo - nameFrom;
    // An attribute given twice is no XML (saxes refuses it).
    for (let k = 0; k < this.count; k++) {
      const from = at[4 * k]!;
      if (at[4 * k + 1]! - from !== length) continue;
      let same = true;
      for (let c = 0; c < length && same; c++) same = xml.charCodeAt(from + c) === xml.charCodeAt(nameFrom + c);
      if (same) throw new NotPlain();
    }
    const k = 4 * this.count;
    if (k + 4 > at.length) {
      const grown = new Int32Array(at.length * 2);
      grown.set(at);
      this.at = at = grown;
      const plain = new Uint8Array(at.length / 4);
      plain.set(this.plain);
      this.plain = plain;
    }
    this.plain[this.count] = plain ? 1 : 0;
    at[k] = nameFrom;
    at[k + 1] = nameTo;
    at[k + 2] = valueFrom;
    at[k + 3] = valueTo;
    this.count++;
  }
}

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
const REFERENCE = /&(?:(amp|lt|gt|quot|apos)|#([0-9]+)|#x([0-9a-fA-F]+));|&/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const validCode = (c: number) =>
  c === 0x9 ||
  c === 0xa ||
  c === 0xd ||
  (c >= 0x20 && c <= 0xd7ff) ||
  (c >= 0xe000 && c <= 0xfffd) ||
  (c >= 0x10000 && c <= 0x10ffff);

function decode(raw: string): string {
  if (raw.indexOf('&') === -1) return raw;
  return raw.replace(REFERENCE, (_whole, named?: string, dec?: string, hex?: string) => {
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

/** Where the last name nameEnd read has its colon (-1: none). */
let colonAt = -1;

/** The end of the name starting at `i` (ASCII names only; anything else goes to saxes). */
function nameEnd(xml: string, i: number): number {
  if (!isNameStart(xml.charCodeAt(i))) throw new NotPlain();
  colonAt = -1;
  let j = i + 1;
  for (let c = xml.charCodeAt(j); isNameChar(c); c = xml.charCodeAt(++j)) if (c === 0x3a) colonAt = j;
  return j;
}

const text = (raw: string) => decode(raw.indexOf('\r') === -1 ? raw : raw.replace(/\r\n?/g, '\n'));

/**
 * Character data (no markup in it) as the fast path gives it to a handler: line breaks
 * normalised, references decoded; undefined when it is not plain (a stray "&", a reference
 * XML forbids), for the caller to read the part through parseXml instead.
 */
export function plainText(raw: string): string | undefined {
  try {
    return text(raw);
  } catch (e) {
    if (e instanceof NotPlain) return undefined;
    throw e;
  }
}

/** Whether a part holds none of what the fast path leaves to saxes in any text: a character XML forbids, or "]]>". */
export const plainCharacters = (xml: string) => !FORBIDDEN.test(xml) && !xml.includes(']]>');
/** An attribute's value as XML gives it: literal tabs and line breaks are spaces, then references are decoded. */
const attrValue = (raw: string) => decode(/[\t\n\r]/.test(raw) ? raw.replace(/\r\n|[\t\n\r]/g, ' ') : raw);

function fast(xml: string, on: XmlEvents): void {
  if (!plainCharacters(xml)) throw new NotPlain();
  let i = xml.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (xml.startsWith('<?xml', i) && isSpace(xml.charCodeAt(i + 5))) {
    const end = xml.indexOf('?>', i);
    if (end === -1 || xml.slice(i, end).includes('<', 1)) throw new NotPlain();
    i = end + 2;
  }
  const stack: string[] = [];
  const locals: string[] = [];
  const attrs = new TagAttrs();
  attrs.xml = xml;
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
      // </name>: the name of the element open, then `>`.
      const open = stack.pop();
      const end = lt + 2 + (open?.length ?? 0);
      if (open === undefined || !xml.startsWith(open, lt + 2) || isNameChar(xml.charCodeAt(end))) throw new NotPlain();
      let j = end;
      while (isSpace(xml.charCodeAt(j))) j++;
      if (xml.charCodeAt(j) !== 0x3e) throw new NotPlain();
      on.close(locals.pop()!);
      i = j + 1;
      continue;
    }
    if (c === 0x21 || c === 0x3f) throw new NotPlain(); // <! (comment, CDATA, DOCTYPE) or <? (an instruction)
    if (stack.length === 0 && rootSeen) throw new NotPlain();
    const end = nameEnd(xml, lt + 1);
    const name = xml.slice(lt + 1, end);
    const local = colonAt === -1 ? name : xml.slice(colonAt + 1, end);
    attrs.count = 0;
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
      const nameFrom = j;
      const nEnd = nameEnd(xml, j);
      j = nEnd;
      while (isSpace(xml.charCodeAt(j))) j++;
      if (xml.charCodeAt(j) !== 0x3d) throw new NotPlain();
      j++;
      while (isSpace(xml.charCodeAt(j))) j++;
      const q = xml.charCodeAt(j);
      if (q !== 0x22 && q !== 0x27) throw new NotPlain();
      const close = xml.indexOf(q === 0x22 ? '"' : "'", j + 1);
      if (close === -1) throw new NotPlain();
      // A value is decoded when asked for; one with a reference is checked now (a stray "&" is no XML), one with a "<" is no XML.
      let references = false;
      let spaces = false;
      for (let v = j + 1; v < close; v++) {
        const ch = xml.charCodeAt(v);
        if (ch === 0x3c) throw new NotPlain();
        if (ch === 0x26) references = true;
        else if (ch === 0x09 || ch === 0x0a || ch === 0x0d) spaces = true;
      }
      if (references) decode(xml.slice(j + 1, close));
      attrs.add(nameFrom, nEnd, j + 1, close, !references && !spaces);
      j = close + 1;
    }
    rootSeen = true;
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
    locals.push(local);
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
      const skip =
        on.open(
          localName(node.name),
          new RecordAttrs(node.attributes as Record<string, string>),
          node.isSelfClosing,
        ) === true;
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
 * `xml` may be the part with an element cut out that the handler would pass over (a sheet's
 * data validations); saxes then reads the `whole` part, so that a cut made on a guess (the
 * element's name inside a comment) is never what it reads.
 */
export function parseXml<T extends XmlEvents>(
  xml: string,
  make: () => T,
  only?: Tokenizer,
  whole: () => string = () => xml,
): { handler: T; tokenizer: Tokenizer } {
  if (only !== 'reference') {
    const handler = make();
    try {
      fast(xml, handler);
      return { handler, tokenizer: 'fast' };
    } catch (e) {
      if (!(e instanceof NotPlain)) throw malformedFirst(e, whole());
      if (only === 'fast') throw new XmlError('not plain');
    }
  }
  const handler = make();
  reference(whole(), handler);
  return { handler, tokenizer: 'reference' };
}

const NO_EVENTS: XmlEvents = { open() {}, close() {}, text() {} };

/**
 * What the handler refused on the fast path (a cell, a limit), unless the part is not
 * well-formed: saxes reads to the end and puts bad XML first, and so must the fast path,
 * which stops at the handler's refusal (a damaged part is named as damaged, not by one of
 * its cells). The check costs a saxes pass on refused parts only.
 */
function malformedFirst(refused: unknown, xml: string): unknown {
  if (refused instanceof XmlError) return refused;
  try {
    reference(xml, NO_EVENTS);
  } catch (e) {
    if (e instanceof XmlError) return e;
    throw e;
  }
  return refused;
}

/** A part's bytes as text: UTF-8, or UTF-16 when it starts with that byte-order mark. */
export function partText(bytes: Uint8Array): string {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf[0] === 0xff && buf[1] === 0xfe) return buf.subarray(2).toString('utf16le');
  if (buf[0] === 0xfe && buf[1] === 0xff) return new TextDecoder('utf-16be').decode(buf.subarray(2));
  return buf.toString('utf8');
}
