/**
 * Every type and constraint, accepted and rejected with the exact issues,
 * through the whole pipeline, under both decorator modes.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { compileFixture, type DecoratorMode } from './helpers/compile';

const modes: DecoratorMode[] = ['standard', 'legacy'];

describe.each(modes)('%s decorators', (mode) => {
  let m: Record<string, any>;
  beforeAll(async () => {
    m = (await compileFixture('basic', mode)).exports;
  });

  /** The issues `parse` reports for `input`, without the messages' rendering details. */
  const issuesOf = (model: string, input: unknown): unknown[] => {
    const result = m[model].safeParse(input);
    expect(result.success).toBe(false);
    return result.error.issues;
  };

  const scalars = {
    s: 'text',
    n: 1.5,
    b: false,
    nothing: null,
    letter: 'b',
    level: 3,
    yes: true,
    when: '2024-02-29T12:30:00+02:00',
  };

  describe('scalars', () => {
    it('parses valid input to an instance with the same data', () => {
      const out = m.Scalars.parse(scalars);
      expect(out).toBeInstanceOf(m.Scalars);
      expect({ ...out }).toEqual({ ...scalars, when: new Date(Date.UTC(2024, 1, 29, 10, 30)) });
      expect(Object.keys(out)).toEqual(Object.keys(scalars));
    });

    it('accepts a Date instance and copies it', () => {
      const when = new Date(0);
      const out = m.Scalars.parse({ ...scalars, when });
      expect(out.when).toEqual(when);
      expect(out.when).not.toBe(when);
    });

    it('reports one issue per wrong field, with pydantic types and messages', () => {
      const input = { s: 1, n: '1', b: 'true', nothing: 0, letter: 'c', level: 4, yes: false, when: 5 };
      expect(issuesOf('Scalars', input)).toEqual([
        { type: 'string_type', loc: ['s'], msg: 'Input should be a valid string', input: 1 },
        { type: 'float_type', loc: ['n'], msg: 'Input should be a valid number', input: '1' },
        { type: 'bool_type', loc: ['b'], msg: 'Input should be a valid boolean', input: 'true' },
        { type: 'none_required', loc: ['nothing'], msg: 'Input should be null', input: 0 },
        {
          type: 'literal_error',
          loc: ['letter'],
          msg: "Input should be 'a' or 'b'",
          input: 'c',
          ctx: { expected: "'a' or 'b'" },
        },
        { type: 'literal_error', loc: ['level'], msg: 'Input should be 1, 2 or 3', input: 4, ctx: { expected: '1, 2 or 3' } },
        { type: 'literal_error', loc: ['yes'], msg: 'Input should be true', input: false, ctx: { expected: 'true' } },
        { type: 'datetime_type', loc: ['when'], msg: 'Input should be a valid datetime', input: 5 },
      ]);
    });

    it('reports every missing field with the whole object as input', () => {
      const input = {};
      expect(issuesOf('Scalars', input)).toEqual(
        ['s', 'n', 'b', 'nothing', 'letter', 'level', 'yes', 'when'].map((key) => ({
          type: 'missing',
          loc: [key],
          msg: 'Field required',
          input,
        })),
      );
    });

    it('rejects NaN and infinities as finite_number', () => {
      for (const n of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
        expect(issuesOf('Scalars', { ...scalars, n })).toEqual([
          { type: 'finite_number', loc: ['n'], msg: 'Input should be a finite number', input: n },
        ]);
      }
    });

    it('reports invalid datetimes with the parser detail', () => {
      expect(issuesOf('Scalars', { ...scalars, when: '2023-02-29' })).toEqual([
        {
          type: 'datetime_from_date_parsing',
          loc: ['when'],
          msg: 'Input should be a valid datetime or date, day value is outside expected range',
          input: '2023-02-29',
          ctx: { error: 'day value is outside expected range' },
        },
      ]);
      expect(issuesOf('Scalars', { ...scalars, when: '2023-01-01T25:00:00Z' })).toEqual([
        {
          type: 'datetime_parsing',
          loc: ['when'],
          msg: 'Input should be a valid datetime, hour value is outside expected range of 0-23',
          input: '2023-01-01T25:00:00Z',
          ctx: { error: 'hour value is outside expected range of 0-23' },
        },
      ]);
      const bad = new Date(Number.NaN);
      expect(issuesOf('Scalars', { ...scalars, when: bad })).toEqual([
        {
          type: 'datetime_parsing',
          loc: ['when'],
          msg: 'Input should be a valid datetime, invalid Date object',
          input: bad,
          ctx: { error: 'invalid Date object' },
        },
      ]);
    });

    it('rejects anything but a plain object as model_type', () => {
      for (const input of [null, undefined, 'x', 1, [], [scalars]]) {
        expect(issuesOf('Scalars', input)).toEqual([
          {
            type: 'model_type',
            loc: [],
            msg: 'Input should be a valid dictionary or instance of Scalars',
            input,
            ctx: { class_name: 'Scalars' },
          },
        ]);
      }
    });
  });

  describe('optional and nullable', () => {
    it('keeps absent and undefined optional fields absent', () => {
      const out = m.Optionals.parse({ nullable: null, orUndefined: undefined });
      expect(Object.keys(out)).toEqual(['nullable']);
      expect(out.nullable).toBeNull();
      expect('question' in out).toBe(false);
    });

    it('keeps present values in declaration order', () => {
      const out = m.Optionals.parse({ flag: true, both: null, nullable: 'n', orUndefined: 'u', question: 'q' });
      expect(Object.entries(out)).toEqual([
        ['question', 'q'],
        ['orUndefined', 'u'],
        ['nullable', 'n'],
        ['both', null],
        ['flag', true],
      ]);
    });

    it('requires a nullable field without ? and reports the inner type error', () => {
      expect(issuesOf('Optionals', { both: 'x', question: null })).toEqual([
        { type: 'string_type', loc: ['question'], msg: 'Input should be a valid string', input: null },
        { type: 'missing', loc: ['nullable'], msg: 'Field required', input: { both: 'x', question: null } },
        { type: 'float_type', loc: ['both'], msg: 'Input should be a valid number', input: 'x' },
      ]);
    });
  });

  describe('constraints', () => {
    const valid = {
      name: 'ab',
      code: 'XyZ',
      open: 9.99,
      closed: 10,
      five: -15,
      tenth: 0.3,
      count: 3,
      pair: ['a', 'b'],
      described: true,
    };

    it('accepts values on the boundaries', () => {
      expect({ ...m.Constrained.parse(valid) }).toEqual(valid);
      expect(m.Constrained.parse({ ...valid, name: 'abcdefgh', closed: 0, maybe: null }).maybe).toBeNull();
    });

    it('reports each violated constraint with its context', () => {
      const input = {
        name: 'a',
        code: 'x1',
        open: 0,
        closed: 10.5,
        five: 7,
        tenth: 0.35,
        count: 2.5,
        pair: [],
        maybe: '',
        described: true,
      };
      expect(issuesOf('Constrained', input)).toEqual([
        {
          type: 'string_too_short',
          loc: ['name'],
          msg: 'String should have at least 2 characters',
          input: 'a',
          ctx: { min_length: 2 },
        },
        {
          type: 'string_pattern_mismatch',
          loc: ['code'],
          msg: "String should match pattern '/^[a-z]+$/i'",
          input: 'x1',
          ctx: { pattern: '/^[a-z]+$/i' },
        },
        { type: 'greater_than', loc: ['open'], msg: 'Input should be greater than 0', input: 0, ctx: { gt: 0 } },
        {
          type: 'less_than_equal',
          loc: ['closed'],
          msg: 'Input should be less than or equal to 10',
          input: 10.5,
          ctx: { le: 10 },
        },
        { type: 'multiple_of', loc: ['five'], msg: 'Input should be a multiple of 5', input: 7, ctx: { multiple_of: 5 } },
        {
          type: 'multiple_of',
          loc: ['tenth'],
          msg: 'Input should be a multiple of 0.1',
          input: 0.35,
          ctx: { multiple_of: 0.1 },
        },
        {
          type: 'int_from_float',
          loc: ['count'],
          msg: 'Input should be a valid integer, got a number with a fractional part',
          input: 2.5,
        },
        {
          type: 'too_short',
          loc: ['pair'],
          msg: 'List should have at least 1 item after validation, not 0',
          input: [],
          ctx: { field_type: 'List', min_length: 1, actual_length: 0 },
        },
        {
          type: 'string_too_short',
          loc: ['maybe'],
          msg: 'String should have at least 1 character',
          input: '',
          ctx: { min_length: 1 },
        },
      ]);
    });

    it('reports the other bound of each pair', () => {
      const input = { ...valid, name: 'abcdefghi', open: 10, closed: -1, pair: ['a', 'b', 'c'], count: '1' };
      expect(issuesOf('Constrained', input)).toEqual([
        {
          type: 'string_too_long',
          loc: ['name'],
          msg: 'String should have at most 8 characters',
          input: 'abcdefghi',
          ctx: { max_length: 8 },
        },
        { type: 'less_than', loc: ['open'], msg: 'Input should be less than 10', input: 10, ctx: { lt: 10 } },
        {
          type: 'greater_than_equal',
          loc: ['closed'],
          msg: 'Input should be greater than or equal to 0',
          input: -1,
          ctx: { ge: 0 },
        },
        { type: 'int_type', loc: ['count'], msg: 'Input should be a valid integer', input: '1' },
        {
          type: 'too_long',
          loc: ['pair'],
          msg: 'List should have at most 2 items after validation, not 3',
          input: ['a', 'b', 'c'],
          ctx: { field_type: 'List', max_length: 2, actual_length: 3 },
        },
      ]);
    });

    it('checks multipleOf with decimal steps without float noise', () => {
      for (const tenth of [0.3, 0.7, 1.1, -2.3, 123456.7]) {
        expect(m.Constrained.safeParse({ ...valid, tenth }).success).toBe(true);
      }
    });
  });

  describe('arrays and nested models', () => {
    const order = {
      id: 'o-1',
      items: [
        { sku: 'a', quantity: 1 },
        { sku: 'b', quantity: 2 },
      ],
      shipTo: { street: 'Main St', zip: '12345' },
      placedAt: '2024-01-02',
    };

    it('builds nested instances with methods and getters, and fresh defaults', () => {
      const out = m.Order.parse(order);
      expect(out).toBeInstanceOf(m.Order);
      expect(out.items[1]).toBeInstanceOf(m.Item);
      expect(out.shipTo).toBeInstanceOf(m.Address);
      expect(out.units()).toBe(3);
      expect(out.shipTo.label).toBe('Main St (12345)');
      expect(out.toJSON()).toEqual({
        id: 'o-1',
        items: order.items,
        shipTo: order.shipTo,
        matrix: [],
        labels: [],
        notes: [],
        tags: ['new'],
        counts: [1, 2],
        status: 'open',
        placedAt: '2024-01-02T00:00:00.000Z',
      });
      const again = m.Order.parse(order);
      out.tags.push('changed');
      out.counts.push(3);
      expect(again.tags).toEqual(['new']);
      expect(again.counts).toEqual([1, 2]);
      expect(m.Order.parse(order).tags).toEqual(['new']);
    });

    it('accepts nested arrays, readonly arrays and nullable items', () => {
      const out = m.Order.parse({ ...order, matrix: [[1], [], [2, 3]], labels: ['x'], notes: ['a', null], billTo: null });
      expect(out.matrix).toEqual([[1], [], [2, 3]]);
      expect(out.labels).toEqual(['x']);
      expect(out.notes).toEqual(['a', null]);
      expect(out.billTo).toBeNull();
    });

    it('locates errors by key and index at every depth', () => {
      const input = {
        id: 'o-1',
        items: [{ sku: '', quantity: 1 }, 'x', { sku: 'c', quantity: 0, color: 'red' }],
        shipTo: { zip: 12345 },
        billTo: { street: 'S', zip: '1' },
        matrix: [[1, 'two'], 3],
        notes: [null, 4],
        status: 'pending',
        placedAt: 'yesterday',
      };
      expect(issuesOf('Order', input).map((i: any) => [i.loc.join('.'), i.type])).toEqual([
        ['items.0.sku', 'string_too_short'],
        ['items.1', 'model_type'],
        ['items.2.quantity', 'greater_than_equal'],
        ['items.2.color', 'extra_forbidden'],
        ['shipTo.street', 'missing'],
        ['shipTo.zip', 'string_type'],
        ['billTo.zip', 'string_pattern_mismatch'],
        ['matrix.0.1', 'float_type'],
        ['matrix.1', 'list_type'],
        ['notes.1', 'string_type'],
        ['status', 'literal_error'],
        ['placedAt', 'datetime_parsing'],
      ]);
    });

    it('checks item counts only when every item is valid', () => {
      expect(issuesOf('Order', { ...order, items: [] })).toEqual([
        {
          type: 'too_short',
          loc: ['items'],
          msg: 'List should have at least 1 item after validation, not 0',
          input: [],
          ctx: { field_type: 'List', min_length: 1, actual_length: 0 },
        },
      ]);
      expect(issuesOf('Order', { ...order, items: {} })).toEqual([
        { type: 'list_type', loc: ['items'], msg: 'Input should be a valid array', input: {} },
      ]);
    });

    it('formats the error message like pydantic', () => {
      const result = m.Order.safeParse({ ...order, id: 7, items: [{ sku: '', quantity: 1.5 }] });
      expect(result.error.message).toBe(
        [
          '3 validation errors for Order',
          'id',
          '  Input should be a valid string [type=string_type, input=7]',
          'items.0.sku',
          "  String should have at least 1 character [type=string_too_short, input='']",
          'items.0.quantity',
          '  Input should be a valid integer, got a number with a fractional part [type=int_from_float, input=1.5]',
        ].join('\n'),
      );
      expect(result.error.errors()).toBe(result.error.issues);
      expect(result.error).toBeInstanceOf(m.ValidationError);
      expect(() => m.Order.parse({ ...order, id: 7 })).toThrow(
        '1 validation error for Order\nid\n  Input should be a valid string [type=string_type, input=7]',
      );
    });
  });

  describe('unions', () => {
    it('takes the first member the value fits', () => {
      const out = m.Unions.parse({ id: 3, where: 'home', when: '2024-01-01', list: ['a'], mixed: 0 });
      expect({ ...out }).toEqual({ id: 3, where: 'home', when: '2024-01-01', list: ['a'], mixed: 0 });
      const withModel = m.Unions.parse({ id: 'x', where: { street: 's', zip: '12345' }, list: 4, mixed: 'auto' });
      expect(withModel.where).toBeInstanceOf(m.Address);
      expect(withModel.list).toBe(4);
    });

    it('falls back to a lax member: a Date string does not beat string, a Date object parses as Date', () => {
      expect(m.Unions.parse({ id: 1, where: 'x', list: 1, when: new Date(5) }).when).toEqual(new Date(5));
    });

    it('reports every member failure under the member label', () => {
      expect(issuesOf('Unions', { id: true, where: { zip: 1 }, list: [1] }).map((i: any) => [i.loc.join('.'), i.type])).toEqual([
        ['id.string', 'string_type'],
        ['id.number', 'float_type'],
        ['where.Address.street', 'missing'],
        ['where.Address.zip', 'string_type'],
        ['where.string', 'string_type'],
        ['list.string[].0', 'string_type'],
        ['list.number', 'float_type'],
      ]);
    });

    it('keeps source order of members inside optional arrays, and labels literal members', () => {
      expect(issuesOf('Unions', { id: 1, where: 'x', list: 1, items: [null], size: 'XL' }).map((i: any) => i.loc.join('.'))).toEqual([
        'items.0.number',
        'items.0.string',
        "size.'S'|'M'",
        'size.number',
      ]);
    });

    it('reports a mixed literal union as one literal_error', () => {
      expect(issuesOf('Unions', { id: 1, where: 'x', list: 1, mixed: 'no' })).toEqual([
        {
          type: 'literal_error',
          loc: ['mixed'],
          msg: "Input should be false, true, 'auto' or 0",
          input: 'no',
          ctx: { expected: "false, true, 'auto' or 0" },
        },
      ]);
    });
  });

  describe('recursive models', () => {
    it('parses and locates errors at any depth', () => {
      const tree = { name: 'a', children: [{ name: 'b', children: [{ name: 'c' }] }] };
      const out = m.TreeNode.parse(tree);
      expect(out.children[0].children[0]).toBeInstanceOf(m.TreeNode);
      expect(out.children[0].children[0].children).toEqual([]);
      expect(issuesOf('TreeNode', { name: 'a', children: [{ name: 'b', children: [{ name: 1 }] }], parent: { children: [] } })).toEqual([
        { type: 'string_type', loc: ['children', 0, 'children', 0, 'name'], msg: 'Input should be a valid string', input: 1 },
        { type: 'missing', loc: ['parent', 'name'], msg: 'Field required', input: { children: [] } },
      ]);
    });
  });

  describe('extra keys and hostile keys', () => {
    const tricky = { id: 'i', valueOf: 'v', 'with space': true };

    it('ignores extra keys by default: they never reach the instance', () => {
      const out = m.Address.parse({ street: 's', zip: '12345', admin: true, __proto__: { polluted: true } });
      expect(Object.keys(out)).toEqual(['street', 'zip']);
      expect((out as any).polluted).toBeUndefined();
      expect(Object.getPrototypeOf(out)).toBe(m.Address.prototype);
    });

    it('forbids extra keys on extra: forbid models, and per call', () => {
      expect(issuesOf('Tricky', { ...tricky, extra: 1 })).toEqual([
        { type: 'extra_forbidden', loc: ['extra'], msg: 'Extra inputs are not permitted', input: 1 },
      ]);
      expect(m.Tricky.parse({ ...tricky, extra: 1 }, { extra: 'ignore' })).toBeInstanceOf(m.Tricky);
      expect(() => m.Address.parse({ street: 's', zip: '12345', admin: true }, { extra: 'forbid' })).toThrow(
        'admin\n  Extra inputs are not permitted',
      );
    });

    it('reads own keys only: inherited Object.prototype members are not input', () => {
      expect(issuesOf('Tricky', { id: 'i', 'with space': true })).toEqual([
        { type: 'missing', loc: ['valueOf'], msg: 'Field required', input: { id: 'i', 'with space': true } },
      ]);
      const out = m.Tricky.parse({ ...tricky, toString: 5 });
      expect(Object.keys(out)).toEqual(['id', 'version', 'valueOf', 'toString', 'with space']);
      expect(out.version).toBe(1);
    });

    it('treats a __proto__ key as data, never as a prototype', () => {
      const input = JSON.parse('{"id":"i","valueOf":"v","with space":true,"__proto__":"p"}');
      const out = m.Tricky.parse(input);
      expect(Object.getPrototypeOf(out)).toBe(m.Tricky.prototype);
      expect(Object.getOwnPropertyDescriptor(out, '__proto__')?.value).toBe('p');
      expect(Object.getOwnPropertyDescriptor(out.toJSON(), '__proto__')?.value).toBe('p');
      expect(issuesOf('Tricky', JSON.parse('{"id":"i","valueOf":"v","with space":true,"__proto__":{"a":1}}'))).toEqual([
        { type: 'string_type', loc: ['__proto__'], msg: 'Input should be a valid string', input: { a: 1 } },
      ]);
    });

    it('keeps keys with quotes, backslashes and line separators intact', () => {
      const out = m.Tricky.parse({ ...tricky, 'quote"back\\slash': 'q', 'line\u2028sep': 'x\u2029y' });
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
      const out = m.Order.parse({
        id: 'o',
        items: [{ sku: 'a', quantity: 1 }],
        shipTo: { street: 's', zip: '12345' },
        placedAt: '2024-01-01',
      });
      expect(m.Order.is(out)).toBe(true);
      expect(m.Order.is({ ...out })).toBe(true);
      expect(m.Order.is({ ...out, placedAt: '2024-01-01' })).toBe(false);
      const { tags: _tags, ...withoutDefault } = out;
      expect(m.Order.is(withoutDefault)).toBe(false);
      expect(m.Order.is({ ...out, items: [{ sku: 'a', quantity: 1, extra: 1 }] })).toBe(false);
      expect(m.Order.is({ ...out, extra: 1 })).toBe(true);
      expect(m.Order.is(null)).toBe(false);
    });

    it('works detached from the class', () => {
      const { is, parse } = m.Address;
      expect(is({ street: 's', zip: '12345' })).toBe(true);
      expect(parse({ street: 's', zip: '12345' })).toBeInstanceOf(m.Address);
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
      const out = m.Order.parse(input);
      expect(input).toEqual(snapshot);
      expect(out.notes).not.toBe(input.notes);
      expect(out.items[0]).not.toBe(input.items[0]);
      expect(out.placedAt).not.toBe(input.placedAt);
    });
  });
});

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !(value instanceof Date)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

describe('models found through aliases, namespaces and re-exports', () => {
  it('generates validators for each', async () => {
    const m = (await compileFixture('basic', 'standard')).exports;
    expect(m.Aliased.safeParse({ a: '' }).error.issues[0].type).toBe('string_too_short');
    expect(m.Namespaced.safeParse({ b: 1.5 }).error.issues[0].type).toBe('int_from_float');
    expect(m.ReExported.safeParse({ c: 'abc', nested: {}, x: 1 }).error.issues.map((i: any) => [i.loc.join('.'), i.type])).toEqual([
      ['c', 'string_too_long'],
      ['nested.a', 'missing'],
      ['x', 'extra_forbidden'],
    ]);
  });
});
