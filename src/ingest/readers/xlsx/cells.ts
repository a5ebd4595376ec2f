// A worksheet's cells, read strictly as ECMA-376 Part 1 defines them (§18.3.1.4 `c`,
// §18.18.11 ST_CellType): a number cell holds an xsd:double, a shared string a whole index
// into the table, a cell stands in its own row, no two cells or rows share a place. A cell
// that breaks these is refused with its place and what it holds, never read as a guess
// (the parseFloat of "12,5" is 12). Also read: the rows and columns hidden, and the merges.
// Rows in the plain shape Excel and LibreOffice write are read by regular expressions
// (readCells, plainRows); anything else by the XML events, which judge it.
import { MAX_SHEET_COLUMNS } from '../../../limits.js';
import { columnLetter, LAST_COLUMN, LAST_ROW, parseRef, shiftFormula } from './refs.js';
import { BadCell, type BadCellKind, SheetOverLimit } from './refused.js';
import { unescapeXstring, StringItem } from './strings.js';
import { parseXml, XmlError, type Attrs, type XmlEvents } from '../../../ooxml/xml.js';

/** What a cell holds, as the file says it (one value may stand for many cells: it is never changed). */
export type CellValue =
  | { readonly kind: 'number'; readonly number: number }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'error'; readonly text: string }
  /** t="d": an ISO 8601 date, kept as written (it is shown as a date when it is one). */
  | { readonly kind: 'date'; readonly text: string }
  | { readonly kind: 'empty' };

export interface Cell {
  col: number;
  value: CellValue;
  /** The cell format's number (`s`); 0, the default, when none. */
  style: number;
  /** A formula cell's formula, without "="; `calculated` when a result is saved. */
  formula?: { text: string; calculated: boolean };
}

export interface Row {
  number: number;
  hidden: boolean;
  cells: Cell[];
}

const truthy = (v: string | undefined) => v === '1' || v === 'true';

/** xsd:double's lexical form (INF and NaN are doubles too, but no figure). */
const DOUBLE = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const INDEX = /^\d+$/;
/** A whole number of at most 15 digits: an xsd:double, exact as a JavaScript number. */
const INTEGER = /^-?\d{1,15}$/;
const BOOL = '(?:[01]|true|false)';
/** A row's start tag in the plain shape: CT_Row's attributes in the schema's order, each at most once, one space apart. */
const PLAIN_ROW = new RegExp(
  '[ \\t\\r\\n]*<row r="(\\d{1,7})"(?: spans="[\\d: ]{0,40}")?(?: s="\\d{1,9}")?' +
    `(?: customFormat="${BOOL}")?(?: ht="([\\d.]{1,20})")?(?: hidden="(${BOOL})")?(?: customHeight="${BOOL}")?` +
    `(?: outlineLevel="\\d")?(?: collapsed="${BOOL}")?(?: thickTop="${BOOL}")?(?: thickBot="${BOOL}")?` +
    `(?: ph="${BOOL}")?(?: x14ac:dyDescent="[\\d.]{1,20}")?(/?)>`,
  'y',
);
/** A cell in the plain shape: `r` in capitals, `s`, `t` (shared string or number), empty or one `<v>`. */
const PLAIN_CELL =
  /[ \t\r\n]*<c r="([A-Z]{1,3})(\d{1,7})"(?: s="(\d{1,9})")?(?: t="([sn])")?(?:\/>|>(?:<v>([^<]{0,64})<\/v>)?<\/c>)/y;
const PLAIN_ROW_END = /[ \t\r\n]*<\/row>/y;
const isSpaceCode = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
const EMPTY: CellValue = { kind: 'empty' };

/**
 * A worksheet's cells: its rows read by plainRows when they are plain and the rest of the part
 * (everything but the rows) by the fast tokenizer; otherwise the whole part through parseXml.
 * `xml` may be the part without its data validations; `whole` is the part as it is, for saxes.
 */
export function readCells(
  xml: string,
  whole: () => string,
  strings: readonly string[],
): { handler: SheetHandler; rows: 'plain' | 'events' } {
  const open = xml.indexOf(SHEET_DATA_OPEN);
  if (open !== -1) {
    const from = open + SHEET_DATA_OPEN.length;
    const to = xml.indexOf(SHEET_DATA_CLOSE, from);
    // The element named once: no other sheetData before it or after its end tag (what lies between, plainRows reads or refuses).
    if (
      to !== -1 &&
      xml.lastIndexOf('sheetData', open) === -1 &&
      xml.indexOf('sheetData', to + SHEET_DATA_CLOSE.length) === -1
    ) {
      const handler = new SheetHandler(strings);
      try {
        parseXml(xml.slice(0, from) + xml.slice(to), () => handler, 'fast');
        if (handler.plainRows(xml, from, to)) return { handler, rows: 'plain' };
      } catch (e) {
        if (!(e instanceof XmlError)) throw e;
      }
    }
  }
  return { handler: parseXml(xml, () => new SheetHandler(strings), undefined, whole).handler, rows: 'events' };
}
const SHEET_DATA_OPEN = '<sheetData>';
const SHEET_DATA_CLOSE = '</sheetData>';

/** A filled cell left out for standing past MAX_SHEET_COLUMNS: the first of its row, and how many more the row has out there. */
export interface FarCell {
  cell: Cell;
  address: string;
  more: number;
}

export interface SheetCells {
  rows: Row[];
  merges: string[];
  hiddenColumns: number[];
  far: Map<number, FarCell>;
}

/**
 * The events of a worksheet part, read into rows of cells. Shared strings are resolved as
 * they are met (`strings`); what lies outside the sheet's data (views, validations, print
 * settings, pictures) is passed over unread.
 */
/** The number a string of at most 9 digits writes, or -1 for anything else (the slow path judges it). */
function digitsValue(text: string): number {
  if (text.length === 0 || text.length > 9) return -1;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const d = text.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

export class SheetHandler implements XmlEvents {
  readonly rows: Row[] = [];
  readonly merges: string[] = [];
  readonly hiddenColumns: number[] = [];
  readonly far = new Map<number, FarCell>();
  private depth = 0;
  private section = '';
  /** Whether the sheet's data element was met where it belongs (a child of the root). */
  private sheetDataAt2 = false;
  private zeroHeight = false;
  private row: Row | undefined;
  /** The row's columns so far (reused from row to row), and as a set once a cell came out of order. */
  private readonly colList: number[] = [];
  private rowCols: Set<number> | undefined;
  /** The row's highest column so far: a cell past it is new. */
  private maxCol = 0;
  private lastRow = 0;
  private lastCol = 0;
  /** The rows' numbers so far, once a row came out of order. */
  private rowNumbers: Set<number> | undefined;
  private cell:
    | {
        col: number;
        ref: string;
        type: string;
        style: number;
        v?: string;
        f?: string;
        formula?: { t?: string; si?: string };
        inline?: StringItem;
      }
    | undefined;
  private capture: 'v' | 'f' | undefined;
  private inIs = 0;
  private buffer = '';
  /** Shared formulas by their index: the first cell's formula and place. */
  private shared = new Map<string, { text: string; row: number; col: number }>();

  constructor(private readonly strings: readonly string[]) {}

  open(local: string, attrs: Attrs, empty: boolean): boolean | void {
    this.depth++;
    const d = this.depth;
    if (d === 1) return;
    if (d === 2) {
      this.section = local;
      if (local === 'sheetData') this.sheetDataAt2 = true;
      if (local === 'sheetFormatPr') this.zeroHeight = truthy(attrs.get('zeroHeight'));
      else if (local !== 'sheetData' && local !== 'cols' && local !== 'mergeCells') return true;
      return;
    }
    if (this.section === 'cols') {
      if (d === 3 && local === 'col') this.col(attrs);
      return d >= 3 ? true : undefined;
    }
    if (this.section === 'mergeCells') {
      const ref = d === 3 && local === 'mergeCell' ? attrs.get('ref') : undefined;
      if (ref !== undefined) this.merges.push(ref);
      return d >= 3 ? true : undefined;
    }
    if (this.section !== 'sheetData') return true;
    if (d === 3) {
      if (local !== 'row') return true;
      this.openRow(attrs);
      return;
    }
    if (d === 4) {
      if (local !== 'c') return true;
      this.openCell(attrs);
      return;
    }
    const cell = this.cell;
    if (!cell) return true;
    if (d === 5) {
      if (local === 'v') this.startCapture('v');
      else if (local === 'f') {
        cell.formula = { t: attrs.get('t'), si: attrs.get('si') };
        this.startCapture('f');
      } else if (local === 'is') {
        cell.inline = new StringItem();
        this.inIs = d;
      } else return true;
      return;
    }
    if (this.inIs > 0) cell.inline!.open(local);
    else return true;
    void empty;
  }

  close(local: string): void {
    const d = this.depth--;
    if (d === 2) this.section = '';
    else if (this.section !== 'sheetData') return;
    else if (d === 3 && local === 'row') this.row = undefined;
    else if (d === 4 && local === 'c') this.closeCell();
    else if (d === 5 && this.cell) {
      if (this.capture !== undefined) {
        if (this.capture === 'v') this.cell.v = this.buffer;
        else this.cell.f = this.buffer;
        this.capture = undefined;
      } else if (local === 'is') this.inIs = 0;
    } else if (d > 5 && this.inIs > 0 && this.cell) this.cell.inline!.close(local);
  }

  /**
   * The rows of `<sheetData>`'s content (xml between `from` and `to`) when they are all in the
   * plain shape Excel and LibreOffice write — each row's attributes in the schema's order, each
   * cell `r`, `s`, `t` (s or n) and at most a `<v>` of a whole index or a number — read by one
   * regular expression a row and one a cell, in place of the tokenizer's events; false, with
   * the rows read so far left in this handler, for anything else (which the events must read).
   * Only what the events would read the same is read: rows and cells in order, each cell in
   * its row and within the table, no formula, no inline string.
   */
  plainRows(xml: string, from: number, to: number): boolean {
    if (!this.sheetDataAt2 || this.rows.length > 0) return false;
    const strings = this.strings;
    /** One value a shared string, for all the cells that show it. */
    const texts: (CellValue | undefined)[] = new Array(strings.length);
    let at = from;
    let lastRow = 0;
    for (;;) {
      PLAIN_ROW.lastIndex = at;
      const row = PLAIN_ROW.exec(xml);
      if (row === null || PLAIN_ROW.lastIndex > to) break;
      at = PLAIN_ROW.lastIndex;
      const number = Number(row[1]);
      if (number <= lastRow || number > LAST_ROW) return false;
      lastRow = number;
      const height = row[2];
      const ht = height === undefined ? undefined : Number(height);
      const hidden = truthy(row[3]) || ht === 0 || (this.zeroHeight && !(ht !== undefined && ht > 0));
      const cells: Cell[] = [];
      this.rows.push({ number, hidden, cells });
      if (row[4] === '/') continue;
      let lastCol = 0;
      for (;;) {
        PLAIN_CELL.lastIndex = at;
        const c = PLAIN_CELL.exec(xml);
        if (c === null) break;
        at = PLAIN_CELL.lastIndex;
        if (Number(c[2]) !== number) return false;
        const letters = c[1]!;
        let col = 0;
        for (let i = 0; i < letters.length; i++) col = col * 26 + (letters.charCodeAt(i) - 0x40);
        if (col <= lastCol || col > MAX_SHEET_COLUMNS) return false;
        lastCol = col;
        const v = c[5];
        let value: CellValue;
        if (v === undefined) value = EMPTY;
        else if (c[4] === 's') {
          const index = digitsValue(v);
          if (index === -1 || index >= strings.length) return false;
          value = texts[index] ??= { kind: 'text', text: strings[index]! };
        } else if (v === '') value = EMPTY;
        else if (INTEGER.test(v)) value = { kind: 'number', number: Number(v) };
        else if (DOUBLE.test(v) && Number.isFinite(Number(v))) value = { kind: 'number', number: Number(v) };
        else return false;
        cells.push({ col, value, style: c[3] === undefined ? 0 : Number(c[3]) });
      }
      PLAIN_ROW_END.lastIndex = at;
      if (!PLAIN_ROW_END.test(xml)) return false;
      at = PLAIN_ROW_END.lastIndex;
    }
    while (at < to && isSpaceCode(xml.charCodeAt(at))) at++;
    return at === to;
  }

  text(t: string): void {
    if (this.capture !== undefined) this.buffer += t;
    else if (this.inIs > 0 && this.cell) this.cell.inline!.text(t);
  }

  private startCapture(what: 'v' | 'f'): void {
    this.capture = what;
    this.buffer = '';
  }

  private col(attrs: Attrs): void {
    const min = Number(attrs.get('min'));
    const max = Number(attrs.get('max'));
    if (!Number.isInteger(min) || !Number.isInteger(max) || min < 1 || max < min) return;
    const width = attrs.get('width');
    const hidden = truthy(attrs.get('hidden')) || (width !== undefined && Number(width) === 0);
    if (!hidden) return;
    // Only the table's columns matter; a range may say any number up to XFD.
    for (let c = min; c <= Math.min(max, MAX_SHEET_COLUMNS); c++) this.hiddenColumns.push(c);
  }

  private openRow(attrs: Attrs): void {
    let number: number;
    const r = attrs.get('r');
    if (r === undefined) number = this.lastRow + 1;
    else {
      if (!INDEX.test(r)) throw new BadCell('REFERENCE', r, this.lastRow + 1, r);
      number = Number(r);
    }
    if (number < 1 || number > LAST_ROW) throw new SheetOverLimit({ code: 'CORRUPT' });
    // Rows in order (as every writer puts them) are each new; one out of order is looked up among them all.
    if (number <= this.lastRow) this.rowNumbers ??= new Set(this.rows.map((r) => r.number));
    if (this.rowNumbers) {
      if (this.rowNumbers.has(number)) throw new BadCell('ROW_TWICE', String(number), number, String(number));
      this.rowNumbers.add(number);
    }
    const height = attrs.get('ht');
    const ht = height === undefined ? undefined : Number(height);
    const hidden = truthy(attrs.get('hidden')) || ht === 0 || (this.zeroHeight && !(ht !== undefined && ht > 0));
    this.row = { number, hidden, cells: [] };
    this.rows.push(this.row);
    this.rowCols = undefined;
    this.colList.length = 0;
    this.maxCol = 0;
    this.lastRow = number;
    this.lastCol = 0;
  }

  private openCell(attrs: Attrs): void {
    const row = this.row!;
    let col: number;
    let ref: string;
    const r = attrs.get('r');
    if (r === undefined) {
      col = this.lastCol + 1;
      if (col > LAST_COLUMN)
        throw new BadCell('REFERENCE', `${columnLetter(LAST_COLUMN)}${row.number}`, row.number, '');
      ref = `${columnLetter(col)}${row.number}`;
    } else {
      const at = parseRef(r);
      if (!at) throw new BadCell('REFERENCE', r, row.number, r);
      if (at.row !== row.number) throw new BadCell('OTHER_ROW', r, row.number, r);
      col = at.col;
      // Excel names a reference in capitals ("e5" is E5); its letters come first, at most three.
      ref = r.charCodeAt(0) >= 0x61 || r.charCodeAt(1) >= 0x61 || r.charCodeAt(2) >= 0x61 ? r.toUpperCase() : r;
    }
    // Likewise the cells of a row: one out of order is looked up among the row's columns so far.
    if (col <= this.maxCol) this.rowCols ??= new Set(this.colList);
    if (this.rowCols) {
      if (this.rowCols.has(col)) throw new BadCell('TWICE', ref, row.number, ref);
      this.rowCols.add(col);
    } else this.colList.push(col);
    this.maxCol = Math.max(this.maxCol, col);
    this.lastCol = col;
    const style = attrs.get('s');
    const s = style === undefined ? 0 : Number(style);
    // A format number that is no whole number finds no format (refused when its cell's number needs one).
    this.cell = { col, ref, type: attrs.get('t') ?? 'n', style: Number.isInteger(s) && s >= 0 ? s : -1 };
  }

  private closeCell(): void {
    const c = this.cell!;
    this.cell = undefined;
    const row = this.row!;
    const value = this.value(c, row.number);
    const cell: Cell = { col: c.col, value, style: c.style };
    if (c.formula !== undefined)
      cell.formula = { text: this.formula(c, row.number), calculated: c.v !== undefined || c.inline !== undefined };
    if (cell.col > MAX_SHEET_COLUMNS) {
      if (value.kind === 'empty' && !cell.formula) return;
      if (value.kind === 'text' && value.text === '') return;
      const seen = this.far.get(row.number);
      if (seen) seen.more++;
      else this.far.set(row.number, { cell, address: c.ref, more: 0 });
      return;
    }
    row.cells.push(cell);
  }

  private formula(c: NonNullable<SheetHandler['cell']>, rowNumber: number): string {
    const attrs = c.formula!;
    const text = unescapeXstring(c.f ?? '');
    if (attrs.t !== 'shared' || attrs.si === undefined) return text;
    const first = this.shared.get(attrs.si);
    if (text !== '' || !first) {
      if (!first) this.shared.set(attrs.si, { text, row: rowNumber, col: c.col });
      return text;
    }
    return shiftFormula(first.text, rowNumber - first.row, c.col - first.col);
  }

  private value(c: NonNullable<SheetHandler['cell']>, line: number): CellValue {
    const v = c.v;
    // The common cases: a whole number as Excel writes it, a shared string's index of a few digits.
    if (v !== undefined && c.inline === undefined) {
      if (c.type === 'n' && INTEGER.test(v)) return { kind: 'number', number: Number(v) };
      if (c.type === 's') {
        const index = digitsValue(v);
        if (index !== -1 && index < this.strings.length) return { kind: 'text', text: this.strings[index]! };
      }
    }
    const bad = (kind: BadCellKind) => new BadCell(kind, c.ref, line, v ?? '');
    switch (c.type) {
      case 'n': {
        if (c.inline !== undefined) throw new BadCell('INLINE_WITH_VALUE', c.ref, line, c.inline.value());
        if (v === undefined || v.trim() === '') return { kind: 'empty' };
        const t = v.trim();
        if (!DOUBLE.test(t)) throw bad('NUMBER');
        const number = Number(t);
        if (!Number.isFinite(number)) throw bad('NUMBER');
        return { kind: 'number', number };
      }
      case 's': {
        if (v === undefined) return { kind: 'empty' };
        const t = v.trim();
        if (!INDEX.test(t) || Number(t) >= this.strings.length) throw bad('SHARED_INDEX');
        return { kind: 'text', text: this.strings[Number(t)]! };
      }
      case 'inlineStr':
        if (v !== undefined) throw new BadCell('INLINE_WITH_VALUE', c.ref, line, v);
        return c.inline === undefined ? { kind: 'empty' } : { kind: 'text', text: c.inline.value() };
      case 'str':
        return v === undefined ? { kind: 'empty' } : { kind: 'text', text: unescapeXstring(v) };
      case 'b': {
        if (v === undefined) return { kind: 'empty' };
        const t = v.trim();
        if (t === '1' || t === 'true') return { kind: 'boolean', value: true };
        if (t === '0' || t === 'false') return { kind: 'boolean', value: false };
        throw bad('BOOLEAN');
      }
      case 'e':
        return v === undefined ? { kind: 'empty' } : { kind: 'error', text: v.trim() };
      case 'd':
        return v === undefined ? { kind: 'empty' } : { kind: 'date', text: v };
      default:
        throw new BadCell('TYPE', c.ref, line, c.type);
    }
  }
}
