// The workbook reader's small parts: numbers written back exactly, cell letters, and the
// feedback's split of a message into what is wrong and how to fix it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Workbook } from '@cj-tech-master/excelts';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { feedbackWorkbook, groupFeedback, splitMessage } from '../src/feedback/feedback.js';
import { loadDefinition } from '../src/ingest/definition.js';
import type { Problem } from '../src/messages/problem.js';
import { FIXTURES, ROOT, SAMPLE, runCli, sampleCopy } from './helpers.js';
import { columnLetter, excelTsSheetNames, mayShowOtherwise, numberText, recalculatesOnOpen, scalesByHundred, shownOtherwise, withoutValidations, xlsxReader } from '../src/ingest/readers/xlsx.js';
import { formWorkbookBytes } from '../src/workspace/form-xlsx.js';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { parseValue, readsTwoWays, valueFormat } from '../src/validate/number.js';
import { readReturn } from '../src/ingest/returns.js';

/** The sample's first form, filled in with `cells` (address → value), some with a number format, some rows hidden, as ExcelTS saves it. */
async function filledForm(cells: Record<string, unknown>, formats: Record<string, string> = {}, hidden: number[] = []): Promise<Uint8Array> {
  const def = await loadDefinition(path.join(SAMPLE, 'baocao.yaml'), ROOT, 'vi');
  const wb = new Workbook();
  await wb.xlsx.load(await formWorkbookBytes(def, def.units[0]!));
  for (const [address, value] of Object.entries(cells)) wb.worksheets[0]!.getCell(address).value = value as never;
  // A style of its own: cells loaded from a file share their style object.
  for (const [address, format] of Object.entries(formats)) {
    const cell = wb.worksheets[0]!.getCell(address);
    cell.style = { ...cell.style, numFmt: format };
  }
  for (const row of hidden) wb.worksheets[0]!.getRow(row).hidden = true;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Every value cell of the sample's form (E and F of each indicator's row), as 1. */
async function everyValue(dir: string): Promise<Record<string, number>> {
  const def = await loadDefinition(path.join(dir, 'baocao.yaml'), dir, 'vi');
  const cells: Record<string, number> = {};
  def.indicators.filter((i) => i.kind !== 'ratio').forEach((_, k) => Object.assign(cells, { [`E${4 + k}`]: 1, [`F${4 + k}`]: 1 }));
  return cells;
}

/** The table the workbook reader gives for `bytes` (Vietnamese number format); throws on a problem. */
async function readTable(bytes: Uint8Array) {
  const out = await xlsxReader.read(bytes, { numberFormat: 'vi' });
  if (!out.ok) throw new Error(out.problem.code);
  return out.table;
}

describe('numberText', () => {
  it('writes a number cell back exactly, dropping binary noise past 15 digits as Excel shows it', () => {
    expect(numberText(0.1 + 0.2, ',')).toBe('0,3');
    expect(numberText(1191.0000000000002, ',')).toBe('1191');
    expect(numberText(2.9999999999999996, ',')).toBe('3');
    expect(numberText(98.25, ',')).toBe('98,25');
    expect(numberText(98.25, '.')).toBe('98.25');
    expect(numberText(1e-7, ',')).toBe('0,0000001');
    expect(numberText(-0, ',')).toBe('0');
    expect(numberText(2082, ',')).toBe('2082');
    expect(numberText(1e21, ',')).toBe('1000000000000000000000');
  });

  it('reads back as the value typed, for any value of up to 12 significant digits and 0–6 decimals', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 999_999_999_999n }), fc.integer({ min: 0, max: 6 }), (scaled, decimals) => {
        const typed = Number(scaled) / 10 ** decimals; // what a spreadsheet stores for the typed value
        expect(parseValue(numberText(typed, ','), decimals, 'vi')).toEqual({ ok: true, value: scaled });
        expect(parseValue(numberText(typed, '.'), decimals, 'en')).toEqual({ ok: true, value: scaled });
      }),
      { seed: 12, numRuns: 2000 },
    );
  });

  it('is read, with no convention declared, as the value it is: the same number, and a fraction in a whole-number column is never "two readings"', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 999_999_999_999n }), fc.integer({ min: 0, max: 6 }), (scaled, decimals) => {
        const text = numberText(Number(scaled) / 10 ** decimals, ',');
        const read = (columnDecimals: number) => parseValue(text, columnDecimals, valueFormat(readsTwoWays(text), undefined));
        expect(read(decimals)).toEqual({ ok: true, value: scaled });
        // In a whole-number column: the number itself, or not an integer.
        const whole = read(0);
        expect(whole.ok ? whole.value * 10n ** BigInt(decimals) === scaled : whole.code === 'NOT_AN_INTEGER').toBe(true);
      }),
      // Small values with three decimals ("1,234") come up often: the case that read two ways.
      { seed: 13, numRuns: 2000, examples: [[1234n, 3], [975n, 3], [12500n, 4]] },
    );
  });
});

describe('columnLetter', () => {
  it('names columns as a spreadsheet does', () => {
    expect([1, 5, 26, 27, 52, 702, 703, 16384].map(columnLetter)).toEqual(['A', 'E', 'Z', 'AA', 'AZ', 'ZZ', 'AAA', 'XFD']);
  });
});

describe('withoutValidations', () => {
  const sheet = (body: string) =>
    Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${body}</worksheet>`);
  const rows = '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Mã đơn vị</t></is></c></row></sheetData>';
  const list = '<dataValidations count="1"><dataValidation type="whole" operator="greaterThanOrEqual" allowBlank="1" showInputMessage="1" prompt="Ghi số &lt;b&gt; ≥ 0" sqref="E4"><formula1>0</formula1></dataValidation></dataValidations>';

  it('cuts the validations out of a baocao form, and ExcelTS then reads the same cells', async () => {
    const def = await loadDefinition(path.join(SAMPLE, 'baocao.yaml'), ROOT, 'vi');
    const files = unzipSync(await formWorkbookBytes(def, def.units[0]!));
    const part = files['xl/worksheets/sheet1.xml']!;
    const cut = withoutValidations(part);
    const text = Buffer.from(part).toString('utf8');
    expect(text).toContain('<dataValidations');
    expect(Buffer.from(cut).toString('utf8')).toBe(text.replace(/<dataValidations[ >][\s\S]*<\/dataValidations>/, ''));
    expect(cut.length).toBeLessThan(part.length / 2);
    const cells = async (sheetPart: Uint8Array) => {
      const wb = new Workbook();
      await wb.xlsx.loadFromFiles({ ...files, 'xl/worksheets/sheet1.xml': sheetPart });
      const ws = wb.worksheets[0]!;
      const out: unknown[] = [ws.name, ws.state, ws.model.merges];
      ws.eachRow({ includeEmpty: true }, (row, n) => out.push(n, row.values));
      return out;
    };
    const whole = await cells(part);
    expect(whole.length).toBeGreaterThan(3 + 2 * def.indicators.length);
    expect(await cells(cut)).toEqual(whole);
  });

  it('cuts exactly the element, wherever it stands, and keeps what follows it (a merge list after it)', () => {
    const after = '<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';
    expect(Buffer.from(withoutValidations(sheet(rows + list + after))).toString('utf8')).toBe(sheet(rows + after).toString('utf8'));
    expect(Buffer.from(withoutValidations(sheet(list + rows))).toString('utf8')).toBe(sheet(rows).toString('utf8'));
    const bare = list.replace('<dataValidations count="1">', '<dataValidations>');
    expect(Buffer.from(withoutValidations(sheet(rows + bare))).toString('utf8')).toBe(sheet(rows).toString('utf8'));
  });

  it('leaves whole a sheet where the name could stand as text, or the element is not alone', () => {
    const untouched = [
      sheet(rows), // no validations
      // The name as text only, start and end in different places: cutting would break the sheet.
      sheet(`<!-- <dataValidations count="1"> -->${rows}<!-- </dataValidations> -->`), // in comments
      sheet(`<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[<dataValidations>]]></t></is></c><c r="B1" t="inlineStr"><is><t><![CDATA[</dataValidations>]]></t></is></c></row></sheetData>`), // in CDATA
      sheet(`<?a <dataValidations ?>${rows}<?b </dataValidations>?>`), // in processing instructions
      sheet(`${rows}<!-- kept -->${list}`), // a comment anywhere
      sheet(`${rows}<?pi x?>${list}`), // an instruction after the declaration
      Buffer.from(`<!DOCTYPE worksheet>${sheet(rows + list).toString('utf8')}`), // a DOCTYPE (and the declaration not first)
      sheet(rows + list + list), // two lists
      sheet(rows + list.replaceAll('dataValidations', 'x:dataValidations')), // a namespace prefix
      sheet(rows + list.replaceAll('dataValidations', 'dataValidationsX')), // a longer name
      sheet(rows + '<dataValidations count="0"/>'), // no end tag
      sheet(rows + list.replace('</dataValidations>', '') + '</dataValidations>'.slice(0, 5)), // a cut-off file
      sheet(rows.replace('</sheetData>', '</dataValidations></sheetData>') + list.replace('</dataValidations>', '')), // the end tag before the start tag
    ];
    for (const part of untouched) expect(withoutValidations(part)).toBe(part);
  });
});

describe('cells formatted as a percentage', () => {
  it('read as they show ("97,5%"), the number the file holds kept for the message; quoted or escaped % signs do not scale; 0% is 0', async () => {
    const bytes = await filledForm(
      { E4: 0.975, F4: 0.5, E5: { formula: 'E4/4', result: 0.24375 }, F5: 12, E6: 7, F6: 0, E7: 97.5, F7: 0.5 },
      { E4: '0.0%', F4: '0%', E5: '[Blue]0.00%', F5: '"%"0', F6: '0%', E7: '0.0\\%', F7: '0.0\\\\%' },
    );
    // As the file holds them: `0.0\%` is a literal % (ExcelTS would drop the backslash), `0.0\\%` a backslash, then a real %.
    expect(strFromU8(unzipSync(bytes)['xl/styles.xml']!)).toMatch(/formatCode="0\.0\\%".*formatCode="0\.0\\\\%"/);
    const table = await readTable(bytes);
    const cells = (line: number) => table.records.find((r) => r.line === line)!.cells.slice(4, 6);
    expect([cells(4), cells(5), cells(6), cells(7)]).toEqual([['97,5%', '50%'], ['24,375%', '12'], ['7', '0'], ['97,5', '50%']]);
    expect(table.percent).toEqual(new Map([['4:4', '0,975'], ['4:5', '0,5'], ['5:4', '0,24375'], ['7:5', '0,5']]));
    expect(scalesByHundred('0.0%')).toBe(true);
    expect(['"%"0', '0\\%', '[Red]0', 'General', undefined].map(scalesByHundred)).toEqual([false, false, false, false, false]);
  });

  it('keep their escapes to themselves: a date written dd\\/mm\\/yyyy (as Excel stores it) is still a date', async () => {
    const table = await readTable(await filledForm({ E4: 46143, F4: 46143 }, { E4: 'dd\\/mm\\/yyyy', F4: '0\\d' }));
    // F4's format is a number followed by a literal "d" (ExcelTS would read it as a day).
    expect(table.records.find((r) => r.line === 4)!.cells.slice(4, 6)).toEqual(['01/05/2026', '46143']);
  });

  it('are looked for only when the formats have a percentage, or another way of showing a number otherwise (a form has none: one read)', async () => {
    const styles = (bytes: Uint8Array) => unzipSync(bytes)['xl/styles.xml']!;
    expect(mayShowOtherwise(styles(await filledForm({ E4: 3 })))).toBe(false);
    expect(mayShowOtherwise(styles(await filledForm({ E4: 3 }, { E4: '#,##0' })))).toBe(false);
    expect(mayShowOtherwise(styles(await filledForm({ E4: 3 }, { E4: '"%"0' })))).toBe(false);
    expect(mayShowOtherwise(styles(await filledForm({ E4: 0.5 }, { E4: '0%' })))).toBe(true); // built-in 9
    expect(mayShowOtherwise(styles(await filledForm({ E4: 0.5 }, { E4: '#,##0.0%' })))).toBe(true);
    expect(mayShowOtherwise(styles(await filledForm({ E4: 5 }, { E4: '#,##0,' })))).toBe(true);
    expect(mayShowOtherwise(styles(await filledForm({ E4: 5 }, { E4: ';;;' })))).toBe(true);
  });

  it('are refused by check, naming what the unit sees and what the file holds, never added up as 0,975', async () => {
    const dir = sampleCopy();
    const file = path.join(dir, 'phan-tram.xlsx');
    writeFileSync(file, await filledForm({ ...(await everyValue(dir)), E4: 0.975 }, { E4: '0.0%' }));
    const r = await runCli(['check', '--json', '--only-listed', '--config', path.join(dir, 'baocao.yaml'), file]);
    expect(r.code).toBe(1);
    const errors = JSON.parse(r.stdout).errors as unknown[];
    expect(errors).toEqual([
      expect.objectContaining({ code: 'NOT_A_NUMBER', line: 4, cell: 'E4', message: expect.stringContaining('Ô được định dạng phần trăm: đơn vị thấy "97,5%" nhưng tệp lưu số 0,975.') }),
    ]);
    const english = await runCli(['check', '--lang', 'en', '--only-listed', '--config', path.join(dir, 'baocao.yaml'), file]);
    expect(english.stderr).toContain('the unit sees "97,5%" but the file holds 0,975');
  });
});

describe('cell formats that cannot be read', () => {
  /** A filled-in form with its formats part replaced (`styles` of the part's text), or left out (undefined). */
  const withStyles = async (bytes: Uint8Array, styles: ((text: string) => string) | undefined) => {
    const parts = unzipSync(bytes);
    if (styles) parts['xl/styles.xml'] = strToU8(styles(strFromU8(parts['xl/styles.xml']!)));
    else delete parts['xl/styles.xml'];
    return xlsxReader.read(zipSync(parts), { numberFormat: 'vi' });
  };
  const refused = (cell: string, line: number) => ({ ok: false, problem: { code: 'XLSX_UNREADABLE', line, sheet: 'Biểu mẫu', cell, params: { reason: 'FORMATS' } } });

  it('refuse the return at the first number whose format is not found, never read 0,975 for "97,5%" (a cut-off part, a part without its cell formats, a format number past them)', async () => {
    const percent = await filledForm({ E4: 3, F4: 0.975 }, { F4: '0.0%' });
    const damaged: Record<string, (text: string) => string> = {
      'cut off': (t) => t.slice(0, Math.floor(t.length * 0.7)),
      'without its cell formats': (t) => t.replace(/<cellXfs[^]*<\/cellXfs>/, ''),
      'without an end tag': (t) => t.replace('</numFmts>', ''),
      'fewer cell formats than the cells name': (t) => t.replace(/(<cellXfs[^>]*>)[^]*?(<\/cellXfs>)/, '$1<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>$2'),
    };
    for (const [name, damage] of Object.entries(damaged)) expect([name, await withStyles(percent, damage)]).toEqual([name, refused('E4', 4)]);
    // The same damage with no percentage anywhere, and no number that may be a date: the numbers are read as they are.
    const plain = await withStyles(await filledForm({ E4: 3, F4: 0.5 }), damaged['fewer cell formats than the cells name']!);
    expect(plain.ok && plain.table.records.find((r) => r.line === 4)!.cells.slice(4, 6)).toEqual(['3', '0,5']);
  });

  it('refuse a number that may be a date when the formats are damaged, or when the workbook has no formats part yet its cells name formats', async () => {
    const date = await filledForm({ E4: 3, F4: 46143 }, { F4: 'dd/mm/yyyy' });
    expect(await withStyles(date, (t) => t.replace(/(<cellXfs[^>]*>)[^]*?(<\/cellXfs>)/, '$1<xf numFmtId="0"/>$2'))).toEqual(refused('F4', 4));
    expect(await withStyles(date, undefined)).toEqual(refused('E4', 4));
    // A workbook written with no formats part and no format on any cell reads as it is.
    const parts = unzipSync(await filledForm({ E4: 3, F4: 46143 }));
    delete parts['xl/styles.xml'];
    parts['xl/worksheets/sheet1.xml'] = strToU8(strFromU8(parts['xl/worksheets/sheet1.xml']!).replace(/ s="\d+"/g, ''));
    const read = await xlsxReader.read(zipSync(parts), { numberFormat: 'vi' });
    expect(read.ok && read.table.records.find((r) => r.line === 4)!.cells.slice(4, 6)).toEqual(['3', '46143']);
  });

  it('are named by check with the file, sheet and cell, and what to do', async () => {
    const dir = sampleCopy();
    const file = path.join(dir, 'hong-dinh-dang.xlsx');
    const parts = unzipSync(await filledForm({ ...(await everyValue(dir)), E4: 0.975 }, { E4: '0.0%' }));
    parts['xl/styles.xml'] = strToU8(strFromU8(parts['xl/styles.xml']!).replace('</styleSheet>', ''));
    writeFileSync(file, zipSync(parts));
    const r = await runCli(['check', '--json', '--only-listed', '--config', path.join(dir, 'baocao.yaml'), file]);
    expect(r.code).toBe(1);
    const errors = (JSON.parse(r.stdout).errors as { code: string }[]).filter((e) => e.code !== 'NO_RETURNS');
    expect(errors).toEqual([
      expect.objectContaining({ code: 'XLSX_UNREADABLE', file: expect.stringContaining('hong-dinh-dang.xlsx'), line: 4, sheet: 'Biểu mẫu', cell: 'E4', message: expect.stringContaining('Không đọc được định dạng ô của bảng tính') }),
    ]);
    const english = await runCli(['check', '--lang', 'en', '--only-listed', '--config', path.join(dir, 'baocao.yaml'), file]);
    expect(english.stderr).toContain("The workbook's cell formats cannot be read");
  });
});

describe('number cells', () => {
  it('are read with the decimal mark the reader wrote them with: 1.234 in a whole-number column is not an integer, never "two readings"; the same text typed as text still is', async () => {
    const dir = sampleCopy();
    const file = path.join(dir, 'so-le.xlsx');
    writeFileSync(file, await filledForm({ ...(await everyValue(dir)), E4: 1.234, F4: '1,234' }));
    const r = await runCli(['check', '--json', '--only-listed', '--config', path.join(dir, 'baocao.yaml'), file]);
    expect(r.code).toBe(1);
    const errors = JSON.parse(r.stdout).errors as { code: string; cell: string }[];
    expect(errors.map((e) => [e.code, e.cell])).toEqual([
      ['NOT_AN_INTEGER', 'E4'],
      ['AMBIGUOUS_NUMBER', 'F4'],
    ]);
  });
});

describe("the workbook's default cell format", () => {
  /** A filled-in form whose first cell format has `numFmtId`, and whose E4 and F4 name no format (as Excel writes plain cells) or format 0 (as LibreOffice does). */
  const withDefault = async (cells: Record<string, unknown>, numFmtId: number) => {
    const parts = unzipSync(await filledForm(cells));
    const styles = strFromU8(parts['xl/styles.xml']!);
    parts['xl/styles.xml'] = strToU8(styles.replace(/(<cellXfs[^>]*>\s*<xf )numFmtId="0"/, `$1numFmtId="${numFmtId}"`));
    expect(strFromU8(parts['xl/styles.xml']!) === styles).toBe(numFmtId === 0);
    parts['xl/worksheets/sheet1.xml'] = strToU8(strFromU8(parts['xl/worksheets/sheet1.xml']!).replace(/<c r="E4" s="\d+"/, '<c r="E4"').replace(/<c r="F4" s="\d+"/, '<c r="F4" s="0"'));
    return readTable(zipSync(parts));
  };
  const line4 = (table: Awaited<ReturnType<typeof readTable>>) => table.records.find((r) => r.line === 4)!.cells.slice(4, 6);

  it('is the format of cells that name none: a default percentage shows 97,5%, a default date a date, never the number the file holds', async () => {
    const percent = await withDefault({ E4: 0.975, F4: 0.5 }, 10);
    expect(line4(percent)).toEqual(['97,5%', '50%']);
    expect(percent.percent).toEqual(new Map([['4:4', '0,975'], ['4:5', '0,5']]));
    expect(line4(await withDefault({ E4: 46143, F4: 46143 }, 14))).toEqual(['01/05/2026', '01/05/2026']);
    // A default of General (as every workbook has it) changes nothing: the numbers as they are.
    expect(line4(await withDefault({ E4: 0.975, F4: 46143 }, 0))).toEqual(['0,975', '46143']);
  });
});

describe('a workbook that asks to be recalculated when opened (fullCalcOnLoad), or was saved before its recalculation completed', () => {
  /** A filled-in form whose workbook part carries `calcPr` (or none). */
  const withCalc = async (cells: Record<string, unknown>, calcPr: string | undefined) => {
    const parts = unzipSync(await filledForm(cells));
    if (calcPr !== undefined) parts['xl/workbook.xml'] = strToU8(strFromU8(parts['xl/workbook.xml']!).replace(/<calcPr[^>]*\/>/, calcPr));
    return zipSync(parts);
  };

  it('is told by its calcPr, however written', () => {
    const part = (calcPr: string) => strToU8(`<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/>${calcPr}</workbook>`);
    expect(['<calcPr calcId="171027" fullCalcOnLoad="1"/>', "<calcPr fullCalcOnLoad='true'/>", '<x:calcPr\n  fullCalcOnLoad = "1" />', '<calcPr calcId="191029" calcCompleted="0"/>'].map((c) => recalculatesOnOpen(part(c)))).toEqual([true, true, true, true]);
    expect(['<calcPr calcId="171027"/>', '<calcPr fullCalcOnLoad="0"/>', '<calcPr calcId="1"/><!-- fullCalcOnLoad="1" -->', '<calcPr calcCompleted="1"/>', ''].map((c) => recalculatesOnOpen(part(c)))).toEqual([false, false, false, false, false]);
  });

  it("has its value cells' formula results refused, naming the formula and the saved result; other cells read as saved, and without the flag the results are figures", async () => {
    const cells = { E4: { formula: 'F4+1', result: 999 }, F4: 5, A5: { formula: '"0"&"24"', result: '024' } };
    const flagged = await readTable(await withCalc(cells, '<calcPr calcId="171027" fullCalcOnLoad="1"/>'));
    expect(flagged.untrusted).toEqual(new Map([['4:4', '999'], ['5:0', '024']]));
    expect(flagged.records.find((r) => r.line === 5)!.cells[0]).toBe('024');
    const plain = await readTable(await withCalc(cells, undefined));
    expect(plain.untrusted).toBeUndefined();
    expect(plain.records.find((r) => r.line === 4)!.cells.slice(4, 6)).toEqual(['999', '5']);

    const dir = sampleCopy();
    const file = path.join(dir, 'mau-tinh-lai.xlsx');
    writeFileSync(file, await withCalc({ ...(await everyValue(dir)), ...cells }, '<calcPr calcId="171027" fullCalcOnLoad="1"/>'));
    const r = await runCli(['check', '--json', '--only-listed', '--config', path.join(dir, 'baocao.yaml'), file]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).errors).toEqual([
      expect.objectContaining({ code: 'FORMULA_NOT_CALCULATED', line: 4, cell: 'E4', message: expect.stringContaining('Ô có công thức "=F4+1" nhưng bảng tính được đánh dấu là các công thức cần tính lại (tệp do chương trình khác tạo; Excel tính lại khi mở), nên kết quả lưu trong tệp ("999") có thể khác số Excel hiển thị.') }),
    ]);
  });
});

describe('format codes in single quotes', () => {
  it('are read as in double quotes: a literal or escaped % does not scale, a real one does', async () => {
    const bytes = await filledForm({ E4: 0.975, F4: 0.5, E5: 97.5, F5: 12 }, { E4: '0.0%', F4: '0.0\\\\%', E5: '0.0\\%', F5: '"%"0' });
    const parts = unzipSync(bytes);
    const text = strFromU8(parts['xl/styles.xml']!);
    const single = text.replace(/formatCode="([^"]*)"/g, (_w, code: string) => `formatCode='${code.replace(/&quot;/g, '"')}'`);
    expect(single).toContain(`formatCode='"%"0'`);
    parts['xl/styles.xml'] = strToU8(single);
    const table = await readTable(zipSync(parts));
    const cells = (line: number) => table.records.find((r) => r.line === line)!.cells.slice(4, 6);
    expect([cells(4), cells(5)]).toEqual([['97,5%', '50%'], ['97,5', '12']]);
  });
});

describe('cells whose format divides the number by thousands, or hides it', () => {
  it('are told from their format code', () => {
    const kinds = (codes: string[]) => codes.map((c) => shownOtherwise(c));
    expect(kinds(['#,##0,', '0.0,,', '#,##0,.0', '#,##0,"K";-#,##0,"K"', '[Red]#,##0,'])).toEqual([
      { kind: 'THOUSANDS', divisor: 1000 },
      { kind: 'THOUSANDS', divisor: 1_000_000 },
      { kind: 'THOUSANDS', divisor: 1000 },
      { kind: 'THOUSANDS', divisor: 1000 },
      { kind: 'THOUSANDS', divisor: 1000 },
    ]);
    expect(kinds([';;;', '"Có";"Có"', ';0'])).toEqual([{ kind: 'HIDDEN' }, { kind: 'HIDDEN' }, { kind: 'HIDDEN' }]);
    expect(kinds(['0.0%'])).toEqual([{ kind: 'PERCENT' }]);
    // As they are: grouping commas, a comma as text, General, text, dates, a second section's comma, nothing.
    expect(kinds(['#,##0', '#,##0.00', '0","', '0\\,', 'General', '@', 'dd/mm/yyyy', '0;0,', '[$-42A]#,##0', '', '_-* #,##0 ₫_-;-* #,##0 ₫_-;_-* "-" ₫_-;_-@_-', '0_,', '0*,'])).toEqual(
      Array(13).fill(undefined),
    );
    expect(['0_%', '0*%'].map(scalesByHundred)).toEqual([false, false]);
  });

  it('are refused by check with what the unit sees and what the file holds, never added up as 1234567 for "1.235"', async () => {
    const dir = sampleCopy();
    const file = path.join(dir, 'nghin.xlsx');
    writeFileSync(file, await filledForm({ ...(await everyValue(dir)), E4: 1234567, F4: 27, E5: 0, F5: 2082 }, { E4: '#,##0,', F4: ';;;', E5: '#,##0,', F5: '#,##0' }));
    const r = await runCli(['check', '--json', '--only-listed', '--config', path.join(dir, 'baocao.yaml'), file]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).errors).toEqual([
      expect.objectContaining({ code: 'NOT_A_NUMBER', line: 4, cell: 'E4', message: expect.stringContaining('Ô được định dạng để hiện số đã chia cho 1.000 (dấu phẩy ở cuối định dạng số): đơn vị thấy khoảng "1234,567" nhưng tệp lưu số 1234567.') }),
      expect.objectContaining({ code: 'NOT_A_NUMBER', line: 4, cell: 'F4', message: expect.stringContaining('Ô được định dạng để không hiện số (ví dụ định dạng ";;;"): đơn vị thấy ô trống hoặc chữ nhưng tệp lưu số 27.') }),
    ]);
    const english = await runCli(['check', '--lang', 'en', '--only-listed', '--config', path.join(dir, 'baocao.yaml'), file]);
    expect(english.stderr).toContain('divided by 1,000 (a comma at the end of its number format): the unit sees about "1234,567" but the file holds 1234567');
  });
});

describe('hidden rows', () => {
  it('are read, and named in one warning for the file; a hidden title row above the header is not', async () => {
    const dir = sampleCopy();
    const file = path.join(dir, 'an-dong.xlsx');
    writeFileSync(file, await filledForm(await everyValue(dir), {}, [2, 5, 7]));
    const r = await runCli(['check', '--json', '--only-listed', '--config', path.join(dir, 'baocao.yaml'), file]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.warnings).toEqual([
      expect.objectContaining({ code: 'HIDDEN_ROWS', line: 5, sheet: 'Biểu mẫu', message: expect.stringContaining('2 dòng số liệu đang bị ẩn trong trang tính "Biểu mẫu" nhưng vẫn được đọc và tổng hợp như mọi dòng khác: dòng 5, 7.') }),
    ]);
    const figures = await runCli(['aggregate', '--json', '--allow-missing', '--config', path.join(dir, 'baocao.yaml'), file]);
    // The hidden rows 5 and 7 (TTXH_KP, MT_DT) count like row 6 (MT_VU).
    const { indicators } = JSON.parse(figures.stdout);
    expect([indicators.TTXH_KP.current, indicators.MT_DT.current, indicators.MT_VU.current]).toEqual([1, 1, 1]);
  });
});

describe('row and column formats', () => {
  it('never make a workbook unreadable: a whole column formatted Text and a row formatted as a percentage, as Excel writes them (<col style>, <row s customFormat>)', async () => {
    const def = await loadDefinition(path.join(SAMPLE, 'baocao.yaml'), ROOT, 'vi');
    const wb = new Workbook();
    await wb.xlsx.load(await formWorkbookBytes(def, def.units[0]!));
    const ws = wb.worksheets[0]!;
    ws.getCell('E4').value = 7;
    ws.getCell('F4').value = 5;
    ws.getColumn(1).numFmt = '@';
    ws.getRow(2).numFmt = '0.0%'; // the title row: its cell's format is shared with no value cell
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const sheet = strFromU8(unzipSync(bytes)['xl/worksheets/sheet1.xml']!);
    expect(sheet).toMatch(/<col [^>]*style="\d+"/);
    expect(sheet).toMatch(/<row r="2"[^>]*customFormat="1"/);
    const table = await readTable(bytes);
    const row = table.records.find((r) => r.line === 4)!;
    expect([row.cells[0], row.cells[4], row.cells[5]]).toEqual([def.units[0]!.code, '7', '5']);
  });
});

describe('cells outside the table', () => {
  it('are named, never added up; a row of nothing else is no row (the note in H5, the 17 in XFD6, the signature in G9)', async () => {
    const dir = path.join(FIXTURES, 'check', 'cell-outside-table');
    const r = await runCli(['aggregate', 'returns', '--json', '--config', '../baocao.yaml'], { cwd: dir });
    expect(r.code).toBe(0);
    const { indicators } = JSON.parse(r.stdout);
    // Unit 01's in-table figures plus unit 02's (0, 0, 3 this period).
    expect([indicators.VU.current, indicators.KP.current, indicators.MH.current]).toEqual([20, 16, 15]);
    // The same cells in a CSV line are a malformed line (a stray delimiter shifts every column after it).
    const csv = await readReturn(new TextEncoder().encode('ma_don_vi,ky_bao_cao,ma_chi_tieu,ky_nay,cung_ky\n01,2024-Q1,VU,20,19,ghi chú\n'), 'a.csv');
    expect(csv.problems.map((p) => [p.code, p.params?.reason])).toEqual([['MALFORMED_CSV', 'FIELD_COUNT']]);
  });
});

describe('lists in warnings', () => {
  it('name at most 20 sheets or rows, the count giving the rest', async () => {
    const wb = new Workbook();
    const header = ['ma_don_vi', 'ky_bao_cao', 'ma_chi_tieu', 'ten_chi_tieu', 'ky_nay', 'cung_ky'];
    for (let i = 1; i <= 30; i++) {
      const ws = wb.addWorksheet(`Xã ${i}`);
      ws.addRow(header);
      for (let r = 0; r < 25; r++) ws.addRow(['01', '2024-Q1', `C${r}`, 'x', 1, 1]);
      if (i === 1) for (let r = 2; r <= 26; r++) ws.getRow(r).hidden = true;
    }
    const file = await readReturn(new Uint8Array(await wb.xlsx.writeBuffer()), 'huyen.xlsx');
    const byCode = new Map(file.problems.map((p) => [p.code, p.params!]));
    expect(byCode.get('SHEETS_NOT_READ')).toEqual({ sheet: 'Xã 1', count: 29, sheets: `${Array.from({ length: 20 }, (_, k) => `"Xã ${k + 2}"`).join(', ')}, …` });
    expect(byCode.get('HIDDEN_ROWS')).toEqual({ sheet: 'Xã 1', count: 25, rows: `${Array.from({ length: 20 }, (_, k) => k + 2).join(', ')}, …` });
  });
});

describe('Strict Open XML', () => {
  it('reads a workbook in the Strict namespaces (ISO/IEC 29500 Strict) as its Transitional twin', async () => {
    const transitional = await filledForm({ E4: 12, F4: 3.5, E5: { formula: 'E4-2', result: 10 } });
    const strictNames: [string, string][] = [
      ['http://schemas.openxmlformats.org/spreadsheetml/2006/main', 'http://purl.oclc.org/ooxml/spreadsheetml/main'],
      ['http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'http://purl.oclc.org/ooxml/officeDocument/relationships'],
    ];
    const parts = unzipSync(transitional);
    for (const name of Object.keys(parts)) {
      if (!/\.(xml|rels)$/.test(name)) continue;
      let text = strFromU8(parts[name]!);
      for (const [from, to] of strictNames) text = text.replaceAll(from, to);
      parts[name] = strToU8(text);
    }
    const strict = zipSync(parts);
    expect(strFromU8(unzipSync(strict)['xl/workbook.xml']!)).toContain('purl.oclc.org/ooxml/spreadsheetml/main');
    const [a, b] = [await readTable(transitional), await readTable(strict)];
    expect(a.records.find((r) => r.line === 4)?.cells.slice(4, 6)).toEqual(['12', '3,5']);
    expect(a.records.find((r) => r.line === 5)?.cells[4]).toBe('10');
    expect(b).toEqual(a);
  });
});

describe('cells as other programs store them', () => {
  it('reads inline strings, rich text, cells and rows without a reference, error, string and boolean results', async () => {
    const wb = new Workbook();
    wb.addWorksheet('S').getCell('A1').value = 'x';
    const base = unzipSync(new Uint8Array(await wb.xlsx.writeBuffer()));
    const read = async (sheetData: string) => {
      const sheet = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetData}</sheetData></worksheet>`;
      const out = await xlsxReader.read(zipSync({ ...base, 'xl/worksheets/sheet1.xml': strToU8(sheet) }), { numberFormat: 'vi' });
      return out.ok ? out.table.records : out.problem;
    };
    expect(await read('<row r="1"><c r="A1" t="inlineStr"><is><t>ma_don_vi</t></is></c><c r="B1" t="inlineStr"><is><r><t>ky_</t></r><r><t>nay</t></r></is></c></row>')).toEqual([
      { line: 1, cells: ['ma_don_vi', 'ky_nay'] },
    ]);
    expect(await read('<row><c t="inlineStr"><is><t>a</t></is></c><c><v>3</v></c></row><row><c><v>5</v></c><c><v>6.5</v></c></row>')).toEqual([
      { line: 1, cells: ['a', '3'] },
      { line: 2, cells: ['5', '6,5'] },
    ]);
    expect(await read('<row r="1"><c r="C1"><v>1</v></c></row><row r="3"><c r="A3"><v>2</v></c></row>')).toEqual([
      { line: 1, cells: ['', '', '1'] },
      { line: 3, cells: ['2'] },
    ]);
    expect(await read('<row r="1"><c r="A1" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="B1" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="C1" t="b"><v>1</v></c></row>')).toEqual([
      { line: 1, cells: ['#DIV/0!', 'ab', 'TRUE'] },
    ]);
  });
});

describe('worksheets not named sheetN.xml', () => {
  const rels = (targets: string[]) =>
    strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        targets.map((t, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="${t}"/>`).join('') +
        `<Relationship Id="rS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target='styles.xml'/></Relationships>`,
    );
  const part = strToU8('<worksheet/>');

  it('gives each a free sheetN.xml name and points the relationship that names it there', () => {
    const out = excelTsSheetNames({
      'xl/_rels/workbook.xml.rels': rels(['worksheets/sheet1.xml', 'worksheets/sheet.xml', '/xl/worksheets/D%E1%BB%AF%20li%E1%BB%87u.xml', './worksheets/../worksheets/sheet3.xml']),
      'xl/worksheets/sheet1.xml': part,
      'xl/worksheets/sheet.xml': part,
      'xl/worksheets/Dữ liệu.xml': part,
      'xl/worksheets/sheet3.xml': part,
    });
    expect(Object.keys(out).sort()).toEqual(['xl/_rels/workbook.xml.rels', 'xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml', 'xl/worksheets/sheet3.xml', 'xl/worksheets/sheet4.xml']);
    const text = strFromU8(out['xl/_rels/workbook.xml.rels']!);
    // Sorted by name: "Dữ liệu.xml" comes before "sheet.xml".
    expect(text.match(/Target=("[^"]*"|'[^']*')/g)).toEqual([
      'Target="worksheets/sheet1.xml"',
      'Target="/xl/worksheets/sheet4.xml"',
      'Target="/xl/worksheets/sheet2.xml"',
      'Target="./worksheets/../worksheets/sheet3.xml"',
      "Target='styles.xml'",
    ]);
  });

  it('leaves a workbook of sheetN.xml parts as it is', () => {
    const files = { 'xl/_rels/workbook.xml.rels': rels(['worksheets/sheet1.xml']), 'xl/worksheets/sheet1.xml': part };
    expect(excelTsSheetNames(files)).toBe(files);
  });

  it('reads a return saved as a .NET library writes it (sheet.xml, x: prefixes) as Excel would', async () => {
    const excel = await filledForm({ E4: 7 });
    const parts = unzipSync(excel);
    const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
    const prefixed = (xml: string) => xml.replace(`xmlns="${ns}"`, `xmlns:x="${ns}"`).replace(/<(\/?)([A-Za-z][\w.-]*)(?=[\s/>])/g, (m, slash: string, name: string) => (name === 'xml' ? m : `<${slash}x:${name}`));
    const other: Record<string, Uint8Array> = {};
    for (const [name, bytes] of Object.entries(parts)) {
      let text = strFromU8(bytes);
      if (name === 'xl/_rels/workbook.xml.rels' || name === '[Content_Types].xml') text = text.replace('worksheets/sheet1.xml', 'worksheets/sheet.xml');
      if (/^xl\/(workbook|sharedStrings|worksheets\/sheet1)\.xml$/.test(name)) text = prefixed(text);
      other[name === 'xl/worksheets/sheet1.xml' ? 'xl/worksheets/sheet.xml' : name] = name.endsWith('.xml') || name.endsWith('.rels') ? strToU8(text) : bytes;
    }
    expect(Object.keys(other)).toContain('xl/worksheets/sheet.xml');
    expect(strFromU8(other['xl/worksheets/sheet.xml']!)).toContain('<x:sheetData>');
    const [a, b] = [await readTable(excel), await readTable(zipSync(other))];
    expect(a.records.find((r) => r.line === 4)?.cells[4]).toBe('7');
    expect(b).toEqual(a);
  });

  it('says so when the worksheets in a file cannot be reached, rather than calling the return empty', async () => {
    const wb = new Workbook();
    wb.addWorksheet('Biểu mẫu').getCell('A1').value = 'ma_don_vi';
    const parts = unzipSync(new Uint8Array(await wb.xlsx.writeBuffer()));
    // A name written with a character reference: the relationship is not rewritten.
    parts['xl/worksheets/a&b.xml'] = parts['xl/worksheets/sheet1.xml']!;
    delete parts['xl/worksheets/sheet1.xml'];
    parts['xl/_rels/workbook.xml.rels'] = strToU8(strFromU8(parts['xl/_rels/workbook.xml.rels']!).replace('worksheets/sheet1.xml', 'worksheets/a&amp;b.xml'));
    expect(await xlsxReader.read(zipSync(parts), {})).toEqual({ ok: false, problem: { code: 'XLSX_UNREADABLE', params: { reason: 'NO_SHEETS' } } });
  });
});

describe('feedback workbook', () => {
  it('holds text from the returns as messages show it: no control characters, a huge value cut', async () => {
    const def = await loadDefinition(path.join(FIXTURES, 'check', 'baocao.yaml'), ROOT, 'vi');
    const problems: Problem[] = [
      { code: 'NOT_A_NUMBER', severity: 'error', file: 'returns/xa\u0001-01.xlsx', line: 5, column: 'ky_nay', sheet: 'Biểu\u0007mẫu', cell: 'E5', unit: '01', indicator: 'VU', params: { value: `x\u0001${'9'.repeat(100_000)}` } },
    ];
    const [fb] = groupFeedback(def, problems, { values: new Map(), received: [], missing: [] });
    expect(fb!.name).toBe('Phản hồi - 01 - Phường Một.xlsx');
    const wb = new Workbook();
    await wb.xlsx.load(await feedbackWorkbook(def, fb!));
    const row = wb.worksheets[0]!.getRow(4).values as unknown[];
    expect(row.slice(1, 6)).toEqual(['xa\ufffd-01.xlsx', 'Biểu\ufffdmẫu!E5', 'VU', 'Số vụ phạm tội', `x\ufffd${'9'.repeat(117)}…`]);
  });
});

describe('splitMessage', () => {
  it('splits at the first sentence end outside quotes', () => {
    expect(splitMessage('"mười" không phải là số. Ghi số nguyên, ví dụ 2082 hoặc 2.082.')).toEqual({ what: '"mười" không phải là số.', fix: 'Ghi số nguyên, ví dụ 2082 hoặc 2.082.' });
    expect(splitMessage('"a. b" sai. Sửa.')).toEqual({ what: '"a. b" sai.', fix: 'Sửa.' });
    expect(splitMessage('Chỉ một câu.')).toEqual({ what: 'Chỉ một câu.', fix: '' });
  });
});
