/**
 * One model class (or one generic model at concrete type arguments) to IR:
 * its options, fields, computed fields and validators, with a located
 * diagnostic for each thing that cannot be validated.
 */
import path from 'node:path';
import { type ClassDeclaration, Node, type PropertyDeclaration, SyntaxKind, type Type } from 'ts-morph';
import type { Diagnostic } from '../diagnostics';
import type { ComputedIR, DocTags, FieldIR, JsonValue, ModelIR, SourceLoc, TypeNode } from '../ir';
import { childrenOf, inputKeysOf, refsIn } from '../ir';
import { aliasOf } from './aliases';
import { decoratorKind, modelDecorator } from './brand';
import { extractComputed } from './computed';
import { constrain } from './constraints';
import { defaultProblem, type Resolve } from './defaults';
import { type FieldOptionValues, type ModelOptionValues, OptionError, readDefault, readFieldOptions, readModelOptions } from './options';
import { convertFieldType, convertType, type TypeScope, Unsupported } from './types';
import { isValidatorDecorator, readValidators } from './validators';

/** The part of a type scope that is the same for every field of the project. */
export type ProjectScope = Pick<TypeScope, 'models' | 'isDefaultLib' | 'templates' | 'instantiate' | 'definitions' | 'reads'>;

/** A generic model at concrete type arguments: the type, and the name it is shown under. */
export interface Instance {
  readonly type: Type;
  readonly name: string;
}

/** The IR of one model, or undefined after pushing to `diagnostics` why there is none. */
export function extractModel(
  cls: ClassDeclaration,
  id: string,
  scope: ProjectScope,
  root: string,
  diagnostics: Diagnostic[],
  instance?: Instance,
): ModelIR | undefined {
  const name = instance?.name ?? cls.getName()!;
  const instanceType = instance?.type ?? cls.getType();
  const before = diagnostics.length;
  const report = (node: Node, message: string, hint: string): void => {
    diagnostics.push({ loc: locate(root, node), message: `${name}${message}`, hint });
  };
  const exportName = exportNameOf(cls);
  if (exportName === undefined) {
    report(cls.getNameNode() ?? cls, ' is not exported, so the generated module cannot import it', `write export class ${name}`);
  }

  let modelOptions: ReturnType<typeof readModelOptions> = {};
  try {
    const decorator = modelDecorator(cls)!;
    modelOptions = readModelOptions(decorator, decoratorKind(decorator) === 'settings');
  } catch (error) {
    if (!(error instanceof OptionError)) throw error;
    report(error.node, `: ${error.message}`, error.hint);
  }

  const fields = new Map<string, FieldIR>();
  const computed = new Map<string, ComputedIR>();
  for (const owner of inheritanceChain(cls)) {
    const base = owner.getExtends();
    if (base !== undefined && owner.getBaseClass() === undefined) {
      report(base, ` extends '${base.getText()}', whose fields the compile step cannot see`, 'extend a model class or an abstract class declared with class syntax');
    }
    for (const param of owner.getConstructors().flatMap((c) => c.getParameters())) {
      if (param.isParameterProperty()) {
        report(param, `.${param.getName()}: parameter properties are not fields`, 'declare the field in the class body');
      }
    }
    // A static accessor is also a static property: each member once.
    for (const member of new Set([...owner.getGetAccessors(), ...owner.getSetAccessors(), ...owner.getMethods(), ...owner.getStaticProperties()])) {
      const kinds = member.getDecorators().map((d) => decoratorKind(d));
      if (kinds.some((k) => k !== undefined && !isValidatorDecorator(k) && !k.startsWith('computed'))) {
        report(member, `.${member.getName()}: @field applies to instance fields only`, 'remove the decorator, or make it a field');
      } else if (kinds.some((k) => k?.startsWith('computed') === true) && !(Node.isGetAccessorDeclaration(member) && !member.isStatic())) {
        report(member, `.${member.getName()}: @computed applies to instance getters only`, 'remove the decorator, or make it a get accessor');
      }
    }
    for (const getter of owner.getGetAccessors()) {
      if (getter.isStatic()) continue;
      const getterScope: TypeScope = { ...scope, at: getter, extra: modelOptions.extra ?? 'ignore', locate: (node) => locate(root, node) };
      const item = extractComputed(cls, instanceType, getter, getterScope, report);
      if (item !== undefined) computed.set(item.name, item);
    }
    if (owner.compilerNode.members.some((m) => m.kind === SyntaxKind.IndexSignature)) {
      report(owner, ': index signatures are not fields, so their keys would not be validated', 'declare each field');
    }
    for (const prop of owner.getProperties()) {
      if (prop.isStatic()) continue;
      const nameNode = prop.getNameNode();
      if (Node.isPrivateIdentifier(nameNode)) {
        report(prop, `.${prop.getName()}: #private fields cannot be set by parse, which does not run constructors`, 'use a regular field, or compute the value in a method');
        continue;
      }
      if (prop.hasAccessorKeyword()) {
        report(prop, `.${prop.getName()}: accessor fields keep their value in private storage, which parse cannot set`, 'drop the accessor keyword');
        continue;
      }
      if (Node.isComputedPropertyName(nameNode) && !Node.isStringLiteral(nameNode.getExpression())) {
        report(prop, `: computed property '${prop.getName()}' has no fixed name`, 'use a plain or string-literal property name');
        continue;
      }
      const fieldScope: TypeScope = { ...scope, at: prop, extra: modelOptions.extra ?? 'ignore', locate: (node) => locate(root, node) };
      const field = extractField(cls, instanceType, prop, fieldScope, modelOptions, root, (node, message, hint) => report(node, `.${fieldName(prop)}: ${message}`, hint));
      if (field !== undefined) fields.set(field.name, field);
    }
  }
  // Interfaces merged into the class add properties no class body declares.
  for (const symbol of instanceType.getProperties()) {
    const declarations = symbol.getDeclarations();
    if (fields.has(symbol.getName()) || !declarations.some((d) => Node.isPropertySignature(d))) continue;
    report(declarations[0]!, `.${symbol.getName()} is declared by an interface merged with the class, so parse would never set it`, 'declare it as a field in the class body');
  }
  const validators = readValidators(inheritanceChain(cls), (node, message, hint) => report(node, message, hint));
  for (const { field, node } of validators.named) {
    if (!fields.has(field)) report(node, `: the validator names '${field}', which is not a field`, `the fields are: ${[...fields.keys()].join(', ')}`);
  }
  for (const [field, list] of validators.fields) {
    const ir = fields.get(field);
    if (ir !== undefined) fields.set(field, { ...ir, validators: list });
  }
  for (const [field, { method, mode }] of validators.serializers) {
    const ir = fields.get(field);
    if (ir === undefined) continue;
    // The declared return type describes the output in serialization schemas; one that cannot be read is `{}`.
    let returns: TypeNode | undefined;
    try {
      const type = method.getReturnType();
      returns = type.isAny() || type.isUnknown() ? undefined : convertType(type, { ...scope, at: method, extra: modelOptions.extra ?? 'ignore', locate: (node) => locate(root, node) });
      // A type that names models or shared types would need their definitions in the schema: shown as `{}`.
      if (returns !== undefined && refsIn(returns).length > 0) returns = undefined;
    } catch (error) {
      if (!(error instanceof Unsupported)) throw error;
    }
    fields.set(field, { ...ir, serializer: { method: method.getName(), mode, ...(returns === undefined ? {} : { returns }) } });
  }
  // Two fields read from one input key would both take its value.
  const owners = new Map<string, string>();
  for (const field of fields.values()) {
    const keys = inputKeysOf(field, modelOptions.populateByName === true);
    for (const key of keys) {
      const other = owners.get(key);
      if (other !== undefined && other !== field.name) {
        diagnostics.push({
          loc: field.loc,
          message: `${name}.${field.name}: its input key '${key}' is also the input key of ${other}`,
          hint: 'give one of them another alias',
        });
      }
      owners.set(key, field.name);
    }
  }
  if (diagnostics.length > before || exportName === undefined) return undefined;

  const description = modelOptions.description ?? jsDocOf(cls);
  return {
    id,
    name,
    module: path.relative(root, cls.getSourceFile().getFilePath()).split(path.sep).join('/'),
    exportName,
    ...(inheritanceChain(cls).some((owner) => owner.getConstructors().length > 0) ? { hasConstructor: true as const } : {}),
    extra: modelOptions.extra ?? 'ignore',
    ...(modelOptions.strict === undefined ? {} : { strict: modelOptions.strict }),
    ...(modelOptions.populateByName === true ? { populateByName: true as const } : {}),
    ...(modelOptions.frozen === true ? { frozen: true as const } : {}),
    ...(modelOptions.maxDepth === undefined ? {} : { maxDepth: modelOptions.maxDepth }),
    ...(modelOptions.maxIssues === undefined ? {} : { maxIssues: modelOptions.maxIssues }),
    ...(modelOptions.hideInput === true ? { hideInput: true as const } : {}),
    ...(validators.model.length === 0 ? {} : { validators: validators.model }),
    ...(instance === undefined ? {} : { generic: true as const }),
    ...(description === undefined ? {} : { description }),
    ...withDocs(cls),
    fields: [...fields.values()],
    ...(computed.size === 0 ? {} : { computed: [...computed.values()] }),
    loc: locate(root, cls.getNameNode() ?? cls),
  };
}

function extractField(
  cls: ClassDeclaration,
  instanceType: Type,
  prop: PropertyDeclaration,
  scope: TypeScope,
  modelOptions: ModelOptionValues,
  root: string,
  report: (node: Node, message: string, hint: string) => void,
): FieldIR | undefined {
  const name = fieldName(prop);
  const syntax = prop.getTypeNode();
  const symbol = instanceType.getProperty(name);
  const type = symbol?.getTypeAtLocation(cls) ?? prop.getType();
  let converted: { node: TypeNode; optional: boolean };
  try {
    converted = convertFieldType(type, scope, syntax);
  } catch (error) {
    if (error instanceof RangeError) {
      // A last guard: a type the checker expands without end.
      report(syntax ?? prop.getNameNode(), `'${syntax?.getText() ?? prop.getName()}' is too deeply nested or recursive to convert`, 'make the recursive part a @model() class');
      return undefined;
    }
    if (!(error instanceof Unsupported)) throw error;
    report(syntax ?? prop.getNameNode(), error.what, error.hint);
    return undefined;
  }
  let node = converted.node;
  let description = jsDocOf(prop);
  let fallback: FieldIR['default'] | typeof FACTORY;
  let factory = false;
  let settings: Omit<FieldOptionValues, 'constraints' | 'description'> = {};
  try {
    for (const decorator of prop.getDecorators()) {
      const kind = decoratorKind(decorator);
      if (kind === 'field-uncalled') throw new Unsupported('@field must be called', 'write @field({ ... })');
      if (kind === 'computed' || kind === 'computed-uncalled') throw new Unsupported('@computed applies to getters only', 'write it above a get accessor');
      if (kind !== 'field') continue;
      const { constraints, description: stated, ...rest } = readFieldOptions(decorator);
      node = constrain(node, constraints, syntax?.getText() ?? type.getNonNullableType().getText(prop));
      description = stated ?? description;
      settings = { ...settings, ...rest };
    }
    fallback = defaultOrFactory(cls, prop);
    if (fallback === FACTORY) {
      factory = true;
      fallback = undefined;
    }
    const resolve = (id: string): TypeNode | undefined => scope.definitions.resolve(id);
    if (fallback !== undefined && needsInstance(node, fallback, resolve)) {
      throw new Unsupported(`a default for a field holding model instances or Dates would be plain data, not an instance`, 'make the field optional, or nullable with a null default');
    }
    const problem = fallback === undefined ? undefined : defaultProblem(node, fallback, resolve);
    if (problem !== undefined) {
      const shown = JSON.stringify(fallback);
      throw new Unsupported(
        `the default ${shown.length > 40 ? `${shown.slice(0, 37)}...` : shown} does not fit the field's type: ${problem}`,
        'parse copies defaults without validating them: change the default or the type',
      );
    }
    // A fallback is copied in as it is, like a default: it must fit the field.
    const fallbackProblem = settings.fallback === undefined ? undefined : defaultProblem(node, settings.fallback, resolve);
    if (settings.fallback !== undefined && needsInstance(node, settings.fallback, resolve)) {
      throw new Unsupported('a fallback for a field holding model instances or Dates would be plain data, not an instance', 'use null (the field nullable), or leave the fallback out');
    }
    if (fallbackProblem !== undefined) {
      throw new Unsupported(`the fallback ${JSON.stringify(settings.fallback)} does not fit the field's type: ${fallbackProblem}`, 'parse uses it in place of a bad value without validating it: change the fallback or the type');
    }
  } catch (error) {
    if (error instanceof OptionError) {
      report(error.node, error.message, error.hint);
      return undefined;
    }
    if (error instanceof Unsupported) {
      report(prop.getNameNode(), error.what, error.hint);
      return undefined;
    }
    throw error;
  }
  // `@example` and `@default` values go into the JSON Schema as valid values: one that parse would refuse is a lie.
  const resolve = (id: string): TypeNode | undefined => scope.definitions.resolve(id);
  // A bigint's JSON form is a string, which a default's check refuses: such examples are not checked.
  const bigints = (n: TypeNode): boolean => n.kind === 'bigint' || childrenOf(n).some(bigints);
  for (const { tag, name: tagName, value } of bigints(node) ? [] : docValues(prop)) {
    const problem = defaultProblem(node, value, resolve);
    if (problem === undefined) continue;
    const shown = JSON.stringify(value);
    report(
      tag,
      `the @${tagName} ${shown.length > 40 ? `${shown.slice(0, 37)}...` : shown} does not fit the field's type: ${problem}`,
      `the JSON Schema shows it as a valid value: fix the @${tagName} or the type`,
    );
  }
  let generated: string | undefined;
  try {
    generated = modelOptions.aliasGenerator === undefined ? undefined : aliasOf(modelOptions.aliasGenerator, name);
  } catch (error) {
    if (!(error instanceof OptionError)) throw error;
    report(error.node, error.message, error.hint);
    return undefined;
  }
  // `validationAlias: ['first_name', 'fname']`: the first key, then the others tried in turn.
  const choices = typeof settings.validationAlias === 'object' ? settings.validationAlias : undefined;
  const validationAlias = choices?.[0] ?? (settings.validationAlias as string | undefined) ?? settings.alias ?? generated;
  const aliasChoices = choices?.slice(1) ?? [];
  const serializationAlias = settings.serializationAlias ?? settings.alias ?? generated;
  return {
    name,
    type: node,
    ...(settings.strict === undefined ? {} : { strict: settings.strict }),
    ...((settings.coerceNumbersToStr ?? modelOptions.coerceNumbersToStr) === true ? { coerceNumbersToStr: true as const } : {}),
    ...(validationAlias === undefined || validationAlias === name ? {} : { validationAlias }),
    ...(aliasChoices.length === 0 ? {} : { aliasChoices }),
    ...(serializationAlias === undefined || serializationAlias === name ? {} : { serializationAlias }),
    optional: prop.hasQuestionToken() || converted.optional,
    ...(fallback === undefined ? {} : { default: fallback }),
    ...(factory ? { factory: true as const } : {}),
    ...(settings.fallback === undefined ? {} : { fallback: settings.fallback }),
    ...(settings.messages === undefined ? {} : { messages: settings.messages }),
    ...(prop.hasDeclareKeyword() ? { ownKey: 'never' as const } : fallback === undefined && prop.hasInitializer() ? { ownKey: 'always' as const } : {}),
    ...(description === undefined ? {} : { description }),
    ...withDocs(prop),
    loc: locate(root, prop.getNameNode()),
  };
}

/** What `defaultOrFactory` gives for an initializer that is not literal data. */
const FACTORY: unique symbol = Symbol('factory');

/**
 * A field's default: literal data (copied fresh into each parse), or FACTORY for any other expression
 * (`crypto.randomUUID()`, `new Date()`, `new Map()`, a call), which parse evaluates by constructing the class.
 * An initializer that reads `this` would see that blank instance, not the parsed one, and a class whose
 * constructor takes arguments cannot be constructed: both are refused.
 */
function defaultOrFactory(cls: ClassDeclaration, prop: PropertyDeclaration): JsonValue | undefined | typeof FACTORY {
  const initializer = prop.getInitializer();
  try {
    return readDefault(initializer);
  } catch (error) {
    if (!(error instanceof OptionError) || initializer === undefined) throw error;
  }
  if (initializer.getDescendantsOfKind(SyntaxKind.ThisKeyword).length > 0 || Node.isThisExpression(initializer)) {
    throw new Unsupported(
      `the default '${initializer.getText()}' reads this: parse evaluates it on a blank instance, not on the parsed one`,
      'compute it from the other fields in a getter (@computed()) or an after model validator',
    );
  }
  const needsArgs = inheritanceChain(cls).some((owner) => owner.getConstructors().some((c) => c.getParameters().some((p) => !p.isOptional() && !p.hasInitializer())));
  if (needsArgs) {
    throw new Unsupported(
      `the default '${initializer.getText()}' is computed, which parse does by constructing the class, and its constructor takes arguments`,
      'give the constructor no required parameters, or make the default literal data',
    );
  }
  return FACTORY;
}

/** True when a literal default would stand where parse builds an object (a model instance or a Date). */
function needsInstance(node: TypeNode, value: JsonValue, resolve: Resolve): boolean {
  const inner = (type: TypeNode, item: JsonValue): boolean => needsInstance(type, item, resolve);
  switch (node.kind) {
    case 'ref': {
      const type = resolve(node.ref);
      return type !== undefined && inner(type, value);
    }
    case 'model':
    case 'date':
    case 'regexp':
    case 'bytes':
    case 'set':
    case 'secret':
    case 'map':
      return value !== null;
    case 'array':
      return Array.isArray(value) && value.some((item) => inner(node.items, item));
    case 'tuple':
      return Array.isArray(value) && value.some((item, i) => inner(node.elements[i] ?? node.rest ?? { kind: 'unknown' }, item));
    case 'nullable':
      return value !== null && inner(node.type, value);
    case 'union':
      return typeof value === 'object' && value !== null && node.members.some((m) => inner(m, value));
    case 'object':
      return (
        typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        node.fields.some((f) => Object.hasOwn(value, f.name) && inner(f.type, (value as Record<string, JsonValue>)[f.name]!))
      );
    default:
      return false;
  }
}

function inheritanceChain(cls: ClassDeclaration): ClassDeclaration[] {
  const chain: ClassDeclaration[] = [];
  for (let c: ClassDeclaration | undefined = cls; c !== undefined && chain.length < 64; c = c.getBaseClass()) {
    chain.unshift(c);
  }
  return chain;
}

function fieldName(prop: PropertyDeclaration): string {
  const nameNode = prop.getNameNode();
  if (Node.isComputedPropertyName(nameNode)) {
    const expr = nameNode.getExpression();
    if (Node.isStringLiteral(expr)) return expr.getLiteralValue();
  }
  if (Node.isStringLiteral(nameNode) || Node.isNumericLiteral(nameNode)) return String(nameNode.getLiteralValue());
  return prop.getName();
}

/** The name the class is exported under (its own name when it can); only identifiers, which import safely. */
function exportNameOf(cls: ClassDeclaration): string | undefined {
  const names: string[] = [];
  for (const [name, declarations] of cls.getSourceFile().getExportedDeclarations()) {
    if (declarations.includes(cls) && /^[A-Za-z_$][\w$]*$/.test(name)) names.push(name);
  }
  return names.includes(cls.getName() ?? '') ? cls.getName() : names.sort()[0];
}

/** The values of a property's `@example` and `@default` tags, with the tag each comes from. */
function docValues(prop: PropertyDeclaration): { tag: Node; name: string; value: JsonValue }[] {
  const out: { tag: Node; name: string; value: JsonValue }[] = [];
  for (const tag of prop.getJsDocs().flatMap((doc) => doc.getTags())) {
    const name = tag.getTagName();
    if (name === 'example' || name === 'default') out.push({ tag, name, value: jsonOrText((tag.getCommentText() ?? '').trim()) });
  }
  return out;
}

/** `@example`, `@deprecated` and `@default` tags, or undefined when there are none. */
function docTagsOf(node: ClassDeclaration | PropertyDeclaration): DocTags | undefined {
  const examples: JsonValue[] = [];
  let deprecated: true | string | undefined;
  let fallback: JsonValue | undefined;
  for (const tag of node.getJsDocs().flatMap((doc) => doc.getTags())) {
    const text = (tag.getCommentText() ?? '').trim();
    const name = tag.getTagName();
    if (name === 'example') examples.push(jsonOrText(text));
    else if (name === 'deprecated') deprecated = text === '' ? true : text;
    else if (name === 'default') fallback = jsonOrText(text);
  }
  if (examples.length === 0 && deprecated === undefined && fallback === undefined) return undefined;
  return {
    ...(examples.length > 0 ? { examples } : {}),
    ...(deprecated === undefined ? {} : { deprecated }),
    ...(fallback === undefined ? {} : { default: fallback }),
  };
}

function withDocs(node: ClassDeclaration | PropertyDeclaration): { docs?: DocTags } {
  const docs = docTagsOf(node);
  return docs === undefined ? {} : { docs };
}

function jsonOrText(text: string): JsonValue {
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    return text;
  }
}

function jsDocOf(node: ClassDeclaration | PropertyDeclaration): string | undefined {
  const text = node
    .getJsDocs()
    .map((doc) => doc.getDescription().trim())
    .filter((t) => t !== '')
    .join('\n');
  return text === '' ? undefined : text;
}

/** Where a node is, relative to the project root. */
export function locate(root: string, node: Node): SourceLoc {
  const file = node.getSourceFile();
  // The compiler's own lookup keeps the line starts of each file: ts-morph's scans the text up to the position,
  // which a published type package of 5 MB makes the slowest part of extraction.
  const { line, character } = file.compilerNode.getLineAndCharacterOfPosition(node.getStart());
  return { file: path.relative(root, file.getFilePath()).split(path.sep).join('/'), line: line + 1, column: character + 1 };
}
