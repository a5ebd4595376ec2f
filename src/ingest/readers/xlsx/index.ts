// Excel workbooks (.xlsx, .xlsm) as communes send them, read by baocao itself: the ZIP
// (bounded, checksummed), the package's parts, the cells (strictly), the formats of the
// number cells that have one. The first visible sheet that has the return's header row is
// read (title rows and merged title cells above it are passed over); other visible sheets
// with the header are named, hidden sheets are never read.
import { MAX_SHEETS, MAX_SHEET_XML_BYTES, MAX_WORKBOOK_XML_BYTES, toMiB } from '../../../limits.js';
import type { Problem, ProblemWithout } from '../../../messages/problem.js';
import { listed } from '../../../text/listed.js';
import { collectGarbage } from '../../memory.js';
import type { ReadOutcome, Reader, ReaderOptions, Table } from '../types.js';
import { readCells } from './cells.js';
import { columnLetter } from './refs.js';
import { BadCell, SheetOverLimit } from './refused.js';
import { readFormats, type Formats } from './formats.js';
import { readRelationships, readWorkbook, relKind, relsOf } from './parts.js';
import { FormatUnknown, sheetTable } from './sheet.js';
import { readSharedStrings } from './strings.js';
import { partText, XmlError } from '../../../ooxml/xml.js';
import { inflateEntry, SharedParts, sizeIsFalse, ZipError, zipEntries, type ZipEntry } from '../../../ooxml/zip.js';
import type { Relationship, WorkbookPart } from './parts.js';

export { columnLetter } from './refs.js';
export { numberText } from './sheet.js';

type Refusal = ProblemWithout<'file' | 'severity'>;
const refused = (problem: Refusal): ReadOutcome => ({ ok: false, problem });
const unreadable = (reason: string): ReadOutcome => refused({ code: 'XLSX_UNREADABLE', params: { reason } });
const tooLarge = (limit: number): ReadOutcome =>
  refused({ code: 'FILE_TOO_LARGE', params: { size: `> ${toMiB(limit)}`, limit: toMiB(limit), unpacked: 1 } });

/** Parsed parts above this size (a commune's form is ~5 KB) are read after a full garbage collection. */
const COLLECT_AFTER_PARSED_BYTES = 1024 * 1024;

const VALIDATIONS_OPEN = Buffer.from('<dataValidations');
const VALIDATIONS_CLOSE = Buffer.from('</dataValidations>');
const VALIDATIONS_NAME = Buffer.from('dataValidations');

/**
 * Where a worksheet's data validations lie in its bytes: the element's one start tag and its one
 * end tag after it. In a filled-in baocao form they are two thirds of the sheet (an input message
 * per value cell) and are never read, so they are neither decoded nor tokenized. Every `<` of
 * plain markup is markup, so those bytes are exactly the element; where the markup is not plain
 * (the name inside a comment or CDATA), the fast tokenizer meets that in what is left and saxes
 * reads the whole part instead (parseXml's `whole`). Anything else is passed over by the tokenizer.
 * An element the same, byte for byte, as the last one found is known to end where that one did,
 * without a search for the name in it (a comparison: the units of one form share their validations).
 */
export function validationsSpan(part: Uint8Array): { from: number; to: number } | undefined {
  const buf = Buffer.from(part.buffer, part.byteOffset, part.byteLength);
  const open = buf.indexOf(VALIDATIONS_OPEN);
  if (open === -1) return undefined;
  let end: number;
  if (
    lastSpan &&
    open + lastSpan.length <= buf.length &&
    buf.compare(lastSpan, 0, lastSpan.length, open, open + lastSpan.length) === 0
  ) {
    // The same bytes as the last element found (the units of one form share it): its end is where that one's was.
    end = open + lastSpan.length;
  } else {
    const after = buf[open + VALIDATIONS_OPEN.length];
    // `<dataValidations>` or `<dataValidations count="…">`, not a longer name.
    if (after !== 0x3e && after !== 0x20 && after !== 0x09 && after !== 0x0a && after !== 0x0d) return undefined;
    // The name's next appearance must be its end tag.
    const next = buf.indexOf(VALIDATIONS_NAME, open + VALIDATIONS_OPEN.length);
    const close = next - 2;
    if (next === -1 || buf[close] !== 0x3c || buf[close + 1] !== 0x2f || buf[next + VALIDATIONS_NAME.length] !== 0x3e)
      return undefined;
    end = close + VALIDATIONS_CLOSE.length;
    lastSpan = end - open <= MAX_KEPT_SPAN ? Buffer.from(buf.subarray(open, end)) : undefined;
  }
  // And none may follow.
  if (buf.indexOf(VALIDATIONS_NAME, end) !== -1) return undefined;
  return { from: open, to: end };
}
/** The last element validationsSpan found, byte for byte, when it is no larger than MAX_KEPT_SPAN (a baocao form of 14 indicators has 9 KB). */
let lastSpan: Buffer | undefined;
const MAX_KEPT_SPAN = 256 * 1024;

/** A worksheet as it is parsed: its text without its data validations (validationsSpan), and the whole text for saxes; decoded when read. */
interface SheetPart {
  text: () => string;
  whole: () => string;
  /** The bytes parsed into cells. */
  size: number;
}

function sheetPart(part: Uint8Array): SheetPart {
  const span = part[0] === 0xff || part[0] === 0xfe ? undefined : validationsSpan(part);
  const whole = () => partText(part);
  if (!span) return { text: whole, whole, size: part.length };
  return {
    text: () => partText(part.subarray(0, span.from)) + partText(part.subarray(span.to)),
    whole,
    size: part.length - (span.to - span.from),
  };
}

/**
 * A part that may be inflated: its stated size within what a whole workbook may unpack to, and
 * its packed data no larger than deflate could make of that size (a false size is a bomb).
 */
function admitted(e: ZipEntry): ZipEntry {
  if (sizeIsFalse(e)) throw new ZipError('CORRUPT');
  if (e.size > MAX_WORKBOOK_XML_BYTES) throw new ZipError('TOO_LARGE');
  return e;
}

/** The parts that matter, by name, from the package's relationships (Excel's default names when a relationship is missing). */
interface Package {
  sheets: { name: string; state: string; part: string | undefined }[];
  strings?: string;
  styles?: string;
  date1904: boolean;
  recalculated: boolean;
}

function cellPlace(sheet: string, line: number, col: number): Pick<Problem, 'line' | 'sheet' | 'cell'> {
  return { line, sheet, cell: `${columnLetter(col)}${line}` };
}

/** Parts the units' forms share, read once (SharedParts): the package's and the workbook's relationships, the workbook, the formats. */
const sharedRelationships = new SharedParts<Map<string, Relationship>>();
const sharedWorkbooks = new SharedParts<WorkbookPart>();
const sharedFormats = new SharedParts<Formats>();

export const xlsxReader: Reader = {
  async read(bytes: Uint8Array, opts: ReaderOptions): Promise<ReadOutcome> {
    let entries: Map<string, ZipEntry>;
    try {
      entries = zipEntries(bytes);
    } catch {
      return unreadable('CORRUPT');
    }
    const part = (name: string | undefined) => (name === undefined ? undefined : entries.get(name));
    const inflated = new Map<string, Uint8Array>();
    const load = (name: string): Uint8Array => {
      let got = inflated.get(name);
      if (!got) inflated.set(name, (got = inflateEntry(bytes, admitted(entries.get(name)!))));
      return got;
    };
    try {
      // The workbook part, from the package's relationships.
      let workbook = 'xl/workbook.xml';
      if (entries.has('_rels/.rels')) {
        const office = [
          ...sharedRelationships
            .read(bytes, admitted(entries.get('_rels/.rels')!), '', (b) => readRelationships(b, ''))
            .values(),
        ].find((r) => relKind(r.type) === 'officeDocument');
        if (office?.part && entries.has(office.part)) workbook = office.part;
      }
      if (!entries.has(workbook)) {
        const names = [...entries.keys()];
        // An OpenDocument spreadsheet (LibreOffice's .ods) is a ZIP too.
        if (entries.has('mimetype') && entries.has('content.xml'))
          return refused({ code: 'XLS_NOT_SUPPORTED', params: { kind: 'ods' } });
        if (names.some((n) => n.startsWith('xl/')))
          return refused({ code: 'XLS_NOT_SUPPORTED', params: { kind: 'xlsb' } });
        return unreadable(entries.has('word/document.xml') ? 'WORD' : 'NOT_A_WORKBOOK');
      }
      const worksheetParts = [...entries.keys()].filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n));
      const rels = entries.has(relsOf(workbook))
        ? sharedRelationships.read(bytes, admitted(entries.get(relsOf(workbook))!), workbook, (b) =>
            readRelationships(b, workbook),
          )
        : new Map<string, Relationship>();
      const ofKind = (kind: string) => [...rels.values()].find((r) => relKind(r.type) === kind)?.part;
      const strings =
        ofKind('sharedStrings') ?? (entries.has('xl/sharedStrings.xml') ? 'xl/sharedStrings.xml' : undefined);
      const styles = ofKind('styles') ?? (entries.has('xl/styles.xml') ? 'xl/styles.xml' : undefined);

      // Bounds, from the directory, before anything more is inflated.
      const book = sharedWorkbooks.read(bytes, admitted(entries.get(workbook)!), '', readWorkbook);
      if (book.sheets.length > MAX_SHEETS || worksheetParts.length > MAX_SHEETS) return unreadable('TOO_MANY_SHEETS');
      const pkg: Package = {
        sheets: book.sheets.map((s) => {
          const rel = s.rel === undefined ? undefined : rels.get(s.rel);
          return {
            name: s.name,
            state: s.state,
            part: rel && relKind(rel.type) === 'worksheet' && rel.part && entries.has(rel.part) ? rel.part : undefined,
          };
        }),
        strings: part(strings) ? strings : undefined,
        styles: part(styles) ? styles : undefined,
        date1904: book.date1904,
        recalculated: book.recalculated,
      };
      const wanted = [
        ...new Set(
          [pkg.strings, pkg.styles, ...pkg.sheets.map((s) => s.part)].filter((n): n is string => n !== undefined),
        ),
      ];
      let total = 0;
      // Every part read counts, and every worksheet part, read or not: a bomb need not be named by the workbook.
      for (const name of new Set([workbook, relsOf(workbook), ...wanted, ...worksheetParts])) {
        const e = entries.get(name);
        if (e === undefined) continue;
        if (sizeIsFalse(e)) return unreadable('CORRUPT');
        total += e.size;
      }
      if (total > MAX_WORKBOOK_XML_BYTES) return tooLarge(MAX_WORKBOOK_XML_BYTES);
      let parsed = 0;
      const sheetParts = new Map<string, SheetPart>();
      for (const name of wanted) {
        if (!pkg.sheets.some((s) => s.part === name)) parsed += entries.get(name)!.size;
        else {
          const sheet = sheetPart(load(name));
          sheetParts.set(name, sheet);
          parsed += sheet.size;
        }
      }
      if (parsed > MAX_SHEET_XML_BYTES) return tooLarge(MAX_SHEET_XML_BYTES);
      if (parsed > COLLECT_AFTER_PARSED_BYTES) await collectGarbage();

      const visible = pkg.sheets.filter((s) => s.state === 'visible');
      if (pkg.sheets.every((s) => s.part === undefined) && worksheetParts.length > 0) return unreadable('NO_SHEETS');
      const formats = () => sharedFormats.read(bytes, admitted(entries.get(pkg.styles!)!), '', readFormats);
      const read = readSheets(pkg, visible, load, sheetParts, opts, formats);
      // Nothing to read where a unit can see it: the hidden sheets that hold something are named
      // (they are never read: what the unit cannot see is not its return), not called empty.
      if (read.ok && read.table.records.length === 0) {
        const hidden = pkg.sheets.filter((s) => s.state !== 'visible' && s.part !== undefined);
        const filled = hidden.filter((s) => {
          const out = readSheets(pkg, [s], load, sheetParts, opts, formats);
          return !out.ok || out.table.records.length > 0;
        });
        if (filled.length > 0)
          return refused({
            code: 'HIDDEN_SHEETS_ONLY',
            sheet: filled[0]!.name,
            params: {
              sheets: listed(
                filled.map((s) => `"${s.name}"`),
                5,
              ),
              count: filled.length,
              visible: visible.length,
            },
          });
      }
      return read;
    } catch (e) {
      if (e instanceof ZipError && e.reason === 'TOO_LARGE') return tooLarge(MAX_WORKBOOK_XML_BYTES);
      if (e instanceof ZipError) return unreadable(e.reason === 'DAMAGED' ? 'DAMAGED' : 'CORRUPT');
      if (e instanceof XmlError) return unreadable('CORRUPT');
      throw e;
    }
  },
};

function readSheets(
  pkg: Package,
  visible: Package['sheets'],
  load: (name: string) => Uint8Array,
  sheetParts: Map<string, SheetPart>,
  opts: ReaderOptions,
  styles: () => Formats,
): ReadOutcome {
  const mark = opts.numberFormat === 'en' ? '.' : ',';
  const strings = pkg.strings ? readSharedStrings(load(pkg.strings)) : [];
  let formats: Formats | 'NONE' | 'DAMAGED' | undefined;
  const formatsOnce = () => {
    if (formats === undefined) {
      try {
        formats = pkg.styles ? styles() : 'NONE';
      } catch (e) {
        if (e instanceof ZipError && e.reason !== 'DAMAGED') throw e;
        formats = 'DAMAGED'; // damaged or cut off: what every number shows is unknown, and it is refused at its cell
      }
    }
    return formats;
  };
  let chosen: Table | undefined;
  let withHeader = false;
  /** Other visible sheets that have the header too: not read, and named, never passed over in silence. */
  const unread: string[] = [];
  for (const sheet of visible) {
    if (sheet.part === undefined) continue;
    let table: Table;
    let hasHeader: boolean;
    try {
      const part = sheetParts.get(sheet.part)!;
      const { handler } = readCells(part.text(), part.whole, strings);
      ({ table, hasHeader } = sheetTable(sheet.name, handler, {
        mark,
        date1904: pkg.date1904,
        recalculated: pkg.recalculated,
        formats: formatsOnce,
      }));
    } catch (e) {
      if (e instanceof BadCell)
        return refused({
          code: 'XLSX_BAD_CELL',
          line: e.line,
          sheet: sheet.name,
          cell: /^\d+$/.test(e.cell) ? undefined : e.cell,
          params: { kind: e.kind, sheet: sheet.name, cell: e.cell, holds: e.holds, row: e.line },
        });
      if (e instanceof FormatUnknown)
        return refused({
          code: 'XLSX_UNREADABLE',
          ...cellPlace(sheet.name, e.line, e.col),
          params: { reason: 'FORMATS' },
        });
      if (e instanceof SheetOverLimit) {
        const p = e.problem;
        if (p.code === 'CORRUPT') return unreadable('CORRUPT');
        return refused({
          code: 'MERGE_TOO_LARGE',
          sheet: sheet.name,
          params: {
            kind: p.kind,
            sheet: sheet.name,
            ...(p.range ? { range: p.range, cells: p.cells } : {}),
            limit: p.limit,
          },
        });
      }
      throw e;
    }
    if (hasHeader) {
      if (withHeader) {
        unread.push(sheet.name);
        continue;
      }
      chosen = table;
      withHeader = true;
      continue;
    }
    // No sheet has the header: the first visible sheet with anything on it is read, and
    // its missing columns are named, as for a CSV file.
    if (!withHeader && !chosen && table.records.length > 0) chosen = table;
  }
  if (!chosen) return { ok: true, table: { records: [], headerAt: 0, sheet: visible[0]?.name } };
  if (unread.length > 0) chosen.unreadSheets = unread;
  return { ok: true, table: chosen };
}
