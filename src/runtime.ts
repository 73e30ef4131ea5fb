import type { ValidationInfo } from './decorators';
import { COMPILED, define, type DumpContext, dumpKeep, type Linked, type Tree } from './dump';
import { type Issue, type Loc, ValidationError } from './errors';
import { EMAIL_PREFIX, emailReason } from './formats/strings';
import { type ErrorContexts, type ErrorType, type MessageOverrides, overrideOf, renderMessage, templateOf } from './messages';

/** The state of one parse call, threaded through the generated functions. */
export interface ParseContext {
  /** Issues found so far; each generated function reports locations relative to itself. */
  issues: Issue[];
  /** The call's `extra` policy, overriding each model's own when set. */
  extra: 'ignore' | 'forbid' | 'allow' | undefined;
  /** The call's strictness, for fields whose model and declaration leave it open. */
  strict?: boolean | undefined;
  /** Set by `parseJSON`: strings stand for Dates, arrays for Sets, objects for Maps even in strict mode. */
  json?: boolean | undefined;
  /** The call's message templates, over the global ones. */
  messages?: MessageOverrides | undefined;
  /** The call's `context` option, handed to validators. */
  context?: unknown;
  /**
   * Set for a model whose types can recur: the values being parsed by the functions of recursive types
   * (types that can contain themselves) that are running, outermost first (see `enter`).
   */
  stack?: unknown[] | undefined;
  /** How many values of recursive types may be nested in each other (the model's `maxDepth`). */
  maxDepth?: number | undefined;
}

/** How many values of recursive types may nest in each other when a model does not say (`@model({ maxDepth })`). */
export const MAX_DEPTH = 256;

/**
 * Called by generated code before it parses `v` as a recursive type: `v` joins `c.stack`, which the caller pops
 * once the parse returns; false (and the caller reports it with `refuse`) when `v` is one of the values being
 * parsed around it (a cycle) or when as many are nested already as the model allows.
 */
export function enter(c: ParseContext, v: unknown): boolean {
  const stack = c.stack!;
  if (stack.length >= c.maxDepth! || (typeof v === 'object' && v !== null && stack.includes(v))) return false;
  stack.push(v);
  return true;
}

/** Reports why `enter` refused `v` at `loc`: a cycle (`recursion_loop`), else the depth (`too_deep`). */
export function refuse(c: ParseContext, v: unknown, loc: Loc): void {
  if (typeof v === 'object' && v !== null && c.stack!.includes(v)) issue(c, 'recursion_loop', loc, v);
  else issue(c, 'too_deep', loc, v, { max_depth: c.maxDepth! });
}

/** What a validator returns when it threw: its issue is already reported. */
export const INVALID: unique symbol = Symbol('tydantic.invalid') as never;

/**
 * Runs a validator (a static method of the model): its result, or INVALID
 * after reporting what it threw. An Error becomes a `value_error` with its
 * message; a ValidationError (a nested parse) gives its own issues, located
 * under `loc`.
 */
export function runValidator(
  c: ParseContext,
  model: object,
  method: string,
  value: unknown,
  field: string | undefined,
  loc: Loc,
): unknown {
  try {
    return (model as Record<string, (value: unknown, info: ValidationInfo) => unknown>)[method]!(value, { context: c.context, field });
  } catch (error) {
    if (error instanceof ValidationError) {
      for (const item of error.issues) c.issues.push({ ...item, loc: [...loc, ...item.loc] });
    } else {
      issue(c, 'value_error', [...loc], value, { error: error instanceof Error ? error.message : String(error) });
    }
    return INVALID;
  }
}

/** A fresh context for one member of a union: same options, its own issues. */
export function trial(c: ParseContext): ParseContext {
  // The same options, stack included (a trial parses inside the same values).
  return { ...c, issues: [] };
}

/**
 * A scalar whose type does not match (called by generated code, off the fast path): in strict mode the type
 * issue; else `convert`'s value, or the issue it names. INVALID after reporting.
 */
export function lax(
  c: ParseContext,
  strict: boolean,
  convert: (value: unknown) => unknown,
  type: ErrorType,
  value: unknown,
  loc: Loc,
): unknown {
  if (strict) {
    issue(c, type, loc, value);
    return INVALID;
  }
  const converted = convert(value);
  if (typeof converted !== 'object') return converted;
  issue(c, (converted as { error: ErrorType }).error, loc, value);
  return INVALID;
}

/**
 * A `RegExp` field's input that is no RegExp: a string compiled as the pattern when `strings` (lax mode, JSON
 * text; pydantic's Pattern), else `pattern_type`; a string that does not compile is `pattern_regex`.
 */
export function laxPattern(c: ParseContext, v: unknown, loc: Loc, strings: boolean): RegExp | typeof INVALID {
  if (strings && typeof v === 'string') {
    try {
      return new RegExp(v);
    } catch {
      issue(c, 'pattern_regex', loc, v);
      return INVALID;
    }
  }
  issue(c, 'pattern_type', loc, v);
  return INVALID;
}

/** Reports a required key `key` missing from model input `input` (called by generated code); undefined, the field's output. */
export function missing(c: ParseContext, key: string, input: unknown): undefined {
  issue(c, 'missing', [key], input);
  return undefined;
}

/** Reports one issue (called by generated code, on the error path only). */
export function issue<T extends ErrorType>(
  c: ParseContext,
  type: T,
  loc: Loc,
  input: unknown,
  ctx?: ErrorContexts[T],
): void {
  // A type no generated module registered (code that calls the runtime itself) is named as it is.
  const msg = renderMessage(templateOf(type, c.messages) ?? type, ctx);
  c.issues.push((ctx === undefined ? { type, loc, msg, input } : { type, loc, msg, input, ctx }) as Issue);
}

/**
 * Reports that a string is not an email address (called by generated code once `isEmail` failed). pydantic
 * words it as a custom value_error: no 'Value error, ' prefix, ctx `{ reason }`; an overridden value_error
 * template words it too, with the reason as `{error}`. The other formats report through `issue` with
 * their own reason function, so a bundle keeps only the formats it uses.
 */
export function emailIssue(c: ParseContext, loc: Loc, input: string): void {
  const reason = emailReason(input);
  const template = overrideOf('value_error', c.messages);
  const msg = template === undefined ? EMAIL_PREFIX + reason : renderMessage(template, { error: reason, reason });
  c.issues.push({ type: 'value_error', loc, msg, input, ctx: { reason } });
}

/** The time of a Date, or NaN for an invalid one or an object that only inherits from Date.prototype. */
export function timeOf(date: Date): number {
  try {
    return date.getTime();
  } catch {
    return Number.NaN;
  }
}

/** Puts `keys` in front of the location of every issue reported since index `from`. */
export function prefix(c: ParseContext, from: number, ...keys: Loc): void {
  const issues = c.issues;
  for (let i = from; i < issues.length; i++) issues[i]!.loc.unshift(...keys);
}

/**
 * Copies the own keys of `input` that are not in `known` onto `output` as data properties (`extra: 'allow'`):
 * parse and construct keep them, copy copies them (deeply when asked).
 */
export function keepExtras(output: object, input: object, known: readonly string[], deep?: boolean): void {
  for (const key of Object.keys(input)) {
    if (known.includes(key)) continue;
    const value = (input as Record<string, unknown>)[key];
    define(output, key, deep ? cloneValue(value) : value);
  }
}

/** Writes the keys of an instance that are not fields (kept by `extra: 'allow'`) into a dump, after the fields. */
export function dumpExtras(
  out: object,
  instance: object,
  known: readonly string[],
  d: DumpContext,
  include: Tree | undefined,
  exclude: Tree | undefined,
): void {
  for (const key of Object.keys(instance)) {
    if (known.includes(key)) continue;
    const value = (instance as Record<string, unknown>)[key];
    if (d.plain || dumpKeep(d, undefined, key, value, include, exclude)) define(out, key, dumpValue(value, d));
  }
}

/** Moves the issues of a failed union member's trial into `c`. */
export function adopt(c: ParseContext, member: ParseContext): void {
  for (const item of member.issues) c.issues.push(item);
}

/**
 * True when `x` is a multiple of a fractional `m` (0.01, 0.1 …), allowing for
 * binary floating-point error in the quotient: 0.3 / 0.1 is 2.9999999999999996.
 * Integer steps are checked exactly by generated code (`x % m !== 0`).
 */
export function isMultipleOf(x: number, m: number): boolean {
  const q = x / m;
  // 1e-9, or four units in the last place of a large quotient (133941.77 / 0.01 is 13394177.000000002).
  return Math.abs(q - Math.round(q)) <= Math.max(1e-9, Math.abs(q) * 4 * Number.EPSILON);
}

/** Dumped data for a value whose type is only known at run time (`unknown`, union members, object types). */
export function dumpValue(value: unknown, d: DumpContext): unknown {
  if (value instanceof Date) return d.json ? value.toISOString() : new Date(value.getTime());
  if (value instanceof RegExp) return d.json ? value.source : new RegExp(value);
  if (Array.isArray(value)) return value.map((item) => dumpValue(item, d));
  if (typeof value === 'bigint') return d.json ? String(value) : value;
  if (value instanceof Set) {
    const items = Array.from(value, (item) => dumpValue(item, d));
    return d.json ? items : new Set(items);
  }
  if (value instanceof Map) {
    if (!d.json) return new Map(Array.from(value, ([key, item]) => [dumpValue(key, d), dumpValue(item, d)]));
    const out: Record<string, unknown> = {};
    for (const [key, item] of value) define(out, String(dumpValue(key, d)), dumpValue(item, d));
    return out;
  }
  if (typeof value !== 'object' || value === null) return value;
  const linked = (value as { [COMPILED]?: Linked })[COMPILED];
  if (linked !== undefined) return linked.dump(value, d, undefined, undefined);
  if (d.json && typeof (value as { toJSON?: unknown }).toJSON === 'function') return (value as { toJSON(): unknown }).toJSON();
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) define(out, key, dumpValue((value as Record<string, unknown>)[key], d));
  return out;
}

/** A deep copy of a value whose type is only known at run time (model instances through their own copy). */
export function cloneValue(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (value instanceof Date) return new Date(value.getTime());
  if (value instanceof RegExp) return new RegExp(value);
  if (Array.isArray(value)) return value.map(cloneValue);
  if (value instanceof Set) return new Set(Array.from(value, cloneValue));
  if (value instanceof Map) return new Map(Array.from(value, ([key, item]) => [cloneValue(key), cloneValue(item)]));
  const linked = (value as { [COMPILED]?: Linked })[COMPILED];
  if (linked !== undefined) return linked.copy(value, undefined, true);
  const proto: unknown = Object.getPrototypeOf(value);
  // Instances of other classes are shared: copying their fields would not copy what their constructor set up.
  if (proto !== Object.prototype && proto !== null) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) define(out, key, cloneValue((value as Record<string, unknown>)[key]));
  return out;
}


/** How many of `keys` the input sets (not undefined): smart-mode unions prefer the model that uses most of them. */
export function fieldsSet(input: Record<string, unknown>, keys: readonly string[]): number {
  let count = 0;
  for (const key of keys) if (Object.hasOwn(input, key) && input[key] !== undefined) count++;
  return count;
}

/** A discriminator value as text for `union_tag_invalid`, safe for objects whose toString is broken. */
export function tagText(tag: unknown): string {
  return (typeof tag === 'object' && tag !== null) || typeof tag === 'function' ? Object.prototype.toString.call(tag) : String(tag);
}

/** The [key, value] entries of a Map, an array of 2-item arrays, or a plain object; undefined for anything else. */
export function mapEntries(input: unknown): (readonly [unknown, unknown])[] | undefined {
  if (input instanceof Map) return [...input];
  if (Array.isArray(input)) {
    return input.every((entry) => Array.isArray(entry) && entry.length === 2) ? (input as [unknown, unknown][]) : undefined;
  }
  if (typeof input !== 'object' || input === null) return undefined;
  return Object.keys(input).map((key) => [key, (input as Record<string, unknown>)[key]] as const);
}
