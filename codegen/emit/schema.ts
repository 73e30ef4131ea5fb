/**
 * The JSON Schema emitter: the IR to JSON Schema (draft 2020-12, draft-07) and
 * OpenAPI (3.0, 3.1) schema objects, as plain data. A pure function of the IR
 * and the options; the compile step serialises its result into the generated
 * module and into `tydantic schema` files, so nothing walks types at run time.
 */
import {
  assertNever,
  type ArrayConstraint,
  type FieldIR,
  type JsonValue,
  type LiteralValue,
  type ModelIR,
  type NumberConstraint,
  type ProjectIR,
  type StringConstraint,
  type StringFormat,
  tagsOf,
  type TypeNode,
} from '../ir';
import { schemaPattern } from './schema-pattern';

/** The schema dialects `tydantic` emits. */
export const SCHEMA_TARGETS = ['draft-2020-12', 'draft-07', 'openapi-3.0', 'openapi-3.1'] as const;

/** A schema dialect: a JSON Schema draft or an OpenAPI version's Schema Object. */
export type SchemaTarget = (typeof SCHEMA_TARGETS)[number];

/** What a schema describes: the input parse accepts, or the output `toJSON` produces. */
export type SchemaMode = 'validation' | 'serialization';

/** How to write a schema. */
export interface SchemaOptions {
  readonly target: SchemaTarget;
  readonly mode: SchemaMode;
}

/** A JSON Schema (or OpenAPI Schema Object) as plain JSON data. */
export type JsonSchema = { [key: string]: JsonValue };

const META: Partial<Record<SchemaTarget, string>> = {
  'draft-2020-12': 'https://json-schema.org/draft/2020-12/schema',
  'draft-07': 'http://json-schema.org/draft-07/schema#',
};

const FORMATS: Record<StringFormat, string> = {
  email: 'email',
  url: 'uri',
  uuid: 'uuid',
  ipv4: 'ipv4',
  ipv6: 'ipv6',
  date: 'date',
};

/** A decimal integer, as a bigint is written in JSON. */
const BIGINT_PATTERN = '^-?[0-9]+$';
/** `String(n)` of a finite number: the keys of a `Map<number, …>` in JSON. */
const NUMBER_KEY_PATTERN = '^-?(0|[1-9][0-9]*)(\\.[0-9]+)?(e[+-][0-9]+)?$';
/** `String(n)` of an integer below 1e21. */
const INT_KEY_PATTERN = '^-?(0|[1-9][0-9]*)$';

interface Context {
  readonly options: SchemaOptions;
  readonly models: ReadonlyMap<string, ModelIR>;
  /** Models referenced so far, in order of discovery: the definitions to write. */
  readonly seen: string[];
  /** Models some `$ref` points to (a document's root model needs a definition only then). */
  readonly referenced: Set<string>;
}

/** True for the OpenAPI targets, whose definitions live in `components/schemas`. */
export function isOpenApi(target: SchemaTarget): boolean {
  return target === 'openapi-3.0' || target === 'openapi-3.1';
}

/**
 * A standalone JSON Schema document for one model: its own schema at the root, every model it references
 * under `$defs` (`definitions` in draft-07), itself too when it is recursive. `M.jsonSchema()` returns the same.
 */
export function modelSchema(ir: ProjectIR, id: string, options: SchemaOptions): JsonSchema {
  const meta = META[options.target];
  if (meta === undefined) throw new Error(`${options.target} has no standalone documents: use componentSchemas`);
  const c = context(ir, options, [id]);
  const own = modelDefinition(c, model(c, id));
  const defs: JsonSchema = {};
  for (let i = 0; i < c.seen.length; i++) {
    const ref = c.seen[i]!;
    if (ref !== id) define(defs, ref, modelDefinition(c, model(c, ref)));
  }
  const doc: JsonSchema = { $schema: meta, ...own };
  // The root's own definition goes first, as the generated data lists it.
  const all: JsonSchema = {};
  if (c.referenced.has(id)) define(all, id, modelDefinition(c, model(c, id)));
  Object.assign(all, defs);
  if (Object.keys(all).length > 0) doc[options.target === 'draft-07' ? 'definitions' : '$defs'] = all;
  return doc;
}

/** The Schema Objects of `ids` and of every model they reference, keyed by model id (unique in a project): `components.schemas`. */
export function componentSchemas(ir: ProjectIR, ids: readonly string[], options: SchemaOptions): JsonSchema {
  const c = context(ir, options, [...new Set(ids)]);
  const out: JsonSchema = {};
  for (let i = 0; i < c.seen.length; i++) {
    const ref = c.seen[i]!;
    define(out, ref, modelDefinition(c, model(c, ref)));
  }
  return out;
}

/** One model's own definition (its references by id), for the data the generated module embeds. */
export function definitionOf(ir: ProjectIR, id: string, options: SchemaOptions): JsonSchema {
  const c = context(ir, options, [id]);
  return modelDefinition(c, model(c, id));
}

/** The models a model's schema needs, itself first, then in order of discovery; `recursive` when it refers to itself. */
export function schemaClosure(ir: ProjectIR, id: string): { readonly ids: readonly string[]; readonly recursive: boolean } {
  const c = context(ir, { target: 'draft-2020-12', mode: 'validation' }, [id]);
  for (let i = 0; i < c.seen.length; i++) modelDefinition(c, model(c, c.seen[i]!));
  return { ids: c.seen, recursive: c.referenced.has(id) };
}

function context(ir: ProjectIR, options: SchemaOptions, seen: string[]): Context {
  return { options, models: new Map(ir.models.map((m) => [m.id, m])), seen, referenced: new Set() };
}

function model(c: Context, id: string): ModelIR {
  const found = c.models.get(id);
  if (found === undefined) throw new Error(`unknown model ${id}`);
  return found;
}

function modelDefinition(c: Context, m: ModelIR): JsonSchema {
  const head: JsonSchema = { title: m.name };
  return { ...head, ...annotations(c, m.description, m.docs, undefined), ...objectSchema(c, m.fields, m.extra, undefined) };
}

function objectSchema(c: Context, fields: readonly FieldIR[], extra: 'ignore' | 'forbid', rest: TypeNode | undefined): JsonSchema {
  const properties: JsonSchema = {};
  const required: string[] = [];
  for (const f of fields) {
    define(properties, f.name, fieldSchema(c, f));
    // Validation: parse fills defaults. Serialization: `toJSON` writes every field but an absent optional one.
    if (!f.optional && (c.options.mode === 'serialization' || f.default === undefined)) required.push(f.name);
  }
  const out: JsonSchema = { type: 'object', properties };
  if (required.length > 0) out.required = required;
  if (rest !== undefined) out.additionalProperties = typeSchema(c, rest);
  else if (extra === 'forbid') out.additionalProperties = false;
  return out;
}

function fieldSchema(c: Context, f: FieldIR): JsonSchema {
  const base = typeSchema(c, f.type);
  const notes = annotations(c, f.description, f.docs, f.default ?? f.docs?.default);
  if (Object.keys(notes).length === 0) return base;
  // draft-07 and OpenAPI 3.0 ignore the siblings of a $ref: wrap it.
  const wrap = base.$ref !== undefined && (c.options.target === 'draft-07' || c.options.target === 'openapi-3.0');
  return wrap ? { allOf: [base], ...notes } : { ...base, ...notes };
}

/** `description`, `deprecated`, `examples` (OpenAPI 3.0: `example`) and `default`. */
function annotations(c: Context, description: string | undefined, docs: ModelIR['docs'], value: JsonValue | undefined): JsonSchema {
  const out: JsonSchema = {};
  const reason = typeof docs?.deprecated === 'string' ? `Deprecated: ${docs.deprecated}` : undefined;
  const text = [description, reason].filter((t) => t !== undefined && t !== '').join('\n\n');
  if (text !== '') out.description = text;
  if (docs?.deprecated !== undefined) out.deprecated = true;
  const examples = docs?.examples;
  if (examples !== undefined && examples.length > 0) {
    if (c.options.target === 'openapi-3.0') out.example = examples[0]!;
    else out.examples = examples;
  }
  if (value !== undefined) out.default = value;
  return out;
}

/** The schema of a type. */
function typeSchema(c: Context, node: TypeNode): JsonSchema {
  const target = c.options.target;
  switch (node.kind) {
    case 'string':
      return stringSchema(node.constraints);
    case 'number':
      return numberSchema(c, node.constraints);
    case 'boolean':
      return { type: 'boolean' };
    case 'bigint':
      // Beyond 2^53 a JSON number loses digits: bigints travel as decimal strings (what `toJSON` writes).
      return { type: 'string', pattern: BIGINT_PATTERN };
    case 'unknown':
      return {};
    case 'null':
      return target === 'openapi-3.0' ? { nullable: true, enum: [null] } : { type: 'null' };
    case 'undefined':
      // Only absence fits: JSON has no undefined.
      return { not: {} };
    case 'literal':
      return literalSchema(c, node.values);
    case 'date':
      return { type: 'string', format: 'date-time' };
    case 'array':
      return arraySchema(c, node.items, node.constraints);
    case 'set': {
      const out: JsonSchema = { type: 'array', items: typeSchema(c, node.items) };
      // Parse takes duplicates (they collapse); `toJSON` writes each distinct scalar once.
      if (c.options.mode === 'serialization' && SCALARS.has(node.items.kind)) out.uniqueItems = true;
      return out;
    }
    case 'map':
      return mapSchema(c, node.key, node.value);
    case 'tuple':
      return tupleSchema(c, node);
    case 'model':
      return { $ref: refTo(c, node.ref) };
    case 'object':
      return objectSchema(c, node.fields, node.extra, node.rest);
    case 'nullable':
      return nullable(c, typeSchema(c, node.type));
    case 'union':
      return unionSchema(c, node);
    default:
      return assertNever(node);
  }
}

const SCALARS = new Set<TypeNode['kind']>(['string', 'number', 'boolean', 'bigint', 'literal']);

function refTo(c: Context, id: string): string {
  if (!c.seen.includes(id)) c.seen.push(id);
  c.referenced.add(id);
  if (isOpenApi(c.options.target)) return `#/components/schemas/${id}`;
  return c.options.target === 'draft-07' ? `#/definitions/${id}` : `#/$defs/${id}`;
}

/** Adds keywords to a schema; a keyword already there (two bounds of one kind) goes into `allOf` instead. */
function put(schema: JsonSchema, keywords: JsonSchema): void {
  if (Object.keys(keywords).every((k) => !(k in schema))) {
    Object.assign(schema, keywords);
    return;
  }
  schema.allOf = [...((schema.allOf as JsonValue[] | undefined) ?? []), keywords];
}

function stringSchema(constraints: readonly StringConstraint[]): JsonSchema {
  const out: JsonSchema = { type: 'string' };
  for (const c of constraints) {
    switch (c.kind) {
      case 'minLength':
      case 'maxLength':
        put(out, { [c.kind]: c.value });
        break;
      case 'pattern':
        put(out, { pattern: schemaPattern(c.source, c.flags) });
        break;
      case 'format':
        put(out, { format: FORMATS[c.format] });
        break;
      default:
        assertNever(c);
    }
  }
  return out;
}

function numberSchema(c: Context, constraints: readonly NumberConstraint[]): JsonSchema {
  const out: JsonSchema = { type: constraints.some((k) => k.kind === 'int') ? 'integer' : 'number' };
  const bool = c.options.target === 'openapi-3.0';
  for (const k of constraints) {
    switch (k.kind) {
      case 'int':
        break;
      case 'multipleOf':
        put(out, { multipleOf: k.value });
        break;
      case 'ge':
        put(out, { minimum: k.value });
        break;
      case 'le':
        put(out, { maximum: k.value });
        break;
      case 'gt':
        put(out, bool ? { minimum: k.value, exclusiveMinimum: true } : { exclusiveMinimum: k.value });
        break;
      case 'lt':
        put(out, bool ? { maximum: k.value, exclusiveMaximum: true } : { exclusiveMaximum: k.value });
        break;
      default:
        assertNever(k);
    }
  }
  return out;
}

function arraySchema(c: Context, items: TypeNode, constraints: readonly ArrayConstraint[]): JsonSchema {
  const out: JsonSchema = { type: 'array', items: typeSchema(c, items) };
  for (const k of constraints) put(out, { [k.kind]: k.value });
  return out;
}

function literalSchema(c: Context, values: readonly LiteralValue[]): JsonSchema {
  const types = [...new Set(values.map(jsonType))];
  const out: JsonSchema = {};
  if (types.length === 1) out.type = types[0]!;
  else if (c.options.target !== 'openapi-3.0') out.type = types;
  // OpenAPI 3.0 has no `const`.
  if (values.length === 1 && c.options.target !== 'openapi-3.0') out.const = values[0]!;
  else out.enum = [...values];
  return out;
}

function jsonType(value: LiteralValue): string {
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function mapSchema(c: Context, key: TypeNode, value: TypeNode): JsonSchema {
  const out: JsonSchema = { type: 'object', additionalProperties: typeSchema(c, value) };
  // Keys are written with String(key). OpenAPI 3.0 has no `propertyNames`: its schema does not constrain them.
  const names = keySchema(key);
  if (names !== undefined && c.options.target !== 'openapi-3.0') out.propertyNames = names;
  return out;
}

/** What a Map key looks like as a JSON object key; undefined when any string fits. */
function keySchema(key: TypeNode): JsonSchema | undefined {
  switch (key.kind) {
    case 'string': {
      const { type: _type, ...rest } = stringSchema(key.constraints);
      return Object.keys(rest).length > 0 ? rest : undefined;
    }
    case 'number':
      return numberKeySchema(key.constraints);
    case 'literal':
      return { enum: key.values.map(String) };
    case 'bigint':
      return { pattern: BIGINT_PATTERN };
    default:
      // Other key types (Date, unions …) are written with String(key): any string.
      return undefined;
  }
}

function numberKeySchema(constraints: readonly NumberConstraint[]): JsonSchema {
  return { pattern: constraints.some((k) => k.kind === 'int') ? INT_KEY_PATTERN : NUMBER_KEY_PATTERN };
}

function tupleSchema(c: Context, node: TypeNode & { kind: 'tuple' }): JsonSchema {
  const elements = node.elements.map((el) => typeSchema(c, el));
  const rest = node.rest === undefined ? undefined : typeSchema(c, node.rest);
  const out: JsonSchema = { type: 'array' };
  switch (c.options.target) {
    case 'draft-2020-12':
    case 'openapi-3.1':
      if (elements.length > 0) out.prefixItems = elements;
      if (rest !== undefined) out.items = rest;
      break;
    case 'draft-07':
      if (elements.length > 0) out.items = elements;
      if (rest !== undefined) out.additionalItems = rest;
      break;
    case 'openapi-3.0': {
      // No positional items in 3.0: every element must fit one of the element types (looser than parse).
      const all = rest === undefined ? elements : [...elements, rest];
      out.items = all.length === 1 ? all[0]! : all.length === 0 ? {} : { anyOf: all };
      break;
    }
    default:
      assertNever(c.options.target);
  }
  if (node.required > 0) out.minItems = node.required;
  if (rest === undefined) out.maxItems = elements.length;
  return out;
}

/** `T | null` the way each target says it: a `type` list, 3.0's `nullable`, or `anyOf` only where there is no type to extend. */
function nullable(c: Context, schema: JsonSchema): JsonSchema {
  if (Object.keys(schema).length === 0) return schema;
  const { type } = schema;
  if (c.options.target === 'openapi-3.0') {
    if (typeof type !== 'string') return { anyOf: [schema, { nullable: true, enum: [null] }] };
    const out: JsonSchema = { ...schema, nullable: true };
    if (Array.isArray(schema.enum)) out.enum = [...(schema.enum as JsonValue[]), null];
    return out;
  }
  if (type === undefined || schema.not !== undefined) return { anyOf: [schema, { type: 'null' }] };
  const { const: only, ...rest } = schema;
  const out: JsonSchema = { ...rest, type: Array.isArray(type) ? [...(type as JsonValue[]), 'null'] : [type, 'null'] };
  if (only !== undefined) out.enum = [only, null];
  else if (Array.isArray(schema.enum)) out.enum = [...(schema.enum as JsonValue[]), null];
  return out;
}

function unionSchema(c: Context, node: TypeNode & { kind: 'union' }): JsonSchema {
  const members = node.members.map((m) => typeSchema(c, m));
  if (node.discriminator === undefined) return { anyOf: members };
  const out: JsonSchema = { oneOf: members };
  if (isOpenApi(c.options.target) && node.members.every((m) => m.kind === 'model')) {
    // The discriminator object maps string tags to Schema Objects; other tags (booleans) rely on oneOf alone.
    const tags = tagsOf(node, c.models);
    if (tags.every((t) => t.values.every((v) => typeof v === 'string'))) {
      const mapping: JsonSchema = {};
      for (const { values, member } of tags) {
        for (const value of values) define(mapping, String(value), (typeSchema(c, member) as { $ref: string }).$ref);
      }
      out.discriminator = { propertyName: node.discriminator, mapping };
    }
  }
  return out;
}

/** Sets a key as an own data property, so a field named `__proto__` is a key like any other. */
function define(target: JsonSchema, key: string, value: JsonValue): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
