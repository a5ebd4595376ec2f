// The PDF beside the DOCX (`build --pdf`), made by LibreOffice as offices send it:
// `soffice --headless --convert-to pdf`, with a private profile so it runs while the
// clerk has LibreOffice open, into a temporary folder; the PDF is then published the
// way every report is (whole or not at all), so a failed or slow conversion leaves no
// partial PDF. The DOCX, already written, is kept whatever happens here.
import { spawn } from 'node:child_process';
import {
  accessSync,
  constants,
  existsSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { FatalError } from '../messages/problem.js';
import { writeFileAtomic } from './atomic.js';

/** Longest a conversion may take (a 4-page report takes 3–5 s; the 243-page national one 6 min). */
export const PDF_TIMEOUT_MS = 10 * 60 * 1000;

const NAMES = process.platform === 'win32' ? ['soffice.exe', 'soffice.com'] : ['soffice', 'libreoffice'];
/** Where the installers put it when it is not on PATH. */
const USUAL =
  process.platform === 'win32'
    ? [
        'C:\\Program Files\\LibreOffice\\program\\soffice.exe',
        'C:\\Program Files (x86)\\LibreOffice\\program\\soffice.exe',
      ]
    : process.platform === 'darwin'
      ? ['/Applications/LibreOffice.app/Contents/MacOS/soffice']
      : [];

/** LibreOffice's command: BAOCAO_SOFFICE, else the first on PATH, else where installers put it. */
export function findSoffice(env: Record<string, string | undefined>): string | undefined {
  const executable = (p: string) => {
    try {
      accessSync(p, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  };
  if (env.BAOCAO_SOFFICE) return executable(env.BAOCAO_SOFFICE) ? env.BAOCAO_SOFFICE : undefined;
  for (const dir of (env.PATH ?? '').split(path.delimiter).filter(Boolean))
    for (const name of NAMES) if (executable(path.join(dir, name))) return path.join(dir, name);
  return USUAL.find(executable);
}

export interface PdfOptions {
  env: Record<string, string | undefined>;
  /** The PDF as messages name it. */
  shown: string;
  force?: boolean;
  timeoutMs?: number;
  /** The DOCX as LibreOffice is to read it (the report without what only Word uses). */
  printable?: (docx: Uint8Array) => Uint8Array;
}

/**
 * Converts `docx` and writes `pdf`; throws PDF_CONVERTER_MISSING or PDF_FAILED (the DOCX stays).
 * A PDF left at that path by an earlier run holds that run's figures, not the new DOCX's: when no
 * new PDF can be made it is moved aside (`… (bản trước).pdf`), never left to be sent as the new
 * report, and the problem names where it went (`moved`).
 */
export async function writePdf(docx: string, pdf: string, opts: PdfOptions): Promise<void> {
  try {
    await convert(docx, pdf, opts);
  } catch (err) {
    if (err instanceof FatalError && existsSync(pdf)) {
      const aside = asideName(pdf);
      renameSync(pdf, aside);
      const moved = path.join(path.dirname(opts.shown), path.basename(aside));
      for (const p of err.problems) p.params = { ...p.params, moved };
    }
    throw err;
  }
}

/** A free name beside `pdf` for the earlier run's PDF: "bao-cao (bản trước).pdf", then "(bản trước 2)"… */
function asideName(pdf: string): string {
  const base = pdf.replace(/\.pdf$/i, '');
  for (let k = 1; ; k++) {
    const name = `${base} (bản trước${k === 1 ? '' : ` ${k}`}).pdf`;
    if (!existsSync(name)) return name;
  }
}

async function convert(docx: string, pdf: string, opts: PdfOptions): Promise<void> {
  const source = readFileSync(docx);
  const bytes = await pdfBytes(opts.printable ? opts.printable(source) : source, path.basename(docx), opts);
  await writeFileAtomic(pdf, bytes, { shown: opts.shown, force: opts.force });
}

/**
 * The PDF LibreOffice makes of a DOCX (`name` is the file's name, for LibreOffice's own);
 * PDF_CONVERTER_MISSING or PDF_FAILED, as `opts.shown` names it.
 */
export async function pdfBytes(
  docxBytes: Uint8Array,
  name: string,
  opts: Pick<PdfOptions, 'env' | 'shown' | 'timeoutMs'>,
): Promise<Uint8Array> {
  const soffice = findSoffice(opts.env);
  if (!soffice) throw FatalError.of('PDF_CONVERTER_MISSING', { file: opts.shown, params: { path: opts.shown } });
  const work = mkdtempSync(path.join(tmpdir(), 'baocao-pdf-'));
  const failed = (reason: string) =>
    FatalError.of('PDF_FAILED', { file: opts.shown, params: { path: opts.shown, reason } });
  try {
    const profile = pathToFileURL(path.join(work, 'profile')).href;
    const outDir = path.join(work, 'out');
    const docx = path.join(work, /\.docx$/i.test(name) ? name : `${name}.docx`);
    writeFileSync(docx, docxBytes);
    const timeout = opts.timeoutMs ?? PDF_TIMEOUT_MS;
    const result = await new Promise<{ code: number | null; timedOut: boolean; stderr: string }>((resolve) => {
      // Its own process group: on a timeout the whole of LibreOffice (launcher and worker) is stopped.
      const child = spawn(
        soffice,
        [
          `-env:UserInstallation=${profile}`,
          '--headless',
          '--norestore',
          '--convert-to',
          'pdf',
          '--outdir',
          outDir,
          docx,
        ],
        {
          stdio: ['ignore', 'ignore', 'pipe'],
          detached: process.platform !== 'win32',
          env: { ...process.env, ...opts.env },
        },
      );
      let stderr = '';
      let timedOut = false;
      child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)));
      const timer = setTimeout(() => {
        timedOut = true;
        try {
          if (process.platform === 'win32') child.kill('SIGKILL');
          else process.kill(-child.pid!, 'SIGKILL');
        } catch {
          // already gone
        }
      }, timeout);
      child.on('error', (err) => {
        clearTimeout(timer);
        resolve({ code: null, timedOut: false, stderr: err.message });
      });
      child.on('close', (code) => {
        clearTimeout(timer);
        resolve({ code, timedOut, stderr });
      });
    });
    if (result.timedOut) throw failed(`TIMEOUT ${Math.round(timeout / 1000)} s`);
    const made = path.join(outDir, path.basename(docx).replace(/\.docx$/i, '') + '.pdf');
    let bytes: Buffer;
    try {
      bytes = readFileSync(made);
    } catch {
      throw failed(
        result.code === 0
          ? 'NO_OUTPUT'
          : `EXIT ${result.code}${result.stderr.trim() ? `: ${result.stderr.trim().split('\n').at(-1)}` : ''}`,
      );
    }
    if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') throw failed('NOT_A_PDF');
    return bytes;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
