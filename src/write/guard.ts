// What a run writes never lands on what it reads or owns: the definition, the template,
// the clerk's narrative, a return, or a folder whose files are read as returns (this
// period's or last period's archive). Compared by real path, links and ".." resolved,
// before anything is read or written.
import { realpathSync } from 'node:fs';
import path from 'node:path';

/** File systems that treat "Noi-dung.md" and "noi-dung.md" (and NFD and NFC) as one name. */
const FOLDS = process.platform === 'win32' || process.platform === 'darwin';
const fold = (p: string) => (FOLDS ? p.normalize('NFC').toLowerCase() : p);

/** A path as the file system knows it: the real path of its nearest existing ancestor, then the rest. */
export function canonical(p: string): string {
  let dir = path.resolve(p);
  const rest: string[] = [];
  for (;;) {
    try {
      return fold(path.join(realpathSync.native(dir), ...rest.reverse()));
    } catch {
      const parent = path.dirname(dir);
      if (parent === dir) return fold(path.resolve(p));
      rest.push(path.basename(dir));
      dir = parent;
    }
  }
}

/** What a run reads or owns: files, and folders whose files it reads (not their sub-folders, which are never read). */
export interface Owned {
  files: readonly string[];
  folders: readonly string[];
}

/** The input a written path would replace, or the folder it would land in; undefined when it is clear of both. */
export function ownedAt(target: string, owned: Owned): string | undefined {
  const t = canonical(target);
  for (const f of owned.files) if (canonical(f) === t) return f;
  const parent = path.dirname(t);
  for (const d of owned.folders) if (canonical(d) === parent) return d;
  return undefined;
}
