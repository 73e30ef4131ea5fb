/**
 * Instances built without validation: `M.construct(data)` and
 * `instance.copy(update, { deep })`. They need no code per model, only the
 * model's prototype, its field names and its defaults, so the generated
 * module hands those to `instances` instead of two functions per model.
 */
import { copyMarks, markDefaults } from './dump';
import { cloneValue, copyExtras, keepExtras } from './runtime';

/** `extra: 'allow'`: extras are kept by construct and copied by copy. */
export const KEEP_EXTRAS = 1;
/** `frozen: true`: both return frozen instances. */
export const FROZEN = 2;

/** The `construct` and `copy` of one model (generated code only). */
export function instances(
  proto: object,
  keys: readonly string[],
  /** `[field, default]` pairs, as JSON data; each instance that needs one gets a fresh copy. */
  defaults: readonly (readonly [string, unknown])[],
  flags: number,
): {
  construct: (data: object) => unknown;
  copy: (instance: unknown, update: object | undefined, deep: boolean) => unknown;
} {
  const fallback = new Map(defaults);
  const done = (o: object): object => ((flags & FROZEN) !== 0 ? Object.freeze(o) : o);
  return {
    construct(data) {
      const o: object = Object.create(proto);
      let marked: string[] | undefined;
      for (const key of keys) {
        const value = read(data, key);
        if (value !== undefined) {
          define(o, key, value);
        } else if (fallback.has(key)) {
          define(o, key, cloneValue(fallback.get(key)));
          (marked ??= []).push(key);
        }
      }
      if (marked !== undefined) markDefaults(o, marked);
      if ((flags & KEEP_EXTRAS) !== 0) keepExtras(o, data, keys);
      return done(o);
    },
    copy(instance, update, deep) {
      const o: object = Object.create(proto);
      for (const key of keys) {
        let value = read(instance as object, key);
        if (update !== undefined && Object.hasOwn(update, key)) value = (update as Record<string, unknown>)[key];
        else if (deep) value = cloneValue(value);
        if (value !== undefined) define(o, key, value);
      }
      if ((flags & KEEP_EXTRAS) !== 0) copyExtras(o, instance as object, keys, deep);
      copyMarks(o, instance as object, update);
      return done(o);
    },
  };
}

/** A field's value; members every object inherits (`toString`, …) read as absent unless the object has its own. */
function read(source: object, key: string): unknown {
  return key in Object.prototype && !Object.hasOwn(source, key) ? undefined : (source as Record<string, unknown>)[key];
}

function define(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}
