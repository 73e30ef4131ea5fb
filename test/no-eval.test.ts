/**
 * No eval: the runtime (src/) and generated code never compile code from
 * strings, so tydantic works under a Content-Security-Policy without
 * 'unsafe-eval'. The check reads the syntax tree, so comments and strings
 * that mention eval do not count, and aliases such as `globalThis.eval`,
 * `(0, eval)(…)` or `new Function(…)` do.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { repo } from './helpers/compile';

/** Names whose call compiles a string into code. */
const EVALUATORS = new Set(['eval', 'Function', 'AsyncFunction', 'GeneratorFunction']);

/** Every use of an evaluator in `code`, as `line:col text`. */
function evalUses(fileName: string, code: string): string[] {
  const file = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const report = (node: ts.Node): void => {
    const { line, character } = file.getLineAndCharacterOfPosition(node.getStart(file));
    found.push(`${line + 1}:${character + 1} ${node.getText(file).slice(0, 60)}`);
  };
  const named = (node: ts.Node): boolean =>
    (ts.isIdentifier(node) && EVALUATORS.has(node.text)) ||
    ((ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) &&
      ((ts.isPropertyAccessExpression(node) && EVALUATORS.has(node.name.text)) ||
        (ts.isElementAccessExpression(node) &&
          ts.isStringLiteralLike(node.argumentExpression) &&
          EVALUATORS.has(node.argumentExpression.text))));
  const visit = (node: ts.Node): void => {
    // An evaluator referenced as a value at all (called, constructed, aliased, passed on) is a use;
    // only declarations of a property or parameter that happen to share the name are not.
    if (named(node) && !(ts.isIdentifier(node) && ts.isPropertyAccessExpression(node.parent) && node.parent.name === node)) {
      const parent = node.parent;
      const declaration = ts.isPropertySignature(parent) || ts.isPropertyDeclaration(parent) || ts.isParameter(parent) ||
        ts.isMethodDeclaration(parent) || (ts.isPropertyAssignment(parent) && parent.name === node);
      if (!declaration) report(node);
    }
    // `x.constructor("code")` on a function reaches Function too.
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'constructor') {
      report(node);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile() && /\.[cm]?[jt]s$/.test(d.name) && !/\.test\.ts$/.test(d.name))
    .map((d) => path.join(d.parentPath, d.name));
}

describe('no eval', () => {
  it('finds eval, Function and their aliases, not mentions in comments or strings', () => {
    const bad = [
      'eval("1")',
      'new Function("return 1")',
      'Function("return 1")()',
      'globalThis.eval("1")',
      '(0, eval)("1")',
      'const e = eval; e("1")',
      'globalThis["Function"]("x")',
      '(() => {}).constructor("return 1")',
    ];
    for (const code of bad) expect(evalUses('bad.ts', code), code).not.toEqual([]);
    const fine = ['// eval("1") in a comment', 'const s = "new Function()";', 'interface X { eval: number }', 'const o = { Function: 1 };'];
    for (const code of fine) expect(evalUses('fine.ts', code), code).toEqual([]);
  });

  const generated = ['test/fixtures/basic/tydantic.gen.ts', 'examples/tydantic.gen.ts'];
  const runtime = filesUnder(path.join(repo, 'src')).map((f) => path.relative(repo, f));
  it.each([...runtime, ...generated])('%s compiles no code at run time', (file) => {
    expect(evalUses(file, readFileSync(path.join(repo, file), 'utf8'))).toEqual([]);
  });
});
