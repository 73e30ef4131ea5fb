/**
 * Literal data from user code: decorator options (`@model({...})`,
 * `@field({...})`) and property initializers (defaults). Values are read from
 * the syntax where it is a literal and from the checker's literal types
 * otherwise, so consts and enum members work.
 */
import { type Decorator, type Expression, Node, SyntaxKind, ts } from 'ts-morph';
import type { Constraint, JsonValue } from '../ir';
import { ALIAS_STYLES, type AliasGenerator } from './aliases';
import { toConstraints } from './constraints';
import { evaluateGenerator, GeneratorError } from './sandbox';
import { parseDateTime } from '../../src/formats/datetime';
import { messageTemplates } from '../../src/messages';

/** A problem at a node: reported by the caller with the node's location. */
export class OptionError extends Error {
  constructor(
    readonly node: Node,
    message: string,
    readonly hint: string,
  ) {
    super(message);
  }
}

/** What an option's value must be. */
export type OptionKind = 'nonNegativeInt' | 'number' | 'bound' | 'json' | 'messages' | 'positive' | 'string' | 'boolean' | 'pattern' | 'extra' | 'format' | 'aliasGenerator' | 'aliases';

/** The options of `@field()`, which are also the tag names of refinement types (with `format`). */
export const FIELD_OPTIONS: Readonly<Record<string, OptionKind>> = {
  minLength: 'nonNegativeInt',
  maxLength: 'nonNegativeInt',
  pattern: 'pattern',
  gt: 'bound',
  ge: 'bound',
  lt: 'bound',
  le: 'bound',
  multipleOf: 'positive',
  int: 'boolean',
  minItems: 'nonNegativeInt',
  maxItems: 'nonNegativeInt',
  past: 'boolean',
  future: 'boolean',
  format: 'format',
  description: 'string',
  strict: 'boolean',
  coerceNumbersToStr: 'boolean',
  alias: 'string',
  validationAlias: 'aliases',
  serializationAlias: 'string',
  fallback: 'json',
  messages: 'messages',
};

/** Field options that are not constraints. */
export const FIELD_SETTINGS = ['description', 'strict', 'coerceNumbersToStr', 'alias', 'validationAlias', 'serializationAlias', 'fallback', 'messages'];

const MODEL_OPTIONS: Record<string, OptionKind> = {
  extra: 'extra',
  description: 'string',
  strict: 'boolean',
  coerceNumbersToStr: 'boolean',
  populateByName: 'boolean',
  aliasGenerator: 'aliasGenerator',
  frozen: 'boolean',
  maxDepth: 'nonNegativeInt',
  maxIssues: 'nonNegativeInt',
  hideInput: 'boolean',
};

const COMPUTED_OPTIONS: Record<string, OptionKind> = { description: 'string' };

/** A literal option value; patterns carry their flags. */
export type OptionValue =
  | string
  | number
  | boolean
  | { readonly source: string; readonly flags: string }
  | { readonly json: JsonValue }
  | { readonly messages: { readonly [type: string]: string } }
  | { readonly aliases: readonly string[] }
  | ((name: string) => string);

/** The options of `@model(...)`. */
export interface ModelOptionValues {
  extra?: 'ignore' | 'forbid' | 'allow';
  description?: string;
  strict?: boolean;
  coerceNumbersToStr?: boolean;
  populateByName?: boolean;
  aliasGenerator?: AliasGenerator;
  frozen?: true;
  maxDepth?: number;
  maxIssues?: number;
  hideInput?: true;
}

/** The options of `@field(...)`: constraints in canonical order, and the field's settings. */
export interface FieldOptionValues {
  constraints: Constraint[];
  description?: string;
  strict?: boolean;
  coerceNumbersToStr?: boolean;
  alias?: string;
  /** The input key, or the keys tried in turn (pydantic's `AliasChoices`). */
  validationAlias?: string | readonly string[];
  serializationAlias?: string;
  /** What a field whose value fails takes instead, its issues dropped (literal data). */
  fallback?: JsonValue;
  /** The field's own message templates, by error type. */
  messages?: { readonly [type: string]: string };
}

/**
 * The options of `@settings()` besides the model's: the runtime reads them when `load` runs, so they need
 * not be literals, and the compile step leaves them alone.
 */
const SETTINGS_OPTIONS = new Set(['envPrefix', 'envFile', 'envFileEncoding', 'nestedDelimiter', 'caseSensitive', 'secretsDir', 'envParseNone', 'envIgnoreEmpty', 'cliArgs']);

/** Reads `@model(...)` options, or a `@settings(...)` decorator's model options (a settings model forbids extras by default). */
export function readModelOptions(decorator: Decorator, settings = false): ModelOptionValues {
  const values = readOptions(decorator, MODEL_OPTIONS, settings ? SETTINGS_OPTIONS : undefined);
  const result: ModelOptionValues = {};
  const extra = values.get('extra') ?? (settings ? 'forbid' : undefined);
  if (extra === 'ignore' || extra === 'forbid' || extra === 'allow') result.extra = extra;
  const description = values.get('description');
  if (typeof description === 'string') result.description = description;
  for (const key of ['strict', 'coerceNumbersToStr', 'populateByName'] as const) {
    const value = values.get(key);
    if (typeof value === 'boolean') result[key] = value;
  }
  const generator = values.get('aliasGenerator');
  if (typeof generator === 'function' || (typeof generator === 'string' && (ALIAS_STYLES as readonly string[]).includes(generator))) {
    result.aliasGenerator = generator as AliasGenerator;
  }
  if (values.get('frozen') === true) result.frozen = true;
  const maxDepth = values.get('maxDepth');
  if (typeof maxDepth === 'number') result.maxDepth = maxDepth;
  const maxIssues = values.get('maxIssues');
  if (typeof maxIssues === 'number') result.maxIssues = maxIssues;
  if (values.get('hideInput') === true) result.hideInput = true;
  return result;
}

/** Reads `@computed(...)` options: a description. */
export function readComputedOptions(decorator: Decorator): { description?: string } {
  const description = readOptions(decorator, COMPUTED_OPTIONS).get('description');
  return typeof description === 'string' ? { description } : {};
}

/** Reads `@field(...)` options. */
export function readFieldOptions(decorator: Decorator): FieldOptionValues {
  const values = readOptions(decorator, FIELD_OPTIONS);
  const settings: Omit<FieldOptionValues, 'constraints'> = {};
  for (const key of FIELD_SETTINGS) {
    const value = values.get(key);
    values.delete(key);
    if (value === undefined) continue;
    const unwrapped =
      typeof value !== 'object'
        ? value
        : 'json' in value
          ? value.json
          : 'messages' in value
            ? value.messages
            : 'aliases' in value
              ? value.aliases.length === 1
                ? value.aliases[0]
                : value.aliases
              : value;
    Object.assign(settings, { [key]: unwrapped });
  }
  return { constraints: toConstraints(values), ...settings };
}

function readOptions(decorator: Decorator, allowed: Record<string, OptionKind>, skipped?: ReadonlySet<string>): Map<string, OptionValue> {
  const values = new Map<string, OptionValue>();
  let arg = decorator.getArguments()[0];
  if (arg === undefined) return values;
  while (Node.isAsExpression(arg) || Node.isSatisfiesExpression(arg) || Node.isParenthesizedExpression(arg)) {
    arg = arg.getExpression();
  }
  if (!Node.isObjectLiteralExpression(arg)) {
    throw new OptionError(arg, 'decorator options must be an object literal', `write @${decorator.getName()}({ ... }) inline`);
  }
  for (const prop of arg.getProperties()) {
    if (!Node.isPropertyAssignment(prop)) {
      throw new OptionError(prop, 'decorator options must be plain `name: value` pairs', 'write each option as `name: literal`');
    }
    const nameNode = prop.getNameNode();
    const name = Node.isStringLiteral(nameNode) ? nameNode.getLiteralValue() : prop.getName();
    if (skipped?.has(name)) continue;
    const kind = allowed[name];
    if (kind === undefined) {
      throw new OptionError(prop, `unknown option '${name}'`, `the options are: ${[...Object.keys(allowed), ...(skipped ?? [])].join(', ')}`);
    }
    values.set(name, readOption(prop.getInitializerOrThrow(), name, kind));
  }
  return values;
}

function readOption(expr: Expression, name: string, kind: OptionKind): OptionValue {
  if (kind === 'aliasGenerator') return readAliasGenerator(expr);
  if (kind === 'json') {
    try {
      return { json: jsonOf(expr) };
    } catch {
      throw new OptionError(expr, `option '${name}' must be literal data`, 'write strings, numbers, booleans, null, or arrays and objects of them');
    }
  }
  if (kind === 'messages') return readMessages(expr, name);
  if (kind === 'aliases') return readAliases(expr, name);
  if (kind === 'pattern') {
    if (Node.isRegularExpressionLiteral(expr)) {
      const text = expr.getText();
      const end = text.lastIndexOf('/');
      return checkPattern(expr, text.slice(1, end), text.slice(end + 1));
    }
    const value = literalOf(expr);
    if (typeof value !== 'string') {
      throw new OptionError(expr, `option '${name}' must be a string or a regular expression literal`, "write pattern: '^[a-z]+$' or /^[a-z]+$/");
    }
    return checkPattern(expr, value, '');
  }
  const value = literalOf(expr);
  const expected = mismatch(kind, value);
  if (expected === undefined) return value!;
  if (value === undefined) {
    throw new OptionError(
      expr,
      `option '${name}' must be ${expected} written as a literal: the compile step reads it from source`,
      'use a literal, or a const whose type is a literal',
    );
  }
  throw new OptionError(expr, `option '${name}' must be ${expected}`, `got ${JSON.stringify(value)}`);
}

/**
 * A named alias generator, or a self-contained function evaluated here, at
 * compile time, on each field name (it never runs in generated code). The
 * function runs in a sandbox with nothing of the host in reach and a time
 * limit (./sandbox.ts): a model file must not run code on the machine that
 * builds it.
 */
function readAliasGenerator(expr: Expression): OptionValue {
  const named = literalOf(expr);
  if (typeof named === 'string' && (ALIAS_STYLES as readonly string[]).includes(named)) return named;
  const hint = `use one of ${ALIAS_STYLES.map((s) => `'${s}'`).join(', ')}, or an inline arrow function that uses nothing but its argument`;
  if (!Node.isArrowFunction(expr) && !Node.isFunctionExpression(expr)) {
    throw new OptionError(expr, "option 'aliasGenerator' must be a style name or an inline function", hint);
  }
  const loopHint = 'the generator must return for every field name: look for a loop that does not end';
  let generator: (name: string) => string;
  try {
    const js = ts.transpile(`var generator = (${expr.getText()});`, { target: ts.ScriptTarget.ES2022 });
    generator = evaluateGenerator(js);
  } catch (error) {
    if (!(error instanceof GeneratorError)) throw error;
    throw new OptionError(expr, `aliasGenerator cannot be evaluated at compile time: ${error.message}`, error.reason === 'timeout' ? loopHint : hint);
  }
  return (name: string): string => {
    let alias: string;
    try {
      alias = generator(name);
    } catch (error) {
      if (!(error instanceof GeneratorError)) throw error;
      if (error.reason === 'timeout') throw new OptionError(expr, `aliasGenerator ${error.message}`, loopHint);
      if (error.reason === 'returned') throw new OptionError(expr, `aliasGenerator returned ${error.message} for '${name}'`, 'return a non-empty string');
      throw new OptionError(expr, `aliasGenerator failed on '${name}': ${error.message}`, hint);
    }
    if (alias === '') throw new OptionError(expr, `aliasGenerator returned "" for '${name}'`, 'return a non-empty string');
    return alias;
  };
}

/**
 * `validationAlias: 'key'`, or `validationAlias: ['first_name', 'fname']` (pydantic's `AliasChoices`): input
 * keys tried in order, the first present one giving the value. Distinct, non-empty string literals.
 */
function readAliases(expr: Expression, name: string): OptionValue {
  while (Node.isParenthesizedExpression(expr) || Node.isAsExpression(expr) || Node.isSatisfiesExpression(expr)) expr = expr.getExpression();
  const hint = "write validationAlias: 'key', or validationAlias: ['key', 'other_key'] for keys tried in turn";
  const items = Node.isArrayLiteralExpression(expr) ? expr.getElements() : [expr];
  if (items.length === 0) throw new OptionError(expr, `option '${name}' must name at least one key`, hint);
  const keys: string[] = [];
  for (const item of items) {
    const key = literalOf(item);
    if (typeof key !== 'string' || key === '') throw new OptionError(item, `option '${name}' must be a non-empty string literal or an array of them`, hint);
    if (keys.includes(key)) throw new OptionError(item, `option '${name}' names the key '${key}' twice`, 'name each key once');
    keys.push(key);
  }
  return { aliases: keys };
}

/** `messages: { string_too_short: 'Too short' }`: templates keyed by error types the runtime knows. */
function readMessages(expr: Expression, name: string): OptionValue {
  let value: JsonValue;
  try {
    value = jsonOf(expr);
  } catch {
    value = null;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value) || Object.values(value).some((v) => typeof v !== 'string')) {
    throw new OptionError(expr, `option '${name}' must be an object of message templates`, "write messages: { string_too_short: 'At least {min_length} characters' }");
  }
  const unknown = Object.keys(value).find((type) => !Object.hasOwn(messageTemplates, type));
  if (unknown !== undefined) throw new OptionError(expr, `'${unknown}' is not an error type`, 'the types are listed in docs/errors.md');
  return { messages: value as { [type: string]: string } };
}

const FORMATS = new Set(['email', 'url', 'httpUrl', 'uuid', 'ipv4', 'ipv6', 'date', 'time', 'duration', 'ipv4Network', 'ipv6Network', 'ipv4Interface', 'ipv6Interface']);

/** What `value` should have been for an option of `kind`, or undefined when it fits. */
export function mismatch(kind: Exclude<OptionKind, 'pattern' | 'aliasGenerator'>, value: string | number | boolean | undefined): string | undefined {
  switch (kind) {
    case 'string':
      return typeof value === 'string' ? undefined : 'a string';
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'true or false';
    case 'extra':
      return value === 'ignore' || value === 'forbid' || value === 'allow' ? undefined : "'ignore', 'forbid' or 'allow'";
    case 'format':
      return typeof value === 'string' && FORMATS.has(value) ? undefined : `one of ${[...FORMATS].join(', ')}`;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : 'a finite number';
    case 'bound':
      // A number, or (for a Date field) an ISO 8601 date or date-time.
      if (typeof value === 'number' && Number.isFinite(value)) return undefined;
      return typeof value === 'string' && typeof parseDateTime(value) === 'number' ? undefined : "a finite number, or an ISO 8601 date such as '2020-01-01'";
    case 'positive':
      return typeof value === 'number' && Number.isFinite(value) && value > 0 ? undefined : 'a positive number';
    case 'nonNegativeInt':
      return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? undefined : 'a non-negative integer';
  }
}

function checkPattern(node: Node, source: string, flags: string): OptionValue {
  const problem = patternProblem(source, flags);
  if (problem !== undefined) throw new OptionError(node, problem[0], problem[1]);
  return { source, flags };
}

/** Why a pattern cannot be used, with a hint; undefined when it can. */
export function patternProblem(source: string, flags: string): [message: string, hint: string] | undefined {
  try {
    new RegExp(source, flags);
  } catch (error) {
    const detail = (error as Error).message.replace(/^Invalid regular expression: /, '');
    return [`pattern is not a valid regular expression: ${detail}`, 'fix the pattern'];
  }
  if (/[gy]/.test(flags)) return [`flag '${flags}' makes RegExp.test stateful`, "drop the 'g' and 'y' flags"];
  return undefined;
}

/** A string, number or boolean from a literal or from the expression's literal type; undefined otherwise. */
function literalOf(expr: Expression): string | number | boolean | undefined {
  const type = expr.getType();
  if (type.isStringLiteral() || type.isNumberLiteral()) return type.getLiteralValue() as string | number;
  if (type.isBooleanLiteral()) return type.getText() === 'true';
  return undefined;
}

/**
 * The JSON value of a property initializer, or undefined when it has none.
 * Throws for initializers that are not literal data: they cannot be copied
 * into generated code, and evaluating them would mean running the constructor.
 */
export function readDefault(expr: Expression | undefined): JsonValue | undefined {
  if (expr === undefined) return undefined;
  if (expr.getKind() === SyntaxKind.Identifier && expr.getText() === 'undefined') return undefined;
  return jsonOf(expr);
}

function jsonOf(expr: Expression): JsonValue {
  if (Node.isParenthesizedExpression(expr) || Node.isAsExpression(expr) || Node.isSatisfiesExpression(expr)) {
    return jsonOf(expr.getExpression());
  }
  if (Node.isNullLiteral(expr)) return null;
  if (Node.isArrayLiteralExpression(expr)) {
    return expr.getElements().map((element) => {
      if (Node.isSpreadElement(element) || Node.isOmittedExpression(element)) throw notLiteral(element);
      return jsonOf(element);
    });
  }
  if (Node.isObjectLiteralExpression(expr)) {
    const object: Record<string, JsonValue> = {};
    for (const prop of expr.getProperties()) {
      if (!Node.isPropertyAssignment(prop) || Node.isComputedPropertyName(prop.getNameNode())) throw notLiteral(prop);
      const name = prop.getNameNode();
      const key = Node.isStringLiteral(name) || Node.isNumericLiteral(name) ? String(name.getLiteralValue()) : name.getText();
      Object.defineProperty(object, key, { value: jsonOf(prop.getInitializerOrThrow()), enumerable: true, writable: true, configurable: true });
    }
    return object;
  }
  const value = literalOf(expr);
  if (value === undefined || (typeof value === 'number' && !Number.isFinite(value))) throw notLiteral(expr);
  return value;
}

function notLiteral(node: Node): OptionError {
  return new OptionError(
    node,
    `default '${node.getText()}' is not literal data`,
    'a default must be literal data (strings, numbers, booleans, null, and arrays and objects of them), copied fresh into each parse; for a computed value, make the field optional and compute it in a getter',
  );
}
