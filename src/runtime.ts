import { COMPILED, define, type DumpContext, dumpKeep, type Linked, storedExtras, storeExtras, type Tree } from './dump';
import { type Issue, type Loc, ValidationError } from './errors';
import { base64Error, fromBase64, toBase64 } from './formats/base64';
import { EMAIL_PREFIX, emailReason, httpUrlError } from './formats/strings';
import { MASK, Secret } from './secret';
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
  /** How many issues are collected (the call's or the model's `maxIssues`; MAX_ISSUES by default). */
  maxIssues?: number | undefined;
}

/** How many issues a parse collects when neither the call nor the model says (`maxIssues`). */
export const MAX_ISSUES = 100;

/**
 * What stands for an issue past the limit: one shared object, so a million failures cost a million pointers,
 * not a million issues with rendered messages. `settle` turns them into one `too_many_issues` before any
 * caller sees the issues (a literal, not frozen: the module stays free of side effects for bundlers).
 */
const UNCOUNTED = { type: 'too_many_issues', loc: [], msg: '' } as unknown as Issue;

/** True when `c` has collected as many issues as it may: the next ones are only counted. */
function full(c: ParseContext): boolean {
  return c.issues.length >= (c.maxIssues ?? MAX_ISSUES);
}

/** Adds an issue built elsewhere (a nested parse's, a union member's), or counts it past the limit. */
function push(c: ParseContext, item: Issue): void {
  c.issues.push(full(c) ? UNCOUNTED : item);
}

/**
 * The issues of a finished parse as the error reports them: those past the limit become one last
 * `too_many_issues` issue with their count; `hide` (`hideInput`) takes every input out.
 */
export function settle(c: ParseContext, hide: boolean): Issue[] {
  const issues = c.issues;
  const limit = c.maxIssues ?? MAX_ISSUES;
  if (issues.length > limit) {
    let more = 0;
    let kept = 0;
    // Counted issues can sit between kept ones (a union member's trial adopted after the limit was reached).
    for (const item of issues) {
      if (item === UNCOUNTED) more++;
      else issues[kept++] = item;
    }
    issues.length = kept;
    // Every generated module registers this type's template (module.ts).
    const ctx = { max_issues: limit, more };
    if (more > 0) issues.push({ type: 'too_many_issues', loc: [], msg: renderMessage(templateOf('too_many_issues', c.messages) ?? 'too_many_issues', ctx), ctx } as Issue);
  }
  if (hide) for (const item of issues) delete (item as { input?: unknown }).input;
  return issues;
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
  return invoke(c, model, method, [value, { context: c.context, field }], value, loc);
}

/**
 * Runs a `wrap` field validator: `(value, next, info)`, where `next(v)` runs the field's type validation (`inner`,
 * in a context of its own) and returns the value, or throws a ValidationError of its issues, located in the
 * field. What the method throws is reported as `runValidator` reports it.
 */
export function runWrapValidator(
  c: ParseContext,
  model: object,
  method: string,
  value: unknown,
  field: string | undefined,
  loc: Loc,
  inner: (value: unknown, c: ParseContext) => unknown,
): unknown {
  const next = (v: unknown): unknown => {
    const own = trial(c);
    const out = inner(v, own);
    if (own.issues.length > 0) throw new ValidationError(field ?? 'value', own.issues.filter((i) => i !== UNCOUNTED));
    return out;
  };
  return invoke(c, model, method, [value, next, { context: c.context, field }], value, loc);
}

/** Calls a user method; a thrown ValidationError's issues, or a value_error, are reported at `loc`. */
function invoke(c: ParseContext, model: object, method: string, args: readonly unknown[], value: unknown, loc: Loc): unknown {
  let out: unknown;
  try {
    out = (model as Record<string, (...args: unknown[]) => unknown>)[method]!(...args);
  } catch (error) {
    if (error instanceof ValidationError) {
      for (const item of error.issues) push(c, { ...item, loc: [...loc, ...item.loc] });
    } else {
      issue(c, 'value_error', [...loc], value, { error: error instanceof Error ? error.message : String(error) });
    }
    return INVALID;
  }
  // The compile step refuses validators typed async; one typed loosely that still returns a thenable is a bug in
  // the model, not in the input: never a Promise in a field, never an unhandled rejection.
  if (typeof out === 'object' && out !== null && typeof (out as PromiseLike<unknown>).then === 'function') {
    (out as PromiseLike<unknown>).then(undefined, () => undefined);
    const name = typeof model === 'function' ? model.name : 'model';
    throw new TypeError(`${name}.${method} returned a Promise: validators must be synchronous (parse does not wait), so do the asynchronous work before parse or after it`);
  }
  return out;
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

/**
 * True when `v` is a real `Uint8Array` (a Buffer included) whose buffer is attached: not a look-alike
 * (`Object.create(Uint8Array.prototype)`, a Proxy) nor a transferred array, whose items cannot be read.
 */
export function isBytes(v: unknown): v is Uint8Array {
  if (!(v instanceof Uint8Array) || !ArrayBuffer.isView(v)) return false;
  if (v.byteLength > 0) return true;
  try {
    // A view of a detached buffer cannot be made: an empty one tells at no cost.
    new Uint8Array(v.buffer, 0, 0);
    return true;
  } catch {
    return false;
  }
}

/** A copy of `v` as a plain `Uint8Array` when `isBytes(v)`, else undefined. */
export function copyBytes(v: unknown): Uint8Array | undefined {
  return isBytes(v) ? new Uint8Array(v) : undefined;
}

/** A bytes value as dump writes it: base64 text for JSON, else a copy; a clear error for one no parse made. */
export function dumpBytes(v: Uint8Array, json: boolean): Uint8Array | string {
  const copy = copyBytes(v);
  if (copy === undefined) throw new TypeError('dump cannot read a detached or imitation Uint8Array: it reached the instance through construct() or copy(), which do not validate');
  return json ? toBase64(copy) : copy;
}

/**
 * A `Uint8Array` field's input (called by generated code): a copy of a `Uint8Array`; base64 text where
 * strings may stand for bytes, decoded; else `bytes_type`, or `bytes_invalid_encoding` for text that is not base64.
 */
export function laxBytes(c: ParseContext, v: unknown, loc: Loc, strings: boolean): Uint8Array | typeof INVALID {
  const copy = copyBytes(v);
  if (copy !== undefined) return copy;
  if (strings && typeof v === 'string') {
    const error = base64Error(v);
    if (error === undefined) return fromBase64(v);
    issue(c, 'bytes_invalid_encoding', loc, v, { encoding: 'base64', encoding_error: error });
    return INVALID;
  }
  issue(c, 'bytes_type', loc, v);
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
  if (full(c)) {
    c.issues.push(UNCOUNTED);
    return;
  }
  // A type no generated module registered (code that calls the runtime itself) is named as it is.
  const msg = renderMessage(templateOf(type, c.messages) ?? type, ctx);
  c.issues.push((ctx === undefined ? { type, loc, msg, input } : { type, loc, msg, input, ctx }) as Issue);
}

/** Calls a field serializer: `plain` gets `(value, info)`, `wrap` also `next`, the standard dump of a value. */
export function runSerializer(cls: unknown, method: string, value: unknown, d: DumpContext, field: string, next?: (value: unknown) => unknown): unknown {
  const info = { mode: d.json ? 'json' : 'js', field };
  const fn = (cls as Record<string, (...args: unknown[]) => unknown>)[method]!;
  return next === undefined ? fn.call(cls, value, info) : fn.call(cls, value, next, info);
}

/** Rewords the issues reported since `from` (those of one field) with the field's own templates, by error type. */
export function reword(c: ParseContext, from: number, templates: { readonly [type: string]: string }): void {
  for (let i = from; i < c.issues.length; i++) {
    const found = c.issues[i]!;
    const template = found === UNCOUNTED ? undefined : templates[found.type];
    if (template !== undefined) c.issues[i] = { ...found, msg: renderMessage(template, found.ctx) };
  }
}

/** Shows the issues reported since `from` (those of a `Secret` field's value) with `'**********'` as their input. */
export function maskIssues(c: ParseContext, from: number): void {
  for (let i = from; i < c.issues.length; i++) {
    const found = c.issues[i]!;
    if (found !== UNCOUNTED && 'input' in found) c.issues[i] = { ...found, input: MASK };
  }
}

/** Reports that a string is not an `HttpUrl` (called by generated code once `isHttpUrl` failed): not a URL, too long, or another scheme. */
export function httpUrlIssue(c: ParseContext, loc: Loc, input: string): void {
  const found = httpUrlError(input);
  if (found.type === 'url_parsing') issue(c, 'url_parsing', loc, input, { error: found.error });
  else if (found.type === 'url_too_long') issue(c, 'url_too_long', loc, input, { max_length: found.max_length });
  else issue(c, 'url_scheme', loc, input, { expected_schemes: found.expected_schemes });
}

/**
 * Reports that a string is not an email address (called by generated code once `isEmail` failed). pydantic
 * words it as a custom value_error: no 'Value error, ' prefix, ctx `{ reason }`; an overridden value_error
 * template words it too, with the reason as `{error}`. The other formats report through `issue` with
 * their own reason function, so a bundle keeps only the formats it uses.
 */
export function emailIssue(c: ParseContext, loc: Loc, input: string): void {
  if (full(c)) {
    c.issues.push(UNCOUNTED);
    return;
  }
  const reason = emailReason(input);
  const template = overrideOf('value_error', c.messages);
  const msg = template === undefined ? EMAIL_PREFIX + reason : renderMessage(template, { error: reason, reason });
  c.issues.push({ type: 'value_error', loc, msg, input, ctx: { reason } });
}

/**
 * The first and last millisecond of years 0001 to 9999: the Dates that `toISOString` writes as RFC 3339 and parse
 * reads back, and that pydantic (Python, which has no year 0) takes.
 */
export const MIN_TIME = -62135596800000;
export const MAX_TIME = 253402300799999;

/** The time a Date's internal slot holds (a subclass's own `getTime` is not asked); NaN for an Invalid Date or an object that only inherits from Date.prototype. */
function slotTime(date: Date): number {
  try {
    return Date.prototype.getTime.call(date);
  } catch {
    return Number.NaN;
  }
}

/** The time of a Date (`slotTime`), or NaN for one that is invalid or outside years 0001 to 9999. */
export function timeOf(date: Date): number {
  const t = slotTime(date);
  return t >= MIN_TIME && t <= MAX_TIME ? t : Number.NaN;
}

/** Why parse refuses a Date object (`timeOf` gave NaN): the `error` of its `datetime_parsing` issue. */
export function timeError(date: Date): string {
  return Number.isNaN(slotTime(date)) ? 'invalid Date object' : 'year is out of range (0001 to 9999)';
}

/**
 * A Date as dump writes it in JSON mode (an ISO string), or a clear error for one that has no ISO form: an
 * Invalid Date or one outside years 0001 to 9999 reaches an instance only through `construct` or `copy`,
 * which do not validate.
 */
export function isoOf(date: Date): string {
  if (Number.isNaN(timeOf(date))) {
    throw new TypeError(`dump cannot write ${timeError(date) === 'invalid Date object' ? 'an Invalid Date' : 'a Date outside years 0001 to 9999'} as JSON: it reached the instance through construct() or copy(), which do not validate`);
  }
  return Date.prototype.toISOString.call(date);
}

/**
 * True when an object that is not plain data is a built-in whose keys are not its data (a Date, Map, Set,
 * RegExp, boxed primitive, typed array, ArrayBuffer, Promise …): an object type or model refuses it rather than
 * reading it as `{}`. Generated code calls it only for objects whose `constructor` is not `Object` (a cheap
 * test that plain data passes; an object that fakes it with an own `constructor` is built by code, not parsed
 * from a request, and `builtin` alone decides for a null-prototype object).
 */
export function builtin(v: object): boolean {
  return Object.prototype.toString.call(v) !== '[object Object]';
}

/** What a user `pattern` is compiled to: a RegExp, or the object a linear engine (`setRegexEngine`) gives. */
export interface Matcher {
  /** Whether the pattern matches somewhere in `text` (anchors in the pattern decide the rest). */
  test(text: string): boolean;
}

/** Compiles a user pattern: `new RegExp` unless `setRegexEngine` installed another engine. */
export type RegexEngine = (source: string, flags: string) => Matcher;

let engine: RegexEngine | undefined;

/**
 * Compiles every user `pattern` (`@field({ pattern })`, `Pattern<…>`) with `compile` instead of V8's
 * backtracking RegExp: a linear-time engine the project installs, such as `re2`
 * (`setRegexEngine((source, flags) => new RE2(source, flags))`), so no input can make a pattern backtrack.
 * Call it before the first parse: a pattern is compiled on its first use and kept. Template literal types
 * never use it (they have their own linear matcher).
 */
export function setRegexEngine(compile: RegexEngine | undefined): void {
  engine = compile;
}

/** A user pattern as generated code holds it: compiled on its first use, by the installed engine or as a RegExp. */
export function userPattern(source: string, flags: string): Matcher {
  let compiled: Matcher | undefined;
  return {
    test(text) {
      compiled ??= engine === undefined ? new RegExp(source, flags) : engine(source, flags);
      return compiled.test(text);
    },
  };
}

/**
 * Whether `re` matches `s`; false when V8's engine runs out of stack on it (a RangeError), so `is` fails and
 * parse reports it. Anything else (an installed engine refusing the pattern) is thrown as it is.
 */
export function matches(re: Matcher, s: string): boolean {
  try {
    return re.test(s);
  } catch (error) {
    if (error instanceof RangeError) return false;
    throw error;
  }
}

/**
 * Parse's test of a user `pattern`: true when `s` matches; else reports `string_pattern_mismatch`, or
 * `string_pattern_overflow` when the engine ran out of stack (a pattern that backtracks: see docs/security.md).
 */
export function patternOk(c: ParseContext, re: Matcher, s: string, loc: Loc, pattern: string): boolean {
  let ok: boolean;
  try {
    ok = re.test(s);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    issue(c, 'string_pattern_overflow', loc, s, { pattern });
    return false;
  }
  if (!ok) issue(c, 'string_pattern_mismatch', loc, s, { pattern });
  return ok;
}

/** Puts `keys` in front of the location of every issue reported since index `from`. */
export function prefix(c: ParseContext, from: number, ...keys: Loc): void {
  const issues = c.issues;
  for (let i = from; i < issues.length; i++) if (issues[i] !== UNCOUNTED) issues[i]!.loc.unshift(...keys);
}

/**
 * Copies the own keys of `input` that are not in `known` onto `output` as data properties: a plain object type
 * whose policy is `extra: 'allow'` keeps them (it has no members they could shadow; model instances keep theirs
 * apart, see `stashExtras`).
 */
export function keepExtras(output: object, input: object, known: readonly string[], deep?: boolean): void {
  for (const key of Object.keys(input)) {
    if (known.includes(key)) continue;
    const value = (input as Record<string, unknown>)[key];
    define(output, key, deep ? cloneValue(value) : value);
  }
}

/**
 * Stores the own keys of `input` that are not in `known` as the extras of model instance `instance`
 * (`extra: 'allow'`), apart from its properties (parse and construct; an instance as input hands on its own
 * extras too). Read them back with `extrasOf`.
 */
export function stashExtras(instance: object, input: object, known: readonly string[]): void {
  let values: Record<string, unknown> | undefined;
  // An instance given as input (construct(x)) hands on the extras it keeps, then its own keys.
  const kept = storedExtras(input);
  if (kept !== undefined) values = { __proto__: null, ...kept } as Record<string, unknown>;
  for (const key of Object.keys(input)) {
    if (known.includes(key)) continue;
    values ??= Object.create(null) as Record<string, unknown>;
    define(values, key, (input as Record<string, unknown>)[key]);
  }
  if (values !== undefined) storeExtras(instance, values);
}

/** Gives a copy of a model instance the extras of its source (copied deeply when `deep`). */
export function copyExtras(copy: object, source: object, deep: boolean): void {
  const values = storedExtras(source);
  if (values === undefined) return;
  const out: Record<string, unknown> = Object.create(null);
  for (const key of Object.keys(values)) define(out, key, deep ? cloneValue(values[key]) : values[key]);
  storeExtras(copy, out);
}

/**
 * The extra keys a model instance kept (`extra: 'allow'`, per model or per call, and `construct` on such a
 * model), pydantic's `model_extra`: a new plain object on each call, empty when there are none. They are not
 * properties of the instance, so they can never stand in for a field, getter or method of its class.
 */
export function extrasOf(instance: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const values = storedExtras(instance);
  if (values !== undefined) for (const key of Object.keys(values)) define(out, key, values[key]);
  return out;
}

/** Writes the extras an instance keeps (`extra: 'allow'`) into a dump, after the fields. */
export function dumpExtras(out: object, instance: object, d: DumpContext, include: Tree | undefined, exclude: Tree | undefined): void {
  const values = storedExtras(instance);
  if (values === undefined) return;
  for (const key of Object.keys(values)) {
    const value = values[key];
    if (d.plain || dumpKeep(d, undefined, key, value, include, exclude)) define(out, key, dumpValue(value, d));
  }
}

/**
 * True when model instance `instance` has an own key that is not one of the model's `known` fields and stands
 * in for a member of its prototype chain (a getter, computed field or method replaced by data): `is` refuses
 * such an instance.
 */
export function shadowed(instance: object, known: readonly string[]): boolean {
  const proto: unknown = Object.getPrototypeOf(instance);
  if (proto === null) return false;
  for (const key of Object.keys(instance)) if (!known.includes(key) && key in (proto as object)) return true;
  return false;
}

/** Moves the issues of a failed union member's trial into `c`. */
export function adopt(c: ParseContext, member: ParseContext): void {
  for (const item of member.issues) push(c, item);
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

/**
 * Dumped data for a value whose type is only known at run time (`unknown`, union members, object types).
 * `path`: the containers being dumped around it, so a cycle (which only `construct` and `copy` can put in
 * an instance) is a clear error, not a stack overflow.
 */
export function dumpValue(value: unknown, d: DumpContext, path?: object[]): unknown {
  if (typeof value === 'bigint') return d.json ? String(value) : value;
  if (typeof value !== 'object' || value === null) return value;
  if (value instanceof Date) return d.json ? isoOf(value) : new Date(slotTime(value));
  if (value instanceof RegExp) return d.json ? value.source : new RegExp(value);
  // Bytes in an `unknown` value (never validated): base64 in JSON, as a bytes field writes them.
  if (value instanceof Uint8Array) return d.json ? toBase64(value) : new Uint8Array(value);
  if (value instanceof Secret) return d.json ? (d.reveal ? dumpValue(value.reveal(), d, path) : MASK) : value;
  const linked = (value as { [COMPILED]?: Linked })[COMPILED];
  if (linked !== undefined) return linked.dump(value, d, undefined, undefined);
  const inner = within(path, value, 'dump');
  const each = (item: unknown): unknown => dumpValue(item, d, inner);
  if (Array.isArray(value)) return value.map(each);
  if (value instanceof Set) {
    const items = Array.from(value, each);
    return d.json ? items : new Set(items);
  }
  if (value instanceof Map) {
    if (!d.json) return new Map(Array.from(value, ([key, item]) => [each(key), each(item)]));
    const out: Record<string, unknown> = {};
    for (const [key, item] of value) define(out, String(each(key)), each(item));
    return out;
  }
  if (d.json && typeof (value as { toJSON?: unknown }).toJSON === 'function') return (value as { toJSON(): unknown }).toJSON();
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) define(out, key, each((value as Record<string, unknown>)[key]));
  return out;
}

/** The containers around a value being walked, with `value` added; throws on a cycle (`value` already on the path). */
function within(path: object[] | undefined, value: object, what: 'dump' | 'copy'): object[] {
  if (path === undefined) return [value];
  if (path.includes(value)) throw new TypeError(`${what} found a cycle: a value of an unknown-typed field contains itself (only construct() or copy(), which do not validate, can put one there)`);
  return [...path, value];
}

/** A deep copy of a value whose type is only known at run time (model instances through their own copy); a cycle is a clear error. */
export function cloneValue(value: unknown, path?: object[]): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (value instanceof Date) return new Date(slotTime(value));
  if (value instanceof RegExp) return new RegExp(value);
  if (value instanceof Uint8Array) return new Uint8Array(value);
  const linked = (value as { [COMPILED]?: Linked })[COMPILED];
  if (linked !== undefined) return linked.copy(value, undefined, true);
  const proto: unknown = Object.getPrototypeOf(value);
  const plain = proto === Object.prototype || proto === null;
  // Instances of other classes are shared: copying their fields would not copy what their constructor set up.
  if (!plain && !Array.isArray(value) && !(value instanceof Set) && !(value instanceof Map)) return value;
  const inner = within(path, value, 'copy');
  const each = (item: unknown): unknown => cloneValue(item, inner);
  if (Array.isArray(value)) return value.map(each);
  if (value instanceof Set) return new Set(Array.from(value, each));
  if (value instanceof Map) return new Map(Array.from(value, ([key, item]) => [each(key), each(item)]));
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) define(out, key, each((value as Record<string, unknown>)[key]));
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

/**
 * The [key, value] entries of a Map, an array of 2-item arrays (without holes), or a plain object; undefined
 * for anything else (other built-ins included).
 */
export function mapEntries(input: unknown): (readonly [unknown, unknown])[] | undefined {
  if (input instanceof Map) return [...input];
  if (Array.isArray(input)) {
    // A loop, not `every`, which skips holes: a sparse array stops at its first hole, whatever its length.
    for (let i = 0; i < input.length; i++) {
      const entry: unknown = input[i];
      if (!Array.isArray(entry) || entry.length !== 2) return undefined;
    }
    return input as [unknown, unknown][];
  }
  if (typeof input !== 'object' || input === null || (Object.getPrototypeOf(input) !== Object.prototype && builtin(input))) return undefined;
  return Object.keys(input).map((key) => [key, (input as Record<string, unknown>)[key]] as const);
}
