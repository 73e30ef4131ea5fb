/**
 * The JSON Schemas of the test suite's models: each is valid for its draft's
 * metaschema (OpenAPI components for their OpenAPI version), and ajv compiled
 * from the draft 2020-12 schema agrees with `M.is` on generated, mutated and
 * arbitrary inputs.
 */
import { Validator } from '@seriousme/openapi-schema-validator';
import Ajv from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { fullFormats } from 'ajv-formats/dist/formats';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { componentSchemas, modelSchema, SCHEMA_TARGETS, type SchemaMode } from '../codegen/emit/schema';
import type { ProjectIR } from '../codegen/ir';
import { isMultipleOf } from '../src/runtime';
import { isDateString, isDuration, isEmail, isIPv4, isIPv4Interface, isIPv4Network, isIPv6, isIPv6Interface, isIPv6Network, isTimeString, isUrl, isUuid } from '../src/formats/strings';
import { validCase } from './helpers/arbitrary';
import { boundaries, paths, replaced } from './helpers/mutate';
import { compileFixture } from './helpers/compile';
import { jsonImage } from './helpers/json-image';

let ir: ProjectIR;
let m: Record<string, any>;

beforeAll(async () => {
  const compiled = await compileFixture('basic', 'standard');
  ir = compiled.result.ir;
  m = compiled.exports;
});

const MODES: SchemaMode[] = ['validation', 'serialization'];

describe('every schema of the suite validates against its metaschema', () => {
  it.each(MODES)('draft 2020-12 and draft-07, %s mode', (mode) => {
    const ajv2020 = addFormats(new Ajv2020({ strict: false }));
    const ajv07 = addFormats(new Ajv({ strict: false }));
    for (const model of ir.models) {
      const doc2020 = modelSchema(ir, model.id, { target: 'draft-2020-12', mode });
      expect(ajv2020.validateSchema(doc2020), `${model.id}: ${ajv2020.errorsText()}`).toBe(true);
      const doc07 = modelSchema(ir, model.id, { target: 'draft-07', mode });
      expect(ajv07.validateSchema(doc07), `${model.id}: ${ajv07.errorsText()}`).toBe(true);
      // Compiling resolves every $ref and pattern.
      expect(() => ajv2020.compile(doc2020)).not.toThrow();
      expect(() => ajv07.compile(doc07)).not.toThrow();
    }
  });

  it.each(MODES)('OpenAPI 3.0 and 3.1 components, %s mode', async (mode) => {
    const ids = ir.models.map((model) => model.id);
    for (const [target, openapi] of [['openapi-3.0', '3.0.3'], ['openapi-3.1', '3.1.0']] as const) {
      const schemas = componentSchemas(ir, ids, { target, mode });
      const doc = { openapi, info: { title: 'suite', version: '1' }, paths: {}, components: { schemas } };
      const result = await new Validator().validate(doc);
      expect(result.errors ?? [], target).toEqual([]);
      expect(result.valid).toBe(true);
    }
    // OpenAPI 3.1 Schema Objects are draft 2020-12 schemas (plus `discriminator`): check each against that metaschema too.
    const ajv2020 = new Ajv2020({ strict: false });
    for (const [id, schema] of Object.entries(componentSchemas(ir, ids, { target: 'openapi-3.1', mode }))) {
      expect(ajv2020.validateSchema(schema as object), `${id}: ${ajv2020.errorsText()}`).toBe(true);
    }
  });

  it('rejects what is not a schema (the check can fail)', async () => {
    const ajv2020 = new Ajv2020({ strict: false });
    expect(ajv2020.validateSchema({ type: 'array', prefixItems: {} })).toBe(false);
    const doc = { openapi: '3.0.3', info: { title: 't', version: '1' }, paths: {}, components: { schemas: { A: { type: ['string', 'null'] } } } };
    expect((await new Validator().validate(doc)).valid).toBe(false);
  });

  it('gives every target its own dialect', () => {
    const texts = SCHEMA_TARGETS.map((target) =>
      JSON.stringify(target.startsWith('openapi') ? componentSchemas(ir, ['Tuples'], { target, mode: 'validation' }) : modelSchema(ir, 'Tuples', { target, mode: 'validation' })),
    );
    expect(new Set(texts).size).toBe(SCHEMA_TARGETS.length);
  });
});

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

function isPlainObject(value: unknown): boolean {
  return isObject(value) && !Array.isArray(value) && !(value instanceof Date) && !(value instanceof Set) && !(value instanceof Map);
}

/** The value at a path. */
function at(value: unknown, path: readonly (string | number)[]): unknown {
  return path.reduce<unknown>((v, key) => (v as Record<string | number, unknown>)[key], value);
}

/** A copy of an object without one own key (on a null prototype if the original had one). */
function without(value: object, key: string): object {
  const copy = Object.create(Object.getPrototypeOf(value)) as Record<string, unknown>;
  for (const k of Object.keys(value)) {
    if (k !== key) Object.defineProperty(copy, k, { value: (value as Record<string, unknown>)[k], enumerable: true, writable: true, configurable: true });
  }
  return copy;
}

const JUNK = fc.oneof(
  fc.constantFrom(null, undefined, '', 'x', 'a@b.co', '2024-01-01', '2024-01-01T00:00:00Z', '12', -0, 1.5, 0, 1, 10, 100, Number.NaN, true, [], {}, [1], new Date(0), new Date(Number.NaN), 5n, new Set(['a']), new Map([['a', 1]])),
  fc.anything({ maxDepth: 2 }),
);

describe('ajv on the draft 2020-12 schema agrees with M.is', () => {
  const names = ['Address', 'Scalars', 'Optionals', 'Constrained', 'Item', 'Order', 'Unions', 'Tricky', 'Aliased', 'Namespaced', 'ReExported', 'TreeNode', 'Branded', 'Empty', 'Sub', 'Owner', 'Holder', 'Paint', 'Profile', 'Loose', 'Tuples', 'Codes', 'Outcome', 'EventLog', 'Collections', 'ItemPage', 'Catalog', 'Document', 'Coerce', 'SearchForm', 'StrictForm', 'Open', 'Sender', 'Receiver', 'Wide'];
  // Not here: models with aliases (ApiUser, Shouting, Dashed). Their validation schema describes input keys
  // (aliases), while `is` checks the model's own shape (field names): the two judge different objects by design.

  it.each(names)('%s', (name) => {
    const ajv = new Ajv2020({
      strict: false,
      // JSON objects have only own keys: an inherited `toString` is no field.
      ownProperties: true,
      // JSON cannot carry NaN or ±Infinity, and `is` rejects them.
      strictNumbers: true,
      // Decided on purpose, documented in docs/json-schema.md: tydantic counts UTF-16 code units, JSON Schema
      // code points, and compiles patterns without the `u` flag unless it was written.
      unicode: false,
      unicodeRegExp: false,
      // The formats are checked with tydantic's own functions: ajv-formats draws some edge cases elsewhere
      // (e.g. which URL schemes and email local parts pass), which is a difference of format checkers, not of schemas.
      formats: {
        email: isEmail, uri: isUrl, uuid: isUuid, ipv4: isIPv4, ipv6: isIPv6, date: isDateString, time: isTimeString, duration: isDuration,
        ipv4network: isIPv4Network, ipv6network: isIPv6Network, ipv4interface: isIPv4Interface, ipv6interface: isIPv6Interface,
        'date-time': fullFormats['date-time'], regex: fullFormats.regex,
      },
    });
    // multipleOf is checked as `is` checks it, documented in docs/json-schema.md: exactly for an integer step,
    // with 1e-9 of floating-point error allowed in the quotient for a fractional one (0.3 is a multiple of 0.1).
    ajv.removeKeyword('multipleOf');
    ajv.addKeyword({ keyword: 'multipleOf', type: 'number', schemaType: 'number', validate: (step: number, x: number) => (Number.isInteger(step) ? x % step === 0 : isMultipleOf(x, step)) });
    const validate = ajv.compile(modelSchema(ir, name, { target: 'draft-2020-12', mode: 'validation' }));
    // The output shape (`expected`): what `is` accepts, with Dates, bigints, Sets and Maps as such.
    const valid = validCase(ir, name).map((c) => c.expected);
    const junk = fc.oneof(JUNK, fc.constantFrom(...boundaries(ir.models.find((model) => model.id === name))));
    const mutated = valid.chain((input) => fc.tuple(fc.constantFrom(...paths(input)), junk).map(([path, by]) => replaced(input, path, by)));
    // An unknown key added to an object anywhere: extra 'forbid' and index signatures must see it.
    const extended = valid.chain((input) =>
      fc.tuple(fc.constantFrom(...paths(input).filter((path) => isPlainObject(at(input, path)))), fc.constantFrom('extra', 'r_1'), JUNK).map(([path, key, by]) =>
        replaced(input, path, { ...(at(input, path) as object), [key]: by }),
      ),
    );
    const inputs = fc.oneof(valid, { arbitrary: mutated, weight: 3 }, { arbitrary: extended, weight: 2 }, fc.anything({ withDate: true, withNullPrototype: true }));
    let compared = 0;
    fc.assert(
      fc.property(inputs, (generated) => {
        let input = generated;
        // ajv skips a property named __proto__ (and calls it an extra key): the test leaves that key out.
        if (isObject(input) && Object.hasOwn(input, '__proto__')) input = without(input, '__proto__');
        const accepted = m[name].is(input);
        const image = jsonImage(ir, name, input);
        if (image.exotic) return;
        // Values with no JSON form at their place (a string for a Date, an array for a Set, a defaulted
        // field left out) are never output-shaped: `is` rejects them and the schema cannot say so.
        if (image.noJson) {
          expect(accepted).toBe(false);
          return;
        }
        compared++;
        expect(validate(image.value), JSON.stringify(validate.errors)).toBe(accepted);
      }),
      { numRuns: 400 },
    );
    expect(compared).toBeGreaterThan(200);
  });
});

describe('M.jsonSchema() and openApiComponents() at run time', () => {
  it('return what the emitter writes, for every linked model, target and mode', () => {
    for (const model of ir.models.filter((x) => x.generic === undefined)) {
      for (const target of SCHEMA_TARGETS) {
        for (const mode of MODES) {
          for (const byAlias of [true, false]) {
            const options = { target, mode, byAlias };
            const expected = target.startsWith('openapi') ? componentSchemas(ir, [model.id], options)[model.id] : modelSchema(ir, model.id, options);
            expect(m[model.exportName].jsonSchema(options), `${model.id} ${target} ${mode} ${byAlias}`).toStrictEqual(expected);
          }
        }
      }
    }
    expect(m.Order.jsonSchema()).toStrictEqual(modelSchema(ir, 'Order', { target: 'draft-2020-12', mode: 'validation' }));
  });

  it('keys properties by alias (validation or serialization alias), or by field name with byAlias: false', () => {
    const keys = (options: object): string[] => Object.keys(m.ApiUser.jsonSchema(options).properties);
    expect(keys({})).toEqual(['first_name', 'firstName', 'mail', 'email', 'years', 'age', 'tags']);
    expect(m.ApiUser.jsonSchema().allOf).toEqual([
      { anyOf: [{ required: ['first_name'] }, { required: ['firstName'] }] },
      { anyOf: [{ required: ['mail'] }, { required: ['email'] }] },
    ]);
    expect(keys({ mode: 'serialization' })).toEqual(['first_name', 'mail', 'age_years', 'tags']);
    expect(keys({ byAlias: false })).toEqual(['firstName', 'email', 'age', 'tags']);
    expect(m.ApiUser.jsonSchema({ byAlias: false }).required).toEqual(['firstName', 'email']);
  });

  it('lists computed fields in serialization mode only, read-only and required', () => {
    const output = m.Invoice.jsonSchema({ mode: 'serialization' });
    expect(output.properties.lineCount).toEqual({ type: 'number', readOnly: true, description: 'How many lines the invoice has.' });
    expect(output.properties.status).toEqual({ type: 'string', enum: ['paid', 'open'], readOnly: true, description: 'Paid or open' });
    expect(output.required.slice(-2)).toEqual(['lineCount', 'status']);
    expect(m.Invoice.jsonSchema().properties.lineCount).toBeUndefined();
  });

  it('returns a fresh object on every call', () => {
    const first = m.TreeNode.jsonSchema();
    first.properties.name.type = 'number';
    first.$defs.TreeNode.title = 'changed';
    expect(m.TreeNode.jsonSchema().properties.name).toEqual({ type: 'string' });
    expect(m.TreeNode.jsonSchema().$defs.TreeNode.title).toBe('TreeNode');
    expect(first.properties).not.toBe(first.$defs.TreeNode.properties);
  });

  it('rejects an unknown target', () => {
    expect(() => m.Order.jsonSchema({ target: 'draft-04' })).toThrow(new TypeError("unknown JSON Schema target 'draft-04'"));
    expect(() => m.openApiComponents([m.Order], { target: 'draft-07' })).toThrow(new TypeError("'draft-07' is not an OpenAPI target"));
  });

  it('openApiComponents merges the models and those they reference, each once, keyed by id', () => {
    const schemas = m.openApiComponents([m.Order, m.Owner, m.Address]);
    expect(Object.keys(schemas)).toEqual(['Order', 'Item', 'Address', 'Owner', 'Cat', 'Dog']);
    expect(schemas).toStrictEqual(componentSchemas(ir, ['Order', 'Owner', 'Address'], { target: 'openapi-3.1', mode: 'validation' }));
    expect(m.openApiComponents([m.Scalars], { target: 'openapi-3.0', mode: 'serialization' })).toStrictEqual(
      componentSchemas(ir, ['Scalars'], { target: 'openapi-3.0', mode: 'serialization' }),
    );
    class Plain {}
    expect(() => m.openApiComponents([Plain])).toThrow('Plain has no schema: run `npx tydantic generate`');
  });
});

describe('the OpenAPI example of docs/json-schema.md', () => {
  it.each([['openapi-3.0', '3.0.3'], ['openapi-3.1', '3.1.0']] as const)('is a valid %s document', async (target, openapi) => {
    const document = {
      openapi,
      info: { title: 'Orders', version: '1.0.0' },
      paths: {
        '/orders': {
          post: {
            requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Order' } } } },
            responses: { '201': { description: 'Created' } },
          },
        },
      },
      components: { schemas: m.openApiComponents([m.Order], { target }) },
    };
    const result = await new Validator().validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(Object.keys(document.components.schemas)).toEqual(['Order', 'Item', 'Address']);
  });
});

describe('Standard JSON Schema', () => {
  it('~standard.jsonSchema gives the validation schema as input and the serialization schema as output', () => {
    const standard = m.Order['~standard'];
    expect({ version: standard.version, vendor: standard.vendor }).toEqual({ version: 1, vendor: 'tydantic' });
    expect(standard.jsonSchema.input({ target: 'draft-2020-12' })).toStrictEqual(modelSchema(ir, 'Order', { target: 'draft-2020-12', mode: 'validation' }));
    expect(standard.jsonSchema.output({ target: 'draft-07' })).toStrictEqual(modelSchema(ir, 'Order', { target: 'draft-07', mode: 'serialization' }));
    expect(standard.jsonSchema.input({ target: 'openapi-3.0' })).toStrictEqual(componentSchemas(ir, ['Order'], { target: 'openapi-3.0', mode: 'validation' }).Order);
    expect(() => standard.jsonSchema.input({ target: 'draft-04' })).toThrow(TypeError);
  });
});
