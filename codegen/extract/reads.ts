/**
 * What an extraction read, for `--watch`: the files of every declaration a
 * node names, followed from declaration to declaration. A model class named
 * where it becomes a reference by id (`parent?: User`, `User[] | null`) is
 * not followed: the reference does not change when the class does.
 */
import path from 'node:path';
import { ts } from 'ts-morph';

/** Library collections whose type arguments stay references (`Array<User>`, `Map<string, User>`). */
const COLLECTIONS = new Set(['Array', 'ReadonlyArray', 'Set', 'ReadonlySet', 'Map', 'ReadonlyMap']);

/** What `Reads` needs to know about the project. */
export interface ReadScope {
  readonly checker: ts.TypeChecker;
  /** True for a file whose changes are tracked: declarations elsewhere are not followed. */
  readonly tracked: (file: ts.SourceFile) => boolean;
  /** True for TypeScript's own lib files. */
  readonly isDefaultLib: (file: ts.SourceFile) => boolean;
  /** True for a model class (referenced by id, so only its identity matters). */
  readonly isModel: (cls: ts.ClassDeclaration) => boolean;
}

/** The tracked files the `roots` are in or name, transitively. */
export function filesRead(roots: Iterable<ts.Node>, scope: ReadScope): Set<string> {
  const files = new Set<string>();
  const seen = new Set<ts.Node>();
  const stack = [...roots];
  const push = (symbol: ts.Symbol | undefined): void => {
    const target = symbol !== undefined && (symbol.flags & ts.SymbolFlags.Alias) !== 0 ? scope.checker.getAliasedSymbol(symbol) : symbol;
    for (const declaration of target?.declarations ?? []) if (!seen.has(declaration)) stack.push(declaration);
  };
  const follow = (id: ts.Identifier): void => {
    const symbol = scope.checker.getSymbolAtLocation(id);
    const target = symbol !== undefined && (symbol.flags & ts.SymbolFlags.Alias) !== 0 ? scope.checker.getAliasedSymbol(symbol) : symbol;
    const declarations = target?.declarations ?? [];
    const [only] = declarations;
    if (declarations.length === 1 && only !== undefined && ts.isClassDeclaration(only) && scope.isModel(only) && isReference(id, scope)) return;
    push(target);
    // `{ limit }` names both a property and the variable it copies.
    if (ts.isShorthandPropertyAssignment(id.parent) && id.parent.name === id) push(scope.checker.getShorthandAssignmentValueSymbol(id.parent));
  };
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node)) follow(node);
    // A module named by a string: `typeof import('./x')`, `import('./x')`.
    else if (ts.isStringLiteral(node)) push(scope.checker.getSymbolAtLocation(node));
    else ts.forEachChild(node, visit);
  };
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (seen.has(node)) continue;
    seen.add(node);
    const file = node.getSourceFile();
    if (!scope.tracked(file)) continue;
    files.add(path.resolve(file.fileName));
    visit(node);
  }
  return files;
}

/**
 * True when the name is a type reference that extraction turns into a model
 * reference: the annotation of a property, getter or type alias, possibly
 * inside unions, arrays, tuples and library collections.
 */
function isReference(id: ts.Identifier, scope: ReadScope): boolean {
  let node: ts.Node = id;
  while (ts.isQualifiedName(node.parent) && node.parent.right === node) node = node.parent;
  const ref = node.parent;
  if (!ts.isTypeReferenceNode(ref) || ref.typeName !== node || ref.typeArguments !== undefined) return false;
  node = ref;
  for (;;) {
    const parent = node.parent;
    const passes =
      ts.isUnionTypeNode(parent) ||
      ts.isParenthesizedTypeNode(parent) ||
      ts.isArrayTypeNode(parent) ||
      ts.isTupleTypeNode(parent) ||
      ts.isNamedTupleMember(parent) ||
      ts.isOptionalTypeNode(parent) ||
      ts.isRestTypeNode(parent) ||
      (ts.isTypeOperatorNode(parent) && parent.operator === ts.SyntaxKind.ReadonlyKeyword) ||
      (ts.isTypeReferenceNode(parent) && parent.typeName !== node && isCollection(parent, scope));
    if (!passes) {
      return (
        (ts.isPropertyDeclaration(parent) || ts.isPropertySignature(parent) || ts.isTypeAliasDeclaration(parent) || ts.isGetAccessorDeclaration(parent)) &&
        parent.type === node
      );
    }
    node = parent;
  }
}

function isCollection(ref: ts.TypeReferenceNode, scope: ReadScope): boolean {
  if (!ts.isIdentifier(ref.typeName) || !COLLECTIONS.has(ref.typeName.text)) return false;
  const declarations = scope.checker.getSymbolAtLocation(ref.typeName)?.declarations ?? [];
  return declarations.length > 0 && declarations.every((d) => scope.isDefaultLib(d.getSourceFile()));
}

/**
 * What other files see of a module: each export's name and the declarations
 * it resolves to. While it stays the same, every import through the file
 * resolves to the same declarations.
 */
export function exportsOf(file: ts.SourceFile, checker: ts.TypeChecker): string {
  const symbol = checker.getSymbolAtLocation(file);
  if (symbol === undefined) return '';
  return checker
    .getExportsOfModule(symbol)
    .map((exported) => {
      const target = (exported.flags & ts.SymbolFlags.Alias) !== 0 ? checker.getAliasedSymbol(exported) : exported;
      const declarations = (target.declarations ?? []).map((d) => {
        const name = ts.getNameOfDeclaration(d);
        return `${d.getSourceFile().fileName}:${d.kind}:${name !== undefined && ts.isIdentifier(name) ? name.text : ''}`;
      });
      return `${exported.name}=${declarations.join(',')}`;
    })
    .sort()
    .join('\n');
}

/** True for a file that can declare names in other files' scope: a script, `declare global`, `declare module '…'`, a declaration file. */
export function declaresGlobally(file: ts.SourceFile): boolean {
  return (
    file.isDeclarationFile ||
    !ts.isExternalModule(file) ||
    file.statements.some((s) => ts.isModuleDeclaration(s) && (ts.isStringLiteral(s.name) || (s.flags & ts.NodeFlags.GlobalAugmentation) !== 0))
  );
}

/** The surface of a file that declares global names: changes to it are not followed. */
export const GLOBAL = '(global)';

/** What a file shows other files: its exports, or `GLOBAL`. */
export function surfaceOf(file: ts.SourceFile, checker: ts.TypeChecker): string {
  return declaresGlobally(file) ? GLOBAL : exportsOf(file, checker);
}

/** What finding a file's models reads: the file, and what its decorators and `extends` clauses name. */
export function discoveryReads(file: ts.SourceFile, scope: ReadScope): Set<string> {
  const roots: ts.Node[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isDecorator(node) || ts.isHeritageClause(node)) roots.push(node);
    else ts.forEachChild(node, visit);
  };
  visit(file);
  const reads = filesRead(roots, scope);
  reads.add(path.resolve(file.fileName));
  return reads;
}

/** A file under the root and not a library: changes to it are watched, so what is read from it is tracked. */
export function isTracked(root: string, file: ts.SourceFile, program: ts.Program): boolean {
  const relative = path.relative(root, file.fileName);
  return (
    relative !== '..' &&
    !relative.startsWith(`..${path.sep}`) &&
    !path.isAbsolute(relative) &&
    !relative.split(/[\\/]/).includes('node_modules') &&
    !program.isSourceFileDefaultLibrary(file) &&
    !program.isSourceFileFromExternalLibrary(file)
  );
}

/** True when an untracked file imports a tracked one: reads are not followed through untracked files, so nothing can be incremental. */
export function outsideImportsInside(program: ts.Program, checker: ts.TypeChecker, tracked: (file: ts.SourceFile) => boolean): boolean {
  for (const file of program.getSourceFiles()) {
    if (tracked(file) || program.isSourceFileDefaultLibrary(file) || program.isSourceFileFromExternalLibrary(file)) continue;
    for (const statement of file.statements) {
      const specifier = ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement) ? statement.moduleSpecifier : undefined;
      const target = specifier === undefined ? undefined : checker.getSymbolAtLocation(specifier)?.declarations?.[0];
      if (target !== undefined && ts.isSourceFile(target) && tracked(target)) return true;
    }
  }
  return false;
}
