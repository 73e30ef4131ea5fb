/** Arrays, nested and recursive models, unions: values and error locations, both decorator modes. */
import { describe, expect, it } from 'vitest';
import { modes, useBasicFixture } from './helpers/fixture';

describe.each(modes)('%s decorators', (mode) => {
  const { m, issuesOf } = useBasicFixture(mode);

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
      const out = m().Order.parse(order);
      expect(out).toBeInstanceOf(m().Order);
      expect(out.items[1]).toBeInstanceOf(m().Item);
      expect(out.shipTo).toBeInstanceOf(m().Address);
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
      const again = m().Order.parse(order);
      out.tags.push('changed');
      out.counts.push(3);
      expect(again.tags).toEqual(['new']);
      expect(again.counts).toEqual([1, 2]);
      expect(m().Order.parse(order).tags).toEqual(['new']);
    });

    it('accepts nested arrays, readonly arrays and nullable items', () => {
      const out = m().Order.parse({ ...order, matrix: [[1], [], [2, 3]], labels: ['x'], notes: ['a', null], billTo: null });
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
        ['matrix.0.1', 'float_parsing'],
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
      const result = m().Order.safeParse({ ...order, id: 7, items: [{ sku: '', quantity: 1.5 }] });
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
      expect(result.error).toBeInstanceOf(m().ValidationError);
      expect(() => m().Order.parse({ ...order, id: 7 })).toThrow(
        '1 validation error for Order\nid\n  Input should be a valid string [type=string_type, input=7]',
      );
    });
  });

  describe('unions', () => {
    it('takes the first member the value fits', () => {
      const out = m().Unions.parse({ id: 3, where: 'home', when: '2024-01-01', list: ['a'], mixed: 0 });
      expect({ ...out }).toEqual({ id: 3, where: 'home', when: '2024-01-01', list: ['a'], mixed: 0 });
      const withModel = m().Unions.parse({ id: 'x', where: { street: 's', zip: '12345' }, list: 4, mixed: 'auto' });
      expect(withModel.where).toBeInstanceOf(m().Address);
      expect(withModel.list).toBe(4);
    });

    it('falls back to a lax member: a Date string does not beat string, a Date object parses as Date', () => {
      expect(m().Unions.parse({ id: 1, where: 'x', list: 1, when: new Date(5) }).when).toEqual(new Date(5));
    });

    it('reports member failures under the member label: only members that take the kind of input, else all', () => {
      expect(issuesOf('Unions', { id: [], where: { zip: 1 }, list: [1] }).map((i: any) => [i.loc.join('.'), i.type])).toEqual([
        ['id.string', 'string_type'],
        ['id.number', 'float_type'],
        ['where.Address.street', 'missing'],
        ['where.Address.zip', 'string_type'],
        ['list.string[].0', 'string_type'],
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
      const out = m().TreeNode.parse(tree);
      expect(out.children[0].children[0]).toBeInstanceOf(m().TreeNode);
      expect(out.children[0].children[0].children).toEqual([]);
      expect(issuesOf('TreeNode', { name: 'a', children: [{ name: 'b', children: [{ name: 1 }] }], parent: { children: [] } })).toEqual([
        { type: 'string_type', loc: ['children', 0, 'children', 0, 'name'], msg: 'Input should be a valid string', input: 1 },
        { type: 'missing', loc: ['parent', 'name'], msg: 'Field required', input: { children: [] } },
      ]);
    });
  });

  describe('recursive type aliases and interfaces', () => {
    const doc = {
      data: { a: [1, 'x', null, { b: [true, {}] }], c: 2.5 },
      categories: [{ name: 'a', sub: [{ name: 'b', sub: [{ name: 'c' }] }] }],
      list: { value: 1, next: { value: 2, next: null } },
      expr: { op: 'add', args: [{ op: 'num', value: 1 }, { op: 'add', args: [{ op: 'num', value: 2 }] }] },
      ping: { pong: { ping: { pong: { ping: {} } } } },
    };

    it('parses a JSON value, a tree, a list, a recursive discriminated union and mutual recursion', () => {
      const out = m().Document.parse(doc);
      expect(out.toJSON()).toEqual(doc);
      expect(out.data).not.toBe(doc.data);
      expect(out.data.a[3]).not.toBe(doc.data.a[3]);
      expect(m().Document.is(doc)).toBe(true);
      expect(m().Document.is(out)).toBe(true);
      expect(m().Document.is({ ...doc, data: [1, [2, [undefined]]] })).toBe(false);
      expect(m().Document.parse({ data: null, list: null }).toJSON()).toEqual({ data: null, categories: [], list: null });
    });

    it('locates errors at any depth', () => {
      expect(
        issuesOf('Document', {
          data: [1, [2, { k: NaN }]],
          categories: [{ name: 'a', sub: [{ sub: [] }] }],
          list: { value: 1, next: { value: 2.5, next: null } },
          expr: { op: 'add', args: [{ op: 'num', value: 1 }, { op: 'sub' }] },
          ping: { pong: { ping: { pong: 1 } } },
        }).map((i: { type: string; loc: unknown[] }) => [i.type, i.loc.join('.')]),
      ).toEqual([
        // In the JSON value, only the member that takes each kind of input reports.
        ['finite_number', 'data.Json[].1.Json[].1.object.k.number'],
        ['bool_type', 'data.Json[].1.Json[].1.object.k.boolean'],
        ['missing', 'categories.0.sub.0.name'],
        ['int_from_float', 'list.next.value'],
        ['union_tag_invalid', 'expr.add.args.1'],
        ['dict_type', 'ping.pong.ping.pong'],
      ]);
    });
  });

  describe('discriminated unions', () => {
    it('dispatches on the tag and reports errors of the selected member only', () => {
      const out = m().Owner.parse({ pet: { kind: 'puppy', good: true }, pets: [{ kind: 'cat' }] });
      expect(out.pet).toBeInstanceOf(m().Dog);
      expect(out.pets[0]).toBeInstanceOf(m().Cat);
      expect(out.pets[0].lives).toBe(9);
      expect(issuesOf('Owner', { pet: { kind: 'dog', good: [] }, pets: [{ kind: 'cat', lives: 1.5 }] })).toEqual([
        { type: 'bool_type', loc: ['pet', 'dog', 'good'], msg: 'Input should be a valid boolean', input: [] },
        {
          type: 'int_from_float',
          loc: ['pets', 0, 'cat', 'lives'],
          msg: 'Input should be a valid integer, got a number with a fractional part',
          input: 1.5,
        },
      ]);
    });

    it('reports a bad or missing tag', () => {
      expect(issuesOf('Owner', { pet: { kind: 'cow' }, pets: [{}, 3] })).toEqual([
        {
          type: 'union_tag_invalid',
          loc: ['pet'],
          msg: "Input tag 'cow' found using 'kind' does not match any of the expected tags: 'cat', 'dog', 'puppy'",
          input: { kind: 'cow' },
          ctx: { discriminator: "'kind'", tag: 'cow', expected_tags: "'cat', 'dog', 'puppy'" },
        },
        {
          type: 'union_tag_not_found',
          loc: ['pets', 0],
          msg: "Unable to extract tag using discriminator 'kind'",
          input: {},
          ctx: { discriminator: "'kind'" },
        },
        {
          type: 'union_tag_not_found',
          loc: ['pets', 1],
          msg: "Unable to extract tag using discriminator 'kind'",
          input: 3,
          ctx: { discriminator: "'kind'" },
        },
      ]);
    });

    it('is dispatches on the tag too', () => {
      expect(m().Owner.is({ pet: { kind: 'cat', lives: 1 }, pets: [] })).toBe(true);
      expect(m().Owner.is({ pet: { kind: 'cat', good: true }, pets: [] })).toBe(false);
      expect(m().Owner.is({ pet: { kind: 'cow' }, pets: [] })).toBe(false);
    });

    it("parse's fast path fills in absent defaults, fresh and marked as unset, while is still requires them", () => {
      const input = { pet: { kind: 'cat' } };
      const compiled = m().Owner.prototype[Symbol.for('tydantic.compiled')];
      // The instance shape has every defaulted field; only parse's fast path lets them be absent.
      expect(m().Owner.is(input)).toBe(false);
      expect(compiled.build(input)).toBeInstanceOf(m().Owner);
      expect(compiled.build({ pet: { kind: 'cat', lives: 'nine' } })).toBeUndefined();
      expect(compiled.build({ pet: { kind: 'cow' } })).toBeUndefined();
      // A call that forbids extra keys takes the fast path too, which then refuses them at any depth.
      expect(compiled.build({ pet: { kind: 'cat' }, x: 1 }, false)).toBeInstanceOf(m().Owner);
      expect(compiled.build({ pet: { kind: 'cat' }, x: 1 }, true)).toBeUndefined();
      expect(compiled.build({ pet: { kind: 'cat', x: 1 } }, true)).toBeUndefined();
      expect(compiled.build(input, true)).toBeInstanceOf(m().Owner);
      expect(m().Owner.safeParse({ pet: { kind: 'cat', x: 1 } }, { extra: 'forbid' }).error.issues.map((i: { loc: unknown[] }) => i.loc)).toEqual([['pet', 'cat', 'x']]);
      const out = m().Owner.parse(input);
      expect(out.pet).toBeInstanceOf(m().Cat);
      expect({ ...out.pet }).toEqual({ kind: 'cat', lives: 9 });
      expect(out.pets).toEqual([]);
      expect(out.dump({ excludeUnset: true })).toEqual({ pet: { kind: 'cat' } });
      expect(m().Owner.parse(input).pets).not.toBe(out.pets);
      expect(input).toEqual({ pet: { kind: 'cat' } });
    });
  });

  describe('smart-mode unions of models', () => {
    it('picks the model with the most fields set, so no data is lost', () => {
      const both = m().Holder.parse({ x: { a: 'x', b: 1 } });
      expect(both.x).toBeInstanceOf(m().Big);
      expect(both.x.b).toBe(1);
      expect(m().Holder.parse({ x: { a: 'x' } }).x).toBeInstanceOf(m().Small);
    });
  });

  describe('object types without a class', () => {
    const valid = { contact: { email: 'a@b.co' } };

    it('parse to plain objects, with defaults, utility types and the model extra policy', () => {
      const out = m().Profile.parse({
        ...valid,
        inline: { a: 1, b: 'x' },
        partial: {},
        picked: { email: 'x@y.org' },
        omitted: { tags: ['t'] },
        keyed: { en: 'hi', fr: 'salut' },
        frozen: { lat: 1, lng: 2 },
        part: { zip: '12345' },
      });
      expect(Object.getPrototypeOf(out.contact)).toBe(Object.prototype);
      expect(out.toJSON()).toEqual({
        contact: { email: 'a@b.co' },
        meta: { tags: [] },
        inline: { a: 1, b: 'x' },
        partial: {},
        picked: { email: 'x@y.org' },
        omitted: { tags: ['t'] },
        keyed: { en: 'hi', fr: 'salut' },
        frozen: { lat: 1, lng: 2 },
        part: { zip: '12345' },
      });
      expect(m().Profile.parse(valid).meta).not.toBe(m().Profile.parse(valid).meta);
    });

    it('merges the properties of an intersection of object types', () => {
      expect(m().Profile.parse({ ...valid, merged: { email: 'a@b.co', since: 2020 } }).merged).toEqual({ email: 'a@b.co', since: 2020 });
      expect(issuesOf('Profile', { ...valid, merged: { email: 'a@b.co' } }).map((i: any) => [i.loc.join('.'), i.type])).toEqual([
        ['merged.since', 'missing'],
      ]);
    });

    it('keeps and validates the keys of an index signature', () => {
      const input = JSON.parse('{"contact":{"email":"a@b.co"},"labels":{"b":"2","a":"1","__proto__":"p"},"scores":{"total":3,"x":1}}');
      const out = m().Profile.parse(input);
      expect(Object.entries(out.labels)).toEqual([['b', '2'], ['a', '1'], ['__proto__', 'p']]);
      expect(Object.getPrototypeOf(out.labels)).toBe(Object.prototype);
      expect(Object.entries(out.scores)).toEqual([['total', 3], ['x', 1]]);
      expect(issuesOf('Profile', { ...valid, labels: { a: 1 }, scores: { x: 'no' } }).map((i: any) => [i.loc.join('.'), i.type])).toEqual([
        ['labels.a', 'string_type'],
        ['scores.total', 'missing'],
        ['scores.x', 'float_parsing'],
      ]);
    });

    it('keeps the keys that match template literal keys, and treats the others as extra keys', () => {
      const out = m().Codes.parse({ order: 'order_1', byOrder: { order_1: 2, 'order_1.5': 3, other: 'x' }, flags: { a_x: true, b_2: false, b_x: 1 } });
      expect(out.byOrder).toEqual({ order_1: 2, 'order_1.5': 3 });
      expect(out.flags).toEqual({ a_x: true, b_2: false });
      expect(m().Codes.is({ order: 'order_1', byOrder: { order_1: 2, other: 'x' } })).toBe(true);
      expect(issuesOf('Codes', { order: 'order_1', byOrder: { order_1: 'x', order_2: 2.5 } }).map((i: any) => [i.loc.join('.'), i.type])).toEqual([
        ['byOrder.order_1', 'int_parsing'],
        ['byOrder.order_2', 'int_from_float'],
      ]);
      const headers = { host: 'h', 'x-a': 'a', 'y-b': 'b' };
      expect(issuesOf('Profile', { ...valid, headers }).map((i: any) => [i.loc.join('.'), i.type])).toEqual([['headers.y-b', 'extra_forbidden']]);
      expect(m().Profile.parse({ ...valid, headers }, { extra: 'ignore' }).headers).toEqual({ host: 'h', 'x-a': 'a' });
      expect(m().Profile.is({ ...m().Profile.parse(valid).toJSON(), headers })).toBe(false);
      expect(m().Profile.is({ ...m().Profile.parse(valid).toJSON(), headers: { host: 'h', 'x-a': 'a' } })).toBe(true);
    });

    it('reports nested issues, extra keys per the model policy, and dict_type', () => {
      const input = {
        contact: { email: 'nope', fax: 1 },
        meta: { tags: [1], geo: 'here' },
        inline: [],
        omitted: { tags: [], geo: { lat: 1, lng: 2 } },
        keyed: { en: 'hi' },
        part: { zip: '1', label: 'x' },
      };
      expect(issuesOf('Profile', input).map((i: any) => [i.loc.join('.'), i.type])).toEqual([
        ['contact.email', 'value_error'],
        ['contact.fax', 'extra_forbidden'],
        ['meta.tags.0', 'string_type'],
        ['meta.geo', 'dict_type'],
        ['inline', 'dict_type'],
        ['omitted.geo', 'extra_forbidden'],
        ['keyed.fr', 'missing'],
        ['part.zip', 'string_pattern_mismatch'],
        ['part.label', 'extra_forbidden'],
      ]);
    });
  });

  describe('template literals, const objects, unions of object types, boolean tags', () => {
    it('validates template literal types with an anchored pattern', () => {
      expect(m().Codes.parse({ order: 'order_12', route: '/users/edit', key: 'admin', role: 'USER' }).order).toBe('order_12');
      expect(issuesOf('Codes', { order: 'order_x', route: '/users/view', key: 'ADMIN', role: 'admin' })).toEqual([
        {
          type: 'string_pattern_mismatch',
          loc: ['order'],
          msg: "String should match pattern '^order_[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?$'",
          input: 'order_x',
          ctx: { pattern: '^order_[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?$' },
        },
        {
          type: 'string_pattern_mismatch',
          loc: ['route'],
          msg: "String should match pattern '^/[\\s\\S]*/edit$'",
          input: '/users/view',
          ctx: { pattern: '^/[\\s\\S]*/edit$' },
        },
        { type: 'literal_error', loc: ['key'], msg: "Input should be 'admin' or 'user'", input: 'ADMIN', ctx: { expected: "'admin' or 'user'" } },
        { type: 'literal_error', loc: ['role'], msg: "Input should be 'ADMIN' or 'USER'", input: 'admin', ctx: { expected: "'ADMIN' or 'USER'" } },
      ]);
    });

    it('picks the object type with the most fields set', () => {
      expect(m().Codes.parse({ order: 'order_1', ab: { a: 'x', b: 1 } }).ab).toEqual({ a: 'x', b: 1 });
    });

    it('dispatches on the tag of object types too', () => {
      const out = m().EventLog.parse({ events: [{ type: 'key', key: 'a' }, { type: 'click', x: 1, y: 2 }] });
      expect(out.events).toEqual([{ type: 'key', key: 'a' }, { type: 'click', x: 1, y: 2 }]);
      expect(issuesOf('EventLog', { events: [{ type: 'click', x: 1 }, { type: 'scroll' }] })).toEqual([
        { type: 'missing', loc: ['events', 0, 'click', 'y'], msg: 'Field required', input: { type: 'click', x: 1 } },
        {
          type: 'union_tag_invalid',
          loc: ['events', 1],
          msg: "Input tag 'scroll' found using 'type' does not match any of the expected tags: 'click', 'key'",
          input: { type: 'scroll' },
          ctx: { discriminator: "'type'", tag: 'scroll', expected_tags: "'click', 'key'" },
        },
      ]);
    });

    it('dispatches on a boolean tag, with its text in the location', () => {
      expect(m().Outcome.parse({ result: { ok: false, error: 'e' } }).result).toBeInstanceOf(m().Failed);
      expect(issuesOf('Outcome', { result: { ok: false } })).toEqual([
        { type: 'missing', loc: ['result', 'false', 'error'], msg: 'Field required', input: { ok: false } },
      ]);
    });
  });

  describe('generic models', () => {
    it('validate through a concrete subclass, with the type argument applied', () => {
      const out = m().ItemPage.parse({ items: [{ sku: 'a', quantity: 1 }], next: 'n' });
      expect(out).toBeInstanceOf(m().ItemPage);
      expect(out).toBeInstanceOf(m().Page);
      expect(out.items[0]).toBeInstanceOf(m().Item);
      expect(issuesOf('ItemPage', { items: [{ sku: '', quantity: 1 }] }).map((i: any) => [i.loc.join('.'), i.type])).toEqual([
        ['items.0.sku', 'string_too_short'],
      ]);
    });
  });

  describe('generic models as field types', () => {
    it('validate each concrete type argument with its own generated code', () => {
      const out = m().Catalog.parse({ page: { items: [{ sku: 'a', quantity: 1 }] }, names: [{ items: ['x'], next: 'n' }] });
      expect(out.page).toBeInstanceOf(m().Page);
      expect(out.page.items[0]).toBeInstanceOf(m().Item);
      expect(out.names[0].items).toEqual(['x']);
      expect(out.toJSON()).toEqual({ page: { items: [{ sku: 'a', quantity: 1 }] }, names: [{ items: ['x'], next: 'n' }] });
      expect(out.page.toJSON()).toEqual({ items: [{ sku: 'a', quantity: 1 }] });
      expect(issuesOf('Catalog', { page: { items: [{ sku: 'a', quantity: 0 }] }, names: [{ items: [1] }] })).toEqual([
        {
          type: 'greater_than_equal',
          loc: ['page', 'items', 0, 'quantity'],
          msg: 'Input should be greater than or equal to 1',
          input: 0,
          ctx: { ge: 1 },
        },
        { type: 'string_type', loc: ['names', 0, 'items', 0], msg: 'Input should be a valid string', input: 1 },
      ]);
      expect(() => m().Page.parse({ items: [] })).toThrow(/^Page has no validator loaded/);
    });
  });

  describe('models found through aliases, namespaces and re-exports', () => {
    it('generates validators for each', () => {
      expect(m().Aliased.safeParse({ a: '' }).error.issues[0].type).toBe('string_too_short');
      expect(m().Namespaced.safeParse({ b: 1.5 }).error.issues[0].type).toBe('int_from_float');
      expect(m().ReExported.safeParse({ c: 'abc', nested: {}, x: 1 }).error.issues.map((i: any) => [i.loc.join('.'), i.type])).toEqual([
        ['c', 'string_too_long'],
        ['nested.a', 'missing'],
        ['x', 'extra_forbidden'],
      ]);
    });
  });
});
