// Renders a Markdown + Handlebars template against the report view in an isolated,
// strict Handlebars environment: an unknown variable or helper, or broken syntax,
// stops the build with the template's file and line rather than leaving a blank.
import Handlebars from 'handlebars';
import { FatalError } from '../../messages/problem.js';
import { eachHelper, HELPERS, HelperError } from './helpers.js';
import { lexicalParents } from './scopes.js';
import { checkTemplate } from './template-check.js';
import type { ReportView } from './view.js';

export interface Template {
  file: string;
  source: string;
  /** A section of the clerk's narrative: it may use the data, never the narrative itself. */
  narrative?: boolean;
}

function lineFromMessage(message: string): number | undefined {
  const m = /on line (\d+)|- (\d+):\d+$/.exec(message);
  return m ? Number(m[1] ?? m[2]) : undefined;
}

/**
 * Checks and compiles once, before any data is read: every name in every branch
 * against `probe` (the data's shape), then syntax and helpers. Returns the renderer.
 */
/** Characters no document may hold (C0/C1 controls but tab and line breaks): found with their lines. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/g;

function controlCharacters(template: Template): FatalError | undefined {
  const problems = [...template.source.matchAll(CONTROL)].slice(0, 100).map((m) => ({
    code: 'TEMPLATE_SYNTAX' as const,
    severity: 'error' as const,
    file: template.file,
    line: template.source.slice(0, m.index).split('\n').length,
    params: {
      detailKey: 'CONTROL_IN_TEMPLATE' as const,
      char: `U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
    },
  }));
  return problems.length > 0 ? new FatalError(problems) : undefined;
}

export function compileTemplate(template: Template, probe?: ReportView): (view: ReportView) => string {
  const control = controlCharacters(template);
  if (control) throw control;
  // Parsed once, for the check and the compiler; a syntax error is left to the
  // compiler below, which reports it with its own wording and line.
  let ast: hbs.AST.Program | undefined;
  try {
    ast = Handlebars.parse(template.source);
  } catch {
    ast = undefined;
  }
  if (probe && ast) {
    const problems = checkTemplate(ast, template.file, probe, { narrative: template.narrative === true });
    if (problems.length > 0) throw new FatalError(problems);
  }
  const env = Handlebars.create();
  for (const [name, fn] of Object.entries(HELPERS)) env.registerHelper(name, fn);
  env.registerHelper('each', eachHelper as Handlebars.HelperDelegate);
  // Keep Handlebars' own warnings (e.g. denied prototype access) off the user's stderr.
  env.logger.level = 3; // 'error'
  const knownHelpers = Object.fromEntries(
    [...Object.keys(HELPERS), 'if', 'unless', 'each', 'with'].map((h) => [h, true]),
  );
  let render: HandlebarsTemplateDelegate;
  try {
    // `compile` would only compile at the first render; precompiling now makes syntax
    // errors surface before any data is read, and compiles once rather than twice.
    if (ast) lexicalParents(ast);
    const spec = env.precompile(ast ?? template.source, {
      strict: true,
      knownHelpers,
      knownHelpersOnly: true,
      noEscape: false,
      preventIndent: true,
    });
    render = env.template(new Function(`return ${spec}`)() as TemplateSpecification);
  } catch (err) {
    throw templateError(template, err);
  }
  return (view) => {
    try {
      // No prototype access options are ever enabled: only own properties resolve.
      return render(view, { helpers: {}, partials: {} });
    } catch (err) {
      throw templateError(template, err);
    }
  };
}

function templateError(template: Template, err: unknown): FatalError {
  const file = template.file;
  if (err instanceof HelperError)
    return FatalError.of('TEMPLATE_HELPER', {
      file,
      line: err.line,
      params: { helper: err.helper, detailKey: err.detailKey, ...err.params },
    });
  const message = err instanceof Error ? err.message : String(err);
  const e = err as { lineNumber?: number };
  const line = e.lineNumber ?? lineFromMessage(message);
  let m = /unknown helper (\S+)/.exec(message);
  if (m) return FatalError.of('TEMPLATE_UNKNOWN_HELPER', { file, line, params: { name: m[1]! } });
  m = /^"(.+)" not defined in/.exec(message);
  if (m) return FatalError.of('TEMPLATE_UNKNOWN_VARIABLE', { file, line, params: { name: m[1]! } });
  return FatalError.of('TEMPLATE_SYNTAX', {
    file,
    line,
    params: { detail: message.split('\n')[0]!.replace(/ - \d+:\d+$/, '') },
  });
}
