// Compiles the CLI bundle the way Node compiles a CommonJS module, optionally from a
// V8 code cache. Used by the launcher, and by the test that checks the build's caches.
import vm from 'node:vm';

export type ModuleFunction = (
  exports: object,
  require: NodeJS.Require,
  module: object,
  filename: string,
  dirname: string,
) => void;

/** The bundle as a vm.Script; `cachedDataRejected` says whether V8 took the cache. */
export function compileBundle(source: string, filename: string, cachedData?: Buffer): vm.Script {
  return new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename,
    cachedData,
  });
}
