#!/usr/bin/env node
// Writes the large benchmark sets: a definition and one return per unit for a
// post-2025 province (124 communes) and for the whole country (3,321 communes),
// with the sample's indicators and figures drawn from a fixed seed.
// Usage: node scripts/gen-large.mjs [outDir=.bench]
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';

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

function writeSet(name, count) {
  const dir = path.join(out, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, 'returns'), { recursive: true });
  const rnd = random(count);
  const units = Array.from({ length: count }, (_, i) => ({ code: String(i + 1).padStart(5, '0'), name: `Xã số ${i + 1}` }));
  const inputs = sample.indicators.filter((i) => i.kind !== 'ratio');
  const def = { ...sample, title: `${sample.title} (${count} xã)`, units, output: 'bao-cao.docx' };
  writeFileSync(path.join(dir, 'baocao.yaml'), stringify(def));
  for (const u of units) {
    const v = Object.fromEntries(inputs.map((i) => [i.code, [Math.floor(rnd() * 40), Math.floor(rnd() * 40)]]));
    // Keep the rule "solved cases ≤ reported cases" true.
    v.TTXH_KP = v.TTXH_KP.map((x, k) => Math.min(x, v.TTXH_VU[k]));
    const lines = ['ma_don_vi,ky_bao_cao,ma_chi_tieu,ten_chi_tieu,ky_nay,cung_ky'];
    for (const i of inputs) lines.push(`${u.code},${sample.period.code},${i.code},"${i.label}",${v[i.code][0]},${v[i.code][1]}`);
    writeFileSync(path.join(dir, 'returns', `${u.code}.csv`), '\uFEFF' + lines.join('\r\n') + '\r\n');
  }
  return dir;
}

for (const [name, count] of [['province-124', 124], ['national-3321', 3321]]) console.log(writeSet(name, count));
