// Reads a DOCX back for assertions, and converts it to PDF with LibreOffice.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';

export function docxParts(file: string): Record<string, string> {
  const files = unzipSync(new Uint8Array(readFileSync(file)));
  return Object.fromEntries(
    Object.entries(files)
      .filter(([n]) => n.endsWith('.xml') || n.endsWith('.rels'))
      .map(([n, b]) => [n, strFromU8(b)]),
  );
}

const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** The text of each paragraph of document.xml, in order. */
export function paragraphsText(documentXml: string): string[] {
  return [...documentXml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) =>
    [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => unescapeXml(t[1]!)).join(''),
  );
}

/** Converts with LibreOffice headless (a private profile per call); fails the test if it is missing. */
export function toPdf(docx: string): string {
  return toPdfs([docx])[0]!;
}

/** Several documents in one LibreOffice start (each start costs seconds). */
export function toPdfs(docxs: readonly string[]): string[] {
  const out = mkdtempSync(path.join(tmpdir(), 'baocao-pdf-'));
  const profile = pathToFileURL(mkdtempSync(path.join(tmpdir(), 'baocao-lo-'))).href;
  const r = spawnSync(
    'soffice',
    [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', out, ...docxs],
    { encoding: 'utf8', timeout: 300_000 },
  );
  if (r.error || r.status !== 0)
    throw new Error(`LibreOffice failed (is libreoffice-writer-nogui installed?): ${r.error?.message ?? r.stderr}`);
  return docxs.map((d) => path.join(out, path.basename(d).replace(/\.docx$/, '.pdf')));
}

export function pdfText(pdf: string, page?: number): string {
  const args = ['-layout', ...(page ? ['-f', String(page), '-l', String(page)] : []), pdf, '-'];
  const r = spawnSync('pdftotext', args, { encoding: 'utf8' });
  if (r.error || r.status !== 0)
    throw new Error(`pdftotext failed (is poppler-utils installed?): ${r.error?.message ?? r.stderr}`);
  return r.stdout;
}

export function pdfPages(pdf: string): number {
  const r = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' });
  if (r.error || r.status !== 0) throw new Error(`pdfinfo failed: ${r.error?.message ?? r.stderr}`);
  return Number(/Pages:\s+(\d+)/.exec(r.stdout)![1]);
}
