/**
 * `Secret<T>`: a value that never shows itself (pydantic's `SecretStr`). Its
 * text, its JSON, its `util.inspect` form and the error inputs of its field
 * are all `'**********'`; only `.reveal()` returns what it holds.
 */

/** What a secret shows instead of its value. */
export const MASK = '**********';

// Node's `util.inspect` looks this symbol up: a registered symbol, so the runtime imports nothing of Node.
const INSPECT = Symbol.for('nodejs.util.inspect.custom');
/** The key of the brand getter; registered, so both copies of the runtime share it. */
const SECRET: unique symbol = Symbol.for('tydantic.secret') as never;

/** A value kept out of logs, messages and JSON; the compile step validates `T` and wraps it. */
export class Secret<T = string> {
  /** Brand by which the compile step recognises the type through the type checker. */
  declare readonly '~tydantic'?: 'Secret';
  // A private field: no enumeration, spread, `Object.keys` or structural equality sees it.
  readonly #value: T;

  constructor(value: T) {
    this.#value = value;
    Object.freeze(this);
  }

  /**
   * `error instanceof`-style test that holds for a Secret of either copy of the runtime (the ESM and CommonJS
   * builds in one process): recognised by its brand method, not by which copy's class built it.
   */
  static [Symbol.hasInstance](value: unknown): boolean {
    if (this !== Secret) return Object.prototype.isPrototypeOf.call(this.prototype, value as object);
    return typeof value === 'object' && value !== null && (value as { [SECRET]?: unknown })[SECRET] === true;
  }

  /** The value itself. */
  reveal(): T {
    return this.#value;
  }

  /** `'**********'`. */
  toString(): string {
    return MASK;
  }

  /** `'**********'`: what `JSON.stringify` writes. */
  toJSON(): string {
    return MASK;
  }

  /** `Secret('**********')`: what `console.log` and `util.inspect` show. */
  [INSPECT](): string {
    return `Secret('${MASK}')`;
  }

  /** True for any secret: the test `instanceof` makes across copies of the runtime. */
  get [SECRET](): true {
    return true;
  }
}

/** What a secret field's input is: the secret's value, or the input itself. */
export function revealed(value: unknown): unknown {
  return value instanceof Secret ? value.reveal() : value;
}
