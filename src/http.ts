/**
 * What every web framework integration shares: request parts parsed into models, query strings and forms
 * read as pydantic and FastAPI read them, and failures answered as FastAPI answers them (HTTP 422,
 * `{ detail: [{ type, loc, msg, input, ctx }] }`, each `loc` starting with the part of the request).
 */
import { type Issue, type JsonIssue, ValidationError } from './errors';
import type { JsonSchemaObject } from './json-schema';
import { renderMessage, templateOf } from './messages';
import type { Model, ParseOptions, SafeParseResult } from './model';

/** Any model class. */
export type ModelClass<T extends Model = Model> = abstract new (...args: never[]) => T;

/** The part of a request a value came from, as the first item of each issue's `loc`. */
export type RequestPart = 'body' | 'query' | 'path' | 'header' | 'cookie';

/** One issue of a 422 answer: an issue of the error's `toJSON()`, its `loc` prefixed by the request part. */
export type HttpIssue = JsonIssue;

/** The body of a 422 answer, as FastAPI writes it. */
export interface HttpValidationError {
  /** Every issue of every request part that failed. */
  detail: HttpIssue[];
}

/** The HTTP status of a request that failed validation (FastAPI's). */
export const UNPROCESSABLE = 422;

/** The 422 body for a failed parse of one request part. */
export function errorBody(error: ValidationError, part: RequestPart): HttpValidationError {
  return { detail: error.toJSON().issues.map((item) => ({ ...item, loc: [part, ...item.loc] })) };
}

/**
 * The 422 body for a request whose JSON body does not parse (`json_invalid`, pydantic's message); `reason` is
 * the parser's message. The body text itself is not repeated.
 */
export function jsonInvalidBody(reason: string): HttpValidationError {
  const ctx = { error: reason };
  return { detail: [{ type: 'json_invalid', loc: ['body'], msg: renderMessage(templateOf('json_invalid', undefined) ?? 'Invalid JSON: {error}', ctx), ctx }] };
}

/**
 * A request without a body where a model is expected: FastAPI's `missing` at `['body']`. A failed parse of a
 * present body otherwise.
 */
export function parsePart<T extends Model>(model: ModelClass<T>, part: RequestPart, input: unknown, options?: ParseOptions): SafeParseResult<T> {
  if (part === 'body' && (input === undefined || input === null)) {
    const issue: Issue = { type: 'missing', loc: [], msg: renderMessage(templateOf('missing', undefined) ?? 'Field required', {}), input };
    return { success: false, error: new ValidationError(model.name, [issue]) };
  }
  const source = part === 'query' || part === 'header' || part === 'cookie' ? multiValues(model, input) : input;
  return (model as unknown as typeof Model).safeParse(source, options) as SafeParseResult<T>;
}

/** A query string, a form or a record of values, one or several per key (Express's, Fastify's, Hono's `queries()`). */
export type MultiValues = URLSearchParams | FormData | { readonly [key: string]: unknown };

/**
 * Query strings and forms as FastAPI reads them: a field whose schema takes an array gets every value of its
 * key (`?tag=a` is `['a']`, `?tag=a&tag=b` is `['a', 'b']`); any other field gets the key's last value. Values
 * stay strings: a lax model parses `'5'` as 5 and `'true'` as true.
 */
export function multiValues(model: ModelClass, input: unknown): unknown {
  if (typeof input !== 'object' || input === null) return input;
  const lists = listFields(model);
  const out: Record<string, unknown> = {};
  const put = (key: string, value: unknown): void => {
    if (key === '__proto__') return;
    const many = Array.isArray(value);
    if (lists.has(key)) out[key] = many ? value : key in out ? [...(out[key] as unknown[]), value] : [value];
    else out[key] = many ? value[value.length - 1] : value;
  };
  if (input instanceof URLSearchParams || (typeof FormData === 'function' && input instanceof FormData)) {
    for (const [key, value] of (input as URLSearchParams).entries()) put(key, value);
  } else {
    for (const key of Object.keys(input)) put(key, (input as Record<string, unknown>)[key]);
  }
  return out;
}

const LIST_FIELDS = new WeakMap<ModelClass, ReadonlySet<string>>();

/** The input keys (by alias) of a model whose schema takes an array. */
function listFields(model: ModelClass): ReadonlySet<string> {
  let keys = LIST_FIELDS.get(model);
  if (keys === undefined) {
    const schema = (model as unknown as typeof Model).jsonSchema();
    const defs = (schema.$defs ?? {}) as { [id: string]: JsonSchemaObject };
    const properties = (schema.properties ?? {}) as { [key: string]: JsonSchemaObject };
    keys = new Set(Object.keys(properties).filter((key) => takesArray(properties[key]!, defs, 0)));
    LIST_FIELDS.set(model, keys);
  }
  return keys;
}

function takesArray(schema: JsonSchemaObject, defs: { [id: string]: JsonSchemaObject }, depth: number): boolean {
  if (depth > 8) return false;
  const type = schema.type;
  if (type === 'array' || (Array.isArray(type) && type.includes('array'))) return true;
  const ref = schema.$ref;
  if (typeof ref === 'string' && ref.startsWith('#/$defs/')) {
    const target = defs[ref.slice('#/$defs/'.length)];
    if (target !== undefined && takesArray(target, defs, depth + 1)) return true;
  }
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
    const members = schema[key];
    if (Array.isArray(members) && members.some((member) => takesArray(member as JsonSchemaObject, defs, depth + 1))) return true;
  }
  return false;
}
