// Bytes to text: detects the encodings Excel on Vietnamese Windows produces
// (UTF-8 with or without BOM, UTF-16 with BOM, Windows-1258) and NFC-normalises.

export const ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1258'] as const;
export type Encoding = (typeof ENCODINGS)[number];

export type Decoded =
  | { ok: true; text: string; encoding: Encoding }
  | { ok: false; code: 'NOT_TEXT'; kind: string }
  | { ok: false; code: 'INVALID_ENCODING'; encoding: Encoding; detected: boolean };

const SIGNATURES: [number[], string][] = [
  [[0x50, 0x4b, 0x03, 0x04], 'Excel .xlsx / ZIP'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'Excel .xls / Word .doc'],
  [[0x25, 0x50, 0x44, 0x46], 'PDF'],
];

const startsWith = (buf: Uint8Array, sig: number[]) => sig.every((b, i) => buf[i] === b);

/** UTF-16 without a BOM: ASCII text leaves every other byte zero. */
function sniffUtf16(buf: Uint8Array): Encoding | undefined {
  const n = Math.min(buf.length, 512) & ~1;
  if (n < 4) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (buf[i] === 0) evenZero++;
    if (buf[i + 1] === 0) oddZero++;
  }
  const half = n / 2;
  if (oddZero > half * 0.6 && evenZero === 0) return 'utf-16le';
  if (evenZero > half * 0.6 && oddZero === 0) return 'utf-16be';
  return undefined;
}

/** One decoder for every file: a fatal one-shot decode keeps no state between calls. */
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** The bytes as UTF-8 (a BOM kept), or undefined when they are not valid UTF-8. */
export function utf8OrUndefined(buf: Uint8Array): string | undefined {
  try {
    return strictUtf8.decode(buf);
  } catch {
    return undefined;
  }
}

/** The encoding; with the text too when finding it meant decoding the file as UTF-8. */
function detect(buf: Uint8Array): { encoding: Encoding; bomLength: number; text?: string } {
  if (startsWith(buf, [0xef, 0xbb, 0xbf])) return { encoding: 'utf-8', bomLength: 3 };
  if (startsWith(buf, [0xff, 0xfe])) return { encoding: 'utf-16le', bomLength: 2 };
  if (startsWith(buf, [0xfe, 0xff])) return { encoding: 'utf-16be', bomLength: 2 };
  const utf16 = sniffUtf16(buf);
  if (utf16) return { encoding: utf16, bomLength: 0 };
  const text = utf8OrUndefined(buf);
  return text === undefined ? { encoding: 'windows-1258', bomLength: 0 } : { encoding: 'utf-8', bomLength: 0, text };
}

function decodeAs(buf: Uint8Array, encoding: Encoding): string | undefined {
  try {
    switch (encoding) {
      case 'utf-8':
        return strictUtf8.decode(buf);
      case 'utf-16le':
      case 'utf-16be':
        if (buf.length % 2 !== 0) return undefined;
        return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(buf);
      case 'windows-1258': {
        // Node's ICU decoder; the 9 bytes the code page leaves undefined come out as C1
        // controls, which means the file is in some other code page (TCVN3, VNI...).
        const text = new TextDecoder('windows-1258').decode(buf);
        return /[\u0080-\u009f]/.test(text) ? undefined : text;
      }
    }
  } catch {
    return undefined;
  }
}

export function decodeText(buf: Uint8Array, forced?: Encoding): Decoded {
  for (const [sig, kind] of SIGNATURES) if (startsWith(buf, sig)) return { ok: false, code: 'NOT_TEXT', kind };
  const found = forced ? { encoding: forced, bomLength: 0 } : detect(buf);
  const { encoding, bomLength } = found;
  const text =
    'text' in found
      ? found.text
      : decodeAs(bomLength && encoding !== 'utf-8' ? buf.subarray(bomLength) : buf, encoding);
  if (text === undefined) return { ok: false, code: 'INVALID_ENCODING', encoding, detected: !forced };
  // A NUL or other C0 control (but tab, CR, LF) means binary data, not a spreadsheet export.
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(text))
    return forced
      ? { ok: false, code: 'INVALID_ENCODING', encoding, detected: false }
      : { ok: false, code: 'NOT_TEXT', kind: 'binary' };
  return { ok: true, text: text.replace(/^\uFEFF/, '').normalize('NFC'), encoding };
}
