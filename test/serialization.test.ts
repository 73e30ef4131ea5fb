/**
 * dump, dumpJSON and toJSON with every option, computed fields, construct,
 * copy and frozen models, through the whole pipeline under both decorator
 * modes, with exact outputs.
 */
import { describe, expect, it } from 'vitest';
import { modes, useBasicFixture } from './helpers/fixture';

/** An invoice input that leaves `paid`, `tags`, the second line's `qty` and the first price's `currency` to their defaults. */
const input = {
  number: 'INV-1',
  note: null,
  lines: [{ sku: 'a', qty: 2, price: { amount: 5 } }, { sku: 'b' }],
  total: { amount: 10, currency: 'USD' },
  issued: '2024-05-01T12:00:00Z',
  big: '12',
  seen: ['x', 'y'],
  due: { first: '2024-06-01T00:00:00Z' },
  extra: { a: [1, 'b'] },
};

const KEYS = ['number', 'note', 'lines', 'total', 'issued', 'paid', 'tags', 'big', 'seen', 'due', 'extra', 'lineCount', 'status'];

describe.each(modes)('serialization (%s decorators)', (mode) => {
  const { m } = useBasicFixture(mode);
  const invoice = (): any => m().Invoice.parse(input);

  describe('dump', () => {
    it("in 'js' mode (the default) keeps Dates, bigints, Sets and Maps, as copies; nested models become plain objects", () => {
      const x = invoice();
      const out = x.dump();
      expect(out).toStrictEqual({
        number: 'INV-1',
        note: null,
        lines: [
          { sku: 'a', qty: 2, price: { amount: 5, currency: 'EUR' } },
          { sku: 'b', qty: 1 },
        ],
        total: { amount: 10, currency: 'USD' },
        issued: new Date('2024-05-01T12:00:00Z'),
        paid: false,
        tags: ['new'],
        big: 12n,
        seen: new Set(['x', 'y']),
        due: new Map([['first', new Date('2024-06-01T00:00:00Z')]]),
        extra: { a: [1, 'b'] },
        lineCount: 2,
        status: 'open',
      });
      expect(Object.keys(out)).toEqual(KEYS);
      expect(out.issued).not.toBe(x.issued);
      expect(out.tags).not.toBe(x.tags);
      expect(out.seen).not.toBe(x.seen);
      expect(out.due).not.toBe(x.due);
      expect(out.extra).not.toBe(x.extra);
    });

    it("in 'json' mode writes Dates as ISO strings, bigints as strings, Sets as arrays and Maps as objects", () => {
      expect(invoice().dump({ mode: 'json' })).toStrictEqual({
        number: 'INV-1',
        note: null,
        lines: [
          { sku: 'a', qty: 2, price: { amount: 5, currency: 'EUR' } },
          { sku: 'b', qty: 1 },
        ],
        total: { amount: 10, currency: 'USD' },
        issued: '2024-05-01T12:00:00.000Z',
        paid: false,
        tags: ['new'],
        big: '12',
        seen: ['x', 'y'],
        due: { first: '2024-06-01T00:00:00.000Z' },
        extra: { a: [1, 'b'] },
        lineCount: 2,
        status: 'open',
      });
    });

    it('include keeps only the fields named, nested and by index; __all__ stands for every item', () => {
      const x = invoice();
      expect(x.dump({ include: ['number', 'status'] })).toStrictEqual({ number: 'INV-1', status: 'open' });
      expect(x.dump({ include: { total: { amount: true }, lines: { 1: true } } })).toStrictEqual({
        lines: [{ sku: 'b', qty: 1 }],
        total: { amount: 10 },
      });
      expect(x.dump({ include: { lines: { __all__: ['sku'] } } })).toStrictEqual({ lines: [{ sku: 'a' }, { sku: 'b' }] });
      expect(x.dump({ include: { lines: { 0: { price: ['amount'] } } } })).toStrictEqual({ lines: [{ price: { amount: 5 } }] });
      expect(x.dump({ include: { number: true, paid: false } })).toStrictEqual({ number: 'INV-1' });
    });

    it('exclude leaves out the fields named, nested and by index; it wins over include', () => {
      const x = invoice();
      expect(x.dump({ exclude: ['lines', 'total', 'issued', 'due', 'seen', 'extra', 'big', 'lineCount', 'status'] })).toStrictEqual({
        number: 'INV-1',
        note: null,
        paid: false,
        tags: ['new'],
      });
      expect(x.dump({ include: ['lines'], exclude: { lines: { __all__: ['qty'], 1: true } } })).toStrictEqual({
        lines: [{ sku: 'a', price: { amount: 5, currency: 'EUR' } }],
      });
      expect(x.dump({ include: ['number', 'paid'], exclude: ['paid'] })).toStrictEqual({ number: 'INV-1' });
    });

    it('excludeNone leaves out null fields', () => {
      expect(Object.keys(invoice().dump({ excludeNone: true }))).toEqual(KEYS.filter((k) => k !== 'note'));
    });

    it('excludeUnset leaves out fields parse filled from their defaults, at every level; computed fields stay', () => {
      const x = invoice();
      expect(x.dump({ excludeUnset: true, include: ['lines', 'paid', 'tags', 'total', 'status'] })).toStrictEqual({
        lines: [{ sku: 'a', qty: 2, price: { amount: 5 } }, { sku: 'b' }],
        total: { amount: 10, currency: 'USD' },
        status: 'open',
      });
      // A value given in the input is set, even when it equals the default.
      const given = m().Invoice.parse({ ...input, paid: false, tags: ['new'] });
      expect(given.dump({ excludeUnset: true, include: ['paid', 'tags'] })).toStrictEqual({ paid: false, tags: ['new'] });
    });

    it('excludeDefaults leaves out fields equal to their default (deeply), set or not', () => {
      const x = m().Invoice.parse({ ...input, paid: true, tags: ['new'] });
      expect(x.dump({ excludeDefaults: true, include: ['tags', 'paid', 'lines'] })).toStrictEqual({
        paid: true,
        lines: [{ sku: 'a', qty: 2, price: { amount: 5 } }, { sku: 'b' }],
      });
      const other = m().Invoice.parse({ ...input, tags: ['new', 'x'] });
      expect(other.dump({ excludeDefaults: true, include: ['tags'] })).toStrictEqual({ tags: ['new', 'x'] });
    });
  });

  describe('toJSON and dumpJSON', () => {
    it('toJSON is dump in JSON mode by alias; JSON.stringify and dumpJSON write the same text', () => {
      const x = invoice();
      expect(x.toJSON()).toStrictEqual(x.dump({ mode: 'json', byAlias: true }));
      expect(JSON.stringify(x)).toBe(x.dumpJSON());
      expect(JSON.parse(x.dumpJSON())).toStrictEqual(x.dump({ mode: 'json' }));
    });

    it('dumpJSON takes the dump options and an indent', () => {
      const x = invoice();
      expect(x.dumpJSON({ include: ['number', 'issued', 'big'] })).toBe('{"number":"INV-1","issued":"2024-05-01T12:00:00.000Z","big":"12"}');
      expect(x.dumpJSON({ include: ['number'], indent: 2 })).toBe('{\n  "number": "INV-1"\n}');
      expect(x.dumpJSON({ include: ['note', 'paid'], excludeNone: true })).toBe('{"paid":false}');
    });
  });

  describe('computed fields', () => {
    it('are written after the fields and follow include and exclude; other getters are not written', () => {
      const x = invoice();
      expect(Object.keys(x.dump()).slice(-2)).toEqual(['lineCount', 'status']);
      expect(x.summary).toBe('INV-1: 2');
      expect(x.dump({ exclude: ['status'] }).status).toBeUndefined();
      expect(x.copy({ paid: true }).dump({ include: ['status'] })).toStrictEqual({ status: 'paid' });
    });
  });

  describe('construct', () => {
    it('builds an instance from trusted data without validating; absent defaults are filled fresh and count as unset', () => {
      const money = m().Money.construct({ amount: 1 });
      const c = m().Invoice.construct({ number: 7, total: money, bogus: true });
      expect(c).toBeInstanceOf(m().Invoice);
      expect(c.number).toBe(7);
      expect(Object.keys(c)).toEqual(['number', 'lines', 'total', 'paid', 'tags']);
      expect(c.tags).toEqual(['new']);
      expect(c.tags).not.toBe(m().Invoice.construct({}).tags);
      expect(c.dump({ excludeUnset: true })).toStrictEqual({ number: 7, total: { amount: 1 }, lineCount: 0, status: 'open' });
      expect(Object.isFrozen(money)).toBe(true);
      expect({ ...money }).toEqual({ amount: 1, currency: 'EUR' });
    });
  });

  describe('copy', () => {
    it('is shallow by default: nested values are shared', () => {
      const x = invoice();
      const y = x.copy();
      expect(y).toBeInstanceOf(m().Invoice);
      expect(y).not.toBe(x);
      expect(y.dump()).toStrictEqual(x.dump());
      expect(y.lines).toBe(x.lines);
      expect(y.total).toBe(x.total);
    });

    it('with deep: true copies nested models, Dates, Sets, Maps and unknown values', () => {
      const x = invoice();
      const z = x.copy(undefined, { deep: true });
      expect(z.dump()).toStrictEqual(x.dump());
      expect(z.lines).not.toBe(x.lines);
      expect(z.lines[0]).toBeInstanceOf(m().InvoiceLine);
      expect(z.lines[0]).not.toBe(x.lines[0]);
      expect(z.lines[0].price).not.toBe(x.lines[0].price);
      expect(z.total).not.toBe(x.total);
      expect(Object.isFrozen(z.total)).toBe(true);
      expect(z.issued).not.toBe(x.issued);
      expect(z.seen).not.toBe(x.seen);
      expect(z.due.get('first')).not.toBe(x.due.get('first'));
      expect(z.extra.a).not.toBe(x.extra.a);
      // Defaulted fields stay unset in the copy.
      expect(z.lines[1].dump({ excludeUnset: true })).toStrictEqual({ sku: 'b' });
    });

    it('applies the update as it is; updated fields count as set; undefined removes an optional field', () => {
      const x = invoice();
      const y = x.copy({ paid: false, number: 5, note: undefined });
      expect(y.number).toBe(5);
      expect('note' in y).toBe(false);
      expect(y.dump({ excludeUnset: true, include: ['paid', 'tags'] })).toStrictEqual({ paid: false });
      expect(x.number).toBe('INV-1');
      expect(x.note).toBeNull();
    });
  });

  describe('byAlias', () => {
    it('writes the serialization aliases that @field() and aliasGenerator give; toJSON too', () => {
      const x = m().ApiUser.parse({ first_name: 'Ada', mail: 'a@b.c', years: 36 });
      expect(x.dump({ byAlias: true })).toStrictEqual({ first_name: 'Ada', mail: 'a@b.c', age_years: 36, tags: [] });
      expect(x.dump()).toStrictEqual({ firstName: 'Ada', email: 'a@b.c', age: 36, tags: [] });
      expect(x.toJSON()).toStrictEqual({ first_name: 'Ada', mail: 'a@b.c', age_years: 36, tags: [] });
      expect(m().Shouting.parse({ LEVEL: 2 }).dumpJSON({ byAlias: true })).toBe('{"LEVEL":2}');
    });
  });

  describe("extra: 'allow'", () => {
    it('dump writes the kept keys after the fields, filtered like fields; copy and construct keep them', () => {
      const x = m().Open.parse({ name: 'a', zeta: { deep: [1] }, nil: null });
      expect(x.dump()).toStrictEqual({ name: 'a', zeta: { deep: [1] }, nil: null });
      expect(Object.keys(x.dump())).toEqual(['name', 'zeta', 'nil']);
      expect(x.dump({ exclude: ['zeta'], excludeNone: true })).toStrictEqual({ name: 'a' });
      expect(x.dump({ include: ['zeta'] })).toStrictEqual({ zeta: { deep: [1] } });
      expect(m().extrasOf(x)).toStrictEqual({ zeta: { deep: [1] }, nil: null });
      expect(m().extrasOf(x.copy()).zeta).toBe(m().extrasOf(x).zeta);
      const deep = x.copy(undefined, { deep: true });
      expect(m().extrasOf(deep)).toStrictEqual({ zeta: { deep: [1] }, nil: null });
      expect(m().extrasOf(deep).zeta).not.toBe(m().extrasOf(x).zeta);
      const built = m().Open.construct({ name: 'b', more: [1] });
      expect(m().extrasOf(built)).toStrictEqual({ more: [1] });
      expect(built.dump()).toStrictEqual({ name: 'b', more: [1] });
    });

    it('keeps extras apart from the instance: a key named like a getter or method never replaces it', () => {
      const hostile = JSON.parse('{"name": "a", "isAdmin": true, "describe": "x", "dump": 1, "toJSON": 2, "copy": 3, "constructor": 4, "__proto__": 5}') as object;
      for (const x of [m().Open.parse(hostile), m().Open.construct(hostile as never), m().Open.parse(hostile).copy()]) {
        expect(Object.keys(x)).toEqual(['name']);
        expect(x.isAdmin).toBe(false);
        expect(x.describe()).toBe('open form a');
        expect(Object.getPrototypeOf(x)).toBe(m().Open.prototype);
        expect(m().extrasOf(x)).toStrictEqual({ isAdmin: true, describe: 'x', dump: 1, toJSON: 2, copy: 3, constructor: 4, ['__proto__']: 5 });
        // dump and toJSON still work, and write the extras after the fields.
        expect(x.dump()).toStrictEqual({ name: 'a', isAdmin: true, describe: 'x', dump: 1, toJSON: 2, copy: 3, constructor: 4, ['__proto__']: 5 });
        expect(JSON.parse(JSON.stringify(x))).toStrictEqual(x.dump({ mode: 'json' }));
        expect(m().Open.is(x)).toBe(true);
      }
      // A call that keeps extras on a model that ignores them: computed fields and getters hold too.
      const inv = m().Invoice.parse({ ...input, status: 'paid', lineCount: 99, summary: 'forged', dump: 1 }, { extra: 'allow' });
      expect([inv.status, inv.lineCount, inv.summary]).toEqual(['open', 2, 'INV-1: 2']);
      expect(m().extrasOf(inv)).toStrictEqual({ status: 'paid', lineCount: 99, summary: 'forged', dump: 1 });
      expect(inv.dump().lineCount).toBe(2);
      expect(m().extrasOf(invoice())).toStrictEqual({});
    });

    it('is refuses an instance whose own key replaces a member of its class', () => {
      const x = m().Open.parse({ name: 'a' });
      expect(m().Open.is(x)).toBe(true);
      Object.defineProperty(x, 'isAdmin', { value: true, enumerable: true });
      expect(m().Open.is(x)).toBe(false);
      const y = m().Open.parse({ name: 'a' });
      (y as Record<string, unknown>)['dump'] = () => ({});
      expect(m().Open.is(y)).toBe(false);
      // Plain data is not an instance: its keys replace nothing.
      expect(m().Open.is({ name: 'a', isAdmin: true, dump: 1 })).toBe(true);
      // Nested: a model holding a forged instance is refused too.
      const inv = invoice();
      expect(m().Invoice.is(inv)).toBe(true);
      Object.defineProperty(inv.lines[0], 'toJSON', { value: () => 'forged', enumerable: true });
      expect(m().Invoice.is(inv)).toBe(false);
    });
  });

  describe('frozen models', () => {
    it('parse, construct and copy return frozen instances: assigning a field throws a TypeError', () => {
      const money = m().Money.parse({ amount: 1 });
      expect(Object.isFrozen(money)).toBe(true);
      expect(() => {
        money.amount = 2;
      }).toThrow(new TypeError("Cannot assign to read only property 'amount' of object '#<Money>'"));
      expect(money.amount).toBe(1);
      const changed = money.copy({ amount: 3 });
      expect(Object.isFrozen(changed)).toBe(true);
      expect({ ...changed }).toEqual({ amount: 3, currency: 'EUR' });
      expect(money.dump({ excludeUnset: true })).toStrictEqual({ amount: 1 });
    });

    it('freeze only their own instances: the model holding one is not frozen', () => {
      const x = invoice();
      expect(Object.isFrozen(x.total)).toBe(true);
      expect(Object.isFrozen(x)).toBe(false);
      x.paid = true;
      expect(x.status).toBe('paid');
    });
  });
});
