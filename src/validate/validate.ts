// Checks return rows against the definition: every problem in one pass, each with
// its file, line, column, unit and indicator. Produces the values aggregation sums.
import type { Definition, Indicator, Unit } from '../definition/parse.js';
import type { ReturnFile, ReturnRow } from '../ingest/returns.js';
import { ProblemCollector } from '../messages/collector.js';
import type { Problem } from '../messages/problem.js';
import { parseCount } from './number.js';

export interface CellValue {
  current: bigint;
  previous: bigint;
  file: string;
  line: number;
}

export interface CheckedReturns {
  /** unit code → indicator code → values (input indicators only). */
  values: Map<string, Map<string, CellValue>>;
  /** Roster order. */
  received: string[];
  missing: string[];
}

export interface ValidateOptions {
  allowMissing?: boolean;
}

/** Finds a roster unit, forgiving the leading zeros Excel drops ("24" for "024"). */
function lookupUnit(def: Definition, raw: string, numeric: Map<string, Unit[]>): { unit?: Unit; padded: boolean } {
  const exact = def.unitByCode.get(raw);
  if (exact) return { unit: exact, padded: false };
  if (/^\d+$/.test(raw)) {
    const candidates = numeric.get(BigInt(raw).toString());
    if (candidates?.length === 1) return { unit: candidates[0], padded: true };
  }
  return { padded: false };
}

export function validateReturns(def: Definition, files: readonly ReturnFile[], opts: ValidateOptions = {}): { checked: CheckedReturns; problems: Problem[] } {
  const problems = new ProblemCollector();
  const numeric = new Map<string, Unit[]>();
  for (const u of def.units)
    if (/^\d+$/.test(u.code)) {
      const key = BigInt(u.code).toString();
      numeric.set(key, [...(numeric.get(key) ?? []), u]);
    }
  const indicatorByUpper = new Map(def.indicators.map((i) => [i.code.toUpperCase(), i]));
  const values = new Map<string, Map<string, CellValue>>();
  const seen = new Map<string, ReturnRow>();
  /** Units that sent rows, with the first file they appear in and whether it was read whole. */
  const unitFiles = new Map<string, { file: string; complete: boolean }>();

  const err = (row: ReturnRow, p: Omit<Problem, 'file' | 'line' | 'severity'>, severity: Problem['severity'] = 'error') =>
    problems.add({ severity, file: row.file, line: row.line, ...p });

  // A unit's rows come together and a few indicator spellings repeat: the last unit
  // looked up is kept, and up to 1,000 indicator spellings (a hostile file may have a
  // million different ones).
  let lastUnit = { raw: undefined as string | undefined, lookup: { padded: false } as ReturnType<typeof lookupUnit> };
  const indicatorLookups = new Map<string, Indicator | undefined>();
  const periodCode = def.period.code.toUpperCase();

  for (const file of files) {
    for (const row of file.rows) {
      if (row.unit !== lastUnit.raw) lastUnit = { raw: row.unit, lookup: lookupUnit(def, row.unit, numeric) };
      const { unit, padded } = lastUnit.lookup;
      if (!unit) {
        err(row, { code: 'UNKNOWN_UNIT', column: 'ma_don_vi', params: { value: row.unit } });
        continue;
      }
      if (padded) err(row, { code: 'UNIT_CODE_PADDED', column: 'ma_don_vi', unit: unit.code, params: { value: row.unit, unit: unit.code } }, 'warning');
      const prior = unitFiles.get(unit.code);
      if (!prior) unitFiles.set(unit.code, { file: file.file, complete: file.complete });
      else if (!file.complete) prior.complete = false;

      let indicator = indicatorLookups.get(row.indicator);
      if (indicator === undefined && !indicatorLookups.has(row.indicator)) {
        indicator = indicatorByUpper.get(row.indicator.toUpperCase());
        if (indicatorLookups.size < 1000) indicatorLookups.set(row.indicator, indicator);
      }
      if (!indicator) {
        err(row, { code: 'UNKNOWN_INDICATOR', column: 'ma_chi_tieu', unit: unit.code, params: { value: row.indicator } });
        continue;
      }
      if (indicator.kind === 'ratio') {
        err(row, { code: 'DERIVED_INDICATOR', column: 'ma_chi_tieu', unit: unit.code, indicator: indicator.code, params: { value: indicator.code } }, 'warning');
        continue;
      }
      if (row.period !== def.period.code && row.period.toUpperCase() !== periodCode)
        err(row, { code: 'PERIOD_MISMATCH', column: 'ky_bao_cao', unit: unit.code, indicator: indicator.code, params: { value: row.period, expected: def.period.code } });

      const key = `${unit.code}\u0000${indicator.code}`;
      const first = seen.get(key);
      if (first) {
        err(row, { code: 'DUPLICATE_ROW', unit: unit.code, indicator: indicator.code, params: { first: `${first.file}:${first.line}` } });
        continue;
      }
      seen.set(key, row);

      const current = parseCount(row.current);
      const previous = parseCount(row.previous);
      if (current.ok && previous.ok) {
        let byIndicator = values.get(unit.code);
        if (!byIndicator) values.set(unit.code, (byIndicator = new Map()));
        byIndicator.set(indicator.code, { current: current.value, previous: previous.value, file: row.file, line: row.line });
        continue;
      }
      for (const [parsed, column, raw] of [
        [current, 'ky_nay', row.current],
        [previous, 'cung_ky', row.previous],
      ] as const) {
        if (!parsed.ok) err(row, { code: parsed.code, column, unit: unit.code, indicator: indicator.code, params: { value: raw, unitLabel: indicator.unit } });
      }
    }
  }

  for (const [unitCode, { file, complete }] of unitFiles) {
    if (!complete) continue;
    const unit = def.unitByCode.get(unitCode)!;
    for (const ind of def.inputIndicators)
      if (!seen.has(`${unitCode}\u0000${ind.code}`))
        problems.add({ code: 'MISSING_INDICATOR', severity: 'error', file, unit: unitCode, indicator: ind.code, params: { unitName: unit.name, label: ind.label } });
  }

  for (const p of checkRules(def, values)) problems.add(p);

  const received = def.units.filter((u) => unitFiles.has(u.code)).map((u) => u.code);
  const missing = def.units.filter((u) => !unitFiles.has(u.code));
  // A file that could not be read whole may hold these units' rows; the message says so.
  const unread = files.filter((f) => !f.complete).length;
  for (const u of missing)
    problems.add({ code: 'MISSING_UNIT', severity: opts.allowMissing ? 'warning' : 'error', unit: u.code, params: { unitName: u.name, unread } });

  return { checked: { values, received, missing: missing.map((u) => u.code) }, problems: problems.list() };
}

function checkRules(def: Definition, values: Map<string, Map<string, CellValue>>): Problem[] {
  const problems: Problem[] = [];
  const label = (code: string) => (def.indicatorByCode.get(code) as Indicator).label;
  for (const [unit, byIndicator] of values)
    for (const rule of def.rules) {
      const other = (rule.atMost ?? rule.atLeast)!;
      const left = byIndicator.get(rule.indicator);
      const right = byIndicator.get(other);
      if (!left || !right) continue;
      for (const column of ['ky_nay', 'cung_ky'] as const) {
        const l = column === 'ky_nay' ? left.current : left.previous;
        const r = column === 'ky_nay' ? right.current : right.previous;
        const broken = rule.atMost !== undefined ? l > r : l < r;
        if (broken)
          problems.push({
            code: 'RULE_VIOLATION',
            severity: 'error',
            file: left.file,
            line: left.line,
            column,
            unit,
            indicator: rule.indicator,
            params: { column, op: rule.atMost !== undefined ? 'atMost' : 'atLeast', left: String(l), right: String(r), leftLabel: label(rule.indicator), rightLabel: label(other) },
          });
      }
    }
  return problems;
}
