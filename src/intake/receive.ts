// `baocao receive FILE...`: each return a unit sent is filed, byte for byte, into the returns
// folder under the form's name ("024 - Thành phố Hà Giang.xlsx"), and its receipt recorded in
// the register. A unit's corrected return becomes the current one; the one it replaces is moved
// to REPLACED_FOLDER, never overwritten; a file that is no return of this definition is refused.
import { constants as fsConstants, promises as fs } from 'node:fs';
import path from 'node:path';
import { format, isValid, parseISO } from 'date-fns';
import type { Definition, Unit } from '../definition/parse.js';
import { sha256 } from '../ingest/files.js';
import { MAX_RETURN_BYTES, toMiB } from '../limits.js';
import { readRegularFile } from '../ingest/read.js';
import { readReturn } from '../ingest/returns.js';
import type { Encoding } from '../ingest/decode.js';
import { message } from '../messages/catalog.js';
import type { Lang } from '../messages/lang.js';
import { FatalError, type Problem } from '../messages/problem.js';
import { canonical } from '../write/guard.js';
import { withLock, writeFileAtomic } from '../write/atomic.js';
import type { NumberFormat } from '../numbers/parse.js';
import { lookupUnit, numericCodes } from '../validate/checks/unit.js';
import { fitFileName, safeFileText, unitNamedByFile } from '../layout/files.js';
import {
  emptyRegister,
  readRegister,
  receiptFile,
  REGISTER_FILE,
  registerPath,
  REPLACED_FOLDER,
  writeRegister,
  type Receipt,
} from './register.js';

export interface ReceiveOptions {
  cwd: string;
  definition: Definition;
  files: string[];
  /** --at: when the files were received, if not now. */
  at?: string;
  now: Date;
  encoding?: Encoding;
  numberFormat?: NumberFormat;
  lang: Lang;
}

export interface Filed {
  /** The file as named on the command line. */
  source: string;
  unit: Unit;
  /** Where it was filed (relative to cwd). */
  filedAs: string;
  /** The returns it replaced, and where each is kept now (relative to cwd). */
  replaced?: { file: string; keptAs: string }[];
  /** The same bytes as the unit's current return: nothing moved, the receipt recorded. */
  same?: boolean;
}

/** An ISO 8601 time with the offset of this machine at that moment: "2025-06-17T14:05:00+07:00". */
const stamp = (d: Date) => format(d, "yyyy-MM-dd'T'HH:mm:ssxxx");

/** --at as a time: "2025-06-17", "2025-06-17 14:05", ISO 8601 with or without an offset. RECEIVE_BAD_TIME otherwise. */
export function receiptTimeOf(at: string | undefined, now: Date): { receivedAt: string; recordedAt?: string } {
  if (at === undefined) return { receivedAt: stamp(now) };
  const t = /^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2})?)?([+-]\d{2}:?\d{2}|Z)?$/.test(at.trim())
    ? parseISO(at.trim().replace(' ', 'T'))
    : new Date(NaN);
  if (!isValid(t)) throw FatalError.of('RECEIVE_BAD_TIME', { params: { value: at } });
  return { receivedAt: stamp(t), recordedAt: stamp(now) };
}

const relative = (cwd: string, p: string) => path.relative(cwd, p) || p;
/** A path as the register keeps it: relative to the definition's folder, with "/" on every system. */
const inDefinition = (def: Definition, p: string) => path.relative(def.dir, p).split(path.sep).join('/');
const exists = (p: string) =>
  fs.lstat(p).then(
    () => true,
    () => false,
  );

/** A name in `dir` not yet taken: "name (2).ext" and on. */
async function freeName(dir: string, base: string, ext: string): Promise<string> {
  for (let n = 1; ; n++) {
    const candidate = path.join(dir, fitFileName('', n === 1 ? base : `${base} (${n})`, ext));
    if (!(await exists(candidate))) return candidate;
  }
}

/**
 * Moves a replaced return to where it is kept: renamed, or, across drives (the returns folder on a
 * network share), copied without replacing anything and then removed. OUTPUT_FAILED if it cannot be.
 */
async function moveAside(from: string, to: string, shown: string): Promise<void> {
  try {
    await fs.rename(from, to);
  } catch (err) {
    try {
      if ((err as NodeJS.ErrnoException).code !== 'EXDEV') throw err;
      await fs.copyFile(from, to, fsConstants.COPYFILE_EXCL);
      await fs.rm(from);
    } catch (failed) {
      throw FatalError.of('OUTPUT_FAILED', {
        file: shown,
        params: { path: shown, reason: (failed as NodeJS.ErrnoException).code ?? String(failed) },
      });
    }
  }
}

/** Receives the files in order; returns what was filed and what was refused (one RECEIVE_REFUSED each). */
export async function receiveReturns(opts: ReceiveOptions): Promise<{ filed: Filed[]; refused: Problem[] }> {
  const def = opts.definition;
  const time = receiptTimeOf(opts.at, opts.now);
  const registerShown = relative(opts.cwd, registerPath(def)) || REGISTER_FILE;
  const returnsDir = def.returnsDir;
  const numeric = numericCodes(def);
  const filed: Filed[] = [];
  const refused: Problem[] = [];
  const refuse = (file: string, params: Record<string, string | number>) =>
    refused.push({ code: 'RECEIVE_REFUSED', severity: 'error', file, params });

  // A name that is not there stops the command before anything is filed (a typo, not a unit's problem).
  for (const source of opts.files)
    if (!(await exists(path.resolve(opts.cwd, source))))
      throw FatalError.of('INPUT_NOT_FOUND', { file: source, params: { path: source } });

  return withLock(path.join(def.dir, 'so-theo-doi'), registerShown, async () => {
    const register = (await readRegister(def, registerShown)) ?? emptyRegister(def);
    for (const source of opts.files) {
      const abs = path.resolve(opts.cwd, source);
      if (canonical(path.dirname(abs)) === canonical(returnsDir)) {
        refuse(source, { reason: 'IN_RETURNS' });
        continue;
      }
      const read = readRegularFile(abs, MAX_RETURN_BYTES);
      if (!read.ok) {
        refuse(source, {
          reason: 'UNREADABLE',
          why: 'size' in read ? `${toMiB(read.size)} MiB > ${toMiB(MAX_RETURN_BYTES)} MiB` : read.reason,
        });
        continue;
      }
      const ret = await readReturn(read.bytes, source, { encoding: opts.encoding, numberFormat: opts.numberFormat });
      // The roster units its rows name, and the periods they give.
      const units = new Map<string, Unit>();
      const periods = new Set<string>();
      for (const row of ret.rows) {
        const unit = lookupUnit(def, row.unit, numeric).unit;
        if (!unit) continue;
        units.set(unit.code, unit);
        periods.add(row.period);
      }
      if (units.size === 0) {
        const why = ret.problems.find((p) => p.severity === 'error');
        refuse(source, { reason: 'NOT_A_RETURN', detail: why ? message(why.code, why.params, opts.lang) : '' });
        continue;
      }
      if (units.size > 1) {
        refuse(source, {
          reason: 'SEVERAL_UNITS',
          count: units.size,
          units: [...units.keys()].slice(0, 5).join(', ') + (units.size > 5 ? ', …' : ''),
        });
        continue;
      }
      if (![...periods].some((p) => p.toUpperCase() === def.period.code.toUpperCase())) {
        refuse(source, { reason: 'OTHER_PERIOD', found: [...periods].join(', '), expected: def.period.code });
        continue;
      }
      const unit = [...units.values()][0]!;
      const ext = ret.place !== undefined ? (/\.xlsm$/i.test(source) ? '.xlsm' : '.xlsx') : '.csv';
      const target = path.join(returnsDir, fitFileName(`${safeFileText(unit.code)} - `, safeFileText(unit.name), ext));
      const digest = sha256(read.bytes);
      // The unit's current return(s): files in the folder named for it, and what the register filed for it.
      await fs.mkdir(returnsDir, { recursive: true });
      const inFolder = (await fs.readdir(returnsDir))
        .filter((n) => unitNamedByFile(def, n)?.code === unit.code)
        .map((n) => path.join(returnsDir, n));
      const recorded = register.receipts.filter((r) => r.unit === unit.code).map((r) => receiptFile(def, r));
      const present: string[] = [];
      for (const p of new Set([...inFolder, ...recorded])) if (await exists(p)) present.push(p);
      const receipt: Receipt = {
        unit: unit.code,
        file: inDefinition(def, target),
        source: path.basename(source),
        sha256: digest,
        bytes: read.bytes.length,
        ...time,
      };
      const same = present.length === 1 && present[0] === target && sha256(await fs.readFile(target)) === digest;
      const replaced: NonNullable<Filed['replaced']> = [];
      if (!same) {
        // Moved aside, under the time it was replaced, never overwritten.
        const keptDir = path.join(def.dir, REPLACED_FOLDER);
        for (const old of present) {
          await fs.mkdir(keptDir, { recursive: true });
          const oldExt = path.extname(old);
          const kept = await freeName(
            keptDir,
            `${path.basename(old, oldExt)} (thay lúc ${time.receivedAt.slice(0, 16).replace('T', ' ').replace(':', '.')})`,
            oldExt,
          );
          const oldDigest = sha256(await fs.readFile(old));
          await moveAside(old, kept, relative(opts.cwd, kept));
          replaced.push({ file: relative(opts.cwd, old), keptAs: relative(opts.cwd, kept) });
          (receipt.replaced ??= []).push({
            file: inDefinition(def, old),
            keptAs: inDefinition(def, kept),
            sha256: oldDigest,
          });
        }
        await writeFileAtomic(target, read.bytes, { shown: relative(opts.cwd, target) });
      }
      register.receipts.push(receipt);
      // Each receipt written as it is made: a later file's failure loses none.
      await writeRegister(def, register, registerShown);
      filed.push({
        source,
        unit,
        filedAs: relative(opts.cwd, target),
        ...(replaced.length > 0 && { replaced }),
        ...(same && { same: true }),
      });
    }
    return { filed, refused };
  });
}
