// Big, odd and hostile inputs: a clear coded error or a correct result, inputs never
// changed, no partial output even when the process is killed.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  truncateSync,
  writeFileSync,
  existsSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { MAX_RETURN_BYTES } from '../src/limits.js';
import { BIN, FIXTURES, json, runCli, sampleCopy, spawnCli } from './helpers.js';

const CHECK_DEF = path.join(FIXTURES, 'check', 'baocao.yaml');
const GOOD = readFileSync(path.join(FIXTURES, 'check', 'ok', 'returns', 'a.csv'));
const tempDir = () => mkdtempSync(path.join(tmpdir(), 'baocao-hostile-'));

function snapshotTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const p = path.join(entry.parentPath, entry.name);
    out[path.relative(dir, p)] = createHash('sha256').update(readFileSync(p)).digest('hex') + ' ' + statSync(p).mtimeMs;
  }
  return out;
}

describe('big inputs', () => {
  it('refuses a return over 16 MiB without reading it, and goes on with the others', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'a.csv'), GOOD);
    const big = path.join(dir, 'z.csv');
    writeFileSync(big, '');
    truncateSync(big, MAX_RETURN_BYTES + 1); // sparse: costs no disk
    const r = await runCli(['check', dir, '--config', CHECK_DEF, '--json']);
    expect(r.code).toBe(1);
    expect(json(r).errors).toEqual([
      expect.objectContaining({ code: 'FILE_TOO_LARGE', file: big, message: expect.stringContaining('16,0 MiB') }),
    ]);
  });

  it('refuses more than 16 MiB on standard input', async () => {
    const r = await runCli(['check', '-', '--config', CHECK_DEF, '--json'], {
      stdin: new Uint8Array(MAX_RETURN_BYTES + 1),
    });
    expect(r.code).toBe(1);
    expect(json(r).errors[0]).toMatchObject({ code: 'FILE_TOO_LARGE', file: '(stdin)' });
  });

  it('refuses a zip bomb before inflating it: FILE_TOO_LARGE, or XLSX_UNREADABLE when its headers lie about its size', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'a.csv'), GOOD);
    // A sheet of 200 MiB of spaces packs to ~200 KB.
    const zip = zipSync(
      {
        'xl/workbook.xml': new TextEncoder().encode('<workbook/>'),
        'xl/worksheets/sheet1.xml': new Uint8Array(200 * 1024 * 1024).fill(32),
      },
      { level: 9 },
    );
    writeFileSync(path.join(dir, 'bom.xlsx'), zip);
    // The same, with its local and central headers claiming 100 bytes.
    const liar = Buffer.from(zip);
    for (
      let at = liar.indexOf('xl/worksheets/sheet1.xml');
      at !== -1;
      at = liar.indexOf('xl/worksheets/sheet1.xml', at + 1)
    ) {
      if (liar.readUInt32LE(at - 30) === 0x04034b50) liar.writeUInt32LE(100, at - 30 + 22);
      if (liar.readUInt32LE(at - 46) === 0x02014b50) liar.writeUInt32LE(100, at - 46 + 24);
    }
    writeFileSync(path.join(dir, 'liar.xlsx'), liar);
    const r = await runCli(['check', dir, '--config', CHECK_DEF, '--json']);
    expect(r.code).toBe(1);
    expect(json(r).errors).toEqual([
      expect.objectContaining({
        code: 'FILE_TOO_LARGE',
        file: path.join(dir, 'bom.xlsx'),
        message: expect.stringContaining('64,0 MiB'),
      }),
      expect.objectContaining({ code: 'XLSX_UNREADABLE', file: path.join(dir, 'liar.xlsx') }),
    ]);
  });

  it('refuses workbooks that cost far more than their bytes (merged areas, far rows, far columns, long sheets, many sheets) and reads the rest', async () => {
    const dir = tempDir();
    const form = readFileSync(path.join(FIXTURES, 'check', 'xlsx-ok', 'returns', 'xa-02.xlsx'));
    /** The clean form with its sheet's XML rewritten. */
    const patched = (name: string, patch: (xml: string) => string) => {
      const parts = unzipSync(form);
      parts['xl/worksheets/sheet1.xml'] = strToU8(patch(strFromU8(parts['xl/worksheets/sheet1.xml']!)));
      writeFileSync(path.join(dir, name), zipSync(parts, { level: 9 }));
    };
    const rows = (n: number, cell: (r: number) => string) =>
      Array.from({ length: n }, (_, k) => `<row r="${100 + k}">${cell(100 + k)}</row>`).join('');
    // A merge of the whole sheet: 17 billion cells for ExcelTS to build (it never ended).
    // (The form has one merge, its title's: the new ones join its list.)
    const merges = (x: string, refs: string[]) =>
      x.replace(
        '<mergeCells count="1">',
        `<mergeCells count="${refs.length + 1}">${refs.map((ref) => `<mergeCell ref="${ref}"/>`).join('')}`,
      );
    patched('merge.xlsx', (x) => merges(x, ['A20:XFD1048576']));
    // 2,001 small merges: each checked against every other.
    patched('merges.xlsx', (x) =>
      merges(
        x,
        Array.from({ length: 2000 }, (_, k) => `A${100 + k}:B${100 + k}`),
      ),
    );
    // A row numbered past the sheet's last (never ended).
    patched('row.xlsx', (x) =>
      x.replace('</sheetData>', '<row r="4000000000"><c r="A4000000000"><v>1</v></c></row></sheetData>'),
    );
    // 20,000 rows with one cell in column XFD: 100 KB that took 37 s and 3.8 GB.
    patched('wide.xlsx', (x) =>
      x.replace('</sheetData>', `${rows(20_000, (r) => `<c r="XFD${r}"><v>1</v></c>`)}</sheetData>`),
    );
    // Over 4 MiB of sheet: a 300 KB file whose model would be ~400 MB per 4 MiB.
    patched('long.xlsx', (x) =>
      x.replace('</sheetData>', `${rows(110_000, (r) => `<c r="A${r}"><v>1</v></c>`)}</sheetData>`),
    );
    // 1,001 sheets: ExcelTS's time grows with their square (12,000 empty ones took 7 s).
    const sheets = unzipSync(form);
    for (let n = 2; n <= 1001; n++)
      sheets[`xl/worksheets/sheet${n}.xml`] = strToU8(
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>',
      );
    writeFileSync(path.join(dir, 'sheets.xlsx'), zipSync(sheets));
    const r = await runCli(['check', dir, '--config', CHECK_DEF, '--json']);
    expect(r.code).toBe(1);
    const at = (name: string) => path.join(dir, name);
    expect(json(r).errors).toEqual([
      expect.objectContaining({
        code: 'FILE_TOO_LARGE',
        file: at('long.xlsx'),
        message: expect.stringContaining('4,0 MiB'),
      }),
      expect.objectContaining({
        code: 'MERGE_TOO_LARGE',
        file: at('merge.xlsx'),
        message: expect.stringContaining('A20:XFD1048576 (17.179.557.888 ô)'),
      }),
      expect.objectContaining({
        code: 'MERGE_TOO_LARGE',
        file: at('merges.xlsx'),
        message: expect.stringContaining('hơn 2.000 vùng gộp ô'),
      }),
      expect.objectContaining({ code: 'XLSX_UNREADABLE', file: at('row.xlsx') }),
      expect.objectContaining({
        code: 'XLSX_UNREADABLE',
        file: at('sheets.xlsx'),
        message: expect.stringContaining('hơn 1.000 trang tính'),
      }),
      // Unit 02's rows in wide.xlsx are read; unit 01 sent nothing.
      expect.objectContaining({ code: 'MISSING_UNIT', unit: '01' }),
    ]);
    // The wide rows are outside the table: named (the first 100, then a count), never read.
    const warnings = json(r).warnings as { code: string; file: string; cell?: string }[];
    expect(warnings.filter((w) => w.file === at('wide.xlsx') && w.code === 'CELL_OUTSIDE_TABLE')).toHaveLength(100);
    expect(warnings.filter((w) => w.file === at('wide.xlsx') && w.code === 'CELL_OUTSIDE_TABLE')[0]).toMatchObject({
      cell: 'XFD100',
    });
    expect(warnings).toContainEqual(expect.objectContaining({ code: 'MORE_PROBLEMS', file: at('wide.xlsx') }));
  });

  it('reads workbooks with a named range over the whole sheet, 2,000 merges in its last columns, or a column range two billion wide', async () => {
    const form = () => unzipSync(readFileSync(path.join(FIXTURES, 'check', 'xlsx-ok', 'returns', 'xa-02.xlsx')));
    // ExcelTS indexed each of the name's 17 billion cells (out of memory at 4.3 GB).
    const named = form();
    const workbook = strFromU8(named['xl/workbook.xml']!);
    const name = `<definedName name="Vung">Sheet1!$A$1:$XFD$1048576</definedName>`;
    named['xl/workbook.xml'] = strToU8(
      workbook.includes('<definedNames>')
        ? workbook.replace('<definedNames>', `<definedNames>${name}`)
        : workbook.replace('</sheets>', `</sheets><definedNames>${name}</definedNames>`),
    );
    expect(strFromU8(named['xl/workbook.xml']!)).toContain(name);
    // Merged cells in XFC:XFD made 4,000 rows 16,384 cells wide (5 s); they are cut back to column BL, and dropped.
    const merged = form();
    const refs = Array.from({ length: 1999 }, (_, k) => `<mergeCell ref="XFC${100 + 2 * k}:XFD${101 + 2 * k}"/>`).join(
      '',
    );
    merged['xl/worksheets/sheet1.xml'] = strToU8(
      strFromU8(merged['xl/worksheets/sheet1.xml']!).replace(
        '<mergeCells count="1">',
        `<mergeCells count="2000">${refs}`,
      ),
    );
    // A column range to column 2,000,000,000: ExcelTS makes an object per column of it.
    const columns = form();
    columns['xl/worksheets/sheet1.xml'] = strToU8(
      strFromU8(columns['xl/worksheets/sheet1.xml']!).replace(
        '<sheetData>',
        '<cols><col min="7" max="2000000000" width="9" customWidth="1"/></cols><sheetData>',
      ),
    );
    expect(strFromU8(columns['xl/worksheets/sheet1.xml']!)).toContain('max="2000000000"');
    for (const [file, parts] of [
      ['names.xlsx', named],
      ['merges.xlsx', merged],
      ['columns.xlsx', columns],
    ] as const) {
      const dir = tempDir();
      writeFileSync(path.join(dir, file), zipSync(parts));
      const r = await runCli(['check', dir, '--only-listed', '--config', CHECK_DEF, '--json']);
      expect(json(r), file).toMatchObject({ ok: true, errors: [], warnings: [] });
      expect(r.code).toBe(0);
    }
  });

  it('the installed command reads a return over 4 MiB (its garbage is collected after it) without an internal error', () => {
    const dir = tempDir();
    const rows = Array.from({ length: 120_000 }, () => '01,2024-Q1,VU,Số vụ phạm tội,1,1');
    writeFileSync(
      path.join(dir, 'a.csv'),
      ['ma_don_vi,ky_bao_cao,ma_chi_tieu,ten_chi_tieu,ky_nay,cung_ky', ...rows].join('\n'),
    );
    expect(statSync(path.join(dir, 'a.csv')).size).toBeGreaterThan(4 * 1024 * 1024);
    // The real binary: the bundle runs as a vm.Script, where import() of a Node module throws.
    const r = spawnCli(['check', dir, '--config', CHECK_DEF, '--json']);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toContain('INTERNAL');
    expect(JSON.parse(r.stdout).errors.map((e: { code: string }) => e.code)).toContain('DUPLICATE_ROW');
  });

  it('reports a 10 MB cell by its start only', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'a.csv'), GOOD.toString('utf8').replace(',2082,', `,${'9'.repeat(10_000_000)},`));
    const r = await runCli(['check', dir, '--config', CHECK_DEF]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('VALUE_TOO_LARGE');
    expect(r.stderr.length).toBeLessThan(2000);
  });

  it('shows control characters in names as �, never raw', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'a.csv'), GOOD.toString('utf8') + '\u009b31m,2024-Q1,VU,x,1,1\r\n');
    const r = await runCli(['check', dir, '--config', CHECK_DEF], { tty: true });
    expect(r.stderr).toContain('"\ufffd31m"');
    expect(r.stderr).not.toContain('\u009b');
  });

  it('checks a folder of 20,000 files: the first 10,000 problems named, the rest counted', async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'r'));
    for (let i = 0; i < 20_000; i++)
      writeFileSync(
        path.join(dir, 'r', `${String(i).padStart(5, '0')}.csv`),
        i === 0 ? GOOD : 'ma_don_vi,ky_bao_cao,ma_chi_tieu,ky_nay,cung_ky\r\n',
      );
    const r = await runCli(['check', 'r', '--config', CHECK_DEF, '--json'], { cwd: dir });
    expect(r.code).toBe(1);
    const out = json(r);
    expect(out.errors).toHaveLength(10_001);
    expect(
      out.errors.slice(0, 10_000).every((e: { code: string; line: number }) => e.code === 'EMPTY_FILE' && e.line === 1),
    ).toBe(true);
    expect(out.errors[10_000]).toMatchObject({
      code: 'MORE_PROBLEMS',
      file: null,
      message: expect.stringContaining('Còn 9999 vấn đề EMPTY_FILE'),
    });
  });
});

describe('nothing is lost', () => {
  it('never changes an input: check, aggregate and build leave returns, definition and template as they were', async () => {
    const dir = sampleCopy();
    const before = snapshotTree(dir);
    for (const cmd of [['check'], ['aggregate', '--json'], ['build', '-o', path.join(tempDir(), 'r.docx')]])
      expect((await runCli(cmd, { cwd: dir })).code).toBe(0);
    expect(snapshotTree(dir)).toEqual(before);
  });

  it.each(['SIGTERM', 'SIGKILL'] as const)(
    'a build killed by %s leaves the earlier report whole (old or new, never partial)',
    async (signal) => {
      const dir = sampleCopy();
      const report = path.join(dir, 'out', 'bao-cao.docx');
      const started = Date.now();
      expect(spawnCli(['build', '-o', 'ref.docx'], { cwd: dir }).code).toBe(0);
      const duration = Date.now() - started;
      const fresh = readFileSync(path.join(dir, 'ref.docx'));
      mkdirSync(path.join(dir, 'out'));
      writeFileSync(report, 'the earlier report');
      // Kill at points spread over a build's run time on this machine (and once after it);
      // whichever point it is, the file is one of the two.
      for (const share of [0, 0.1, 0.3, 0.5, 0.6, 0.7, 0.8, 0.9, 1, 1.2]) {
        const child = spawn(process.execPath, [BIN, 'build'], { cwd: dir, stdio: 'ignore' });
        const exited = new Promise((r) => child.on('exit', r));
        await new Promise((r) => setTimeout(r, share * duration));
        child.kill(signal);
        await exited;
        const now = readFileSync(report);
        expect(now.equals(fresh) || now.toString() === 'the earlier report').toBe(true);
        if (signal === 'SIGTERM')
          expect(readdirSync(path.join(dir, 'out')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
        writeFileSync(report, 'the earlier report');
      }
      // Whatever a SIGKILL left behind, the next build removes.
      expect(spawnCli(['build'], { cwd: dir }).code).toBe(0);
      expect(readdirSync(path.join(dir, 'out'))).toEqual(['bao-cao.docx']);
    },
  );

  it("removes a dead build's temporary file, never a running one's", async () => {
    const dir = sampleCopy();
    mkdirSync(path.join(dir, 'out'));
    const gone = spawnSync(process.execPath, ['-e', '0']).pid!; // a process that has exited
    const dead = path.join(dir, 'out', `.bao-cao.docx.${gone}.0a1b2c3d.tmp`);
    const alive = path.join(dir, 'out', `.bao-cao.docx.${process.pid}.0a1b2c3d.tmp`);
    const other = path.join(dir, 'out', `.khac.docx.${gone}.0a1b2c3d.tmp`);
    for (const f of [dead, alive, other]) writeFileSync(f, 'partial');
    expect((await runCli(['build'], { cwd: dir })).code).toBe(0);
    expect(readdirSync(path.join(dir, 'out')).sort()).toEqual(
      [path.basename(alive), path.basename(other), 'bao-cao.docx'].sort(),
    );
  });
});

describe('nothing gets in', () => {
  it('reads --config and --template as files, never as code', async () => {
    const dir = sampleCopy();
    writeFileSync(path.join(dir, 'evil.js'), "require('fs').writeFileSync('pwned', 'x'); {{period.label}}");
    const r = await runCli(['build', '--template', 'evil.js', '-o', 'r.docx'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(existsSync(path.join(dir, 'pwned'))).toBe(false);
    const bad = await runCli(['check', '--config', '$(touch pwned2)'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(existsSync(path.join(dir, 'pwned2'))).toBe(false);
    const js = await runCli(['check', '--config', 'evil.js'], { cwd: dir });
    expect(js.code).toBe(2);
    expect(js.stderr).toMatch(/CONFIG_(SYNTAX|INVALID)/);
    expect(existsSync(path.join(dir, 'pwned'))).toBe(false);
  });
});
