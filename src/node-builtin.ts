// Node's own modules loaded on first use, by `require`. The CLI bundle runs as a
// vm.Script (src/cli/launch.ts) in which `import()` has no loader to call
// (ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING), so modules that are not needed at
// start-up are required here instead of imported dynamically.
import { createRequire } from 'node:module';

export const requireBuiltin = createRequire(import.meta.url) as <T = unknown>(id: `node:${string}`) => T;
