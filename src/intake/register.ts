// The intake register ("sổ theo dõi nhận báo cáo"): every return `baocao receive` filed,
// with its unit, the name it was filed under, its SHA-256 and when it came. One JSON file
// beside the definition, rewritten whole (atomically, under a lock) at each receipt; never
// guessed at: one that cannot be read stops the command, and is left as it is.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as z from 'zod';
import type { Definition } from '../definition/parse.js';
import { FatalError } from '../messages/problem.js';
import { writeFileAtomic } from '../write/atomic.js';

export const REGISTER_FILE = 'so-theo-doi.json';
/** Where a return that a corrected one replaced is kept, beside the definition (never in the returns folder). */
export const REPLACED_FOLDER = 'bao-cao-da-thay';

const receiptSchema = z
  .object({
    unit: z.string(),
    /** Where it was filed, relative to the definition's folder, with "/". */
    file: z.string(),
    /** The name it came under. */
    source: z.string(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    bytes: z.number().int().nonnegative(),
    /** When it was received: ISO 8601 with the offset of where it was recorded. */
    receivedAt: z.string(),
    /** When the receipt was recorded, when later than receivedAt (--at). */
    recordedAt: z.string().optional(),
    /** The returns it replaced, each kept in REPLACED_FOLDER. */
    replaced: z.array(z.object({ file: z.string(), keptAs: z.string(), sha256: z.string() }).strict()).optional(),
  })
  .strict();

const registerSchema = z
  .object({
    format: z.literal('baocao-register'),
    version: z.literal(1),
    period: z.string(),
    receipts: z.array(receiptSchema),
  })
  .strict();

export type Receipt = z.infer<typeof receiptSchema>;
export type Register = z.infer<typeof registerSchema>;

export const registerPath = (def: Definition): string => path.join(def.dir, REGISTER_FILE);

/** The register of a definition, or an empty one when there is none yet. REGISTER_UNREADABLE (exit 2) when it cannot be read as one. */
export async function readRegister(def: Definition, shown: string): Promise<Register | undefined> {
  let text: string;
  try {
    text = readFileSync(registerPath(def), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw FatalError.of('REGISTER_UNREADABLE', {
      file: shown,
      params: { path: shown, reason: (err as NodeJS.ErrnoException).code ?? String(err) },
    });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw FatalError.of('REGISTER_UNREADABLE', { file: shown, params: { path: shown, reason: 'SYNTAX' } });
  }
  const parsed = registerSchema.safeParse(data);
  if (!parsed.success)
    throw FatalError.of('REGISTER_UNREADABLE', { file: shown, params: { path: shown, reason: 'SHAPE' } });
  // Last period's register left beside this period's definition: its receipts are not this period's.
  if (parsed.data.period !== def.period.code)
    throw FatalError.of('REGISTER_UNREADABLE', {
      file: shown,
      params: { path: shown, reason: 'PERIOD', period: parsed.data.period, expected: def.period.code },
    });
  return parsed.data;
}

export const emptyRegister = (def: Definition): Register => ({
  format: 'baocao-register',
  version: 1,
  period: def.period.code,
  receipts: [],
});

export async function writeRegister(def: Definition, register: Register, shown: string): Promise<void> {
  await writeFileAtomic(registerPath(def), new TextEncoder().encode(JSON.stringify(register, null, 2) + '\n'), {
    shown,
  });
}

/** A receipt's file as a path (receipts keep it relative to the definition's folder). */
export const receiptFile = (def: Definition, r: Pick<Receipt, 'file'>): string =>
  path.resolve(def.dir, ...r.file.split('/'));
