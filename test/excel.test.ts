// Excel both ways, through a real spreadsheet program: the forms `forms` writes are
// opened by LibreOffice Calc with their codes intact, filled in and saved there, and
// check clean and add up to the sample's figures; returns made the way communes make
// them (title rows, codes that lost their zero, a formula, a hidden sheet, Vietnamese
// headers) and saved by Calc add up exactly too.
import { Workbook, type Worksheet } from '@cj-tech-master/excelts';
import { unzipSync, strFromU8 } from 'fflate';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readReturn } from '../src/ingest/returns.js';
import { xmlProblem } from '../src/report/docx/verify.js';
import { parseValue } from '../src/numbers/parse.js';
import { calc, CSV, json, runCli, SAMPLE, spawnCli, XLSX } from './helpers.js';

const tempDir = (name: string) => mkdtempSync(path.join(tmpdir(), `baocao-${name}-`));

/** The sample's values: unit → indicator → [this period, last period], as numbers. */
async function sampleValues(): Promise<Map<string, Map<string, [number, number]>>> {
  const out = new Map<string, Map<string, [number, number]>>();
  for (const f of readdirSync(path.join(SAMPLE, 'returns'))) {
    const file = await readReturn(readFileSync(path.join(SAMPLE, 'returns', f)), f);
    for (const row of file.rows) {
      const n = (raw: string) => {
        const v = parseValue(raw, 0, 'vi');
        if (!v.ok) throw new Error(`${f}:${row.line}: ${raw}`);
        return Number(v.value);
      };
      if (!out.has(row.unit)) out.set(row.unit, new Map());
      out.get(row.unit)!.set(row.indicator, [n(row.current), n(row.previous)]);
    }
  }
  return out;
}

/** A workspace with the sample's definition and an empty returns folder. */
function workspace(): string {
  const dir = tempDir('excel');
  cpSync(SAMPLE, dir, { recursive: true });
  rmSync(path.join(dir, 'returns'), { recursive: true });
  mkdirSync(path.join(dir, 'returns'));
  return dir;
}

/** A form's "Kỳ này" and "Cùng kỳ" filled in with the sample's figures for its unit and indicators. */
function fillWithSample(ws: Worksheet): Worksheet {
  ws.eachRow((row, n) => {
    if (n <= 3) return;
    const [cur, prev] = values.get(String(row.getCell(1).value))!.get(String(row.getCell(3).value))!;
    // Columns F and G: E is the unit of measure (ĐVT), locked like the label.
    row.getCell(6).value = cur;
    row.getCell(7).value = prev;
  });
  return ws;
}

/** Every unit's form (`forms`), filled in with the sample's figures and changed by `edit`, as ExcelTS saves it: the folder `filled` and the forms' names. */
async function filledForms(
  dir: string,
  edit: (ws: Worksheet, name: string) => void = () => {},
): Promise<{ filled: string; forms: string[] }> {
  expect((await runCli(['forms'], { cwd: dir })).code).toBe(0);
  const filled = path.join(dir, 'filled');
  mkdirSync(filled);
  const forms = readdirSync(path.join(dir, 'bieu-mau'));
  for (const name of forms) {
    const wb = new Workbook();
    await wb.xlsx.load(readFileSync(path.join(dir, 'bieu-mau', name)));
    edit(fillWithSample(wb.worksheets[0]!), name);
    writeFileSync(path.join(filled, name), Buffer.from(await wb.xlsx.writeBuffer()));
  }
  return { filled, forms };
}

/** Unit 024's form, filled in with the sample's figures and changed by `edit`, as Calc saves it: returns/024.xlsx in the workspace. */
async function savedByCalc(dir: string, edit: (ws: Worksheet) => void): Promise<void> {
  expect((await runCli(['forms'], { cwd: dir })).code).toBe(0);
  const name = readdirSync(path.join(dir, 'bieu-mau')).find((n) => n.startsWith('024 '))!;
  const wb = new Workbook();
  await wb.xlsx.load(readFileSync(path.join(dir, 'bieu-mau', name)));
  edit(fillWithSample(wb.worksheets[0]!));
  const made = path.join(dir, 'made');
  mkdirSync(made);
  writeFileSync(path.join(made, '024.xlsx'), Buffer.from(await wb.xlsx.writeBuffer()));
  calc([path.join(made, '024.xlsx')], XLSX, path.join(dir, 'returns'));
}

/** A cell given a value and a number format of its own. */
function formatted(ws: Worksheet, address: string, value: number, numFmt: string): void {
  const cell = ws.getCell(address);
  cell.value = value;
  cell.style = { ...cell.style, numFmt };
}

let sampleFigures: unknown;
let values: Map<string, Map<string, [number, number]>>;
beforeAll(async () => {
  values = await sampleValues();
  const r = await runCli(['aggregate', '--json', '--config', path.join(SAMPLE, 'baocao.yaml')]);
  expect(r.code).toBe(0);
  sampleFigures = json(r).indicators;
});

describe('forms as workbooks', () => {
  it('one .xlsx per unit, the same bytes for the same definition, codes intact in Calc, only the value cells and the explanation open', async () => {
    const dir = workspace();
    expect((await runCli(['forms', '-o', 'a'], { cwd: dir })).code).toBe(0);
    expect((await runCli(['forms', '-o', 'b'], { cwd: dir })).code).toBe(0);
    const names = readdirSync(path.join(dir, 'a'));
    expect(names).toHaveLength(11);
    expect(names[2]).toBe('027 - Mèo Vạc.xlsx');
    for (const n of names)
      expect(readFileSync(path.join(dir, 'a', n)).equals(readFileSync(path.join(dir, 'b', n))), n).toBe(true);

    // Every part is well-formed XML (what a repair prompt would start from).
    const parts = unzipSync(readFileSync(path.join(dir, 'a', names[2]!)));
    for (const [name, bytes] of Object.entries(parts))
      if (/\.(xml|rels)$/.test(name)) expect(xmlProblem(strFromU8(bytes)), name).toBeUndefined();
    expect(Object.keys(parts)).toEqual(
      expect.arrayContaining(['[Content_Types].xml', 'xl/workbook.xml', 'xl/styles.xml', 'xl/worksheets/sheet1.xml']),
    );
    const sheet = strFromU8(unzipSync(readFileSync(path.join(dir, 'a', names[2]!)))['xl/worksheets/sheet1.xml']!);
    expect(sheet).toMatch(/<sheetProtection [^>]*sheet="1"/);
    expect(sheet).toMatch(/<pane [^>]*ySplit="3"[^>]*state="frozen"/);
    expect(sheet).toMatch(/<pageSetup [^>]*paperSize="9"[^>]*orientation="landscape"/);
    expect(sheet).toMatch(/<dataValidation [^>]*type="whole"[^>]*operator="greaterThanOrEqual"/);
    expect(sheet).toContain('promptTitle="Kỳ này (vụ)"');
    // "Giải trình" is open text, its length bounded, its input message saying when to write.
    expect(sheet).toMatch(/<dataValidation [^>]*type="textLength"[^>]*promptTitle="Giải trình"/);
    // The unit of measure is a locked column of its own beside the label: E4 holds "vụ", locked (no unlocked protection on it).
    expect(sheet).toMatch(/<c r="E4"[^>]*t="(s|inlineStr)"/);

    // Calc reads it as a CSV export would: the code keeps its zero, the value cells are empty.
    const out = path.join(dir, 'csv');
    calc([path.join(dir, 'a', names[2]!)], CSV, out);
    const csv = readFileSync(path.join(out, names[2]!.replace(/\.xlsx$/, '.csv')), 'utf8');
    expect(csv).toContain('\nMã đơn vị,Kỳ báo cáo,Mã chỉ tiêu,Tên chỉ tiêu,Đơn vị tính,Kỳ này,Cùng kỳ,Giải trình\n');
    expect(csv).toContain('\n027,2021-6T,TTXH_VU,Số vụ phạm tội về trật tự xã hội,vụ,,,\n');

    // Saved again by Calc, the protection and the validations are still there (a headless Calc
    // has no window, so it keeps no view settings such as the frozen header: not checked here).
    calc([path.join(dir, 'a', names[2]!)], XLSX, path.join(dir, 'calc'));
    const resaved = strFromU8(unzipSync(readFileSync(path.join(dir, 'calc', names[2]!)))['xl/worksheets/sheet1.xml']!);
    expect(resaved).toMatch(/<sheetProtection [^>]*sheet="(1|true)"/);
    expect(resaved).toMatch(/<dataValidation [^>]*type="whole"/);
  });

  it("the same bytes in every time zone, dated the period's end (the installed command)", () => {
    const dir = workspace();
    const a = spawnCli(['forms', '-o', 'a'], { cwd: dir, env: { TZ: 'Asia/Ho_Chi_Minh' } });
    const b = spawnCli(['forms', '-o', 'b'], { cwd: dir, env: { TZ: 'America/Los_Angeles' } });
    expect([a.code, b.code]).toEqual([0, 0]);
    for (const n of readdirSync(path.join(dir, 'a')))
      expect(readFileSync(path.join(dir, 'a', n)).equals(readFileSync(path.join(dir, 'b', n))), n).toBe(true);
    const core = strFromU8(
      unzipSync(readFileSync(path.join(dir, 'a', '024 - Thành phố Hà Giang.xlsx')))['docProps/core.xml']!,
    );
    expect(core).toMatch(/<dcterms:created[^>]*>2021-06-14T00:00:00Z</);
  });

  it('the same bytes where the period ends on a day whose midnight a zone skips (Havana, 14/3/2021)', () => {
    const dir = workspace();
    const yaml = path.join(dir, 'baocao.yaml');
    writeFileSync(yaml, readFileSync(yaml, 'utf8').replace('end: 2021-06-14', 'end: 2021-03-14'));
    const a = spawnCli(['forms', '-o', 'a'], { cwd: dir, env: { TZ: 'UTC' } });
    const b = spawnCli(['forms', '-o', 'b'], { cwd: dir, env: { TZ: 'America/Havana' } });
    expect([a.code, b.code]).toEqual([0, 0]);
    const name = '024 - Thành phố Hà Giang.xlsx';
    expect(readFileSync(path.join(dir, 'b', name)).equals(readFileSync(path.join(dir, 'a', name)))).toBe(true);
    // Feedback too: an empty return has problems to send back.
    writeFileSync(path.join(dir, 'returns', '024.csv'), 'x\n');
    const fa = spawnCli(['check', '--feedback', 'fa'], { cwd: dir, env: { TZ: 'UTC' } });
    const fb = spawnCli(['check', '--feedback', 'fb'], { cwd: dir, env: { TZ: 'America/Havana' } });
    expect([fa.code, fb.code]).toEqual([1, 1]);
    const written = readdirSync(path.join(dir, 'fa'));
    expect(written.length).toBeGreaterThan(0);
    for (const n of written)
      expect(readFileSync(path.join(dir, 'fb', n)).equals(readFileSync(path.join(dir, 'fa', n))), n).toBe(true);
  });

  it('filled in and saved by Calc, as .xlsx or as CSV (title lines and all), check clean and add up to the sample', async () => {
    const dir = workspace();
    const { filled, forms } = await filledForms(dir);
    calc(
      forms.map((n) => path.join(filled, n)),
      XLSX,
      path.join(dir, 'returns'),
    );

    const check = await runCli(['check', '--json'], { cwd: dir });
    expect(check.code).toBe(0);
    expect(json(check).warnings).toEqual([]);
    const agg = await runCli(['aggregate', '--json'], { cwd: dir });
    expect(agg.code).toBe(0);
    expect(json(agg).indicators).toEqual(sampleFigures);

    // The same forms saved by Calc as CSV keep their title lines above the header: passed over.
    const csv = path.join(dir, 'csv');
    calc(
      forms.map((n) => path.join(filled, n)),
      CSV,
      csv,
    );
    expect(readFileSync(path.join(csv, readdirSync(csv)[0]!), 'utf8').split('\n')[0]).toMatch(/^"?BÁO CÁO/);
    const fromCsv = await runCli(['aggregate', '--json', csv], { cwd: dir });
    expect(fromCsv.code).toBe(0);
    expect(json(fromCsv).warnings).toEqual([]);
    expect(json(fromCsv).indicators).toEqual(sampleFigures);
  });

  it('saved by Calc twice (a unit correcting its own file), one with its code column formatted Text: each reads and adds up to the sample', async () => {
    const dir = workspace();
    // The advice of UNIT_CODE_PADDED, followed: the whole code column formatted Text.
    const { filled, forms } = await filledForms(dir, (ws, name) => {
      if (name.startsWith('026 ')) ws.getColumn(1).numFmt = '@';
    });
    const once = path.join(dir, 'once');
    calc(
      forms.map((n) => path.join(filled, n)),
      XLSX,
      once,
    );
    calc(
      forms.map((n) => path.join(once, n)),
      XLSX,
      path.join(dir, 'returns'),
    );
    // What made the second save unreadable: Calc gives every column a format of its own.
    const sheet = strFromU8(unzipSync(readFileSync(path.join(dir, 'returns', forms[0]!)))['xl/worksheets/sheet1.xml']!);
    expect(sheet).toMatch(/<col [^>]*style="\d+"/);
    const textColumn = strFromU8(
      unzipSync(readFileSync(path.join(dir, 'returns', forms[1]!)))['xl/worksheets/sheet1.xml']!,
    );
    expect(forms[1]).toMatch(/^026 /);
    expect(textColumn).toMatch(/<col [^>]*min="1"[^>]*style="\d+"/);

    const check = await runCli(['check', '--json'], { cwd: dir });
    expect(json(check).errors).toEqual([]);
    expect(json(check).warnings).toEqual([]);
    expect(check.code).toBe(0);
    const agg = await runCli(['aggregate', '--json'], { cwd: dir });
    expect(json(agg).indicators).toEqual(sampleFigures);
  });
});

describe('returns as communes send them', () => {
  it('title rows, a hidden sheet, codes that lost their zero, a formula, Vietnamese headers: saved by Calc, they add up exactly', async () => {
    const dir = workspace();
    const made = path.join(dir, 'made');
    mkdirSync(made);
    for (const [unit, byIndicator] of values) {
      const wb = new Workbook();
      // The sheet open in the window is the form (Calc shows a hidden sheet that is the active one).
      wb.views = [{ x: 0, y: 0, width: 20000, height: 10000, firstSheet: 0, activeTab: 1, visibility: 'visible' }];
      // A hidden sheet first, with a header and wrong numbers: never read.
      const hidden = wb.addWorksheet('Nháp');
      hidden.addRow(['ma_don_vi', 'ky_bao_cao', 'ma_chi_tieu', 'ten_chi_tieu', 'ky_nay', 'cung_ky']);
      hidden.addRow([unit, '2021-6T', 'TTXH_VU', 'x', 999999, 999999]);
      hidden.state = 'hidden';
      const ws = wb.addWorksheet('Biểu mẫu');
      ws.addRow([`ỦY BAN NHÂN DÂN — ĐƠN VỊ ${unit}`]);
      ws.mergeCells('A1:F1');
      ws.addRow(['Báo cáo 6 tháng đầu năm 2021']);
      ws.addRow([]);
      ws.addRow(['Mã đơn vị', 'Kỳ báo cáo', 'Mã chỉ tiêu', 'Tên chỉ tiêu', 'Kỳ này', 'Cùng kỳ']);
      let first = true;
      for (const [code, [cur, prev]] of byIndicator) {
        // Mèo Vạc typed its code as a number (027 → 27); Đồng Văn sums "Kỳ này" of its first row by formula.
        const unitCell = unit === '027' ? Number(unit) : unit;
        const curCell = unit === '026' && first ? { formula: `${cur - 1}+1`, result: cur } : cur;
        ws.addRow([unitCell, '2021-6T', code, `Chỉ tiêu ${code}`, curCell, prev]);
        first = false;
      }
      writeFileSync(path.join(made, `${unit}.xlsx`), Buffer.from(await wb.xlsx.writeBuffer()));
    }
    calc(
      readdirSync(made).map((n) => path.join(made, n)),
      XLSX,
      path.join(dir, 'returns'),
    );

    const check = await runCli(['check', '--json'], { cwd: dir });
    expect(json(check).errors).toEqual([]);
    expect(check.code).toBe(0);
    expect(json(check).warnings).toEqual([
      expect.objectContaining({
        code: 'UNIT_CODE_PADDED',
        file: path.join('returns', '027.xlsx'),
        sheet: 'Biểu mẫu',
        cell: 'A5',
        line: 5,
      }),
    ]);
    const agg = await runCli(['aggregate', '--json'], { cwd: dir });
    expect(json(agg).indicators).toEqual(sampleFigures);
  });
});

describe('what the unit sees in Calc', () => {
  it('a value formatted as a percentage is refused with both numbers; a hidden data row, a hidden column and a note beside the table are named: saved by Calc', async () => {
    const dir = workspace();
    await savedByCalc(dir, (ws) => {
      // Typed 97,5 into a cell formatted as a percentage: the file holds 0.975.
      formatted(ws, 'F4', 0.975, '0.0%');
      ws.getRow(6).hidden = true;
      ws.getColumn(7).hidden = true;
      ws.getCell('I5').value = 'số liệu tạm tính';
    });

    const check = await runCli(['check', '--json', '--only-listed', path.join('returns', '024.xlsx')], { cwd: dir });
    expect(check.code).toBe(1);
    expect(json(check).errors).toEqual([
      expect.objectContaining({
        code: 'NOT_A_NUMBER',
        cell: 'F4',
        message: expect.stringContaining('đơn vị thấy "97,5%" nhưng tệp lưu số 0,975'),
      }),
    ]);
    expect(json(check).warnings).toEqual([
      expect.objectContaining({
        code: 'HIDDEN_COLUMNS',
        line: 3,
        cell: 'G3',
        message: expect.stringContaining('cột G ("Cùng kỳ")'),
      }),
      expect.objectContaining({
        code: 'CELL_OUTSIDE_TABLE',
        line: 5,
        cell: 'I5',
        message: expect.stringContaining('"số liệu tạm tính"'),
      }),
      expect.objectContaining({ code: 'HIDDEN_ROWS', line: 6, message: expect.stringContaining('dòng 6.') }),
    ]);
  });

  it('a value whose format divides it by thousands, or hides it: Calc shows "1,235" and nothing, and check refuses both with what the file holds', async () => {
    const dir = workspace();
    await savedByCalc(dir, (ws) => {
      formatted(ws, 'F4', 1234567, '#,##0,');
      formatted(ws, 'G4', 27, ';;;');
    });
    // What Calc shows: its CSV export with "save cell content as shown".
    calc([path.join(dir, 'returns', '024.xlsx')], `${CSV},1,,0,false,true,true`, path.join(dir, 'shown'));
    const shown = readFileSync(path.join(dir, 'shown', '024.csv'), 'utf8').split(/\r?\n/)[3]!;
    expect(shown).toMatch(/,"?1[.,]235"?,,$/);

    const check = await runCli(['check', '--json', '--only-listed', path.join('returns', '024.xlsx')], { cwd: dir });
    expect(check.code).toBe(1);
    expect(json(check).errors).toEqual([
      expect.objectContaining({
        code: 'NOT_A_NUMBER',
        cell: 'F4',
        message: expect.stringContaining(
          'chia cho 1.000 (dấu phẩy ở cuối định dạng số): đơn vị thấy khoảng "1234,567" nhưng tệp lưu số 1234567',
        ),
      }),
      expect.objectContaining({
        code: 'NOT_A_NUMBER',
        cell: 'G4',
        message: expect.stringContaining('đơn vị thấy ô trống hoặc chữ nhưng tệp lưu số 27'),
      }),
    ]);
  });
});

describe('check --feedback', () => {
  it('writes one workbook, for the unit with problems, naming each problem; replaces its previous feedback and touches nothing else', async () => {
    const dir = workspace();
    cpSync(path.join(SAMPLE, 'returns'), path.join(dir, 'returns'), { recursive: true });
    const yenMinh = path.join(dir, 'returns', '028-yen-minh.csv');
    const lines = readFileSync(yenMinh, 'utf8').split(/\r?\n/);
    // A word for a number on the first data row, and the last indicator's row gone.
    lines[1] = lines[1]!.replace(/,(\d+),(\d+)$/, ',mười,$2');
    writeFileSync(yenMinh, lines.filter((l) => !l.includes(',TO_TQ,')).join('\r\n'));
    const fb = path.join(dir, 'phan-hoi');
    mkdirSync(fb);
    writeFileSync(path.join(fb, 'ghi-chu.txt'), 'của văn phòng');
    // Last run's feedback for a unit that has since fixed its return.
    const first = await runCli(['check', '--feedback', 'phan-hoi', '--json'], {
      cwd: workspaceWithBroken(dir, '024-thanh-pho-ha-giang.csv'),
    });
    expect(first.code).toBe(1);
    restore(dir, '024-thanh-pho-ha-giang.csv');
    expect(readdirSync(fb).sort()).toEqual([
      'Phản hồi - 024 - Thành phố Hà Giang.xlsx',
      'Phản hồi - 028 - Yên Minh.xlsx',
      'ghi-chu.txt',
    ]);

    const r = await runCli(['check', '--feedback', 'phan-hoi', '--json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(json(r).feedback).toEqual([path.join('phan-hoi', 'Phản hồi - 028 - Yên Minh.xlsx')]);
    expect(readdirSync(fb).sort()).toEqual(['Phản hồi - 028 - Yên Minh.xlsx', 'ghi-chu.txt']);
    expect(readFileSync(path.join(fb, 'ghi-chu.txt'), 'utf8')).toBe('của văn phòng');

    // Read by Calc: one row per problem, with the place, the indicator, the value and what to do.
    calc([path.join(fb, 'Phản hồi - 028 - Yên Minh.xlsx')], CSV, path.join(dir, 'csv'));
    const csv = readFileSync(path.join(dir, 'csv', 'Phản hồi - 028 - Yên Minh.csv'), 'utf8');
    expect(csv).toContain('PHẢN HỒI KIỂM TRA SỐ LIỆU BÁO CÁO 6 THÁNG ĐẦU NĂM 2021 — 028 Yên Minh');
    expect(csv).toMatch(
      /028-yen-minh\.csv,dòng 2,TTXH_VU,Số vụ phạm tội về trật tự xã hội,mười,Lỗi,"?""mười"" không phải là số\."?,"?Ghi số nguyên/,
    );
    expect(csv).toMatch(
      /028-yen-minh\.csv,,TO_TQ,Số tổ tự quản tại thôn, tổ dân phố|028-yen-minh\.csv,,TO_TQ,"Số tổ tự quản tại thôn, tổ dân phố"/,
    );
    expect(csv).toContain('MISSING_INDICATOR');

    // A unit that sends its feedback back instead of its return, as written or saved again by a
    // spreadsheet program: the file is named for what it is, not read.
    const sentBack = path.join(dir, 'returns', 'Phản hồi - 028 - Yên Minh.xlsx');
    cpSync(path.join(fb, 'Phản hồi - 028 - Yên Minh.xlsx'), sentBack);
    calc([sentBack], XLSX, path.join(dir, 'resaved'));
    const resaved = path.join(dir, 'returns', 'phan-hoi-028-luu-lai.xlsx');
    cpSync(path.join(dir, 'resaved', 'Phản hồi - 028 - Yên Minh.xlsx'), resaved);
    const back = json(await runCli(['check', '--json'], { cwd: dir }));
    expect(
      back.warnings.map((w: { code: string; file: string; sheet: string; line: number }) => [
        w.code,
        w.file,
        w.sheet,
        w.line,
      ]),
    ).toEqual([
      ['FEEDBACK_FILE', path.join('returns', 'Phản hồi - 028 - Yên Minh.xlsx'), 'Phản hồi', 3],
      ['FEEDBACK_FILE', path.join('returns', 'phan-hoi-028-luu-lai.xlsx'), 'Phản hồi', 3],
    ]);
    expect(back.errors.map((e: { code: string }) => e.code)).not.toContain('MISSING_COLUMN');
    rmSync(sentBack);
    rmSync(resaved);

    // Never into the returns folder, where it would be read as returns.
    const into = await runCli(['check', '--feedback', 'returns', '--json'], { cwd: dir });
    expect(into.code).toBe(2);
    expect(json(into).errors[0].code).toBe('OUTPUT_FEEDBACK_FOLDER');
    // Nor into the folder of a file checked on its own.
    mkdirSync(path.join(dir, 'moi-nhan'));
    cpSync(yenMinh, path.join(dir, 'moi-nhan', '028.csv'));
    const beside = await runCli(
      ['check', path.join('moi-nhan', '028.csv'), '--only-listed', '--feedback', 'moi-nhan', '--json'],
      { cwd: dir },
    );
    expect(beside.code).toBe(2);
    expect(json(beside).errors[0].code).toBe('OUTPUT_FEEDBACK_FOLDER');
    expect(readdirSync(path.join(dir, 'moi-nhan'))).toEqual(['028.csv']);

    // All fixed, but a unit's return is in the folder twice: the office's to settle, no unit is sent anything.
    writeFileSync(yenMinh, readFileSync(path.join(SAMPLE, 'returns', '028-yen-minh.csv')));
    const copy = path.join(dir, 'returns', '028-yen-minh (1).csv');
    writeFileSync(copy, readFileSync(yenMinh));
    const twice = await runCli(['check', '--feedback', 'phan-hoi'], { cwd: dir });
    expect(twice.code).toBe(1);
    expect(twice.stderr).toContain('DUPLICATE_RETURN');
    expect(twice.stderr).toContain('Không có lỗi nào để gửi cho đơn vị: không có tệp phản hồi nào trong phan-hoi.');
    expect(readdirSync(fb)).toEqual(['ghi-chu.txt']);
    rmSync(copy);

    // All fixed: no feedback file left.
    const clean = await runCli(['check', '--feedback', 'phan-hoi'], { cwd: dir });
    expect(clean.code).toBe(0);
    expect(readdirSync(fb)).toEqual(['ghi-chu.txt']);
  });
});

/** Breaks a copy of one sample return (an empty value), for a first run; `restore` puts it back. */
function workspaceWithBroken(dir: string, file: string): string {
  const p = path.join(dir, 'returns', file);
  writeFileSync(p, readFileSync(p, 'utf8').replace(/,(\d+)(\r?\n)/, ',$2'));
  return dir;
}
function restore(dir: string, file: string): void {
  writeFileSync(path.join(dir, 'returns', file), readFileSync(path.join(SAMPLE, 'returns', file)));
}
