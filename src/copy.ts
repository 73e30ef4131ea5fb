/**
 * Instances built without validation: `M.construct(data)` and
 * `instance.copy(update, { deep })`. They need no code per model, only the
 * model's prototype, its field names and its defaults, so the generated
 * module hands those to `instances` instead of two functions per model.
 */
import { copyMarks, define, markDefaults } from './dump';
import { cloneValue, copyExtras, stashExtras } from './runtime';

/** The `construct` and `copy` of one model (generated code only). */
export function instances(
  proto: object,
  keys: readonly string[],
  /** `[field, default]` pairs, as JSON data; each instance that needs one gets a fresh copy. */
  defaults: readonly (readonly [string, unknown])[],
  /** 1: `extra: 'allow'` (construct keeps extras; copy always copies those an instance has); 2: `frozen: true` (instances are frozen). */
  flags: number,
  /** Fields whose default is computed (`id = crypto.randomUUID()`): taken from a new instance of the class. */
  factories: readonly string[] = [],
): {
  construct: (data: object) => unknown;
  copy: (instance: unknown, update: object | undefined, deep: boolean) => unknown;
  fields: readonly string[];
} {
  const fallback = new Map(defaults);
  // A field's value; members every object inherits (`toString`, …) read as absent unless the object has its own.
  const read = (source: object, key: string): unknown =>
    key in Object.prototype && !Object.hasOwn(source, key) ? undefined : (source as Record<string, unknown>)[key];
  // Builds an instance from `value(key)` per field; a field whose value is undefined is left out.
  const make = (value: (key: string) => unknown): Record<string, unknown> => {
    const o: Record<string, unknown> = Object.create(proto);
    for (const key of keys) {
      const x = value(key);
      if (x !== undefined) define(o, key, x);
    }
    return o;
  };
  const done = (o: object): unknown => (flags & 2 ? Object.freeze(o) : o);
  return {
    // What link compares with the fields the class declares now (a stale module fails there).
    fields: keys,
    construct(data) {
      const marked: string[] = [];
      let template: Record<string, unknown> | undefined;
      const o = make((key) => {
        const x = read(data, key);
        if (x !== undefined) return x;
        if (factories.includes(key)) {
          marked.push(key);
          template ??= new (proto.constructor as new () => Record<string, unknown>)();
          return template[key];
        }
        if (!fallback.has(key)) return x;
        marked.push(key);
        return cloneValue(fallback.get(key));
      });
      if (marked.length > 0) markDefaults(o, marked);
      if (flags & 1) stashExtras(o, data, keys);
      return done(o);
    },
    copy(instance, update, deep) {
      const o = make((key) =>
        update !== undefined && Object.hasOwn(update, key) ? (update as Record<string, unknown>)[key] : deep ? cloneValue(read(instance as object, key)) : read(instance as object, key),
      );
      copyExtras(o, instance as object, deep);
      copyMarks(o, instance as object, update);
      return done(o);
    },
  };
}
