// A worksheet's cells as the records a CSV export of it would hold, each cell's text what
// the unit sees in it: numbers written back exactly, formula cells as their saved result,
// a number formatted as a date as that date, as a percentage as the percentage, merged cells
// as their area's first cell. What the text alone cannot say is noted beside it (Table.notes).
import { findHeader } from '../../headers.js';
import { readsTwoWays } from '../../../numbers/parse.js';
import type { CsvRecord } from '../../csv.js';
import type { CellNote, Outside, Table } from '../types.js';
import type { Cell, SheetCells } from './cells.js';
import { admitMerges } from './merges.js';
import { columnLetter, isoDay } from './refs.js';
import { shownOtherwise, type Formats } from './formats.js';

/**
 * A number cell as exact text. Excel keeps 15 significant digits; a formula's saved
 * result can carry binary noise past them (0.1+0.2 = 0.30000000000000004), which is
 * dropped, as Excel does when it shows the cell. Written with the returns' decimal mark.
 */
export function numberText(n: number, mark: ',' | '.'): string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isSafeInteger(n)) return n === 0 ? '0' : String(n); // -0 is 0
  if (Number.isInteger(n)) return BigInt(n).toString();
  const exact = Number(n.toPrecision(15));
  if (Number.isInteger(exact)) return BigInt(exact).toString();
  let text = String(exact);
  if (/e/i.test(text)) text = exact.toFixed(20).replace(/0+$/, '');
  return mark === '.' ? text : text.replace('.', ',');
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A date serial as the unit sees it: dd/mm/yyyy (with the time when the format shows one), or
 * the time alone. Excel counts 1900 as a leap year (serial 60 is 29 February 1900, a day that
 * never was); the 1904 system counts from 1 January 1904. A serial Excel cannot show as a date
 * (below 0, past 9999) shows as "#######".
 */
export function serialText(
  serial: number,
  date1904: boolean,
  shows: { date: boolean; time: boolean; seconds: boolean },
): string {
  if (serial < 0 || serial >= 2_958_466) return '#######';
  const days = Math.floor(serial);
  const seconds = Math.round((serial - days) * 86_400);
  let text = '';
  if (shows.date) {
    let y: number, m: number, d: number;
    if (!date1904 && days === 0)
      [y, m, d] = [1900, 1, 0]; // Excel shows serial 0 as 0 January 1900
    else if (!date1904 && days === 60) [y, m, d] = [1900, 2, 29];
    else {
      const epoch = date1904 ? Date.UTC(1904, 0, 1) : days < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
      const at = new Date(epoch + days * 86_400_000);
      [y, m, d] = [at.getUTCFullYear(), at.getUTCMonth() + 1, at.getUTCDate()];
    }
    text = `${pad(d)}/${pad(m)}/${y}`;
  }
  if (shows.time) {
    const t = `${pad(Math.floor(seconds / 3600) % 24)}:${pad(Math.floor(seconds / 60) % 60)}${shows.seconds ? `:${pad(seconds % 60)}` : ''}`;
    text = text === '' ? t : `${text} ${t}`;
  }
  return text;
}

/** A cell's text as a CSV export of the sheet holds it, before its format is looked at. */
function plainText(cell: Cell, mark: ',' | '.'): string {
  const v = cell.value;
  switch (v.kind) {
    case 'number':
      return numberText(v.number, mark);
    case 'text':
    case 'error':
      return v.text;
    case 'boolean':
      return v.value ? 'TRUE' : 'FALSE';
    case 'date': {
      const day = isoDay(v.text);
      return day ? `${pad(day.day)}/${pad(day.month)}/${day.year}` : v.text;
    }
    case 'empty':
      return '';
  }
}

/** The cell whose format could not be found: a number whose format number is past the workbook's formats, or when there are none to read. */
export class FormatUnknown extends Error {
  constructor(
    readonly line: number,
    readonly col: number,
  ) {
    super('FORMAT_UNKNOWN');
  }
}

export interface SheetOptions {
  mark: ',' | '.';
  date1904: boolean;
  /** The workbook asks to be recalculated when opened: its formula cells' saved results are noted as untrusted. */
  recalculated: boolean;
  /** The workbook's cell formats, asked for when the sheet has a number cell: 'NONE' when the workbook has no formats part, 'DAMAGED' when it cannot be read. */
  formats: () => Formats | 'NONE' | 'DAMAGED';
}

/** The items in ascending order of `by`: as they are when they are (a copy sorted otherwise). */
function inOrder<T>(items: T[], by: (item: T) => number): T[] {
  for (let i = 1; i < items.length; i++)
    if (by(items[i - 1]!) > by(items[i]!)) return [...items].sort((a, b) => by(a) - by(b));
  return items;
}

/** Whether the sheet has a number cell, whose format must then be read. */
export const hasNumbers = (cells: SheetCells) => cells.rows.some((r) => r.cells.some((c) => c.value.kind === 'number'));

/** A cell's key among the notes: its line and column from 0 ("4:5" is F4). */
const noteKey = (line: number, col: number) => `${line}:${col - 1}`;

/** The sheet's records, and whether it has the return's header. */
export function sheetTable(name: string, cells: SheetCells, opts: SheetOptions): { table: Table; hasHeader: boolean } {
  const { mark } = opts;
  /** One note a cell: a formula's outranks its number's, a merge's outranks both. */
  const notes = new Map<string, CellNote>();
  const formats = hasNumbers(cells) ? opts.formats() : undefined;

  const texts = new Map<number, string[]>();
  const uncalculated = new Set<number>();
  // Rows and cells in order, as writers store them (sorted when they are not).
  const rows = inOrder(cells.rows, (r) => r.number);
  for (const row of rows) {
    const line = row.number;
    const out: string[] = [];
    for (const cell of inOrder(row.cells, (c) => c.col)) {
      let text = plainText(cell, mark);
      if (cell.value.kind === 'number') {
        const n = cell.value.number;
        // No formats part: a number naming none (format 0) is General, one naming a format shows what cannot be known.
        // Formats that cannot be read: even format 0 may be a percentage (a workbook's Normal style made one).
        const code =
          typeof formats === 'object'
            ? formats.codes[cell.style]
            : formats === 'NONE' && cell.style === 0
              ? ''
              : undefined;
        if (code === undefined) throw new FormatUnknown(line, cell.col);
        const shown = code === undefined ? undefined : shownOtherwise(code);
        if (shown?.kind === 'DATE') text = serialText(n, opts.date1904, shown);
        // Zero is zero at any scale: a 0 in a percentage cell ("0%") is read as it is.
        else if (shown?.kind === 'PERCENT' && n !== 0) {
          text = `${numberText(n * 100, mark)}%`;
          notes.set(noteKey(line, cell.col), { kind: 'PERCENT', stored: numberText(n, mark) });
        } else if ((shown?.kind === 'THOUSANDS' || shown?.kind === 'HIDDEN') && n !== 0) {
          // Divided by thousands, or not shown: the cell reads as empty and is refused with both numbers.
          notes.set(noteKey(line, cell.col), {
            kind: 'DISPLAYED',
            how: shown.kind,
            stored: numberText(n, mark),
            shown: shown.kind === 'THOUSANDS' ? numberText(n / shown.divisor, mark) : '',
            divisor: shown.kind === 'THOUSANDS' ? shown.divisor : 1,
          });
          text = '';
        } else if (readsTwoWays(text)) notes.set(noteKey(line, cell.col), { kind: 'NUMBER', text });
      }
      if (cell.formula) {
        if (!cell.formula.calculated) {
          notes.set(noteKey(line, cell.col), { kind: 'FORMULA_UNCALCULATED', formula: cell.formula.text });
          uncalculated.add(line);
        } else if (opts.recalculated) {
          notes.set(noteKey(line, cell.col), { kind: 'FORMULA_UNTRUSTED', formula: cell.formula.text, saved: text });
          uncalculated.add(line);
        }
      }
      while (out.length < cell.col - 1) out.push('');
      out[cell.col - 1] = text;
    }
    texts.set(line, out);
  }

  // A merged cell reads as what the unit sees in it, its area's first cell (a unit code merged
  // down a column); returns.ts refuses it in a value column, where it would count twice.
  const areas = admitMerges(cells.merges);
  for (const area of areas) {
    const master = texts.get(area.top)?.[area.left - 1] ?? '';
    const address = `${columnLetter(area.left)}${area.top}`;
    for (let r = area.top; r <= area.bottom; r++) {
      let out = texts.get(r);
      for (let c = area.left; c <= area.right; c++) {
        if (r === area.top && c === area.left) continue;
        if (!out) texts.set(r, (out = []));
        while (out.length < c - 1) out.push('');
        out[c - 1] = master;
        notes.set(`${r}:${c - 1}`, { kind: 'MERGED', master: address });
      }
    }
  }

  const hidden = new Set(rows.filter((r) => r.hidden).map((r) => r.number));
  const records: CsvRecord[] = [];
  const hiddenRows: number[] = [];
  // A merge may have added rows below the others.
  for (const line of areas.length === 0 ? texts.keys() : [...texts.keys()].sort((a, b) => a - b)) {
    const out = texts.get(line)!;
    if (!uncalculated.has(line) && !out.some((c) => c.trim() !== '')) continue;
    records.push({ line, cells: out });
    if (hidden.has(line)) hiddenRows.push(line);
  }

  // The header: the first row (near the top) that names every required column.
  const headerAt = findHeader(records);
  const table: Table = { records, headerAt: Math.max(0, headerAt), sheet: name };
  if (notes.size > 0) table.notes = notes;
  if (hiddenRows.length > 0) table.hiddenRows = hiddenRows;
  if (cells.hiddenColumns.length > 0) table.hiddenColumns = [...new Set(cells.hiddenColumns)].sort((a, b) => a - b);
  if (cells.far.size > 0)
    table.outside = new Map<number, Outside>(
      [...cells.far].map(([line, far]) => {
        const text = plainText(far.cell, mark).trim();
        return [
          line,
          {
            cell: far.address,
            value: text || (far.cell.formula && !far.cell.formula.calculated ? `=${far.cell.formula.text}` : ''),
            more: far.more,
          },
        ];
      }),
    );
  return { table, hasHeader: headerAt !== -1 };
}
