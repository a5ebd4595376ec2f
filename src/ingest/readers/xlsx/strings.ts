// Text as a workbook stores it: the shared strings table, and the inline strings and rich
// text of cells. A string item's text is its runs' text; the phonetic guide of East Asian text
// (`rPh`) is not part of it. `_xHHHH_` stands for a character XML cannot hold (Excel writes a
// carriage return as `_x000D_`).
import { parseXml, partText, type Attrs, type XmlEvents } from '../../../ooxml/xml.js';

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
  const { handler } = parseXml(partText(bytes), () => new SharedStrings());
  return handler.items;
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
