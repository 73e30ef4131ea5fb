/**
 * JSON Schema at run time: the compile step writes each model's definitions
 * as JSON text per target and mode; these functions only pick and parse them
 * (a fresh object on every call), never walk types.
 */

/** The dialects a schema can be written in. */
export type JsonSchemaTarget = 'draft-2020-12' | 'draft-07' | 'openapi-3.0' | 'openapi-3.1';

/** Options of `M.jsonSchema()` and `openApiComponents()`. */
export interface JsonSchemaOptions {
  /** The dialect; default `draft-2020-12` (`openapi-3.1` for `openApiComponents`). */
  target?: JsonSchemaTarget;
  /** `validation` (default): the input parse accepts. `serialization`: the data `toJSON` writes. */
  mode?: 'validation' | 'serialization';
  /** Property keys: the aliases (default: validation aliases for input, serialization aliases for output) or the field names. */
  byAlias?: boolean;
}

/** A JSON Schema or OpenAPI Schema Object: plain JSON data. */
export type JsonSchemaObject = { [key: string]: unknown };

/** What `tydantic generate` writes for one model (generated code only). */
export interface SchemaData {
  /** The model's key among the definitions: unique in its project. */
  readonly id: string;
  /**
   * The model's own definition, then each model it references: per target, `[validation, serialization]` JSON text
   * by alias, then the same by field name (a serialization text may be `+` and the top-level keys it changes in
   * the validation text before it); or a `$ref` prefix: draft 2020-12's texts, references moved there.
   */
  readonly defs: { readonly [id: string]: { readonly [target: string]: readonly string[] | string } };
  /** Set when the model refers to itself: its document lists it under `$defs` too. */
  readonly recursive?: true;
}

/** Where `link` keeps a model's schema data on its class: a function that returns it. */
export const SCHEMA: unique symbol = Symbol.for('tydantic.schema') as never;

const DIALECTS: { readonly [target: string]: string } = {
  'draft-2020-12': 'https://json-schema.org/draft/2020-12/schema',
  'draft-07': 'http://json-schema.org/draft-07/schema#',
};

const DEFS = '#/$defs/';

/**
 * Turns draft 2020-12 definitions into another target's while they are parsed: `$ref`s move to `prefix`;
 * for OpenAPI 3.0, `type: [T, "null"]` becomes `type: T, nullable: true`. The compile step stores a prefix instead of a target's own texts
 * only when this gives exactly those texts.
 */
export function reviver(target: string, prefix: string): (key: string, value: unknown) => unknown {
  const v30 = target === 'openapi-3.0';
  return (key, value) => {
    if (key === '$ref' && typeof value === 'string' && value.startsWith(DEFS)) return prefix + value.slice(DEFS.length);
    const schema = value as JsonSchemaObject | null;
    const type = v30 && typeof schema === 'object' ? schema?.type : undefined;
    if (Array.isArray(type) && type.length === 2 && typeof type[0] === 'string' && type[1] === 'null') {
      schema!.type = type[0];
      schema!.nullable = true;
    }
    return value;
  };
}

export function parsed(data: SchemaData, id: string, target: string, options: JsonSchemaOptions): JsonSchemaObject {
  const texts = data.defs[id]?.[target];
  const prefix = typeof texts === 'string' ? texts : undefined;
  const own = prefix === undefined ? texts : data.defs[id]!['draft-2020-12'];
  const index = (options.mode === 'serialization' ? 1 : 0) + (options.byAlias === false ? 2 : 0);
  const text = own?.[index];
  if (text === undefined) throw new TypeError(`unknown JSON Schema target '${target}'`);
  const revive = prefix === undefined ? undefined : reviver(target, prefix);
  // `+{…}`: the top-level keys a serialization text changes in the validation text before it.
  if (!text.startsWith('+')) return JSON.parse(text, revive) as JsonSchemaObject;
  return Object.assign(JSON.parse(own![index - 1]!, revive) as JsonSchemaObject, JSON.parse(text.slice(1), revive));
}

/** A model's schema: a standalone document for JSON Schema targets, the model's own Schema Object for OpenAPI ones. */
export function jsonSchema(data: SchemaData, options: JsonSchemaOptions = {}): JsonSchemaObject {
  const target = options.target ?? 'draft-2020-12';
  const root = parsed(data, data.id, target, options);
  const dialect = DIALECTS[target];
  if (dialect === undefined) return root;
  const defs: JsonSchemaObject = {};
  for (const id of Object.keys(data.defs)) {
    if (id !== data.id || data.recursive) defs[id] = parsed(data, id, target, options);
  }
  const doc: JsonSchemaObject = { $schema: dialect, ...root };
  if (Object.keys(defs).length > 0) doc[target === 'draft-07' ? 'definitions' : '$defs'] = defs;
  return doc;
}

/** The Standard JSON Schema extension of a model's `~standard`: its input and output schemas for a target. */
export function standardJsonSchema(data: () => SchemaData): {
  readonly input: (options: { readonly target: string }) => JsonSchemaObject;
  readonly output: (options: { readonly target: string }) => JsonSchemaObject;
} {
  const convert = (mode: 'validation' | 'serialization') => (options: { readonly target: string }) =>
    jsonSchema(data(), { target: options.target as JsonSchemaTarget, mode });
  return { input: convert('validation'), output: convert('serialization') };
}

/** A linked model class's schema data; throws for a class without generated code. */
export function schemaData(cls: abstract new (...args: never[]) => unknown): SchemaData {
  const read = Object.hasOwn(cls, SCHEMA) ? (cls as unknown as { [SCHEMA]: () => SchemaData })[SCHEMA] : undefined;
  if (read === undefined) throw new Error(`${cls.name} has no schema: run \`npx tydantic generate\``);
  return read();
}

/**
 * The `components.schemas` object for some models and every model they reference, keyed by the ids the
 * compile step gave them: the class name, or `Name_2`, `Name_3` … for later classes of one name, in file order.
 */
export function openApiComponents(models: readonly (abstract new (...args: never[]) => unknown)[], options: JsonSchemaOptions = {}): JsonSchemaObject {
  const target = options.target ?? 'openapi-3.1';
  if (DIALECTS[target] !== undefined) throw new TypeError(`'${target}' is not an OpenAPI target`);
  const out: JsonSchemaObject = {};
  for (const cls of models) {
    const data = schemaData(cls);
    for (const id of Object.keys(data.defs)) if (!Object.hasOwn(out, id)) out[id] = parsed(data, id, target, options);
  }
  return out;
}

/**
 * The schema of a `validator<T>()`'s value from its holder model's document (one field, `value`), with the
 * document's dialect and definitions: what `Tags.jsonSchema()` returns and `tydantic schema` writes.
 */
export function valueSchema(doc: JsonSchemaObject): JsonSchemaObject {
  const { $schema, $defs, definitions, properties } = doc as { [key: string]: unknown };
  const value = (properties as { value?: JsonSchemaObject } | undefined)?.value ?? {};
  return {
    ...($schema === undefined ? {} : { $schema }),
    ...value,
    ...($defs === undefined ? {} : { $defs }),
    ...(definitions === undefined ? {} : { definitions }),
  };
}
