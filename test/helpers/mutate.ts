/** Mutations of valid inputs for the differential tests: every place in a value, and copies with one place replaced. */

/** Every place in a value, as a path of keys and indices (Dates, Sets and Maps are leaves). */
export function paths(value: unknown, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(at);
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...at, i], out));
  else if (typeof value === 'object' && value !== null && !(value instanceof Date) && !(value instanceof Set) && !(value instanceof Map)) {
    for (const key of Object.keys(value)) paths((value as Record<string, unknown>)[key], [...at, key], out);
  }
  return out;
}

/** A copy of `value` with the thing at `path` replaced (keys defined, so `__proto__` stays data). */
export function replaced(value: unknown, path: readonly (string | number)[], by: unknown): unknown {
  if (path.length === 0) return by;
  const [head, ...rest] = path;
  const copy: any = Array.isArray(value) ? [...value] : { ...(value as object) };
  Object.defineProperty(copy, head!, { value: replaced((value as any)[head!], rest, by), enumerable: true, writable: true, configurable: true });
  return copy;
}

/** Numbers on and beside every bound a model states, and strings of lengths around them. */
export function boundaries(model: unknown): unknown[] {
  const values = new Set<unknown>([0]);
  JSON.stringify(model, (key, value) => {
    if (key === 'value' && typeof value === 'number') {
      for (const x of [value - 1, value, value + 1, value / 2]) {
        values.add(x);
        if (Number.isInteger(x) && x >= 0 && x < 64) values.add('A'.repeat(x));
      }
    }
    return value;
  });
  return [...values];
}
