/**
 * `tydantic/testing`: fast-check arbitraries of a model's valid instances and of inputs it must refuse, for
 * users' own property tests (what typia's `random` and polyfactory give). They are derived from the model's
 * generated JSON Schema (the compile step's data) and checked against the model's own parse, so every value
 * is one the model really accepts or refuses.
 */
import fc from 'fast-check';
import { jsonSchema, type JsonSchemaObject, schemaData } from './json-schema';
import type { Model, ParseOptions, SafeParseResult } from './model';
import { base64Within, ipv4Interface, ipv4Network, ipv6Interface, ipv6Network, isoDuration, timeOfDay } from './testing-formats';

/** A linked model class, or a `validator<T>()`: anything with `safeParse` and a JSON Schema. */
export type Parseable<T> =
  | (abstract new (...args: never[]) => T)
  | { safeParse(input: unknown, options?: ParseOptions): SafeParseResult<T>; jsonSchema(): JsonSchemaObject };

/** How deep references (nested and recursive models) are followed before the smallest values are chosen. */
const MAX_DEPTH = 4;

/** Valid instances of a model (what `M.parse` returns), from JSON inputs its schema describes: `fc.assert(fc.property(arbitrary(User), …))`. */
export function arbitrary<T extends Model>(model: abstract new (...args: never[]) => T): fc.Arbitrary<T>;
/** Valid values of a `validator<T>()`. */
export function arbitrary<T>(model: Parseable<T>): fc.Arbitrary<T>;
export function arbitrary<T>(model: Parseable<T>): fc.Arbitrary<T> {
  const parse = parserOf<T>(model);
  return inputs(model)
    .map((input) => parse(input))
    .filter((result): result is { success: true; data: T } => result.success)
    .map((result) => result.data);
}

/** JSON inputs the model accepts: the data a client would send. */
export function inputs(model: Parseable<unknown>): fc.Arbitrary<unknown> {
  const parse = parserOf(model);
  const doc = documentOf(model);
  const defs = (doc.$defs ?? {}) as { [id: string]: JsonSchemaObject };
  return fromSchema(doc, defs, 0).filter((input) => parse(input).success);
}

/**
 * Inputs the model must refuse: a valid input with one value replaced by one of the wrong type, or one required
 * key taken out. Each is checked to fail, so a property can assert the exact issue it expects.
 */
export function invalid(model: Parseable<unknown>): fc.Arbitrary<unknown> {
  const parse = parserOf(model);
  const doc = documentOf(model);
  const defs = (doc.$defs ?? {}) as { [id: string]: JsonSchemaObject };
  return fc
    .tuple(fromSchema(doc, defs, 0), fc.nat(), fc.constantFrom<unknown>('not valid', { nested: true }, [1, 'x'], null, 1.5, -1))
    .map(([input, at, wrong]) => mutate(input, at, wrong))
    .filter((input) => !parse(input).success);
}

/** `input` with the value at one of its paths (chosen by `at`) replaced by `wrong`, or a key deleted. */
function mutate(input: unknown, at: number, wrong: unknown): unknown {
  const paths: (string | number)[][] = [[]];
  const walk = (value: unknown, path: (string | number)[]): void => {
    if (Array.isArray(value)) value.forEach((item, i) => (paths.push([...path, i]), walk(item, [...path, i])));
    else if (typeof value === 'object' && value !== null) {
      for (const key of Object.keys(value)) {
        paths.push([...path, key]);
        walk((value as Record<string, unknown>)[key], [...path, key]);
      }
    }
  };
  walk(input, []);
  const path = paths[at % paths.length]!;
  if (path.length === 0) return wrong;
  const copy = structuredClone(input) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  // A key taken out (a required field goes missing) as often as a value replaced.
  if (!Array.isArray(parent) && at % 2 === 1) delete parent[last];
  else parent[last] = wrong;
  return copy;
}

function parserOf<T>(model: Parseable<T>): (input: unknown) => SafeParseResult<T> {
  const target = model as { safeParse(input: unknown): SafeParseResult<T> };
  return (input) => target.safeParse(input);
}

function documentOf(model: Parseable<unknown>): JsonSchemaObject {
  if (typeof model === 'function') return jsonSchema(schemaData(model), { mode: 'validation' });
  return model.jsonSchema();
}

type Defs = { readonly [id: string]: JsonSchemaObject };

/** An arbitrary of the JSON values a schema describes (the subset tydantic writes). */
function fromSchema(schema: JsonSchemaObject, defs: Defs, depth: number): fc.Arbitrary<unknown> {
  const ref = schema.$ref;
  if (typeof ref === 'string') {
    const target = defs[decodeURIComponent(ref.slice(ref.lastIndexOf('/') + 1))];
    if (target === undefined) return fc.constant(null);
    return fc.constant(null).chain(() => fromSchema(target, defs, depth + 1));
  }
  if ('const' in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  for (const key of ['anyOf', 'oneOf'] as const) {
    const members = schema[key] as JsonSchemaObject[] | undefined;
    if (members !== undefined) {
      // Deep down, the members that hold no reference, so recursive types end.
      const shallow = depth >= MAX_DEPTH ? members.filter((m) => !JSON.stringify(m).includes('$ref')) : members;
      return fc.oneof(...(shallow.length > 0 ? shallow : members).map((m) => fromSchema(m, defs, depth)));
    }
  }
  const all = schema.allOf as JsonSchemaObject[] | undefined;
  if (all !== undefined && all.length > 0) return fromSchema({ ...all[0], ...schema, allOf: undefined }, defs, depth);
  const type = schema.type;
  if (Array.isArray(type)) return fc.oneof(...type.map((t) => fromSchema({ ...schema, type: t }, defs, depth)));
  switch (type) {
    case 'string':
      return stringOf(schema);
    case 'integer':
    case 'number':
      return numberOf(schema, type === 'integer');
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return arrayOf(schema, defs, depth);
    case 'object':
      return objectOf(schema, defs, depth);
    default:
      // `{}`: any JSON value; `{ not: {} }` (a field that may only be absent) never reaches here.
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function stringOf(schema: JsonSchemaObject): fc.Arbitrary<string> {
  const min = (schema.minLength as number | undefined) ?? 0;
  const max = schema.maxLength as number | undefined;
  const fits = (s: string): boolean => s.length >= min && (max === undefined || s.length <= max);
  const format = schema.format as string | undefined;
  const byFormat: { [format: string]: fc.Arbitrary<string> } = {
    email: fc.emailAddress(),
    uri: fc.webUrl(),
    uuid: fc.uuid(),
    ipv4: fc.ipV4(),
    ipv6: fc.ipV6(),
    date: fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
    'date-time': fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }).map((d) => d.toISOString()),
    time: timeOfDay,
    duration: isoDuration,
    ipv4network: ipv4Network,
    ipv6network: ipv6Network,
    ipv4interface: ipv4Interface,
    ipv6interface: ipv6Interface,
  };
  if (schema.contentEncoding === 'base64' || format === 'byte') return base64Within(min, max);
  if (format !== undefined && byFormat[format] !== undefined) return byFormat[format].filter(fits);
  if (typeof schema.pattern === 'string') return fc.stringMatching(new RegExp(schema.pattern)).filter(fits);
  return fc.string({ minLength: min, ...(max === undefined ? {} : { maxLength: max }) });
}

function numberOf(schema: JsonSchemaObject, integer: boolean): fc.Arbitrary<number> {
  const low = (schema.minimum as number | undefined) ?? (schema.exclusiveMinimum as number | undefined);
  const high = (schema.maximum as number | undefined) ?? (schema.exclusiveMaximum as number | undefined);
  const fits = (n: number): boolean =>
    (schema.minimum === undefined || n >= (schema.minimum as number)) &&
    (schema.maximum === undefined || n <= (schema.maximum as number)) &&
    (schema.exclusiveMinimum === undefined || n > (schema.exclusiveMinimum as number)) &&
    (schema.exclusiveMaximum === undefined || n < (schema.exclusiveMaximum as number));
  const step = schema.multipleOf as number | undefined;
  if (step !== undefined) {
    const from = Math.ceil((low ?? -1e6) / step);
    const to = Math.floor((high ?? 1e6) / step);
    return fc.integer({ min: Math.min(from, to), max: Math.max(from, to) }).map((k) => k * step).filter(fits);
  }
  if (integer) {
    return fc.integer({ min: Math.max(Math.ceil(low ?? -1e9), -1e9), max: Math.min(Math.floor(high ?? 1e9), 1e9) }).filter(fits);
  }
  return fc.double({ noNaN: true, noDefaultInfinity: true, ...(low === undefined ? {} : { min: low }), ...(high === undefined ? {} : { max: high }) }).filter(fits);
}

function arrayOf(schema: JsonSchemaObject, defs: Defs, depth: number): fc.Arbitrary<unknown[]> {
  const prefix = schema.prefixItems as JsonSchemaObject[] | undefined;
  if (prefix !== undefined) {
    const rest = schema.items as JsonSchemaObject | false | undefined;
    const head = fc.tuple(...prefix.map((s) => fromSchema(s, defs, depth + 1)));
    if (rest === undefined || rest === false) return head;
    return fc.tuple(head, fc.array(fromSchema(rest, defs, depth + 1), { maxLength: 3 })).map(([a, b]) => [...a, ...b]);
  }
  const min = (schema.minItems as number | undefined) ?? 0;
  const max = Math.max(min, Math.min((schema.maxItems as number | undefined) ?? 4, depth >= MAX_DEPTH ? min : 4));
  const items = fromSchema((schema.items as JsonSchemaObject | undefined) ?? {}, defs, depth + 1);
  return schema.uniqueItems === true
    ? fc.uniqueArray(items, { minLength: min, maxLength: max, selector: (v) => JSON.stringify(v) })
    : fc.array(items, { minLength: min, maxLength: max });
}

function objectOf(schema: JsonSchemaObject, defs: Defs, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const properties = (schema.properties ?? {}) as { [key: string]: JsonSchemaObject };
  const required = new Set((schema.required as string[] | undefined) ?? []);
  const model: { [key: string]: fc.Arbitrary<unknown> } = {};
  const optional: string[] = [];
  for (const [key, property] of Object.entries(properties)) {
    if (JSON.stringify(property) === '{"not":{}}') continue;
    if (!required.has(key)) {
      // Deep down, optional keys stay out, so recursive types end.
      if (depth >= MAX_DEPTH) continue;
      optional.push(key);
    }
    model[key] = fromSchema(property, defs, depth + 1);
  }
  const known = fc.record(model, { requiredKeys: Object.keys(model).filter((k) => !optional.includes(k)) });
  const extra = schema.additionalProperties;
  if (typeof extra !== 'object' || extra === null || depth >= MAX_DEPTH) return known;
  const keys = fc.string({ minLength: 1, maxLength: 8 }).filter((k) => !(k in properties) && k !== '__proto__');
  return fc
    .tuple(known, fc.dictionary(keys, fromSchema(extra as JsonSchemaObject, defs, depth + 1), { maxKeys: 3 }))
    .map(([a, b]) => ({ ...b, ...a }));
}
