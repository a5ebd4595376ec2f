// The feedback folder's names: one file per unit or unreadable file, named so that no two
// clash (on a file system that ignores case, too), normalised the way every program writes
// Vietnamese, cut to a file name's 255 bytes; the folder's own earlier files known by the
// marker inside them, so that a copy the office saved is left alone; one run at a time.
import { Workbook } from '@cj-tech-master/excelts';
import { strFromU8, unzipSync } from 'fflate';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { json, runCli, sampleCopy, type CliResult } from './helpers.js';

/** The sample with its returns, its definition edited. */
function workspace(edit: (yaml: string) => string = (y) => y): string {
  const dir = sampleCopy();
  const yaml = path.join(dir, 'baocao.yaml');
  writeFileSync(yaml, edit(readFileSync(yaml, 'utf8')));
  return dir;
}
const names = (dir: string) => readdirSync(dir).sort();
const feedbackOf = (r: CliResult) => json(r).feedback as string[];

describe('feedback names', () => {
  it('a unit name typed on a Mac (NFD) is written in NFC, listed as on disk, and kept on the next run', async () => {
    const nfd = 'Thành phố Hà Giang'.normalize('NFD');
    const dir = workspace((y) => y.replace('name: Thành phố Hà Giang', `name: ${nfd}`));
    rmSync(path.join(dir, 'returns', '024-thanh-pho-ha-giang.csv'));
    for (let run = 0; run < 2; run++) {
      const r = await runCli(['check', '--feedback', 'fb', '--json'], { cwd: dir });
      expect(r.code).toBe(1);
      const expected = 'Phản hồi - 024 - Thành phố Hà Giang.xlsx'.normalize('NFC');
      expect(feedbackOf(r)).toEqual([path.join('fb', expected)]);
      expect(names(path.join(dir, 'fb'))).toEqual([expected]);
    }
  });

  it('a unit name that fills a file name is cut after the prefix, and check still gives its results', async () => {
    const long = 'Phường '.concat('Ượ'.repeat(60));
    const dir = workspace((y) => y.replace('name: Thành phố Hà Giang', `name: ${long}`));
    rmSync(path.join(dir, 'returns', '024-thanh-pho-ha-giang.csv'));
    const r = await runCli(['check', '--feedback', 'fb', '--json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(json(r).errors.map((e: { code: string }) => e.code)).toEqual(['MISSING_UNIT']);
    const [written] = names(path.join(dir, 'fb'));
    expect(written).toMatch(/^Phản hồi - 024 - Phường Ượ.*…\.xlsx$/);
    expect(Buffer.byteLength(written!)).toBeLessThanOrEqual(255);
    expect(feedbackOf(r)).toEqual([path.join('fb', written!)]);
  });

  it('two unreadable files of one name (zz.csv, ZZ.xlsx) get two feedback files, each listed once', async () => {
    const dir = workspace();
    writeFileSync(path.join(dir, 'returns', 'zz.csv'), '');
    writeFileSync(path.join(dir, 'returns', 'ZZ.xlsx'), 'not a workbook');
    const r = await runCli(['check', '--feedback', 'fb', '--json'], { cwd: dir });
    expect(r.code).toBe(1);
    const listed = feedbackOf(r).map((f) => path.basename(f));
    expect(listed).toHaveLength(2);
    expect(new Set(listed.map((n) => n.toLowerCase())).size).toBe(2);
    expect(names(path.join(dir, 'fb'))).toEqual([...listed].sort());
  });

  it("a unit coded X-1 is told by its form's name, in one feedback file with its other problems", async () => {
    const dir = workspace((y) => y.replace('code: "024", name: Thành phố Hà Giang', 'code: "X-1", name: Phường Một'));
    rmSync(path.join(dir, 'returns', '024-thanh-pho-ha-giang.csv'));
    writeFileSync(path.join(dir, 'returns', 'X-1 - Phường Một.csv'), '');
    const r = await runCli(['check', '--feedback', 'fb', '--json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(feedbackOf(r)).toEqual([path.join('fb', 'Phản hồi - X-1 - Phường Một.xlsx')]);
    const core = readFileSync(path.join(dir, 'fb', 'Phản hồi - X-1 - Phường Một.xlsx'));
    expect(core.length).toBeGreaterThan(0);
    // Both the empty file and the missing figures reach the unit: its feedback names both codes.
    const strings = strFromU8(unzipSync(core)['xl/sharedStrings.xml'] ?? new Uint8Array());
    const sheet = strFromU8(unzipSync(core)['xl/worksheets/sheet1.xml']!);
    const text = strings + sheet;
    expect(text).toContain('EMPTY_FILE');
    expect(text).toContain('MISSING_UNIT');
  });

  it("a copy the office saved beside the feedback is left alone; a run's own earlier file is replaced or removed", async () => {
    const dir = workspace();
    const ret = path.join(dir, 'returns', '024-thanh-pho-ha-giang.csv');
    const kept = readFileSync(ret);
    rmSync(ret);
    const first = await runCli(['check', '--feedback', 'fb', '--json'], { cwd: dir });
    expect(first.code).toBe(1);
    const own = 'Phản hồi - 024 - Thành phố Hà Giang.xlsx';
    const copy = 'Phản hồi - 024 - Thành phố Hà Giang (đơn vị trả lời).xlsx';
    cpSync(path.join(dir, 'fb', own), path.join(dir, 'fb', copy));
    writeFileSync(ret, kept);
    const second = await runCli(['check', '--feedback', 'fb', '--json'], { cwd: dir });
    expect(second.code).toBe(0);
    expect(feedbackOf(second)).toEqual([]);
    expect(names(path.join(dir, 'fb'))).toEqual([copy]);
  });

  it('a feedback file an earlier version wrote (the marker without its name) is replaced when its name is needed, never removed', async () => {
    const dir = workspace();
    rmSync(path.join(dir, 'returns', '024-thanh-pho-ha-giang.csv'));
    mkdirSync(path.join(dir, 'fb'));
    const earlier = async (name: string) => {
      const wb = new Workbook();
      wb.keywords = 'baocao-feedback';
      wb.addWorksheet('Phản hồi').getCell('A1').value = 'cũ';
      writeFileSync(path.join(dir, 'fb', name), new Uint8Array(await wb.xlsx.writeBuffer()));
    };
    await earlier('Phản hồi - 024 - Thành phố Hà Giang.xlsx');
    await earlier('Phản hồi - 026 - Đồng Văn.xlsx');
    const r = await runCli(['check', '--feedback', 'fb', '--json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(names(path.join(dir, 'fb'))).toEqual([
      'Phản hồi - 024 - Thành phố Hà Giang.xlsx',
      'Phản hồi - 026 - Đồng Văn.xlsx',
    ]);
    const replaced = strFromU8(
      unzipSync(readFileSync(path.join(dir, 'fb', 'Phản hồi - 024 - Thành phố Hà Giang.xlsx')))['docProps/core.xml']!,
    );
    expect(replaced).toContain('baocao-feedback: Phản hồi - 024 - Thành phố Hà Giang.xlsx');
  });

  it('a file named for the folder is OUTPUT_FEEDBACK_FOLDER saying it is a file, not EEXIST and advice about Word', async () => {
    const dir = workspace();
    writeFileSync(path.join(dir, 'phan-hoi.txt'), 'ghi chú');
    const r = await runCli(['check', '--feedback', 'phan-hoi.txt', '--json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(json(r).errors).toEqual([
      expect.objectContaining({
        code: 'OUTPUT_FEEDBACK_FOLDER',
        message: expect.stringContaining('là một tệp, không phải thư mục'),
      }),
    ]);
    expect(json(r).errors[0].message).not.toContain('Word');
    expect(readFileSync(path.join(dir, 'phan-hoi.txt'), 'utf8')).toBe('ghi chú');
  });

  it('one run at a time per folder: while another run holds it, a second is refused and writes nothing', async () => {
    const dir = workspace();
    rmSync(path.join(dir, 'returns', '024-thanh-pho-ha-giang.csv'));
    const first = await runCli(['check', '--feedback', 'fb', '--json'], { cwd: dir });
    expect(first.code).toBe(1);
    const before = names(path.join(dir, 'fb'));
    // The lock of a run still going (the test runner's own process).
    writeFileSync(path.join(dir, 'fb', '.baocao-phan-hoi.lock'), String(process.ppid));
    const second = await runCli(['check', '--feedback', 'fb', '--json'], { cwd: dir });
    expect(second.code).toBe(2);
    expect(json(second).errors.map((e: { code: string }) => e.code)).toEqual(['OUTPUT_BUSY']);
    expect(names(path.join(dir, 'fb'))).toEqual(['.baocao-phan-hoi.lock', ...before].sort());
  });
});
