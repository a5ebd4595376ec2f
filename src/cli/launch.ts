// What `bin/baocao.cjs` starts (bundled to dist/launch.cjs): answers --version at once,
// otherwise runs the CLI bundle (dist/baocao.cjs) with V8's code cache, so a command
// does not spend its first 40–70 ms compiling the same JavaScript as every run before.
//
// Node 20 has no `module.enableCompileCache`, so the bundle is compiled as a
// `vm.Script` with `cachedData`. The caches are written by `npm run build`, one per
// command, from a run of that command on the bundled sample (a cache made after a run
// holds the functions that run compiled). Their names carry a hash of the bundle, so a
// rebuilt bundle never meets an old cache; V8 itself rejects a cache from another
// Node version or other flags, and the bundle is then compiled as usual.
import { readFileSync, writeFileSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
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

function start(argv: readonly string[]): void {
  const dir = __dirname;
  const bundle = path.join(dir, 'baocao.cjs');
  let source: string;
  try {
    // latin1 when the build found the bundle ASCII: the same text without UTF-8 decoding.
    source = readFileSync(bundle, BAOCAO_BUNDLE_ENCODING);
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code ?? String(err);
    process.stderr.write(`baocao: không đọc được ${bundle} (${reason}); chạy lại "npm install" hoặc "npm run build".\n`);
    process.exitCode = 2;
    return;
  }
  const command = cacheName(argv);
  const cache = command && path.join(dir, 'cache', `${command}-${BAOCAO_BUNDLE_HASH}.bin`);
  let cachedData: Buffer | undefined;
  if (cache)
    try {
      cachedData = readFileSync(cache);
    } catch {
      // No cache (a development build, or a command without one): compile as usual.
    }
  const script = compileBundle(source, bundle, cachedData);
  const main = script.runInThisContext() as ModuleFunction;
  const module = { exports: {} };
  main.call(module.exports, module.exports, createRequire(bundle), module, bundle, dir);
  // Set by scripts/build.mjs to write the caches; not a user setting.
  if (cache && process.env.BAOCAO_WRITE_CODE_CACHE === '1') process.once('exit', () => writeFileSync(cache, script.createCachedData()));
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
