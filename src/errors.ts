import type { ErrorContexts, ErrorType } from './messages';

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

  constructor(title: string, issues: Issue[]) {
    super(formatIssues(title, issues));
    this.name = 'ValidationError';
    this.title = title;
    this.issues = issues;
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

/** A short, single-line rendering of an input value for messages. */
export function preview(value: unknown): string {
  const text = render(value, 0);
  return text.length > MAX_PREVIEW
    ? `${text.slice(0, MAX_PREVIEW / 2 - 1)}...${text.slice(-(MAX_PREVIEW / 2 - 2))}`
    : text;
}

function render(value: unknown, depth: number): string {
  switch (typeof value) {
    case 'string':
      return `'${JSON.stringify(value).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;
    case 'number':
      return Object.is(value, -0) ? '-0' : String(value);
    case 'bigint':
      return `${value}n`;
    case 'undefined':
    case 'boolean':
      return String(value);
    case 'function':
      return `[Function ${value.name || 'anonymous'}]`;
    case 'symbol':
      return value.toString();
    default:
      if (value === null) return 'null';
      if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
      if (depth > 2) return Array.isArray(value) ? '[...]' : '{...}';
      if (Array.isArray(value)) return `[${value.map((v) => render(v, depth + 1)).join(', ')}]`;
      return `{${Object.keys(value as object)
        .map((k) => `${render(k, depth)}: ${render((value as Record<string, unknown>)[k], depth + 1)}`)
        .join(', ')}}`;
  }
}
