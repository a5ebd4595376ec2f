// Every encoding, delimiter and number form a clerk's Excel produces reads to the same figures.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, json, runCli } from './helpers.js';

const FORMATS = path.join(FIXTURES, 'formats');

describe('return formats', () => {
  it.each(readdirSync(FORMATS))('%s', async (name) => {
    const r = await runCli(['aggregate', 'returns', '--config', '../../check/baocao.yaml', '--json'], {
      cwd: path.join(FORMATS, name),
    });
    expect(r.stderr).toBe(name === 'extra-column' ? expect.any(String) : '');
    expect(r.code).toBe(0);
    const out = json(r);
    expect(out.units.received).toEqual(['01', '02']);
    expect(out.indicators.VU).toMatchObject({ current: 2082, previous: 1956, change: 126 });
    expect(out.indicators.KP).toMatchObject({ current: 2000, previous: 1905 });
    expect(out.indicators.MH).toMatchObject({ current: 15, previous: 13 });
    expect(out.indicators.TL.display.current).toBe('96,1%');
    expect(out.byUnit['02'].VU).toMatchObject({ current: 0, previous: 5 });
  });
});
