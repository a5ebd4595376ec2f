// Choosing a reader: by what the bytes are, then by the file's name. A workbook saved
// under a .csv name is still read as a workbook; a legacy or encrypted one is named
// with what to do, never read as text.
import type { ReadOutcome, Reader } from './types.js';
import { csvReader } from './csv.js';
import { xlsxReader } from './xlsx/index.js';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** The OLE2 container of legacy .xls files — and of password-protected .xlsx files. */
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const startsWith = (buf: Uint8Array, sig: number[]) => sig.every((b, i) => buf[i] === b);
/** The stream name an encrypted Office document keeps its package in (UTF-16LE). */
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le');

/** File names the readers are for (besides .csv): workbooks. */
export const WORKBOOK_NAME = /\.(xlsx|xlsm)$/i;
/** Spreadsheets no reader takes: opened only so that their problem says to save them as .xlsx. */
export const OTHER_SPREADSHEET_NAME = /\.(xls|xlsb|ods)$/i;

/** A reader for these bytes, or the problem that says why none can read them. */
export function chooseReader(bytes: Uint8Array, name: string): Reader | Extract<ReadOutcome, { ok: false }> {
  if (startsWith(bytes, ZIP)) return xlsxReader;
  if (startsWith(bytes, OLE2)) {
    if (Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(ENCRYPTED_PACKAGE))
      return { ok: false, problem: { code: 'XLSX_ENCRYPTED' } };
    return { ok: false, problem: { code: 'XLS_NOT_SUPPORTED', params: { kind: 'xls' } } };
  }
  if (WORKBOOK_NAME.test(name))
    return { ok: false, problem: { code: 'XLSX_UNREADABLE', params: { reason: 'NOT_A_WORKBOOK' } } };
  const other = OTHER_SPREADSHEET_NAME.exec(name)?.[1];
  if (other) return { ok: false, problem: { code: 'XLS_NOT_SUPPORTED', params: { kind: other.toLowerCase() } } };
  return csvReader;
}

export type { Reader, ReadOutcome, ReaderOptions } from './types.js';
