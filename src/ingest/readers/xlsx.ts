// Excel workbooks (.xlsx, .xlsm) as communes send them. The ZIP is opened with fflate
// (a zip bomb is refused from its directory, before anything is inflated); the parts
// that hold cells go to ExcelTS, which reads them (and the formats, when a number may
// show as a date or a percentage).
// The reader then picks the first visible sheet that has the return's header row
// (title rows and merged title cells above it are passed over) and turns every
// cell into the text a CSV export would hold: numbers written back exactly, formula
// cells as their saved result.
import { findHeader } from '../headers.js';
import { readsTwoWays } from '../../validate/number.js';
import type { CsvRecord } from '../csv.js';
import { MAX_MERGED_CELLS, MAX_MERGES, MAX_SHEET_COLUMNS, MAX_SHEETS, MAX_SHEET_XML_BYTES, MAX_WORKBOOK_XML_BYTES, toMiB } from '../limits.js';
import type { Problem } from '../../messages/problem.js';
import { collectGarbage } from '../memory.js';
import type { Displayed, ReadOutcome, Reader, ReaderOptions, Table } from './types.js';

/** The parts that hold sheets, their names and order, their cells, shared strings and formats; themes, pictures, macros are not read. */
const WANTED = /^(xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/sharedStrings\.xml|xl\/styles\.xml|xl\/worksheets\/[^/]+\.xml)$/;
/** The formats: unpacked with the cells, but parsed only when a number may be showing as a date or a percentage (they cost as much as the cells). */
const STYLES = 'xl/styles.xml';
/** A worksheet part, and the name ExcelTS reads worksheets under (any other name it passes over). */
const SHEET_PART = /^xl\/worksheets\/[^/]+\.xml$/;
const EXCELTS_SHEET = /^xl\/worksheets\/sheet(\d+)\.xml$/;
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';

/**
 * What ExcelTS need not build of a worksheet: everything but its cells and merges
 * (views, column widths, validations, print setup, protection, pictures…). Our own
 * forms carry a validation per value cell; skipping them saves a fifth of a read.
 */
const IGNORED_NODES = [
  'sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'autoFilter', 'rowBreaks', 'colBreaks', 'hyperlinks', 'pageMargins',
  'dataValidations', 'pageSetup', 'headerFooter', 'printOptions', 'picture', 'drawing', 'sheetProtection', 'tableParts', 'conditionalFormatting', 'extLst',
];

const VALIDATIONS_OPEN = Buffer.from('<dataValidations');
const VALIDATIONS_CLOSE = Buffer.from('</dataValidations>');
const DECLARATION = Buffer.from('<?');
const MARKUP_DECLARATION = Buffer.from('<!');

/**
 * A worksheet part without its data validations, when they can be cut out safely.
 * ExcelTS is told to ignore them (IGNORED_NODES), yet its parser still reads every
 * character of them, and in a filled-in baocao form they are two thirds of the sheet
 * (an input message per value cell): cutting them makes a form read ~30% faster.
 * They are cut only when the markup is plain — no comment, CDATA section, DOCTYPE
 * (`<!`) or processing instruction after the XML declaration (`<?`), where the name
 * could stand as text — and the element occurs once, with one end tag after its
 * start tag. Every `<` is then markup, so the bytes from that start tag to the end
 * tag's `>` are exactly the element, and what is left is the same sheet without it.
 * Anything else (a prefix such as `x:dataValidations`, two lists) is read whole.
 */
export function withoutValidations(part: Uint8Array): Uint8Array {
  const buf = Buffer.from(part.buffer, part.byteOffset, part.byteLength);
  const open = buf.indexOf(VALIDATIONS_OPEN);
  if (open === -1 || buf.indexOf(VALIDATIONS_OPEN, open + 1) !== -1) return part;
  const after = buf[open + VALIDATIONS_OPEN.length];
  // `<dataValidations>` or `<dataValidations count="…">`, not a longer name.
  if (after !== 0x3e && after !== 0x20 && after !== 0x09 && after !== 0x0a && after !== 0x0d) return part;
  const close = buf.indexOf(VALIDATIONS_CLOSE);
  if (close < open || buf.indexOf(VALIDATIONS_CLOSE, close + 1) !== -1) return part;
  if (buf.includes(MARKUP_DECLARATION)) return part;
  const declaration = buf.indexOf(DECLARATION);
  // The declaration comes first (after a byte-order mark at most); no other instruction.
  if (declaration > 3 || (declaration !== -1 && buf.indexOf(DECLARATION, declaration + 2) !== -1)) return part;
  return Buffer.concat([buf.subarray(0, open), buf.subarray(close + VALIDATIONS_CLOSE.length)]);
}

/**
 * The parts with every worksheet under a name ExcelTS reads. Excel names them
 * `sheet1.xml`, `sheet2.xml`…, but the format lets a worksheet be any part the workbook's
 * relationships point to, and other programs use that (ClosedXML, on the Open XML SDK,
 * has written its first sheet as `sheet.xml`); ExcelTS would see no sheet at all. Such a
 * part is given a free `sheetN.xml` name, and the relationship that names it is pointed
 * there (only a `Target` whose value resolves to that part is changed).
 */
export function excelTsSheetNames(files: Record<string, Uint8Array>): Record<string, Uint8Array> {
  const odd = Object.keys(files).filter((n) => SHEET_PART.test(n) && !EXCELTS_SHEET.test(n));
  const rels = files[WORKBOOK_RELS];
  if (odd.length === 0 || !rels) return files;
  const taken = new Set(Object.keys(files).map((n) => Number(EXCELTS_SHEET.exec(n)?.[1] ?? 0)));
  const renamed = new Map<string, string>();
  let next = 1;
  for (const name of odd.sort()) {
    while (taken.has(next)) next++;
    taken.add(next);
    renamed.set(name, `xl/worksheets/sheet${next}.xml`);
  }
  // The workbook's relationships resolve against xl/ (its folder); `/xl/…` is absolute.
  const partOf = (target: string) => {
    let decoded: string;
    try {
      decoded = decodeURIComponent(target);
    } catch {
      return undefined;
    }
    const parts: string[] = [];
    for (const seg of (decoded.startsWith('/') ? decoded.slice(1) : `xl/${decoded}`).split('/'))
      if (seg === '..') parts.pop();
      else if (seg !== '.' && seg !== '') parts.push(seg);
    return parts.join('/');
  };
  const text = Buffer.from(rels.buffer, rels.byteOffset, rels.byteLength)
    .toString('utf8')
    .replace(/(\sTarget\s*=\s*)(["'])([^"'<&]*)\2/g, (whole, before: string, quote: string, target: string) => {
      const to = renamed.get(partOf(target) ?? '');
      return to === undefined ? whole : `${before}${quote}/${to}${quote}`;
    });
  const out: Record<string, Uint8Array> = {};
  for (const [name, bytes] of Object.entries(files)) out[renamed.get(name) ?? name] = bytes;
  out[WORKBOOK_RELS] = Buffer.from(text, 'utf8');
  return out;
}

/** The parts as ExcelTS is given them: worksheets without their validations (cut once, for both reads). */
function cellParts(files: Record<string, Uint8Array>): Record<string, Uint8Array> {
  const parts: Record<string, Uint8Array> = {};
  for (const [name, bytes] of Object.entries(files)) parts[name] = name.startsWith('xl/worksheets/') ? withoutValidations(bytes) : bytes;
  return parts;
}

/** The parts for the first read: the formats are left out (they cost as much as the cells). */
function withoutFormats(parts: Record<string, Uint8Array>): Record<string, Uint8Array> {
  const { [STYLES]: _formats, ...rest } = parts;
  return rest;
}

/** A `formatCode` attribute of styles.xml: what comes before its value, then the value in double or in single quotes. */
const FORMAT_CODE = /(\sformatCode\s*=\s*)(?:"([^"<]*)"|'([^'<]*)')/g;

/**
 * Whether the workbook has a format that shows a number otherwise than as it is (shownOtherwise):
 * a percentage (a built-in one, 0% or 0.00%, or its own), a number divided by thousands, or no
 * number at all. A cell in it shows 97,5% while the file holds 0.975. A quick look at the
 * formats' codes; a false alarm only costs the second read.
 */
export function mayShowOtherwise(styles: Uint8Array): boolean {
  const text = Buffer.from(styles.buffer, styles.byteOffset, styles.byteLength).toString('utf8');
  if (/numFmtId\s*=\s*["'](?:9|10)["']/.test(text)) return true;
  for (const m of text.matchAll(FORMAT_CODE))
    if (shownOtherwise((m[2] ?? m[3] ?? '').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&'))) return true;
  return false;
}

/**
 * The formats with each backslash escape of a number format (`\%`, `\-`, `\\`: one literal
 * character) written as empty quoted text (`""`). ExcelTS drops every backslash of a format
 * code it reads, turning what is literal text into format: `0.0\%` (a % sign after 97.5)
 * reached scalesByHundred as `0.0%` and 97.5 was refused as "9750%", while `0.0\\%` (a
 * backslash, then a real percentage: the file holds 0.5 for 50%) became `0.0\%` and 0.5 was
 * read as 0.5. The literal text itself is never shown (messages write the number), only
 * whether a % sign or date letter is format matters. Only `formatCode` values change (in
 * double or single quotes), and quoted text in them (`&quot;…&quot;`, or `"…"` inside single
 * quotes) is left as it is.
 */
export function formatEscapesQuoted(styles: Uint8Array): Uint8Array {
  const text = Buffer.from(styles.buffer, styles.byteOffset, styles.byteLength).toString('utf8');
  if (!text.includes('\\')) return styles;
  const out = text.replace(FORMAT_CODE, (_whole, before: string, double?: string, single?: string) => {
    // In a value in single quotes, quoted text may be written with plain " marks too.
    const plain = (double ?? single ?? '').replace(/&quot;[^]*?&quot;|"[^"]*"|\\(?:&(?:[a-zA-Z]+|#\d+|#x[0-9a-fA-F]+);|[^&])/g, (token) =>
      token.startsWith('\\') ? '&quot;&quot;' : token,
    );
    return double === undefined ? `${before}'${plain}'` : `${before}"${plain}"`;
  });
  return Buffer.from(out, 'utf8');
}

/**
 * A number format's code without what only adds text or space: quoted text, escaped
 * characters, bracketed codes ([Red], [$-42A]), and the character after `_` (a space its
 * width) or `*` (repeated to fill the cell), as in the accounting format `_-* #,##0 ₫_-`.
 */
const formatOnly = (format: string) => format.replace(/"[^"]*"|\\.|\[[^\]]*\]|[_*]./g, '');

/** Whether a number format multiplies by 100: a % sign that is not quoted or escaped text. */
export function scalesByHundred(format: unknown): boolean {
  return typeof format === 'string' && formatOnly(format).includes('%');
}

/** How a format shows a number other than as it is: a percentage (×100), divided by `divisor` (1,000 per trailing comma), or not at all. */
export type Shown = { kind: 'PERCENT' } | { kind: 'THOUSANDS'; divisor: number } | { kind: 'HIDDEN' };

/**
 * Whether a number format shows a positive number otherwise than as it is. Besides a
 * percentage: a comma after the number's last digit placeholder (`#,##0,`, `0.0,,`, or
 * `#,##0,.0` before the decimal point) divides it by 1,000 each — 1234567 shows as 1.235 —
 * and a first section with no digit placeholder (`;;;`, or only text) shows no number at all,
 * while the file holds it. Only the first section matters (positive numbers); what only adds
 * text or space (formatOnly) is not format. A comma between placeholders
 * (`#,##0`) only groups thousands; General, text (@) and date or time formats are as they are.
 */
export function shownOtherwise(format: unknown): Shown | undefined {
  if (typeof format !== 'string' || format.trim() === '') return undefined;
  if (scalesByHundred(format)) return { kind: 'PERCENT' };
  const first = formatOnly(format).split(';')[0]!;
  if (/general|@|[dmyhs]/i.test(first)) return undefined;
  if (!/[0#?]/.test(first)) return { kind: 'HIDDEN' };
  let commas = 0;
  for (const m of first.matchAll(/[0#?](,+)(?![0#?])/g)) commas += m[1]!.length;
  return commas > 0 ? { kind: 'THOUSANDS', divisor: 1000 ** Math.min(commas, 5) } : undefined;
}

type Unzipped = { ok: true; files: Record<string, Uint8Array>; names: string[] } | { ok: false; tooLarge: boolean };

/**
 * The wanted entries, inflated, when together they unpack to at most `cap` bytes.
 * Sizes come from the ZIP's directory and fflate never writes past an entry's stated
 * size, so memory is bounded by the cap; an entry whose packed data is larger than it
 * could be for its stated size (deflate never grows data by more than a few bytes per
 * 64 KB) has been given a false size, and is refused before it is inflated.
 */
function unzipBounded(unzipSync: typeof import('fflate').unzipSync, bytes: Uint8Array, cap: number): Unzipped {
  const names: string[] = [];
  let total = 0;
  let tooLarge = false;
  let falseSize = false;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        names.push(f.name);
        if (!WANTED.test(f.name)) return false;
        total += f.originalSize;
        if (total > cap) tooLarge = true;
        if (f.size > f.originalSize + Math.ceil(f.originalSize / 16384) * 5 + 1024) falseSize = true;
        return !tooLarge && !falseSize;
      },
    });
  } catch {
    return { ok: false, tooLarge: false };
  }
  if (tooLarge || falseSize) return { ok: false, tooLarge };
  return { ok: true, files, names };
}

/** 1 → "A", 27 → "AA". */
export function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/**
 * A number cell as exact text. Excel keeps 15 significant digits; a formula's saved
 * result can carry binary noise past them (0.1+0.2 = 0.30000000000000004), which is
 * dropped, as Excel does when it shows the cell. Written with the returns' decimal mark.
 */
export function numberText(n: number, mark: ',' | '.'): string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n)) return BigInt(n).toString();
  const exact = Number(n.toPrecision(15));
  if (Number.isInteger(exact)) return BigInt(exact).toString();
  let text = String(exact);
  if (/e/i.test(text)) text = exact.toFixed(20).replace(/0+$/, '');
  return mark === '.' ? text : text.replace('.', ',');
}

type CellValue = unknown;

/** A cell's text as a CSV export of the sheet would hold it; `formula` when its result was never saved. */
function cellText(value: CellValue, mark: ',' | '.'): { text: string; formula?: string } {
  if (value === null || value === undefined) return { text: '' };
  if (typeof value === 'number') return { text: numberText(value, mark) };
  if (typeof value === 'string') return { text: value };
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE' };
  if (value instanceof Date) return { text: value.toISOString().slice(0, 10) };
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    const formula = formulaOf(value);
    if (formula !== undefined) {
      if (v.result === undefined || v.result === null) return { text: '', formula };
      return cellText(typeof v.result === 'object' && v.result !== null && 'error' in v.result ? (v.result as { error: string }).error : v.result, mark);
    }
    if (Array.isArray(v.richText)) return { text: (v.richText as { text?: string }[]).map((r) => r.text ?? '').join('') };
    if ('error' in v) return { text: String(v.error) };
    if ('text' in v) return cellText(v.text, mark);
  }
  return { text: String(value) };
}

interface SheetLike {
  name: string;
  state?: string;
  columns?: ({ number: number; hidden: boolean } | undefined)[] | null;
  eachRow(opts: { includeEmpty: boolean }, cb: (row: RowLike, rowNumber: number) => void): void;
}
interface RowLike {
  hidden?: boolean;
  eachCell(opts: { includeEmpty: boolean }, cb: (cell: { type: number; value: CellValue; master: { address: string } }, col: number) => void): void;
}

const MERGED = 1; // ExcelTS ValueType.Merge: a cell covered by a merge; its value is its master's

/**
 * A number Excel may be showing as a date: a date typed by mistake ("1/5" becomes 1 May,
 * stored as 46143) is a number in the file, and only the cell's format says it is a date.
 * Serials from 1955 to 9999 are checked against the formats (a second, slower read).
 */
const DATE_SERIALS = { from: 20_000, to: 2_958_465 };

/** The cells ("row:col") of a sheet that hold numbers (a formula's saved result included), and those that may be dates. */
interface NumberCells {
  all: Set<string>;
  dates: Set<string>;
}

/** A cell's number, or its formula's saved numeric result. */
function numberOf(value: CellValue): number | undefined {
  if (typeof value === 'number') return value;
  const result = typeof value === 'object' && value !== null ? (value as { result?: unknown }).result : undefined;
  return typeof result === 'number' ? result : undefined;
}

/** A formula cell's formula, whether or not its result was saved. */
function formulaOf(value: CellValue): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as { formula?: unknown; sharedFormula?: unknown };
  return 'formula' in v || 'sharedFormula' in v ? String(v.formula ?? v.sharedFormula ?? '') : undefined;
}

/**
 * Whether the workbook asks to be recalculated when it is opened (`<calcPr fullCalcOnLoad="1">`),
 * or says its last recalculation was not completed before it was saved (`calcCompleted="0"`).
 * Programs that write workbooks set the first when they do not vouch for the formula results
 * they save: filling in a template's input cells leaves its totals' saved results as they
 * were, and Excel, told to recalculate, shows the new totals while the file keeps the old
 * ones. ExcelTS does not keep these attributes; a quick look at the workbook part's text finds them.
 */
export function recalculatesOnOpen(workbook: Uint8Array | undefined): boolean {
  if (!workbook) return false;
  const text = Buffer.from(workbook.buffer, workbook.byteOffset, workbook.byteLength).toString('latin1');
  return /<(?:[\w.-]+:)?calcPr\b[^>]*?\s(?:fullCalcOnLoad\s*=\s*["']\s*(?:1|true)|calcCompleted\s*=\s*["']\s*(?:0|false))\s*["']/.test(text);
}

/**
 * A sheet's records, and whether it has the return's header; its number cells go to `numbers`.
 * In a workbook that recalculates on opening (`recalculated`), every formula cell is noted with its saved result (`table.untrusted`).
 */
function sheetTable(ws: SheetLike, mark: ',' | '.', numbers: NumberCells, far: Map<number, FarCell> | undefined, recalculated: boolean): { table: Table; hasHeader: boolean } {
  const records: CsvRecord[] = [];
  const formulas = new Map<string, string>();
  const untrusted = new Map<string, string>();
  const numeric = new Map<string, string>();
  const merged = new Map<string, string>();
  const hiddenRows: number[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    let uncalculated = false;
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      // A merged cell reads as what the unit sees in it, its master's value (a unit code merged
      // down a column); returns.ts refuses it in a value column, where it would count twice.
      if (cell.type === MERGED) merged.set(`${rowNumber}:${col - 1}`, cell.master.address);
      const { text, formula } = cellText(cell.value, mark);
      const n = numberOf(cell.value);
      if (n !== undefined) {
        if (readsTwoWays(text)) numeric.set(`${rowNumber}:${col - 1}`, text);
        numbers.all.add(`${rowNumber}:${col}`);
        if (n >= DATE_SERIALS.from && n <= DATE_SERIALS.to) numbers.dates.add(`${rowNumber}:${col}`);
      }
      while (cells.length < col - 1) cells.push('');
      cells[col - 1] = text;
      if (formula !== undefined) {
        formulas.set(`${rowNumber}:${col - 1}`, formula);
        uncalculated = true;
      } else if (recalculated) {
        const saved = formulaOf(cell.value);
        if (saved !== undefined) {
          formulas.set(`${rowNumber}:${col - 1}`, saved);
          untrusted.set(`${rowNumber}:${col - 1}`, text);
          uncalculated = true;
        }
      }
    });
    if (uncalculated || cells.some((c) => c.trim() !== '')) {
      records.push({ line: rowNumber, cells });
      if (row.hidden) hiddenRows.push(rowNumber);
    }
  });
  // The header: the first row (near the top) that names every required column.
  const headerAt = findHeader(records);
  const table: Table = { records, headerAt: Math.max(0, headerAt), sheet: ws.name, formulas, merged };
  if (untrusted.size > 0) table.untrusted = untrusted;
  if (numeric.size > 0) table.numeric = numeric;
  if (hiddenRows.length > 0) table.hiddenRows = hiddenRows;
  const hiddenColumns = (ws.columns ?? []).flatMap((c) => (c?.hidden ? [c.number] : []));
  if (hiddenColumns.length > 0) table.hiddenColumns = hiddenColumns;
  if (far && far.size > 0)
    table.outside = new Map(
      [...far].map(([line, c]) => {
        const { text, formula } = cellText(c.value, mark);
        return [line, { cell: c.cell, value: text.trim() || (formula === undefined ? '' : `=${formula}`), more: c.more }];
      }),
    );
  return { table, hasHeader: headerAt !== -1 };
}

/** ExcelTS and fflate, loaded with the first workbook and kept (a bundled import() makes a new module object each call). */
let excelTs: typeof import('@cj-tech-master/excelts') | undefined;
let fflate: typeof import('fflate') | undefined;

type ExcelTs = typeof import('@cj-tech-master/excelts');
type WorkbookModel = InstanceType<ExcelTs['Workbook']>['model'];

/** The last row a worksheet can have (ECMA-376; Excel's 1,048,576). */
const LAST_ROW = 1_048_576;

/** A workbook that holds more than a return can (merged areas, row numbers); thrown before ExcelTS builds its cells. */
class OverLimit extends Error {
  constructor(readonly problem: Omit<Problem, 'file' | 'severity'>) {
    super(problem.code);
  }
}

/** The column of a cell reference ("XFD198" → 16384), from its letters. */
function columnOf(address: string): number {
  let n = 0;
  for (let i = address.charCodeAt(0) === 0x24 ? 1 : 0; i < address.length; i++) {
    const c = address.charCodeAt(i) | 0x20; // lower case
    if (c < 0x61 || c > 0x7a) break;
    n = n * 26 + (c - 0x60);
  }
  return n;
}

type CellModel = { address?: string; value?: unknown; formula?: string; sharedFormula?: string; result?: unknown };
/** A cell left out of the sheet for standing past MAX_SHEET_COLUMNS: what returns.ts names. */
type FarCell = { cell: string; value: CellValue; more: number };

/**
 * The parsed workbook is looked at before ExcelTS builds its sheets from it, in one pass
 * over its rows and merges. ExcelTS makes a cell object for every cell a merged area covers
 * (a merge of two whole columns is two million cells and a gigabyte; of a whole sheet,
 * seventeen billion) and checks each merge against every other; a row numbered past the
 * sheet's last makes its row list unbounded: such a workbook is refused, named. A cell past
 * column MAX_SHEET_COLUMNS makes ExcelTS walk (and the reader pad) every row to its column,
 * 16,384 for XFD, though the file spends ~40 bytes on it: it is taken out of the sheet and
 * kept in `far` (by sheet, then row), to be named as outside the table; column ranges and
 * merges are cut back to that column too. Named ranges are dropped.
 */
function admitModel(model: WorkbookModel, Range: ExcelTs['Range'], far: Map<string, Map<number, FarCell>>): void {
  // Named ranges are never read, and ExcelTS indexes every cell of each one: a name for
  // $A$1:$XFD$1048576 (an 8 KB file) ran out of memory at 4.3 GB.
  model.definedNames = [];
  let merges = 0;
  let covered = 0;
  for (const ws of model.worksheets ?? []) {
    if (!ws) continue;
    for (const row of ws.rows ?? []) {
      if (!(row.number >= 1 && row.number <= LAST_ROW)) throw new OverLimit({ code: 'XLSX_UNREADABLE', params: { reason: 'CORRUPT' } });
      const cells = row.cells as CellModel[] | undefined;
      if (!cells?.some((c) => c.address !== undefined && columnOf(c.address) > MAX_SHEET_COLUMNS)) continue;
      const kept: CellModel[] = [];
      for (const c of cells) {
        if (c.address === undefined || columnOf(c.address) <= MAX_SHEET_COLUMNS) {
          kept.push(c);
          continue;
        }
        const value = (c.formula !== undefined || c.sharedFormula !== undefined ? { formula: c.formula ?? '', result: c.result } : c.value) as CellValue;
        if (value === undefined || value === null || value === '') continue;
        let sheet = far.get(ws.name);
        if (!sheet) far.set(ws.name, (sheet = new Map()));
        const seen = sheet.get(row.number);
        if (seen) seen.more++;
        else sheet.set(row.number, { cell: c.address.replace(/\$/g, ''), value, more: 0 });
      }
      (row as { cells: CellModel[] }).cells = kept;
    }
    // Column ranges: ExcelTS makes an object per column of each (`max` is any number the file
    // says); only the table's columns matter (which are hidden), so ranges are cut back to them.
    if (ws.cols)
      ws.cols = ws.cols
        .filter((c) => c.min >= 1 && c.min <= MAX_SHEET_COLUMNS && c.max >= c.min)
        .map((c) => ({ ...c, max: Math.min(c.max, MAX_SHEET_COLUMNS) }));
    const admitted: string[] = [];
    for (const ref of ws.mergeCells ?? []) {
      merges++;
      // The same reading of the reference ExcelTS's merge makes (Worksheet.mergeCellsWithoutStyle).
      const range = new Range([ref] as never);
      covered += range.count;
      if (range.bottom > LAST_ROW) throw new OverLimit({ code: 'XLSX_UNREADABLE', params: { reason: 'CORRUPT' } });
      if (range.count > MAX_MERGED_CELLS)
        throw new OverLimit({ code: 'MERGE_TOO_LARGE', sheet: ws.name, params: { kind: 'RANGE', sheet: ws.name, range: range.range, cells: range.count, limit: MAX_MERGED_CELLS } });
      if (merges > MAX_MERGES) throw new OverLimit({ code: 'MERGE_TOO_LARGE', sheet: ws.name, params: { kind: 'COUNT', sheet: ws.name, limit: MAX_MERGES } });
      if (covered > MAX_MERGED_CELLS) throw new OverLimit({ code: 'MERGE_TOO_LARGE', sheet: ws.name, params: { kind: 'CELLS', sheet: ws.name, limit: MAX_MERGED_CELLS } });
      // Past column MAX_SHEET_COLUMNS a merge would make the far cells taken out above: it
      // is cut back to that column (dropped when it lies wholly past it).
      if (range.right <= MAX_SHEET_COLUMNS) admitted.push(ref);
      else if (range.left <= MAX_SHEET_COLUMNS) admitted.push(`${columnLetter(range.left)}${range.top}:${columnLetter(MAX_SHEET_COLUMNS)}${range.bottom}`);
    }
    if (ws.mergeCells) ws.mergeCells = admitted;
  }
}

/** What ExcelTS's parsed workbook holds of its formats: the cell formats (`cellXfs`) of styles.xml, when it was read whole. */
type ParsedFormats = { model?: { styles?: { numFmtId?: number }[] } } | undefined;
type ParsedSheet = { rows?: { number: number; styleId?: number; cells?: { address?: string; styleId?: number }[] }[]; cols?: { styleId?: number }[] } | undefined;

/**
 * Row and column formats (`<row s="3" customFormat="1">`, `<col style="3">`) dropped when the
 * formats were not read. ExcelTS looks each one up in the list of cell formats, which it builds
 * only from styles.xml: in the first read (without the formats) that list does not exist and it
 * throws. LibreOffice writes a column format on every workbook it saves a second time, and
 * Excel on any whole column formatted (a code column formatted Text): such files were refused
 * as damaged. A row's or column's format only dresses its empty cells; a filled cell carries
 * its own `s`, so nothing read changes.
 */
function withoutLineFormats(model: { worksheets?: unknown[]; styles?: ParsedFormats }): void {
  if (model.styles?.model?.styles) return;
  for (const ws of (model.worksheets ?? []) as ParsedSheet[]) {
    if (!ws) continue;
    for (const col of ws.cols ?? []) delete col.styleId;
    for (const row of ws.rows ?? []) delete row.styleId;
  }
}

/**
 * Cells with no format number, or 0, given the workbook's first cell format when it has a
 * number format. The format says a cell without `s` (or with `s="0"`, as LibreOffice writes
 * every plain cell) has the first one, but ExcelTS gives such a cell none: were the default
 * style a percentage, 0.975 would read as 0,975 where the unit sees 97,5%. The first format
 * is copied to the end of the list and those cells pointed at the copy, so that ExcelTS
 * resolves it as any other (a date as a date).
 */
function applyDefaultFormat(model: { worksheets?: unknown[]; styles?: ParsedFormats }): void {
  const formats = model.styles?.model?.styles;
  const first = formats?.[0];
  if (!formats || !first?.numFmtId) return;
  const copy = formats.length;
  formats.push(first);
  for (const ws of (model.worksheets ?? []) as ParsedSheet[])
    for (const row of ws?.rows ?? []) for (const c of row.cells ?? []) if (!c.styleId) c.styleId = copy;
}

/**
 * The cells ("row:col", by sheet) whose format ExcelTS cannot find: a format number (`s="5"`)
 * past the list of cell formats, or any format number when the formats were not read whole
 * (ExcelTS builds that list only at styles.xml's end tag, so a cut-off part has none). Such
 * a cell reads as a plain number whatever it shows in Excel (a date, a percentage). Looked
 * at before ExcelTS resolves the numbers, which it then forgets. Format 0 is the default.
 */
function unresolvedFormats(model: { worksheets?: unknown[]; styles?: ParsedFormats }): Map<object, Set<string>> {
  const count = model.styles?.model?.styles?.length ?? 0;
  const out = new Map<object, Set<string>>();
  for (const ws of (model.worksheets ?? []) as ParsedSheet[]) {
    if (!ws) continue;
    for (const row of ws.rows ?? [])
      for (const c of row.cells ?? []) {
        if (c.styleId === undefined || c.styleId === 0 || c.address === undefined) continue;
        if (c.styleId > 0 && c.styleId < count) continue; // NaN (s="x") is unresolved too
        let cells = out.get(ws);
        if (!cells) out.set(ws, (cells = new Set()));
        cells.add(`${row.number}:${columnOf(c.address)}`);
      }
  }
  return out;
}

/**
 * ExcelTS's Workbook, with the model it loads admitted first (admitModel); `far` holds the
 * cells taken out. With `checkFormats()` called before loading, `unformatted` holds, by sheet
 * name, the cells whose format could not be found (unresolvedFormats).
 */
type BoundedWorkbook = InstanceType<ExcelTs['Workbook']> & { far: Map<string, Map<number, FarCell>>; checkFormats(): BoundedWorkbook; unformatted: Map<string, Set<string>> };
let Bounded: (new () => BoundedWorkbook) | undefined;
/** ExcelTS's step that resolves the parsed parts' format numbers and names the sheets. */
type Reconciling = { reconcile(model: { worksheets?: unknown[]; styles?: ParsedFormats }, options: unknown): void };

function boundedWorkbook({ Workbook, Range }: ExcelTs): new () => BoundedWorkbook {
  Bounded ??= class extends Workbook {
    far = new Map<string, Map<number, FarCell>>();
    unformatted = new Map<string, Set<string>>();
    constructor() {
      super();
      // ExcelTS decodes each part to a string, writes it into a byte stream (encoding it
      // again) and has its XML parser read the stream, decoding it a second time; its
      // parser takes any iterable of chunks, so the string is handed over as the one chunk
      // the stream would have given. The same text is parsed; the national check is ~11% faster.
      (this.xlsx as unknown as { createTextStream(content: string): Iterable<string> }).createTextStream = (content) => [content];
      const xlsx = this.xlsx as unknown as Reconciling;
      const reconcile = xlsx.reconcile.bind(xlsx);
      xlsx.reconcile = (model, options) => {
        withoutLineFormats(model);
        reconcile(model, options);
      };
    }
    /**
     * Note, as this workbook loads, the cells whose format is not found (`unformatted`), and
     * give the cells without one the workbook's default format (applyDefaultFormat).
     * ExcelTS resolves each cell's format number while it reconciles the parsed parts, and
     * names the sheets there too: the numbers are looked at before, the names after.
     */
    checkFormats(): this {
      const xlsx = this.xlsx as unknown as Reconciling;
      const reconcile = xlsx.reconcile.bind(xlsx);
      xlsx.reconcile = (model, options) => {
        const unresolved = unresolvedFormats(model);
        applyDefaultFormat(model);
        reconcile(model, options);
        for (const [ws, cells] of unresolved) this.unformatted.set(String((ws as { name?: unknown }).name), cells);
      };
      return this;
    }
    override get model(): WorkbookModel {
      return Reflect.get(Workbook.prototype, 'model', this) as WorkbookModel;
    }
    override set model(value: WorkbookModel) {
      admitModel(value, Range, this.far);
      Reflect.set(Workbook.prototype, 'model', value, this);
    }
  };
  return Bounded;
}

/** Parsed parts above this size (a commune's form is ~5 KB) are read after a full garbage collection. */
const COLLECT_AFTER_PARSED_BYTES = 1024 * 1024;

/** The bytes ExcelTS will parse: its model of them costs up to ~90× (a sheet of one-cell rows). */
const parsedBytes = (parts: Record<string, Uint8Array>) => Object.values(parts).reduce((n, b) => n + b.length, 0);

/** What the first read gives: the sheet the return is on (if any), its number cells, the other sheets that have the header. */
type CellsRead =
  | { ok: false; problem: Omit<Problem, 'file' | 'severity'> }
  | { ok: true; chosen?: Table; numbers: NumberCells; unread: string[]; firstSheet?: string; styled?: Set<string> };

/**
 * The first read: the cell parts without the formats, and the sheet chosen. Its workbook
 * is let go on return, before the formats are read (a second workbook of the same cells).
 */
async function readCells(Workbook: new () => BoundedWorkbook, parts: Record<string, Uint8Array>, sheetParts: number, mark: ',' | '.', recalculated: boolean): Promise<CellsRead> {
  const wb = new Workbook();
  // This read has no formats: in a workbook without a formats part, a cell that names a format is noted (`styled`).
  if (parts[STYLES] === undefined) wb.checkFormats();
  try {
    await wb.xlsx.loadFromFiles(withoutFormats(parts), { ignoreNodes: IGNORED_NODES });
  } catch (e) {
    return { ok: false, problem: e instanceof OverLimit ? e.problem : { code: 'XLSX_UNREADABLE', params: { reason: 'CORRUPT' } } };
  }
  // Worksheets in the file, yet none read: never reported as an empty return.
  if (wb.worksheets.length === 0 && sheetParts > 0)
    return { ok: false, problem: { code: 'XLSX_UNREADABLE', params: { reason: 'NO_SHEETS' } } };
  const visible = (wb.worksheets as unknown as (SheetLike & { orderNo?: number })[])
    .filter((ws) => (ws.state ?? 'visible') === 'visible')
    .sort((a, b) => (a.orderNo ?? 0) - (b.orderNo ?? 0));
  let chosen: Table | undefined;
  let withHeader = false;
  let numbers: NumberCells = { all: new Set(), dates: new Set() };
  /** Other visible sheets that have the header too: not read, and named, never passed over in silence. */
  const unread: string[] = [];
  for (const ws of visible) {
    const cells: NumberCells = { all: new Set(), dates: new Set() };
    const { table, hasHeader } = sheetTable(ws, mark, cells, wb.far.get(ws.name), recalculated);
    if (hasHeader) {
      if (withHeader) {
        unread.push(ws.name);
        continue;
      }
      chosen = table;
      withHeader = true;
      numbers = cells;
      continue;
    }
    // No sheet has the header: the first visible sheet with anything on it is read, and
    // its missing columns are named, as for a CSV file.
    if (!withHeader && !chosen && table.records.length > 0) {
      chosen = table;
      numbers = cells;
    }
  }
  return { ok: true, chosen, numbers, unread, firstSheet: visible[0]?.name, styled: chosen && wb.unformatted.get(chosen.sheet ?? '') };
}

export const xlsxReader: Reader = {
  async read(bytes: Uint8Array, opts: ReaderOptions): Promise<ReadOutcome> {
    // fflate and ExcelTS load with the first workbook: a run of CSV returns never pays for them.
    fflate ??= await import('fflate');
    const unzipped = unzipBounded(fflate.unzipSync, bytes, MAX_WORKBOOK_XML_BYTES);
    if (!unzipped.ok)
      return unzipped.tooLarge
        ? { ok: false, problem: { code: 'FILE_TOO_LARGE', params: { size: `> ${toMiB(MAX_WORKBOOK_XML_BYTES)}`, limit: toMiB(MAX_WORKBOOK_XML_BYTES), unpacked: 1 } } }
        : { ok: false, problem: { code: 'XLSX_UNREADABLE', params: { reason: 'CORRUPT' } } };
    const { names } = unzipped;
    const files = excelTsSheetNames(unzipped.files);
    if (!files['xl/workbook.xml']) {
      // An OpenDocument spreadsheet (LibreOffice's .ods) is a ZIP too.
      if (names.includes('mimetype') && names.includes('content.xml')) return { ok: false, problem: { code: 'XLS_NOT_SUPPORTED', params: { kind: 'ods' } } };
      if (names.some((n) => n.startsWith('xl/'))) return { ok: false, problem: { code: 'XLS_NOT_SUPPORTED', params: { kind: 'xlsb' } } };
      return { ok: false, problem: { code: 'XLSX_UNREADABLE', params: { reason: names.includes('word/document.xml') ? 'WORD' : 'NOT_A_WORKBOOK' } } };
    }
    excelTs ??= await import('@cj-tech-master/excelts');
    const Workbook = boundedWorkbook(excelTs);
    const sheetParts = Object.keys(files).filter((n) => SHEET_PART.test(n)).length;
    if (sheetParts > MAX_SHEETS)
      return { ok: false, problem: { code: 'XLSX_UNREADABLE', params: { reason: 'TOO_MANY_SHEETS' } } };
    const parts = cellParts(files);
    const size = parsedBytes(parts);
    if (size > MAX_SHEET_XML_BYTES)
      return { ok: false, problem: { code: 'FILE_TOO_LARGE', params: { size: `> ${toMiB(MAX_SHEET_XML_BYTES)}`, limit: toMiB(MAX_SHEET_XML_BYTES), unpacked: 1 } } };
    // A large workbook's model is hundreds of MB: the last one's garbage goes first (a file of
    // 300 KB can hold 4 MiB of sheets, so files.ts, which goes by file size, would not collect).
    const large = size > COLLECT_AFTER_PARSED_BYTES;
    if (large) await collectGarbage();
    const mark = opts.numberFormat === 'en' ? '.' : ',';
    const read = await readCells(Workbook, parts, sheetParts, mark, recalculatesOnOpen(files['xl/workbook.xml']));
    if (!read.ok) return read;
    const { chosen, numbers, unread } = read;
    if (!chosen) return { ok: true, table: { records: [], headerAt: 0, sheet: read.firstSheet } };
    const styles = parts[STYLES];
    if (styles) {
      const suspects = mayShowOtherwise(styles) ? numbers.all : numbers.dates;
      if (suspects.size > 0) {
        if (large) await collectGarbage();
        const unreadable = await showFormats(chosen, suspects, { ...parts, [STYLES]: formatEscapesQuoted(styles) }, Workbook, mark);
        if (unreadable) return { ok: false, problem: unreadable };
      }
    } else {
      // No formats part, yet a number names a format: what it shows cannot be known.
      const unformatted = firstOf(numbers.all, read.styled);
      if (unformatted) return { ok: false, problem: formatsUnreadable(chosen.sheet, unformatted) };
    }
    if (unread.length > 0) chosen.unreadSheets = unread;
    return { ok: true, table: chosen };
  },
};

/**
 * The suspect cells read again with the workbook's formats, so that a figure is read as
 * the unit sees it, or refused. A cell formatted as a date gets the date as its text
 * ("01/05/2026"), a cell formatted as a percentage what it shows ("97,5%", the file holding
 * 0.975; `table.percent` keeps that number for the message). No number rule accepts
 * either, so each is reported rather than added up as 46143 or 0.975.
 */
async function showFormats(
  table: Table,
  suspects: Set<string>,
  parts: Record<string, Uint8Array>,
  Workbook: new () => BoundedWorkbook,
  mark: ',' | '.',
): Promise<Omit<Problem, 'file' | 'severity'> | undefined> {
  const wb = new Workbook().checkFormats();
  try {
    await wb.xlsx.loadFromFiles(parts, { ignoreNodes: IGNORED_NODES });
  } catch {
    return formatsUnreadable(table.sheet, firstOf(suspects, await styledCells(Workbook, parts, table.sheet)));
  }
  const ws = wb.worksheets.find((w) => w.name === table.sheet);
  if (!ws) return formatsUnreadable(table.sheet);
  // A suspect whose format is not found would read as the number the file holds, whatever
  // Excel shows: the return is refused rather than have 0,975 added up for "97,5%".
  const unformatted = firstOf(suspects, wb.unformatted.get(table.sheet ?? ''));
  if (unformatted) return formatsUnreadable(table.sheet, unformatted);
  const byLine = new Map(table.records.map((r) => [r.line, r]));
  const percent = new Map<string, string>();
  const displayed = new Map<string, Displayed>();
  for (const key of suspects) {
    const [row, col] = key.split(':').map(Number) as [number, number];
    const cell = ws.getCell(row, col);
    const value = cell.value;
    const date = value instanceof Date ? value : typeof value === 'object' && value !== null && (value as { result?: unknown }).result instanceof Date ? ((value as { result: Date }).result) : undefined;
    const record = byLine.get(row);
    if (!record) continue;
    if (date) {
      record.cells[col - 1] = `${String(date.getUTCDate()).padStart(2, '0')}/${String(date.getUTCMonth() + 1).padStart(2, '0')}/${date.getUTCFullYear()}`;
      continue;
    }
    const n = numberOf(value);
    // Zero is zero at any scale: a 0 in a percentage cell ("0%") is read as it is.
    const shown = n !== undefined && n !== 0 ? shownOtherwise(cell.numFmt) : undefined;
    if (shown === undefined) continue;
    if (shown.kind === 'PERCENT') {
      record.cells[col - 1] = `${numberText(n! * 100, mark)}%`;
      percent.set(`${row}:${col - 1}`, numberText(n!, mark));
      continue;
    }
    // Divided by thousands, or not shown: the cell reads as empty and is refused with both numbers.
    record.cells[col - 1] = '';
    displayed.set(`${row}:${col - 1}`, {
      stored: numberText(n!, mark),
      kind: shown.kind,
      shown: shown.kind === 'THOUSANDS' ? numberText(n! / shown.divisor, mark) : '',
      divisor: shown.kind === 'THOUSANDS' ? shown.divisor : 1,
    });
  }
  if (percent.size > 0) table.percent = percent;
  if (displayed.size > 0) table.displayed = displayed;
  return undefined;
}

/**
 * The cells of a sheet that name a format, from a read without the formats (where every
 * format named is unresolved). Made only to name the cell when the formats cannot be parsed.
 */
async function styledCells(Workbook: new () => BoundedWorkbook, parts: Record<string, Uint8Array>, sheet: string | undefined): Promise<Set<string> | undefined> {
  const wb = new Workbook().checkFormats();
  try {
    await wb.xlsx.loadFromFiles(withoutFormats(parts), { ignoreNodes: IGNORED_NODES });
  } catch {
    return undefined; // the first read of the same parts did not fail; the cell is then not named
  }
  return wb.unformatted.get(sheet ?? '');
}

/** The first of `cells` ("row:col", in the sheet's order) that is in `among`. */
function firstOf(cells: Set<string>, among: Set<string> | undefined): string | undefined {
  if (!among || among.size === 0) return undefined;
  for (const key of cells) if (among.has(key)) return key;
  return undefined;
}

/** The workbook's formats cannot be read (damaged, cut off, or naming formats it lacks), at a number cell when one is known. */
function formatsUnreadable(sheet: string | undefined, at?: string): Omit<Problem, 'file' | 'severity'> {
  const where: Pick<Problem, 'line' | 'sheet' | 'cell'> = {};
  if (at !== undefined) {
    const [row, col] = at.split(':').map(Number) as [number, number];
    Object.assign(where, { line: row, sheet, cell: `${columnLetter(col)}${row}` });
  }
  return { code: 'XLSX_UNREADABLE', ...where, params: { reason: 'FORMATS' } };
}
