// The clerk's own files — the definition, the template, the narrative — in every encoding
// Notepad writes on a Vietnamese Windows: decoded as the returns are, or refused with what
// to do. No U+FFFD, no "TI�NH", ever reaches a document.
import iconv from 'iconv-lite';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { docxParts, paragraphsText } from './docx-helpers.js';
import { encodeCp1258, json, runCli, sampleCopy } from './helpers.js';

const bodyOf = (dir: string) =>
  paragraphsText(docxParts(path.join(dir, 'out', 'bao-cao.docx'))['word/document.xml']!).join('\n');

describe('set-up files in the encodings Notepad writes', () => {
  it('reads a definition and a narrative saved as "ANSI" (Windows-1258) or UTF-16: the same report as UTF-8', async () => {
    const plain = sampleCopy();
    expect((await runCli(['build'], { cwd: plain })).code).toBe(0);
    const expected = bodyOf(plain);
    for (const encoding of ['windows-1258', 'utf-16le'] as const) {
      const dir = sampleCopy();
      for (const name of ['baocao.yaml', 'noi-dung.md', 'bao-cao-138.md.hbs']) {
        const text = readFileSync(path.join(dir, name), 'utf8');
        // Notepad writes UTF-16 with its BOM; "ANSI" (Windows-1258) has none and writes a tone as a combining mark.
        writeFileSync(
          path.join(dir, name),
          encoding === 'windows-1258' ? encodeCp1258(text) : iconv.encode(text, encoding, { addBOM: true }),
        );
      }
      const r = await runCli(['build'], { cwd: dir });
      expect(r.code, `${encoding}: ${r.stderr}`).toBe(0);
      const body = bodyOf(dir);
      expect(body, encoding).not.toContain('\uFFFD');
      expect(body, encoding).toBe(expected);
    }
  });

  it('refuses a file in an encoding that cannot be read (TCVN3, VNI), naming it and what to do, and a narrative over the limit as what it is', async () => {
    const dir = sampleCopy();
    // Bytes Windows-1258 leaves undefined (0x81, 0x8A…) are how TCVN3 and VNI text reads to it.
    writeFileSync(path.join(dir, 'noi-dung.md'), Buffer.from([0x23, 0x23, 0x20, 0x81, 0x8a, 0x8d, 0x0a]));
    const r = await runCli(['build', '--json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(json(r).errors[0]).toMatchObject({ code: 'NARRATIVE_UNREADABLE', file: 'noi-dung.md' });
    expect(json(r).errors[0].message).toContain('Encoding "UTF-8"');
    writeFileSync(path.join(dir, 'noi-dung.md'), '## Ưu điểm\n\n' + 'x'.repeat(3 * 1024 * 1024));
    const big = await runCli(['build', '--json'], { cwd: dir });
    expect(json(big).errors[0]).toMatchObject({ code: 'NARRATIVE_UNREADABLE' });
    expect(json(big).errors[0].message).toContain('giới hạn');
  });
});
