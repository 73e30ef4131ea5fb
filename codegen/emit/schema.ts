/**
 * The JSON Schema emitter: the IR to JSON Schema (draft 2020-12, draft-07) and
 * OpenAPI (3.0, 3.1) schema objects, as plain data. A pure function of the IR
 * and the options; the compile step serialises its result into the generated
 * module and into `tydantic schema` files, so nothing walks types at run time.
 */
import { assertNever, hasDefault, type ArrayConstraint, type DefinitionIR, type ExtraPolicy, type FieldIR, type JsonValue, type ModelIR, type ProjectIR, tagsOf, type TypeNode } from '../ir';
import { BIGINT_PATTERN, keySchema, literalSchema, nullable, numberSchema, put, stringSchema, tupleSchema } from './schema-keywords';

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
  /** Property keys are the aliases (default) or the field names. */
  readonly byAlias?: boolean;
}

/** A JSON Schema (or OpenAPI Schema Object) as plain JSON data. */
export type JsonSchema = { [key: string]: JsonValue };

const META: Partial<Record<SchemaTarget, string>> = {
  'draft-2020-12': 'https://json-schema.org/draft/2020-12/schema',
  'draft-07': 'http://json-schema.org/draft-07/schema#',
};

interface Context {
  readonly options: SchemaOptions;
  readonly models: ReadonlyMap<string, ModelIR>;
  readonly definitions: ReadonlyMap<string, DefinitionIR>;
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
  const refs = directRefs(ir);
  const ids = [id];
  const seen = new Set(ids);
  let recursive = false;
  for (let i = 0; i < ids.length; i++) {
    for (const ref of refs.get(ids[i]!) ?? []) {
      if (ref === id) recursive = true;
      if (!seen.has(ref)) {
        seen.add(ref);
        ids.push(ref);
      }
    }
  }
  return { ids, recursive };
}

const refCache = new WeakMap<ProjectIR, ReadonlyMap<string, readonly string[]>>();

/** Per model and definition, the ids its own definition refers to, in order of discovery (computed once per IR). */
function directRefs(ir: ProjectIR): ReadonlyMap<string, readonly string[]> {
  let refs = refCache.get(ir);
  if (refs === undefined) {
    const map = new Map<string, readonly string[]>();
    for (const m of [...ir.models, ...ir.definitions]) {
      const c = context(ir, { target: 'draft-2020-12', mode: 'validation' }, []);
      modelDefinition(c, m);
      map.set(m.id, c.seen);
    }
    refCache.set(ir, (refs = map));
  }
  return refs;
}

const indexCache = new WeakMap<ProjectIR, Pick<Context, 'models' | 'definitions'>>();

function context(ir: ProjectIR, options: SchemaOptions, seen: string[]): Context {
  let index = indexCache.get(ir);
  if (index === undefined) {
    index = { models: new Map(ir.models.map((m) => [m.id, m])), definitions: new Map(ir.definitions.map((d) => [d.id, d])) };
    indexCache.set(ir, index);
  }
  return { options, models: index.models, definitions: index.definitions, seen, referenced: new Set() };
}

/** A model or a definition, by id. */
function model(c: Context, id: string): ModelIR | DefinitionIR {
  const found = c.models.get(id) ?? c.definitions.get(id);
  if (found === undefined) throw new Error(`unknown model ${id}`);
  return found;
}

function modelDefinition(c: Context, m: ModelIR | DefinitionIR): JsonSchema {
  const head: JsonSchema = { title: m.name };
  if (!('fields' in m)) return { ...head, ...typeSchema(c, m.type) };
  const out: JsonSchema = { ...head, ...annotations(c, m.description, m.docs, undefined), ...objectSchema(c, m.fields, m.extra, undefined, undefined, m.populateByName === true) };
  if (c.options.mode === 'serialization') addComputed(c, out, m.computed ?? []);
  return out;
}

/** Serialization mode: `toJSON` writes computed fields after the fields, as read-only properties. */
function addComputed(c: Context, out: JsonSchema, computed: NonNullable<ModelIR['computed']>): void {
  if (computed.length === 0) return;
  const properties = out.properties as JsonSchema;
  const required = [...((out.required as string[] | undefined) ?? [])];
  for (const field of computed) {
    const schema: JsonSchema = { ...typeSchema(c, field.type), readOnly: true };
    if (field.description !== undefined) schema.description = field.description;
    define(properties, field.name, schema);
    if (!field.optional) required.push(field.name);
  }
  if (required.length > 0) out.required = required;
}

function objectSchema(
  c: Context,
  fields: readonly FieldIR[],
  extra: ExtraPolicy,
  rest: TypeNode | undefined,
  restKey: { readonly source: string } | undefined,
  populateByName = false,
): JsonSchema {
  const properties: JsonSchema = {};
  const required: string[] = [];
  const either: JsonSchema[] = [];
  const validation = c.options.mode === 'validation';
  for (const f of fields) {
    // Validation reads the validation alias (and with populateByName the name too); `toJSON` writes the serialization alias.
    const byAlias = c.options.byAlias !== false;
    const key = !byAlias ? f.name : validation ? (f.validationAlias ?? f.name) : (f.serializationAlias ?? f.name);
    const alternate = byAlias && validation && populateByName && f.validationAlias !== undefined ? f.name : undefined;
    define(properties, key, fieldSchema(c, f));
    if (alternate !== undefined) define(properties, alternate, fieldSchema(c, f));
    // Validation: parse fills defaults. Serialization: `toJSON` writes every field but an absent optional one.
    if (!f.optional && (!validation || !hasDefault(f))) {
      if (alternate === undefined) required.push(key);
      else either.push({ anyOf: [{ required: [key] }, { required: [alternate] }] });
    }
  }
  const out: JsonSchema = { type: 'object', properties };
  if (required.length > 0) out.required = required;
  if (either.length > 0) out.allOf = either;
  if (rest !== undefined && restKey !== undefined && c.options.target !== 'openapi-3.0') {
    // Template literal keys: only matching keys are `rest` keys; the others follow the extra policy.
    out.patternProperties = { [restKey.source]: typeSchema(c, rest) };
    if (extra === 'forbid') out.additionalProperties = false;
  } else if (rest !== undefined) {
    // OpenAPI 3.0 has no patternProperties: its schema takes every other key as a `rest` key.
    out.additionalProperties = typeSchema(c, rest);
  } else if (extra === 'forbid') {
    out.additionalProperties = false;
  }
  return out;
}

function fieldSchema(c: Context, f: FieldIR): JsonSchema {
  // What a serializer writes is its method's return type (`{}` when that cannot be read).
  const serialized = c.options.mode === 'serialization' && f.serializer !== undefined;
  const base = serialized ? (f.serializer!.returns === undefined ? {} : typeSchema(c, f.serializer!.returns)) : typeSchema(c, f.type);
  // A default describes the input, not what a serializer writes.
  const notes = annotations(c, f.description, f.docs, serialized ? undefined : (f.default ?? f.docs?.default));
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
      return numberSchema(target, node.constraints);
    case 'boolean':
      return { type: 'boolean' };
    case 'bigint':
      // Beyond 2^53 a JSON number loses digits: bigints travel as decimal strings (what `toJSON` writes).
      return { type: 'string', pattern: BIGINT_PATTERN };
    case 'unknown':
      return {};
    case 'nonNullish':
      // Any JSON value but null.
      return { not: typeSchema(c, { kind: 'null' }) };
    case 'nonPrimitive':
      // JSON's non-primitive values: objects and arrays.
      return target === 'openapi-3.0' ? { anyOf: [{ type: 'object' }, { type: 'array' }] } : { type: ['object', 'array'] };
    case 'null':
      return target === 'openapi-3.0' ? { nullable: true, enum: [null] } : { type: 'null' };
    case 'undefined':
      // Only absence fits: JSON has no undefined.
      return { not: {} };
    case 'literal':
      return literalSchema(target, node.values);
    case 'date':
      return { type: 'string', format: 'date-time' };
    case 'regexp':
      // What `toJSON` writes: the pattern.
      return { type: 'string', format: 'regex' };
    case 'bytes': {
      // What `toJSON` writes and parseJSON reads: base64 text (OpenAPI 3.0 says so with its `byte` format).
      const out: JsonSchema = c.options.target === 'openapi-3.0' ? { type: 'string', format: 'byte' } : { type: 'string', contentEncoding: 'base64' };
      // Byte counts bound the text's length: n bytes take ⌈4n/3⌉ symbols unpadded, 4⌈n/3⌉ padded. These bounds
      // refuse no text parse takes; pydantic writes the byte counts, which refuse valid base64.
      for (const bound of node.constraints ?? []) {
        if (bound.kind === 'minLength') out.minLength = Math.ceil((4 * bound.value) / 3);
        else out.maxLength = 4 * Math.ceil(bound.value / 3);
      }
      return out;
    }
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
      return tupleSchema(target, node.elements.map((el) => typeSchema(c, el)), node.rest === undefined ? undefined : typeSchema(c, node.rest), node.required);
    case 'model':
    case 'ref':
      return { $ref: refTo(c, node.ref) };
    case 'object':
      return objectSchema(c, node.fields, node.extra, node.rest, node.restKey);
    case 'nullable':
      return nullable(target, typeSchema(c, node.type));
    case 'secret':
      return secretSchema(c, node.type);
    case 'union':
      return unionSchema(c, node);
    default:
      return assertNever(node);
  }
}

/**
 * A secret's schema, as pydantic writes a SecretStr's: `writeOnly`, and `format: password` for a plain string.
 * Its JSON is always the mask (a string), whatever the value's type.
 */
function secretSchema(c: Context, type: TypeNode): JsonSchema {
  if (c.options.mode === 'serialization') return { type: 'string', format: 'password', writeOnly: true };
  const inner = typeSchema(c, type);
  const password = type.kind === 'string' && !type.constraints.some((k) => k.kind === 'format');
  if (inner.$ref !== undefined) return { allOf: [inner], writeOnly: true };
  return { ...inner, ...(password ? { format: 'password' } : {}), writeOnly: true };
}

const SCALARS = new Set<TypeNode['kind']>(['string', 'number', 'boolean', 'bigint', 'literal']);

function refTo(c: Context, id: string): string {
  if (!c.seen.includes(id)) c.seen.push(id);
  c.referenced.add(id);
  if (isOpenApi(c.options.target)) return `#/components/schemas/${id}`;
  return c.options.target === 'draft-07' ? `#/definitions/${id}` : `#/$defs/${id}`;
}

function arraySchema(c: Context, items: TypeNode, constraints: readonly ArrayConstraint[]): JsonSchema {
  const out: JsonSchema = { type: 'array', items: typeSchema(c, items) };
  for (const k of constraints) put(out, { [k.kind]: k.value });
  return out;
}

function mapSchema(c: Context, key: TypeNode, value: TypeNode): JsonSchema {
  const out: JsonSchema = { type: 'object', additionalProperties: typeSchema(c, value) };
  // Keys are written with String(key). OpenAPI 3.0 has no `propertyNames`: its schema does not constrain them.
  const names = keySchema(key);
  if (names !== undefined && c.options.target !== 'openapi-3.0') out.propertyNames = names;
  return out;
}

function unionSchema(c: Context, node: TypeNode & { kind: 'union' }): JsonSchema {
  const members = node.members.map((m) => typeSchema(c, m));
  if (node.discriminator === undefined) return { anyOf: members };
  const out: JsonSchema = { oneOf: members };
  if (isOpenApi(c.options.target) && node.members.every((m) => m.kind === 'model' || m.kind === 'ref')) {
    // The discriminator object maps string tags to Schema Objects; other tags (booleans) rely on oneOf alone.
    const tags = tagsOf(node, c);
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
  // Only `__proto__` needs defining (an assignment would set the prototype); assignment keeps objects fast.
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}
