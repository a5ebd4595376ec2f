// The ZIP package of a workbook, read from its central directory: which parts it has, and
// those asked for inflated with Node's zlib, each bounded by the size the directory states
// and checked against its CRC-32. A zip bomb is refused from the directory, before anything
// is inflated; a part damaged on the way (its bytes no longer match its checksum) is refused
// as damaged, as Excel refuses it.
import { requireBuiltin } from '../node-builtin.js';

/** Node's zlib, loaded when a package is first read (a CSV-only run never needs it, nor the stream modules it loads). */
let zlib: typeof import('node:zlib') | undefined;
const zlibModule = () => (zlib ??= requireBuiltin<typeof import('node:zlib')>('node:zlib'));

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  packed: number;
  size: number;
  /** Where the entry's local header starts. */
  offset: number;
}

export type ZipProblem = 'NOT_A_ZIP' | 'CORRUPT' | 'DAMAGED' | 'TOO_LARGE';

export class ZipError extends Error {
  constructor(readonly reason: ZipProblem) {
    super(reason);
  }
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const EOCD64_LOCATOR = 0x07064b50;

/** The entries of the central directory, by name (a name given twice is a damaged package: which one is meant cannot be known). */
export function zipEntries(bytes: Uint8Array): Map<string, ZipEntry> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end record is the last 22 bytes, or a comment of up to 65,535 bytes follows it.
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--)
    if (view.getUint32(i, true) === EOCD) {
      end = i;
      break;
    }
  if (end === -1) throw new ZipError('NOT_A_ZIP');
  let count = view.getUint16(end + 10, true);
  let dirSize = view.getUint32(end + 12, true);
  let dirAt = view.getUint32(end + 16, true);
  if (
    (count === 0xffff || dirAt === 0xffffffff || dirSize === 0xffffffff) &&
    end >= 20 &&
    view.getUint32(end - 20, true) === EOCD64_LOCATOR
  ) {
    const at64 = Number(view.getBigUint64(end - 12, true));
    if (at64 + 56 > bytes.length) throw new ZipError('CORRUPT');
    count = Number(view.getBigUint64(at64 + 32, true));
    dirSize = Number(view.getBigUint64(at64 + 40, true));
    dirAt = Number(view.getBigUint64(at64 + 48, true));
  }
  if (dirAt + dirSize > bytes.length) throw new ZipError('CORRUPT');
  const entries = new Map<string, ZipEntry>();
  let at = dirAt;
  for (let k = 0; k < count; k++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL) throw new ZipError('CORRUPT');
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const crc = view.getUint32(at + 16, true);
    let packed = view.getUint32(at + 20, true);
    let size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    let offset = view.getUint32(at + 42, true);
    const nameBytes = bytes.subarray(at + 46, at + 46 + nameLength);
    // Names are UTF-8 when flag 11 says so; Office writes ASCII part names either way.
    const name = Buffer.from(nameBytes.buffer, nameBytes.byteOffset, nameBytes.byteLength).toString(
      flags & 0x800 ? 'utf8' : 'latin1',
    );
    if (size === 0xffffffff || packed === 0xffffffff || offset === 0xffffffff) {
      // ZIP64: the true sizes are in the extra field 0x0001, in this order, each only when needed.
      let e = at + 46 + nameLength;
      const stop = e + extraLength;
      while (e + 4 <= stop) {
        const id = view.getUint16(e, true);
        const len = view.getUint16(e + 2, true);
        if (id === 1) {
          let p = e + 4;
          const next = () => {
            if (p + 8 > e + 4 + len) throw new ZipError('CORRUPT');
            const v = Number(view.getBigUint64(p, true));
            p += 8;
            return v;
          };
          if (size === 0xffffffff) size = next();
          if (packed === 0xffffffff) packed = next();
          if (offset === 0xffffffff) offset = next();
        }
        e += 4 + len;
      }
    }
    if (entries.has(name)) throw new ZipError('CORRUPT');
    entries.set(name, { name, method, flags, crc, packed, size, offset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * Whether an entry's packed data is larger than it could be for its stated size (deflate never
 * grows data by more than a few bytes per 64 KB): its size is false, and it is refused unread.
 */
export const sizeIsFalse = (e: ZipEntry) => e.packed > e.size + Math.ceil(e.size / 16384) * 5 + 1024;

/** An entry's data as it is stored (packed), after its local header. */
export function packedBytes(bytes: Uint8Array, e: ZipEntry): Uint8Array {
  if (e.flags & 1) throw new ZipError('CORRUPT'); // an encrypted entry (a password-protected .xlsx is no ZIP at all)
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (e.offset + 30 > bytes.length || view.getUint32(e.offset, true) !== LOCAL) throw new ZipError('CORRUPT');
  const start = e.offset + 30 + view.getUint16(e.offset + 26, true) + view.getUint16(e.offset + 28, true);
  if (start + e.packed > bytes.length) throw new ZipError('CORRUPT');
  return bytes.subarray(start, start + e.packed);
}

/** The largest piece zlib's output is allocated in at once: a part stating more grows piece by piece, as it is inflated. */
const OUTPUT_PIECE = 1024 * 1024;

/** An entry's bytes: inflated to at most its stated size, which they must fill exactly, and matching its CRC-32. */
export function inflateEntry(bytes: Uint8Array, e: ZipEntry): Uint8Array {
  const packed = packedBytes(bytes, e);
  let out: Uint8Array;
  if (e.method === 0) out = packed;
  else if (e.method === 8) {
    try {
      // One byte more than stated is allowed, so that data longer than its stated size is told from data that fills it.
      // Output in one piece of the stated size (up to 1 MiB; zlib's default piece is 16 KiB, eight times a
      // form's shared strings): half the memory allocated outside V8's heap, which Node 24 collects for.
      out =
        e.size === 0
          ? new Uint8Array(0)
          : zlibModule().inflateRawSync(packed, {
              maxOutputLength: e.size + 1,
              chunkSize: Math.max(64, Math.min(e.size + 1, OUTPUT_PIECE)),
            });
    } catch (err) {
      throw new ZipError((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ? 'CORRUPT' : 'DAMAGED');
    }
  } else throw new ZipError('CORRUPT');
  if (out.length !== e.size) throw new ZipError(e.method === 0 ? 'CORRUPT' : 'DAMAGED');
  if (zlibModule().crc32(out) >>> 0 !== e.crc >>> 0) throw new ZipError('DAMAGED');
  return out;
}

/**
 * What was read from parts that many workbooks share byte for byte: the units' forms of one
 * definition have the same formats, workbook part and relationships. A part whose stored bytes,
 * method, size and checksum are those of one read before (by a pure reading of its bytes, under
 * the same key) is not inflated and read again: inflating it would give the same bytes, already
 * checked against the same checksum. The last few parts of each kind are kept.
 */
export class SharedParts<T> {
  private kept: { key: string; entry: ZipEntry; packed: Buffer; value: T }[] = [];
  constructor(private readonly size = 4) {}

  read(bytes: Uint8Array, e: ZipEntry, key: string, read: (inflated: Uint8Array) => T): T {
    const packed = packedBytes(bytes, e);
    const buf = Buffer.from(packed.buffer, packed.byteOffset, packed.byteLength);
    for (const k of this.kept)
      if (
        k.key === key &&
        k.entry.crc === e.crc &&
        k.entry.size === e.size &&
        k.entry.method === e.method &&
        k.packed.equals(buf)
      )
        return k.value;
    const value = read(inflateEntry(bytes, e));
    this.kept.unshift({ key, entry: e, packed: Buffer.from(buf), value });
    if (this.kept.length > this.size) this.kept.pop();
    return value;
  }
}
