/**
 * Keyword-level pieces of the JSON Schema emitter: leaf types, constraints,
 * tuples and null, written the way each target says them. Pure functions of
 * their arguments; `schema.ts` walks the IR and calls them.
 */
import { assertNever, type JsonValue, type LiteralValue, type NumberConstraint, type StringConstraint, type StringFormat, type TypeNode } from '../ir';
import type { JsonSchema, SchemaTarget } from './schema';
import { schemaPattern } from './schema-pattern';

const FORMATS: Record<StringFormat, string> = {
  email: 'email',
  url: 'uri',
  httpUrl: 'uri',
  uuid: 'uuid',
  ipv4: 'ipv4',
  ipv6: 'ipv6',
  date: 'date',
  time: 'time',
  duration: 'duration',
  // pydantic's names: JSON Schema has no network formats, and validators ignore formats they do not know.
  ipv4Network: 'ipv4network',
  ipv6Network: 'ipv6network',
  ipv4Interface: 'ipv4interface',
  ipv6Interface: 'ipv6interface',
};

/** A decimal integer, as a bigint is written in JSON. */
export const BIGINT_PATTERN = '^-?[0-9]+$';
/** `String(n)` of a finite number: the keys of a `Map<number, …>` in JSON. */
const NUMBER_KEY_PATTERN = '^-?(0|[1-9][0-9]*)(\\.[0-9]+)?(e[+-][0-9]+)?$';
/** `String(n)` of an integer below 1e21. */
const INT_KEY_PATTERN = '^-?(0|[1-9][0-9]*)$';

/** Adds keywords to a schema; a keyword already there (two bounds of one kind) goes into `allOf` instead. */
export function put(schema: JsonSchema, keywords: JsonSchema): void {
  if (Object.keys(keywords).every((k) => !(k in schema))) {
    Object.assign(schema, keywords);
    return;
  }
  schema.allOf = [...((schema.allOf as JsonValue[] | undefined) ?? []), keywords];
}

/** `type: 'string'` and its constraints. */
export function stringSchema(constraints: readonly StringConstraint[]): JsonSchema {
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
      case 'after':
      case 'from':
      case 'before':
      case 'until':
      case 'past':
      case 'future':
        // JSON Schema has no bounds on dates (as for Dates).
        break;
      default:
        assertNever(c);
    }
  }
  return out;
}

/** `type: 'number'` or `'integer'` and its constraints. */
export function numberSchema(target: SchemaTarget, constraints: readonly NumberConstraint[]): JsonSchema {
  const out: JsonSchema = { type: constraints.some((k) => k.kind === 'int') ? 'integer' : 'number' };
  const bool = target === 'openapi-3.0';
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

/** `const` or `enum`, with the values' JSON type. */
export function literalSchema(target: SchemaTarget, values: readonly LiteralValue[]): JsonSchema {
  const types = [...new Set(values.map(jsonType))];
  const out: JsonSchema = {};
  if (types.length === 1) out.type = types[0]!;
  else if (target !== 'openapi-3.0') out.type = types;
  // OpenAPI 3.0 has no `const`.
  if (values.length === 1 && target !== 'openapi-3.0') out.const = values[0]!;
  else out.enum = [...values];
  return out;
}

function jsonType(value: LiteralValue): string {
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** What a Map key looks like as a JSON object key; undefined when any string fits. */
export function keySchema(key: TypeNode): JsonSchema | undefined {
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

/** The array keywords of a tuple, given its element and rest schemas. */
export function tupleSchema(target: SchemaTarget, elements: JsonSchema[], rest: JsonSchema | undefined, required: number): JsonSchema {
  const out: JsonSchema = { type: 'array' };
  switch (target) {
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
      assertNever(target);
  }
  if (required > 0) out.minItems = required;
  if (rest === undefined) out.maxItems = elements.length;
  return out;
}

/** `T | null` the way each target says it: a `type` list, 3.0's `nullable`, or `anyOf` only where there is no type to extend. */
export function nullable(target: SchemaTarget, schema: JsonSchema): JsonSchema {
  if (Object.keys(schema).length === 0) return schema;
  const { type } = schema;
  if (target === 'openapi-3.0') {
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
