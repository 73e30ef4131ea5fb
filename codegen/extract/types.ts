/**
 * TypeScript types to IR type nodes. Works on the checker's types (aliases,
 * imports and generics already resolved) and refuses, with a reason and a
 * hint, anything it cannot validate exactly.
 */
import { type ClassDeclaration, Node, SyntaxKind, type Type, ts, type TypeNode as TsTypeNode } from 'ts-morph';
import type { FieldIR, LiteralValue, SourceLoc, TemplateIR, TypeNode, ExtraPolicy } from '../ir';
import { brandOf, decoratorKind } from './brand';
import { constrain, isTag, tagConstraints } from './constraints';
import type { Definitions } from './definitions';
import { readFieldOptions } from './options';

/** A type the compiler cannot validate: what it is, and how to fix it. */
export class Unsupported extends Error {
  constructor(
    readonly what: string,
    readonly hint: string,
  ) {
    super(what);
  }
}

/** What type conversion needs to know about the project. */
export interface TypeScope {
  /** The id of each model class. */
  readonly models: ReadonlyMap<ClassDeclaration, string>;
  /** Generic model classes: templates for concrete subclasses, not models themselves. */
  readonly templates: ReadonlySet<ClassDeclaration>;
  /** The id of a generic model at concrete type arguments, extracted once per distinct type. */
  readonly instantiate: (template: ClassDeclaration, type: Type) => string;
  /** True for TypeScript's own lib files (where the global Date lives). */
  readonly isDefaultLib: (node: Node) => boolean;
  /** Where the type is used: the checker resolves property types relative to it. */
  readonly at: Node;
  /** The extra-keys policy of the model being extracted, for its object types. */
  readonly extra: ExtraPolicy;
  /** Locates a declaration for the IR. */
  readonly locate: (node: Node) => SourceLoc;
  /** Object types and unions of them, each converted once and referenced by id. */
  readonly definitions: Definitions;
  /** Told of declarations whose content a conversion reads (for `--watch`), when set. */
  readonly reads?: ((declarations: readonly Node[]) => void) | undefined;
}

/** Converts a type; `syntax` (the annotation, when there is one) gives union members their source order. */
export function convertType(type: Type, scope: TypeScope, syntax?: TsTypeNode): TypeNode {
  if (type.isUnion() && !type.isBoolean()) {
    const written = writtenMembers(type.getUnionTypes(), syntax);
    return convertUnionType(type, written.types, scope, written.syntaxOf);
  }
  return convertSingle(type, scope, syntax);
}

/** Converts a property's type: `undefined` members are taken out and reported as `optional`. */
export function convertFieldType(
  type: Type,
  scope: TypeScope,
  syntax: TsTypeNode | undefined,
): { node: TypeNode; optional: boolean } {
  if (type.isUndefined()) return { node: { kind: 'undefined' }, optional: true };
  if (type.isUnion() && !type.isBoolean()) {
    const written = writtenMembers(type.getUnionTypes(), syntax);
    const defined = written.types.filter((m) => !m.isUndefined());
    const optional = defined.length < written.types.length;
    // `x?: T[]` is `T[] | undefined` to the checker, but its syntax is just `T[]`.
    if (defined.length === 1 && syntax !== undefined && !isUnionSyntax(syntax)) {
      return { node: convertType(defined[0]!, scope, syntax), optional };
    }
    // The union without `undefined` has lost the alias it was written as (`expr?: Expr`): its syntax still names it.
    const named = syntax !== undefined && syntax.getType().getAliasSymbol() !== undefined ? syntax.getType() : type;
    return { node: convertUnionType(named, defined, scope, written.syntaxOf), optional };
  }
  return { node: convertType(type, scope, syntax), optional: false };
}

/**
 * A union with a member that can hold values of the union itself (an object type, an array, a tuple, a Map or
 * Set) is a definition, like an object type: converted once, from itself alone, whatever the path that meets
 * it first, so a model's IR is the same whichever models were extracted before it. Its key keeps the
 * members in the order given, which smart mode follows.
 */
function convertUnionType(type: Type, members: readonly Type[], scope: TypeScope, syntaxOf: SyntaxOf): TypeNode {
  // `A | null` nests only through A, which is a definition itself when it can.
  const values = members.filter((m) => !m.isNull() && !m.isUndefined());
  if (values.length < 2 || !values.some(holdsValues)) return convertUnion(members, scope, syntaxOf);
  return define(type, scope.definitions.orderedKey(members, scope.extra), scope, (inner) => convertUnion(members, inner, syntaxOf));
}

/** Whether values of a union that has this member can nest inside each other through it. */
function holdsValues(member: Type): boolean {
  return member.isObject() && member.getCallSignatures().length === 0;
}

/** Converts the members of a union (in the order given). */
function convertUnion(members: readonly Type[], scope: TypeScope, syntaxOf: SyntaxOf): TypeNode {
  const hasNull = members.some((m) => m.isNull());
  const rest = members.filter((m) => !m.isNull());
  if (rest.length === 0) return { kind: 'null' };
  const inner = convertMembers(rest, scope, syntaxOf);
  return hasNull ? { kind: 'nullable', type: inner } : inner;
}

function convertMembers(members: readonly Type[], scope: TypeScope, syntaxOf: SyntaxOf): TypeNode {
  const literals = members.filter(isLiteral);
  const booleans = members.filter((m) => m.isBooleanLiteral());
  if (literals.length === members.length) {
    if (members.length === 2 && booleans.length === 2) return { kind: 'boolean' };
    const values = literals.map(literalValue);
    const isEnum = members.every((m) => (m.getFlags() & ts.TypeFlags.EnumLiteral) !== 0);
    return isEnum ? { kind: 'literal', values, enum: true } : { kind: 'literal', values };
  }
  // Mixed: `true | false` is a boolean member; other literals gather at the first one's place.
  const nodes: TypeNode[] = [];
  const values: LiteralValue[] = [];
  let literalAt = -1;
  const pairedBoolean = booleans.length === 2;
  for (const member of members) {
    if (member.isBooleanLiteral() && pairedBoolean) {
      if (!nodes.some((n) => n.kind === 'boolean')) nodes.push({ kind: 'boolean' });
    } else if (isLiteral(member)) {
      if (literalAt < 0) {
        literalAt = nodes.length;
        nodes.push({ kind: 'literal', values });
      }
      values.push(literalValue(member));
    } else {
      nodes.push(convertSingle(member, scope, syntaxOf(member)));
    }
  }
  if (nodes.length === 1) return nodes[0]!;
  if (nodes.some((n) => n.kind === 'secret')) {
    throw new Unsupported('a Secret in a union with other types is not supported', 'make the whole union secret: Secret<A | B>');
  }
  // Object types are references to their definitions here (the members of a union are never unions).
  const discriminator = nodes.every((n) => n.kind === 'model' || n.kind === 'object' || n.kind === 'ref') ? findDiscriminator(members, scope) : undefined;
  return discriminator === undefined ? { kind: 'union', members: nodes } : { kind: 'union', members: nodes, discriminator };
}

/**
 * The first property every member declares as required with literal types
 * no other member shares: pydantic's discriminator, found without being named.
 */
function findDiscriminator(members: readonly Type[], scope: TypeScope): string | undefined {
  const first = members[0];
  if (first === undefined) return undefined;
  for (const member of members) scope.reads?.(member.getSymbol()?.getDeclarations() ?? []);
  for (const candidate of first.getProperties()) {
    const name = candidate.getName();
    const seen = new Set<LiteralValue>();
    const fits = members.every((member) => {
      const prop = member.getProperty(name);
      if (prop === undefined || prop.isOptional()) return false;
      const type = prop.getTypeAtLocation(scope.at);
      const parts = type.isUnion() ? type.getUnionTypes() : [type];
      if (!parts.every(isLiteral)) return false;
      for (const part of parts) {
        const value = literalValue(part);
        if (seen.has(value)) return false;
        seen.add(value);
      }
      return true;
    });
    if (fits) return name;
  }
  return undefined;
}

function isLiteral(type: Type): boolean {
  return type.isStringLiteral() || type.isNumberLiteral() || type.isBooleanLiteral();
}

function literalValue(type: Type): LiteralValue {
  if (type.isBooleanLiteral()) return type.getText() === 'true';
  const value = type.getLiteralValue() as string | number;
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new Unsupported(`the literal type '${type.getText()}' is not a finite number`, 'JSON cannot carry it: use a finite literal');
  }
  return value;
}

/** `Secret<T>`: T's node, wrapped; a secret of a secret says nothing more. */
function convertSecret(type: Type, scope: TypeScope, text: string): TypeNode {
  const [value] = type.getTypeArguments();
  if (value === undefined) throw new Unsupported(`'${text}' has no value type`, 'write Secret<string> (or the type of the value it holds)');
  const inner = convertType(value, scope);
  if (inner.kind === 'secret' || (inner.kind === 'nullable' && inner.type.kind === 'secret')) {
    throw new Unsupported(`'${text}' is a secret inside a secret`, 'write Secret<T> once');
  }
  return { kind: 'secret', type: inner };
}

function convertSingle(type: Type, scope: TypeScope, syntax: TsTypeNode | undefined): TypeNode {
  scope.reads?.(type.getAliasSymbol()?.getDeclarations() ?? []);
  const text = type.getText(undefined, ts.TypeFormatFlags.UseAliasDefinedOutsideCurrentScope);
  if ((type.compilerType as { intrinsicName?: string }).intrinsicName === 'error') {
    throw new Unsupported(`the type '${syntax?.getText() ?? text}' does not resolve`, 'fix the type: tsc reports why');
  }
  if (type.isAny() || type.isUnknown()) return { kind: 'unknown' };
  if (type.isNever()) throw new Unsupported("'never' accepts nothing", 'give the field a concrete type');
  if (type.isString()) return { kind: 'string', constraints: [] };
  if (type.isNumber()) return { kind: 'number', constraints: [] };
  if (type.isBoolean()) return { kind: 'boolean' };
  if (type.isNull()) return { kind: 'null' };
  if (type.isUndefined()) return { kind: 'undefined' };
  if (isLiteral(type)) return { kind: 'literal', values: [literalValue(type)] };
  if (type.isUnion()) return convertType(type, scope, syntax);
  const flags = type.getFlags();
  if (flags & (ts.TypeFlags.ESSymbol | ts.TypeFlags.UniqueESSymbol)) {
    throw new Unsupported(`'${text}' is a symbol, which input data cannot hold`, 'use a string literal union instead');
  }
  if (flags & ts.TypeFlags.BigIntLiteral) {
    throw new Unsupported(`'${text}' is a bigint literal type, which is not supported yet`, 'use bigint');
  }
  if (flags & ts.TypeFlags.BigInt) return { kind: 'bigint' };
  if (type.isTemplateLiteral()) {
    const template = type.compilerType as ts.TemplateLiteralType;
    return { kind: 'string', constraints: [{ kind: 'pattern', source: templatePattern(template, text), flags: '', templates: [templateOf(template, text)] }] };
  }
  if (type.isArray() || type.isReadonlyArray()) {
    const items = type.isArray() ? type.getArrayElementType() : type.getTypeArguments()[0];
    if (items === undefined) throw new Unsupported(`'${text}' has no element type`, 'annotate the array type');
    const itemSyntax = syntax && Node.isArrayTypeNode(syntax) ? syntax.getElementTypeNode() : undefined;
    return { kind: 'array', items: convertType(items, scope, itemSyntax), constraints: [] };
  }
  const element = arrayInterfaceElement(type);
  if (element !== undefined) {
    scope.reads?.(type.getSymbol()?.getDeclarations() ?? []);
    return { kind: 'array', items: convertType(element, scope), constraints: [] };
  }
  if (type.isTuple()) return convertTuple(type, scope, text);
  if (type.getCallSignatures().length > 0 || type.getConstructSignatures().length > 0) {
    throw new Unsupported(`'${text}' is a function type, which input data cannot hold`, 'make it a method of the class, or remove it');
  }
  if (brandOf(type, scope.at) === 'Secret') return convertSecret(type, scope, text);
  const symbol = type.getSymbol();
  const declarations = symbol?.getDeclarations() ?? [];
  const builtin = declarations.length > 0 && declarations.every(scope.isDefaultLib) ? symbol?.getName() : undefined;
  // @types/node adds to Uint8Array's interface (`at`), so that one is recognised by any lib declaration.
  if (symbol?.getName() === 'Uint8Array' && declarations.some(scope.isDefaultLib)) {
    scope.reads?.(declarations);
    return { kind: 'bytes' };
  }
  // `Readonly<Uint8Array>`: bytes the program promises not to change; parse's plain copy is one.
  const alias = type.getAliasSymbol();
  const [aliased] = type.getAliasTypeArguments();
  const aliasedSymbol = aliased?.getSymbol();
  if (
    alias?.getName() === 'Readonly' &&
    alias.getDeclarations().some(scope.isDefaultLib) &&
    aliasedSymbol?.getName() === 'Uint8Array' &&
    aliasedSymbol.getDeclarations().some(scope.isDefaultLib)
  ) {
    scope.reads?.([...alias.getDeclarations(), ...aliasedSymbol.getDeclarations()]);
    return { kind: 'bytes' };
  }
  if (symbol?.getName() === 'Buffer' && declarations.some((d) => d.getSourceFile().getFilePath().includes('/@types/node/'))) {
    throw new Unsupported(`'${text}' is Node's subclass of Uint8Array, which parse does not make`, 'declare the field as Uint8Array: parse gives a copy of any Uint8Array, a Buffer included');
  }
  if (/^((Int|Uint|Float|BigInt|BigUint)\d+(Clamped)?Array|ArrayBuffer|SharedArrayBuffer|DataView)$/.test(symbol?.getName() ?? '') && declarations.some(scope.isDefaultLib)) {
    throw new Unsupported(`'${text}' is not supported yet`, 'bytes are a Uint8Array (base64 in JSON)');
  }
  if (builtin === 'Set' || builtin === 'ReadonlySet') {
    const [items] = type.getTypeArguments();
    if (items !== undefined) return { kind: 'set', items: convertType(items, scope) };
  }
  if (builtin === 'Map' || builtin === 'ReadonlyMap') {
    const [key, value] = type.getTypeArguments();
    if (key !== undefined && value !== undefined) return { kind: 'map', key: convertType(key, scope), value: convertType(value, scope) };
  }
  for (const decl of declarations) {
    if (Node.isClassDeclaration(decl)) {
      const id = scope.models.get(decl);
      if (id !== undefined) return { kind: 'model', ref: id };
      if (scope.templates.has(decl) && type.getTypeArguments().every((arg) => !arg.isTypeParameter())) {
        return { kind: 'model', ref: scope.instantiate(decl, type) };
      }
      if (scope.templates.has(decl)) {
        const name = decl.getName() ?? 'Generic';
        throw new Unsupported(
          `'${text}' is a generic model, which is validated through a concrete subclass`,
          `declare @model() export class ${name}Of extends ${text} {} and use ${name}Of here`,
        );
      }
    }
  }
  // Past this point the type is not a reference by id: what it is made of matters.
  scope.reads?.(declarations);
  if (builtin === 'Date') return { kind: 'date' };
  if (builtin === 'RegExp') return { kind: 'regexp' };
  const classDecl = declarations.find(Node.isClassDeclaration);
  if (classDecl !== undefined) {
    throw new Unsupported(
      `'${text}' is a class but not a model`,
      `decorate ${classDecl.getName() ?? 'the class'} with @model() and make it extend Model`,
    );
  }
  // Lib classes and interfaces (Map, Set, RegExp, Promise …) are not data shapes; lib mapped types (Partial …) are.
  const libType = declarations.length > 0 && declarations.every(scope.isDefaultLib);
  if (libType && declarations.some((d) => Node.isInterfaceDeclaration(d) || Node.isClassDeclaration(d))) {
    throw new Unsupported(`'${text}' is not supported yet`, 'use string, number, boolean, Date, an array or a model');
  }
  if (type.isIntersection()) {
    const parts = type.getIntersectionTypes();
    const tags = parts.filter(isTag);
    const base = parts.filter((p) => !isTag(p));
    if (tags.length > 0 && base.length === 1) {
      return constrain(convertSingle(base[0]!, scope, undefined), tagConstraints(tags, scope.at), text);
    }
    // `A & B` of object types: the checker merges their properties.
    const isModelClass = (p: Type): boolean => (p.getSymbol()?.getDeclarations() ?? []).some(Node.isClassDeclaration);
    if (tags.length === 0 && parts.every((p) => p.isObject() && !p.isArray() && !isModelClass(p) && p.getCallSignatures().length === 0)) {
      return convertObject(type, scope, text);
    }
    throw new Unsupported(`'${text}' is an intersection, which is not supported yet`, 'declare a @model() class with the combined fields');
  }
  if (type.isObject() && type.getNumberIndexType() === undefined) {
    // `{}` (or an interface without members): TypeScript lets any value but null and undefined through it.
    if (type.getProperties().length === 0 && type.getStringIndexType() === undefined && templateKeys(type).length === 0) return { kind: 'nonNullish' };
    return convertObject(type, scope, text);
  }
  // `object`: any value that is not a primitive.
  if (flags & ts.TypeFlags.NonPrimitive) return { kind: 'nonPrimitive' };
  if (type.isObject()) {
    throw new Unsupported(`'${text}' has a number index signature, which is not supported yet`, 'use Record<string, T> (JSON keys are strings)');
  }
  throw new Unsupported(`'${text}' cannot be validated`, 'use string, number, boolean, Date, an array or a model');
}

/**
 * The element type of an interface that only extends an array type (`interface Items extends Array<Item> {}`,
 * as JSON Schema's typings write recursive arrays): TypeScript reads it as `Item[]`.
 */
function arrayInterfaceElement(type: Type): Type | undefined {
  const declarations = type.getSymbol()?.getDeclarations() ?? [];
  if (declarations.length === 0 || !declarations.every((d) => Node.isInterfaceDeclaration(d) && d.getMembers().length === 0)) return undefined;
  const bases = type.getBaseTypes();
  if (bases.length !== 1) return undefined;
  const base = bases[0]!;
  if (base.isArray()) return base.getArrayElementType();
  if (base.isReadonlyArray()) return base.getTypeArguments()[0];
  return arrayInterfaceElement(base);
}

/**
 * A template literal type as generated code matches it (`isTemplate`, linear, as TypeScript does): literal
 * placeholders join the fixed texts around them.
 */
function templateOf(template: ts.TemplateLiteralType, text: string): TemplateIR {
  const texts = [template.texts[0] ?? ''];
  let kinds = '';
  template.types.forEach((part, i) => {
    const after = template.texts[i + 1] ?? '';
    const flags = part.flags;
    const literal =
      flags & ts.TypeFlags.StringLiteral ? (part as ts.StringLiteralType).value : flags & ts.TypeFlags.NumberLiteral ? String((part as ts.NumberLiteralType).value) : undefined;
    if (literal !== undefined) {
      texts[texts.length - 1] += literal + after;
      return;
    }
    if (flags & ts.TypeFlags.String) kinds += 's';
    else if (flags & ts.TypeFlags.Number) kinds += 'n';
    else if (flags & ts.TypeFlags.BigInt) kinds += 'b';
    else throw new Unsupported(`'${text}' has a placeholder this compiler cannot express as a pattern`, 'use string, number or literal placeholders');
    texts.push(after);
  });
  return { texts, kinds };
}

/**
 * An anchored regular expression for the strings of a template literal type, for JSON Schema and messages
 * (generated code matches `templateOf` instead: this regex backtracks, and splits some strings otherwise).
 */
function templatePattern(template: ts.TemplateLiteralType, text: string): string {
  let source = `^${escapeRegex(template.texts[0] ?? '')}`;
  template.types.forEach((part, i) => {
    source += placeholder(part, text) + escapeRegex(template.texts[i + 1] ?? '');
  });
  return `${source}$`;
}

function placeholder(part: ts.Type, text: string): string {
  const flags = part.flags;
  if (flags & ts.TypeFlags.String) return '[\\s\\S]*';
  if (flags & ts.TypeFlags.Number) return '[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?';
  if (flags & ts.TypeFlags.BigInt) return '-?\\d+';
  if (flags & ts.TypeFlags.StringLiteral) return escapeRegex((part as ts.StringLiteralType).value);
  if (flags & ts.TypeFlags.NumberLiteral) return escapeRegex(String((part as ts.NumberLiteralType).value));
  throw new Unsupported(`'${text}' has a placeholder this compiler cannot express as a pattern`, 'use string, number or literal placeholders');
}

/** Escapes the characters that are syntax outside a class; valid with and without the `u` flag (JSON Schema uses it). */
function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A tuple's fixed, optional and rest elements. */
function convertTuple(type: Type, scope: TypeScope, text: string): TypeNode {
  const target = (type.compilerType as ts.TupleTypeReference).target;
  const elements: TypeNode[] = [];
  let required = 0;
  let rest: TypeNode | undefined;
  type.getTupleElements().forEach((element, i) => {
    const flags = target.elementFlags[i] ?? ts.ElementFlags.Required;
    if (flags & ts.ElementFlags.Variable) {
      if (rest !== undefined || i !== target.elementFlags.length - 1) {
        throw new Unsupported(`'${text}' has elements after its rest element`, 'put the rest element last');
      }
      rest = convertType(element, scope);
      return;
    }
    if (flags & ts.ElementFlags.Required) {
      if (elements.length > required) throw new Unsupported(`'${text}' has a required element after an optional one`, 'reorder the elements');
      required++;
    }
    // An optional element's type includes undefined; the slot may be missing instead.
    const parts = element.isUnion() ? element.getUnionTypes().filter((t) => !t.isUndefined()) : [element];
    const optionalSlot = (flags & ts.ElementFlags.Optional) !== 0;
    elements.push(optionalSlot && parts.length === 1 ? convertType(parts[0]!, scope) : convertType(element, scope));
  });
  return rest === undefined ? { kind: 'tuple', elements, required } : { kind: 'tuple', elements, required, rest };
}

const BEHAVIOUR = new Set([SyntaxKind.MethodDeclaration, SyntaxKind.MethodSignature, SyntaxKind.GetAccessor, SyntaxKind.SetAccessor]);

/** An object type: a definition, converted the first time it is met and referenced by every use. */
function convertObject(type: Type, scope: TypeScope, text: string): TypeNode {
  return define(type, scope.definitions.objectKey(type, scope.extra), scope, (inner) => convertFields(type, inner, text));
}

/** The reference to the definition of the type with `key`, converted by `convert` the first time it is met. */
function define(type: Type, key: string, scope: TypeScope, convert: (inner: TypeScope) => TypeNode): TypeNode {
  const declaration = (type.getAliasSymbol() ?? type.getSymbol())?.getDeclarations()[0];
  return scope.definitions.share(key, type, () => scope.locate(declaration ?? scope.at), scope.reads, (reads) => convert({ ...scope, reads }));
}

/** An object type's data properties (methods and accessors are behaviour, not data) as IR fields. */
function convertFields(type: Type, scope: TypeScope, text: string): TypeNode {
  const fields: FieldIR[] = [];
  for (const prop of type.getProperties()) {
    const declarations = prop.getDeclarations();
    scope.reads?.(declarations);
    if (declarations.length > 0 && declarations.every((d) => BEHAVIOUR.has(d.getKind()))) continue;
    const name = prop.getName();
    if (name.startsWith('__@')) throw new Unsupported(`'${text}' has a symbol-keyed property`, 'use string keys');
    const declaration = declarations[0];
    const syntax = declaration !== undefined && Node.isPropertySignature(declaration) ? declaration.getTypeNode() : undefined;
    const converted = convertFieldType(prop.getTypeAtLocation(scope.at), scope, syntax);
    let node = converted.node;
    // A model's property seen through Partial, Pick … keeps its @field() constraints.
    if (declaration !== undefined && Node.isPropertyDeclaration(declaration)) {
      for (const decorator of declaration.getDecorators()) {
        if (decoratorKind(decorator) === 'field') node = constrain(node, readFieldOptions(decorator).constraints, name);
      }
    }
    fields.push({
      name,
      type: node,
      optional: prop.isOptional() || converted.optional,
      loc: scope.locate(declaration ?? scope.at),
    });
  }
  const index = type.getStringIndexType();
  const templates = templateKeys(type);
  if (templates.length > 0) {
    if (index !== undefined) throw new Unsupported(`'${text}' has both a string index signature and template literal keys`, 'keep one of them');
    const [first] = templates;
    if (templates.some((info) => info.type !== first!.type)) {
      throw new Unsupported(`'${text}' has template literal keys with different value types`, 'give every key pattern the same value type, or use separate fields');
    }
    const source = `^(?:${templates.map((info) => templatePattern(info.keyType as ts.TemplateLiteralType, text).slice(1, -1)).join('|')})$`;
    const rest = convertType(wrapType(type, first!.type), scope);
    const matched = templates.map((info) => templateOf(info.keyType as ts.TemplateLiteralType, text));
    return { kind: 'object', fields, extra: scope.extra, rest, restKey: { source, templates: matched } };
  }
  if (index === undefined) return { kind: 'object', fields, extra: scope.extra };
  // `Record<string, never>`: no value fits another key, so there may be none.
  if (index.isNever()) return { kind: 'object', fields, extra: 'forbid' };
  return { kind: 'object', fields, extra: scope.extra, rest: convertType(index, scope) };
}

/** The index signatures of an object type whose keys are template literals (`Record<\`id_${number}\`, T>`). */
function templateKeys(type: Type): readonly ts.IndexInfo[] {
  const checker = checkerOf(type);
  return checker.getIndexInfosOfType(type.compilerType).filter((info) => (info.keyType.flags & ts.TypeFlags.TemplateLiteral) !== 0);
}

/**
 * ts-morph has no public way from a compiler type to its wrapper, nor to the
 * checker a type came from; both live on the wrapper's context.
 */
interface WrapperContext {
  readonly _context: {
    readonly typeChecker: { readonly compilerObject: ts.TypeChecker };
    readonly compilerFactory: { getType(type: ts.Type): Type };
  };
}

function checkerOf(type: Type): ts.TypeChecker {
  return (type as unknown as WrapperContext)._context.typeChecker.compilerObject;
}

function wrapType(like: Type, type: ts.Type): Type {
  return (like as unknown as WrapperContext)._context.compilerFactory.getType(type);
}

/** The annotation a union member was written as, when it can be told. */
type SyntaxOf = (member: Type) => TsTypeNode | undefined;

/**
 * The checker orders union members by internal type id, which is not always
 * the source order; pydantic's messages and smart-mode ties follow the
 * source, so reorder by where each member is written, and remember the
 * syntax of each member for its own nested unions.
 */
function writtenMembers(members: Type[], syntax: TsTypeNode | undefined): { types: Type[]; syntaxOf: SyntaxOf } {
  const written = syntax === undefined ? [] : flattenUnionSyntax(syntax);
  const rank = new Map<ts.Type, number>();
  written.forEach((node, i) => {
    const type = node.getType();
    for (const part of type.isUnion() ? type.getUnionTypes() : [type]) {
      if (!rank.has(part.compilerType)) rank.set(part.compilerType, i);
    }
  });
  const order = (t: Type): number => rank.get(t.compilerType) ?? written.length;
  const types = members
    .map((type, i) => ({ type, i }))
    .sort((a, b) => order(a.type) - order(b.type) || a.i - b.i)
    .map((m) => m.type);
  const syntaxOf: SyntaxOf = (member) => {
    const i = rank.get(member.compilerType);
    return i === undefined ? undefined : written[i];
  };
  return { types, syntaxOf };
}

function isUnionSyntax(node: TsTypeNode): boolean {
  return flattenUnionSyntax(node).length > 1;
}

function flattenUnionSyntax(node: TsTypeNode, depth = 0): TsTypeNode[] {
  if (depth > 8) return [];
  if (Node.isParenthesizedTypeNode(node)) return flattenUnionSyntax(node.getTypeNode(), depth + 1);
  if (Node.isUnionTypeNode(node)) return node.getTypeNodes().flatMap((n) => flattenUnionSyntax(n, depth + 1));
  if (Node.isTypeReference(node)) {
    const symbol = node.getTypeName().getSymbol();
    const target = symbol?.isAlias() ? symbol.getAliasedSymbol() : symbol;
    const decl = target?.getDeclarations().find(Node.isTypeAliasDeclaration);
    const aliased = decl?.getTypeNode();
    if (aliased !== undefined && Node.isUnionTypeNode(aliased)) return flattenUnionSyntax(aliased, depth + 1);
  }
  return [node];
}
