/**
 * `tydantic/testing` (issue 18, item 7): arbitraries of valid instances and of inputs that must fail, derived
 * from each model's JSON Schema and checked against its parse, for the examples' models, the basic fixture's
 * and a validator<T>().
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { arbitrary, inputs, invalid } from '../src/testing';
import { compileFixture } from './helpers/compile';

const SEEDED = { seed: 17, numRuns: 100 };

describe('arbitrary and invalid', () => {
  let examples: Record<string, any>;
  let basic: Record<string, any>;
  let validators: Record<string, any>;
  beforeAll(async () => {
    const index = "export * from './models/address';\nexport * from './models/order';\nexport * from './config';\nexport * from './service/models';\n";
    examples = (await compileFixture('examples', 'standard', { index })).exports;
    basic = (await compileFixture('basic', 'standard')).exports;
    validators = (await compileFixture('validators', 'standard')).exports;
  });

  const EXAMPLES = ['Address', 'CreateOrder', 'OrderItem', 'AppConfig', 'DatabaseConfig', 'BookTickets', 'Booking', 'BookingPage', 'BookingQuery'];

  it.each(EXAMPLES)('%s: every value is an instance that is() accepts, and every invalid input fails', (name) => {
    const M = examples[name];
    fc.assert(fc.property(arbitrary(M), (x: any) => x instanceof M && M.is(x)), SEEDED);
    // Refused with located issues, and the error names the model.
    fc.assert(
      fc.property(invalid(M), (input) => {
        const { error } = M.safeParse(input);
        return error.issues.length > 0 && error.message.startsWith(`${error.issues.length} validation error`) && error.message.includes(` for ${name}`);
      }),
      SEEDED,
    );
  });

  it('breaks inputs both ways: a key taken out (missing) and a value of the wrong type', () => {
    const types = new Set(fc.sample(invalid(examples.CreateOrder), { seed: 9, numRuns: 60 }).flatMap((input) => examples.CreateOrder.safeParse(input).error.issues.map((i: any) => i.type)));
    expect(types).toContain('missing');
    expect([...types].some((t) => t.endsWith('_type') || t.endsWith('_parsing'))).toBe(true);
  });

  it('covers the basic fixture: formats, unions, recursion, records, tuples, sets and maps', () => {
    for (const name of ['Scalars', 'Optionals', 'Constrained', 'Unions', 'TreeNode', 'Branded', 'Tuples', 'Collections', 'Document', 'Invoice']) {
      const M = basic[name];
      fc.assert(fc.property(arbitrary(M), (x: any) => M.is(x)), { seed: 5, numRuns: 30 });
    }
  });

  it('gives JSON inputs a client would send, and values of a validator', () => {
    const sample = fc.sample(inputs(examples.CreateOrder), { seed: 3, numRuns: 5 });
    for (const input of sample) expect(JSON.parse(JSON.stringify(input))).toEqual(input);
    fc.assert(fc.property(arbitrary(validators.Users), (users: any) => users.every((u: unknown) => u instanceof validators.User)), SEEDED);
    const tags = fc.sample(invalid(validators.Tags), { seed: 4, numRuns: 20 });
    expect(tags.every((input) => validators.Tags.safeParse(input).error.issues.length > 0)).toBe(true);
  });
});
