import { DECORATED } from './decorators';
import { type Issue, ValidationError } from './errors';
import { COMPILED, define, dumpContext, type DumpContext, type DumpJSONOptions, type DumpOptions, TO_JSON, toTree, type Tree } from './dump';
import type { MessageOverrides } from './messages';
import { builtin, copyExtras, dumpValue, issue, keepExtras, MAX_DEPTH, type ParseContext, settle, shadowed } from './runtime';
import { jsonSchema, type JsonSchemaObject, type JsonSchemaOptions, SCHEMA, type SchemaData, standardJsonSchema } from './json-schema';
import { type StandardProps, standardProps } from './standard';

/** The functions `tydantic generate` writes for one model. */
export interface Compiled {
  /** The model's name in messages. */
  readonly name: string;
  /**
   * Strict, allocation-free check of already-typed data. It is the model's static `is` too, so it throws for
   * a `this` that is a subclass without code of its own.
   */
  readonly is: (this: unknown, input: unknown, depth: number) => boolean;
  /**
   * The model reaches a recursive type (one that can contain itself, through models or definitions): its check
   * and build take how many values of recursive types may still nest, and its parse keeps them in `c.stack`.
   */
  readonly recursive?: true;
  /** The model is itself a recursive type: its input is the first value on `c.stack`. */
  readonly cyclic?: true;
  /** How many values of recursive types may nest in each other (`@model({ maxDepth })`; MAX_DEPTH by default). */
  readonly maxDepth?: number;
  /** How many issues a parse collects (`@model({ maxIssues })`; MAX_ISSUES by default). */
  readonly maxIssues?: number;
  /** Issues leave out the input (`@model({ hideInput: true })`). */
  readonly hideInput?: true;
  /** Builds an instance, or returns undefined after reporting issues to `c`. */
  readonly parse: (input: unknown, c: ParseContext) => unknown;
  /**
   * Parse's fast path, for models whose instance is a plain copy of checked input: the instance when the input
   * passes the strict check (fields with a default may be absent), else undefined, in one pass.
   */
  readonly build?: (input: unknown, forbid: boolean, depth: number) => unknown;
  /** Turns an instance into plain data, as the context and the include/exclude trees say. */
  readonly dump: (instance: unknown, d: DumpContext, include: Tree | undefined, exclude: Tree | undefined) => Record<string, unknown>;
  /** Builds an instance from trusted data, without validation; absent fields with defaults get them. */
  readonly construct: (data: object) => unknown;
  /** The fields the module was generated for: `link` checks that the class still declares these and no others. */
  readonly fields?: readonly string[];
  /** Fields a `new` instance never owns (`declare`). */
  readonly neverOwn?: readonly string[];
  /** Fields without a default that a `new` instance owns all the same (`= undefined`). */
  readonly alwaysOwn?: readonly string[];
  /** The class or one it extends has a constructor: `link` makes no instance to compare. */
  readonly hasConstructor?: true;
  /** A new instance with the same fields (deep copies when `deep`), then the fields of `update`. */
  readonly copy: (instance: unknown, update: object | undefined, deep: boolean) => unknown;
  /** The model's JSON Schema data, built on first use. */
  readonly schema: () => SchemaData;
}

/** The result of `safeParse`. */
export type SafeParseResult<T> = { success: true; data: T } | { success: false; error: ValidationError };

/** Options of one parse call. */
export interface ParseOptions {
  /**
   * How many issues to collect (the model's `maxIssues`, else 100): past it, issues are only counted, and one
   * last `too_many_issues` issue says how many more there were.
   */
  maxIssues?: number;
  /** Leave the input out of every issue and of `error.message`, as the model's `hideInput` does (for secrets); `false` does not undo the model's. */
  hideInput?: boolean;
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

/** Base class of every model: the static methods are replaced by generated code at link time. */
export abstract class Model {
  /** Brand by which the compile step recognises model classes through the type checker. */
  declare static readonly '~tydantic'?: 'Model';

  /**
   * Standard Schema v1 (tRPC, Hono, form libraries): `validate` parses as `safeParse` does, `jsonSchema` gives
   * the input and output schemas. Its types name `Model`; `declare static readonly '~standard': Standard<User>;`
   * in a class types it for that class.
   */
  declare static readonly '~standard': StandardProps<unknown, Model>;

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

  /** Builds an instance from trusted data without validating it: absent fields with a default get it, other absent fields stay absent. */
  static construct<M extends ModelClass>(this: M, _data: Partial<Data<InstanceType<M>>>): InstanceType<M> {
    throw notLinked(this);
  }

  /** The fields as plain data (nested models too), then computed fields; see DumpOptions for what is left out. */
  dump(options?: DumpOptions): Record<string, unknown> {
    return compiledOf(this).dump(this, dumpContext(options), toTree(options?.include), toTree(options?.exclude));
  }

  /** `dump()` in JSON mode, as a JSON string. */
  dumpJSON(options?: DumpJSONOptions): string {
    return JSON.stringify(this.dump({ ...options, mode: 'json' }), null, options?.indent);
  }

  /** `dump({ mode: 'json', byAlias: true })`: what `JSON.stringify` writes for an instance. */
  toJSON(): unknown {
    return compiledOf(this).dump(this, TO_JSON, undefined, undefined);
  }

  /** A new instance with the same fields, then those of `update` (not validated); `deep` copies nested values too. A frozen model's copy is frozen. */
  copy<T extends Model>(this: T, update?: Partial<Data<T>>, options?: { deep?: boolean }): T {
    return compiledOf(this).copy(this, update, options?.deep === true) as T;
  }
}

/**
 * True when `v`, an object whose `constructor` is not `Object` (generated `is` code tests that first: plain
 * data passes at the cost of one inline-cached load), is not data of a model's shape: a model instance with
 * an own key that replaces a member of its class (`shadowed`), or a built-in whose keys are not its data.
 */
export function unfit(v: object, known: readonly string[]): boolean {
  return v instanceof Model ? shadowed(v, known) : builtin(v);
}

function compiledOf(instance: Model): Compiled {
  const compiled = (instance as unknown as { [COMPILED]?: Compiled })[COMPILED];
  if (compiled === undefined) throw notLinked(instance.constructor);
  return compiled;
}

/** Throws for a class that inherited a model's statics without code of its own (generated `is` functions call it). */
export function unlinked(self: unknown): void {
  if (typeof self === 'function') throw notLinked(self);
}

function notLinked(cls: unknown): Error {
  const name = typeof cls === 'function' ? cls.name : 'this model';
  if (typeof cls === 'function' && !Object.hasOwn(cls, DECORATED)) {
    return new Error(`${name} is not a model: decorate it with @model() and run \`npx tydantic generate\``);
  }
  return new Error(
    `${name} has no validator loaded: run \`npx tydantic generate\` and import the generated module ` +
      `(tydantic.gen) once at startup, before ${name} is used (not at the top level of a model's own file)`,
  );
}

/**
 * Installs a model's generated functions on its class (called by the generated module).
 * The statics are own properties closed over the generated functions: they need no `this`
 * at run time (TypeScript still types them as methods, so call them through the class).
 */
export function link(cls: abstract new (...args: never[]) => Model, compiled: Compiled): Run {
  const { name, is: check, parse: parseFn, build, recursive } = compiled;
  if (compiled.fields !== undefined) stale(cls, compiled, compiled.fields);
  const maxDepth = compiled.maxDepth ?? MAX_DEPTH;
  // Own statics are inherited by subclasses: one that has no code of its own must not pass as this model.
  const guard = (self: unknown): void => {
    if (self !== cls) unlinked(self);
  };
  // One parse call, from `self`'s static; `json`: the input is JSON text, and malformed text is a `json_invalid` issue.
  // Returns the instance itself (no result object on parse's hot path); a failure is thrown with `thrown`, else
  // its error is returned (never mistaken for data: parse returns model instances). A safeParse error is built
  // without a stack trace, the most costly part of it.
  // `wrap` (a validator<T>()'s holder): the input is the value of the holder's one field.
  const run = (self: unknown, input: unknown, options: ParseOptions | undefined, json: boolean, thrown: boolean, wrap?: string): unknown => {
    guard(self);
    const text = input;
    let malformed: string | undefined;
    if (json) {
      try {
        input = JSON.parse(text as string);
      } catch (error) {
        // JSON.parse throws only SyntaxErrors.
        malformed = (error as SyntaxError).message;
      }
    }
    if (wrap !== undefined) input = { [wrap]: input };
    // Input the strict check accepts needs no conversion and has nothing to report (unless the call keeps extra
    // keys, which a build drops): `build` checks and builds it in one pass, without the parse context, which only
    // the full path needs; at the first value that does not pass (an extra key where the call or the model
    // forbids them too), it returns undefined and the full path runs.
    if (malformed === undefined && build !== undefined && options?.extra !== 'allow') {
      const out = build(input, options?.extra === 'forbid', maxDepth);
      if (out !== undefined) return out;
    }
    // A call can hide what a model shows, never show what a model hides.
    const hide = options?.hideInput === true || compiled.hideInput === true;
    const c: ParseContext = { issues: [], extra: options?.extra, strict: options?.strict, json, messages: options?.messages, context: options?.context, maxIssues: options?.maxIssues ?? compiled.maxIssues };
    if (recursive) {
      // A recursive model's own input is the outermost value of a recursive type.
      c.stack = compiled.cyclic ? [input] : [];
      c.maxDepth = maxDepth;
    }
    let out: unknown;
    // V8 quotes the text around a syntax error: hidden input leaves it out.
    if (malformed !== undefined) issue(c, 'json_invalid', [], text, { error: hide ? malformed.replace(/, (?:\.\.\.)?".*"(?:\.\.\.)? is not valid JSON$/s, ' is not valid JSON') : malformed });
    else out = parseFn(input, c);
    if (c.issues.length === 0) return out;
    const error = failure(name, settle(c, hide), thrown);
    if (thrown) throw error;
    return error;
  };
  const statics = {
    // The check itself (it refuses a subclass's `this`), or for a recursive model the check told the depth allowed.
    is: recursive
      ? function (this: unknown, input: unknown): boolean {
          return check.call(this, input, maxDepth);
        }
      : check,
    parse(this: unknown, input: unknown, options?: ParseOptions): unknown {
      return run(this, input, options, false, true);
    },
    safeParse(this: unknown, input: unknown, options?: ParseOptions): SafeParseResult<unknown> {
      return result(run(this, input, options, false, false));
    },
    parseJSON(this: unknown, text: string, options?: ParseOptions): unknown {
      return run(this, text, options, true, true);
    },
    safeParseJSON(this: unknown, text: string, options?: ParseOptions): SafeParseResult<unknown> {
      return result(run(this, text, options, true, false));
    },
    jsonSchema(this: unknown, options?: JsonSchemaOptions): JsonSchemaObject {
      guard(this);
      return jsonSchema(compiled.schema(), options);
    },
    construct(this: unknown, data: object): unknown {
      guard(this);
      return compiled.construct(data);
    },
  };
  hide(cls, SCHEMA, compiled.schema);
  // Standard Schema v1, with the Standard JSON Schema extension.
  hide(cls, '~standard', standardProps((input, options) => result(run(cls, input, options, false, false)) as never, standardJsonSchema(compiled.schema)));
  for (const [key, value] of Object.entries(statics)) Object.defineProperty(cls, key, { value, writable: true, configurable: true });
  hide(cls.prototype, COMPILED, compiled);
  return run;
}

/**
 * One parse call of a linked class, as its statics make it: the input (JSON text with `json`) wrapped as
 * `{ [wrap]: input }` when `wrap` is set; the result, or its ValidationError (thrown with `thrown`). `link`
 * returns it, so a `validator<T>()` parses through its holder without a static of its own.
 */
export type Run = (self: unknown, input: unknown, options: ParseOptions | undefined, json: boolean, thrown: boolean, wrap?: string) => unknown;

/**
 * Throws when the class no longer declares the fields its generated code was made for: a module generated
 * before the model changed would leave a new field unset and refuse a new optional one as extra. One instance
 * made with `new` tells: it owns a key for every field with an initializer, and for every declared field under
 * `useDefineForClassFields` (the default from target ES2022). Only certain mismatches count: a key the module
 * does not know, and, once a field without an initializer shows define semantics, a field the instance lacks.
 * A class with a constructor is not probed (parse never runs constructors); model initializers are literal
 * data, so for any other model `new` runs nothing with effects.
 */
function stale(cls: abstract new (...args: never[]) => Model, compiled: Compiled, fields: readonly string[]): void {
  const { neverOwn = [], alwaysOwn = [] } = compiled;
  let probe: object;
  // The fields with a default: those `construct` fills in.
  let defaulted: object;
  try {
    if (compiled.hasConstructor) return;
    probe = Reflect.construct(cls, []) as object;
    defaulted = compiled.construct({}) as object;
  } catch {
    return;
  }
  // Field lists are short: arrays' includes cost less code than sets, for the same time.
  const owned = (field: string): boolean => Object.hasOwn(probe, field) && !neverOwn.includes(field);
  const define = fields.some((field) => owned(field) && !Object.hasOwn(defaulted, field) && !alwaysOwn.includes(field));
  const text = (
    [
      [Object.keys(probe).filter((key) => !fields.includes(key)), 'not in the generated module'],
      [define ? fields.filter((field) => !owned(field) && !neverOwn.includes(field)) : [], 'no longer declared'],
    ] as const
  )
    .filter(([keys]) => keys.length > 0)
    .map(([keys, what]) => `${keys.map((key) => `'${key}'`).join(', ')} ${keys.length > 1 ? 'are' : 'is'} ${what}`);
  if (text.length > 0) throw new Error(`${compiled.name} changed after its validator was generated: ${text.join('; ')}. Run \`npx tydantic generate\``);
}

/** Sets `key` on `target` as a non-enumerable, read-only (but configurable: a model can be linked again) property. */
function hide(target: object, key: PropertyKey, value: unknown): void {
  Object.defineProperty(target, key, { value, configurable: true });
}

function result(out: unknown): SafeParseResult<unknown> {
  return out instanceof ValidationError ? { success: false, error: out } : { success: true, data: out };
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

/** Lets instances of a generic model (parsed as a field of a concrete type) dump and copy through their own keys. */
export function linkTemplate(cls: abstract new (...args: never[]) => Model): void {
  const each = (instance: object, f: (key: string, value: unknown) => void): void => {
    for (const key of Object.keys(instance)) f(key, (instance as Record<string, unknown>)[key]);
  };
  const dump = (instance: unknown, d: DumpContext): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    each(instance as object, (key, value) => define(out, key, dumpValue(value, d)));
    return out;
  };
  const copy = (instance: unknown, update: object | undefined, deep: boolean): unknown => {
    const out: object = Object.create(cls.prototype);
    // Every own key is data here (no field list): copied as plain object types copy their extras.
    keepExtras(out, instance as object, [], deep);
    // An update key that names a member of the class (`dump`, a getter) would shadow it: not a field, so left out.
    if (update !== undefined) keepExtras(out, update, Object.keys(update).filter((key) => key in cls.prototype));
    copyExtras(out, instance as object, deep);
    return out;
  };
  const unusable = (): never => {
    throw notLinked(cls);
  };
  if (Object.hasOwn(cls.prototype, COMPILED)) return;
  const compiled: Compiled = { name: cls.name, is: unusable, parse: unusable, dump, construct: unusable, copy, schema: unusable };
  hide(cls.prototype, COMPILED, compiled);
}
