// Makes `../` mean the enclosing {{#each}} or {{#with}} block, as the static check
// reads it. Handlebars counts parents by context *changes* and skips a block whose
// context equals its parent's, so `{{#each units}}{{#each ../units}}{{#each ../../units}}`
// fails at render time when an item meets itself. Rewriting each parent path to the
// block's own parameter (or @root) before compiling gives the lexical meaning in
// every case, and the check and the renderer cannot disagree.
type Node = hbs.AST.Node;

/** Block parameters the rewrite adds; a template cannot name them (the check refuses the prefix). */
export const SCOPE_PREFIX = '__baocao_scope';

function rewritePath(path: hbs.AST.PathExpression, scopes: readonly string[]): void {
  if (path.data || path.depth === 0) return;
  const target = scopes.length - 1 - path.depth;
  if (target < 0) return; // beyond the root: left for Handlebars (and the check) to refuse
  const rest = path.parts;
  if (target === 0) {
    Object.assign(path, { data: true, depth: 0, parts: ['root', ...rest], original: ['@root', ...rest].join('.') });
  } else {
    const name = scopes[target]!;
    // A deeper block parameter of the same name would shadow it: keep Handlebars' own reading.
    if (scopes.slice(target + 1).includes(name)) return;
    Object.assign(path, { depth: 0, parts: [name, ...rest], original: [name, ...rest].join('.') });
  }
}

function expressions(
  node: hbs.AST.MustacheStatement | hbs.AST.BlockStatement | hbs.AST.SubExpression,
  scopes: readonly string[],
): void {
  const visit = (e: hbs.AST.Expression) => {
    if (e.type === 'PathExpression') rewritePath(e as hbs.AST.PathExpression, scopes);
    else if (e.type === 'SubExpression') expressions(e as hbs.AST.SubExpression, scopes);
  };
  visit(node.path);
  node.params.forEach(visit);
  for (const pair of node.hash?.pairs ?? []) visit(pair.value);
}

export function lexicalParents(ast: hbs.AST.Program): void {
  let next = 0;
  const walk = (program: hbs.AST.Program | undefined, scopes: readonly string[]): void => {
    for (const node of (program?.body ?? []) as Node[]) {
      if (node.type === 'MustacheStatement') expressions(node as hbs.AST.MustacheStatement, scopes);
      else if (node.type === 'BlockStatement') {
        const b = node as hbs.AST.BlockStatement;
        // The block's own expressions are read in the enclosing scope.
        expressions(b, scopes);
        const name = (b.path as hbs.AST.PathExpression).original;
        let inner = scopes;
        if ((name === 'each' || name === 'with') && b.program) {
          const params = b.program.blockParams ?? [];
          const item = params[0] ?? `${SCOPE_PREFIX}${++next}`;
          if (params.length === 0) b.program.blockParams = [item];
          inner = [...scopes, item];
        }
        walk(b.program, inner);
        walk(b.inverse, scopes);
      }
    }
  };
  walk(ast, ['@root']);
}
