import { defineConfig } from 'vitest/config';

/**
 * The tests that run the built command (bin/baocao.cjs, after `npm run build`) or the office
 * software it is checked in (LibreOffice, poppler, pandoc). Everything else runs in process,
 * from the sources, in seconds: the unit project.
 */
const endToEnd = [
  'appendix',
  'build',
  'charts',
  'cli',
  'excel',
  'figures-workbook',
  'frame',
  'hostile',
  'intake',
  'launch',
  'package',
  'pdf',
  'period',
  'reliability',
  'roundtrip',
  'scripting',
  'signature',
  'workflow',
].map((name) => `test/${name}.test.ts`);

export default defineConfig({
  test: {
    testTimeout: 60_000,
    // Every temporary folder of the run inside one, removed at the end (test/global-setup.ts).
    globalSetup: ['test/global-setup.ts'],
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: endToEnd } },
      { extends: true, test: { name: 'e2e', include: endToEnd } },
    ],
  },
});
