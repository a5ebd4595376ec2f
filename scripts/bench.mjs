#!/usr/bin/env node
// `npm run bench`: times whole processes (after warm-up, interleaved round-robin so
// machine noise falls on every command alike), prints medians and ratios to
// `node -e 0` measured in the same run, and peak memory. Writes .bench/results.json.
// Usage: node scripts/bench.mjs [--runs N] [--node PATH]... [--peer DIR]
// Each --node adds a table for that Node binary (its code caches are written first).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

// The scripts a clerk would write instead (issue 30): Python's csv module and pandoc for the
// report, DuckDB for the sums. Found in ../shared/tools/peer or given with --peer DIR; run with
// the real interpreter (sys.executable), not a version manager's shim, which adds its own start-up.
const peerArg = process.argv.indexOf('--peer');
const peerDir =
  peerArg > 0 ? path.resolve(process.argv[peerArg + 1]) : path.resolve(root, '..', 'shared', 'tools', 'peer');
const python = spawnSync('python3', ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8' }).stdout?.trim();
const hasPeer = Boolean(python) && existsSync(path.join(peerDir, 'peer.py'));
const hasDuckdb = hasPeer && spawnSync(python, ['-c', 'import duckdb'], { stdio: 'ignore' }).status === 0;
const peerBuild = (label, returns) => ({
  name: `peer: csv + pandoc, ${label}`,
  cmd: python,
  args: [path.join(peerDir, 'peer.py'), returns, path.join(tmp, `peer-${label}.docx`)],
  peer: true,
});

/**
 * The sample's returns as the peer script can read them: one of them (027) is what a district
 * office sends — Windows-1258, semicolons, Vietnamese headings — which Python's csv with UTF-8
 * cannot read; it is given to the peer in the others' shape (UTF-8, commas, the column codes).
 */
function peerSampleReturns() {
  const from = path.join(path.dirname(sample), 'returns');
  const to = path.join(tmp, 'peer-sample-returns');
  mkdirSync(to, { recursive: true });
  const CODES = ['ma_don_vi', 'ky_bao_cao', 'ma_chi_tieu', 'ten_chi_tieu', 'ky_nay', 'cung_ky'];
  const quoted = (f) => (/[",\n]/.test(f) ? `"${f.replaceAll('"', '""')}"` : f);
  for (const name of readdirSync(from).filter((n) => n.endsWith('.csv'))) {
    const bytes = readFileSync(path.join(from, name));
    let text;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      text = new TextDecoder('windows-1258').decode(bytes);
    }
    const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
    if (lines[0].includes(';'))
      text = [CODES.join(','), ...lines.slice(1).map((l) => l.split(';').map(quoted).join(','))].join('\n') + '\n';
    writeFileSync(path.join(to, name), text);
  }
  return to;
}
const PEER_SAMPLE = 'peer: csv + pandoc, sample';
const PEER_PROVINCE = 'peer: csv + pandoc, 124 communes';
const PEER_NATIONAL = 'peer: csv + pandoc, 3,321 units';
const PEER_DUCKDB = 'peer: DuckDB sums, 3,321 units';
/** Held to a peer's time when the peer can run here; otherwise timed alone. */
const versusPeer = (name, target) =>
  (name === PEER_DUCKDB ? hasDuckdb : hasPeer) ? { versus: name, versusTarget: target } : {};

// Targets are issue 30's: the sample within 2× and 1.3× of `node -e 0`, the builds no slower than
// the peer script (it asks this of Node 24, what users install), the national figures ahead of both peers.
const cases = [
  { name: 'node -e 0', args: ['-e', '0'], baseline: true },
  { name: 'baocao --version', args: [bin, '--version'], target: 1.1 },
  { name: 'aggregate --json, sample', args: [bin, 'aggregate', '--json', '--config', sample], target: 1.3 },
  {
    name: 'build, sample',
    args: [bin, 'build', '--config', sample, '-o', path.join(tmp, 's.docx')],
    target: 2,
    ...versusPeer(PEER_SAMPLE, 1),
  },
  { name: 'aggregate --json, 124 communes', args: [bin, 'aggregate', '--json', '--config', province] },
  {
    name: 'build, 124 communes',
    args: [bin, 'build', '--config', province, '-o', path.join(tmp, 'p.docx')],
    ...versusPeer(PEER_PROVINCE, 1),
  },
  {
    name: 'aggregate --json, 3,321 units',
    args: [bin, 'aggregate', '--json', '--config', national],
    ...versusPeer(PEER_DUCKDB, 1),
  },
  {
    name: 'build, 3,321 units',
    args: [bin, 'build', '--config', national, '-o', path.join(tmp, 'n.docx')],
    rssTarget: 512,
    ...versusPeer(PEER_NATIONAL, 1),
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
  ...(hasPeer
    ? [
        peerBuild('sample', peerSampleReturns()),
        peerBuild('124 communes', path.join(bench, 'province-124', 'returns')),
        peerBuild('3,321 units', path.join(bench, 'national-3321', 'returns')),
      ]
    : []),
  ...(hasDuckdb
    ? [
        {
          name: PEER_DUCKDB,
          cmd: python,
          args: [path.join(peerDir, 'duck_agg.py'), path.join(bench, 'national-3321', 'returns')],
          peer: true,
        },
      ]
    : []),
];
if (!hasPeer) console.log(`no peer scripts in ${peerDir} (--peer DIR): builds are timed without them`);
else if (!hasDuckdb) console.log('no duckdb module for python3: the national aggregate is timed without its peer');

function once(c, env = {}) {
  const start = process.hrtime.bigint();
  const r = spawnSync(c.cmd ?? node, c.args, {
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
    if (c.baseline || c.peer) continue;
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
      c.target === undefined && c.versusTarget === undefined && c.rssTarget === undefined
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
    [
      r.versus !== undefined &&
        `${r.versusRatio.toFixed(2)}× ${r.versus.startsWith('peer') ? 'the peer' : 'the .csv check'}` +
          (r.versusTarget === undefined ? '' : `, ≤ ${r.versusTarget}×`),
      r.target !== null && `≤ ${r.target}×${r.versus === undefined ? '' : ' node -e 0'}`,
      r.rssTarget !== null && `≤ ${r.rssTarget} MiB`,
    ]
      .filter(Boolean)
      .join('; ');
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
try {
  for (const n of nodes) {
    node = n;
    if (n !== process.execPath) writeCodeCaches(root, n);
    all.push(benchOne());
    console.log('');
  }
} finally {
  // Also when a command failed (once() throws): the scratch folder holds every report written.
  rmSync(tmp, { recursive: true, force: true });
}
writeFileSync(path.join(bench, 'results.json'), JSON.stringify(all, null, 2) + '\n');
console.log(`written: ${path.relative(root, path.join(bench, 'results.json'))}`);
