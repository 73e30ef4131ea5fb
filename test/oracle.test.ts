/**
 * Differential test: the generated `is` and `parse` against the reference
 * interpreter, on valid inputs, mutated ones and arbitrary values. They must
 * agree on accept/reject, on every issue's type and location, and on the
 * output (key order, absent vs undefined, -0).
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ProjectIR } from '../codegen/ir';
import { toPlain, validCase } from './helpers/arbitrary';
import { boundaries, paths, replaced } from './helpers/mutate';
import { compileFixture } from './helpers/compile';
import { Oracle } from './helpers/oracle';

let ir: ProjectIR;
let m: Record<string, any>;
let oracle: Oracle;

beforeAll(async () => {
  const compiled = await compileFixture('basic', 'standard');
  ir = compiled.result.ir;
  m = compiled.exports;
  oracle = new Oracle(ir);
});

function junk(name: string): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.constantFrom(null, undefined, '', 'x', 'a@b.co', -0, 1.5, Number.NaN, true, [], {}, new Date(Number.NaN), '2024-01-01', '12', ' 1_0.0 ', 'yes', '1e3', 1700000000),
    { arbitrary: fc.constantFrom(...boundaries(ir.models.find((model) => model.id === name))), weight: 2 },
    fc.anything({ maxDepth: 2 }),
  );
}

describe('generated code agrees with the interpreter', () => {
  const names = ['Scalars', 'Optionals', 'Constrained', 'Order', 'Unions', 'Tricky', 'TreeNode', 'Branded', 'Owner', 'Holder', 'Empty', 'Sub', 'Paint', 'Profile', 'Loose', 'Tuples', 'Codes', 'Outcome', 'EventLog', 'Collections', 'ItemPage', 'Catalog', 'Document', 'Coerce', 'SearchForm', 'StrictForm', 'Open', 'ApiUser', 'Shouting', 'Dashed', 'Applicant', 'Caller', 'Money', 'Invoice', 'Sender', 'Receiver', 'Wide'];
  it.each(names)('%s', (name) => {
    const mutated = validCase(ir, name).chain(({ input }) =>
      fc.tuple(fc.constantFrom(...paths(input)), junk(name)).map(([path, by]) => replaced(input, path, by)),
    );
    const inputs = fc.oneof(
      validCase(ir, name).map((c) => c.input),
      { arbitrary: mutated, weight: 3 },
      fc.anything({ withDate: true, withNullPrototype: true }),
    );
    fc.assert(
      fc.property(inputs, fc.constantFrom(undefined, { strict: true }, { strict: false }), (input, options) => {
        expect(m[name].is(input)).toBe(oracle.is(name, input));
        // The call's strictness too: lax conversions, and strict mode where neither model nor field decides.
        const result = m[name].safeParse(input, options);
        const expected = oracle.parse(name, input, options ?? {});
        if (expected.ok) {
          if (!result.success) throw new Error(result.error.message);
          expect(toPlain(result.data, m.extrasOf)).toStrictEqual(expected.value);
        } else {
          expect(result.success).toBe(false);
          expect(result.error.issues.map((i: any) => ({ type: i.type, loc: i.loc }))).toStrictEqual(expected.issues);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
