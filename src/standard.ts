/**
 * Standard Schema v1 (standardschema.dev): the interface tRPC, Hono, TanStack Form and other tools read
 * from any validation library. Every linked model class carries it as `~standard`; the types below are
 * written from the specification, so the runtime needs no dependency for them.
 */
import type { Tag } from './brands';
import type { Issue, Loc } from './errors';
import type { JsonSchemaObject } from './json-schema';
import type { ParseOptions } from './model';

/** An object that follows Standard Schema v1: its `~standard` property validates and types values. */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  /** The Standard Schema properties. */
  readonly '~standard': StandardProps<Input, Output>;
}

/** The `~standard` property of a model class. */
export interface StandardProps<Input = unknown, Output = Input> {
  /** The Standard Schema version. */
  readonly version: 1;
  /** The library that made the schema. */
  readonly vendor: 'tydantic';
  /**
   * Parses `value` (lax, as `M.safeParse` does; `options.libraryOptions` are ParseOptions): `{ value }`, the
   * instance, or `{ issues }`, each with pydantic's message, its path and its error type. Always synchronous.
   */
  readonly validate: (value: unknown, options?: StandardOptions) => StandardResult<Output>;
  /** The input and output types, for tools that infer them (never present at run time). */
  readonly types?: { readonly input: Input; readonly output: Output } | undefined;
  /** Standard JSON Schema: the schema of the input and of the output, for a target such as `draft-2020-12`. */
  readonly jsonSchema: {
    /** The schema of the input parse accepts (validation mode). */
    readonly input: (options: { readonly target: string }) => JsonSchemaObject;
    /** The schema of the data `toJSON` writes (serialization mode). */
    readonly output: (options: { readonly target: string }) => JsonSchemaObject;
  };
}

/** The options a Standard Schema consumer may pass to `validate`. */
export interface StandardOptions {
  /** tydantic's own options of one parse call. */
  readonly libraryOptions?: ParseOptions | undefined;
}

/** The result of `~standard.validate`. */
export type StandardResult<Output> = { readonly value: Output; readonly issues?: undefined } | { readonly issues: readonly StandardIssue[] };

/** One issue as Standard Schema reports it: pydantic's message and the path of keys and indices, with the error type. */
export interface StandardIssue {
  /** The issue's message, as pydantic words it. */
  readonly message: string;
  /** The path of keys and indices to the value (the issue's `loc`). */
  readonly path: Loc;
  /** The pydantic error type (`missing`, `int_parsing`, …). */
  readonly type: Issue['type'];
}

/** Any model class (a class whose instances are models). */
type ModelClass = abstract new (...args: never[]) => object;

/**
 * The `~standard` type for a model class, for tools that infer types from it (tRPC, Hono's `sValidator`):
 * `declare static readonly '~standard': Standard<User>;` in `class User` types it for that class (a static
 * property's type cannot follow the subclass it is read from).
 */
export type Standard<T extends object> = StandardProps<InputOf<T>, T>;

/** What a model parses to: its instance type (`Output<typeof User>` is `User`). */
export type Output<M extends ModelClass> = InstanceType<M>;

/**
 * What a client may send to a model (`Input<typeof User>`): input keys (aliases), fields with a default
 * optional, lax inputs where the model is lax (`number | \`${number}\``), Dates as ISO text too. The generated
 * module registers each model's input type (`ModelInputs`); for a model it does not register (a build
 * plugin's module, which the type checker does not see) the type is read from the class: every field as
 * declared, refinement tags dropped.
 */
export type Input<M extends ModelClass> = InputOf<InstanceType<M>>;

/**
 * The input types of the project's models, by model id: `[instance type, input type]`. Generated TypeScript
 * modules add their models here (`declare module 'tydantic'`); nothing else should.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ModelInputs {}

/** The registered input type of a model's instance type, or never. */
type Registered<T> = {
  [K in keyof ModelInputs]: ModelInputs[K] extends readonly [infer C, infer I] ? ([T] extends [C] ? ([C] extends [T] ? I : never) : never) : never;
}[keyof ModelInputs];

/** The input type of a field's type: a model's registered input, else one read from the type (`any` stays `any`). */
export type InputOf<T> = 0 extends 1 & T ? T : [Registered<T>] extends [never] ? Structural<T> : Registered<T>;

/** The input type read from a type: nested models, Dates, Sets and Maps as parse reads them, refinement tags dropped. */
type Structural<T> = T extends Date
  ? Date | string
  : T extends string | number | boolean | bigint
    ? Untagged<T>
    : T extends ReadonlySet<infer V>
      ? ReadonlySet<InputOf<V>> | readonly InputOf<V>[]
      : T extends ReadonlyMap<infer K, infer V>
        ? ReadonlyMap<InputOf<K>, InputOf<V>> | { readonly [key: string]: InputOf<V> }
        : T extends readonly unknown[]
          ? { [I in keyof T]: InputOf<T[I]> }
          : T extends (...args: never[]) => unknown
            ? T
            : T extends object
              ? { [K in keyof T as T[K] extends (...args: never[]) => unknown ? never : K]: InputOf<T[K]> }
              : T;

/** A primitive without its refinement tags: `number & Tag<'int', true>` is `number`; literals stay literals. */
type Untagged<T> = T extends Tag<string, unknown> ? (T extends string ? string : T extends number ? number : T extends bigint ? bigint : boolean) : T;

/** The `~standard` object `link` puts on a model class. */
export function standardProps(
  safeParse: (input: unknown, options: ParseOptions | undefined) => { success: true; data: unknown } | { success: false; error: { issues: Issue[] } },
  jsonSchema: StandardProps['jsonSchema'],
): StandardProps {
  return {
    version: 1,
    vendor: 'tydantic',
    validate(value, options) {
      const result = safeParse(value, options?.libraryOptions);
      if (result.success) return { value: result.data };
      return { issues: result.error.issues.map((item): StandardIssue => ({ message: item.msg, path: item.loc, type: item.type })) };
    },
    jsonSchema,
  };
}
