// Workbooks baocao writes (forms, feedback): ExcelTS builds them; this fixes every
// date inside to one the caller derives from its input, so the same input gives the
// same bytes (a clerk can tell a changed form from an unchanged one).
import type { Workbook, Worksheet } from '@cj-tech-master/excelts';
import type { Definition } from '../definition/parse.js';

export type ExcelTs = typeof import('@cj-tech-master/excelts');

/** ExcelTS, loaded on first use (it is not needed by commands that write no workbook). */
export const loadExcelTs = (): Promise<ExcelTs> => import('@cj-tech-master/excelts');

/** The date inside a workbook made from a definition: its period's end, so the same definition gives the same bytes. */
export const workbookDate = (def: Definition): Date => new Date(`${def.period.end}T00:00:00Z`);

/** The header row of a titled sheet: below its title (row 1) and its note (row 2). */
export const TITLED_HEADER_ROW = 3;

export interface TitledSheetSpec {
  name: string;
  title: string;
  /** What to do, in italics under the title. */
  note: string;
  header: readonly string[];
  /** The column the cursor starts in, on the first row under the header. */
  activeColumn: string;
  /** Printed centred on the page. */
  centered?: boolean;
}

/**
 * A sheet laid out as every baocao workbook is: a bold title, a note, a header row that
 * stays in view and is printed on every page, on A4 landscape, one page wide.
 */
export function titledSheet(wb: Workbook, spec: TitledSheetSpec): Worksheet {
  const row = TITLED_HEADER_ROW;
  const ws = wb.addWorksheet(spec.name, {
    views: [
      {
        state: 'frozen',
        xSplit: 0,
        ySplit: row,
        topLeftCell: `A${row + 1}`,
        activeCell: `${spec.activeColumn}${row + 1}`,
      },
    ],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      ...(spec.centered && { horizontalCentered: true }),
      printTitlesRow: `${row}:${row}`,
    },
  });
  ws.getCell('A1').value = spec.title;
  ws.getCell('A1').font = { bold: true, size: 13 };
  ws.getCell('A2').value = spec.note;
  ws.getCell('A2').font = { italic: true };
  const header = ws.getRow(row);
  spec.header.forEach((h, i) => {
    const cell = header.getCell(i + 1);
    cell.value = h;
    cell.font = { bold: true };
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
  });
  return ws;
}

/** A new workbook whose document properties hold `date` and nothing of the machine or the moment. */
export function newWorkbook(x: ExcelTs, date: Date): Workbook {
  const wb = new x.Workbook();
  wb.creator = 'baocao';
  wb.lastModifiedBy = 'baocao';
  wb.created = date;
  wb.modified = date;
  return wb;
}

/**
 * The workbook's bytes; ZIP entries dated `date`'s day. A ZIP's dates are local wall-clock
 * fields, written from the Date's local time: the same day at local noon gives the same
 * fields in every time zone (midnight does not: where summer time starts at 00:00, as in
 * Havana, that hour does not exist and reads 01:00), and no UTC field is added.
 */
export async function workbookBytes(wb: Workbook, date: Date): Promise<Uint8Array> {
  const day = new Date(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(), 12, 0, 0);
  const out = await wb.xlsx.writeBuffer({ zip: { modTime: day, timestamps: 'dos' } });
  return out instanceof Uint8Array ? out : new Uint8Array(out as ArrayBuffer);
}
