import { quote } from '../src/errors';
import { isTemplate } from '../src/formats/template';

/**
 * The intermediate representation: plain, readonly, JSON-only data. Extraction
 * is the only producer; emitters are the only consumers. Models are referenced
 * by id, so recursive types need no object cycles.
 */

/** Where something was declared, for diagnostics and for comments in generated code. */
export interface SourceLoc {
  /** Path relative to the project root, with forward slashes. */
  readonly file: string;
  /** 1-based line of the declaration. */
  readonly line: number;
  /** 1-based column of the declaration. */
  readonly column: number;
}

/** A constraint on a string. */
export type StringConstraint =
  | { readonly kind: 'minLength'; readonly value: number }
  | { readonly kind: 'maxLength'; readonly value: number }
  | {
      readonly kind: 'pattern';
      readonly source: string;
      readonly flags: string;
      /**
       * Set for a template literal type: generated code matches these (any of them) as TypeScript does, in
       * linear time, and `source` (their anchored regular expression) serves JSON Schema and messages only.
       */
      readonly templates?: readonly TemplateIR[];
    }
  | { readonly kind: 'format'; readonly format: StringFormat }
  /** On a `DateString` only (a `format: 'date'` string): bounds and Past/Future, as on a Date, compared by day. */
  | DateConstraint;

/** A template literal type: its fixed texts (one more than placeholders) and placeholders ('s' string, 'n' number, 'b' bigint). */
export interface TemplateIR {
  /** The literal texts between the placeholders: one more than there are placeholders. */
  readonly texts: readonly string[];
  /** One letter per placeholder, in order: what its `${…}` accepts (string, number, bigint or boolean). */
  readonly kinds: string;
}

/**
 * The keys a field's value is read from, in the order they are tried: its validation alias (else its name),
 * the alias choices, then with `populateByName` its name when an alias hides it.
 */
export function inputKeysOf(field: Pick<FieldIR, 'name' | 'validationAlias' | 'aliasChoices'>, populateByName: boolean): string[] {
  const keys = [field.validationAlias ?? field.name, ...(field.aliasChoices ?? [])];
  if (populateByName && !keys.includes(field.name)) keys.push(field.name);
  return keys;
}

/** Whether `text` fits a `pattern` constraint (or a template key's): through its templates when it has them, as generated code does. */
export function fitsPattern(c: { readonly source: string; readonly flags?: string; readonly templates?: readonly TemplateIR[] }, text: string): boolean {
  if (c.templates !== undefined) return c.templates.some((t) => isTemplate(text, t.texts, t.kinds));
  return new RegExp(c.source, c.flags ?? '').test(text);
}

/** A string format a brand (`Email`, `Url` …) or `@field({ format })` requires. */
export type StringFormat =
  | 'email'
  | 'url'
  | 'httpUrl'
  | 'uuid'
  | 'ipv4'
  | 'ipv6'
  | 'date'
  | 'time'
  | 'duration'
  | 'ipv4Network'
  | 'ipv6Network'
  | 'ipv4Interface'
  | 'ipv6Interface';

/** A constraint on a number. */
export type NumberConstraint =
  | { readonly kind: 'int' }
  | { readonly kind: 'multipleOf'; readonly value: number }
  | { readonly kind: 'le' | 'lt' | 'ge' | 'gt'; readonly value: number };

/** A constraint on an array. */
export type ArrayConstraint =
  | { readonly kind: 'minItems'; readonly value: number }
  | { readonly kind: 'maxItems'; readonly value: number };

/**
 * A constraint on a Date: bounds (`@field({ gt: '2020-01-01' })`, kept as the bound's ISO text in UTC) and
 * `Past`/`Future` (against the clock when parse runs).
 */
export type DateConstraint =
  | { readonly kind: 'after' | 'from' | 'before' | 'until'; readonly at: string }
  | { readonly kind: 'past' | 'future' };

/** A constraint on bytes: their number, not the length of their base64 text. */
export interface BytesConstraint {
  /** Which bound: at least (`minLength`) or at most (`maxLength`). */
  readonly kind: 'minLength' | 'maxLength';
  /** The number of bytes. */
  readonly value: number;
}

/** Any constraint, as `@field()` states them. */
export type Constraint = StringConstraint | NumberConstraint | ArrayConstraint | DateConstraint;

/** What happens to input keys that are not fields: dropped, reported (`extra_forbidden`), or kept. */
export type ExtraPolicy = 'ignore' | 'forbid' | 'allow';

/** A JSON value: literals and defaults. */
export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** A literal value a type can be. */
export type LiteralValue = string | number | boolean;

/** JSDoc tags read from source. */
export interface DocTags {
  /** Each `@example`, parsed as JSON when it is JSON, else its text. */
  readonly examples?: readonly JsonValue[];
  /** `@deprecated`, with its reason when it gives one. */
  readonly deprecated?: true | string;
  /** `@default`, parsed as JSON when it is JSON, else its text (documentation only: the initializer is the default). */
  readonly default?: JsonValue;
}

/** A type, as validators see it. */
export type TypeNode =
  | { readonly kind: 'string'; readonly constraints: readonly StringConstraint[] }
  | { readonly kind: 'number'; readonly constraints: readonly NumberConstraint[] }
  | { readonly kind: 'boolean' }
  | { readonly kind: 'bigint' }
  /** `unknown` and `any`: any value, passed through as it is. */
  | { readonly kind: 'unknown' }
  /** `{}`: any value but `null` and `undefined`, passed through as it is. */
  | { readonly kind: 'nonNullish' }
  /** `object`: any value that is not a primitive (an object, an array, a function), passed through as it is. */
  | { readonly kind: 'nonPrimitive' }
  | { readonly kind: 'null' }
  | { readonly kind: 'undefined' }
  /** One of the values; `enum` when they are the members of a TypeScript enum (pydantic's `enum` error, not `literal_error`). */
  | { readonly kind: 'literal'; readonly values: readonly LiteralValue[]; readonly enum?: true }
  | { readonly kind: 'date'; readonly constraints?: readonly DateConstraint[] }
  /** `RegExp`: an instance (JSON has none); parse copies it. */
  | { readonly kind: 'regexp' }
  /**
   * `Uint8Array` (pydantic's bytes): an instance, or base64 text where strings may stand for one; parse copies it.
   * `minLength`/`maxLength` count bytes (pydantic's `conbytes`).
   */
  | { readonly kind: 'bytes'; readonly constraints?: readonly BytesConstraint[] }
  | { readonly kind: 'array'; readonly items: TypeNode; readonly constraints: readonly ArrayConstraint[] }
  /** `Set<T>`: parsed from a Set or an array; duplicates collapse. */
  | { readonly kind: 'set'; readonly items: TypeNode }
  /** `Map<K, V>`: parsed from a Map, an array of [key, value] entries, or an object (string keys). */
  | { readonly kind: 'map'; readonly key: TypeNode; readonly value: TypeNode }
  | {
      /** `[A, B?, ...C[]]`: the first `required` elements must be there, the rest of `elements` may be. */
      readonly kind: 'tuple';
      readonly elements: readonly TypeNode[];
      readonly required: number;
      readonly rest?: TypeNode;
    }
  | { readonly kind: 'model'; readonly ref: string }
  /**
   * A type of `ProjectIR.definitions`, which has functions of its own: one used in several places, or one that
   * refers to itself (its validators call themselves).
   */
  | { readonly kind: 'ref'; readonly ref: string; readonly name: string }
  | {
      /** An interface, type alias or object literal type: validated structurally, parsed to a plain object. */
      readonly kind: 'object';
      readonly fields: readonly FieldIR[];
      /** The policy of the model the type is used in, for keys that are neither fields nor `rest` keys. */
      readonly extra: ExtraPolicy;
      /** An index signature (`Record<string, T>`, `[key: string]: T`): every other key is kept and its value validated. */
      readonly rest?: TypeNode;
      /** Template literal keys (`Record<\`id_${number}\`, T>`): only keys matching this anchored pattern are `rest` keys. */
      readonly restKey?: { readonly source: string; readonly templates?: readonly TemplateIR[] };
    }
  | { readonly kind: 'nullable'; readonly type: TypeNode }
  /** `Secret<T>`: a `T`, parsed and wrapped in a Secret; its issues show `'**********'` as their input. */
  | { readonly kind: 'secret'; readonly type: TypeNode }
  | {
      readonly kind: 'union';
      readonly members: readonly TypeNode[];
      /** Set when every member is a model with this required field of distinct literal values: dispatch on it. */
      readonly discriminator?: string;
    };

/** The kinds of type node. */
export type TypeKind = TypeNode['kind'];

/** A static method of the model class run as a validator (`@fieldValidator`, `@modelValidator`). */
export interface ValidatorIR {
  /** The method name: generated code calls `Model[method](value, info)`. */
  readonly method: string;
  /**
   * When it runs: `before` on the raw input, `after` on the parsed value; for fields also `plain` (instead of
   * type validation) and `wrap` (around it, with a `next` that runs it).
   */
  readonly mode: 'before' | 'after' | 'plain' | 'wrap';
}

/** A field serializer: a static method `dump` calls for the field's value (pydantic's `@field_serializer`). */
export interface SerializerIR {
  /** The method name: dump calls `Model[method](value, info)` (plain) or `Model[method](value, next, info)` (wrap). */
  readonly method: string;
  /** `plain`: the method's result is the output; `wrap`: it gets `next`, the standard dump of the value. */
  readonly mode: 'plain' | 'wrap';
  /** The method's declared return type, for serialization schemas; absent when it cannot be read (`{}`). */
  readonly returns?: TypeNode;
}

/** A declared property of a model. */
export interface FieldIR {
  /** The property name, which is also the input key. */
  readonly name: string;
  /** The field's type as the compile step checks it. */
  readonly type: TypeNode;
  /** `@field({ strict })`: overrides the model's and the call's strictness for this field. */
  readonly strict?: boolean;
  /** `coerceNumbersToStr` (field or model): a `string` field takes numbers in lax mode. */
  readonly coerceNumbersToStr?: true;
  /** Field validators, in declaration order (inherited ones first). */
  readonly validators?: readonly ValidatorIR[];
  /** `@fieldSerializer()`: how dump writes the field's value. */
  readonly serializer?: SerializerIR;
  /** The input key when it differs from the name (`@field({ alias })`, `validationAlias`, the model's `aliasGenerator`). */
  readonly validationAlias?: string;
  /**
   * More input keys, tried in turn when the first one is absent (`validationAlias: ['first_name', 'fname']`,
   * pydantic's `AliasChoices`). Issues are located at the key the input used; `missing` at the first.
   */
  readonly aliasChoices?: readonly string[];
  /** The output key of `dump({ byAlias: true })` when it differs from the name (`alias`, `serializationAlias`, `aliasGenerator`). */
  readonly serializationAlias?: string;
  /** Declared with `?` or with `undefined` in its type: may be absent. */
  readonly optional: boolean;
  /** The initializer's value: used when the input has no value, fresh on every parse. */
  readonly default?: JsonValue;
  /**
   * The initializer is not literal data (`crypto.randomUUID()`, `new Date()`, a call): pydantic's
   * `default_factory`. Parse evaluates it when the input has no value, by constructing the class once.
   */
  readonly factory?: true;
  /** `@field({ fallback })`: the value a field whose input fails takes instead, its issues dropped (zod's `catch`). */
  readonly fallback?: JsonValue;
  /** `@field({ messages })`: the field's own message templates, by error type (they win over the call's and global ones). */
  readonly messages?: { readonly [type: string]: string };
  /**
   * How a `new` instance holds the key where `default` does not tell (for link's stale check): `never` for a
   * `declare` field, `always` for one initialised to `undefined`.
   */
  readonly ownKey?: 'never' | 'always';
  /** The JSDoc summary or `@field({ description })`, for JSON Schema. */
  readonly description?: string;
  /** What JSDoc says beyond the description (`@example`, `@deprecated`, `@default`), for schemas. */
  readonly docs?: DocTags;
  /** Where the field is declared. */
  readonly loc: SourceLoc;
}

/** A getter marked `@computed()`: read at dump time and written after the fields. */
export interface ComputedIR {
  /** The getter's name, which is also its output key. */
  readonly name: string;
  /** The getter's return type. */
  readonly type: TypeNode;
  /** The return type includes `undefined`: the key is left out when the getter returns it. */
  readonly optional: boolean;
  /** The getter's JSDoc summary or `@computed({ description })`. */
  readonly description?: string;
  /** Where the getter is declared. */
  readonly loc: SourceLoc;
}

/** A model class. */
export interface ModelIR {
  /** Unique among the project's models; a valid identifier. */
  readonly id: string;
  /** The class name, used in messages. */
  readonly name: string;
  /** How the generated module imports the class: its module (project-relative) and export name. */
  readonly module: string;
  /** The name the class is exported under from `module`. */
  readonly exportName: string;
  /** The class or a class it extends declares a constructor: link makes no instance of it (parse never runs constructors). */
  readonly hasConstructor?: true;
  /** What parse does with keys the model does not declare: `ignore`, `forbid` or `allow`. */
  readonly extra: ExtraPolicy;
  /** `@model({ strict })`: the strictness of this model's own fields, overriding the call's. */
  readonly strict?: boolean;
  /** Model validators, in declaration order (inherited ones first). */
  readonly validators?: readonly ValidatorIR[];
  /** `@model({ populateByName: true })`: a field with a validation alias also takes its name as input key. */
  readonly populateByName?: true;
  /** `@model({ frozen: true })`: instances are frozen once built (parse, construct, copy). */
  readonly frozen?: true;
  /** `@model({ maxDepth })`: how many values of recursive types may nest in each other in this model's input. */
  readonly maxDepth?: number;
  /** `@model({ maxIssues })`: how many issues a parse collects before it only counts them. */
  readonly maxIssues?: number;
  /** `@model({ hideInput: true })`: issues and messages leave out the input (pydantic's `hide_input_in_errors`). */
  readonly hideInput?: true;
  /** Set for a generic model at concrete type arguments (`Page<User>`): used as a field type, never linked. */
  readonly generic?: true;
  /**
   * Set for a `validator<T>()` const (`exportName` names the const, not a class): one field, `value: T`, and
   * no class of its own; the runtime's `linkValidator` links it.
   */
  readonly validator?: true;
  /** The class's JSDoc summary, for JSON Schema. */
  readonly description?: string;
  /** What JSDoc says beyond the description (`@example`, `@deprecated`, `@default`), for schemas. */
  readonly docs?: DocTags;
  /** Fields in declaration order, inherited ones first. */
  readonly fields: readonly FieldIR[];
  /** `@computed()` getters in declaration order, inherited ones first; absent when there are none. */
  readonly computed?: readonly ComputedIR[];
  /** Where the class is declared. */
  readonly loc: SourceLoc;
}

/**
 * A type that is not a model but has functions of its own, referenced by `ref` nodes: an object type or union
 * used in more than one place (`interface User` in many payloads), or one that refers to itself
 * (`type Json = … | Json[]`, `interface Tree { children: Tree[] }`).
 */
export interface DefinitionIR {
  /** Unique among models and definitions; a valid identifier. */
  readonly id: string;
  /** The alias or interface name, used in labels. */
  readonly name: string;
  /** The type the definition stands for. */
  readonly type: TypeNode;
  /** Where the type is declared. */
  readonly loc: SourceLoc;
}

/** Everything the emitters see. */
export interface ProjectIR {
  /** Sorted by file, then position: the order of the generated code. */
  readonly models: readonly ModelIR[];
  /** Shared and recursive types referenced by `ref` nodes, in the order their conversion completed. */
  readonly definitions: readonly DefinitionIR[];
}

/** Models and definitions by id: what emitters look a `model` or `ref` node up in. */
export interface TypeIndex {
  /** Models by id. */
  readonly models: ReadonlyMap<string, ModelIR>;
  /** Shared type definitions by id. */
  readonly definitions: ReadonlyMap<string, DefinitionIR>;
}

/** True when parse fills the field in when the input has none: a literal default or a factory. */
export function hasDefault(field: FieldIR): boolean {
  return field.default !== undefined || field.factory === true;
}

/** The fields of a model or object type (a `ref` to an object type's definition included), else undefined. */
export function fieldsOf(node: TypeNode, index: TypeIndex): readonly FieldIR[] | undefined {
  if (node.kind === 'model') return index.models.get(node.ref)?.fields;
  const type = node.kind === 'ref' ? index.definitions.get(node.ref)?.type : node;
  return type?.kind === 'object' ? type.fields : undefined;
}

/** The type nodes directly inside `node`: items, keys and values, elements, fields, members. */
export function childrenOf(node: TypeNode): readonly TypeNode[] {
  switch (node.kind) {
    case 'array':
    case 'set':
      return [node.items];
    case 'map':
      return [node.key, node.value];
    case 'tuple':
      return node.rest === undefined ? node.elements : [...node.elements, node.rest];
    case 'object':
      return node.rest === undefined ? node.fields.map((f) => f.type) : [...node.fields.map((f) => f.type), node.rest];
    case 'nullable':
    case 'secret':
      return [node.type];
    case 'union':
      return node.members;
    case 'string':
    case 'number':
    case 'boolean':
    case 'bigint':
    case 'unknown':
    case 'nonNullish':
    case 'nonPrimitive':
    case 'null':
    case 'undefined':
    case 'literal':
    case 'date':
    case 'regexp':
    case 'bytes':
    case 'model':
    case 'ref':
      return [];
    default:
      return assertNever(node);
  }
}

/** The `model` and `ref` nodes a type holds at any depth, in order: the models and definitions it names. */
export function refsIn(node: TypeNode, into: (TypeNode & { kind: 'model' | 'ref' })[] = []): (TypeNode & { kind: 'model' | 'ref' })[] {
  if (node.kind === 'model' || node.kind === 'ref') into.push(node);
  for (const child of childrenOf(node)) refsIn(child, into);
  return into;
}

/** `node` with `f` applied to each child type (the same object when no child changes). */
export function mapChildren(node: TypeNode, f: (child: TypeNode) => TypeNode): TypeNode {
  switch (node.kind) {
    case 'array':
    case 'set': {
      const items = f(node.items);
      return items === node.items ? node : { ...node, items };
    }
    case 'map': {
      const [key, value] = [f(node.key), f(node.value)];
      return key === node.key && value === node.value ? node : { ...node, key, value };
    }
    case 'tuple': {
      const elements = same(node.elements, node.elements.map(f));
      const rest = node.rest === undefined ? undefined : f(node.rest);
      return elements === node.elements && rest === node.rest ? node : { ...node, elements, ...(rest === undefined ? {} : { rest }) };
    }
    case 'object': {
      const fields = same<FieldIR>(node.fields, node.fields.map((field) => withType(field, f(field.type))));
      const rest = node.rest === undefined ? undefined : f(node.rest);
      return fields === node.fields && rest === node.rest ? node : { ...node, fields, ...(rest === undefined ? {} : { rest }) };
    }
    case 'nullable':
    case 'secret': {
      const type = f(node.type);
      return type === node.type ? node : { ...node, type };
    }
    case 'union': {
      const members = same(node.members, node.members.map(f));
      return members === node.members ? node : { ...node, members };
    }
    case 'string':
    case 'number':
    case 'boolean':
    case 'bigint':
    case 'unknown':
    case 'nonNullish':
    case 'nonPrimitive':
    case 'null':
    case 'undefined':
    case 'literal':
    case 'date':
    case 'regexp':
    case 'bytes':
    case 'model':
    case 'ref':
      return node;
    default:
      return assertNever(node);
  }
}

/** `item` with `type` (the same object when the type is the same). */
export function withType<T extends { readonly type: TypeNode }>(item: T, type: TypeNode): T {
  return type === item.type ? item : { ...item, type };
}

/** `next` when some item differs from `before`'s, else `before` itself. */
export function same<T>(before: readonly T[], next: readonly T[]): readonly T[] {
  return next.every((item, i) => item === before[i]) ? before : next;
}

/** Ends an exhaustive switch: a new IR kind fails the build here until every emitter handles it. */
export function assertNever(value: never): never {
  throw new Error(`unhandled IR node: ${JSON.stringify(value)}`);
}

/** The tag values of each member of a discriminated union (models or object types), in member order. */
export function tagsOf(
  node: TypeNode & { kind: 'union' },
  index: TypeIndex,
): { readonly values: readonly LiteralValue[]; readonly member: TypeNode }[] {
  return node.members.map((member) => {
    const tag = fieldsOf(member, index)?.find((f) => f.name === node.discriminator)?.type;
    if (tag?.kind !== 'literal') throw new Error(`member ${label(member, index.models)} has no literal '${node.discriminator}'`);
    return { values: tag.values, member };
  });
}

/** `'a', 'b' or 'c'`: the expected values of a literal error, in pydantic's wording. */
export function expectedText(values: readonly (string | number | boolean)[]): string {
  const shown = values.map(literalText);
  return shown.length === 1 ? shown[0]! : `${shown.slice(0, -1).join(', ')} or ${shown[shown.length - 1]}`;
}

/** A literal as messages show it: strings quoted the way pydantic (Python's repr) quotes them. */
export function literalText(value: LiteralValue): string {
  return typeof value === 'string' ? quote(value) : String(value);
}

const FORMAT_LABELS: Record<StringFormat, string> = {
  email: 'Email',
  url: 'Url',
  httpUrl: 'HttpUrl',
  uuid: 'Uuid',
  ipv4: 'IPv4',
  ipv6: 'IPv6',
  date: 'DateString',
  time: 'TimeString',
  duration: 'Duration',
  ipv4Network: 'IPv4Network',
  ipv6Network: 'IPv6Network',
  ipv4Interface: 'IPv4Interface',
  ipv6Interface: 'IPv6Interface',
};

/** Labels of a union's members, made unique with `#2`, `#3` where two read the same. */
export function memberLabels(members: readonly TypeNode[], models: ReadonlyMap<string, ModelIR>): string[] {
  const seen = new Map<string, number>();
  return members.map((member) => {
    const text = label(member, models);
    const count = (seen.get(text) ?? 0) + 1;
    seen.set(text, count);
    return count === 1 ? text : `${text}#${count}`;
  });
}

/** A short TypeScript-like label of a type, used to name union members in error locations. */
export function label(node: TypeNode, models: ReadonlyMap<string, ModelIR>): string {
  switch (node.kind) {
    case 'string': {
      const format = node.constraints.find((c) => c.kind === 'format');
      return format?.kind === 'format' ? FORMAT_LABELS[format.format] : 'string';
    }
    case 'number':
      return node.constraints.some((c) => c.kind === 'int') ? 'Int' : 'number';
    case 'boolean':
    case 'bigint':
    case 'null':
    case 'undefined':
    case 'unknown':
      return node.kind;
    case 'nonNullish':
      return '{}';
    case 'nonPrimitive':
      return 'object';
    case 'literal':
      return node.values.map(literalText).join('|');
    case 'date':
      return 'Date';
    case 'regexp':
      return 'RegExp';
    case 'bytes':
      return 'Uint8Array';
    case 'array': {
      const items = label(node.items, models);
      return node.items.kind === 'union' || node.items.kind === 'nullable' || node.items.kind === 'literal'
        ? `(${items})[]`
        : `${items}[]`;
    }
    case 'model':
      return models.get(node.ref)?.name ?? node.ref;
    case 'ref':
      return node.name;
    case 'set':
      return `Set<${label(node.items, models)}>`;
    case 'map':
      return `Map<${label(node.key, models)}, ${label(node.value, models)}>`;
    case 'tuple': {
      const parts = node.elements.map((el, i) => `${label(el, models)}${i >= node.required ? '?' : ''}`);
      if (node.rest !== undefined) parts.push(`...${label(node.rest, models)}[]`);
      return `[${parts.join(', ')}]`;
    }
    case 'object':
      return 'object';
    case 'nullable':
      return `${label(node.type, models)} | null`;
    case 'secret':
      return `Secret<${label(node.type, models)}>`;
    case 'union':
      return node.members.map((m) => label(m, models)).join(' | ');
    default:
      return assertNever(node);
  }
}
