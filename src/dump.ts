/**
 * Small helpers for the generated dump, construct and copy functions: the
 * options of one dump call, include/exclude trees, and the record of which
 * fields parse filled from their defaults. No type is walked here.
 */

/** Which fields and items `dump` keeps: field names (or item indices), or a tree of them; `'__all__'` stands for every item. */
export type Selection = readonly (string | number)[] | { readonly [key: string]: boolean | Selection };

/** A selection as generated code reads it: `true` keeps (or drops) the whole value, a tree selects inside it. */
export type Tree = { readonly [key: string]: true | Tree };

/** Options of `instance.dump()`. */
export interface DumpOptions {
  /** `'js'` (default) keeps Dates, bigints, Sets and Maps; `'json'` writes ISO strings, strings, arrays and objects. */
  mode?: 'js' | 'json';
  /** Only these fields (nested: `{ address: { zip: true } }`, items by index: `{ items: { 0: true } }`). */
  include?: Selection;
  /** Not these fields, in the same form as `include`. */
  exclude?: Selection;
  /** Write each field under its serialization alias. */
  byAlias?: boolean;
  /** Leave out fields parse filled from their defaults (and, as always, absent optional fields). */
  excludeUnset?: boolean;
  /** Leave out fields whose value equals their default. */
  excludeDefaults?: boolean;
  /** Leave out fields whose value is null. */
  excludeNone?: boolean;
  /** JSON mode writes the values of `Secret` fields instead of `'**********'` (JS mode keeps the `Secret` objects). */
  revealSecrets?: boolean;
}

/** Options of `instance.dumpJSON()`: those of `dump` (always in JSON mode), and the indentation. */
export interface DumpJSONOptions extends Omit<DumpOptions, 'mode'> {
  /** Spaces per level; none by default (one line). */
  indent?: number;
}

/** The options of one dump call, as generated code reads them. */
export interface DumpContext {
  readonly json: boolean;
  readonly alias: boolean;
  /** True when nothing is left out: no include or exclude, no exclude flag. */
  readonly plain: boolean;
  readonly unset: boolean;
  readonly defaults: boolean;
  readonly none: boolean;
  /** JSON mode writes secrets' values. */
  readonly reveal: boolean;
}

/** The context of `toJSON()`: JSON mode, by alias, nothing left out. */
export const TO_JSON: DumpContext = { json: true, alias: true, plain: true, unset: false, defaults: false, none: false, reveal: false };

/** The context of a dump call from its options. */
export function dumpContext(options: DumpOptions | undefined): DumpContext {
  const unset = options?.excludeUnset === true;
  const defaults = options?.excludeDefaults === true;
  const none = options?.excludeNone === true;
  const plain = !unset && !defaults && !none && options?.include === undefined && options?.exclude === undefined;
  return { json: options?.mode === 'json', alias: options?.byAlias === true, plain, unset, defaults, none, reveal: options?.revealSecrets === true };
}

/** A selection as a tree of null-prototype objects (so no key reads Object.prototype); undefined when absent. */
export function toTree(selection: Selection | undefined): Tree | undefined {
  if (selection === undefined) return undefined;
  const tree: Record<string, true | Tree> = Object.create(null);
  if (Array.isArray(selection)) {
    for (const key of selection as readonly (string | number)[]) tree[String(key)] = true;
    return tree;
  }
  for (const [key, value] of Object.entries(selection as Record<string, boolean | Selection>)) {
    if (value === true) tree[key] = true;
    else if (value !== false) tree[key] = toTree(value)!;
  }
  return tree;
}

function pick(tree: Tree, key: string | number): true | Tree | undefined {
  return tree[key] ?? tree['__all__'];
}

/** The part of a tree below `key`, or undefined when it selects all of it (or there is no tree). */
export function dumpSub(tree: Tree | undefined, key: string | number): Tree | undefined {
  if (tree === undefined) return undefined;
  const below = pick(tree, key);
  return below === true ? undefined : below;
}

/** Whether a dump keeps the field `key` of `instance` (pass no instance for computed fields, which are never unset). */
export function dumpKeep(
  d: DumpContext,
  instance: object | undefined,
  key: string,
  value: unknown,
  include: Tree | undefined,
  exclude: Tree | undefined,
): boolean {
  if (include !== undefined && pick(include, key) === undefined) return false;
  if (exclude !== undefined && pick(exclude, key) === true) return false;
  if (d.none && value === null) return false;
  return !(d.unset && instance !== undefined && defaultedOf(instance)?.includes(key) === true);
}

/** The items of an array an include/exclude tree keeps (by index), each dumped with its part of the trees. */
export function dumpItems(
  list: readonly unknown[],
  include: Tree | undefined,
  exclude: Tree | undefined,
  dump: (item: unknown, include: Tree | undefined, exclude: Tree | undefined) => unknown,
): unknown[] {
  const out: unknown[] = [];
  for (let i = 0; i < list.length; i++) {
    if (include !== undefined && pick(include, i) === undefined) continue;
    if (exclude !== undefined && pick(exclude, i) === true) continue;
    out.push(dump(list[i], dumpSub(include, i), dumpSub(exclude, i)));
  }
  return out;
}

/** True when `value` equals the JSON default `json` (deeply, for arrays and plain objects). */
export function isDefault(value: unknown, json: unknown): boolean {
  if (Array.isArray(json)) {
    return Array.isArray(value) && value.length === json.length && json.every((item, i) => isDefault(value[i], item));
  }
  if (typeof json !== 'object' || json === null) return value === json;
  if (typeof value !== 'object' || value === null || Array.isArray(value) || Object.getPrototypeOf(value) !== Object.prototype) return false;
  const keys = Object.keys(json);
  return (
    keys.length === Object.keys(value).length &&
    keys.every((k) => Object.hasOwn(value, k) && isDefault((value as Record<string, unknown>)[k], (json as Record<string, unknown>)[k]))
  );
}

/** Returns the object it is given, so a subclass's private field lands on that object. */
class Stamp {
  constructor(target: object) {
    return target as Stamp;
  }
}

/**
 * The defaulted fields of an instance, in a private field stamped on it: invisible to
 * Object.keys, spread, JSON, equality checks and structuredClone, and as cheap to add as a
 * property (a symbol-keyed defineProperty costs ten times more on V8).
 */
class Defaulted extends Stamp {
  readonly #keys: readonly string[];

  constructor(target: object, keys: readonly string[]) {
    super(target);
    this.#keys = keys;
  }

  static of(target: object): readonly string[] | undefined {
    return #keys in target ? (target as Defaulted).#keys : undefined;
  }
}

/**
 * The extra keys a model instance keeps (`extra: 'allow'`), in a private field stamped on it, as pydantic keeps
 * them in `__pydantic_extra__`: never own properties of the instance, so no input key (`isAdmin`, `dump`,
 * `toJSON`) can shadow a getter, computed field or method of the class.
 */
class Extras extends Stamp {
  readonly #values: Readonly<Record<string, unknown>>;

  constructor(target: object, values: Readonly<Record<string, unknown>>) {
    super(target);
    this.#values = values;
  }

  static of(target: object): Readonly<Record<string, unknown>> | undefined {
    return #values in target ? (target as Extras).#values : undefined;
  }
}

/** Stores a new instance's extra keys (a null-prototype record; called once per instance by parse, construct and copy). */
export function storeExtras(instance: object, values: Readonly<Record<string, unknown>>): void {
  new Extras(instance, values);
}

/** The extra keys stored on an instance, as stored (callers must not change it), or undefined when it has none. */
export function storedExtras(instance: object): Readonly<Record<string, unknown>> | undefined {
  return typeof instance === 'object' && instance !== null ? Extras.of(instance) : undefined;
}

/** Records which fields of a new instance hold their defaults (once per instance: called by generated parse, construct and copy). */
export function markDefaults(instance: object, keys: readonly string[]): void {
  new Defaulted(instance, keys);
}

/** The fields of an instance that hold their defaults because the input had no value for them. */
export function defaultedOf(instance: object): readonly string[] | undefined {
  return Defaulted.of(instance);
}

/** Gives a copy the defaulted fields of its source, except those the update sets. */
export function copyMarks(copy: object, source: object, update: object | undefined): void {
  const keys = defaultedOf(source);
  if (keys === undefined) return;
  const kept = update === undefined ? keys : keys.filter((key) => !Object.hasOwn(update, key));
  if (kept.length > 0) markDefaults(copy, kept);
}

/** Where a linked model's prototype keeps its generated functions. */
export const COMPILED: unique symbol = Symbol.for('tydantic.compiled') as never;

/** What dump and copy need of a linked model's generated functions. */
export interface Linked {
  readonly dump: (instance: unknown, d: DumpContext, include: Tree | undefined, exclude: Tree | undefined) => Record<string, unknown>;
  readonly copy: (instance: unknown, update: object | undefined, deep: boolean) => unknown;
}

/** A Map dumped: a new Map in JS mode, an object with the keys as strings in JSON mode. */
export function dumpMap(
  map: ReadonlyMap<unknown, unknown>,
  d: DumpContext,
  key: (key: unknown) => unknown,
  value: (value: unknown) => unknown,
): unknown {
  if (!d.json) return new Map(Array.from(map, ([k, x]) => [key(k), value(x)]));
  const out: Record<string, unknown> = {};
  for (const [k, x] of map) {
    define(out, String(key(k)), value(x));
  }
  return out;
}

/** Sets `key` on `target` as a plain data property: defined, not assigned, so a key `__proto__` stays data. */
export function define(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}
