import { describe, expect, it } from 'vitest';
import type { FieldIR, ModelIR, ProjectIR, TypeNode } from '../ir';
import { componentSchemas, modelSchema, SCHEMA_TARGETS, schemaClosure, type SchemaOptions } from './schema';

const loc = { file: 'm.ts', line: 1, column: 1 };

function f(name: string, type: TypeNode, extra: Partial<FieldIR> = {}): FieldIR {
  return { name, type, optional: false, loc, ...extra };
}

function m(id: string, fields: FieldIR[], extra: Partial<ModelIR> = {}): ModelIR {
  return { id, name: id, module: 'm.ts', exportName: id, extra: 'ignore', fields, loc, ...extra };
}

const str: TypeNode = { kind: 'string', constraints: [] };
const num: TypeNode = { kind: 'number', constraints: [] };
const int: TypeNode = { kind: 'number', constraints: [{ kind: 'int' }] };

const validation: SchemaOptions = { target: 'draft-2020-12', mode: 'validation' };

/** The schema of one field's type, for each target. */
function typeIn(type: TypeNode, options: SchemaOptions = validation, models: ModelIR[] = []): unknown {
  const ir: ProjectIR = { models: [m('T', [f('x', type)]), ...models], definitions: [] };
  const doc = options.target.startsWith('openapi') ? componentSchemas(ir, ['T'], options).T : modelSchema(ir, 'T', options);
  return (doc as { properties: { x: unknown } }).properties.x;
}

const Tag = (tag: string): ModelIR => m(`${tag[0]!.toUpperCase()}${tag.slice(1)}`, [f('kind', { kind: 'literal', values: [tag] }), f('n', int)]);

describe('modelSchema', () => {
  const address = m('Address', [f('street', str), f('zip', { kind: 'string', constraints: [{ kind: 'pattern', source: '^[0-9]{5}$', flags: '' }] })], {
    description: 'A postal address.',
  });
  const order = m(
    'Order',
    [
      f('id', str, { description: 'Order number.', docs: { examples: ['A-1'] } }),
      f('shipTo', { kind: 'model', ref: 'Address' }, { description: 'Where to.' }),
      f('billTo', { kind: 'nullable', type: { kind: 'model', ref: 'Address' } }, { optional: true }),
      f('tags', { kind: 'array', items: str, constraints: [{ kind: 'maxItems', value: 3 }] }, { default: [] }),
      f('placedAt', { kind: 'date' }),
      f('note', str, { optional: true, docs: { deprecated: 'use notes' } }),
    ],
    { extra: 'forbid' },
  );
  const ir: ProjectIR = { models: [address, order], definitions: [] };

  it('puts the model at the root and referenced models under $defs, with required only the fields parse needs', () => {
    expect(modelSchema(ir, 'Order', validation)).toMatchInlineSnapshot(`
      {
        "$defs": {
          "Address": {
            "description": "A postal address.",
            "properties": {
              "street": {
                "type": "string",
              },
              "zip": {
                "pattern": "^[0-9]{5}$",
                "type": "string",
              },
            },
            "required": [
              "street",
              "zip",
            ],
            "title": "Address",
            "type": "object",
          },
        },
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "additionalProperties": false,
        "properties": {
          "billTo": {
            "anyOf": [
              {
                "$ref": "#/$defs/Address",
              },
              {
                "type": "null",
              },
            ],
          },
          "id": {
            "description": "Order number.",
            "examples": [
              "A-1",
            ],
            "type": "string",
          },
          "note": {
            "deprecated": true,
            "description": "Deprecated: use notes",
            "type": "string",
          },
          "placedAt": {
            "format": "date-time",
            "type": "string",
          },
          "shipTo": {
            "$ref": "#/$defs/Address",
            "description": "Where to.",
          },
          "tags": {
            "default": [],
            "items": {
              "type": "string",
            },
            "maxItems": 3,
            "type": "array",
          },
        },
        "required": [
          "id",
          "shipTo",
          "placedAt",
        ],
        "title": "Order",
        "type": "object",
      }
    `);
  });

  it('requires defaulted fields in serialization mode', () => {
    expect(modelSchema(ir, 'Order', { target: 'draft-2020-12', mode: 'serialization' }).required).toEqual(['id', 'shipTo', 'tags', 'placedAt']);
  });

  it('writes draft-07 definitions and wraps a $ref that has annotations', () => {
    const doc = modelSchema(ir, 'Order', { target: 'draft-07', mode: 'validation' });
    const { properties, definitions } = doc as { properties: Record<string, unknown>; definitions: Record<string, unknown> };
    expect(doc.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(doc.$defs).toBeUndefined();
    expect(Object.keys(definitions)).toEqual(['Address']);
    expect(properties.shipTo).toEqual({ allOf: [{ $ref: '#/definitions/Address' }], description: 'Where to.' });
    expect(properties.billTo).toEqual({ anyOf: [{ $ref: '#/definitions/Address' }, { type: 'null' }] });
    expect(properties.id).toEqual({ type: 'string', description: 'Order number.', examples: ['A-1'] });
  });

  it('writes OpenAPI 3.0 components with nullable and example', () => {
    expect(componentSchemas(ir, ['Order'], { target: 'openapi-3.0', mode: 'validation' })).toMatchInlineSnapshot(`
      {
        "Address": {
          "description": "A postal address.",
          "properties": {
            "street": {
              "type": "string",
            },
            "zip": {
              "pattern": "^[0-9]{5}$",
              "type": "string",
            },
          },
          "required": [
            "street",
            "zip",
          ],
          "title": "Address",
          "type": "object",
        },
        "Order": {
          "additionalProperties": false,
          "properties": {
            "billTo": {
              "anyOf": [
                {
                  "$ref": "#/components/schemas/Address",
                },
                {
                  "enum": [
                    null,
                  ],
                  "nullable": true,
                },
              ],
            },
            "id": {
              "description": "Order number.",
              "example": "A-1",
              "type": "string",
            },
            "note": {
              "deprecated": true,
              "description": "Deprecated: use notes",
              "type": "string",
            },
            "placedAt": {
              "format": "date-time",
              "type": "string",
            },
            "shipTo": {
              "allOf": [
                {
                  "$ref": "#/components/schemas/Address",
                },
              ],
              "description": "Where to.",
            },
            "tags": {
              "default": [],
              "items": {
                "type": "string",
              },
              "maxItems": 3,
              "type": "array",
            },
          },
          "required": [
            "id",
            "shipTo",
            "placedAt",
          ],
          "title": "Order",
          "type": "object",
        },
      }
    `);
  });

  it('lists a recursive root model under $defs too, its own definition first, and each other model once', () => {
    const tree = m('Tree', [f('children', { kind: 'array', items: { kind: 'model', ref: 'Tree' }, constraints: [] }), f('leaf', { kind: 'model', ref: 'Leaf' }, { optional: true })]);
    const leaf = m('Leaf', [f('up', { kind: 'model', ref: 'Tree' }, { optional: true }), f('next', { kind: 'model', ref: 'Leaf' }, { optional: true })]);
    const ir: ProjectIR = { models: [tree, leaf], definitions: [] };
    const doc = modelSchema(ir, 'Tree', validation);
    expect(doc.properties).toEqual({ children: { type: 'array', items: { $ref: '#/$defs/Tree' } }, leaf: { $ref: '#/$defs/Leaf' } });
    expect(Object.keys(doc.$defs as object)).toEqual(['Tree', 'Leaf']);
    expect((doc.$defs as Record<string, { properties: unknown }>).Leaf?.properties).toEqual({ up: { $ref: '#/$defs/Tree' }, next: { $ref: '#/$defs/Leaf' } });
    expect(schemaClosure(ir, 'Tree')).toEqual({ ids: ['Tree', 'Leaf'], recursive: true });
    expect(schemaClosure({ models: [leaf, m('Solo', [f('l', { kind: 'model', ref: 'Leaf' })]), tree], definitions: [] }, 'Solo')).toEqual({ ids: ['Solo', 'Leaf', 'Tree'], recursive: false });
    expect(Object.keys(modelSchema(ir, 'Tree', { target: 'draft-07', mode: 'validation' }).definitions as object)).toEqual(['Tree', 'Leaf']);
  });

  it('keeps a field named __proto__ as a property', () => {
    const doc = modelSchema({ models: [m('P', [f('__proto__', str)])], definitions: [] }, 'P', validation);
    expect(Object.keys(doc.properties as object)).toEqual(['__proto__']);
    expect(JSON.parse(JSON.stringify(doc)).required).toEqual(['__proto__']);
  });

  it('has no standalone document for OpenAPI targets', () => {
    expect(() => modelSchema(ir, 'Order', { target: 'openapi-3.1', mode: 'validation' })).toThrow(/componentSchemas/);
  });
});

describe('types', () => {
  it('maps number constraints per target', () => {
    const bounded: TypeNode = { kind: 'number', constraints: [{ kind: 'int' }, { kind: 'gt', value: 0 }, { kind: 'le', value: 10 }, { kind: 'multipleOf', value: 2 }] };
    expect(typeIn(bounded)).toEqual({ type: 'integer', exclusiveMinimum: 0, maximum: 10, multipleOf: 2 });
    expect(typeIn(bounded, { target: 'openapi-3.0', mode: 'validation' })).toEqual({ type: 'integer', minimum: 0, exclusiveMinimum: true, maximum: 10, multipleOf: 2 });
  });

  it('puts a second bound of one kind into allOf', () => {
    const twice: TypeNode = { kind: 'string', constraints: [{ kind: 'maxLength', value: 12 }, { kind: 'format', format: 'email' }, { kind: 'maxLength', value: 8 }] };
    expect(typeIn(twice)).toEqual({ type: 'string', maxLength: 12, format: 'email', allOf: [{ maxLength: 8 }] });
  });

  it('writes formats under their JSON Schema names and patterns without flags', () => {
    const url: TypeNode = { kind: 'string', constraints: [{ kind: 'format', format: 'url' }] };
    expect(typeIn(url)).toEqual({ type: 'string', format: 'uri' });
    const folded: TypeNode = { kind: 'string', constraints: [{ kind: 'pattern', source: '^[a-z]+x$', flags: 'i' }] };
    expect(typeIn(folded)).toEqual({ type: 'string', pattern: '^[a-zA-Z]+[xX]$' });
  });

  it('writes literals as const or enum with their type', () => {
    expect(typeIn({ kind: 'literal', values: ['a'] })).toEqual({ type: 'string', const: 'a' });
    expect(typeIn({ kind: 'literal', values: ['a'] }, { target: 'openapi-3.0', mode: 'validation' })).toEqual({ type: 'string', enum: ['a'] });
    expect(typeIn({ kind: 'literal', values: [1, 2.5] })).toEqual({ type: ['integer', 'number'], enum: [1, 2.5] });
    expect(typeIn({ kind: 'literal', values: [1, 'x'] }, { target: 'openapi-3.0', mode: 'validation' })).toEqual({ enum: [1, 'x'] });
  });

  it('writes nullable types without anyOf where a type list does', () => {
    const lit: TypeNode = { kind: 'nullable', type: { kind: 'literal', values: ['a'] } };
    expect(typeIn(lit)).toEqual({ type: ['string', 'null'], enum: ['a', null] });
    expect(typeIn(lit, { target: 'openapi-3.0', mode: 'validation' })).toEqual({ type: 'string', enum: ['a', null], nullable: true });
    const union: TypeNode = { kind: 'nullable', type: { kind: 'union', members: [str, num] } };
    expect(typeIn(union)).toEqual({ anyOf: [{ anyOf: [{ type: 'string' }, { type: 'number' }] }, { type: 'null' }] });
    expect(typeIn(union, { target: 'openapi-3.0', mode: 'validation' })).toEqual({
      anyOf: [{ anyOf: [{ type: 'string' }, { type: 'number' }] }, { nullable: true, enum: [null] }],
    });
    expect(typeIn({ kind: 'nullable', type: { kind: 'unknown' } })).toEqual({});
    expect(typeIn({ kind: 'null' }, { target: 'openapi-3.0', mode: 'validation' })).toEqual({ nullable: true, enum: [null] });
  });

  it('writes tuples as prefixItems, an items array, or a looser array in OpenAPI 3.0', () => {
    const tuple: TypeNode = { kind: 'tuple', elements: [str, int], required: 1, rest: { kind: 'boolean' } };
    expect(typeIn(tuple)).toEqual({ type: 'array', prefixItems: [{ type: 'string' }, { type: 'integer' }], items: { type: 'boolean' }, minItems: 1 });
    expect(typeIn(tuple, { target: 'draft-07', mode: 'validation' })).toEqual({
      type: 'array',
      items: [{ type: 'string' }, { type: 'integer' }],
      additionalItems: { type: 'boolean' },
      minItems: 1,
    });
    expect(typeIn(tuple, { target: 'openapi-3.0', mode: 'validation' })).toEqual({
      type: 'array',
      items: { anyOf: [{ type: 'string' }, { type: 'integer' }, { type: 'boolean' }] },
      minItems: 1,
    });
    expect(typeIn({ kind: 'tuple', elements: [str], required: 1 })).toEqual({ type: 'array', prefixItems: [{ type: 'string' }], minItems: 1, maxItems: 1 });
  });

  it('writes bigint, Date, Set, Map and undefined in their JSON form', () => {
    expect(typeIn({ kind: 'bigint' })).toEqual({ type: 'string', pattern: '^-?[0-9]+$' });
    expect(typeIn({ kind: 'date' })).toEqual({ type: 'string', format: 'date-time' });
    expect(typeIn({ kind: 'set', items: str })).toEqual({ type: 'array', items: { type: 'string' } });
    expect(typeIn({ kind: 'set', items: str }, { target: 'draft-2020-12', mode: 'serialization' })).toEqual({ type: 'array', items: { type: 'string' }, uniqueItems: true });
    expect(typeIn({ kind: 'map', key: int, value: { kind: 'date' } })).toEqual({
      type: 'object',
      additionalProperties: { type: 'string', format: 'date-time' },
      propertyNames: { pattern: '^-?(0|[1-9][0-9]*)$' },
    });
    expect(typeIn({ kind: 'map', key: str, value: num }, { target: 'openapi-3.0', mode: 'validation' })).toEqual({ type: 'object', additionalProperties: { type: 'number' } });
    expect(typeIn({ kind: 'undefined' })).toEqual({ not: {} });
  });

  it('writes object types inline, with index signatures as additionalProperties', () => {
    const object: TypeNode = { kind: 'object', fields: [f('a', num), f('b', str, { optional: true })], extra: 'forbid' };
    expect(typeIn(object)).toEqual({ type: 'object', properties: { a: { type: 'number' }, b: { type: 'string' } }, required: ['a'], additionalProperties: false });
    expect(typeIn({ ...object, rest: num })).toMatchObject({ additionalProperties: { type: 'number' } });
  });

  it('writes discriminated unions as oneOf, with a discriminator mapping in OpenAPI', () => {
    const models = [Tag('cat'), Tag('dog')];
    const union: TypeNode = { kind: 'union', members: [{ kind: 'model', ref: 'Cat' }, { kind: 'model', ref: 'Dog' }], discriminator: 'kind' };
    expect(typeIn(union, validation, models)).toEqual({ oneOf: [{ $ref: '#/$defs/Cat' }, { $ref: '#/$defs/Dog' }] });
    expect(typeIn(union, { target: 'openapi-3.1', mode: 'validation' }, models)).toEqual({
      oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }],
      discriminator: { propertyName: 'kind', mapping: { cat: '#/components/schemas/Cat', dog: '#/components/schemas/Dog' } },
    });
    expect(typeIn({ kind: 'union', members: [str, int] })).toEqual({ anyOf: [{ type: 'string' }, { type: 'integer' }] });
  });

  it('is deterministic for every target', () => {
    for (const target of SCHEMA_TARGETS) {
      const run = (): string => JSON.stringify(componentSchemas({ models: [Tag('cat')], definitions: [] }, ['Cat'], { target, mode: 'validation' }));
      expect(run()).toBe(run());
    }
  });
});
