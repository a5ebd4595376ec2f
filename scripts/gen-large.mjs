#!/usr/bin/env node
// Writes the large benchmark sets: a definition and one return per unit for a
// post-2025 province (124 communes) and for the whole country (3,321 communes),
// with the sample's indicators and figures drawn from a fixed seed; and the whole
// country again as .xlsx workbooks (national-3321-xlsx), the same figures laid out
// as communes send them (title rows above the header, codes as text).
// Usage: node scripts/gen-large.mjs [outDir=.bench]
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { Workbook } from '@cj-tech-master/excelts';

const out = path.resolve(process.argv[2] ?? '.bench');
const sample = parse(readFileSync(new URL('../fixtures/ha-giang-2021-6t/baocao.yaml', import.meta.url), 'utf8'));

/** Small deterministic generator (mulberry32), so every run writes the same files. */
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function workbookBytes(unit, rows) {
  const wb = new Workbook();
  const ws = wb.addWorksheet('Biểu mẫu');
  ws.addRow([`BÁO CÁO ${sample.period.label.toUpperCase()} — ${unit.code} ${unit.name}`]);
  ws.addRow(['Chỉ ghi số liệu vào hai cột "Kỳ này" và "Cùng kỳ".']);
  ws.addRow(['Mã đơn vị', 'Kỳ báo cáo', 'Mã chỉ tiêu', 'Tên chỉ tiêu', 'Kỳ này', 'Cùng kỳ']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function writeSet(name, count, format = 'csv') {
  const dir = path.join(out, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, 'returns'), { recursive: true });
  const rnd = random(count);
  const units = Array.from({ length: count }, (_, i) => ({ code: String(i + 1).padStart(5, '0'), name: `Xã số ${i + 1}` }));
  const inputs = sample.indicators.filter((i) => i.kind !== 'ratio');
  const def = { ...sample, title: `${sample.title} (${count} xã)`, units, output: 'bao-cao.docx' };
  writeFileSync(path.join(dir, 'baocao.yaml'), stringify(def));
  // The sample's template, which `check` reads too (to find a misspelt name before the day of the build).
  if (sample.template) copyFileSync(new URL(`../fixtures/ha-giang-2021-6t/${sample.template}`, import.meta.url), path.join(dir, sample.template));
  for (const u of units) {
    const v = Object.fromEntries(inputs.map((i) => [i.code, [Math.floor(rnd() * 40), Math.floor(rnd() * 40)]]));
    // Keep the rule "solved cases ≤ reported cases" true.
    v.TTXH_KP = v.TTXH_KP.map((x, k) => Math.min(x, v.TTXH_VU[k]));
    if (format === 'xlsx') {
      const rows = inputs.map((i) => [u.code, sample.period.code, i.code, i.label, v[i.code][0], v[i.code][1]]);
      writeFileSync(path.join(dir, 'returns', `${u.code}.xlsx`), await workbookBytes(u, rows));
      continue;
    }
    const lines = ['ma_don_vi,ky_bao_cao,ma_chi_tieu,ten_chi_tieu,ky_nay,cung_ky'];
    for (const i of inputs) lines.push(`${u.code},${sample.period.code},${i.code},"${i.label}",${v[i.code][0]},${v[i.code][1]}`);
    writeFileSync(path.join(dir, 'returns', `${u.code}.csv`), '\uFEFF' + lines.join('\r\n') + '\r\n');
  }
  return dir;
}

for (const [name, count, format] of [['province-124', 124], ['national-3321', 3321], ['national-3321-xlsx', 3321, 'xlsx']]) console.log(await writeSet(name, count, format));
