import { DECORATED } from './decorators';
import { ValidationError } from './errors';
import { messageTemplates } from './messages';
import { dumpValue, type ParseContext } from './runtime';
import { jsonSchema, type JsonSchemaObject, type JsonSchemaOptions, SCHEMA, type SchemaData, standardJsonSchema } from './json-schema';

/** The functions `tydantic generate` writes for one model. */
export interface Compiled {
  /** The model's name in messages. */
  readonly name: string;
  /** Strict, allocation-free check of already-typed data. */
  readonly is: (input: unknown) => boolean;
  /** Builds an instance, or returns undefined after reporting issues to `c`. */
  readonly parse: (input: unknown, c: ParseContext) => unknown;
  /** Turns a valid instance into JSON-ready plain data. */
  readonly dump: (instance: unknown) => unknown;
  /** The model's JSON Schema data, for `jsonSchema` (absent in modules generated before schemas existed). */
  readonly schema?: SchemaData;
}

/** The result of `safeParse`. */
export type SafeParseResult<T> = { success: true; data: T } | { success: false; error: ValidationError };

/** Options of one parse call. */
export interface ParseOptions {
  /** Overrides the model's `extra` policy for this call (nested models included). */
  extra?: 'ignore' | 'forbid';
}

/** The data shape of a model instance: its fields, recursively, without methods. */
export type Data<T> = T extends Date
  ? T
  : T extends readonly unknown[]
    ? { [I in keyof T]: Data<T[I]> }
    : T extends Model
      ? { [K in keyof T as T[K] extends (...args: never[]) => unknown ? never : K]: Data<T[K]> }
      : T;

type ModelClass = abstract new (...args: never[]) => Model;

const COMPILED: unique symbol = Symbol.for('tydantic.compiled') as never;

/** Base class of every model: the static methods are replaced by generated code at link time. */
export abstract class Model {
  /** Brand by which the compile step recognises model classes through the type checker. */
  declare static readonly '~tydantic'?: 'Model';

  /** Validates `input` and returns a new instance, or throws a ValidationError listing every issue. */
  static parse<M extends ModelClass>(this: M, _input: unknown, _options?: ParseOptions): InstanceType<M> {
    throw notLinked(this);
  }

  /** Like `parse`, but returns `{ success, data }` or `{ success, error }` instead of throwing. */
  static safeParse<M extends ModelClass>(
    this: M,
    _input: unknown,
    _options?: ParseOptions,
  ): SafeParseResult<InstanceType<M>> {
    throw notLinked(this);
  }

  /** Strict type guard for data of this model's shape: no coercion, no defaults, no allocation. */
  static is<M extends ModelClass>(this: M, _input: unknown): _input is Data<InstanceType<M>> {
    throw notLinked(this);
  }

  /** The model's JSON Schema (OpenAPI targets: its Schema Object), written by the compile step; a fresh object on every call. */
  static jsonSchema(_options?: JsonSchemaOptions): JsonSchemaObject {
    throw notLinked(this);
  }

  /** JSON-ready plain data: Dates as ISO strings, nested models as plain objects, absent fields left out. */
  toJSON(): unknown {
    const compiled = (this as unknown as { [COMPILED]?: Compiled })[COMPILED];
    if (compiled === undefined) throw notLinked(this.constructor);
    return compiled.dump(this);
  }
}

function notLinked(cls: unknown): Error {
  const name = typeof cls === 'function' ? cls.name : 'this model';
  if (typeof cls === 'function' && !Object.hasOwn(cls, DECORATED)) {
    return new Error(`${name} is not a model: decorate it with @model() and run \`npx tydantic generate\``);
  }
  return new Error(
    `${name} has no validator loaded: run \`npx tydantic generate\` and import the generated module ` +
      `(tydantic.gen) once at startup, before ${name} is used (not while modules are still loading, ` +
      `such as at the top level of a model's own file)`,
  );
}

/**
 * Installs a model's generated functions on its class (called by the generated module).
 * The statics are own properties closed over the generated functions: they need no `this`
 * at run time (TypeScript still types them as methods, so call them through the class).
 */
export function link(cls: abstract new (...args: never[]) => Model, compiled: Compiled): void {
  const { name, is: check, parse: run } = compiled;
  // Own statics are inherited by subclasses: one that has no code of its own must not pass as this model.
  const guard = (self: unknown): void => {
    if (self !== cls && typeof self === 'function') throw notLinked(self);
  };
  const validate = (input: unknown, c: ParseContext): unknown => {
    try {
      return run(input, c);
    } catch (error) {
      // Input nested deeper than the stack (or cyclic, for a recursive model) is an issue, not a crash.
      if (!(error instanceof RangeError)) throw error;
      c.issues = [{ type: 'recursion_loop', loc: [], msg: messageTemplates.recursion_loop, input }];
      return undefined;
    }
  };
  const statics = {
    is(this: unknown, input: unknown): boolean {
      guard(this);
      try {
        return check(input);
      } catch (error) {
        if (error instanceof RangeError) return false;
        throw error;
      }
    },
    parse(this: unknown, input: unknown, options?: ParseOptions): unknown {
      guard(this);
      const c: ParseContext = { issues: [], extra: options?.extra };
      const out = validate(input, c);
      if (c.issues.length === 0) return out;
      throw new ValidationError(name, c.issues);
    },
    safeParse(this: unknown, input: unknown, options?: ParseOptions): SafeParseResult<unknown> {
      guard(this);
      const c: ParseContext = { issues: [], extra: options?.extra };
      const out = validate(input, c);
      return c.issues.length === 0 ? { success: true, data: out } : { success: false, error: new ValidationError(name, c.issues) };
    },
    jsonSchema(this: unknown, options?: JsonSchemaOptions): JsonSchemaObject {
      guard(this);
      if (compiled.schema === undefined) throw notLinked(cls);
      return jsonSchema(compiled.schema, options);
    },
  };
  if (compiled.schema !== undefined) {
    Object.defineProperty(cls, SCHEMA, { value: compiled.schema, configurable: true });
    // Standard JSON Schema (the Standard Schema family's extension); `validate` joins it when Standard Schema lands.
    Object.defineProperty(cls, '~standard', { value: standardJsonSchema(compiled.schema), configurable: true });
  }
  for (const key of ['is', 'parse', 'safeParse', 'jsonSchema'] as const) {
    Object.defineProperty(cls, key, { value: statics[key], writable: true, configurable: true });
  }
  Object.defineProperty(cls.prototype, COMPILED, { value: compiled, configurable: true });
}

/** Lets instances of a generic model (parsed as a field of a concrete type) dump through `toJSON`. */
export function linkTemplate(cls: abstract new (...args: never[]) => Model): void {
  const dump = (instance: unknown): unknown => {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(instance as object)) {
      const value = dumpValue((instance as Record<string, unknown>)[key]);
      Object.defineProperty(out, key, { value, writable: true, enumerable: true, configurable: true });
    }
    return out;
  };
  const unusable = (): never => {
    throw notLinked(cls);
  };
  if (Object.hasOwn(cls.prototype, COMPILED)) return;
  Object.defineProperty(cls.prototype, COMPILED, { value: { name: cls.name, is: unusable, parse: unusable, dump }, configurable: true });
}
