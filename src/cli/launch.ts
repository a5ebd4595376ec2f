// What `bin/baocao.cjs` starts (bundled to dist/launch.cjs): answers --version at once,
// otherwise runs the CLI bundle (dist/baocao.cjs) with V8's code cache, so a command
// does not spend its first 40–70 ms compiling the same JavaScript as every run before.
//
// The bundle is compiled as a `vm.Script` with `cachedData`. The caches are written by
// `npm run build`, one per command, from a run of that command on the bundled sample (a
// cache made after a run holds the functions that run compiled, which Node's own
// `module.enableCompileCache` does not: on Node 24 the sample build takes 160 ms with
// ours, 216 ms with Node's). Their names carry a hash of the bundle and the V8 version,
// so a rebuilt bundle or another Node never meets a cache V8 would reject. Without a
// matching cache, Node ≥ 22.1 uses its own compile cache; Node 20 compiles as usual.
import { readFileSync, writeFileSync, writeSync } from 'node:fs';
import nodeModule, { createRequire } from 'node:module';
import path from 'node:path';
import { chooseLang, UI } from '../messages/ui.js';
import { compileBundle, type ModuleFunction } from './code-cache.js';
import { VERSION } from './version.js';

declare const BAOCAO_BUNDLE_HASH: string;
declare const BAOCAO_BUNDLE_ENCODING: 'latin1' | 'utf8';

/** The commands that have a cache of their own. */
const CACHED_COMMANDS = ['check', 'aggregate', 'build', 'init', 'forms'] as const;

/** The cache for this command line: the first argument that names a command. */
function cacheName(argv: readonly string[]): string | undefined {
  return argv.find((a): a is (typeof CACHED_COMMANDS)[number] => (CACHED_COMMANDS as readonly string[]).includes(a));
}

/** Node ≥ 22.1 caches compiled modules itself, per Node version, in the system's temporary folder. */
const nodeCompileCache = (nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache;

function start(argv: readonly string[]): void {
  const dir = __dirname;
  const bundle = path.join(dir, 'baocao.cjs');
  const missing = (reason: string) => {
    process.stderr.write(UI[chooseLang(argv, process.env)].bundleMissing(bundle, reason) + '\n');
    process.exitCode = 2;
  };
  const command = cacheName(argv);
  // The cache carries the V8 version it was made with: a bundle built under one Node and
  // run under another finds none, rather than one V8 would reject.
  const cache = command && path.join(dir, 'cache', `${command}-${BAOCAO_BUNDLE_HASH}-${process.versions.v8}.bin`);
  const writing = process.env.BAOCAO_WRITE_CODE_CACHE === '1'; // set by scripts/build.mjs; not a user setting
  let cachedData: Buffer | undefined;
  if (cache && !writing)
    try {
      cachedData = readFileSync(cache);
    } catch {
      // No cache for this command and this Node: see below.
    }
  if (!cachedData && !writing && nodeCompileCache) {
    // Node ≥ 22.1 keeps a cache of its own (top-level code only, so slower than ours).
    nodeCompileCache();
    try {
      require(bundle);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND' && (err as Error).message.includes(bundle)) {
        missing('ENOENT');
        return;
      }
      throw err;
    }
    return;
  }
  let source: string;
  try {
    // latin1 when the build found the bundle ASCII: the same text without UTF-8 decoding.
    source = readFileSync(bundle, BAOCAO_BUNDLE_ENCODING);
  } catch (err) {
    missing((err as NodeJS.ErrnoException).code ?? String(err));
    return;
  }
  const script = compileBundle(source, bundle, cachedData);
  const main = script.runInThisContext() as ModuleFunction;
  const module = { exports: {} };
  main.call(module.exports, module.exports, createRequire(bundle), module, bundle, dir);
  if (cache && writing) process.once('exit', () => writeFileSync(cache, script.createCachedData()));
}

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  // Answered before anything else loads: scripts call this often.
  try {
    writeSync(1, VERSION + '\n');
  } catch (err) {
    // A reader that went away is no failure; a full disk is (the version was not printed).
    if ((err as NodeJS.ErrnoException).code !== 'EPIPE') process.exitCode = 2;
  }
} else {
  start(argv);
}
