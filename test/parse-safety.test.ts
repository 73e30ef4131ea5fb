/** Extra and hostile keys, the `is` guard, input never mutated: both decorator modes. */
import { beforeAll, describe, expect, it } from 'vitest';
import { compileFixture } from './helpers/compile';
import { modes, useBasicFixture } from './helpers/fixture';

describe.each(modes)('%s decorators', (mode) => {
  const { m, issuesOf } = useBasicFixture(mode);

  describe('extra keys and hostile keys', () => {
    const tricky = { id: 'i', valueOf: 'v', 'with space': true };

    it('ignores extra keys by default: they never reach the instance', () => {
      const out = m().Address.parse({ street: 's', zip: '12345', admin: true, __proto__: { polluted: true } });
      expect(Object.keys(out)).toEqual(['street', 'zip']);
      expect((out as any).polluted).toBeUndefined();
      expect(Object.getPrototypeOf(out)).toBe(m().Address.prototype);
    });

    it('forbids extra keys on extra: forbid models, and per call', () => {
      expect(issuesOf('Tricky', { ...tricky, extra: 1 })).toEqual([
        { type: 'extra_forbidden', loc: ['extra'], msg: 'Extra inputs are not permitted', input: 1 },
      ]);
      expect(m().Tricky.parse({ ...tricky, extra: 1 }, { extra: 'ignore' })).toBeInstanceOf(m().Tricky);
      expect(() => m().Address.parse({ street: 's', zip: '12345', admin: true }, { extra: 'forbid' })).toThrow(
        'admin\n  Extra inputs are not permitted',
      );
    });

    it('reads own keys only: inherited Object.prototype members are not input', () => {
      expect(issuesOf('Tricky', { id: 'i', 'with space': true })).toEqual([
        { type: 'missing', loc: ['valueOf'], msg: 'Field required', input: { id: 'i', 'with space': true } },
      ]);
      const out = m().Tricky.parse({ ...tricky, toString: 5 });
      expect(Object.keys(out)).toEqual(['id', 'version', 'valueOf', 'toString', 'with space']);
      expect(out.version).toBe(1);
    });

    it('treats a __proto__ key as data, never as a prototype', () => {
      const input = JSON.parse('{"id":"i","valueOf":"v","with space":true,"__proto__":"p"}');
      const out = m().Tricky.parse(input);
      expect(Object.getPrototypeOf(out)).toBe(m().Tricky.prototype);
      expect(Object.getOwnPropertyDescriptor(out, '__proto__')?.value).toBe('p');
      expect(Object.getOwnPropertyDescriptor(out.toJSON(), '__proto__')?.value).toBe('p');
      expect(issuesOf('Tricky', JSON.parse('{"id":"i","valueOf":"v","with space":true,"__proto__":{"a":1}}'))).toEqual([
        { type: 'string_type', loc: ['__proto__'], msg: 'Input should be a valid string', input: { a: 1 } },
      ]);
    });

    it('keeps keys with quotes, backslashes and line separators intact', () => {
      const out = m().Tricky.parse({ ...tricky, 'quote"back\\slash': 'q', 'line\u2028sep': 'x\u2029y' });
      expect(out['quote"back\\slash']).toBe('q');
      expect(out['line\u2028sep']).toBe('x\u2029y');
      expect(issuesOf('Tricky', { ...tricky, 'line\u2028sep': 'xy' })[0]).toMatchObject({
        loc: ['line\u2028sep'],
        msg: "Input should be 'x\u2029y'",
      });
    });
  });

  describe('is', () => {
    it('is strict: exact types, defaults present, Dates as Date objects', () => {
      const out = m().Order.parse({
        id: 'o',
        items: [{ sku: 'a', quantity: 1 }],
        shipTo: { street: 's', zip: '12345' },
        placedAt: '2024-01-01',
      });
      expect(m().Order.is(out)).toBe(true);
      expect(m().Order.is({ ...out })).toBe(true);
      expect(m().Order.is({ ...out, placedAt: '2024-01-01' })).toBe(false);
      const { tags: _tags, ...withoutDefault } = out;
      expect(m().Order.is(withoutDefault)).toBe(false);
      expect(m().Order.is({ ...out, items: [{ sku: 'a', quantity: 1, extra: 1 }] })).toBe(false);
      expect(m().Order.is({ ...out, extra: 1 })).toBe(true);
      expect(m().Order.is(null)).toBe(false);
    });

    it('works detached from the class', () => {
      const { is, parse } = m().Address;
      expect(is({ street: 's', zip: '12345' })).toBe(true);
      expect(parse({ street: 's', zip: '12345' })).toBeInstanceOf(m().Address);
    });
  });

  describe('input and output', () => {
    it('never mutates the input', () => {
      const input = deepFreeze({
        id: 'o',
        items: [{ sku: 'a', quantity: 1 }],
        shipTo: { street: 's', zip: '12345' },
        notes: ['n'],
        placedAt: new Date(0),
      });
      const snapshot = structuredClone(input);
      const out = m().Order.parse(input);
      expect(input).toEqual(snapshot);
      expect(out.notes).not.toBe(input.notes);
      expect(out.items[0]).not.toBe(input.items[0]);
      expect(out.placedAt).not.toBe(input.placedAt);
    });
  });
  describe('robustness', () => {
    it('handles a model without fields, and a model subclass with its own validator', () => {
      expect(m().Empty.parse({})).toBeInstanceOf(m().Empty);
      expect(issuesOf('Empty', { a: 1 })).toEqual([
        { type: 'extra_forbidden', loc: ['a'], msg: 'Extra inputs are not permitted', input: 1 },
      ]);
      expect(m().Empty.is({})).toBe(true);
      expect(m().Empty.parse({}).toJSON()).toEqual({});
      expect(m().Sub.parse({ extra: 'x' })).toBeInstanceOf(m().Sub);
    });

    it('refuses to run a parent validator for a subclass that has none', () => {
      class Unlinked extends m().Address {}
      expect(() => Unlinked.parse({ street: 's', zip: '12345' })).toThrow(/^Unlinked is not a model/);
      expect(() => Unlinked.is({})).toThrow(/^Unlinked is not a model/);
    });

    it('reports input nested deeper than maxDepth as too_deep where the limit falls, and `is` agrees on it', () => {
      // `levels` TreeNodes nested through `parent`.
      const chain = (levels: number): Record<string, unknown> => {
        let node: Record<string, unknown> = { name: 'leaf', children: [] };
        for (let i = 1; i < levels; i++) node = { name: 'x', children: [], parent: node };
        return node;
      };
      expect(m().TreeNode.parse(chain(256))).toBeInstanceOf(m().TreeNode);
      expect(m().TreeNode.is(chain(256))).toBe(true);
      expect(m().TreeNode.is(chain(257))).toBe(false);
      const deep = chain(20_000);
      const at = Array.from({ length: 256 }, () => 'parent');
      const inner = at.reduce<any>((node, key) => node[key], deep);
      expect(issuesOf('TreeNode', deep)).toEqual([
        { type: 'too_deep', loc: at, msg: 'Input should be nested at most 256 levels deep', input: inner, ctx: { max_depth: 256 } },
      ]);
      expect(m().TreeNode.is(deep)).toBe(false);
    });

    it('lets an exception thrown while reading the input reach the caller as it is, a RangeError too', () => {
      const input = { name: 'root', children: [] as unknown[] };
      Object.defineProperty(input, 'parent', { enumerable: true, get: () => { throw new RangeError('from a getter'); } });
      expect(() => m().TreeNode.parse(input)).toThrow(new RangeError('from a getter'));
      expect(() => m().TreeNode.safeParse(input)).toThrow(RangeError);
      expect(() => m().TreeNode.is(input)).toThrow(RangeError);
      const trap = new Proxy({}, { get: () => { throw new TypeError('from a Proxy'); } });
      expect(() => m().TreeNode.parse({ name: 'root', children: [trap] })).toThrow(new TypeError('from a Proxy'));
    });

    it('reports a cyclic input as recursion_loop where the cycle closes; `is` is false for it', () => {
      const cyclic: Record<string, unknown> = { name: 'a' };
      cyclic['parent'] = cyclic;
      expect(issuesOf('TreeNode', cyclic)).toEqual([
        { type: 'recursion_loop', loc: ['parent'], msg: 'Recursion error - cyclic reference detected', input: cyclic },
      ]);
      expect(m().TreeNode.is(cyclic)).toBe(false);
      const a: Record<string, unknown> = { name: 'a', children: [] };
      const b = { name: 'b', children: [a] };
      a['parent'] = b;
      expect(issuesOf('TreeNode', b)).toEqual([
        { type: 'recursion_loop', loc: ['children', 0, 'parent'], msg: 'Recursion error - cyclic reference detected', input: b },
      ]);
      // The same object twice but not inside itself is no cycle.
      const leaf = { name: 'leaf' };
      expect(m().TreeNode.parse({ name: 'root', children: [leaf, leaf] }).children).toHaveLength(2);
    });

    it('makes the generated check the static `is` itself, and guards only recursive models against the stack', () => {
      // No wrapper between `Address.is(x)` and the checks: the static is the generated function.
      expect(m().Address.is.name).toBe('is_Address');
      // A recursive model's wrapper passes its `this` on: a subclass without code of its own is refused there too.
      class SubTree extends m().TreeNode {}
      expect(() => SubTree.is({ id: 1, label: 'a', children: [] })).toThrow(/^SubTree is not a model/);
      // Recursive by itself, and through recursive types that are not models: `is` is false for input nested too deep.
      let json: unknown = 1;
      for (let i = 0; i < 20_000; i++) json = [json];
      expect(m().Document.is({ data: json, categories: [], list: null })).toBe(false);
      expect(m().Document.is({ data: [[1]], categories: [], list: null })).toBe(true);
    });

    it('treats an object that only inherits from Date.prototype as an invalid Date', () => {
      const fake = Object.create(Date.prototype);
      const order = { id: 'o', items: [{ sku: 'a', quantity: 1 }], shipTo: { street: 's', zip: '12345' }, placedAt: fake };
      expect(m().Order.is({ ...order, tags: [], labels: [], matrix: [], notes: [], counts: [], status: 'open' })).toBe(false);
      expect(issuesOf('Order', order)).toEqual([
        {
          type: 'datetime_parsing',
          loc: ['placedAt'],
          msg: 'Input should be a valid datetime, invalid Date object',
          input: fake,
          ctx: { error: 'invalid Date object' },
        },
      ]);
    });

    it('does not count inherited enumerable keys as extra', () => {
      const input = Object.create({ inherited: true });
      Object.assign(input, { sku: 'a', quantity: 1 });
      expect(m().Item.parse(input)).toBeInstanceOf(m().Item);
      expect(m().Item.is(input)).toBe(true);
    });

    it('reports too many items before parsing any of them', () => {
      const pair = Array.from({ length: 100_000 }, () => ({}));
      const input = { name: 'ab', code: 'x', open: 1, closed: 1, five: 5, tenth: 1, count: 1, pair, described: true };
      expect(issuesOf('Constrained', input)).toEqual([
        {
          type: 'too_long',
          loc: ['pair'],
          msg: 'List should have at most 2 items after validation, not 100000',
          input: pair,
          ctx: { field_type: 'List', max_length: 2, actual_length: 100000 },
        },
      ]);
    });

    it('keeps the error message short for huge inputs', () => {
      const junk = new Array(1_000_000).fill(0);
      const error = m().Address.safeParse({ street: junk }).error;
      expect(error.issues.length).toBe(2);
      expect(error.message).toBe(
        [
          '2 validation errors for Address',
          'street',
          '  Input should be a valid string [type=string_type, input=[0, 0, 0, 0, 0, 0, 0, 0, ...]]',
          'zip',
          // A missing field's input is the object it is missing from: never printed (it may be all of process.env).
          '  Field required [type=missing]',
        ].join('\n'),
      );
    });
  });
});

describe('the static `is` of unusual models', () => {
  let x: Record<string, any>;
  beforeAll(async () => {
    const index = [
      "import { Model, model } from 'tydantic';",
      '/** Recursive only through its map keys. */',
      '@model()',
      'export class Key extends Model {',
      '  name!: string;',
      '  next?: Map<Key, number>;',
      '}',
      '@model()',
      'export class KeyHolder extends Model {',
      '  m!: Map<Key, number>;',
      '}',
      '/** A discriminated union whose member holds the union. */',
      '@model()',
      'export class Twig extends Model {',
      "  kind!: 'twig';",
      '  size!: number;',
      '}',
      '@model()',
      'export class Bough extends Model {',
      "  kind!: 'bough' | 'limb';",
      '  kids!: (Twig | Bough)[];',
      '}',
      '/** A depth limit of its own. */',
      '@model({ maxDepth: 3 })',
      'export class Shallow extends Model {',
      '  name!: string;',
      '  next?: Shallow;',
      '}',
      '/** Named as the generated check names its input. */',
      '@model()',
      'export class v extends Model {',
      '  a!: string;',
      '}',
    ].join('\n');
    x = (await compileFixture('basic', 'standard', { index })).exports;
  });

  it('guards a model recursive only through map keys, and a model that holds it, against the stack', () => {
    const cyclic: Record<string, unknown> = { name: 'a' };
    cyclic['next'] = new Map([[cyclic, 1]]);
    expect(x['Key'].is(cyclic)).toBe(false);
    expect(x['KeyHolder'].is({ m: new Map([[cyclic, 1]]) })).toBe(false);
    expect(x['Key'].is({ name: 'a', next: new Map([[{ name: 'b' }, 1]]) })).toBe(true);
    expect(x['KeyHolder'].is({ m: new Map([[{ name: 'b', next: new Map() }, 1]]) })).toBe(true);
  });

  it('compiles and checks a discriminated union whose member holds the union', () => {
    const tree = { kind: 'bough', kids: [{ kind: 'twig', size: 1 }, { kind: 'limb', kids: [{ kind: 'twig', size: 2 }] }] };
    expect(x['Bough'].is(tree)).toBe(true);
    expect(x['Bough'].is({ kind: 'bough', kids: [{ kind: 'limb', kids: [{ kind: 'twig', size: 'x' }] }] })).toBe(false);
    const parsed = x['Bough'].parse(tree);
    expect(parsed.kids[1]).toBeInstanceOf(x['Bough']);
    expect(parsed.kids[1].kids[0]).toBeInstanceOf(x['Twig']);
    expect(parsed.toJSON()).toEqual(tree);
    let deep: unknown = { kind: 'twig', size: 1 };
    for (let i = 0; i < 20_000; i++) deep = { kind: 'bough', kids: [deep] };
    expect(x['Bough'].is(deep)).toBe(false);
  });

  it('takes the depth limit of @model({ maxDepth }), in is and parse alike', () => {
    const chain = (levels: number): Record<string, unknown> => {
      let node: Record<string, unknown> = { name: 'last' };
      for (let i = 1; i < levels; i++) node = { name: `n${i}`, next: node };
      return node;
    };
    expect(x['Shallow'].is(chain(3))).toBe(true);
    expect(x['Shallow'].parse(chain(3)).next.next.name).toBe('last');
    expect(x['Shallow'].is(chain(4))).toBe(false);
    const deep = chain(4);
    expect(x['Shallow'].safeParse(deep).error.issues).toEqual([
      { type: 'too_deep', loc: ['next', 'next', 'next'], msg: 'Input should be nested at most 3 levels deep', input: { name: 'last' }, ctx: { max_depth: 3 } },
    ]);
  });

  it("checks a model whose class is named like the check's input", () => {
    expect(x['v'].is({ a: 'x' })).toBe(true);
    expect(x['v'].is({ a: 1 })).toBe(false);
    class W extends x['v'] {}
    expect(() => (W as any).is({ a: 'x' })).toThrow(/^W is not a model/);
  });
});

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !(value instanceof Date)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

