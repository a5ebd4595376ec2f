// The workbook reader's small parts: numbers written back exactly, cell letters, and the
// feedback's split of a message into what is wrong and how to fix it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Workbook } from '@cj-tech-master/excelts';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { feedbackWorkbook, groupFeedback, splitMessage } from '../src/feedback/feedback.js';
import { loadDefinition } from '../src/ingest/definition.js';
import { factsOf, type Problem } from '../src/messages/problem.js';
import { FIXTURES, ROOT, SAMPLE, runCli, sampleCopy } from './helpers.js';
import { columnLetter, numberText, validationsSpan, xlsxReader } from '../src/ingest/readers/xlsx/index.js';
import { scalesByHundred, shownOtherwise } from '../src/ingest/readers/xlsx/formats.js';
import { readWorkbook, resolvePart } from '../src/ingest/readers/xlsx/parts.js';
import { SheetHandler } from '../src/ingest/readers/xlsx/cells.js';
import { parseXml, partText } from '../src/ooxml/xml.js';
import { readSharedStrings } from '../src/ingest/readers/xlsx/strings.js';
import { formWorkbookBytes } from '../src/workspace/form-xlsx.js';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { parseValue, readsTwoWays, valueFormat } from '../src/numbers/parse.js';
import { readReturn } from '../src/ingest/returns.js';
import type { Table } from '../src/ingest/readers/types.js';

/** The sample's first form, filled in with `cells` (address → value), some with a number format, some rows hidden, as ExcelTS saves it. */
async function filledForm(
  cells: Record<string, unknown>,
  formats: Record<string, string> = {},
  hidden: number[] = [],
): Promise<Uint8Array> {
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

/** The cells of a table with a note of `kind`: by place, the number the file holds (a percentage) or the saved result (an untrusted formula). */
function noted(table: Table, kind: 'PERCENT' | 'FORMULA_UNTRUSTED'): Map<string, string> {
  return new Map(
    [...(table.notes ?? [])].flatMap(([at, n]) =>
      n.kind === 'PERCENT' && kind === 'PERCENT'
        ? [[at, n.stored]]
        : n.kind === 'FORMULA_UNTRUSTED' && kind === n.kind
          ? [[at, n.saved]]
          : [],
    ) as [string, string][],
  );
}

/** Every value cell of the sample's form (E and F of each indicator's row), as 1. */
async function everyValue(dir: string): Promise<Record<string, number>> {
  const def = await loadDefinition(path.join(dir, 'baocao.yaml'), dir, 'vi');
  const cells: Record<string, number> = {};
  def.indicators
    .filter((i) => i.kind !== 'ratio')
    .forEach((_, k) => Object.assign(cells, { [`F${4 + k}`]: 1, [`G${4 + k}`]: 1 }));
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
        const read = (columnDecimals: number) =>
          parseValue(text, columnDecimals, valueFormat(readsTwoWays(text), undefined));
        expect(read(decimals)).toEqual({ ok: true, value: scaled });
        // In a whole-number column: the number itself, or not an integer.
        const whole = read(0);
        expect(whole.ok ? whole.value * 10n ** BigInt(decimals) === scaled : whole.code === 'NOT_AN_INTEGER').toBe(
          true,
        );
      }),
      // Small values with three decimals ("1,234") come up often: the case that read two ways.
      {
        seed: 13,
        numRuns: 2000,
        examples: [
          [1234n, 3],
          [975n, 3],
          [12500n, 4],
        ],
      },
    );
  });
});

describe('columnLetter', () => {
  it('names columns as a spreadsheet does', () => {
    expect([1, 5, 26, 27, 52, 702, 703, 16384].map(columnLetter)).toEqual([
      'A',
      'E',
      'Z',
      'AA',
      'AZ',
      'ZZ',
      'AAA',
      'XFD',
    ]);
  });
});

describe("a form's data validations", () => {
  const sheet = (body: string) =>
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${body}</worksheet>`;
  const rows =
    '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Mã đơn vị</t></is></c><c r="B1"><v>7</v></c></row></sheetData>';
  const list =
    '<dataValidations count="1"><dataValidation type="whole" operator="greaterThanOrEqual" allowBlank="1" showInputMessage="1" prompt="Ghi số &lt;b&gt; ≥ 0" sqref="E4"><formula1>0</formula1></dataValidation></dataValidations>';
  /** The rows a sheet part reads to, by one tokenizer. */
  const read = (xml: string, only?: 'fast' | 'reference', strings: string[] = []) => {
    const { handler, tokenizer } = parseXml(xml, () => new SheetHandler(strings), only);
    return { rows: handler.rows, merges: handler.merges, tokenizer };
  };

  it('are passed over unread in a baocao form, which reads to the same cells as saxes reads it whole', async () => {
    const def = await loadDefinition(path.join(SAMPLE, 'baocao.yaml'), ROOT, 'vi');
    const parts = unzipSync(await formWorkbookBytes(def, def.units[0]!));
    const part = partText(parts['xl/worksheets/sheet1.xml']!);
    const strings = readSharedStrings(parts['xl/sharedStrings.xml']!);
    expect(part).toContain('<dataValidations');
    const fast = read(part, 'fast', strings);
    expect(fast.rows.length).toBeGreaterThan(def.indicators.length);
    expect(read(part, 'reference', strings)).toEqual({ ...fast, tokenizer: 'reference' });
  });

  it('are passed over wherever they stand, and what follows them is read (a merge list after them)', () => {
    const after =
      '<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';
    for (const body of [
      rows + list + after,
      list + rows + after,
      rows + list.replace('<dataValidations count="1">', '<dataValidations>') + after,
    ]) {
      const got = read(sheet(body), 'fast');
      expect(got.rows[0]!.cells.map((c) => c.value)).toEqual([
        { kind: 'text', text: 'Mã đơn vị' },
        { kind: 'number', number: 7 },
      ]);
      expect(got.merges).toEqual(['A1:B1']);
    }
  });

  it('where the markup is not plain (a comment, CDATA, an instruction, a DOCTYPE), the part is read by saxes, to the same cells', () => {
    const plain = read(sheet(rows + list), 'fast');
    for (const xml of [
      sheet(`<!-- <dataValidations count="1"> -->${rows}<!-- </dataValidations> -->`),
      sheet(`${rows}<!-- kept -->${list}`),
      sheet(`${rows}<?pi x?>${list}`),
      sheet(rows + list).replace('?>\n', '?>\n<!DOCTYPE worksheet>'),
      sheet(rows.replace('<t>Mã đơn vị</t>', '<t><![CDATA[Mã đơn vị]]></t>') + list),
    ]) {
      const got = read(xml);
      expect(got.tokenizer).toBe('reference');
      expect(got.rows).toEqual(plain.rows);
    }
    // Validations nested in a list of the same name, or a longer name, are counted, not cut short.
    const nested = read(
      sheet(
        rows +
          '<dataValidations><dataValidations/><dataValidationsX></dataValidationsX></dataValidations>' +
          '<mergeCells><mergeCell ref="A1:B1"/></mergeCells>',
      ),
      'fast',
    );
    expect(nested.merges).toEqual(['A1:B1']);
  });
});

describe('cells formatted as a percentage', () => {
  it('read as they show ("97,5%"), the number the file holds kept for the message; quoted or escaped % signs do not scale; 0% is 0', async () => {
    const bytes = await filledForm(
      { F4: 0.975, G4: 0.5, F5: { formula: 'F4/4', result: 0.24375 }, G5: 12, F6: 7, G6: 0, F7: 97.5, G7: 0.5 },
      { F4: '0.0%', G4: '0%', F5: '[Blue]0.00%', G5: '"%"0', G6: '0%', F7: '0.0\\%', G7: '0.0\\\\%' },
    );
    // As the file holds them: `0.0\%` is a literal % (ExcelTS would drop the backslash), `0.0\\%` a backslash, then a real %.
    expect(strFromU8(unzipSync(bytes)['xl/styles.xml']!)).toMatch(/formatCode="0\.0\\%".*formatCode="0\.0\\\\%"/);
    const table = await readTable(bytes);
    const cells = (line: number) => table.records.find((r) => r.line === line)!.cells.slice(5, 7);
    expect([cells(4), cells(5), cells(6), cells(7)]).toEqual([
      ['97,5%', '50%'],
      ['24,375%', '12'],
      ['7', '0'],
      ['97,5', '50%'],
    ]);
    expect(noted(table, 'PERCENT')).toEqual(
      new Map([
        ['4:5', '0,975'],
        ['4:6', '0,5'],
        ['5:5', '0,24375'],
        ['7:6', '0,5'],
      ]),
    );
    expect(scalesByHundred('0.0%')).toBe(true);
    expect(['"%"0', '0\\%', '[Red]0', 'General', undefined].map(scalesByHundred)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('keep their escapes to themselves: a date written dd\\/mm\\/yyyy (as Excel stores it) is still a date', async () => {
    const table = await readTable(await filledForm({ F4: 46143, G4: 46143 }, { F4: 'dd\\/mm\\/yyyy', G4: '0\\d' }));
    // G4's format is a number followed by a literal "d" (ExcelTS would read it as a day).
    expect(table.records.find((r) => r.line === 4)!.cells.slice(5, 7)).toEqual(['01/05/2026', '46143']);
  });

  it('are refused by check, naming what the unit sees and what the file holds, never added up as 0,975', async () => {
    const dir = sampleCopy();
    const file = path.join(dir, 'phan-tram.xlsx');
    writeFileSync(file, await filledForm({ ...(await everyValue(dir)), F4: 0.975 }, { F4: '0.0%' }));
    const r = await runCli(['check', '--json', '--only-listed', '--config', path.join(dir, 'baocao.yaml'), file]);
    expect(r.code).toBe(1);
    const errors = JSON.parse(r.stdout).errors as unknown[];
    expect(errors).toEqual([
      expect.objectContaining({
        code: 'NOT_A_NUMBER',
        line: 4,
        cell: 'F4',
        message: expect.stringContaining('Ô được định dạng phần trăm: đơn vị thấy "97,5%" nhưng tệp lưu số 0,975.'),
      }),
    ]);
    const english = await runCli([
      'check',
      '--lang',
      'en',
      '--only-listed',
      '--config',
      path.join(dir, 'baocao.yaml'),
      file,
    ]);
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
  const refused = (cell: string, line: number) => ({
    ok: false,
    problem: { code: 'XLSX_UNREADABLE', line, sheet: 'Biểu mẫu', cell, params: { reason: 'FORMATS' } },
  });

  it('refuse the return at the first number whose format is not found, never read 0,975 for "97,5%" (a cut-off part, a part without its cell formats, a format number past them)', async () => {
    const percent = await filledForm({ F4: 3, G4: 0.975 }, { G4: '0.0%' });
    const damaged: Record<string, (text: string) => string> = {
      'cut off': (t) => t.slice(0, Math.floor(t.length * 0.7)),
      'without its cell formats': (t) => t.replace(/<cellXfs[\s\S]*<\/cellXfs>/, ''),
      'without an end tag': (t) => t.replace('</numFmts>', ''),
      'fewer cell formats than the cells name': (t) =>
        t.replace(
          /(<cellXfs[^>]*>)[\s\S]*?(<\/cellXfs>)/,
          '$1<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>$2',
        ),
    };
    for (const [name, damage] of Object.entries(damaged))
      expect([name, await withStyles(percent, damage)]).toEqual([name, refused('F4', 4)]);
    // The same damage with no percentage anywhere: what the cells show still cannot be known, so they are refused too (never a guess).
    expect(
      await withStyles(await filledForm({ F4: 3, G4: 0.5 }), damaged['fewer cell formats than the cells name']!),
    ).toEqual(refused('F4', 4));
    // A damaged formats part is no matter when no number names a format it lacks: format 0 is found.
    const zeros = unzipSync(await filledForm({ F4: 3, G4: 0.5 }));
    zeros['xl/worksheets/sheet1.xml'] = strToU8(strFromU8(zeros['xl/worksheets/sheet1.xml']!).replace(/ s="\d+"/g, ''));
    const fine = await xlsxReader.read(
      zipSync({
        ...zeros,
        'xl/styles.xml': strToU8(
          damaged['fewer cell formats than the cells name']!(strFromU8(zeros['xl/styles.xml']!)),
        ),
      }),
      { numberFormat: 'vi' },
    );
    expect(fine.ok && fine.table.records.find((r) => r.line === 4)!.cells.slice(5, 7)).toEqual(['3', '0,5']);
  });

  it('refuse a number that may be a date when the formats are damaged, or when the workbook has no formats part yet its cells name formats', async () => {
    const date = await filledForm({ F4: 3, G4: 46143 }, { G4: 'dd/mm/yyyy' });
    expect(
      await withStyles(date, (t) => t.replace(/(<cellXfs[^>]*>)[\s\S]*?(<\/cellXfs>)/, '$1<xf numFmtId="0"/>$2')),
    ).toEqual(refused('F4', 4));
    expect(await withStyles(date, undefined)).toEqual(refused('F4', 4));
    // A workbook written with no formats part and no format on any cell reads as it is.
    const parts = unzipSync(await filledForm({ F4: 3, G4: 46143 }));
    delete parts['xl/styles.xml'];
    parts['xl/worksheets/sheet1.xml'] = strToU8(strFromU8(parts['xl/worksheets/sheet1.xml']!).replace(/ s="\d+"/g, ''));
    const read = await xlsxReader.read(zipSync(parts), { numberFormat: 'vi' });
    expect(read.ok && read.table.records.find((r) => r.line === 4)!.cells.slice(5, 7)).toEqual(['3', '46143']);
  });

  it('are named by check with the file, sheet and cell, and what to do', async () => {
    const dir = sampleCopy();
    const file = path.join(dir, 'hong-dinh-dang.xlsx');
    const parts = unzipSync(await filledForm({ ...(await everyValue(dir)), F4: 0.975 }, { F4: '0.0%' }));
    parts['xl/styles.xml'] = strToU8(strFromU8(parts['xl/styles.xml']!).replace('</styleSheet>', ''));
    writeFileSync(file, zipSync(parts));
    const r = await runCli(['check', '--json', '--only-listed', '--config', path.join(dir, 'baocao.yaml'), file]);
    expect(r.code).toBe(1);
    const errors = (JSON.parse(r.stdout).errors as { code: string }[]).filter((e) => e.code !== 'NO_RETURNS');
    expect(errors).toEqual([
      expect.objectContaining({
        code: 'XLSX_UNREADABLE',
        file: expect.stringContaining('hong-dinh-dang.xlsx'),
        line: 4,
        sheet: 'Biểu mẫu',
        cell: 'F4',
        message: expect.stringContaining('Không đọc được định dạng ô của bảng tính'),
      }),
    ]);
    const english = await runCli([
      'check',
      '--lang',
      'en',
      '--only-listed',
      '--config',
      path.join(dir, 'baocao.yaml'),
      file,
    ]);
    expect(english.stderr).toContain("The workbook's cell formats cannot be read");
  });
});

describe('number cells', () => {
  it('are read with the decimal mark the reader wrote them with: 1.234 in a whole-number column is not an integer, never "two readings"; the same text typed as text still is', async () => {
    const dir = sampleCopy();
    const file = path.join(dir, 'so-le.xlsx');
    writeFileSync(file, await filledForm({ ...(await everyValue(dir)), F4: 1.234, G4: '1,234' }));
    const r = await runCli(['check', '--json', '--only-listed', '--config', path.join(dir, 'baocao.yaml'), file]);
    expect(r.code).toBe(1);
    const errors = JSON.parse(r.stdout).errors as { code: string; cell: string }[];
    expect(errors.map((e) => [e.code, e.cell])).toEqual([
      ['NOT_AN_INTEGER', 'F4'],
      ['AMBIGUOUS_NUMBER', 'G4'],
    ]);
  });
});

describe("the workbook's default cell format", () => {
  /** A filled-in form whose first cell format has `numFmtId`, and whose F4 and G4 name no format (as Excel writes plain cells) or format 0 (as LibreOffice does). */
  const withDefault = async (cells: Record<string, unknown>, numFmtId: number) => {
    const parts = unzipSync(await filledForm(cells));
    const styles = strFromU8(parts['xl/styles.xml']!);
    parts['xl/styles.xml'] = strToU8(styles.replace(/(<cellXfs[^>]*>\s*<xf )numFmtId="0"/, `$1numFmtId="${numFmtId}"`));
    expect(strFromU8(parts['xl/styles.xml']!) === styles).toBe(numFmtId === 0);
    parts['xl/worksheets/sheet1.xml'] = strToU8(
      strFromU8(parts['xl/worksheets/sheet1.xml']!)
        .replace(/<c r="F4" s="\d+"/, '<c r="F4"')
        .replace(/<c r="G4" s="\d+"/, '<c r="G4" s="0"'),
    );
    return readTable(zipSync(parts));
  };
  const line4 = (table: Awaited<ReturnType<typeof readTable>>) =>
    table.records.find((r) => r.line === 4)!.cells.slice(5, 7);

  it('is the format of cells that name none: a default percentage shows 97,5%, a default date a date, never the number the file holds', async () => {
    const percent = await withDefault({ F4: 0.975, G4: 0.5 }, 10);
    expect(line4(percent)).toEqual(['97,5%', '50%']);
    expect(noted(percent, 'PERCENT')).toEqual(
      new Map([
        ['4:5', '0,975'],
        ['4:6', '0,5'],
      ]),
    );
    expect(line4(await withDefault({ F4: 46143, G4: 46143 }, 14))).toEqual(['01/05/2026', '01/05/2026']);
    // A default of General (as every workbook has it) changes nothing: the numbers as they are.
    expect(line4(await withDefault({ F4: 0.975, G4: 46143 }, 0))).toEqual(['0,975', '46143']);
  });
});

describe('a workbook that asks to be recalculated when opened (fullCalcOnLoad), or was saved before its recalculation completed', () => {
  /** A filled-in form whose workbook part carries `calcPr` (or none). */
  const withCalc = async (cells: Record<string, unknown>, calcPr: string | undefined) => {
    const parts = unzipSync(await filledForm(cells));
    if (calcPr !== undefined)
      parts['xl/workbook.xml'] = strToU8(strFromU8(parts['xl/workbook.xml']!).replace(/<calcPr[^>]*\/>/, calcPr));
    return zipSync(parts);
  };

  it('is told by its calcPr, however written', () => {
    const part = (calcPr: string) =>
      strToU8(
        `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/>${calcPr}</workbook>`,
      );
    expect(
      [
        '<calcPr calcId="171027" fullCalcOnLoad="1"/>',
        "<calcPr fullCalcOnLoad='true'/>",
        '<x:calcPr\n  fullCalcOnLoad = "1" />',
        '<calcPr calcId="191029" calcCompleted="0"/>',
      ].map((c) => readWorkbook(part(c)).recalculated),
    ).toEqual([true, true, true, true]);
    expect(
      [
        '<calcPr calcId="171027"/>',
        '<calcPr fullCalcOnLoad="0"/>',
        '<calcPr calcId="1"/><!-- fullCalcOnLoad="1" -->',
        '<calcPr calcCompleted="1"/>',
        '',
      ].map((c) => readWorkbook(part(c)).recalculated),
    ).toEqual([false, false, false, false, false]);
  });

  it("has its value cells' formula results refused, naming the formula and the saved result; other cells read as saved, and without the flag the results are figures", async () => {
    const cells = { F4: { formula: 'G4+1', result: 999 }, G4: 5, A5: { formula: '"0"&"24"', result: '024' } };
    const flagged = await readTable(await withCalc(cells, '<calcPr calcId="171027" fullCalcOnLoad="1"/>'));
    expect(noted(flagged, 'FORMULA_UNTRUSTED')).toEqual(
      new Map([
        ['4:5', '999'],
        ['5:0', '024'],
      ]),
    );
    expect(flagged.records.find((r) => r.line === 5)!.cells[0]).toBe('024');
    const plain = await readTable(await withCalc(cells, undefined));
    expect(noted(plain, 'FORMULA_UNTRUSTED')).toEqual(new Map());
    expect(plain.records.find((r) => r.line === 4)!.cells.slice(5, 7)).toEqual(['999', '5']);

    const dir = sampleCopy();
    const file = path.join(dir, 'mau-tinh-lai.xlsx');
    writeFileSync(
      file,
      await withCalc({ ...(await everyValue(dir)), ...cells }, '<calcPr calcId="171027" fullCalcOnLoad="1"/>'),
    );
    const r = await runCli(['check', '--json', '--only-listed', '--config', path.join(dir, 'baocao.yaml'), file]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).errors).toEqual([
      expect.objectContaining({
        code: 'FORMULA_NOT_CALCULATED',
        line: 4,
        cell: 'F4',
        message: expect.stringContaining(
          'Ô có công thức "=G4+1" nhưng bảng tính được đánh dấu là các công thức cần tính lại (tệp do chương trình khác tạo; Excel tính lại khi mở), nên kết quả lưu trong tệp ("999") có thể khác số Excel hiển thị.',
        ),
      }),
    ]);
  });
});

describe('format codes in single quotes', () => {
  it('are read as in double quotes: a literal or escaped % does not scale, a real one does', async () => {
    const bytes = await filledForm(
      { F4: 0.975, G4: 0.5, F5: 97.5, G5: 12 },
      { F4: '0.0%', G4: '0.0\\\\%', F5: '0.0\\%', G5: '"%"0' },
    );
    const parts = unzipSync(bytes);
    const text = strFromU8(parts['xl/styles.xml']!);
    const single = text.replace(
      /formatCode="([^"]*)"/g,
      (_w, code: string) => `formatCode='${code.replace(/&quot;/g, '"')}'`,
    );
    expect(single).toContain(`formatCode='"%"0'`);
    parts['xl/styles.xml'] = strToU8(single);
    const table = await readTable(zipSync(parts));
    const cells = (line: number) => table.records.find((r) => r.line === line)!.cells.slice(5, 7);
    expect([cells(4), cells(5)]).toEqual([
      ['97,5%', '50%'],
      ['97,5', '12'],
    ]);
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
    // As they are: grouping commas, a comma as text, General, text, a second section's comma, nothing.
    expect(
      kinds([
        '#,##0',
        '#,##0.00',
        '0","',
        '0\\,',
        'General',
        '@',
        '0;0,',
        '[$-42A]#,##0',
        '',
        '_-* #,##0 ₫_-;-* #,##0 ₫_-;_-* "-" ₫_-;_-@_-',
        '0_,',
        '0*,',
        '0\\d',
        '"ngày "0',
      ]),
    ).toEqual(Array(14).fill(undefined));
    // Dates and times, an m beside h or s being minutes; a date letter quoted or escaped is text.
    expect(
      kinds(['dd/mm/yyyy', 'mmm-yy', 'h:mm', '[h]:mm:ss', 'mm:ss', 'm/d/yy h:mm', '[$-42A]d/m/yyyy;@', 'h:mm AM/PM']),
    ).toEqual([
      { kind: 'DATE', date: true, time: false, seconds: false },
      { kind: 'DATE', date: true, time: false, seconds: false },
      { kind: 'DATE', date: false, time: true, seconds: false },
      { kind: 'DATE', date: false, time: true, seconds: true },
      { kind: 'DATE', date: false, time: true, seconds: true },
      { kind: 'DATE', date: true, time: true, seconds: false },
      { kind: 'DATE', date: true, time: false, seconds: false },
      { kind: 'DATE', date: false, time: true, seconds: false },
    ]);
    expect(['0_%', '0*%'].map(scalesByHundred)).toEqual([false, false]);
    // Judged once and remembered: asked again, and past the thousand remembered, the same verdicts.
    const again = ['#,##0,', ';;;', '0.0%', '#,##0', 'dd/mm/yyyy', 'h:mm'];
    const first = kinds(again);
    kinds(Array.from({ length: 1_200 }, (_, i) => `0"${i}"`));
    expect(kinds(again)).toEqual(first);
    expect(kinds(['#,##0,"x1201"', '0.0%"y"'])).toEqual([{ kind: 'THOUSANDS', divisor: 1000 }, { kind: 'PERCENT' }]);
  });

  it('are refused by check with what the unit sees and what the file holds, never added up as 1234567 for "1.235"', async () => {
    const dir = sampleCopy();
    const file = path.join(dir, 'nghin.xlsx');
    writeFileSync(
      file,
      await filledForm(
        { ...(await everyValue(dir)), F4: 1234567, G4: 27, F5: 0, G5: 2082 },
        { F4: '#,##0,', G4: ';;;', F5: '#,##0,', G5: '#,##0' },
      ),
    );
    const r = await runCli(['check', '--json', '--only-listed', '--config', path.join(dir, 'baocao.yaml'), file]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).errors).toEqual([
      expect.objectContaining({
        code: 'NOT_A_NUMBER',
        line: 4,
        cell: 'F4',
        message: expect.stringContaining(
          'Ô được định dạng để hiện số đã chia cho 1.000 (dấu phẩy ở cuối định dạng số): đơn vị thấy khoảng "1234,567" nhưng tệp lưu số 1234567.',
        ),
      }),
      expect.objectContaining({
        code: 'NOT_A_NUMBER',
        line: 4,
        cell: 'G4',
        message: expect.stringContaining(
          'Ô được định dạng để không hiện số (ví dụ định dạng ";;;"): đơn vị thấy ô trống hoặc chữ nhưng tệp lưu số 27.',
        ),
      }),
    ]);
    const english = await runCli([
      'check',
      '--lang',
      'en',
      '--only-listed',
      '--config',
      path.join(dir, 'baocao.yaml'),
      file,
    ]);
    expect(english.stderr).toContain(
      'divided by 1,000 (a comma at the end of its number format): the unit sees about "1234,567" but the file holds 1234567',
    );
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
      expect.objectContaining({
        code: 'HIDDEN_ROWS',
        line: 5,
        sheet: 'Biểu mẫu',
        message: expect.stringContaining(
          '2 dòng số liệu đang bị ẩn trong trang tính "Biểu mẫu" nhưng vẫn được đọc và tổng hợp như mọi dòng khác: dòng 5, 7.',
        ),
      }),
    ]);
    const figures = await runCli([
      'aggregate',
      '--json',
      '--allow-missing',
      '--config',
      path.join(dir, 'baocao.yaml'),
      file,
    ]);
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
    ws.getCell('F4').value = 7;
    ws.getCell('G4').value = 5;
    ws.getColumn(1).numFmt = '@';
    ws.getRow(2).numFmt = '0.0%'; // the title row: its cell's format is shared with no value cell
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const sheet = strFromU8(unzipSync(bytes)['xl/worksheets/sheet1.xml']!);
    expect(sheet).toMatch(/<col [^>]*style="\d+"/);
    expect(sheet).toMatch(/<row r="2"[^>]*customFormat="1"/);
    const table = await readTable(bytes);
    const row = table.records.find((r) => r.line === 4)!;
    expect([row.cells[0], row.cells[5], row.cells[6]]).toEqual([def.units[0]!.code, '7', '5']);
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
    const csv = await readReturn(
      new TextEncoder().encode('ma_don_vi,ky_bao_cao,ma_chi_tieu,ky_nay,cung_ky\n01,2024-Q1,VU,20,19,ghi chú\n'),
      'a.csv',
    );
    expect(csv.problems.map((p) => [p.code, factsOf(p).reason])).toEqual([['MALFORMED_CSV', 'FIELD_COUNT']]);
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
    expect(byCode.get('SHEETS_NOT_READ')).toEqual({
      sheet: 'Xã 1',
      count: 29,
      sheets: `${Array.from({ length: 20 }, (_, k) => `"Xã ${k + 2}"`).join(', ')}, …`,
    });
    expect(byCode.get('HIDDEN_ROWS')).toEqual({
      sheet: 'Xã 1',
      count: 25,
      rows: `${Array.from({ length: 20 }, (_, k) => k + 2).join(', ')}, …`,
    });
  });
});

describe('Strict Open XML', () => {
  it('reads a workbook in the Strict namespaces (ISO/IEC 29500 Strict) as its Transitional twin', async () => {
    const transitional = await filledForm({ F4: 12, G4: 3.5, F5: { formula: 'F4-2', result: 10 } });
    const strictNames: [string, string][] = [
      ['http://schemas.openxmlformats.org/spreadsheetml/2006/main', 'http://purl.oclc.org/ooxml/spreadsheetml/main'],
      [
        'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
        'http://purl.oclc.org/ooxml/officeDocument/relationships',
      ],
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
    expect(a.records.find((r) => r.line === 4)?.cells.slice(5, 7)).toEqual(['12', '3,5']);
    expect(a.records.find((r) => r.line === 5)?.cells[5]).toBe('10');
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
      const out = await xlsxReader.read(zipSync({ ...base, 'xl/worksheets/sheet1.xml': strToU8(sheet) }), {
        numberFormat: 'vi',
      });
      return out.ok ? out.table.records : out.problem;
    };
    expect(
      await read(
        '<row r="1"><c r="A1" t="inlineStr"><is><t>ma_don_vi</t></is></c><c r="B1" t="inlineStr"><is><r><t>ky_</t></r><r><t>nay</t></r></is></c></row>',
      ),
    ).toEqual([{ line: 1, cells: ['ma_don_vi', 'ky_nay'] }]);
    expect(
      await read(
        '<row><c t="inlineStr"><is><t>a</t></is></c><c><v>3</v></c></row><row><c><v>5</v></c><c><v>6.5</v></c></row>',
      ),
    ).toEqual([
      { line: 1, cells: ['a', '3'] },
      { line: 2, cells: ['5', '6,5'] },
    ]);
    expect(await read('<row r="1"><c r="C1"><v>1</v></c></row><row r="3"><c r="A3"><v>2</v></c></row>')).toEqual([
      { line: 1, cells: ['', '', '1'] },
      { line: 3, cells: ['2'] },
    ]);
    expect(
      await read(
        '<row r="1"><c r="A1" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="B1" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="C1" t="b"><v>1</v></c></row>',
      ),
    ).toEqual([{ line: 1, cells: ['#DIV/0!', 'ab', 'TRUE'] }]);
  });
});

describe('worksheets not named sheetN.xml', () => {
  it('are found through the relationships, however their targets are written', () => {
    expect(
      [
        'worksheets/sheet1.xml',
        'worksheets/sheet.xml',
        '/xl/worksheets/D%E1%BB%AF%20li%E1%BB%87u.xml',
        './worksheets/../worksheets/sheet3.xml',
      ].map((t) => resolvePart('xl/workbook.xml', t)),
    ).toEqual([
      'xl/worksheets/sheet1.xml',
      'xl/worksheets/sheet.xml',
      'xl/worksheets/Dữ liệu.xml',
      'xl/worksheets/sheet3.xml',
    ]);
    expect(resolvePart('', 'xl/workbook.xml')).toBe('xl/workbook.xml');
    expect(resolvePart('xl/workbook.xml', '%E0%A4%A')).toBeUndefined();
  });

  it('reads a return saved as a .NET library writes it (sheet.xml, x: prefixes) as Excel would', async () => {
    const excel = await filledForm({ E4: 7 });
    const parts = unzipSync(excel);
    const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
    const prefixed = (xml: string) =>
      xml
        .replace(`xmlns="${ns}"`, `xmlns:x="${ns}"`)
        .replace(/<(\/?)([A-Za-z][\w.-]*)(?=[\s/>])/g, (m, slash: string, name: string) =>
          name === 'xml' ? m : `<${slash}x:${name}`,
        );
    const other: Record<string, Uint8Array> = {};
    for (const [name, bytes] of Object.entries(parts)) {
      let text = strFromU8(bytes);
      if (name === 'xl/_rels/workbook.xml.rels' || name === '[Content_Types].xml')
        text = text.replace('worksheets/sheet1.xml', 'worksheets/sheet.xml');
      if (/^xl\/(workbook|sharedStrings|worksheets\/sheet1)\.xml$/.test(name)) text = prefixed(text);
      other[name === 'xl/worksheets/sheet1.xml' ? 'xl/worksheets/sheet.xml' : name] =
        name.endsWith('.xml') || name.endsWith('.rels') ? strToU8(text) : bytes;
    }
    expect(Object.keys(other)).toContain('xl/worksheets/sheet.xml');
    expect(strFromU8(other['xl/worksheets/sheet.xml']!)).toContain('<x:sheetData>');
    const [a, b] = [await readTable(excel), await readTable(zipSync(other))];
    expect(a.records.find((r) => r.line === 4)?.cells[4]).toBe('7');
    expect(b).toEqual(a);
  });

  it('reads a worksheet whatever its part is named (a character reference in the relationship), and says so when none can be reached, rather than calling the return empty', async () => {
    const wb = new Workbook();
    wb.addWorksheet('Biểu mẫu').getCell('A1').value = 'ma_don_vi';
    const parts = unzipSync(new Uint8Array(await wb.xlsx.writeBuffer()));
    parts['xl/worksheets/a&b.xml'] = parts['xl/worksheets/sheet1.xml']!;
    delete parts['xl/worksheets/sheet1.xml'];
    parts['xl/_rels/workbook.xml.rels'] = strToU8(
      strFromU8(parts['xl/_rels/workbook.xml.rels']!).replace('worksheets/sheet1.xml', 'worksheets/a&amp;b.xml'),
    );
    expect(await readTable(zipSync(parts))).toMatchObject({
      sheet: 'Biểu mẫu',
      records: [{ line: 1, cells: ['ma_don_vi'] }],
    });
    // The relationship points to a part the file lacks.
    parts['xl/_rels/workbook.xml.rels'] = strToU8(
      strFromU8(parts['xl/_rels/workbook.xml.rels']!).replace('worksheets/a&amp;b.xml', 'worksheets/sheet9.xml'),
    );
    expect(await xlsxReader.read(zipSync(parts), {})).toEqual({
      ok: false,
      problem: { code: 'XLSX_UNREADABLE', params: { reason: 'NO_SHEETS' } },
    });
  });
});

describe('feedback workbook', () => {
  it('holds text from the returns as messages show it: no control characters, a huge value cut', async () => {
    const def = await loadDefinition(path.join(FIXTURES, 'check', 'baocao.yaml'), ROOT, 'vi');
    const problems: Problem[] = [
      {
        code: 'NOT_A_NUMBER',
        severity: 'error',
        file: 'returns/xa\u0001-01.xlsx',
        line: 5,
        column: 'ky_nay',
        sheet: 'Biểu\u0007mẫu',
        cell: 'E5',
        unit: '01',
        indicator: 'VU',
        params: { value: `x\u0001${'9'.repeat(100_000)}` },
      },
    ];
    const [fb] = groupFeedback(def, problems, { values: new Map(), received: [], missing: [] });
    expect(fb!.name).toBe('Phản hồi - 01 - Phường Một.xlsx');
    const wb = new Workbook();
    await wb.xlsx.load(await feedbackWorkbook(def, fb!));
    const row = wb.worksheets[0]!.getRow(4).values as unknown[];
    expect(row.slice(1, 6)).toEqual([
      'xa\ufffd-01.xlsx',
      'Biểu\ufffdmẫu!E5',
      'VU',
      'Số vụ phạm tội',
      `x\ufffd${'9'.repeat(117)}…`,
    ]);
  });
});

describe('splitMessage', () => {
  it('splits at the first sentence end outside quotes', () => {
    expect(splitMessage('"mười" không phải là số. Ghi số nguyên, ví dụ 2082 hoặc 2.082.')).toEqual({
      what: '"mười" không phải là số.',
      fix: 'Ghi số nguyên, ví dụ 2082 hoặc 2.082.',
    });
    expect(splitMessage('"a. b" sai. Sửa.')).toEqual({ what: '"a. b" sai.', fix: 'Sửa.' });
    expect(splitMessage('Chỉ một câu.')).toEqual({ what: 'Chỉ một câu.', fix: '' });
  });
});

describe('cells whose markup breaks the format (ECMA-376 §18.3.1.4, §18.18.11)', () => {
  /** The sample's first form filled in (E4 = 7, F4 = 5), its sheet's XML changed by `edit`. */
  const edited = async (edit: (sheet: string) => string) => {
    const parts = unzipSync(await filledForm({ E4: 7, F4: 5 }));
    const sheet = strFromU8(parts['xl/worksheets/sheet1.xml']!);
    const changed = edit(sheet);
    expect(changed).not.toBe(sheet);
    return xlsxReader.read(zipSync({ ...parts, 'xl/worksheets/sheet1.xml': strToU8(changed) }), { numberFormat: 'vi' });
  };
  const badCell = (kind: string, cell: string, holds: string, line = 4) => ({
    ok: false,
    problem: {
      code: 'XLSX_BAD_CELL',
      line,
      sheet: 'Biểu mẫu',
      cell,
      params: { kind, sheet: 'Biểu mẫu', cell, holds, row: line },
    },
  });
  const e4 = (v: string) => (s: string) => s.replace(/<c r="E4"([^>]*)><v>7<\/v><\/c>/, `<c r="E4"$1>${v}</c>`);

  it('a number cell that holds no xsd:double is refused, naming the cell and what it holds (parseFloat read 12,5 as 12)', async () => {
    for (const v of ['12,5', '1 234', '0x10', '12abc', '0b11', '12 người', 'INF', 'NaN', '1e999', '--1'])
      expect([v, await edited(e4(`<v>${v}</v>`))]).toEqual([v, badCell('NUMBER', 'E4', v)]);
    // xsd:double's own forms read as their value.
    for (const [v, text] of [
      ['1.5E3', '1500'],
      ['+7', '7'],
      [' 7 ', '7'],
      ['.5', '0,5'],
      ['7.', '7'],
    ] as const) {
      const r = await edited(e4(`<v>${v}</v>`));
      expect([v, r.ok && r.table.records.find((x) => x.line === 4)!.cells[4]]).toEqual([v, text]);
    }
  });

  it('an inline string with a value too, a shared-string index that is no whole number or past the table, a boolean that is neither: refused', async () => {
    const inline = await edited((s) =>
      s.replace(/<c r="E4"([^>]*)><v>7<\/v><\/c>/, '<c r="E4"$1 t="inlineStr"><v>500</v><is><t>12</t></is></c>'),
    );
    expect(inline).toEqual(badCell('INLINE_WITH_VALUE', 'E4', '500'));
    for (const v of ['1.9', '-1', '99999', 'a'])
      expect(
        await edited((s) => s.replace(/<c r="E4"([^>]*)><v>7<\/v><\/c>/, `<c r="E4"$1 t="s"><v>${v}</v></c>`)),
      ).toEqual(badCell('SHARED_INDEX', 'E4', v));
    expect(await edited((s) => s.replace(/<c r="E4"([^>]*)><v>7<\/v><\/c>/, '<c r="E4"$1 t="b"><v>2</v></c>'))).toEqual(
      badCell('BOOLEAN', 'E4', '2'),
    );
    expect(await edited((s) => s.replace(/<c r="E4"([^>]*)><v>7<\/v><\/c>/, '<c r="E4"$1 t="q"><v>7</v></c>'))).toEqual(
      badCell('TYPE', 'E4', 'q'),
    );
  });

  it('a cell whose reference names another row, two cells or two rows at one place: refused; cells without a reference take the next place', async () => {
    expect(await edited((s) => s.replace('<c r="F4"', '<c r="E5"'))).toEqual(badCell('OTHER_ROW', 'E5', 'E5'));
    expect(await edited((s) => s.replace('<c r="F4"', '<c r="E4"'))).toEqual(badCell('TWICE', 'E4', 'E4'));
    const twice = await edited((s) => s.replace('<row r="5"', '<row r="4"'));
    expect(twice).toMatchObject({ ok: false, problem: { code: 'XLSX_BAD_CELL', params: { kind: 'ROW_TWICE' } } });
    // Without references (optional in the schema): each cell the next column, each row the next row, as Excel reads them.
    const bare = await edited((s) =>
      s.replace(/(<row r="4")[^>]*>[\s\S]*?<\/row>/, (row) => row.replace(/ r="[A-Z]+4"/g, '')),
    );
    expect(bare.ok && bare.table.records.find((x) => x.line === 4)!.cells.slice(4, 6)).toEqual(['7', '5']);
    // A reference in small letters ("e4") names the same cell, and is named in capitals.
    const lower = await edited((s) => s.replace('<c r="E4"', '<c r="e4"'));
    expect(lower.ok && lower.table.records.find((x) => x.line === 4)!.cells[4]).toBe('7');
    expect(await edited((s) => s.replace('<c r="F4"', '<c r="e4"'))).toEqual(badCell('TWICE', 'E4', 'E4'));
    // Cells and rows out of order, each at its own place: read as in order; a repeat after them, refused.
    const cellsOf = (row: string) => row.match(/<c [\s\S]*?(?:\/>|<\/c>)/g)!;
    const inOrder = await edited((s) => s.replace('<sheetData>', '<sheetData >'));
    expect(inOrder.ok).toBe(true);
    const reversed = await edited((s) =>
      s.replace(
        /(<row r="4"[^>]*>)([\s\S]*?)(<\/row>)/,
        (_, open, cells, close) => open + cellsOf(cells).reverse().join('') + close,
      ),
    );
    expect(reversed.ok && reversed.table.records).toEqual(inOrder.ok && inOrder.table.records);
    const repeated = await edited((s) =>
      s.replace(/(<row r="4"[^>]*>)([\s\S]*?)(<\/row>)/, (_, open, cells, close) => {
        const list = cellsOf(cells).reverse();
        return open + [...list, list[1]!].join('') + close;
      }),
    );
    expect(repeated).toMatchObject({ ok: false, problem: { code: 'XLSX_BAD_CELL', params: { kind: 'TWICE' } } });
    const rowsBack = await edited((s) => {
      const rows = s.match(/<row [\s\S]*?<\/row>/g)!;
      return s.replace(rows.join(''), [...rows].reverse().join(''));
    });
    expect(rowsBack.ok && rowsBack.table.records).toEqual(inOrder.ok && inOrder.table.records);
  });

  it('error, boolean and date cells read as what the unit sees: "#DIV/0!", TRUE, a valid ISO date as the date, an invalid one as the text it holds (never INTERNAL)', async () => {
    const cell = async (xml: string) => {
      const r = await edited((s) => s.replace(/<c r="E4"([^>]*)><v>7<\/v><\/c>/, `<c r="E4"$1 ${xml}</c>`));
      return r.ok ? r.table.records.find((x) => x.line === 4)!.cells[4] : r;
    };
    expect(await cell('t="e"><v>#DIV/0!</v>')).toBe('#DIV/0!');
    expect(await cell('t="e"><f>1/0</f><v>#REF!</v>')).toBe('#REF!');
    expect(await cell('t="b"><v>1</v>')).toBe('TRUE');
    expect(await cell('t="d"><v>2026-05-01T00:00:00Z</v>')).toBe('01/05/2026');
    expect(await cell('t="d"><v>2026-02-30</v>')).toBe('2026-02-30');
    expect(await cell('t="d"><v>not-a-date</v>')).toBe('not-a-date');
  });

  it('rows of zero height and columns of zero width are hidden; so are rows of a sheet whose rows are hidden by default', async () => {
    const zero = await edited((s) =>
      s
        .replace('<row r="5"', '<row r="5" ht="0" customHeight="1"')
        .replace('<col min="6" max="7"', '<col min="7" max="7" width="0" customWidth="1"/><col min="6" max="6"'),
    );
    expect(zero.ok && [zero.table.hiddenRows, zero.table.hiddenColumns]).toEqual([[5], [7]]);
    const byDefault = await edited((s) =>
      s
        .replace(/<sheetFormatPr([^>]*)\/>/, '<sheetFormatPr$1 zeroHeight="1"/>')
        .replace('<row r="6"', '<row r="6" ht="15" customHeight="1"'),
    );
    expect(byDefault.ok && byDefault.table.hiddenRows).toEqual(expect.arrayContaining([4, 5]));
    expect(byDefault.ok && byDefault.table.hiddenRows).not.toContain(6);
  });

  it('a part damaged on the way (one byte changed, its CRC-32 left as it was) is refused as damaged', async () => {
    const parts = unzipSync(await filledForm({ E4: 7, F4: 5 }));
    const zip = Buffer.from(zipSync(parts, { level: 0 }));
    const at = zip.indexOf('<v>7</v>');
    expect(at).toBeGreaterThan(0);
    zip[at + 3] = '8'.charCodeAt(0);
    expect(await xlsxReader.read(zip, { numberFormat: 'vi' })).toEqual({
      ok: false,
      problem: { code: 'XLSX_UNREADABLE', params: { reason: 'DAMAGED' } },
    });
    // Packed: the same change breaks the inflated data or its checksum.
    const packed = Buffer.from(zipSync(parts));
    const sheetAt = packed.indexOf('xl/worksheets/sheet1.xml') + 'xl/worksheets/sheet1.xml'.length + 200;
    packed[sheetAt] = packed[sheetAt]! ^ 0x01;
    expect(await xlsxReader.read(packed, { numberFormat: 'vi' })).toMatchObject({
      ok: false,
      problem: { code: 'XLSX_UNREADABLE' },
    });
  });
});

describe("parts the units' forms share", () => {
  it('are read once, never taken for another part: workbooks with other formats read alike in any order, and as when read alone', async () => {
    const plain = await filledForm({ E4: 0.5, F4: 3 });
    const percent = await filledForm({ E4: 0.5, F4: 3 }, { E4: '0%' });
    const dated = await filledForm({ E4: 46143, F4: 3 }, { E4: 'dd/mm/yyyy' });
    const alone = [await readTable(plain), await readTable(percent), await readTable(dated)];
    const line4 = (t: Awaited<ReturnType<typeof readTable>>) => t.records.find((r) => r.line === 4)!.cells.slice(4, 6);
    expect(alone.map(line4)).toEqual([
      ['0,5', '3'],
      ['50%', '3'],
      ['01/05/2026', '3'],
    ]);
    for (const order of [
      [0, 1, 2, 1, 0, 2, 2, 0],
      [2, 1, 0, 0, 1, 2],
    ])
      for (const k of order) expect(await readTable([plain, percent, dated][k]!)).toEqual(alone[k]);
  });
});

describe('numbers formatted as dates', () => {
  /** The sample's form with E4 (and F4) holding `serials` formatted as `format`, in a workbook of the 1900 or the 1904 date system. */
  const dated = async (serials: [number, number], format: string, date1904: boolean) => {
    const parts = unzipSync(await filledForm({ E4: serials[0], F4: serials[1] }, { E4: format, F4: format }));
    if (date1904) {
      const book = strFromU8(parts['xl/workbook.xml']!);
      parts['xl/workbook.xml'] = strToU8(
        book.includes('<workbookPr')
          ? book.replace('<workbookPr', '<workbookPr date1904="1"')
          : book.replace('<bookViews', '<workbookPr date1904="1"/><bookViews'),
      );
      expect(strFromU8(parts['xl/workbook.xml']!)).toContain('date1904="1"');
    }
    return (await readTable(zipSync(parts))).records.find((r) => r.line === 4)!.cells.slice(4, 6);
  };

  it("read as the day Excel shows, in either date system, with Excel's 29 February 1900; times as the time", async () => {
    expect(await dated([46143, 60], 'dd/mm/yyyy', false)).toEqual(['01/05/2026', '29/02/1900']);
    expect(await dated([61, 1], 'dd/mm/yyyy', false)).toEqual(['01/03/1900', '01/01/1900']);
    // The 1904 system counts days from 1 January 1904: 44681 is 1 May 2026 there.
    expect(await dated([44681, 0], 'dd/mm/yyyy', true)).toEqual(['01/05/2026', '01/01/1904']);
    expect(await dated([0.5, 46143.75], 'h:mm', false)).toEqual(['12:00', '18:00']);
    expect(await dated([46143.75, -1], 'dd/mm/yyyy h:mm:ss', false)).toEqual(['01/05/2026 18:00:00', '#######']);
  });
});

describe('shared strings', () => {
  it("are each item's text: a lone t, runs, without a phonetic guide, with Excel's _xHHHH_ escapes", () => {
    const sst = (items: string) =>
      strToU8(
        `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${items}</sst>`,
      );
    expect(
      readSharedStrings(
        sst(
          '<si><t>Mã đơn vị</t></si>' +
            '<si><r><rPr><b/></rPr><t>Số </t></r><r><t xml:space="preserve">vụ </t></r></si>' +
            '<si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/></si>' +
            '<si><t/></si><si/>' +
            '<si><t>a_x000D_b &amp; c</t></si>' +
            '<si><t>x</t><r><t>y</t></r></si>',
        ),
      ),
    ).toEqual(['Mã đơn vị', 'Số vụ ', '東京', '', '', 'a\rb & c', 'xy']);
  });
});

describe('parts read before the bounds are known', () => {
  it('are bounded too: a workbook part, or its relationships, that would unpack past 64 MiB is refused before it is inflated', async () => {
    const parts = unzipSync(await filledForm({ E4: 7 }));
    const spaces = new Uint8Array(70 * 1024 * 1024).fill(32);
    for (const name of ['xl/workbook.xml', '_rels/.rels']) {
      const bomb = zipSync({ ...parts, [name]: spaces }, { level: 9 });
      expect([name, await xlsxReader.read(bomb, {})]).toEqual([
        name,
        { ok: false, problem: expect.objectContaining({ code: 'FILE_TOO_LARGE' }) },
      ]);
    }
  });

  it('formats that cannot be read refuse even a number that names none: the Normal style may have been made a percentage', async () => {
    const parts = unzipSync(await filledForm({ E4: 7, F4: 5 }));
    parts['xl/worksheets/sheet1.xml'] = strToU8(strFromU8(parts['xl/worksheets/sheet1.xml']!).replace(/ s="\d+"/g, ''));
    parts['xl/styles.xml'] = parts['xl/styles.xml']!.subarray(0, 200);
    expect(await xlsxReader.read(zipSync(parts), { numberFormat: 'vi' })).toEqual({
      ok: false,
      problem: { code: 'XLSX_UNREADABLE', line: 4, sheet: 'Biểu mẫu', cell: 'E4', params: { reason: 'FORMATS' } },
    });
  });
});

describe('the data validations passed over unread', () => {
  const span = (xml: string) => validationsSpan(new TextEncoder().encode(xml));
  const block =
    '<dataValidations count="1"><dataValidation sqref="F4"><formula1>0</formula1></dataValidation></dataValidations>';
  it('are the one element between its start tag and its end tag, or nothing is passed over', () => {
    const xml = `<worksheet><sheetData/>${block}<pageMargins/></worksheet>`;
    const at = span(xml);
    expect(at && xml.slice(at.from, at.to)).toBe(block);
    expect(span(`<worksheet><sheetData/></worksheet>`)).toBeUndefined();
    expect(span(`<worksheet>${block}${block}</worksheet>`)).toBeUndefined();
    expect(span(`<worksheet><dataValidations count="1"><dataValidation/></worksheet>`)).toBeUndefined();
    expect(span(`<worksheet><dataValidationsX/>${block}</worksheet>`)).toBeUndefined();
    expect(
      span(`<worksheet>${block.replace('</dataValidations>', '</dataValidations >')}</worksheet>`),
    ).toBeUndefined();
    // The name anywhere else (a message's text): read whole, the tokenizer judges.
    expect(span(`<worksheet>${block}<headerFooter>dataValidations</headerFooter></worksheet>`)).toBeUndefined();
  });

  it('are found the same after the same element (kept from the last part), after another, and cut short', () => {
    const other = block.replace('F4', 'F5');
    const parts = [
      `<worksheet><sheetData/>${block}<pageMargins/></worksheet>`,
      `<worksheet><sheetData><row r="1"/></sheetData>${block}</worksheet>`,
      `<worksheet>${block}<headerFooter>dataValidations</headerFooter></worksheet>`,
      `<worksheet>${block.slice(0, 40)}`,
      `<worksheet>${other}</worksheet>`,
      `<worksheet>${block.replace('</dataValidations>', '<dataValidations/></dataValidations>')}</worksheet>`,
      `<worksheet>${other}</worksheet>`,
    ];
    const cut = (xml: string) => {
      const at = span(xml);
      return at && xml.slice(at.from, at.to);
    };
    const expected = [block, block, undefined, undefined, other, undefined, other];
    // Each part after each: what the one before it left kept makes no difference.
    for (const first of parts)
      parts.forEach((xml, i) => {
        cut(first);
        expect(cut(xml)).toBe(expected[i]);
      });
  });
});
