// What the schema cannot say of a definition: references between its lists (a rule, a group,
// a section naming an indicator or unit it has), names given twice, control characters; and,
// of a definition that fails its schema, what can still be checked.
import type { ZodType } from 'zod';
import type { Lang } from '../messages/lang.js';
import { detail, type DetailKey } from '../messages/details.js';
import { ruleKind, ruleSchema, type RuleData } from './rules.js';
import { NARRATIVE_SECTIONS, normaliseHeading } from './narrative-sections.js';
import {
  definitionSchema,
  groupSchema,
  indicatorSchema,
  periodSchema,
  unitSchema,
  type DefinitionData,
  type IndicatorData,
} from './schema.js';

export type PathKey = string | number;

/** A detail of the definition's own checks, from the catalog; schema messages are keys into it too. */
export const detailText = (key: DetailKey, lang: Lang, a = '', b = ''): string => detail(key, { a, b }, lang);

/** C0 and C1 controls but tab and line breaks, and the two non-characters: none can stand in a document's XML. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/;

/** Every string in the data with its path, for the control-character check. */
function* strings(value: unknown, at: PathKey[] = []): Generator<[PathKey[], string]> {
  if (typeof value === 'string') yield [at, value];
  else if (Array.isArray(value)) for (let i = 0; i < value.length; i++) yield* strings(value[i], [...at, i]);
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) yield* strings(v, [...at, k]);
}

const codePoint = (ch: string) => 'U+' + ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');

export function semanticIssues(d: DefinitionData, lang: Lang): { path: PathKey[]; detail: string }[] {
  const t = (key: DetailKey, a = '', b = '') => detailText(key, lang, a, b);
  const issues: { path: PathKey[]; detail: string }[] = [];
  for (const [at, text] of strings(d)) {
    const m = CONTROL.exec(text);
    if (m) issues.push({ path: at, detail: t('CONTROL_CHARACTER', codePoint(m[0])) });
  }
  // A section the definition adds is named apart from the outline's own and from each other (by key, and by heading whatever its marks).
  const keys = new Map(NARRATIVE_SECTIONS.map((s) => [s.key.toLowerCase(), `"${s.key}"`]));
  const headings = new Map(NARRATIVE_SECTIONS.map((s) => [normaliseHeading(s.heading), `"${s.heading}"`]));
  // (Also run over what passed of a definition with other problems, where the list may be missing or partial.)
  (d.narrativeSections ?? []).forEach((s, i) => {
    if (typeof s?.key !== 'string' || typeof s.heading !== 'string') return;
    const key = keys.get(s.key.toLowerCase());
    const heading = headings.get(normaliseHeading(s.heading));
    if (key !== undefined)
      issues.push({ path: ['narrativeSections', i, 'key'], detail: t('DUPLICATE_SECTION', s.key, key) });
    else if (heading !== undefined)
      issues.push({ path: ['narrativeSections', i, 'heading'], detail: t('DUPLICATE_SECTION', s.heading, heading) });
    keys.set(s.key.toLowerCase(), `narrativeSections[${i}]`);
    headings.set(normaliseHeading(s.heading), `narrativeSections[${i}]`);
  });
  const seenUnits = new Map<string, number>();
  // "024" and "24" cannot both be codes: a return whose zero Excel dropped would match either.
  const seenNumbers = new Map<string, number>();
  d.units.forEach((u, i) => {
    const first = seenUnits.get(u.code);
    if (first !== undefined) {
      issues.push({ path: ['units', i, 'code'], detail: t('DUPLICATE_UNIT', u.code, `units[${first}]`) });
      return;
    }
    seenUnits.set(u.code, i);
    if (!/^\d+$/.test(u.code)) return;
    const number = u.code.replace(/^0+(?=\d)/, '');
    const same = seenNumbers.get(number);
    if (same !== undefined)
      issues.push({
        path: ['units', i, 'code'],
        detail: t('SAME_UNIT_NUMBER', u.code, `"${d.units[same]!.code}" (units[${same}])`),
      });
    else seenNumbers.set(number, i);
  });
  // A former code (a commune merged in 2025) is read as one current unit's last period: it may be
  // no other unit's code, nor merge into two units.
  const former = new Map<string, number>();
  d.units.forEach((u, i) =>
    (u.formerCodes ?? []).forEach((f, k) => {
      const current = seenUnits.get(f);
      const taken = former.get(f);
      if (current !== undefined && current !== i)
        issues.push({
          path: ['units', i, 'formerCodes', k],
          detail: t('FORMER_CODE_TAKEN', f, `units[${current}].code`),
        });
      else if (taken !== undefined)
        issues.push({
          path: ['units', i, 'formerCodes', k],
          detail: t('FORMER_CODE_TAKEN', f, `units[${taken}].formerCodes`),
        });
      else former.set(f, i);
    }),
  );
  const kinds = new Map<string, IndicatorData['kind']>();
  const firstIndicator = new Map<string, number>();
  const byUpper = new Map<string, number>();
  d.indicators.forEach((ind, i) => {
    if (kinds.has(ind.code)) {
      issues.push({
        path: ['indicators', i, 'code'],
        detail: t('DUPLICATE_INDICATOR', ind.code, `indicators[${firstIndicator.get(ind.code)}]`),
      });
      return;
    }
    kinds.set(ind.code, ind.kind);
    firstIndicator.set(ind.code, i);
    const same = byUpper.get(ind.code.toUpperCase());
    if (same !== undefined)
      issues.push({
        path: ['indicators', i, 'code'],
        detail: t('SAME_INDICATOR_LETTERS', ind.code, `"${d.indicators[same]!.code}" (indicators[${same}])`),
      });
    else byUpper.set(ind.code.toUpperCase(), i);
  });
  const needInput = (ref: string, at: PathKey[]) => {
    const kind = kinds.get(ref);
    if (kind === undefined) issues.push({ path: at, detail: t('UNKNOWN_REF', ref) });
    else if (kind === 'ratio') issues.push({ path: at, detail: t('RATIO_REF', ref) });
  };
  d.indicators.forEach((ind, i) => {
    if (ind.kind !== 'ratio') return;
    needInput(ind.numerator, ['indicators', i, 'numerator']);
    needInput(ind.denominator, ['indicators', i, 'denominator']);
  });
  (d.sections ?? []).forEach((sec, i) =>
    sec.indicators.forEach(
      (code, j) =>
        kinds.has(code) || issues.push({ path: ['sections', i, 'indicators', j], detail: t('UNKNOWN_REF', code) }),
    ),
  );
  (d.charts ?? []).forEach((c, i) => {
    if (typeof c?.indicator !== 'string') return;
    if (!kinds.has(c.indicator))
      issues.push({ path: ['charts', i, 'indicator'], detail: t('UNKNOWN_REF', c.indicator) });
    if (c.by === 'group' && (d.groups ?? []).length === 0)
      issues.push({ path: ['charts', i, 'by'], detail: t('CHART_NEEDS_GROUPS') });
  });
  (d.rules as RuleData[]).forEach((r, i) => {
    needInput(r.indicator, ['rules', i, 'indicator']);
    const { kind, bound } = ruleKind(r);
    const refs = kind.refs(bound);
    refs.forEach((ref) =>
      needInput(ref, typeof bound === 'string' ? ['rules', i, kind.key] : ['rules', i, kind.key, refs.indexOf(ref)]),
    );
  });
  const groups = new Map<string, number>();
  (d.groups ?? []).forEach((g, i) => {
    const first = groups.get(g.code);
    if (first !== undefined)
      issues.push({ path: ['groups', i, 'code'], detail: t('DUPLICATE_GROUP', g.code, `groups[${first}]`) });
    else groups.set(g.code, i);
  });
  d.units.forEach((u, i) => {
    if (u.group !== undefined && !groups.has(u.group))
      issues.push({ path: ['units', i, 'group'], detail: t('UNKNOWN_GROUP', u.group) });
    else if (u.group === undefined && d.groups !== undefined)
      issues.push({ path: ['units', i], detail: t('GROUP_REQUIRED') });
  });
  if (d.period.start > d.period.end) issues.push({ path: ['period', 'end'], detail: t('END_BEFORE_START') });
  if (d.period.deadline !== undefined && d.period.deadline < d.period.end)
    issues.push({ path: ['period', 'deadline'], detail: t('DEADLINE_BEFORE_END', d.period.end) });
  // Percentages added up over units make a wrong figure ("166,9%"): a rate is a ratio of two sums.
  if (d.units.length > 1)
    d.indicators.forEach((ind, i) => {
      if (ind.kind !== 'ratio' && ind.unit.trim() === '%')
        issues.push({ path: ['indicators', i, 'unit'], detail: t('PERCENT_SUMMED', ind.code) });
    });
  return issues;
}

/**
 * What of a definition that fails its schema can still be checked for references: each list's
 * items that pass their own schema, and of those that do not, the code (as a unit, group or
 * indicator known by it, so that nothing naming it is called unknown). `at` turns a path into
 * the salvaged lists back into the file's own.
 */
export function salvaged(raw: unknown): { data: DefinitionData; at: (p: PathKey[]) => PathKey[] } | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const r = raw as Record<string, unknown>;
  const origin = new Map<string, number[]>();
  const codeOf = (item: unknown) => {
    const c = (item as { code?: unknown } | null)?.code;
    return typeof c === 'string' && c.trim() !== '' ? c.trim() : undefined;
  };
  function list<T>(key: string, schema: ZodType<T>, stand?: (item: Record<string, unknown>, code: string) => T): T[] {
    const items: unknown[] = Array.isArray(r[key]) ? r[key] : [];
    const out: T[] = [];
    const from: number[] = [];
    items.forEach((item, i) => {
      const ok = schema.safeParse(item, { jitless: true });
      const code = codeOf(item);
      const value = ok.success
        ? ok.data
        : stand && code !== undefined
          ? stand(item as Record<string, unknown>, code)
          : undefined;
      if (value === undefined) return;
      out.push(value);
      from.push(i);
    });
    origin.set(key, from);
    return out;
  }
  const period = periodSchema.safeParse(r.period, { jitless: true });
  const data = {
    period: period.success ? period.data : { start: '', end: '' },
    units: list('units', unitSchema, (u, code) => ({
      code,
      name: '',
      ...(typeof u.group === 'string' && { group: u.group }),
    })),
    indicators: list('indicators', indicatorSchema, (_, code) => ({
      code,
      label: '',
      unit: '',
      kind: 'count' as const,
      decimals: 0,
      unusual: true,
    })),
    groups: r.groups === undefined ? undefined : list('groups', groupSchema, (_, code) => ({ code, name: '' })),
    sections: r.sections === undefined ? undefined : list('sections', definitionSchema.shape.sections.unwrap().element),
    rules: list('rules', ruleSchema),
  } as DefinitionData;
  const at = (p: PathKey[]): PathKey[] => {
    const from = origin.get(String(p[0]));
    return from && typeof p[1] === 'number' ? [p[0]!, from[p[1]]!, ...p.slice(2)] : p;
  };
  return { data, at };
}
