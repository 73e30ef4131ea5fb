/**
 * Differential test: the generated dump against the reference interpreter
 * (test/helpers/dump-oracle.ts) on valid instances of every fixture model,
 * with arbitrary options: same keys in the same order, same values.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ProjectIR } from '../codegen/ir';
import { validCase } from './helpers/arbitrary';
import { compileFixture } from './helpers/compile';
import { DumpOracle } from './helpers/dump-oracle';

let ir: ProjectIR;
let m: Record<string, any>;
let oracle: DumpOracle;

beforeAll(async () => {
  const compiled = await compileFixture('basic', 'standard');
  ir = compiled.result.ir;
  m = compiled.exports;
  oracle = new DumpOracle(ir, m.defaultedOf, m.extrasOf);
  for (const model of ir.models) if (!model.generic) oracle.prototypes.set(model.id, m[model.id].prototype);
});

/** A value as an order-sensitive tree: key order, Sets, Maps, Dates and bigints all show. */
function shape(value: unknown): unknown {
  if (value instanceof Date) return ['Date', value.getTime()];
  if (value instanceof RegExp) return ['RegExp', String(value)];
  if (value instanceof Uint8Array) return [Object.getPrototypeOf(value) === Uint8Array.prototype ? 'Uint8Array' : 'Other', [...value]];
  if (typeof value === 'bigint') return ['bigint', String(value)];
  if (value instanceof Set) return ['Set', [...value].map(shape)];
  if (value instanceof Map) return ['Map', [...value].map(([k, v]) => [shape(k), shape(v)])];
  if (Array.isArray(value)) return ['Array', value.map(shape)];
  if (typeof value === 'object' && value !== null) {
    return [Object.getPrototypeOf(value) === Object.prototype ? 'Object' : 'Other', Object.keys(value).map((k) => [k, shape((value as Record<string, unknown>)[k])])];
  }
  return value;
}

/** Include/exclude selections over the fixture's field names, indices and '__all__', nested two levels. */
function selections(keys: readonly string[]): fc.Arbitrary<unknown> {
  const key = fc.constantFrom(...keys, '__all__', '0', '1');
  const leaf = fc.oneof(fc.constant(true), fc.constant(false), fc.array(fc.oneof(fc.constantFrom(...keys), fc.integer({ min: 0, max: 2 })), { maxLength: 3 }));
  const inner = fc.oneof(leaf, fc.dictionary(key, leaf, { maxKeys: 3 }));
  return fc.oneof(fc.constant(undefined), fc.array(fc.constantFrom(...keys), { maxLength: 4 }), fc.dictionary(key, inner, { maxKeys: 4 }));
}

const models = ['Address', 'Scalars', 'Optionals', 'Order', 'Unions', 'Tricky', 'TreeNode', 'Loose', 'Tuples', 'Outcome', 'EventLog', 'Collections', 'ItemPage', 'Catalog', 'Money', 'Invoice', 'Document', 'Open', 'ApiUser', 'Shouting', 'Dashed', 'Applicant', 'Caller', 'Sender', 'Receiver', 'Wide'];

describe('generated dump agrees with the interpreter', () => {
  it.each(models)('%s', (name) => {
    const keys = [...new Set(ir.models.flatMap((model) => [...model.fields, ...(model.computed ?? [])].map((f) => f.name)))];
    const options = fc.record(
      {
        mode: fc.constantFrom('js', 'json'),
        byAlias: fc.boolean(),
        include: selections(keys),
        exclude: selections(keys),
        excludeUnset: fc.boolean(),
        excludeDefaults: fc.boolean(),
        excludeNone: fc.boolean(),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(validCase(ir, name), options, ({ input }, opts) => {
        const x = m[name].parse(input);
        expect(shape(x.dump(opts))).toEqual(shape(oracle.dump(name, x, opts as never)));
      }),
      { numRuns: 300 },
    );
  });
});
