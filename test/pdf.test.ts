// build --pdf: the PDF beside the DOCX through LibreOffice; without LibreOffice, or
// when it fails or takes too long, exit 2 with the DOCX kept and no partial PDF.
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pdfText } from './docx-helpers.js';
import { json, runCli, sampleCopy } from './helpers.js';

/** A stand-in for soffice: a shell script doing `body`. */
function fakeSoffice(body: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'baocao-fake-lo-'));
  const file = path.join(dir, 'soffice');
  writeFileSync(file, `#!/bin/sh\n${body}\n`);
  chmodSync(file, 0o755);
  return file;
}

describe('build --pdf', () => {
  it('writes the PDF beside the DOCX, with the report in it', async () => {
    const dir = sampleCopy();
    const r = await runCli(['build', '--pdf', '--json'], { cwd: dir, env: { PATH: process.env.PATH ?? '' } });
    expect(r.code, r.stderr).toBe(0);
    expect(json(r)).toMatchObject({
      ok: true,
      output: path.join('out', 'bao-cao.docx'),
      pdf: path.join('out', 'bao-cao.pdf'),
    });
    const text = pdfText(path.join(dir, 'out', 'bao-cao.pdf')).replace(/\s+/g, ' ');
    expect(text).toContain('BÁO CÁO');
    expect(text).toContain('Trần Đức Quý');
  });

  it('writes only a PDF when the output is named .pdf (the PDF writer); without LibreOffice, nothing', async () => {
    const dir = sampleCopy();
    const r = await runCli(['build', '-o', 'bao-cao.pdf', '--json'], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? '' },
    });
    expect(r.code, r.stderr).toBe(0);
    expect(json(r)).toMatchObject({ ok: true, output: 'bao-cao.pdf' });
    expect(readdirSync(dir).filter((f) => /\.(pdf|docx)$/.test(f))).toEqual(['bao-cao.pdf']);
    const text = pdfText(path.join(dir, 'bao-cao.pdf')).replace(/\s+/g, ' ');
    expect(text).toContain('BÁO CÁO');
    expect(text).toContain('Phụ lục');
    const empty = mkdtempSync(path.join(tmpdir(), 'baocao-empty-path-'));
    const none = await runCli(['build', '-o', 'khac.pdf', '--json'], { cwd: dir, env: { PATH: empty } });
    expect(none.code).toBe(2);
    expect(json(none).errors).toEqual([expect.objectContaining({ code: 'PDF_CONVERTER_MISSING' })]);
    expect(existsSync(path.join(dir, 'khac.pdf'))).toBe(false);
  });

  it('without LibreOffice: exit 2 with PDF_CONVERTER_MISSING and how to install it, the DOCX written', async () => {
    const dir = sampleCopy();
    const empty = mkdtempSync(path.join(tmpdir(), 'baocao-empty-path-'));
    const r = await runCli(['build', '--pdf'], { cwd: dir, env: { PATH: empty } });
    expect(r.code).toBe(2);
    expect(r.stdout.trim()).toBe(path.join('out', 'bao-cao.docx'));
    expect(r.stderr).toContain('PDF_CONVERTER_MISSING');
    expect(r.stderr).toContain('apt install libreoffice-writer-nogui');
    expect(readdirSync(path.join(dir, 'out'))).toEqual(['bao-cao.docx']);
    const j = json(await runCli(['build', '--pdf', '--json'], { cwd: dir, env: { PATH: empty } }));
    expect(j).toMatchObject({
      ok: false,
      output: path.join('out', 'bao-cao.docx'),
      errors: [{ code: 'PDF_CONVERTER_MISSING', file: path.join('out', 'bao-cao.pdf') }],
    });
  });

  it('a PDF left by an earlier run is moved aside, and said, when the new one cannot be made: never a PDF of other figures beside the new DOCX', async () => {
    const dir = sampleCopy();
    const empty = mkdtempSync(path.join(tmpdir(), 'baocao-empty-path-'));
    mkdirSync(path.join(dir, 'out'));
    writeFileSync(path.join(dir, 'out', 'bao-cao.pdf'), '%PDF-1.7 last run');
    const r = await runCli(['build', '--pdf', '--final', '--json'], { cwd: dir, env: { PATH: empty } });
    expect(r.code).toBe(2);
    const moved = path.join('out', 'bao-cao (bản trước).pdf');
    expect(json(r).errors).toEqual([
      expect.objectContaining({
        code: 'PDF_CONVERTER_MISSING',
        message: expect.stringContaining(`đã được chuyển thành ${moved}`),
      }),
    ]);
    expect(readdirSync(path.join(dir, 'out')).sort()).toEqual(['bao-cao (bản trước).pdf', 'bao-cao.docx']);
    expect(readFileSync(path.join(dir, moved), 'utf8')).toBe('%PDF-1.7 last run');
    // Again: the next earlier PDF gets the next name, none is lost.
    writeFileSync(path.join(dir, 'out', 'bao-cao.pdf'), '%PDF-1.7 second run');
    const again = await runCli(['build', '--pdf', '--lang', 'en'], { cwd: dir, env: { PATH: empty } });
    expect(again.stderr).toContain(`moved to ${path.join('out', 'bao-cao (bản trước 2).pdf')}`);
    expect(readdirSync(path.join(dir, 'out')).sort()).toEqual([
      'bao-cao (bản trước 2).pdf',
      'bao-cao (bản trước).pdf',
      'bao-cao.docx',
    ]);
  });

  it('a conversion that fails, or outlasts the limit, is PDF_FAILED: the DOCX kept, no partial PDF', async () => {
    const dir = sampleCopy();
    for (const [body, extra] of [
      ['echo "soffice: cannot open display" >&2; exit 1', {}],
      // Writes half a PDF into its output folder, then hangs: stopped at the limit.
      [
        'while [ $# -gt 0 ]; do [ "$1" = --outdir ] && out="$2"; shift; done; mkdir -p "$out"; printf "%%PDF-1.7 half" > "$out/bao-cao.pdf"; sleep 30',
        { BAOCAO_PDF_TIMEOUT: '1' },
      ],
      // Says it succeeded but writes no PDF.
      [
        'while [ $# -gt 0 ]; do [ "$1" = --outdir ] && out="$2"; shift; done; mkdir -p "$out"; echo "not a pdf" > "$out/bao-cao.pdf"',
        {},
      ],
    ] as const) {
      const r = await runCli(['build', '--pdf'], {
        cwd: dir,
        env: { PATH: process.env.PATH ?? '', BAOCAO_SOFFICE: fakeSoffice(body), ...extra },
      });
      expect(r.code, body).toBe(2);
      expect(r.stderr).toContain('PDF_FAILED');
      expect(existsSync(path.join(dir, 'out', 'bao-cao.docx'))).toBe(true);
      expect(readdirSync(path.join(dir, 'out')).filter((f) => f.endsWith('.pdf') || f.endsWith('.tmp'))).toEqual([]);
    }
  });
});
