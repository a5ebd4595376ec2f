import { readFileSync, readdirSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { parseXml } from '../src/ooxml/xml.js';
import { SheetHandler } from '../src/ingest/readers/xlsx/cells.js';
import { sheetTable } from '../src/ingest/readers/xlsx/sheet.js';
import { validationsSpan } from '../src/ingest/readers/xlsx/index.js';
const dir = '.bench/national-3321-xlsx/returns';
const texts: string[] = [];
for (const f of readdirSync(dir)) {
  const b = unzipSync(readFileSync(`${dir}/${f}`))['xl/worksheets/sheet1.xml']!;
  const s = validationsSpan(b)!;
  texts.push(Buffer.from(b.subarray(0, s.from)).toString('latin1') + Buffer.from(b.subarray(s.to)).toString('latin1'));
}
const strings = Array.from({ length: 50 }, (_, i) => `s${i}`);
const opts = { mark: ',' as const, date1904: false, recalculated: false, formats: () => ({ codes: Array.from({ length: 20 }, () => 'General') }) as never };
const digest: string[] = [];
for (let round = 0; round < 4; round++) {
  let t = process.hrtime.bigint();
  const hs = texts.map((x) => parseXml(x, () => new SheetHandler(strings)).handler);
  const a = Number(process.hrtime.bigint() - t) / 1e6;
  t = process.hrtime.bigint();
  const tables = hs.map((h) => sheetTable('S', h, opts));
  const b = Number(process.hrtime.bigint() - t) / 1e6;
  if (round === 0) digest.push(JSON.stringify(tables.slice(0, 50).map((x) => [x.table.records, x.table.notes && [...x.table.notes]])));
  console.log('parse', a.toFixed(1), 'table', b.toFixed(1));
}
import { writeFileSync } from 'node:fs';
writeFileSync(process.env.DIGEST_OUT ?? '/tmp/digest.json', digest[0]!);
