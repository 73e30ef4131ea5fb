import { DECORATED } from './decorators';
import { type Issue, ValidationError } from './errors';
import { type MessageOverrides, templateOf } from './messages';
import { dumpValue, issue, type ParseContext } from './runtime';
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
  extra?: 'ignore' | 'forbid' | 'allow';
  /** Strict mode for this call: exact types only, for every field whose model or declaration does not say. */
  strict?: boolean;
  /** Message templates for this call, by error type (`{ string_too_short: 'Au moins {min_length} caractères' }`). */
  messages?: MessageOverrides;
  /** Any value, handed to every validator as `info.context`. */
  context?: unknown;
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

  /** Parses JSON text straight into the model (pydantic's `model_validate_json`): malformed text is a `json_invalid` issue. */
  static parseJSON<M extends ModelClass>(this: M, _text: string, _options?: ParseOptions): InstanceType<M> {
    throw notLinked(this);
  }

  /** Like `parseJSON`, but returns `{ success, data }` or `{ success, error }` instead of throwing. */
  static safeParseJSON<M extends ModelClass>(
    this: M,
    _text: string,
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
  const { name, is: check, parse: parseFn } = compiled;
  // Own statics are inherited by subclasses: one that has no code of its own must not pass as this model.
  const guard = (self: unknown): void => {
    if (self !== cls && typeof self === 'function') throw notLinked(self);
  };
  const validate = (input: unknown, c: ParseContext): unknown => {
    try {
      return parseFn(input, c);
    } catch (error) {
      // Input nested deeper than the stack (or cyclic, for a recursive model) is an issue, not a crash.
      if (!(error instanceof RangeError)) throw error;
      c.issues = [{ type: 'recursion_loop', loc: [], msg: templateOf('recursion_loop', c.messages), input }];
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
      return unwrap(run(input, options, false, true));
    },
    safeParse(this: unknown, input: unknown, options?: ParseOptions): SafeParseResult<unknown> {
      guard(this);
      return run(input, options, false, false);
    },
    parseJSON(this: unknown, text: string, options?: ParseOptions): unknown {
      guard(this);
      return unwrap(runJSON(text, options, true));
    },
    safeParseJSON(this: unknown, text: string, options?: ParseOptions): SafeParseResult<unknown> {
      guard(this);
      return runJSON(text, options, false);
    },
    jsonSchema(this: unknown, options?: JsonSchemaOptions): JsonSchemaObject {
      guard(this);
      if (compiled.schema === undefined) throw notLinked(cls);
      return jsonSchema(compiled.schema, options);
    },
  };
  // A safeParse error is returned, not thrown: it is built without a stack trace, the most costly part of it.
  const run = (input: unknown, options: ParseOptions | undefined, json: boolean, thrown: boolean): SafeParseResult<unknown> => {
    const c: ParseContext = { issues: [], extra: options?.extra, strict: options?.strict, json, messages: options?.messages, context: options?.context };
    const out = validate(input, c);
    return c.issues.length === 0 ? { success: true, data: out } : { success: false, error: failure(name, c.issues, thrown) };
  };
  const runJSON = (text: string, options: ParseOptions | undefined, thrown: boolean): SafeParseResult<unknown> => {
    let input: unknown;
    try {
      input = JSON.parse(text);
    } catch (error) {
      const c: ParseContext = { issues: [], extra: undefined, messages: options?.messages };
      issue(c, 'json_invalid', [], text, { error: error instanceof Error ? error.message : String(error) });
      return { success: false, error: failure(name, c.issues, thrown) };
    }
    return run(input, options, true, thrown);
  };
  if (compiled.schema !== undefined) {
    Object.defineProperty(cls, SCHEMA, { value: compiled.schema, configurable: true });
    // Standard JSON Schema (the Standard Schema family's extension); `validate` joins it when Standard Schema lands.
    Object.defineProperty(cls, '~standard', { value: standardJsonSchema(compiled.schema), configurable: true });
  }
  for (const key of ['is', 'parse', 'safeParse', 'parseJSON', 'safeParseJSON', 'jsonSchema'] as const) {
    Object.defineProperty(cls, key, { value: statics[key], writable: true, configurable: true });
  }
  Object.defineProperty(cls.prototype, COMPILED, { value: compiled, configurable: true });
}

/** The error of a failed parse; one that is only returned (safeParse) skips capturing a stack trace. */
function failure(name: string, issues: Issue[], thrown: boolean): ValidationError {
  if (thrown) return new ValidationError(name, issues);
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return new ValidationError(name, issues);
  } finally {
    Error.stackTraceLimit = limit;
  }
}

function unwrap(result: SafeParseResult<unknown>): unknown {
  if (result.success) return result.data;
  throw result.error;
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
