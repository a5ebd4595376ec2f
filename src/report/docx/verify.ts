// Every XML part of a package is checked for well-formedness before the package is
// written: a document Word or LibreOffice would refuse (a control character, a stray
// "&", a tag left open) is never published with exit 0, whatever went wrong upstream.
//
// The check reads the XML our writers emit — elements, attributes, text, entity and
// character references, an XML declaration — in one linear pass: a national appendix
// (25 MB) in well under the 0.6–1.2 s a general parser (saxes) takes. Anything outside
// that subset (comments, CDATA, a DTD, processing instructions) is refused rather than
// guessed at. test/verify.test.ts holds it equal to saxes on generated documents.
import { FatalError } from '../../messages/problem.js';

/** Characters XML 1.0 does not allow (C0 controls but tab and line breaks, U+FFFE/F), and surrogates, checked for pairs one by one. */
const SUSPECT_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/g;

/** The first character XML cannot hold: a control, a non-character or a lone surrogate. */
function badCharacter(xml: string): string | undefined {
  SUSPECT_CHAR.lastIndex = 0;
  for (let m = SUSPECT_CHAR.exec(xml); m; m = SUSPECT_CHAR.exec(xml)) {
    const c = m[0].charCodeAt(0);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = xml.charCodeAt(m.index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        SUSPECT_CHAR.lastIndex = m.index + 2; // a pair: one astral character
        continue;
      }
    }
    return `character U+${c.toString(16).toUpperCase().padStart(4, '0')} at ${m.index}`;
  }
  return undefined;
}
/**
 * An "&" that starts no reference, or a "]]>". Tag names cannot hold either, and this
 * subset has no CDATA or comments, so a search of the whole part finds every bad one
 * in text and attribute values alike.
 */
const BAD_AMP = /&(?!(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);)|\]\]>/;
const CHAR_REF = /&#(x[0-9a-fA-F]+|[0-9]+);/g;
const DECLARATION = /^<\?xml(?:\s+[A-Za-z_][A-Za-z0-9_.:-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*\s*\?>/;

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
/** The names this writer uses: ASCII letters, digits, _ . : - (not first: digits, . -). */
const isNameStart = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f;
const isNameChar = (c: number) => isNameStart(c) || (c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x3a || c === 0x2d;

function validCharRefs(xml: string): string | undefined {
  for (const m of xml.matchAll(CHAR_REF)) {
    const code = m[1]![0] === 'x' ? parseInt(m[1]!.slice(1), 16) : parseInt(m[1]!, 10);
    const ok =
      code === 0x9 ||
      code === 0xa ||
      code === 0xd ||
      (code >= 0x20 && code <= 0xd7ff) ||
      (code >= 0xe000 && code <= 0xfffd) ||
      (code >= 0x10000 && code <= 0x10ffff);
    if (!ok) return `character reference ${m[0]} at ${m.index}`;
  }
  return undefined;
}

function grow(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/** Whether the names at a and b (each `len` long) are the same, without making strings. */
function sameName(xml: string, a: number, b: number, len: number): boolean {
  for (let k = 0; k < len; k++) if (xml.charCodeAt(a + k) !== xml.charCodeAt(b + k)) return false;
  return true;
}

/**
 * Why `xml` is not well-formed, or undefined when it is. One pass that makes no string
 * per tag: open elements are kept as (start, length) pairs and compared in place.
 */
export function xmlProblem(xml: string): string | undefined {
  const bad = badCharacter(xml);
  if (bad) return bad;
  const amp = BAD_AMP.exec(xml);
  if (amp) return `a bare "&" or "]]>" at ${amp.index}`;
  if (xml.includes('&#')) {
    const ref = validCharRefs(xml);
    if (ref) return ref;
  }
  const n = xml.length;
  let starts = new Int32Array(64);
  let lengths = new Int32Array(64);
  let depth = 0;
  // An element's attributes so far, for the repeated-name check (Word's elements have a handful).
  let attrStarts = new Int32Array(16);
  let attrLengths = new Int32Array(16);
  let attrs = 0;
  let roots = 0;
  let at = DECLARATION.exec(xml)?.[0].length ?? 0;
  const show = (i: number) => JSON.stringify(xml.slice(i, i + 40));
  while (at < n) {
    // Text up to the next tag (a loop over char codes: far cheaper than indexOf per tag).
    let lt = at;
    while (lt < n && xml.charCodeAt(lt) !== 0x3c) lt++;
    // Only white space may stand outside the root element.
    if (depth === 0 && lt > at && xml.slice(at, lt).trim() !== '') return `text outside the root element at ${at}`;
    if (lt === n) break;
    let i = lt + 1;
    const closing = xml.charCodeAt(i) === 0x2f;
    if (closing) i++;
    const nameStart = i;
    if (!isNameStart(xml.charCodeAt(i))) return `markup not understood at ${lt}: ${show(lt)}`;
    while (i < n && isNameChar(xml.charCodeAt(i))) i++;
    const nameLength = i - nameStart;
    if (closing) {
      while (i < n && isSpace(xml.charCodeAt(i))) i++;
      if (xml.charCodeAt(i) !== 0x3e) return `end tag not closed by ">" at ${lt}: ${show(lt)}`;
      if (depth === 0) return `end tag closes nothing at ${lt}: ${show(lt)}`;
      depth--;
      if (lengths[depth] !== nameLength || !sameName(xml, starts[depth]!, nameStart, nameLength))
        return `end tag does not match <${xml.slice(starts[depth]!, starts[depth]! + lengths[depth]!)}> at ${lt}: ${show(lt)}`;
      at = i + 1;
      continue;
    }
    if (depth === 0 && roots++ > 0) return `a second root element at ${lt}: ${show(lt)}`;
    // Attributes: name = "value" (or 'value'), each name once, no "<" inside a value.
    attrs = 0;
    for (;;) {
      const before = i;
      while (i < n && isSpace(xml.charCodeAt(i))) i++;
      const c = xml.charCodeAt(i);
      if (c === 0x3e) {
        if (depth === starts.length) {
          starts = grow(starts);
          lengths = grow(lengths);
        }
        starts[depth] = nameStart;
        lengths[depth] = nameLength;
        depth++;
        at = i + 1;
        break;
      }
      if (c === 0x2f && xml.charCodeAt(i + 1) === 0x3e) {
        at = i + 2;
        break;
      }
      if (i === before || !isNameStart(c)) return `attribute not understood at ${i}: ${show(lt)}`;
      const attrStart = i;
      while (i < n && isNameChar(xml.charCodeAt(i))) i++;
      const attrLength = i - attrStart;
      for (let k = 0; k < attrs; k++)
        if (attrLengths[k] === attrLength && sameName(xml, attrStarts[k]!, attrStart, attrLength))
          return `attribute repeated at ${attrStart}: ${show(lt)}`;
      if (attrs === attrStarts.length) {
        attrStarts = grow(attrStarts);
        attrLengths = grow(attrLengths);
      }
      attrStarts[attrs] = attrStart;
      attrLengths[attrs++] = attrLength;
      while (i < n && isSpace(xml.charCodeAt(i))) i++;
      if (xml.charCodeAt(i) !== 0x3d) return `attribute without a value at ${i}: ${show(lt)}`;
      i++;
      while (i < n && isSpace(xml.charCodeAt(i))) i++;
      const quote = xml.charCodeAt(i);
      if (quote !== 0x22 && quote !== 0x27) return `attribute value not quoted at ${i}: ${show(lt)}`;
      i++;
      while (i < n && xml.charCodeAt(i) !== quote) {
        if (xml.charCodeAt(i) === 0x3c) return `"<" in an attribute value at ${i}`;
        i++;
      }
      if (i === n) return `attribute value never closed: ${show(lt)}`;
      i++;
    }
  }
  if (depth > 0) return `<${xml.slice(starts[depth - 1]!, starts[depth - 1]! + lengths[depth - 1]!)}> is never closed`;
  if (roots === 0) return 'no root element';
  return undefined;
}

export function verifyXmlParts(parts: ReadonlyMap<string, string>): void {
  for (const [name, xml] of parts) {
    if (!name.endsWith('.xml') && !name.endsWith('.rels')) continue;
    const problem = xmlProblem(xml);
    if (problem) throw FatalError.of('DOCUMENT_INVALID', { params: { detail: `${name}: ${problem}` } });
  }
}
