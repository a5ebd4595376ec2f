// Checks a template before any data is rendered: every name it uses, in every branch
// (also those this period's figures would not take), must exist in the data, and no
// construct may bypass literal text or recurse (partials, decorators, {{{ }}}).
// All problems are reported at once, each with its line.
import type { DetailKey } from '../../messages/details.js';
import type { ParamsOf, ProblemCode } from '../../messages/catalog.js';
import type { Problem } from '../../messages/problem.js';
import { HELPERS, SIGNATURES } from './helpers.js';
import { SCOPE_PREFIX } from './scopes.js';
import { Literal } from './literal.js';
import { ChartValue, NarrativeValue, Num } from './view.js';
import { closest } from '../../text/closest.js';

type AST = hbs.AST.Node & { loc?: hbs.AST.SourceLocation };
type Expr = hbs.AST.Expression;

/** A scope: the data at this level, and the block parameters ({{#each x as |item i|}}) in force. */
interface Scope {
  value: unknown;
  params: Map<string, unknown>;
  inEach: boolean;
}

const BUILT_IN = new Set(['if', 'unless', 'each', 'with']);
const DATA_VARIABLES = new Set(['index', 'key', 'first', 'last']);
const INDEX = Symbol('index');
/** `narrative.…` named inside the narrative itself. */
const NARRATIVE_HERE = Symbol('narrative');

/** The value one level down, or undefined when the name does not exist there. */
function child(value: unknown, name: string): unknown {
  if (value instanceof NarrativeValue) return name === 'given' ? INDEX : undefined;
  if (
    value === null ||
    value === undefined ||
    value === INDEX ||
    value instanceof Literal ||
    value instanceof Num ||
    value instanceof ChartValue
  )
    return undefined;
  if (Array.isArray(value)) return name === 'length' ? INDEX : /^\d+$/.test(name) ? value[0] : undefined;
  if (typeof value === 'object' && Object.hasOwn(value, name)) return (value as Record<string, unknown>)[name] ?? null;
  return undefined;
}

/** What `{{#each value}}` iterates over: an array's first element, or any value of an object. */
function element(value: unknown): unknown {
  if (Array.isArray(value)) return value[0];
  if (value !== null && typeof value === 'object' && !(value instanceof Literal) && !(value instanceof Num))
    return Object.values(value)[0];
  return undefined;
}

/** The names one could write at this place of the data. */
function keysOf(value: unknown): string[] {
  if (
    value === null ||
    typeof value !== 'object' ||
    value instanceof Literal ||
    value instanceof Num ||
    Array.isArray(value)
  )
    return [];
  return Object.keys(value);
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Data printed as text must be text: a Literal, a number, a narrative section, a chart — never a record or a list ("[dữ liệu]"). */
const printable = (value: unknown) =>
  value === undefined ||
  value === null ||
  value === INDEX ||
  typeof value !== 'object' ||
  value instanceof Literal ||
  value instanceof Num ||
  value instanceof NarrativeValue ||
  value instanceof ChartValue;

export function checkTemplate(
  ast: hbs.AST.Program,
  file: string,
  probe: object,
  opts: { narrative?: boolean } = {},
): Problem[] {
  const problems: Problem[] = [];
  const report = <C extends ProblemCode>(code: C, node: AST, params: ParamsOf<C>) =>
    problems.push({ code, severity: 'error', file, line: node.loc?.start.line, params } as Problem);

  /** Where the last lookup failed: the object it looked in and the name it did not find. */
  let miss: { parent: unknown; name: string } | undefined;
  const reported = new Set<string>();
  const unknown = (e: hbs.AST.PathExpression) => {
    // Each unknown name once, with the closest names where it was looked up.
    if (reported.has(e.original)) return;
    reported.add(e.original);
    // The closest name within a third of its length (at least 2 edits), or none.
    const suggestion = miss
      ? closest(miss.name, keysOf(miss.parent), Math.max(2, Math.floor(miss.name.length / 3)))?.name
      : undefined;
    const params: { name: string; suggestion?: string } = { name: e.original };
    if (suggestion && miss)
      params.suggestion = e.original.replace(
        new RegExp(`(^|[./])${escapeRegExp(miss.name)}(?=$|\\.)`),
        `$1${suggestion}`,
      );
    report('TEMPLATE_UNKNOWN_VARIABLE', e, params);
  };

  const resolve = (path: hbs.AST.PathExpression, scopes: Scope[]): unknown => {
    miss = undefined;
    if (path.data) {
      const [head, ...rest] = path.parts;
      if (head === 'root') return rest.reduce<unknown>((v, p) => (v === undefined ? v : child(v, p)), scopes[0]!.value);
      const inEach = scopes.at(-1 - path.depth)?.inEach;
      return DATA_VARIABLES.has(head!) && inEach && rest.length === 0 ? INDEX : undefined;
    }
    const scope = scopes.at(-1 - path.depth);
    if (!scope) return undefined;
    const [head, ...rest] = path.parts;
    // The narrative is rendered before the narrative exists: a section naming one would print its placeholder.
    if (opts.narrative && head === 'narrative' && scope === scopes[0] && !scope.params.has(head)) return NARRATIVE_HERE;
    let value: unknown = scope.value;
    let parts = path.parts;
    if (head !== undefined && scope.params.has(head) && !path.original.startsWith('this.')) {
      value = scope.params.get(head);
      parts = rest;
    }
    for (const p of parts) {
      const parent = value;
      value = child(value, p);
      if (value === undefined) {
        miss = { parent, name: p };
        return undefined;
      }
    }
    return value;
  };

  const expr = (e: Expr, scopes: Scope[]): unknown => {
    switch (e.type) {
      case 'PathExpression': {
        if ((e as hbs.AST.PathExpression).original.includes(SCOPE_PREFIX)) {
          miss = undefined;
          unknown(e as hbs.AST.PathExpression);
          return undefined;
        }
        const value = resolve(e as hbs.AST.PathExpression, scopes);
        if (value === NARRATIVE_HERE) {
          report('NARRATIVE_SELF_REFERENCE', e, { name: (e as hbs.AST.PathExpression).original });
          return INDEX;
        }
        if (value === undefined) unknown(e as hbs.AST.PathExpression);
        return value;
      }
      case 'SubExpression':
        call(e as hbs.AST.SubExpression, scopes);
        return INDEX;
      default:
        return INDEX; // a literal
    }
  };

  const call = (node: hbs.AST.SubExpression | hbs.AST.MustacheStatement | hbs.AST.BlockStatement, scopes: Scope[]) => {
    // {{"label"}} is a lookup Handlebars does outside every check: names are never quoted.
    if (node.path.type !== 'PathExpression') {
      report('TEMPLATE_SYNTAX', node, { detailKey: 'QUOTED_NAME' });
      return [];
    }
    const name = (node.path as hbs.AST.PathExpression).original;
    const values = node.params.map((p) => expr(p, scopes));
    for (const pair of node.hash?.pairs ?? []) expr(pair.value, scopes);
    const signature = Object.hasOwn(SIGNATURES, name) ? SIGNATURES[name]! : undefined;
    if (!signature || (!Object.hasOwn(HELPERS, name) && !BUILT_IN.has(name))) {
      report('TEMPLATE_UNKNOWN_HELPER', node, { name });
      return values;
    }
    const helper = (detailKey: DetailKey, params: Record<string, string | number> = {}) =>
      report('TEMPLATE_HELPER', node, { helper: name, detailKey, ...params });
    const count = node.params.length;
    if (count < signature.min || count > signature.max)
      helper('ARITY', { min: signature.min, max: signature.max === Infinity ? 'many' : signature.max, count });
    for (const pair of node.hash?.pairs ?? [])
      if (!signature.hash?.includes(pair.key))
        helper(signature.hash ? 'UNKNOWN_HASH' : 'HASH_NOT_TAKEN', {
          key: pair.key,
          allowed: signature.hash?.join(', ') ?? '',
        });
    if (name === 'list') {
      const key = node.hash?.pairs.find((p) => p.key === 'key');
      const item = element(values[0]);
      if (key && key.value.type !== 'StringLiteral') helper('KEY_NOT_QUOTED');
      else if (
        key &&
        item !== null &&
        typeof item === 'object' &&
        !(item instanceof Literal) &&
        !(item instanceof Num) &&
        !Object.hasOwn(item, (key.value as hbs.AST.StringLiteral).value)
      )
        helper('ITEM_LACKS_KEY', {
          key: (key.value as hbs.AST.StringLiteral).value,
          keys: Object.keys(item).join(', '),
        });
    }
    return values;
  };

  const isHelper = (node: hbs.AST.MustacheStatement) => {
    const path = node.path as hbs.AST.PathExpression;
    return (
      node.path.type !== 'PathExpression' ||
      node.params.length > 0 ||
      (node.hash?.pairs.length ?? 0) > 0 ||
      (path.type === 'PathExpression' && !path.data && path.parts.length === 1 && Object.hasOwn(HELPERS, path.original))
    );
  };

  const walk = (program: hbs.AST.Program | undefined, scopes: Scope[]): void => {
    for (const node of program?.body ?? []) {
      switch (node.type) {
        case 'MustacheStatement': {
          const m = node as hbs.AST.MustacheStatement;
          if (!m.escaped) report('TEMPLATE_SYNTAX', m, { detailKey: 'NO_TRIPLE' });
          if (isHelper(m)) call(m, scopes);
          else {
            const value = expr(m.path as Expr, scopes);
            if (!printable(value)) {
              // The fields that print, the figure first: "current, previous, change, label".
              const fields = keysOf(value).filter((k) => printable(child(value, k)));
              const shown = [
                ...['current', 'previous', 'change', 'label', 'name'].filter((k) => fields.includes(k)),
                ...fields,
              ].filter((k, i, all) => all.indexOf(k) === i);
              report('TEMPLATE_PRINTS_DATA', m, {
                name: (m.path as hbs.AST.PathExpression).original,
                fields: shown.slice(0, 4).join(', '),
                list: Array.isArray(value) ? 1 : 0,
              });
            }
          }
          break;
        }
        case 'BlockStatement': {
          const b = node as hbs.AST.BlockStatement;
          const name = (b.path as hbs.AST.PathExpression).original;
          const [target] = call(b, scopes);
          const top = scopes.at(-1)!;
          if (name === 'each' || name === 'with') {
            // each needs a list or a group; with takes any data, but never a literal written in the template.
            const iterable =
              target !== null && typeof target === 'object' && !(target instanceof Literal) && !(target instanceof Num);
            if (target === INDEX || (name === 'each' && target !== undefined && target !== null && !iterable)) {
              report('TEMPLATE_HELPER', b, {
                helper: name,
                detailKey: name === 'each' ? 'EACH_NEEDS_LIST' : 'WITH_NEEDS_DATA',
              });
              walk(b.inverse, scopes);
              break;
            }
            const inner = name === 'each' ? element(target) : target;
            const params = new Map(top.params);
            const [itemName, indexName] = b.program.blockParams ?? [];
            if (itemName) params.set(itemName, inner ?? null);
            if (indexName) params.set(indexName, INDEX);
            // Inside a block over an unknown name, every name would be unknown too: report the block once.
            if (inner !== undefined) walk(b.program, [...scopes, { value: inner, params, inEach: name === 'each' }]);
          } else walk(b.program, scopes);
          walk(b.inverse, scopes);
          break;
        }
        case 'PartialStatement':
        case 'PartialBlockStatement':
        case 'DecoratorBlock':
        case 'Decorator':
          report('TEMPLATE_SYNTAX', node as AST, { detailKey: 'NO_PARTIALS' });
          break;
        default: // content, comments
          break;
      }
    }
  };

  walk(ast, [{ value: probe, params: new Map(), inEach: false }]);
  return problems;
}
