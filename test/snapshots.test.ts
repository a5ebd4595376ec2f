// Golden outputs a person compares by eye: the human reports of check and aggregate
// (colour off), the help of each command, and the text of the sample report.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { docxParts, paragraphsText } from './docx-helpers.js';
import { FIXTURES, runCli, SAMPLE, sampleCopy } from './helpers.js';

const snap = (name: string) => path.join(__dirname, '__snapshots__', name);

describe('human output', () => {
  it('check, with problems in several files', async () => {
    const r = await runCli(['check', 'returns', '--config', '../baocao.yaml'], {
      cwd: path.join(FIXTURES, 'check', 'many-problems'),
    });
    expect(r.code).toBe(1);
    await expect(r.stderr).toMatchFileSnapshot(snap('check-many-problems.txt'));
  });
  it('check, a unit missing and a warning, in English', async () => {
    const r = await runCli(['check', 'returns', '--config', '../baocao.yaml', '--lang', 'en'], {
      cwd: path.join(FIXTURES, 'check', 'missing-unit'),
    });
    await expect(r.stderr).toMatchFileSnapshot(snap('check-missing-unit.en.txt'));
  });
  it('check, the clean sample', async () => {
    const r = await runCli(['check'], { cwd: SAMPLE });
    expect(r.code).toBe(0);
    await expect(r.stderr).toMatchFileSnapshot(snap('check-sample.txt'));
  });
  it('aggregate, the sample', async () => {
    const r = await runCli(['aggregate'], { cwd: SAMPLE });
    await expect(r.stdout).toMatchFileSnapshot(snap('aggregate-sample.txt'));
  });
  it.each([[], ['check'], ['aggregate'], ['build'], ['init'], ['forms'], ['narrative', 'pull']])(
    'help %s',
    async (...cmd) => {
      const r = await runCli([...cmd, '--help']);
      expect(r.code).toBe(0);
      await expect(r.stdout).toMatchFileSnapshot(snap(`help-${cmd[0] ?? 'baocao'}.txt`));
    },
  );
  it("the sample report's text (its own BCĐ 138 template) and the default template's on the sample", async () => {
    const dir = sampleCopy();
    expect((await runCli(['build'], { cwd: dir })).code).toBe(0);
    await expect(
      paragraphsText(docxParts(path.join(dir, 'out', 'bao-cao.docx'))['word/document.xml']!).join('\n') + '\n',
    ).toMatchFileSnapshot(snap('report-sample.txt'));
    writeFileSync(
      path.join(dir, 'baocao.yaml'),
      readFileSync(path.join(dir, 'baocao.yaml'), 'utf8').replace(/^template: .*\n/m, ''),
    );
    expect((await runCli(['build'], { cwd: dir })).code).toBe(0);
    await expect(
      paragraphsText(docxParts(path.join(dir, 'out', 'bao-cao.docx'))['word/document.xml']!).join('\n') + '\n',
    ).toMatchFileSnapshot(snap('report-default-template.txt'));
  });
});
