#!/usr/bin/env node
// Writes the large benchmark sets: a definition and one return per unit for a
// post-2025 province (124 communes) and for the whole country (3,321 communes),
// with the sample's indicators and figures drawn from a fixed seed as communes report
// them (scripts/realistic-figures.mjs); and the whole
// province and the country again as .xlsx workbooks (province-124-xlsx,
// national-3321-xlsx): the forms `baocao forms`
// writes (locked, validated, title rows above the header), filled in with the same
// figures, as communes send them back. Needs the built CLI (`npm run build`).
// Usage: node scripts/gen-large.mjs [outDir=.bench]
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { Workbook } from '@cj-tech-master/excelts';
import { realisticFigures } from './realistic-figures.mjs';

const out = path.resolve(process.argv[2] ?? '.bench');
const sample = parse(readFileSync(new URL('../fixtures/ha-giang-2021-6t/baocao.yaml', import.meta.url), 'utf8'));

/** A commune's typical figure of each of the sample's input indicators (realistic-figures.mjs draws around it). */
const RATES = {
  TTXH_VU: 8,
  TTXH_KP: 7,
  MT_VU: 6,
  MT_DT: 9,
  MBN_VU: 0.1,
  DIEM_NONG: 0.2,
  CN_GD: 3,
  CN_BB: 2,
  GD_XP: 1.5,
  MH_TQ: 5,
  TO_TQ: 15,
};

const bin = new URL('../bin/baocao.cjs', import.meta.url).pathname;

/** The unit's form, as `baocao forms` wrote it, with "Kỳ này" and "Cùng kỳ" filled in. */
async function filledForm(formFile, values) {
  const wb = new Workbook();
  await wb.xlsx.load(readFileSync(formFile));
  wb.worksheets[0].eachRow((row, n) => {
    const v = n > 3 ? values[String(row.getCell(3).value)] : undefined;
    if (!v) return;
    // Kỳ này and Cùng kỳ: the columns after Đơn vị tính.
    row.getCell(6).value = v[0];
    row.getCell(7).value = v[1];
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function writeSet(name, count, format = 'csv') {
  const dir = path.join(out, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, 'returns'), { recursive: true });
  const units = Array.from({ length: count }, (_, i) => ({
    code: String(i + 1).padStart(5, '0'),
    name: `Xã số ${i + 1}`,
  }));
  const inputs = sample.indicators.filter((i) => i.kind !== 'ratio');
  const def = { ...sample, title: `${sample.title} (${count} xã)`, units, output: 'bao-cao.docx' };
  writeFileSync(path.join(dir, 'baocao.yaml'), stringify(def));
  // The sample's template, which `check` reads too (to find a misspelt name before the day of the build).
  // So is the narrative it names.
  for (const file of [sample.template, sample.narrative])
    if (file) copyFileSync(new URL(`../fixtures/ha-giang-2021-6t/${file}`, import.meta.url), path.join(dir, file));
  let forms;
  if (format === 'xlsx') {
    if (!existsSync(new URL('../dist/launch.cjs', import.meta.url)))
      throw new Error('run `npm run build` first: the workbook set is made from the forms the CLI writes');
    const formsDir = path.join(dir, 'bieu-mau');
    const r = spawnSync(
      process.execPath,
      [bin, 'forms', '--config', path.join(dir, 'baocao.yaml'), '-o', formsDir, '-q'],
      { encoding: 'utf8' },
    );
    if (r.status !== 0) throw new Error(`baocao forms failed: ${r.stderr}`);
    forms = new Map(readdirSync(formsDir).map((f) => [f.slice(0, f.indexOf(' ')), path.join(formsDir, f)]));
  }
  const figures = realisticFigures({
    units: units.map((u) => u.code),
    indicators: inputs.map((i) => ({ code: i.code, kind: i.kind, rate: RATES[i.code] })),
    seed: count,
  });
  for (const u of units) {
    const v = figures[u.code];
    // Keep the rule "solved cases ≤ reported cases" true.
    v.TTXH_KP = v.TTXH_KP.map((x, k) => Math.min(x, v.TTXH_VU[k]));
    if (format === 'xlsx') {
      writeFileSync(path.join(dir, 'returns', `${u.code}.xlsx`), await filledForm(forms.get(u.code), v));
      continue;
    }
    const lines = ['ma_don_vi,ky_bao_cao,ma_chi_tieu,ten_chi_tieu,ky_nay,cung_ky'];
    for (const i of inputs)
      lines.push(`${u.code},${sample.period.code},${i.code},"${i.label}",${v[i.code][0]},${v[i.code][1]}`);
    writeFileSync(path.join(dir, 'returns', `${u.code}.csv`), '\uFEFF' + lines.join('\r\n') + '\r\n');
  }
  if (forms) rmSync(path.join(dir, 'bieu-mau'), { recursive: true });
  return dir;
}

for (const [name, count, format] of [
  ['province-124', 124],
  ['province-124-xlsx', 124, 'xlsx'],
  ['national-3321', 3321],
  ['national-3321-xlsx', 3321, 'xlsx'],
])
  console.log(await writeSet(name, count, format));
