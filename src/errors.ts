import type { ErrorContexts, ErrorType } from './messages';
import { elide, escapeControls } from './text';

export { elide } from './text';

/** A path into the input: object keys and array indices. */
export type Loc = (string | number)[];

/**
 * One validation failure; `type` and `msg` follow pydantic's error types and messages. `input` may be
 * absent: an issue whose input must not be kept (`hideInput`, as pydantic's `hide_input_in_errors`) has
 * no `input` key at all, and `error.message` and `toJSON()` then show none.
 */
export type Issue = {
  [T in ErrorType]: ErrorContexts[T] extends undefined
    ? { type: T; loc: Loc; msg: string; input?: unknown; ctx?: undefined }
    : { type: T; loc: Loc; msg: string; input?: unknown; ctx: ErrorContexts[T] };
}[ErrorType];

/** A value JSON can hold: what `toJSON()` turns inputs and contexts into. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** One issue as `ValidationError.prototype.toJSON()` writes it: `input` and `ctx` as JSON-safe copies. */
export interface JsonIssue {
  type: string;
  loc: Loc;
  msg: string;
  input?: JsonValue;
  ctx?: JsonValue;
}

/** Thrown by `parse`: every issue found in the input, not only the first. */
export class ValidationError extends Error {
  /** The name of the model that was parsed. */
  readonly title: string;
  /** Every issue, in input order. */
  readonly issues: Issue[];
  #message: string | undefined;

  /**
   * `error instanceof ValidationError` holds for a ValidationError of either copy of the runtime when the ESM
   * and CommonJS builds both load in one process (the dual-package hazard): it is recognised by what it is (an
   * Error named ValidationError, with its issues), not by which copy's class built it. A subclass keeps the
   * usual prototype test.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    const inherits = Object.prototype.isPrototypeOf.call(this.prototype, value as object);
    // A subclass (SettingsError) of this copy is one too, whatever its name.
    if (this !== ValidationError || inherits) return inherits;
    return value instanceof Error && value.name === 'ValidationError' && Array.isArray((value as { issues?: unknown }).issues);
  }

  constructor(title: string, issues: Issue[]) {
    super();
    this.name = 'ValidationError';
    this.title = title;
    this.issues = issues;
  }

  /** The summary, built on first read: `safeParse` callers who only look at `issues` never pay for it. */
  override get message(): string {
    return (this.#message ??= formatIssues(this.title, this.issues));
  }

  /** The issues, as pydantic's `errors()` returns them. */
  errors(): Issue[] {
    return this.issues;
  }

  /** What `JSON.stringify(error)` writes: bounded, and never throws whatever the inputs hold. */
  toJSON(): { name: 'ValidationError'; title: string; message: string; issues: JsonIssue[] } {
    return { name: 'ValidationError', title: this.title, message: this.message, issues: this.issues.map(jsonIssue) };
  }
}

/** What a value shows as when reading or rendering it throws (a hostile getter, a revoked Proxy). */
const UNREPRESENTABLE = '<unrepresentable>';
const MAX_PREVIEW = 50;
/** Characters of each `loc` part in the message (`renderMessage` cuts each context value at 100 too). */
const MAX_PART = 100;
/** Items of an array or object rendered at most: previews stay cheap for huge inputs. */
const MAX_ITEMS = 8;

/** `2 validation errors for CreateUser` then, per issue, its dotted path and message; never throws. */
export function formatIssues(title: string, issues: readonly Issue[]): string {
  const n = issues.length;
  let text = `${n} validation error${n === 1 ? '' : 's'} for ${title}`;
  for (const issue of issues) {
    text += `\n${attempt(() => {
      const loc = issue.loc.length > 0 ? `${issue.loc.map(shownPart).join('.')}\n` : '';
      // A missing field's input is the whole parent object (all of process.env for settings): never shown.
      const input = 'input' in issue && issue.type !== 'missing' ? `, input=${preview(issue.input)}` : '';
      return `${loc}  ${issue.msg} [type=${issue.type}${input}]`;
    })}`;
  }
  return text;
}

/** A short, single-line rendering of an input value for messages; never throws. */
export function preview(value: unknown): string {
  return elide(render(value, 0), MAX_PREVIEW);
}

/** A string as Python's repr writes it: single quotes, or double quotes when it holds only single ones. */
export function quote(text: string): string {
  const body = JSON.stringify(text).slice(1, -1);
  if (text.includes("'") && !text.includes('"')) return `"${body}"`;
  return `'${body.replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;
}

/** `read()`, or `<unrepresentable>` when it throws: a getter or Proxy trap that throws spoils only what it guards. */
function attempt<T>(read: () => T): T | string {
  try {
    return read();
  } catch {
    return UNREPRESENTABLE;
  }
}

/** A `loc` part cut to `max` characters (a number stays one); typed as a key or index, but checked. */
function locPart(part: string | number, max: number): string | number {
  return typeof part === 'number' ? part : elide(attempt(() => String(part)), max);
}

/** A `loc` part as the message shows it: control characters (line breaks) escaped, so a key cannot start a line of a log. */
function shownPart(part: string | number): string | number {
  return typeof part === 'number' ? part : locPart(escapeControls(part), MAX_PART);
}

// Every part is cut to 2 × MAX_PREVIEW before it is joined: huge keys, names or descriptions cost no more
// than short ones. The cut is invisible in the preview, which keeps only its first 24 and last 23 characters.
function render(value: unknown, depth: number): string {
  return elide(attempt(() => renderAny(value, depth)), MAX_PREVIEW * 2);
}

function renderAny(value: unknown, depth: number): string {
  switch (typeof value) {
    case 'string':
      return quote(elide(value, MAX_PREVIEW * 2));
    case 'number':
      return Object.is(value, -0) ? '-0' : String(value);
    case 'bigint':
      return `${value}n`;
    case 'function':
      return `[Function ${elide(String(value.name), MAX_PREVIEW * 2) || 'anonymous'}]`;
    case 'undefined':
    case 'boolean':
    case 'symbol':
      return String(value);
    default:
      return renderObject(value as object | null, depth);
  }
}

function renderObject(value: object | null, depth: number): string {
  if (value === null) return 'null';
  if (value instanceof Date) return isoText(value) ?? 'Invalid Date';
  if (depth > 2) return Array.isArray(value) ? '[...]' : '{...}';
  const record = value as Record<string | number, unknown>;
  const parts: string[] = [];
  // A typed array (a Buffer) shows as an array: listing its keys would make a string for every byte.
  if (Array.isArray(value) || ArrayBuffer.isView(value)) {
    const n = (value as unknown[]).length;
    // A hole shows as nothing between commas.
    for (let i = 0; i < n && i < MAX_ITEMS; i++) parts.push(attempt(() => (i in value ? render(record[i], depth + 1) : '')));
    if (n > MAX_ITEMS) parts.push('...');
    return `[${parts.join(', ')}]`;
  }
  const keys = Object.keys(value);
  for (const key of keys.slice(0, MAX_ITEMS)) parts.push(`${quote(elide(key, MAX_PREVIEW * 2))}: ${attempt(() => render(record[key], depth + 1))}`);
  if (keys.length > MAX_ITEMS) parts.push('...');
  return `{${parts.join(', ')}}`;
}

/** Characters of each string input in `toJSON()`. */
const MAX_JSON_STRING = 10_000;

/**
 * An issue as `toJSON()` writes it: an input that JSON holds as it is (a string, cut at 10,000 characters; a
 * finite number, a boolean, null) is kept, a bigint becomes its digits, anything else its preview, as
 * `error.message` shows it (bounded, and never throws); the input is left out where the message leaves it out.
 */
export function jsonIssue(issue: Issue): JsonIssue {
  const out: JsonIssue = { type: issue.type, loc: issue.loc.map((part) => locPart(part, MAX_JSON_STRING)), msg: issue.msg };
  if ('input' in issue && issue.type !== 'missing') {
    const input = issue.input;
    if (typeof input === 'string' || typeof input === 'bigint') out.input = elide(String(input), MAX_JSON_STRING);
    else if (typeof input === 'boolean' || input === null || (typeof input === 'number' && Number.isFinite(input))) out.input = input;
    else if (input !== undefined) out.input = preview(input);
  }
  // Context values are strings and numbers the runtime or a validator's message put there (strings cut too).
  const cut = (_: string, v: unknown): unknown => (typeof v === 'string' || typeof v === 'bigint' ? elide(String(v), MAX_JSON_STRING) : v);
  if (issue.ctx !== undefined) out.ctx = attempt(() => JSON.parse(JSON.stringify(issue.ctx, cut)) as JsonValue);
  return out;
}

/** A Date's ISO text, years outside 0000 to 9999 included (`+010000-…`), or undefined for an Invalid Date. */
function isoText(date: Date): string | undefined {
  let t: number;
  try {
    t = Date.prototype.getTime.call(date);
  } catch {
    return undefined;
  }
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}
