import type { ErrorContexts, ErrorType } from './messages';
import { timeOf } from './runtime';

/** A path into the input: object keys and array indices. */
export type Loc = (string | number)[];

/** One validation failure; `type` and `msg` follow pydantic's error types and messages. */
export type Issue = {
  [T in ErrorType]: ErrorContexts[T] extends undefined
    ? { type: T; loc: Loc; msg: string; input: unknown; ctx?: undefined }
    : { type: T; loc: Loc; msg: string; input: unknown; ctx: ErrorContexts[T] };
}[ErrorType];

/** Thrown by `parse`: every issue found in the input, not only the first. */
export class ValidationError extends Error {
  /** The name of the model that was parsed. */
  readonly title: string;
  /** Every issue, in input order. */
  readonly issues: Issue[];
  #message: string | undefined;

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
}

/** `2 validation errors for CreateUser` then, per issue, its dotted path and message. */
export function formatIssues(title: string, issues: readonly Issue[]): string {
  const n = issues.length;
  let text = `${n} validation error${n === 1 ? '' : 's'} for ${title}`;
  for (const issue of issues) {
    if (issue.loc.length > 0) text += `\n${issue.loc.join('.')}`;
    text += `\n  ${issue.msg} [type=${issue.type}, input=${preview(issue.input)}]`;
  }
  return text;
}

const MAX_PREVIEW = 50;
/** Items of an array or object rendered at most: previews stay cheap for huge inputs. */
const MAX_ITEMS = 8;

/** A short, single-line rendering of an input value for messages. */
export function preview(value: unknown): string {
  const text = render(value, 0);
  return text.length > MAX_PREVIEW
    ? `${text.slice(0, MAX_PREVIEW / 2 - 1)}...${text.slice(-(MAX_PREVIEW / 2 - 2))}`
    : text;
}

/** A string as Python's repr writes it: single quotes, or double quotes when it holds only single ones. */
export function quote(text: string): string {
  const body = JSON.stringify(text).slice(1, -1);
  if (text.includes("'") && !text.includes('"')) return `"${body}"`;
  return `'${body.replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;
}

function render(value: unknown, depth: number): string {
  switch (typeof value) {
    case 'string':
      return quote(value.length > MAX_PREVIEW * 2 ? `${value.slice(0, MAX_PREVIEW)}${value.slice(-MAX_PREVIEW)}` : value);
    case 'number':
      return Object.is(value, -0) ? '-0' : String(value);
    case 'bigint':
      return `${value}n`;
    case 'function':
      return `[Function ${value.name || 'anonymous'}]`;
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
  if (value instanceof Date) return Number.isNaN(timeOf(value)) ? 'Invalid Date' : value.toISOString();
  if (depth > 2) return Array.isArray(value) ? '[...]' : '{...}';
  if (Array.isArray(value)) {
    const shown = value.slice(0, MAX_ITEMS).map((v) => render(v, depth + 1));
    if (value.length > MAX_ITEMS) shown.push('...');
    return `[${shown.join(', ')}]`;
  }
  const parts: string[] = [];
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    if (parts.length === MAX_ITEMS) {
      parts.push('...');
      break;
    }
    parts.push(`${quote(key)}: ${render((value as Record<string, unknown>)[key], depth + 1)}`);
  }
  return `{${parts.join(', ')}}`;
}
