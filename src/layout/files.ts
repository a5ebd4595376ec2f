// How files are named: forms and feedback carry the unit's code and name, and a file put
// among the returns is matched to its unit by the code its name starts with.
import path from 'node:path';
import type { Definition, Unit } from '../definition/parse.js';

/** File names are at most 255 bytes on the usual file systems; the name is cut to fit, the code never. */
const MAX_NAME_BYTES = 255;

export type FormFormat = 'xlsx' | 'csv';

/** What may follow a unit's code at the start of a file's name: a separator, or the name's end. */
const SEPARATOR = /[\s_.-]/;

/**
 * The unit a file's name starts with, as forms are named ("024 - Thành phố Hà Giang.xlsx",
 * "024_dong-van.csv", "X-1 - Phường Một.csv"): the longest roster code followed by a separator.
 */
export function unitNamedByFile(def: Definition, file: string): Unit | undefined {
  const base = path.basename(file).normalize('NFC');
  for (let end = base.length; end > 0; end--)
    if (end === base.length || SEPARATOR.test(base[end]!)) {
      const unit = def.unitByCode.get(base.slice(0, end));
      if (unit) return unit;
    }
  return undefined;
}

/** Characters no file system accepts in a name (and U+FFFD, which stands for a lost one), replaced. */
export const safeFileText = (s: string) => s.normalize('NFC').replace(/[\\/:*?"<>|\u0000-\u001f\ufffd]/g, '_');

/**
 * `fixed + name + ext`, NFC, with `name` cut (and "…" added) so that the whole fits a file
 * name's 255 bytes; `fixed` and `ext` are never cut.
 */
export function fitFileName(fixed: string, name: string, ext: string): string {
  const bytes = (s: string) => Buffer.byteLength(s, 'utf8');
  let body = name.normalize('NFC');
  if (bytes(fixed + body + ext) > MAX_NAME_BYTES) {
    const chars = [...body];
    while (chars.length > 0 && bytes(fixed + chars.join('') + '…' + ext) > MAX_NAME_BYTES) chars.pop();
    body = chars.join('').trimEnd() + '…';
  }
  return fixed + body + ext;
}

/**
 * "024 - Thành phố Hà Giang.xlsx", with characters no file system accepts replaced, cut to fit a
 * file name after `prefix` (the feedback's "Phản hồi - ").
 */
export function formFileName(unit: Unit, format: FormFormat = 'xlsx', prefix = ''): string {
  return fitFileName(`${prefix}${safeFileText(unit.code)} - `, safeFileText(unit.name), `.${format}`);
}
