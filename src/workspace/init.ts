// `baocao init`: a working folder with a commented definition, a copy of the default
// template, the JSON Schema editors use, and an empty returns/ folder. Never overwrites.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { DEFAULT_TEMPLATE, DEFINITION_SCHEMA, SAMPLE_DEFINITION, STARTER_DEFINITION } from '../assets.js';
import { FatalError } from '../messages/problem.js';
import { narrativeSkeleton } from '../report/narrative.js';
import { writeFileAtomic } from '../write/atomic.js';

/** What init creates: target name in the folder ← bundled file; with `sample`, the sample's definition. */
const filesFor = (sample: boolean): [string, string][] => [
  ['baocao.yaml', sample ? SAMPLE_DEFINITION : STARTER_DEFINITION],
  ['mau-bao-cao.md.hbs', DEFAULT_TEMPLATE],
  ['baocao.schema.json', DEFINITION_SCHEMA],
];

/** The narrative the starter definition names (narrative: noi-dung.md). */
const NARRATIVE = 'noi-dung.md';

const exists = (p: string) =>
  fs.lstat(p).then(
    () => true,
    () => false,
  );

/** Creates the folder's files; refuses, changing nothing, if any of them exists. Returns the paths created. */
export async function initWorkspace(dir: string, shownDir: string, sample = false): Promise<string[]> {
  const FILES = filesFor(sample);
  const targets = [...FILES.map(([name]) => name), NARRATIVE, 'returns'];
  const clashes: string[] = [];
  for (const name of targets) if (await exists(path.join(dir, name))) clashes.push(path.join(shownDir, name));
  if (clashes.length > 0)
    throw new FatalError(
      clashes.map((p) => ({ code: 'INIT_EXISTS', severity: 'error', file: p, params: { path: p } })),
    );
  const created: string[] = [];
  for (const [name, source] of FILES) {
    await writeFileAtomic(path.join(dir, name), await fs.readFile(source), { shown: path.join(shownDir, name) });
    created.push(path.join(shownDir, name));
  }
  // The narrative skeleton: every section's heading, with a hint as a comment.
  await writeFileAtomic(path.join(dir, NARRATIVE), new TextEncoder().encode(narrativeSkeleton()), {
    shown: path.join(shownDir, NARRATIVE),
  });
  created.push(path.join(shownDir, NARRATIVE));
  await fs.mkdir(path.join(dir, 'returns'));
  created.push(path.join(shownDir, 'returns') + path.sep);
  return created;
}
