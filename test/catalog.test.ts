import { describe, expect, it } from 'vitest';
import { PROBLEM_CODES } from '../src/messages/catalog.js';
import { FILE_MESSAGES } from '../src/messages/codes/files.js';
import { ROW_MESSAGES } from '../src/messages/codes/rows.js';
import { SETUP_MESSAGES } from '../src/messages/codes/setup.js';

describe('the catalog', () => {
  it('holds each stage’s codes once: no stage’s message replaces another’s', () => {
    const stages = [FILE_MESSAGES, ROW_MESSAGES, SETUP_MESSAGES].map((m) => Object.keys(m));
    const all = stages.flat();
    expect(new Set(all).size).toBe(all.length);
    expect([...PROBLEM_CODES].sort()).toEqual([...all].sort());
  });
});
