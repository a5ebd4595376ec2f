// CSV and other delimited text: bytes → text (../decode.ts) → records (../csv.ts).
// The header is the first record that names every required column (title lines above it,
// as in a form saved as CSV, are passed over), else the first record.
import { parseCsv } from '../csv.js';
import { decodeText } from '../decode.js';
import { findHeader } from '../headers.js';
import type { ReadOutcome, Reader, ReaderOptions } from './types.js';

export const csvReader: Reader = {
  read(bytes: Uint8Array, opts: ReaderOptions): ReadOutcome {
    const decoded = decodeText(bytes, opts.encoding);
    if (!decoded.ok)
      return decoded.code === 'NOT_TEXT'
        ? { ok: false, problem: { code: 'NOT_TEXT', params: { kind: decoded.kind } } }
        : {
            ok: false,
            problem: {
              code: 'INVALID_ENCODING',
              params: { encoding: decoded.encoding, detected: decoded.detected ? 1 : 0 },
            },
          };
    const table = parseCsv(decoded.text);
    return {
      ok: true,
      table: {
        records: table.records,
        headerAt: Math.max(0, findHeader(table.records)),
        encoding: decoded.encoding,
        broken: table.broken,
      },
    };
  },
};
