// One return file's bytes to rows with named fields, plus the file-level problems
// (encoding, CSV structure, header). Pure: the caller reads the bytes.
import { ProblemCollector } from '../messages/collector.js';
import type { Problem } from '../messages/problem.js';
import { parseCsv } from './csv.js';
import { decodeText, type Encoding } from './decode.js';
import { COLUMNS, matchHeader, type Column } from './headers.js';
import { MAX_COLUMNS } from './limits.js';

export interface ReturnRow {
  file: string;
  line: number;
  unit: string;
  period: string;
  indicator: string;
  label: string;
  current: string;
  previous: string;
}

export interface ReturnFile {
  file: string;
  encoding?: Encoding;
  rows: ReturnRow[];
  /** False when the file could not be read to its end; its units' gaps are then not reported. */
  complete: boolean;
  problems: Problem[];
}

export function readReturn(bytes: Uint8Array, file: string, encoding?: Encoding): ReturnFile {
  const problems: Problem[] = [];
  const fail = (p: Omit<Problem, 'file' | 'severity'>): ReturnFile => ({
    file,
    rows: [],
    complete: false,
    problems: [{ severity: 'error', file, ...p }],
  });
  if (bytes.length === 0) return { ...fail({ code: 'EMPTY_FILE' }), complete: true };
  const decoded = decodeText(bytes, encoding);
  if (!decoded.ok)
    return decoded.code === 'NOT_TEXT'
      ? fail({ code: 'NOT_TEXT', params: { kind: decoded.kind } })
      : fail({ code: 'INVALID_ENCODING', params: { encoding: decoded.encoding, detected: decoded.detected ? 1 : 0 } });

  const table = parseCsv(decoded.text);
  if (table.broken)
    problems.push({ code: 'MALFORMED_CSV', severity: 'error', file, line: table.broken.line, params: { reason: table.broken.reason } });
  const [header, ...records] = table.records;
  if (!header || records.length === 0) {
    if (!table.broken) problems.push({ code: 'EMPTY_FILE', severity: 'error', file, line: header?.line });
    return { file, encoding: decoded.encoding, rows: [], complete: !table.broken, problems };
  }

  if (header.cells.length > MAX_COLUMNS)
    return fail({ code: 'HEADER_TOO_WIDE', line: header.line, params: { count: header.cells.length, limit: MAX_COLUMNS } });
  const match = matchHeader(header.cells);
  for (const column of match.missing)
    problems.push({ code: 'MISSING_COLUMN', severity: 'error', file, line: header.line, column, params: { expected: column, alias: COLUMNS[column] } });
  for (const d of match.duplicates)
    problems.push({ code: 'DUPLICATE_COLUMN', severity: 'error', file, line: header.line, column: d.column, params: { expected: d.column, first: d.first, second: d.second } });
  const rowProblems = new ProblemCollector();
  // Through the collector: a header of hundreds of stray columns gives 100 warnings and a count.
  for (const x of match.extra) rowProblems.add({ code: 'EXTRA_COLUMN', severity: 'warning', file, line: header.line, column: x.name });
  if (match.missing.length > 0 || match.duplicates.length > 0) {
    for (const p of rowProblems.list()) problems.push(p);
    return { file, encoding: decoded.encoding, rows: [], complete: false, problems };
  }

  const cell = (cells: string[], c: Column) => {
    const i = match.index.get(c);
    // trim() also takes the Unicode spaces (NBSP) the tokenizer leaves.
    return i === undefined ? '' : (cells[i] ?? '').trim();
  };
  const rows: ReturnRow[] = [];
  for (const { line, cells } of records) {
    if (cells.length > header.cells.length && cells.slice(header.cells.length).some((c) => c !== ''))
      rowProblems.add({
        code: 'MALFORMED_CSV',
        severity: 'error',
        file,
        line,
        params: { reason: 'FIELD_COUNT', count: cells.length, expected: header.cells.length },
      });
    rows.push({
      file,
      line,
      unit: cell(cells, 'ma_don_vi'),
      period: cell(cells, 'ky_bao_cao'),
      indicator: cell(cells, 'ma_chi_tieu'),
      label: cell(cells, 'ten_chi_tieu'),
      current: cell(cells, 'ky_nay'),
      previous: cell(cells, 'cung_ky'),
    });
  }
  for (const p of rowProblems.list()) problems.push(p);
  return { file, encoding: decoded.encoding, rows, complete: !table.broken, problems };
}
