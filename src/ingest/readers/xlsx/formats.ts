// The cell formats of styles.xml, and what each shows a number as. A unit reads the cell as
// Excel shows it: 0.975 formatted 0.0% is "97,5%", 46143 formatted dd/mm/yyyy is a date,
// 1234567 formatted #,##0, is "1.235". The reader asks only for the formats of number cells
// whose format number is not the plain default.
import { parseXml, partText, type Attrs, type XmlEvents } from '../../../ooxml/xml.js';

/**
 * The built-in number formats (ECMA-376 Part 1, §18.8.30) that show a number otherwise than as
 * it is: percentages, and dates and times (including the East Asian ones, 27–36 and 50–58, and
 * the Thai dates 71–81, which Excel keeps by number). The others are numbers, text or General.
 */
const BUILT_IN: Record<number, string> = {
  9: '0%',
  10: '0.00%',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy h:mm',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
};
for (const id of [
  27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80,
  81,
])
  BUILT_IN[id] = 'yyyy-mm-dd';

/**
 * A number format's code without what only adds text or space: quoted text, escaped
 * characters, bracketed codes ([Red], [$-42A]), and the character after `_` (a space its
 * width) or `*` (repeated to fill the cell), as in the accounting format `_-* #,##0 ₫_-`.
 * Elapsed-time brackets ([h], [mm], [ss]) are kept as their letters: they are a time.
 */
const formatOnly = (format: string) =>
  format.replace(/"[^"]*"|\\.|\[([hms])\1*\]|\[[^\]]*\]|[_*]./gi, (_m, time?: string) => time ?? '');

/** Whether a number format multiplies by 100: a % sign that is not quoted or escaped text. */
export function scalesByHundred(format: unknown): boolean {
  return typeof format === 'string' && formatOnly(format).includes('%');
}

/** How a format shows a number other than as it is: a percentage (×100), divided by `divisor` (1,000 per trailing comma), not at all, or as a date. */
export type Shown =
  | { kind: 'PERCENT' }
  | { kind: 'THOUSANDS'; divisor: number }
  | { kind: 'HIDDEN' }
  | { kind: 'DATE'; time: boolean; date: boolean; seconds: boolean };

/**
 * Whether a number format shows a positive number otherwise than as it is. Besides a
 * percentage: a comma after the number's last digit placeholder (`#,##0,`, `0.0,,`, or
 * `#,##0,.0` before the decimal point) divides it by 1,000 each — 1234567 shows as 1.235 —
 * and a first section with no digit placeholder (`;;;`, or only text) shows no number at all,
 * while the file holds it. Day, month, year, hour, minute or second letters make a date or a
 * time. Only the first section matters (positive numbers); what only adds text or space
 * (formatOnly) is not format. A comma between placeholders (`#,##0`) only groups thousands;
 * General and text (@) are as they are.
 */
export function shownOtherwise(format: unknown): Shown | undefined {
  if (typeof format !== 'string' || format.trim() === '') return undefined;
  // Asked for every number cell, of the few formats a workbook's forms use: each judged once.
  const known = judged.get(format);
  if (known !== undefined) return known === 'AS_IS' ? undefined : known;
  const shown = judge(format);
  if (judged.size < MAX_JUDGED) judged.set(format, shown ?? 'AS_IS');
  return shown;
}

/** The formats judged so far (a value is never changed by its readers), at most MAX_JUDGED of them. */
const judged = new Map<string, Shown | 'AS_IS'>();
const MAX_JUDGED = 1_000;

function judge(format: string): Shown | undefined {
  if (scalesByHundred(format)) return { kind: 'PERCENT' };
  const first = formatOnly(format).split(';')[0]!;
  if (/general|@/i.test(first)) return undefined;
  const letters = first.replace(/am\/pm|a\/p/gi, 'h');
  // An m is a month beside d or y, or alone; with only h or s beside it, minutes.
  if (/[dmyhs]/i.test(letters))
    return {
      kind: 'DATE',
      date: /[dy]/i.test(letters) || !/[hs]/i.test(letters),
      time: /[hs]/i.test(letters),
      seconds: /s/i.test(letters),
    };
  if (!/[0#?]/.test(first)) return { kind: 'HIDDEN' };
  let commas = 0;
  for (const m of first.matchAll(/[0#?](,+)(?![0#?])/g)) commas += m[1]!.length;
  return commas > 0 ? { kind: 'THOUSANDS', divisor: 1000 ** Math.min(commas, 5) } : undefined;
}

/** The cell formats of a workbook: by format number (`s`), the number format's code ('' for General). */
export interface Formats {
  codes: string[];
}

/** styles.xml, read: the number formats it defines, and the cell formats (`cellXfs`) in order. */
export function readFormats(bytes: Uint8Array): Formats {
  const { handler } = parseXml(partText(bytes), () => new StylesHandler());
  if (!handler.done) throw new FormatsError();
  return { codes: handler.xfs.map((id) => handler.numFmts.get(id) ?? BUILT_IN[id] ?? '') };
}

/** styles.xml is not whole: it ends before its cell formats are closed, or holds none. */
export class FormatsError extends Error {}

class StylesHandler implements XmlEvents {
  numFmts = new Map<number, string>();
  xfs: number[] = [];
  done = false;
  private depth = 0;
  private inXfs = false;
  private inNumFmts = false;
  open(local: string, attrs: Attrs): boolean | void {
    this.depth++;
    if (this.depth === 2) {
      if (local === 'numFmts') this.inNumFmts = true;
      else if (local === 'cellXfs') this.inXfs = true;
      else if (local !== 'styleSheet') return true; // fonts, fills, borders, cell styles, dxfs: not read
      return;
    }
    if (this.depth === 3 && this.inNumFmts && local === 'numFmt') {
      const id = Number(attrs.get('numFmtId'));
      if (Number.isInteger(id)) this.numFmts.set(id, attrs.get('formatCode') ?? '');
    } else if (this.depth === 3 && this.inXfs && local === 'xf') {
      const id = Number(attrs.get('numFmtId') ?? 0);
      this.xfs.push(Number.isInteger(id) ? id : 0);
    }
    if (this.depth >= 3) return true;
  }
  close(local: string): void {
    if (this.depth === 2) {
      if (local === 'cellXfs') this.done = true;
      this.inXfs = false;
      this.inNumFmts = false;
    }
    this.depth--;
  }
  text(): void {}
}
