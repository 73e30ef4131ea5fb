/**
 * The one escaping funnel of generated code. User data (names, literals,
 * patterns, descriptions) reaches the output only through `lit`, `read`,
 * `write`, `comment` and a `Names` allocator; everything else is our own text.
 */
import type { JsonValue } from '../ir';

/** A JavaScript literal for a JSON value: safe inside any code position. */
export function lit(value: JsonValue | undefined): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`cannot emit non-finite number ${value}`);
    return Object.is(value, -0) ? '-0' : String(value);
  }
  // JSON.stringify escapes quotes, backslashes and control characters; U+2028
  // and U+2029 are valid in JSON strings but were line terminators in older JS.
  const json = JSON.stringify(value);
  // Tested first: rarely there, and a large module passes megabytes of schema text through here.
  return LINE_SEPARATORS.test(json) ? json.replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029') : json;
}

const LINE_SEPARATORS = /[\u2028\u2029]/;

/**
 * A single-quoted JavaScript string literal for any text: for long JSON texts (schema data), whose double
 * quotes `lit` would escape one by one. Backslashes, quotes, control characters, line separators and lone
 * surrogates are escaped.
 */
export function text(value: string): string {
  return `'${value.replace(UNSAFE_IN_QUOTES, (ch) => (ch === '\\' || ch === "'" ? `\\${ch}` : `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`))}'`;
}

// Control characters are what the pattern is for.
// eslint-disable-next-line no-control-regex
const UNSAFE_IN_QUOTES = /[\\'\u0000-\u001f\u2028\u2029]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** Keys an object inherits from Object.prototype: reading them needs an own-property check. */
const INHERITED = new Set([
  '__proto__',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
  'constructor',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  'toString',
  'valueOf',
]);

/** `obj.key` or `obj["key"]`: property access for a key from user code. */
export function member(obj: string, key: string): string {
  return IDENTIFIER.test(key) ? `${obj}.${key}` : `${obj}[${lit(key)}]`;
}

/** Reads an own property of untrusted input: inherited members of Object.prototype read as undefined. */
export function read(obj: string, key: string): string {
  return INHERITED.has(key) ? `(${ownTest(obj, lit(key))} ? ${member(obj, key)} : undefined)` : member(obj, key);
}

/**
 * An expression true when `key` is an own key of `obj`: `hasOwnProperty` through Object.prototype, which every
 * `target` has (`Object.hasOwn` is ES2022: a project on ES2021 could not compile the generated module).
 */
export function ownTest(obj: string, key: string): string {
  return `Object.prototype.hasOwnProperty.call(${obj}, ${key})`;
}

/** Writes a data property; `__proto__` is defined, never assigned, so no prototype is touched. */
export function write(obj: string, key: string, value: string): string {
  return key === '__proto__'
    ? `Object.defineProperty(${obj}, "__proto__", { value: ${value}, writable: true, enumerable: true, configurable: true });`
    : `${member(obj, key)} = ${value};`;
}

/** A single-line comment holding user text (newlines and comment terminators neutralised). */
export function comment(text: string): string {
  return `// ${text.replace(/[\r\n\u2028\u2029]+/g, ' ')}`;
}

/** Accumulates indented lines of code. */
export class Lines {
  private readonly out: string[] = [];
  private depth = 0;

  /** Adds one line at the current indentation. */
  line(text: string): this {
    this.out.push(text === '' ? '' : '  '.repeat(this.depth) + text);
    return this;
  }

  /** Adds text that is whole lines already, each ending in a newline (another `Lines`' text), as it is. */
  text(lines: string): this {
    if (lines === '') return this;
    if (!lines.endsWith('\n')) throw new Error('text must end with a newline');
    // Kept as one entry: `toString` puts the last newline back.
    this.out.push(lines.slice(0, -1));
    return this;
  }

  /** The body one level deeper, without braces. */
  indent(body: () => void): this {
    this.depth++;
    body();
    this.depth--;
    return this;
  }

  /** `head {`, the body one level deeper, then `}`. */
  block(head: string, body: () => void, tail = '}'): this {
    this.line(`${head} {`);
    this.depth++;
    body();
    this.depth--;
    return this.line(tail);
  }

  /** The text, each line ending in a newline. */
  toString(): string {
    // One join: a large module has hundreds of thousands of lines.
    return this.out.length === 0 ? '' : `${this.out.join('\n')}\n`;
  }
}
