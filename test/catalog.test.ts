import { describe, expect, it } from 'vitest';
import { message, PROBLEM_CODES } from '../src/messages/catalog.js';
import { FatalError, type Problem } from '../src/messages/problem.js';
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

describe('a problem', () => {
  it('carries the params its code’s message reads, as the compiler holds it to (tsc checks this file)', () => {
    const ok: Problem = { code: 'FILE_NAMED_TWICE', severity: 'warning', params: { first: 'a.csv' } };
    // @ts-expect-error a param the message needs is missing
    const missing: Problem = { code: 'FILE_NAMED_TWICE', severity: 'warning', params: {} };
    // @ts-expect-error a param no message of the code reads
    const unknown: Problem = { code: 'FILE_NAMED_TWICE', severity: 'warning', params: { first: 'a', frist: 'a' } };
    // @ts-expect-error a code whose message has facts needs its params
    const none: Problem = { code: 'OUTPUT_BUSY', severity: 'error' };
    const without: Problem = { code: 'EMPTY_FILE', severity: 'error' };
    // @ts-expect-error FatalError.of asks the code's params too
    const fatal = () => FatalError.of('OUTPUT_BUSY', { params: { path: 'r.docx' } });
    expect(message(ok.code, ok.params)).toContain('a.csv');
    expect(message(without.code, without.params)).toContain('không có dữ liệu');
    void [missing, unknown, none, fatal];
  });
});
