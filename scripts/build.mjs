// Bundles the CLI into dist/ with esbuild (run by `prepare`, so a fresh clone works
// after `npm install`), writes V8 code caches for it, and writes the definition's JSON
// Schema to schema/.
//
// dist/baocao.cjs  the whole CLI, one CommonJS file (commands load docx, marked and
//                  handlebars lazily inside it)
// dist/launch.cjs  what bin/baocao.cjs requires: --version, then the bundle with its cache
// dist/cache/      one V8 code cache per command and V8 version, made by running it on the sample
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeCodeCaches } from './code-caches.mjs';

rmSync('dist', { recursive: true, force: true });
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const common = { bundle: true, platform: 'node', target: 'node20', legalComments: 'none', logLevel: 'warning' };
const version = JSON.stringify(pkg.version);

/** An esbuild plugin that gives `pkg` its own module `contents` in place of its import of `specifier`. */
function replaceImport(pkg, specifier, contents) {
  const inPackage = `${path.sep}node_modules${path.sep}${pkg}${path.sep}`;
  return {
    name: `${pkg}:${specifier}`,
    setup(b) {
      b.onResolve({ filter: specifier }, (args) =>
        args.importer.includes(inPackage) ? { path: pkg, namespace: `replaced-${pkg}` } : undefined,
      );
      b.onLoad({ filter: /.*/, namespace: `replaced-${pkg}` }, () => ({ contents, loader: 'js' }));
    },
  };
}

// commander loads node:child_process when it loads (5 ms of every command), for
// executable subcommands, which baocao does not have; load it on first use instead.
const lazyChildProcess = replaceImport(
  'commander',
  /^(node:)?child_process$/,
  "let loaded; module.exports = new Proxy({}, { get: (_, key) => (loaded ??= require('node:child_process'))[key] });",
);

// chalk detects the terminal's colour support when it loads, which loads node:tty (and
// with it node:net and node:stream, 6 ms). baocao never uses that detection: every Chalk
// it makes gets its level from src/cli/color.ts. So chalk gets a detector that says none.
const noColorDetection = replaceImport(
  'chalk',
  /^#supports-color$/,
  'export default { stdout: false, stderr: false };',
);

await build({
  ...common,
  format: 'cjs',
  entryPoints: ['src/cli/index.ts'],
  outfile: 'dist/baocao.cjs',
  sourcemap: 'linked',
  plugins: [lazyChildProcess, noColorDetection],
  // Without comments and indentation the bundle is a third smaller to read.
  minifyWhitespace: !process.env.BAOCAO_NO_MINIFY,
  charset: 'ascii',
  define: { BAOCAO_VERSION: version, 'import.meta.url': '__baocaoModuleUrl' },
  banner: { js: 'var __baocaoModuleUrl = require("node:url").pathToFileURL(__filename).href;' },
});

const bundle = readFileSync('dist/baocao.cjs');
// An ASCII bundle can be read as latin1, which skips UTF-8 decoding (10 ms for this size).
const bundleEncoding = bundle.every((b) => b < 0x80) ? 'latin1' : 'utf8';
const bundleHash = createHash('sha256').update(bundle).digest('hex').slice(0, 16);

await build({
  ...common,
  format: 'cjs',
  entryPoints: ['src/cli/launch.ts'],
  outfile: 'dist/launch.cjs',
  define: {
    BAOCAO_VERSION: version,
    BAOCAO_BUNDLE_HASH: JSON.stringify(bundleHash),
    BAOCAO_BUNDLE_ENCODING: JSON.stringify(bundleEncoding),
  },
});

// Each command's cache comes from a real run of it on the sample (scripts/code-caches.mjs).
writeCodeCaches(process.cwd());

// The JSON Schema comes from the same zod schema as the types and the messages.
// So do the schemas of the --json outputs (src/cli/output-schema.ts).
const tmp = 'dist/.json-schema.mjs';
const tmpOut = 'dist/.output-schema.mjs';
await build({ ...common, format: 'esm', entryPoints: ['src/definition/json-schema.ts'], outfile: tmp });
await build({ ...common, format: 'esm', entryPoints: ['src/cli/output-schema.ts'], outfile: tmpOut });
const { definitionJsonSchema } = await import(pathToFileURL(tmp).href);
const { outputJsonSchemas } = await import(pathToFileURL(tmpOut).href);
rmSync(tmp);
rmSync(tmpOut);
mkdirSync('schema', { recursive: true });
writeFileSync('schema/baocao.schema.json', JSON.stringify(definitionJsonSchema(), null, 2) + '\n');
for (const [name, schema] of Object.entries(outputJsonSchemas()))
  writeFileSync(`schema/${name}.schema.json`, JSON.stringify(schema, null, 2) + '\n');
