/**
 * What a settings loader needs to know of a model's fields, read from the
 * model's JSON Schema (the compile step's data, so nothing here walks types):
 * each field's input key and name, whether its value is JSON (a model, an
 * array, an object), and whether it is secret.
 */
import { jsonSchema, type JsonSchemaObject, schemaData } from '../json-schema';

/** One field of a settings model (or of a model nested in it). */
export interface FieldSpec {
  /** The key parse reads: the validation alias, else the name. */
  readonly key: string;
  /** The field's name in the class. */
  readonly name: string;
  /** The field has an alias: its variable is the alias itself, without the prefix. */
  readonly aliased: boolean;
  /** Its value may be an object or an array: a variable holds it as JSON. */
  readonly complex: boolean;
  /** Its value may be an array (and not an object): a variable may also hold `a,b,c`. */
  readonly list: boolean;
  /** Its value may be a string: text that is not JSON stands as it is. */
  readonly text: boolean;
  /** It may be a boolean: a command-line flag without a value means true. */
  readonly flag: boolean;
  /** `Secret<T>`: its values never show in issues. */
  readonly secret: boolean;
  /** The fields of the model it holds, for nested variables (`APP_DB__HOST`). */
  readonly fields?: readonly FieldSpec[];
  /** For a record (`Record<string, T>`): what its values are, for keys through the delimiter (`APP_LIMITS__RPS`). */
  readonly entries?: FieldSpec;
}

/** A model class's fields, and whether it forbids extra keys. */
export interface ModelSpec {
  readonly fields: readonly FieldSpec[];
  readonly forbid: boolean;
}

type Defs = { readonly [id: string]: JsonSchemaObject };

/** The fields of a linked model class, from its validation schema by alias and by name. */
export function modelSpec(cls: abstract new (...args: never[]) => unknown): ModelSpec {
  const data = schemaData(cls);
  const byAlias = jsonSchema(data, { mode: 'validation' });
  const byName = jsonSchema(data, { mode: 'validation', byAlias: false });
  const aliasDefs = (byAlias.$defs ?? {}) as Defs;
  const nameDefs = (byName.$defs ?? {}) as Defs;
  return { fields: objectFields(byAlias, byName, aliasDefs, nameDefs, []), forbid: byAlias.additionalProperties === false };
}

function objectFields(alias: JsonSchemaObject, name: JsonSchemaObject, aliasDefs: Defs, nameDefs: Defs, seen: readonly string[]): FieldSpec[] {
  const keys = Object.keys((alias.properties ?? {}) as object);
  const names = Object.keys((name.properties ?? {}) as object);
  // Both schemas list the fields in declaration order: the i-th key is the i-th name's.
  return keys.map((key, i) => {
    const schema = (alias.properties as Record<string, JsonSchemaObject>)[key]!;
    const fieldName = names[i] ?? key;
    const types = new Set<string>();
    const model = collect(schema, aliasDefs, types);
    const spec: FieldSpec = {
      key,
      name: fieldName,
      aliased: key !== fieldName,
      complex: types.has('object') || types.has('array'),
      list: types.has('array') && !types.has('object'),
      text: types.has('string'),
      flag: types.has('boolean'),
      secret: schema.writeOnly === true || (Array.isArray(schema.anyOf) && (schema.anyOf as JsonSchemaObject[]).some((s) => s.writeOnly === true)),
    };
    const values = recordValues(schema, aliasDefs);
    if (values !== undefined) {
      const types2 = new Set<string>();
      collect(values, aliasDefs, types2);
      const entries: FieldSpec = { key: '', name: '', aliased: false, complex: types2.has('object') || types2.has('array'), list: types2.has('array') && !types2.has('object'), text: types2.has('string'), flag: types2.has('boolean'), secret: values.writeOnly === true };
      return { ...spec, entries };
    }
    if (model === undefined || seen.includes(model)) return spec;
    const nested = objectFields(aliasDefs[model]!, nameDefs[model] ?? aliasDefs[model]!, aliasDefs, nameDefs, [...seen, model]);
    return { ...spec, fields: nested };
  });
}

/** The schema of a record's values (`additionalProperties` of an object with no named properties), looking through `null`. */
function recordValues(schema: JsonSchemaObject, defs: Defs): JsonSchemaObject | undefined {
  const members = [schema, ...((schema.anyOf as JsonSchemaObject[] | undefined) ?? [])];
  for (const member of members) {
    const ref = member.$ref;
    const target = typeof ref === 'string' ? defs[decodeURIComponent(ref.slice(ref.lastIndexOf('/') + 1))] : member;
    const values = target?.additionalProperties;
    const named = target?.properties !== undefined && Object.keys(target.properties as object).length > 0;
    if (target !== undefined && !named && typeof values === 'object' && values !== null) return values as JsonSchemaObject;
  }
  return undefined;
}

/** Adds the JSON types a schema admits to `types`; returns the id of a model definition it holds, if any. */
function collect(schema: JsonSchemaObject, defs: Defs, types: Set<string>): string | undefined {
  let model: string | undefined;
  const ref = schema.$ref;
  if (typeof ref === 'string') {
    const id = decodeURIComponent(ref.slice(ref.lastIndexOf('/') + 1));
    const target = defs[id];
    if (target !== undefined) {
      const inner = collect(target, defs, types);
      model = target.properties !== undefined ? id : inner;
    }
  }
  const type = schema.type;
  for (const t of Array.isArray(type) ? type : type === undefined ? [] : [type]) types.add(t === 'integer' ? 'number' : String(t));
  if (schema.properties !== undefined || schema.additionalProperties !== undefined) types.add('object');
  if (schema.items !== undefined || schema.prefixItems !== undefined) types.add('array');
  if (schema.enum !== undefined || schema.const !== undefined) {
    for (const value of (schema.enum as unknown[] | undefined) ?? [schema.const]) types.add(value === null ? 'null' : typeof value);
  }
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
    for (const member of (schema[key] as JsonSchemaObject[] | undefined) ?? []) model = collect(member, defs, types) ?? model;
  }
  // `{}` (unknown) admits anything, JSON included.
  if (Object.keys(schema).every((k) => k === 'description' || k === 'title' || k === 'default' || k === 'examples')) {
    for (const t of ['object', 'array', 'string']) types.add(t);
  }
  return model;
}

/** `databaseUrl` → `DATABASE_URL`, `dbURL` → `DB_URL`, `ipv6Only` → `IPV6_ONLY`: a field's name as a variable's. */
export function constantCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/[-\s.]+/g, '_')
    .toUpperCase();
}

/** `logLevel` → `log-level`: a field's name as a command-line option. */
export function kebabCase(name: string): string {
  return constantCase(name).toLowerCase().replace(/_/g, '-');
}
