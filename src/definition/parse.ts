// Turns the text of baocao.yaml into a checked, indexed definition, or the full
// list of its problems, each with the YAML line it is on.
import path from 'node:path';
import { CORE_SCHEMA, load as loadYaml } from 'js-yaml';
import { LineCounter, parseDocument, isNode, visit, type Document } from 'yaml';
import type { ZodType } from 'zod';
import en from 'zod/v4/locales/en.js';
import vi from 'zod/v4/locales/vi.js';
import { definitionJsonSchema } from './json-schema.js';
import { closest } from '../text/closest.js';
import { MAX_YAML_ALIASES } from '../limits.js';
import type { Lang } from '../messages/lang.js';
import { detail, isDetailKey, type DetailKey } from '../messages/details.js';
import { FatalError, type Problem } from '../messages/problem.js';
import { ruleKind, ruleSchema, type RuleData } from './rules.js';
import { NARRATIVE_SECTIONS, normaliseHeading, type NarrativeSection } from './narrative-sections.js';
import {
  definitionSchema,
  groupSchema,
  indicatorSchema,
  periodSchema,
  unitSchema,
  type DefinitionData,
  type DocumentData,
  type GroupData,
  type IndicatorData,
} from './schema.js';

export interface Unit {
  code: string;
  name: string;
  group?: string;
  /** Codes of the units merged into this one (communes before 2025): last period's returns under them are this unit's. */
  formerCodes?: string[];
}

/** An indicator; ratios have no decimals of their own (shown with one, as every percentage). */
export type Indicator = IndicatorData & { decimals: number };

export interface Definition {
  /** The definition file as the user named it. */
  file: string;
  /** The folder it is in (absolute): what its paths are relative to, where the intake register lives. */
  dir: string;
  title?: string;
  period: DefinitionData['period'];
  returnsDir: string;
  /** The previous period's returns (period.previous.returns), for the check of "Cùng kỳ". */
  previousReturnsDir?: string;
  templatePath?: string;
  /** The narrative the clerk writes (narrative:), beside the definition. */
  narrativePath?: string;
  /** The sections the office writes: the outline's own, then the definition's (narrativeSections:). */
  narrativeSections: readonly NarrativeSection[];
  outputPath?: string;
  units: Unit[];
  unitByCode: Map<string, Unit>;
  indicators: Indicator[];
  indicatorByCode: Map<string, Indicator>;
  /** Indicators the returns carry (all but ratios, which are derived). */
  inputIndicators: Indicator[];
  rules: RuleData[];
  /** Groups of units (former districts, areas), in their order; units name theirs. */
  groups: GroupData[];
  document?: DocumentData;
  /** The parts of the results, each with its indicators (one part of all of them by default). */
  sections: { title: string; indicators: string[] }[];
  /** Whether the definition grouped its indicators (sections:), rather than the one default part. */
  sectionsGiven: boolean;
  /** The charts the report draws (charts:). */
  charts: DefinitionData['charts'];
  /** What the units are called: "đơn vị", "huyện, thành phố", "xã, phường". */
  unitNoun: string;
  /** How the returns write numbers, when the definition says. */
  numberFormat?: 'vi' | 'en';
}

type PathKey = string | number;

function displayPath(p: readonly PathKey[], lang: Lang): string {
  return (
    p.reduce<string>((s, k) => (typeof k === 'number' ? `${s}[${k}]` : s ? `${s}.${k}` : k), '') ||
    (lang === 'vi' ? '(gốc)' : '(root)')
  );
}

/** The line of the deepest node that exists along `p`. */
function lineOf(doc: Document, counter: LineCounter, p: readonly PathKey[]): number | undefined {
  for (let n = p.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(p.slice(0, n), true);
    if (isNode(node) && node.range) return counter.linePos(node.range[0]).line;
  }
  return undefined;
}

/** A detail of the definition's own checks, from the catalog; schema messages are keys into it too. */
const detailText = (key: DetailKey, lang: Lang, a = '', b = ''): string => detail(key, { a, b }, lang);

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

function semanticIssues(d: DefinitionData, lang: Lang): { path: PathKey[]; detail: string }[] {
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
function salvaged(raw: unknown): { data: DefinitionData; at: (p: PathKey[]) => PathKey[] } | undefined {
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

/**
 * Parses and checks a definition. Throws FatalError (exit 2) carrying every
 * problem found, each with the YAML line, so the user fixes them in one go.
 */
/** An alias (*name) anywhere a value can start: such documents take the careful path. */
const ALIAS = /(?:^|[\s[{,:-])\*[^\s,\]}]/m;

/**
 * The fast path: js-yaml (core schema, as YAML 1.2 reads) is 5–15× faster than the
 * `yaml` library on a national roster of 3,321 units. Only a definition that passes
 * every check is taken from it; anything wrong, or any alias (js-yaml sets no limit
 * on alias expansion), goes to the careful path, which reports problems with lines.
 */
function quickData(text: string): unknown {
  if (ALIAS.test(text)) return undefined;
  try {
    return loadYaml(text, { schema: CORE_SCHEMA });
  } catch {
    return undefined;
  }
}

/** `file` is the name shown in messages; relative paths inside resolve against `baseDir`. */
export function parseDefinition(text: string, file: string, baseDir: string, lang: Lang = 'vi'): Definition {
  const quick = quickData(text);
  if (quick !== undefined) {
    // jitless: zod's generated parsers are compiled afresh by every process (no code
    // cache keeps them); its plain path, cached, reads the sample definition in 6 ms, not 15.
    const parsed = definitionSchema.safeParse(quick, { jitless: true });
    if (parsed.success && semanticIssues(parsed.data, lang).length === 0) return compile(parsed.data, file, baseDir);
  }
  return parseCarefully(text, file, baseDir, lang);
}

/** The careful path: the `yaml` library's document model, so every problem gets its line. */
export function parseCarefully(text: string, file: string, baseDir: string, lang: Lang): Definition {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new FatalError(
      doc.errors.map((e) => ({
        code: 'CONFIG_SYNTAX',
        severity: 'error',
        file,
        line: e.linePos?.[0]?.line,
        params: { detail: e.message.split('\n')[0]! },
      })),
    );
  }
  const problem = (p: PathKey[], detail: string): Problem => ({
    code: 'CONFIG_INVALID',
    severity: 'error',
    file,
    line: lineOf(doc, counter, p),
    params: { path: displayPath(p, lang), detail },
  });
  // Aliases to missing anchors, and alias bombs, only show when the document is built.
  // Each alias is resolved by a search of the document, so past the cap none is.
  let aliases = 0;
  visit(doc, {
    Alias() {
      aliases++;
    },
  });
  if (aliases > MAX_YAML_ALIASES)
    throw FatalError.of('CONFIG_SYNTAX', {
      file,
      params: { detailKey: 'TOO_MANY_ALIASES', count: aliases, limit: MAX_YAML_ALIASES },
    });
  const unresolved: Problem[] = [];
  visit(doc, {
    Alias(_, node) {
      if (!node.resolve(doc))
        unresolved.push({
          code: 'CONFIG_SYNTAX',
          severity: 'error',
          file,
          line: node.range ? counter.linePos(node.range[0]).line : undefined,
          params: { detail: `*${node.source}` },
        });
    },
  });
  if (unresolved.length > 0) throw new FatalError(unresolved);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (err) {
    throw FatalError.of('CONFIG_SYNTAX', {
      file,
      params: { detail: err instanceof Error ? err.message : String(err) },
    });
  }
  const locale = (lang === 'vi' ? vi() : en()).localeError;
  const parsed = definitionSchema.safeParse(data, {
    jitless: true,
    // zod's Vietnamese says only "Đầu vào không hợp lệ" for a value outside a choice ("kind: dem"); English lists the choices.
    error: (iss) => {
      const options = (iss as { options?: unknown[] }).options;
      if (lang === 'vi' && iss.code === 'invalid_union' && Array.isArray(options) && options.length > 0)
        return `Giá trị không hợp lệ; cần một trong: ${options.map((o) => `'${String(o)}'`).join(' | ')}`;
      return locale(iss);
    },
  });
  if (!parsed.success) {
    const shaped = parsed.error.issues.flatMap((iss) => {
      const p = iss.path as PathKey[];
      // An unknown key points at its own line, one problem per key.
      if (iss.code === 'unrecognized_keys')
        return iss.keys.map((k) => problem([...p, k], iss.message + didYouMean(k, lang)));
      const key = isDetailKey(iss.message) ? iss.message : undefined;
      let detail = key ? detailText(key, lang) : iss.message;
      if (
        iss.code === 'invalid_type' &&
        typeof doc.getIn(p) === 'number' &&
        ['code', 'numerator', 'denominator', 'indicator'].includes(String(p.at(-1)))
      )
        detail = detailText('CODE_IS_NUMBER', lang);
      return problem(p, detail);
    });
    // Every problem at once: the references of what did pass its schema (a rule naming an
    // indicator that is not there, a unit in no group) are said beside the schema's problems,
    // not after they are fixed; nothing is said twice of one key.
    const salvage = salvaged(data);
    const said = new Set(shaped.map((p) => p.params?.path));
    const more = salvage
      ? semanticIssues(salvage.data, lang)
          .map((s) => problem(salvage.at(s.path), s.detail))
          .filter((p) => !said.has(p.params?.path))
      : [];
    throw new FatalError([...shaped, ...more].sort((a, b) => (a.line ?? 0) - (b.line ?? 0)));
  }
  const d = parsed.data;
  const semantic = semanticIssues(d, lang);
  if (semantic.length > 0) throw new FatalError(semantic.map((s) => problem(s.path, s.detail)));
  return compile(d, file, baseDir);
}

function compile(d: DefinitionData, file: string, baseDir: string): Definition {
  const resolve = (p: string | undefined) => (p === undefined ? undefined : path.resolve(baseDir, p));
  const indicators: Indicator[] = d.indicators.map((i) => (i.kind === 'ratio' ? { ...i, decimals: 0 } : i));
  return {
    file,
    dir: path.resolve(baseDir),
    title: d.title,
    period: d.period,
    returnsDir: resolve(d.returns)!,
    previousReturnsDir: resolve(d.period.previous?.returns),
    templatePath: resolve(d.template),
    narrativePath: resolve(d.narrative),
    // Printed where the template puts it: a placeholder and a warning (an error with --final) until written.
    narrativeSections: [...NARRATIVE_SECTIONS, ...d.narrativeSections.map((s) => ({ ...s, required: true, hint: '' }))],
    outputPath: resolve(d.output),
    units: d.units,
    unitByCode: new Map(d.units.map((u) => [u.code, u])),
    indicators,
    indicatorByCode: new Map(indicators.map((i) => [i.code, i])),
    inputIndicators: indicators.filter((i) => i.kind !== 'ratio'),
    rules: d.rules as RuleData[],
    groups: d.groups ?? [],
    document: d.document,
    numberFormat: d.numberFormat,
    unitNoun: d.unitNoun ?? 'đơn vị',
    sections: d.sections ?? [{ title: 'Kết quả thực hiện các chỉ tiêu', indicators: indicators.map((i) => i.code) }],
    sectionsGiven: d.sections !== undefined,
    charts: d.charts,
  };
}

/** Every key a definition may have, anywhere (from its JSON Schema), for suggestions. */
let knownKeys: string[] | undefined;
function definitionKeys(): string[] {
  if (knownKeys) return knownKeys;
  const keys = new Set<string>();
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const props = (node as { properties?: Record<string, unknown> }).properties;
      if (props && typeof props === 'object') for (const k of Object.keys(props)) keys.add(k);
      Object.values(node).forEach(walk);
    }
  };
  walk(definitionJsonSchema());
  return (knownKeys = [...keys]);
}

/** ' (có phải "decimals"?)' for a key one or two edits from a known one (decimal, denominater). */
function didYouMean(key: string, lang: Lang): string {
  // A key known elsewhere in the definition (`group` under an indicator) is no misspelling of itself.
  const best = closest(
    key,
    definitionKeys().filter((k) => k !== key),
    2,
  );
  // Two edits only in a longer key.
  if (best === undefined || best.edits > Math.max(1, Math.floor(best.name.length / 4))) return '';
  return lang === 'vi' ? ` (có phải "${best.name}"?)` : ` (did you mean "${best.name}"?)`;
}
