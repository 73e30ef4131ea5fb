/**
 * `validator<T>()`: parse, check and describe any type, not only model classes (pydantic's TypeAdapter):
 * `export const Tags = validator<string[]>()`. The compile step finds the exported const, validates `T` as a
 * model's field, and links the const; until then every method throws, naming the command to run.
 */
import { type Issue, ValidationError } from './errors';
import { type JsonSchemaObject, type JsonSchemaOptions, type JsonSchemaTarget, valueSchema } from './json-schema';
import { type Compiled, link, Model, type ParseOptions, type Run, type SafeParseResult } from './model';
import { type StandardProps, standardProps } from './standard';

/** A validator of one type: the static side of a model, for any type. */
export interface Validator<T> {
  /** The exported const's name, in messages (`2 validation errors for Tags`). */
  readonly name: string;
  /** Validates `input` and returns the value (`T`), or throws a ValidationError listing every issue. */
  parse(input: unknown, options?: ParseOptions): T;
  /** Like `parse`, but returns `{ success, data }` or `{ success, error }` instead of throwing. */
  safeParse(input: unknown, options?: ParseOptions): SafeParseResult<T>;
  /** Parses JSON text straight into the value (pydantic's `validate_json`): malformed text is a `json_invalid` issue. */
  parseJSON(text: string, options?: ParseOptions): T;
  /** Like `parseJSON`, but returns `{ success, data }` or `{ success, error }` instead of throwing. */
  safeParseJSON(text: string, options?: ParseOptions): SafeParseResult<T>;
  /** Strict type guard: no coercion, no defaults, no allocation. */
  is(input: unknown): input is T;
  /** The type's JSON Schema (OpenAPI targets: its Schema Object); a fresh object on every call. */
  jsonSchema(options?: JsonSchemaOptions): JsonSchemaObject;
  /** Standard Schema v1, as a model class has it. */
  readonly '~standard': StandardProps<unknown, T>;
}

/** What `validator` is: a function whose type the compile step recognises. */
export interface ValidatorFactory {
  /** A validator of `T`, linked by the generated module (export it as a top-level const). */
  <T>(): Validator<T>;
  /** Brand by which the compile step recognises the function through the type checker. */
  readonly '~tydantic'?: 'validator';
}

/** Where a validator keeps the function that links it. */
const ATTACH: unique symbol = Symbol.for('tydantic.validator') as never;

type Holder = typeof Model & {
  is(input: unknown): boolean;
  jsonSchema(options?: JsonSchemaOptions): JsonSchemaObject;
};

/** The key under which the generated model of a validator holds its value. */
const VALUE = 'value';

/** A validator of `T` (pydantic's TypeAdapter): `export const Tags = validator<string[]>()`. */
export const validator: ValidatorFactory = <T>(): Validator<T> => {
  let holder: Holder | undefined;
  let parse: Run | undefined;
  let name = 'validator';
  const linked = (): Holder => {
    if (holder !== undefined) return holder;
    throw new Error(
      'this validator<T>() has no generated code: declare it as an exported top-level const ' +
        '(export const Tags = validator<string[]>()), run `npx tydantic generate`, and import the generated module first',
    );
  };
  // One parse through the holder (of a value, or of JSON text): the value, or an error located in it.
  const run = (input: unknown, options: ParseOptions | undefined, json: boolean): SafeParseResult<T> => {
    const h = linked();
    const out = parse!(h, input, options, json, false, VALUE);
    if (!(out instanceof ValidationError)) return { success: true, data: (out as { [VALUE]: T })[VALUE] };
    return { success: false, error: new ValidationError(name, out.issues.map(unwrap)) };
  };
  const safeParse = (input: unknown, options?: ParseOptions): SafeParseResult<T> => run(input, options, false);
  const safeParseJSON = (text: string, options?: ParseOptions): SafeParseResult<T> => run(text, options, true);
  const thrown = (result: SafeParseResult<T>): T => {
    if (result.success) return result.data;
    throw result.error;
  };
  const jsonSchema = (options?: JsonSchemaOptions): JsonSchemaObject => valueSchema(linked().jsonSchema(options));
  const self: Validator<T> & { [ATTACH]: (h: Holder, run: Run) => void } = {
    get name() {
      return name;
    },
    parse: (input, options) => thrown(safeParse(input, options)),
    safeParse,
    parseJSON: (text, options) => thrown(safeParseJSON(text, options)),
    safeParseJSON,
    // Without a `this`: a model's `is` refuses to run for a class other than its own, and there is none here.
    is: (input): input is T => linked().is.call(undefined, { [VALUE]: input }),
    jsonSchema,
    '~standard': standardProps(safeParse, {
      input: (o) => jsonSchema({ target: o.target as JsonSchemaTarget }),
      output: (o) => jsonSchema({ target: o.target as JsonSchemaTarget, mode: 'serialization' }),
    }) as StandardProps<unknown, T>,
    [ATTACH](h, run) {
      holder = h;
      parse = run;
      name = h.name;
    },
  };
  return self;
};

/** An issue of the holder's `value`, located in the validated value itself. */
function unwrap(issue: Issue): Issue {
  return issue.loc[0] === VALUE ? { ...issue, loc: issue.loc.slice(1) } : issue;
}

/** Links a validator to its generated code (called by the generated module): a model holding the value. */
export function linkValidator(target: unknown, compiled: Compiled): void {
  const attach = (target as { [ATTACH]?: (h: Holder, run: Run) => void } | null)?.[ATTACH];
  if (typeof attach !== 'function') throw new TypeError(`${compiled.name} is not a validator<T>(): regenerate the module`);
  const holder = { [compiled.name]: class extends Model {} }[compiled.name]! as unknown as Holder;
  attach(holder, link(holder as never, compiled));
}
