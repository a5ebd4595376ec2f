// Workbooks baocao writes (forms, feedback): ExcelTS builds them; this fixes every
// date inside to one the caller derives from its input, so the same input gives the
// same bytes (a clerk can tell a changed form from an unchanged one).
import type { Workbook } from '@cj-tech-master/excelts';

export type ExcelTs = typeof import('@cj-tech-master/excelts');

/** ExcelTS, loaded on first use (it is not needed by commands that write no workbook). */
export const loadExcelTs = (): Promise<ExcelTs> => import('@cj-tech-master/excelts');

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
 * fields, written from the Date's local time: the same day at local midnight gives the
 * same fields in every time zone, and no UTC field is added.
 */
export async function workbookBytes(wb: Workbook, date: Date): Promise<Uint8Array> {
  const day = new Date(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  const out = await wb.xlsx.writeBuffer({ zip: { modTime: day, timestamps: 'dos' } });
  return out instanceof Uint8Array ? out : new Uint8Array(out as ArrayBuffer);
}
