/**
 * Properties over generated inputs: valid values parse to equal data, parse
 * never throws anything but a ValidationError, and a broken field is reported
 * at its location.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ProjectIR } from '../codegen/ir';
import { messageTemplates } from '../src/messages';
import { validCase, toPlain } from './helpers/arbitrary';
import { compileFixture } from './helpers/compile';

let ir: ProjectIR;
let m: Record<string, any>;

beforeAll(async () => {
  const compiled = await compileFixture('basic', 'standard');
  ir = compiled.result.ir;
  m = compiled.exports;
});

const models = ['Address', 'Scalars', 'Optionals', 'Constrained', 'Item', 'Order', 'Unions', 'Tricky', 'Aliased', 'Namespaced', 'ReExported', 'TreeNode', 'Branded', 'Empty', 'Owner', 'Holder', 'Paint', 'Profile', 'Loose', 'Tuples', 'Codes', 'Outcome', 'EventLog', 'Collections', 'ItemPage', 'Catalog', 'Document', 'Coerce', 'SearchForm', 'StrictForm', 'Open', 'ApiUser', 'Shouting', 'Dashed'];

const NUMBER_KEYED = new Set(['Collections']);

describe.each(models)('%s', (name) => {
  it('parses every valid input to the expected data, an instance that `is` accepts and that round-trips through JSON', () => {
    const sameKeys = ir.models.find((model) => model.id === name)!.fields.every((f) => f.validationAlias === f.serializationAlias);
    fc.assert(
      fc.property(validCase(ir, name), ({ input, expected }) => {
        const before = structuredClone(input);
        const result = m[name].safeParse(input);
        if (!result.success) throw new Error(result.error.message);
        expect(toPlain(result.data)).toStrictEqual(expected);
        expect(result.data).toBeInstanceOf(m[name]);
        expect(m[name].is(result.data)).toBe(true);
        // JSON keeps neither -0 nor Date objects: compare what survives it. Map keys
        // come back as strings, which a Map<number, …> refuses until numbers coerce.
        const json = JSON.stringify(result.data);
        // toJSON writes serialization aliases: only where they are the input keys too does its output parse back.
        if (!NUMBER_KEYED.has(name) && sameKeys) expect(JSON.stringify(m[name].parse(JSON.parse(json)))).toBe(json);
        expect(input).toStrictEqual(before);
      }),
      { numRuns: 300 },
    );
  });

  it('gives a result or a ValidationError for any input, never another exception', () => {
    const inputs = fc.oneof(
      fc.anything({ withDate: true, withNullPrototype: true, withObjectString: true, withSparseArray: true }),
      fc.jsonValue(),
      validCase(ir, name).chain(({ input }) =>
        fc.record({ key: fc.constantFrom(...Object.keys(input as object), '__proto__'), value: fc.anything() }).map(
          ({ key, value }) => ({ ...(input as object), [key]: value }),
        ),
      ),
    );
    fc.assert(
      fc.property(inputs, (input) => {
        const strict = m[name].is(input);
        const result = m[name].safeParse(input);
        if (result.success) {
          expect(result.data).toBeInstanceOf(m[name]);
          return;
        }
        expect(strict).toBe(false);
        expect(result.error).toBeInstanceOf(m.ValidationError);
        expect(result.error.issues.length).toBeGreaterThan(0);
        for (const issue of result.error.issues) {
          expect(Object.keys(messageTemplates)).toContain(issue.type);
          expect(Array.isArray(issue.loc)).toBe(true);
          expect(typeof issue.msg).toBe('string');
        }
      }),
      { numRuns: 300 },
    );
  });

  it('reports a broken field at its location', () => {
    // Every field but those of type unknown, which accept anything.
    const fields = ir.models
      .find((model) => model.id === name)!
      .fields.filter((f) => f.type.kind !== 'unknown')
      .map((f) => f.validationAlias ?? f.name);
    if (fields.length === 0) return;
    fc.assert(
      fc.property(validCase(ir, name), fc.constantFrom(...fields), ({ input }, field) => {
        const broken = { ...(input as object) };
        Object.defineProperty(broken, field, { value: () => 0, enumerable: true, writable: true, configurable: true });
        const result = m[name].safeParse(broken);
        expect(result.success).toBe(false);
        expect(result.error.issues.some((issue: { loc: unknown[] }) => issue.loc[0] === field)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});
