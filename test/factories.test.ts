/**
 * Default factories (issue 18, item 1): an initializer that is not literal data (`crypto.randomUUID()`,
 * `new Date()`, `new Map()`, a call) is evaluated on each parse that needs it, by constructing the class once;
 * JSON Schema shows no default for it; `construct` fills it too.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { compileFixture, diagnosticsOf } from './helpers/compile';
import { modes } from './helpers/fixture';

describe.each(modes)('default factories (%s decorators)', (mode) => {
  let x: Record<string, any>;
  let code: string;
  beforeAll(async () => {
    const compiled = await compileFixture('factories', mode);
    x = compiled.exports;
    code = compiled.result.code;
  });

  it('evaluates the initializers anew on each parse that lacks a value', () => {
    const before = Date.now();
    const [a, b] = [x.Order.parse({}), x.Order.parse({})];
    expect(a.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a.id).not.toBe(b.id);
    expect(a.createdAt).toBeInstanceOf(Date);
    expect(a.createdAt.getTime()).toBeGreaterThanOrEqual(before);
    expect(a.items).toBeInstanceOf(Map);
    expect(a.items).not.toBe(b.items);
    // One new instance per parse: the user function ran once for each.
    expect(b.number).toBe(a.number + 1);
    expect(a.dump({ excludeUnset: true })).toEqual({});
  });

  it('keeps given values, validates them, and builds no instance when every computed field is given', () => {
    const given = { id: 'order-1', createdAt: '2026-01-02T03:04:05Z', items: { pen: '2' }, number: '7' };
    const order = x.Order.parse(given);
    expect(order.dump({ mode: 'json' })).toEqual({ id: 'order-1', createdAt: '2026-01-02T03:04:05.000Z', items: { pen: 2 }, number: 7, tags: [] });
    const next = x.Order.parse({}).number;
    expect(x.Order.parse(given).number).toBe(7);
    expect(x.Order.parse({}).number).toBe(next + 1);
    expect(x.Order.safeParse({ number: 0 }).error.issues.map((i: any) => [i.type, i.loc])).toEqual([['greater_than_equal', ['number']]]);
  });

  it('fills computed defaults in construct, and shows none in JSON Schema (fields not required)', () => {
    const built = x.Order.construct({ note: 'n' });
    expect(typeof built.id).toBe('string');
    expect(built.items).toBeInstanceOf(Map);
    const schema = x.Order.jsonSchema();
    expect(schema.required).toBeUndefined();
    expect(schema.properties.id).toEqual({ type: 'string' });
    expect(schema.properties.tags).toEqual({ type: 'array', items: { type: 'string' }, default: [] });
    expect(x.Order.is(x.Order.parse({}))).toBe(true);
    expect(x.Order.is({ tags: [] })).toBe(false);
  });

  it('writes the factory as a read of one new instance per parse', () => {
    expect(code).toContain('let t1: any;');
    expect(code).toContain('const o1: any = v1 === undefined ? (t1 ??= new Order()).id : p_');
  });
});

describe('computed defaults the compile step refuses', () => {
  it('refuses an initializer that reads this, and a class whose constructor takes arguments', () => {
    const diagnostics = diagnosticsOf('factories-bad', [
      "import { Model, model } from 'tydantic';",
      '@model()',
      'export class Derived extends Model {',
      '  a = 1;',
      '  b: number = this.a * 2;',
      '}',
      '@model()',
      'export class Built extends Model {',
      '  at: Date = new Date();',
      '  constructor(seed: number) {',
      '    super();',
      '    console.log(seed);',
      '  }',
      '}',
    ]);
    expect(diagnostics).toEqual([
      "models.ts:5:3 - error: Derived.b: the default 'this.a * 2' reads this: parse evaluates it on a blank instance, not on the parsed one\n  hint: compute it from the other fields in a getter (@computed()) or an after model validator",
      "models.ts:9:3 - error: Built.at: the default 'new Date()' is computed, which parse does by constructing the class, and its constructor takes arguments\n  hint: give the constructor no required parameters, or make the default literal data",
    ]);
  });
});
