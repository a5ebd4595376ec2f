// Turns the text of baocao.yaml into a checked, indexed definition, or the full
// list of its problems, each with the YAML line it is on.
import path from 'node:path';
import { CORE_SCHEMA, load as loadYaml } from 'js-yaml';
import { LineCounter, parseDocument, isNode, visit, type Document } from 'yaml';
import en from 'zod/v4/locales/en.js';
import vi from 'zod/v4/locales/vi.js';
import { definitionJsonSchema } from './json-schema.js';
import { closest } from '../text/closest.js';
import { MAX_YAML_ALIASES } from '../limits.js';
import type { Lang } from '../messages/lang.js';
import { isDetailKey } from '../messages/details.js';
import { factsOf, FatalError, type Problem } from '../messages/problem.js';
import type { RuleData } from './rules.js';
import { detailText, type PathKey, salvaged, semanticIssues } from './semantics.js';
import { NARRATIVE_SECTIONS, type NarrativeSection } from './narrative-sections.js';
import {
  definitionSchema,
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

/**
 * Parses and checks a definition. Throws FatalError (exit 2) carrying every
 * problem found, each with the YAML line, so the user fixes them in one go.
 * `file` is the name shown in messages; relative paths inside resolve against `baseDir`.
 */
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
    const said = new Set(shaped.map((p) => factsOf(p).path));
    const more = salvage
      ? semanticIssues(salvage.data, lang)
          .map((s) => problem(salvage.at(s.path), s.detail))
          .filter((p) => !said.has(factsOf(p).path))
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
