// Text as a workbook stores it: the shared strings table, and the inline strings and rich
// text of cells. A string item's text is its runs' text; the phonetic guide of East Asian text
// (`rPh`) is not part of it. `_xHHHH_` stands for a character XML cannot hold (Excel writes a
// carriage return as `_x000D_`).
import {
  parseXml,
  partText,
  plainCharacters,
  plainText,
  XmlError,
  type Attrs,
  type Tokenizer,
  type XmlEvents,
} from '../../../ooxml/xml.js';

const ESCAPED = /_x([0-9A-Fa-f]{4})_/g;
export const unescapeXstring = (s: string) =>
  s.indexOf('_x') === -1 ? s : s.replace(ESCAPED, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/**
 * Collects the text of one string item (`si`, or a cell's `is`) from the events inside it:
 * the `t` elements that stand directly in it or in a run (`r`), not those of a phonetic run.
 */
export class StringItem {
  private parts: string[] = [];
  private inT = false;
  private inPhonetic = 0;
  open(local: string): void {
    if (local === 'rPh' || local === 'phoneticPr') this.inPhonetic++;
    else if (local === 't' && this.inPhonetic === 0) this.inT = true;
  }
  close(local: string): void {
    if (local === 'rPh' || local === 'phoneticPr') this.inPhonetic--;
    else if (local === 't') this.inT = false;
  }
  text(t: string): void {
    if (this.inT) this.parts.push(t);
  }
  /** Text read before this item was (the item's first `t`). */
  seed(text: string): void {
    this.parts.push(text);
  }
  value(): string {
    return unescapeXstring(this.parts.length === 1 ? this.parts[0]! : this.parts.join(''));
  }
}

/** The shared strings part: every item's text, by index. */
export function readSharedStrings(bytes: Uint8Array): string[] {
  const xml = partText(bytes);
  return plainItems(xml) ?? readItems(xml);
}

/** The items as the XML tokenizers read them (`only`: one of them, for tests). */
export function readItems(xml: string, only?: Tokenizer): string[] {
  return parseXml(xml, () => new SharedStrings(), only).handler.items;
}

/** The table's start: the XML declaration, the root's start tag (checked by the fast tokenizer, `shellIsPlain`). */
const ROOT = /^\uFEFF?(?:<\?xml[^<>]*\?>)?[ \t\r\n]*<sst(?:[ \t\r\n][^<>]*)?>/;
/** An item as most writers store it: one `t`, its text and nothing else. */
const ITEM = /[ \t\r\n]*<si><t(?: xml:space="preserve")?>([^<]*)<\/t><\/si>/y;
const END = /[ \t\r\n]*<\/sst>[ \t\r\n]*$/y;

/**
 * The items of a table in the plain shape Excel, LibreOffice and the forms write — every item
 * one `t` and nothing else — read by one regular expression an item, not event by event;
 * undefined for anything else (a run, a phonetic guide, a prefix, a comment, an entity the fast
 * path does not know), which readItems reads. A table with no reference, carriage return or
 * `_x` escape anywhere gives its items' text as it stands. test/xlsx-plain.test.ts holds the
 * two equal.
 */
export function plainItems(xml: string): string[] | undefined {
  const root = ROOT.exec(xml);
  if (!root || !plainCharacters(xml) || !shellIsPlain(root[0])) return undefined;
  const asWritten = xml.indexOf('&') === -1 && xml.indexOf('\r') === -1 && xml.indexOf('_x') === -1;
  const items: string[] = [];
  let at = root[0].length;
  ITEM.lastIndex = at;
  for (let m = ITEM.exec(xml); m !== null; m = ITEM.exec(xml)) {
    if (asWritten) items.push(m[1]!);
    else {
      const text = plainText(m[1]!);
      if (text === undefined) return undefined;
      items.push(unescapeXstring(text));
    }
    at = ITEM.lastIndex;
  }
  END.lastIndex = at;
  return END.test(xml) ? items : undefined;
}

/** shellIsPlain's answers by start tag (of at most 1,024 characters): the units' forms share a few (the counts differ). */
const plainShells = new Map<string, boolean>();

/** Whether the declaration and the root's start tag are what the fast tokenizer reads (a closed root of no items). */
function shellIsPlain(start: string): boolean {
  let plain = plainShells.get(start);
  if (plain !== undefined) return plain;
  try {
    parseXml(`${start}</sst>`, () => new SharedStrings(), 'fast');
    plain = true;
  } catch (e) {
    if (!(e instanceof XmlError)) throw e;
    plain = false;
  }
  if (plainShells.size >= 256) plainShells.clear();
  if (start.length <= 1024) plainShells.set(start, plain);
  return plain;
}

/**
 * The items of the table. Most are one `t` (`<si><t>Mã đơn vị</t></si>`), read as it comes;
 * an item with runs or a phonetic guide is read through StringItem from its first other element.
 */
class SharedStrings implements XmlEvents {
  items: string[] = [];
  private item: StringItem | undefined;
  private plain: string | undefined;
  private inPlainT = false;
  private inSi = false;
  private depth = 0;
  open(local: string, _attrs: Attrs): boolean | void {
    this.depth++;
    if (this.depth === 2) {
      if (local !== 'si') return true; // extLst
      this.inSi = true;
      this.plain = undefined;
      return;
    }
    if (!this.inSi) return;
    if (this.depth === 3 && local === 't' && !this.item && this.plain === undefined) {
      this.inPlainT = true;
      this.plain = '';
      return;
    }
    if (!this.item) {
      // Not a lone t: read the item's elements through StringItem from here (with the t read so far).
      this.item = new StringItem();
      if (this.plain !== undefined) this.item.seed(this.plain);
      this.plain = undefined;
    }
    this.item.open(local);
  }
  close(local: string): void {
    if (this.depth === 2 && this.inSi) {
      this.items.push(this.item ? this.item.value() : unescapeXstring(this.plain ?? ''));
      this.item = undefined;
      this.plain = undefined;
      this.inSi = false;
    } else if (this.inPlainT && this.depth === 3) this.inPlainT = false;
    else this.item?.close(local);
    this.depth--;
  }
  text(t: string): void {
    if (this.inPlainT) this.plain += t;
    else this.item?.text(t);
  }
}
