// Bundles the CLI into dist/ with esbuild (run by `prepare`, so a fresh clone
// works after `npm install`), and writes the definition's JSON Schema to schema/.
import { build } from 'esbuild';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

rmSync('dist', { recursive: true, force: true });
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const common = { bundle: true, format: 'esm', platform: 'node', target: 'node20', legalComments: 'none', logLevel: 'warning' };

await build({
  ...common,
  entryPoints: { baocao: 'src/cli/index.ts' },
  outdir: 'dist',
  splitting: true,
  sourcemap: 'linked',
  define: { BAOCAO_VERSION: JSON.stringify(pkg.version) },
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});

// The JSON Schema comes from the same zod schema as the types and the messages.
const tmp = 'dist/.json-schema.mjs';
await build({ ...common, entryPoints: ['src/definition/json-schema.ts'], outfile: tmp });
const { definitionJsonSchema } = await import(pathToFileURL(tmp).href);
rmSync(tmp);
mkdirSync('schema', { recursive: true });
writeFileSync('schema/baocao.schema.json', JSON.stringify(definitionJsonSchema(), null, 2) + '\n');
