import type { Model } from './model';

/** Options of `@model()`; the compile step reads them from source, so they must be literals. */
export interface ModelOptions {
  /** What parse does with keys the model does not declare: drop them (default), report `extra_forbidden`, or keep them. */
  extra?: 'ignore' | 'forbid' | 'allow';
  /** Overrides the class's JSDoc as the model's description. */
  description?: string;
  /** Strict mode for this model's fields: exact types only, no conversions (a field's own `strict` wins). */
  strict?: boolean;
  /** Lax mode turns numbers into strings for the `string` fields of this model. */
  coerceNumbersToStr?: boolean;
  /** A field with a validation alias also accepts its own name as the input key. */
  populateByName?: boolean;
  /**
   * The alias of every field without its own: a style, or an inline function of the field name that
   * `tydantic generate` runs at compile time (so it may use nothing but its argument).
   */
  aliasGenerator?: 'camelCase' | 'snake_case' | 'PascalCase' | ((name: string) => string);
  /** Instances are frozen once built (by parse, construct or copy): assigning a field throws a TypeError. */
  frozen?: boolean;
  /**
   * How many values of recursive types (types that can contain themselves) may nest in each other in this
   * model's input: deeper input is a `too_deep` issue (parse) or false (`is`). 256 by default.
   */
  maxDepth?: number;
  /**
   * How many issues a parse of this model collects (100 by default): past it, issues are only counted, and one
   * last `too_many_issues` issue says how many more there were. Bounds the time and memory of a failed parse.
   */
  maxIssues?: number;
  /**
   * Issues and `error.message` leave out the input values (pydantic's `hide_input_in_errors`): for models whose
   * input holds secrets (passwords, tokens, the environment).
   */
  hideInput?: boolean;
}

/** Options of `@computed()`; the compile step reads them from source, so they must be literals. */
export interface ComputedOptions {
  /** Overrides the getter's JSDoc as the computed field's description. */
  description?: string;
}

/** Options of `@field()`; the compile step reads them from source, so they must be literals or consts. */
export interface FieldOptions {
  /** Strings: at least this many characters (UTF-16 code units). */
  minLength?: number;
  /** Strings: at most this many characters. */
  maxLength?: number;
  /** Strings: must contain a match of this regular expression (anchor it with ^…$ to match the whole string). */
  pattern?: string | RegExp;
  /** Numbers: greater than. Dates and `DateString`s: after this ISO 8601 date or date-time (`'2020-01-01'`). */
  gt?: number | string;
  /** Numbers: greater than or equal to. Dates: at or after this ISO 8601 date or date-time. */
  ge?: number | string;
  /** Numbers: less than. Dates: before this ISO 8601 date or date-time. */
  lt?: number | string;
  /** Numbers: less than or equal to. Dates: at or before this ISO 8601 date or date-time. */
  le?: number | string;
  /** Dates: before the moment of parsing (pydantic's `PastDatetime`). `DateString`s: a day before today's in UTC (`PastDate`). */
  past?: boolean;
  /** Dates: after the moment of parsing (pydantic's `FutureDatetime`). `DateString`s: a day after today's in UTC (`FutureDate`). */
  future?: boolean;
  /** Numbers: a multiple of this (positive) number. */
  multipleOf?: number;
  /** Numbers: must be an integer. */
  int?: boolean;
  /** Arrays: at least this many items. */
  minItems?: number;
  /** Arrays: at most this many items. */
  maxItems?: number;
  /**
   * Strings: a format, as the `Email`, `Url`, `HttpUrl`, `Uuid`, `IPv4`, `IPv6`, `DateString`, `TimeString`,
   * `Duration`, `IPv4Network`, `IPv6Network`, `IPv4Interface` and `IPv6Interface` types require.
   */
  format?: 'email' | 'url' | 'httpUrl' | 'uuid' | 'ipv4' | 'ipv6' | 'date' | 'time' | 'duration' | 'ipv4Network' | 'ipv6Network' | 'ipv4Interface' | 'ipv6Interface';
  /** Overrides the property's JSDoc as the field's description. */
  description?: string;
  /** Strict mode for this field (wins over the model's and the call's). */
  strict?: boolean;
  /** Lax mode turns numbers into strings for this `string` field. */
  coerceNumbersToStr?: boolean;
  /** The key used for input and for `dump({ byAlias: true })`. */
  alias?: string;
  /**
   * The input key (wins over `alias`), or several tried in turn, the first present one giving the value
   * (`['first_name', 'fname']`, pydantic's `AliasChoices`).
   */
  validationAlias?: string | readonly [string, ...string[]];
  /** The output key of `dump({ byAlias: true })` (wins over `alias`). */
  serializationAlias?: string;
  /** What the field takes when its input fails (literal data), the field's issues dropped: zod's `catch`. */
  fallback?: unknown;
  /** The field's own message templates, by error type (`{ string_too_short: 'At least {min_length} characters' }`). */
  messages?: { readonly [type: string]: string };
}

type ModelClass = abstract new (...args: never[]) => Model;

/** What `@model()` returns: a class decorator for both TC39 and `experimentalDecorators` mode. */
export interface ModelDecorator {
  <C extends ModelClass>(value: C, context: ClassDecoratorContext<C>): void;
  <C extends ModelClass>(value: C): void;
  /** Brand by which the compile step recognises the decorator through the type checker. */
  readonly '~tydantic'?: 'model';
}

/** What `@field()` returns: a field decorator for both TC39 and `experimentalDecorators` mode. */
export interface FieldDecorator {
  (value: undefined, context: ClassFieldDecoratorContext): void;
  (target: object, key: string | symbol): void;
  /** Brand by which the compile step recognises the decorator through the type checker. */
  readonly '~tydantic'?: 'field';
}

/** What `@computed()` returns: a getter decorator for both TC39 and `experimentalDecorators` mode. */
export interface ComputedDecorator {
  (value: () => unknown, context: ClassGetterDecoratorContext): void;
  (target: object, key: string | symbol, descriptor: PropertyDescriptor): void;
  /** Brand by which the compile step recognises the decorator through the type checker. */
  readonly '~tydantic'?: 'computed';
}

/** Options of `@fieldValidator()` and `@modelValidator()`. */
export interface ValidatorOptions {
  /**
   * `before`: on the raw input, before type validation; `after` (default): on the validated value. Field
   * validators also take `plain` (instead of type validation: the method's result is the value) and `wrap`
   * (`(value, next, info)`: `next` runs type validation and throws a ValidationError when it fails).
   */
  mode?: 'before' | 'after' | 'plain' | 'wrap';
}

/** What a validator gets besides the value. */
export interface ValidationInfo {
  /** The `context` option of the parse call. */
  readonly context: unknown;
  /** The field being validated (undefined for a model validator). */
  readonly field: string | undefined;
}

/** What `@fieldValidator()` returns: a static method decorator for both decorator modes. */
export interface FieldValidatorDecorator {
  (value: (...args: never[]) => unknown, context: ClassMethodDecoratorContext): void;
  (target: object, key: string | symbol, descriptor: PropertyDescriptor): void;
  /** Brand by which the compile step recognises the decorator through the type checker. */
  readonly '~tydantic'?: 'fieldValidator';
}

/** What `@modelValidator()` returns: a static method decorator for both decorator modes. */
export interface ModelValidatorDecorator {
  (value: (...args: never[]) => unknown, context: ClassMethodDecoratorContext): void;
  (target: object, key: string | symbol, descriptor: PropertyDescriptor): void;
  /** Brand by which the compile step recognises the decorator through the type checker. */
  readonly '~tydantic'?: 'modelValidator';
}

/**
 * Runs a static method on the named fields: `(value, info) => value`. Throwing
 * reports a `value_error` at the field with the error's message; the returned
 * value replaces the field's.
 */
export function fieldValidator(_fields: string | readonly string[], _options?: ValidatorOptions): FieldValidatorDecorator {
  return (() => undefined) as FieldValidatorDecorator;
}

/**
 * Runs a static method on the whole input (`before`) or the new instance
 * (`after`, default): `(value, info) => value`. Throwing reports a
 * `value_error` at `loc: []`.
 */
export function modelValidator(_options?: ValidatorOptions): ModelValidatorDecorator {
  return (() => undefined) as ModelValidatorDecorator;
}

/** What `@fieldSerializer()` returns: a static method decorator for both decorator modes. */
export interface FieldSerializerDecorator {
  (value: (...args: never[]) => unknown, context: ClassMethodDecoratorContext): void;
  (target: object, key: string | symbol, descriptor: PropertyDescriptor): void;
  /** Brand by which the compile step recognises the decorator through the type checker. */
  readonly '~tydantic'?: 'fieldSerializer';
}

/** Options of `@fieldSerializer()`. */
export interface SerializerOptions {
  /** `plain` (default): `(value, info) => output`; `wrap`: `(value, next, info) => output`, `next` the standard dump. */
  mode?: 'plain' | 'wrap';
}

/** What a serializer gets besides the value. */
export interface SerializationInfo {
  /** `json` for JSON-mode dumps (`toJSON`, `dumpJSON`), `js` otherwise. */
  readonly mode: 'js' | 'json';
  /** The field being written. */
  readonly field: string;
}

/**
 * Runs a static method when `dump` writes the named fields (pydantic's `@field_serializer`): its result is the
 * output. With `mode: 'wrap'` it also gets `next`, which dumps the value as it would be without it.
 */
export function fieldSerializer(_fields: string | readonly string[], _options?: SerializerOptions): FieldSerializerDecorator {
  return (() => undefined) as FieldSerializerDecorator;
}

/** Marks a class whose `@model()` decorator ran. */
export const DECORATED: unique symbol = Symbol.for('tydantic.decorated') as never;

/** Declares a model: `tydantic generate` writes its validator from the class's type annotations. */
export function model(_options?: ModelOptions): ModelDecorator {
  return ((value: unknown) => {
    if (typeof value !== 'function') throw new TypeError('@model() decorates classes only');
    Object.defineProperty(value, DECORATED, { value: true });
  }) as ModelDecorator;
}

/** Adds constraints and a description to a model field (read by `tydantic generate`). */
export function field(_options: FieldOptions): FieldDecorator {
  return (() => undefined) as FieldDecorator;
}

/** Marks a getter as a computed field: `dump()` writes its value after the fields (read by `tydantic generate`). */
export function computed(_options?: ComputedOptions): ComputedDecorator {
  return (() => undefined) as ComputedDecorator;
}
