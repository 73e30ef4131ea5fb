/**
 * `validator<T>()` calls: found as the initializers of exported top-level consts, and each turned into a
 * model of one field, `value: T`, which the emitters treat like any other model; the runtime's
 * `linkValidator` puts the value in and takes it out.
 */
import path from 'node:path';
import { type CallExpression, Node, type SourceFile, SyntaxKind, type VariableDeclaration } from 'ts-morph';
import type { Diagnostic } from '../diagnostics';
import type { ModelIR, SourceLoc } from '../ir';
import { brandOf } from './brand';
import { locate, type ProjectScope } from './model';
import { convertFieldType, Unsupported } from './types';

/** The `validator<T>()` consts of a file, in source order, and the calls that cannot be linked. */
export function findValidators(file: SourceFile, where: (node: Node) => SourceLoc): { found: VariableDeclaration[]; diagnostics: Diagnostic[] } {
  const found: VariableDeclaration[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const call of file.getDescendantsOfKind(SyntaxKind.CallExpression)) {
    // A decorator's call (`@model()`, `@field({ … })`, most calls of a model file) is never one: no type to ask for.
    if (Node.isDecorator(call.getParent()) || !isValidatorCall(call)) continue;
    const decl = call.getParent();
    const statement = decl?.getParent()?.getParent();
    const exported =
      Node.isVariableDeclaration(decl) &&
      decl.getInitializer() === call &&
      Node.isIdentifier(decl.getNameNode()) &&
      Node.isVariableStatement(statement) &&
      statement.getParent() === file &&
      statement.hasExportKeyword() &&
      statement.getDeclarationKind() === 'const';
    if (exported) {
      found.push(decl);
      continue;
    }
    diagnostics.push({
      loc: where(call),
      message: 'validator<T>() must initialize an exported top-level const, so the generated module can link it',
      hint: 'write export const Tags = validator<string[]>(); at the top level of the module',
    });
  }
  return { found, diagnostics };
}

function isValidatorCall(call: CallExpression): boolean {
  const callee = call.getExpression();
  return brandOf(callee.getType(), callee) === 'validator';
}

/** The model of one `validator<T>()` const: a field `value` of type T; undefined after a diagnostic. */
export function extractValidator(decl: VariableDeclaration, id: string, scope: ProjectScope, root: string, diagnostics: Diagnostic[]): ModelIR | undefined {
  const name = decl.getName();
  const call = decl.getInitializerIfKindOrThrow(SyntaxKind.CallExpression);
  const where = (node: Node): SourceLoc => locate(root, node);
  const [syntax] = call.getTypeArguments();
  if (syntax === undefined) {
    diagnostics.push({ loc: where(call), message: `${name}: validator() needs the type to validate`, hint: 'write validator<string[]>()' });
    return undefined;
  }
  let converted: ReturnType<typeof convertFieldType>;
  try {
    converted = convertFieldType(syntax.getType(), { ...scope, at: decl, extra: 'ignore', locate: where }, syntax);
  } catch (error) {
    if (!(error instanceof Unsupported)) throw error;
    diagnostics.push({ loc: where(syntax), message: `${name}: ${error.what}`, hint: error.hint });
    return undefined;
  }
  const file = path.relative(root, decl.getSourceFile().getFilePath()).split(path.sep).join('/');
  return {
    id,
    name,
    module: file,
    exportName: name,
    extra: 'ignore',
    validator: true,
    // The value is never a key of a new instance (there is no class): `declare`-like for link's stale check.
    fields: [{ name: 'value', type: converted.node, optional: converted.optional, ownKey: 'never', loc: where(syntax) }],
    loc: where(decl),
  };
}
