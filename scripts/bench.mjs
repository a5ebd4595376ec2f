#!/usr/bin/env node
// `npm run bench`: times whole processes (after warm-up, interleaved round-robin so
// machine noise falls on every command alike), prints medians and ratios to
// `node -e 0` measured in the same run, and peak memory. Writes .bench/results.json.
// Usage: node scripts/bench.mjs [--runs N] [--node PATH]...
// Each --node adds a table for that Node binary (its code caches are written first).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCodeCaches } from './code-caches.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bench = path.join(root, '.bench');
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 15;
const nodes = [
  process.execPath,
  ...process.argv.flatMap((a, i) => (a === '--node' ? [path.resolve(process.argv[i + 1])] : [])),
];
let node = process.execPath;
const bin = path.join(root, 'bin', 'baocao.cjs');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'baocao-bench-'));

if (!existsSync(path.join(root, 'dist', 'launch.cjs')))
  spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
if (!['province-124-xlsx', 'national-3321-xlsx'].every((set) => existsSync(path.join(bench, set, 'baocao.yaml'))))
  spawnSync(node, [path.join(root, 'scripts', 'gen-large.mjs'), bench], { stdio: 'inherit' });

const sample = path.join(root, 'fixtures', 'ha-giang-2021-6t', 'baocao.yaml');
const province = path.join(bench, 'province-124', 'baocao.yaml');
const national = path.join(bench, 'national-3321', 'baocao.yaml');
const nationalXlsx = path.join(bench, 'national-3321-xlsx', 'baocao.yaml');
const provinceXlsx = path.join(bench, 'province-124-xlsx', 'baocao.yaml');
const CHECK_CSV = 'check, 3,321 units (.csv)';
const CHECK_PROVINCE_CSV = 'check, 124 communes (.csv)';
const cases = [
  { name: 'node -e 0', args: ['-e', '0'], baseline: true },
  { name: 'baocao --version', args: [bin, '--version'], target: 1.1 },
  { name: 'aggregate --json, sample', args: [bin, 'aggregate', '--json', '--config', sample], target: 1.3 },
  { name: 'build, sample', args: [bin, 'build', '--config', sample, '-o', path.join(tmp, 's.docx')], target: 1.5 },
  { name: 'aggregate --json, 124 communes', args: [bin, 'aggregate', '--json', '--config', province] },
  {
    name: 'build, 124 communes',
    args: [bin, 'build', '--config', province, '-o', path.join(tmp, 'p.docx')],
    target: 2.5,
  },
  { name: 'aggregate --json, 3,321 units', args: [bin, 'aggregate', '--json', '--config', national], target: 4 },
  {
    name: 'build, 3,321 units',
    args: [bin, 'build', '--config', national, '-o', path.join(tmp, 'n.docx')],
    target: 20,
    rssTarget: 512,
  },
  // A province's returns as workbooks, against the same as CSV: the size a clerk checks.
  { name: CHECK_PROVINCE_CSV, args: [bin, 'check', '--config', province] },
  {
    name: 'check, 124 communes (.xlsx)',
    args: [bin, 'check', '--config', provinceXlsx],
    versus: CHECK_PROVINCE_CSV,
    versusTarget: 1.5,
  },
  { name: CHECK_CSV, args: [bin, 'check', '--config', national] },
  // The same figures as 3,321 workbooks: held to the CSV check, not to node -e 0.
  {
    name: 'check, 3,321 units (.xlsx)',
    args: [bin, 'check', '--config', nationalXlsx],
    versus: CHECK_CSV,
    versusTarget: 2,
  },
];

function once(c, env = {}) {
  const start = process.hrtime.bigint();
  const r = spawnSync(node, c.args, {
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, ...env },
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`${c.name} exited ${r.status}: ${r.stderr}`);
  return ms;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function benchOne() {
  for (const c of cases) for (let i = 0; i < 2; i++) once(c); // warm-up: disk cache, lazy file systems
  const times = new Map(cases.map((c) => [c, []]));
  for (let r = 0; r < RUNS; r++) for (const c of cases) times.get(c).push(once(c));
  for (const c of cases) {
    if (c.baseline) continue;
    const rssFile = path.join(tmp, 'rss');
    spawnSync(node, ['-r', path.join(root, 'scripts', 'rss-probe.cjs'), ...c.args], {
      cwd: root,
      stdio: 'ignore',
      env: { ...process.env, BAOCAO_RSS_FILE: rssFile },
    });
    c.rssMiB = Number(readFileSync(rssFile, 'utf8')) / 1024;
  }

  const base = median(times.get(cases[0]));
  const rows = cases.map((c) => {
    const med = median(times.get(c));
    const ratio = med / base;
    const versus = c.versus === undefined ? undefined : med / median(times.get(cases.find((x) => x.name === c.versus)));
    const ok =
      c.target === undefined && c.versusTarget === undefined
        ? null
        : (c.target === undefined || ratio <= c.target) &&
          (c.versusTarget === undefined || versus <= c.versusTarget) &&
          (c.rssTarget === undefined || c.rssMiB <= c.rssTarget);
    return {
      command: c.name,
      medianMs: Math.round(med * 10) / 10,
      ratio: Math.round(ratio * 1000) / 1000,
      target: c.target ?? null,
      ...(c.versus !== undefined && {
        versus: c.versus,
        versusRatio: Math.round(versus * 1000) / 1000,
        versusTarget: c.versusTarget,
      }),
      peakRssMiB: c.rssMiB === undefined ? null : Math.round(c.rssMiB),
      rssTarget: c.rssTarget ?? null,
      met: ok,
    };
  });

  const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
  const machine = {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? '?',
    node: version,
    platform: `${os.platform()} ${os.arch()}`,
    runs: RUNS,
    date: new Date().toISOString(),
  };
  console.log(
    `machine: ${machine.cpus} × ${machine.cpuModel}, Node ${machine.node}, ${machine.platform}; ${RUNS} runs each after 2 warm-up runs, interleaved`,
  );
  console.log('');
  const header = ['command', 'median ms', '× node -e 0', 'target', 'peak RSS MiB', 'met'];
  const targetText = (r) =>
    r.versus !== undefined
      ? `${r.versusRatio.toFixed(2)}× the .csv check` + (r.versusTarget === undefined ? '' : `, ≤ ${r.versusTarget}×`)
      : r.target === null
        ? ''
        : `≤ ${r.target}×` + (r.rssTarget ? `, ≤ ${r.rssTarget} MiB` : '');
  const table = rows.map((r) => [
    r.command,
    r.medianMs.toFixed(1),
    r.ratio.toFixed(3),
    targetText(r),
    r.peakRssMiB ?? '',
    r.met === null ? '' : r.met ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((t) => String(t[i]).length)));
  for (const line of [header, widths.map((w) => '-'.repeat(w)), ...table])
    console.log(
      line.map((cell, i) => (i === 0 ? String(cell).padEnd(widths[i]) : String(cell).padStart(widths[i]))).join('  '),
    );
  return { machine, results: rows };
}

const all = [];
for (const n of nodes) {
  node = n;
  if (n !== process.execPath) writeCodeCaches(root, n);
  all.push(benchOne());
  console.log('');
}
writeFileSync(path.join(bench, 'results.json'), JSON.stringify(all, null, 2) + '\n');
console.log(`written: ${path.relative(root, path.join(bench, 'results.json'))}`);
