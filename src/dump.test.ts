import { describe, expect, it } from 'vitest';
import { dumpContext, dumpItems, dumpKeep, dumpSub, isDefault, markDefaults, copyMarks, defaultedOf, toTree } from './dump';
import { cloneValue } from './runtime';

describe('toTree', () => {
  it('turns lists into sets of keys and drops false entries, into null-prototype objects', () => {
    const tree = toTree({ a: true, b: false, c: ['x', 0], __proto__: true } as never)!;
    expect(Object.getPrototypeOf(tree)).toBeNull();
    expect({ ...tree, c: { ...(tree.c as object) } }).toEqual({ a: true, c: { x: true, 0: true } });
    expect(toTree(undefined)).toBeUndefined();
  });
});

describe('dumpKeep and dumpSub', () => {
  const d = dumpContext({ excludeNone: true, excludeUnset: true });
  it('keeps a key an include tree names, drops one an exclude tree names whole', () => {
    const include = toTree({ a: true, b: ['x'] });
    const exclude = toTree({ b: ['y'], c: true });
    expect(['a', 'b', 'c', 'd'].map((k) => dumpKeep(d, undefined, k, 1, include, undefined))).toEqual([true, true, false, false]);
    expect(['a', 'b', 'c'].map((k) => dumpKeep(d, undefined, k, 1, undefined, exclude))).toEqual([true, true, false]);
    expect(dumpSub(include, 'a')).toBeUndefined();
    expect({ ...dumpSub(exclude, 'b') }).toEqual({ y: true });
    expect(dumpSub(undefined, 'b')).toBeUndefined();
  });

  it('drops nulls under excludeNone and defaulted fields under excludeUnset', () => {
    const instance = {};
    markDefaults(instance, ['a']);
    expect(dumpKeep(d, undefined, 'n', null, undefined, undefined)).toBe(false);
    expect(dumpKeep(d, instance, 'a', 1, undefined, undefined)).toBe(false);
    expect(dumpKeep(d, instance, 'b', 1, undefined, undefined)).toBe(true);
    expect(dumpKeep(d, undefined, 'a', 1, undefined, undefined)).toBe(true);
  });

  it('reads an item’s own entry before __all__', () => {
    const tree = toTree({ 0: ['a'], __all__: ['b'] });
    expect({ ...dumpSub(tree, 0) }).toEqual({ a: true });
    expect({ ...dumpSub(tree, 5) }).toEqual({ b: true });
  });
});

describe('dumpItems', () => {
  it('keeps the items the trees select, each with its part of the trees', () => {
    const seen: unknown[] = [];
    const out = dumpItems(['a', 'b', 'c'], toTree({ 0: true, 2: ['x'] }), toTree({ 2: ['y'] }), (item, inc, exc) => {
      seen.push([inc && { ...inc }, exc && { ...exc }]);
      return item;
    });
    expect(out).toEqual(['a', 'c']);
    expect(seen).toEqual([[undefined, undefined], [{ x: true }, { y: true }]]);
  });
});

describe('isDefault', () => {
  it('compares with a JSON default deeply, and nothing but plain data equals an object default', () => {
    expect(isDefault([1, [2]], [1, [2]])).toBe(true);
    expect(isDefault([1, 2], [1])).toBe(false);
    expect(isDefault({ a: 1 }, { a: 1 })).toBe(true);
    expect(isDefault({ a: 1, b: 2 }, { a: 1 })).toBe(false);
    expect(isDefault(new Map(), {})).toBe(false);
    expect(isDefault('x', 'x')).toBe(true);
    expect(isDefault(null, null)).toBe(true);
    expect(isDefault(0, null)).toBe(false);
  });
});

describe('markDefaults and copyMarks', () => {
  it('record defaulted fields out of sight, and copy them minus updated keys', () => {
    const source = { x: 1 };
    markDefaults(source, ['a', 'b']);
    expect(Object.keys(source)).toEqual(['x']);
    expect(Reflect.ownKeys(source)).toEqual(['x']);
    expect({ ...source }).toStrictEqual({ x: 1 });
    expect(JSON.stringify(source)).toBe('{"x":1}');
    expect(defaultedOf(source)).toEqual(['a', 'b']);
    const copy = {};
    copyMarks(copy, source, { b: 1 });
    expect(defaultedOf(copy)).toEqual(['a']);
    const untouched = {};
    copyMarks(untouched, source, { a: 1, b: 2 });
    expect(defaultedOf(untouched)).toBeUndefined();
    expect(defaultedOf({})).toBeUndefined();
  });
});

describe('cloneValue', () => {
  it('copies plain data deeply and shares instances of other classes', () => {
    class Other {
      x = 1;
    }
    const other = new Other();
    const value = { a: [1, { b: new Date(5) }], s: new Set([[1]]), m: new Map([['k', [2]]]), other };
    const copy = cloneValue(value) as typeof value;
    expect(copy).toEqual(value);
    expect(copy.a).not.toBe(value.a);
    expect(copy.a[1]).not.toBe(value.a[1]);
    expect([...copy.s][0]).not.toBe([...value.s][0]);
    expect(copy.m.get('k')).not.toBe(value.m.get('k'));
    expect(copy.other).toBe(other);
  });
});
