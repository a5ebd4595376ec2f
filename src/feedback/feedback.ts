// Each unit's problems, ready to send back (`check --feedback DIR`): one workbook per
// unit that has problems, in Vietnamese, one row per problem with where it is (the
// sheet and cell, or the line), the indicator, the value, what is wrong and how to
// fix it. Problems of a file as a whole go to the units its rows name, or to the unit
// whose code starts the file's name (forms are named "024 - Thành phố Hà Giang.xlsx").
import path from 'node:path';
import type { Definition, Unit } from '../definition/parse.js';
import { safeText } from '../messages/catalog.js';
import { officeOnly, unitMessage } from './unit-messages.js';
import { factsOf, type Problem } from '../messages/problem.js';
import type { CheckedReturns } from '../validate/validate.js';
import { fitFileName, formFileName, safeFileText, unitNamedByFile } from '../layout/files.js';
import { FEEDBACK_HEAD } from '../layout/feedback.js';
import { feedbackKeywords } from './marker.js';
import {
  loadExcelTs,
  newWorkbook,
  titledSheet,
  TITLED_HEADER_ROW,
  workbookBytes,
  workbookDate,
} from '../write/xlsx.js';

/** Every feedback file's name starts so; with the marker inside, it is how a previous run's files are known. */
export const FEEDBACK_PREFIX = 'Phản hồi - ';

export interface Feedback {
  /** The unit, or undefined for a file whose unit could not be told. */
  unit?: Unit;
  /** The file name to write, in the feedback folder. */
  name: string;
  problems: Problem[];
}

/** The problems of each unit that has any, in roster order; then files no unit can be told for. */
export function groupFeedback(def: Definition, problems: readonly Problem[], checked: CheckedReturns): Feedback[] {
  const byUnit = new Map<string, Problem[]>();
  const byFile = new Map<string, Problem[]>();
  const add = <K>(map: Map<K, Problem[]>, key: K, p: Problem) => {
    const list = map.get(key);
    if (list) list.push(p);
    else map.set(key, [p]);
  };
  for (const p of problems) {
    // A unit's return found twice in the folder is the office's to settle (it keeps one file),
    // not the unit's to fix: it is left out, unless the file is named for another unit, which
    // may have sent the first unit's form by mistake; that unit is told.
    if (p.code === 'DUPLICATE_RETURN') {
      const named = factsOf(p).namedCode;
      if (typeof named === 'string' && def.unitByCode.has(named)) add(byUnit, named, p);
      continue;
    }
    // Likewise a file only misnamed (the unit it is named for sent its own return): the office renames it.
    if (p.code === 'FILE_NAMES_OTHER_UNIT' && factsOf(p).elsewhere !== undefined) continue;
    // And what is the office's own (a scan in its folder, its archive of last period).
    if (officeOnly(p)) continue;
    if (p.unit !== undefined && def.unitByCode.has(p.unit)) add(byUnit, p.unit, p);
    else if (p.file !== undefined) {
      const units =
        checked.unitsByFile?.get(p.file) ??
        [unitNamedByFile(def, p.file)?.code].filter((u): u is string => u !== undefined);
      if (units.length > 0) for (const u of units) add(byUnit, u, p);
      else add(byFile, p.file, p);
    }
    // A problem of the whole province (a sum too large, no returns at all) is no unit's to fix.
  }
  // Within a unit: by file as read, then by line; problems of a whole file or unit after its lines.
  const files = new Map<string, number>();
  for (const p of problems) if (p.file !== undefined && !files.has(p.file)) files.set(p.file, files.size);
  const rank = (p: Problem) => [p.file === undefined ? Infinity : files.get(p.file)!, p.line ?? Infinity] as const;
  for (const list of [...byUnit.values(), ...byFile.values()])
    list.sort((a, b) => {
      const [fa, la] = rank(a);
      const [fb, lb] = rank(b);
      return fa - fb || (la === lb ? 0 : la < lb ? -1 : 1);
    });
  // Names unique by construction, as a file system that ignores case and normalisation sees
  // them: a file's own name keeps its extension ("zz.csv", "zz.xlsx"), and a name still taken
  // (two names that differ only in a character no file system accepts) gets a number.
  const taken = new Set<string>();
  const unique = (name: string) => {
    let n = name;
    for (let i = 2; taken.has(n.toLowerCase()); i++)
      n = fitFileName(FEEDBACK_PREFIX, `${name.slice(FEEDBACK_PREFIX.length, -'.xlsx'.length)} (${i})`, '.xlsx');
    taken.add(n.toLowerCase());
    return n;
  };
  const out: Feedback[] = def.units
    .filter((u) => byUnit.has(u.code))
    .map((u) => ({ unit: u, name: unique(formFileName(u, 'xlsx', FEEDBACK_PREFIX)), problems: byUnit.get(u.code)! }));
  for (const [file, list] of byFile)
    out.push({
      name: unique(fitFileName(FEEDBACK_PREFIX, safeFileText(path.basename(file)), '.xlsx')),
      problems: list,
    });
  return out;
}

/** "What is wrong. What to do." → the two, at the first sentence end outside quotes. */
export function splitMessage(text: string): { what: string; fix: string } {
  let quoted = false;
  for (let i = 0; i < text.length - 1; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (
      !quoted &&
      (ch === '.' || ch === '!' || ch === '?' || ch === ';') &&
      text[i + 1] === ' ' &&
      i + 2 < text.length
    )
      return {
        what: text.slice(0, ch === ';' ? i : i + 1).trim(),
        fix: text
          .slice(i + 2)
          .trim()
          .replace(/^./, (c) => c.toUpperCase()),
      };
  }
  return { what: text, fix: '' };
}

const WIDTHS = [18, 15, 13, 28, 12, 9, 45, 45, 26];

/** "Biểu mẫu!E5", "Biểu mẫu, dòng 5", "dòng 5", or nothing. */
function place(p: Problem): string {
  if (p.sheet !== undefined)
    return p.cell !== undefined
      ? `${p.sheet}!${p.cell}`
      : p.line !== undefined
        ? `${p.sheet}, dòng ${p.line}`
        : p.sheet;
  return p.line !== undefined ? `dòng ${p.line}` : '';
}

/** The feedback workbook of one unit (dated like the forms: the period's end, so the same problems give the same bytes). */
export async function feedbackWorkbook(def: Definition, fb: Feedback): Promise<Uint8Array> {
  const x = await loadExcelTs();
  const date = workbookDate(def);
  const wb = newWorkbook(x, date);
  wb.keywords = feedbackKeywords(fb.name);
  wb.title = `Phản hồi kiểm tra số liệu ${def.period.label}`;
  const errors = fb.problems.filter((p) => p.severity === 'error').length;
  const warnings = fb.problems.length - errors;
  const who = fb.unit
    ? `${fb.unit.code} ${fb.unit.name}`
    : `tệp ${fb.name.slice(FEEDBACK_PREFIX.length, -'.xlsx'.length)}`;
  const ws = titledSheet(wb, {
    name: 'Phản hồi',
    title: `PHẢN HỒI KIỂM TRA SỐ LIỆU BÁO CÁO ${def.period.label.toUpperCase()} — ${who}`,
    note: `${errors} lỗi, ${warnings} cảnh báo. Đề nghị sửa các lỗi trong tệp báo cáo rồi gửi lại; cảnh báo là điều cần xem lại, không bắt buộc sửa.`,
    header: [...FEEDBACK_HEAD],
    activeColumn: 'A',
  });
  fb.problems.forEach((p, i) => {
    const { what, fix } = splitMessage(unitMessage(p));
    const indicator = p.indicator === undefined ? undefined : def.indicatorByCode.get(p.indicator);
    const value = factsOf(p).value;
    const row = ws.getRow(TITLED_HEADER_ROW + 1 + i);
    // Text from the returns (file and sheet names, values) as messages show it: control
    // characters (which XML cannot hold) replaced, a 10 MB cell cut to its start.
    const cells = [
      p.file === undefined ? '' : safeText(path.basename(p.file)),
      safeText(place(p)),
      p.indicator ?? '',
      indicator?.label ?? '',
      value === undefined ? '' : safeText(String(value)),
      p.severity === 'error' ? 'Lỗi' : 'Cảnh báo',
      what,
      fix,
      p.code,
    ];
    cells.forEach((v, c) => {
      const cell = row.getCell(c + 1);
      cell.numFmt = '@';
      cell.value = v;
      cell.alignment = { wrapText: c < 8, vertical: 'top' };
    });
    // Row heights are set: not every program grows a row to its wrapped text on opening.
    const lines = Math.max(1, ...cells.slice(0, 8).map((v, c) => Math.ceil([...v].length / (WIDTHS[c]! - 1))));
    row.height = 15 * lines;
    if (p.severity === 'error') row.getCell(6).font = { bold: true, color: { argb: 'FFC00000' } };
  });
  ws.columns = WIDTHS.map((width) => ({ width }));
  ws.autoFilter = { from: `A${TITLED_HEADER_ROW}`, to: `I${TITLED_HEADER_ROW + fb.problems.length}` };
  return workbookBytes(wb, date);
}
