// Who sent their return on time: each roster unit against period.deadline, by its first
// receipt in the register — on time, late by so many calendar days, received with no receipt
// recorded (a file put in the folder by hand), or not received. A return that is not the one
// received (edited since, or another file in its place) is RETURN_CHANGED, a warning.
import { differenceInCalendarDays, parseISO } from 'date-fns';
import path from 'node:path';
import type { Definition } from '../definition/parse.js';
import type { ReturnSummary } from '../ingest/files.js';
import type { Problem } from '../messages/problem.js';
import type { CheckedReturns } from '../validate/validate.js';
import { receiptFile, type Receipt, type Register } from './register.js';

export interface Timeliness {
  deadline: string;
  onTime: string[];
  late: { unit: string; received: string; daysLate: number }[];
  /** Received, with no receipt in the register. */
  unknown: string[];
  notReceived: string[];
}

/** "14:05 ngày 17/06/2025": a receipt's time as it was recorded there (its own offset, not this machine's). */
export function receiptTime(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${iso.slice(11, 16)} ngày ${d}/${m}/${y}`;
}

/** Each unit's receipts, earliest first. */
export function receiptsByUnit(register: Register | undefined): Map<string, Receipt[]> {
  const byUnit = new Map<string, Receipt[]>();
  for (const r of [...(register?.receipts ?? [])].sort((a, b) => Date.parse(a.receivedAt) - Date.parse(b.receivedAt)))
    byUnit.set(r.unit, [...(byUnit.get(r.unit) ?? []), r]);
  return byUnit;
}

/** The files each unit's rows were read from. */
export function filesByUnit(checked: CheckedReturns): Map<string, string[]> {
  const byUnit = new Map<string, string[]>();
  for (const [file, units] of checked.unitsByFile ?? [])
    for (const u of units) byUnit.set(u, [...(byUnit.get(u) ?? []), file]);
  return byUnit;
}

/** The calendar day a receipt was recorded on, where it was recorded. */
const receiptDay = (iso: string) => iso.slice(0, 10);

export function assessTimeliness(
  def: Definition,
  register: Register | undefined,
  checked: CheckedReturns,
  files: readonly ReturnSummary[],
  cwd: string,
): { timeliness?: Timeliness; problems: Problem[] } {
  const problems: Problem[] = [];
  const receipts = receiptsByUnit(register);
  // The files each unit's rows were read from, with their SHA-256.
  const digests = new Map(files.map((f) => [f.file, f.sha256]));
  const filesOf = filesByUnit(checked);

  if (register)
    for (const unit of checked.received) {
      const own = receipts.get(unit);
      if (!own) continue;
      const latest = own.at(-1)!;
      for (const file of filesOf.get(unit) ?? []) {
        const digest = digests.get(file);
        if (digest === undefined || own.some((r) => r.sha256 === digest)) continue;
        const same = own.some((r) => receiptFile(def, r) === path.resolve(cwd, file));
        problems.push({
          code: 'RETURN_CHANGED',
          severity: 'warning',
          file,
          unit,
          params: {
            unitName: def.unitByCode.get(unit)!.name,
            reason: same ? 'EDITED' : 'OTHER_FILE',
            received: latest.file,
            receivedAt: receiptTime(latest.receivedAt),
          },
        });
      }
    }

  const deadline = def.period.deadline;
  if (deadline === undefined) return { problems };
  const t: Timeliness = { deadline, onTime: [], late: [], unknown: [], notReceived: [...checked.missing] };
  for (const unit of checked.received) {
    const first = receipts.get(unit)?.[0];
    if (!first) {
      t.unknown.push(unit);
      continue;
    }
    const daysLate = differenceInCalendarDays(parseISO(receiptDay(first.receivedAt)), parseISO(deadline));
    if (daysLate > 0) t.late.push({ unit, received: first.receivedAt, daysLate });
    else t.onTime.push(unit);
  }
  return { timeliness: t, problems };
}
