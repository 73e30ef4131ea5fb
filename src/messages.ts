import { elide, escapeControls } from './text';

/** The context each error type carries, keyed by pydantic's error type. */
export interface ErrorContexts {
  missing: undefined;
  extra_forbidden: undefined;
  model_type: { class_name: string };
  none_required: undefined;
  undefined_required: undefined;
  none_forbidden: undefined;
  object_type: undefined;
  string_type: undefined;
  string_too_short: { min_length: number };
  string_too_long: { max_length: number };
  string_pattern_mismatch: { pattern: string };
  float_type: undefined;
  float_parsing: undefined;
  bool_parsing: undefined;
  json_invalid: { error: string };
  int_type: undefined;
  int_parsing: undefined;
  int_from_float: undefined;
  int_parsing_size: undefined;
  finite_number: undefined;
  greater_than: { gt: number | string };
  greater_than_equal: { ge: number | string };
  less_than: { lt: number | string };
  less_than_equal: { le: number | string };
  multiple_of: { multiple_of: number };
  bool_type: undefined;
  literal_error: { expected: string };
  enum: { expected: string };
  list_type: undefined;
  dict_type: undefined;
  tuple_type: undefined;
  set_type: undefined;
  too_short: { field_type: string; min_length: number; actual_length: number };
  too_long: { field_type: string; max_length: number; actual_length: number };
  datetime_type: undefined;
  datetime_parsing: { error: string };
  datetime_past: undefined;
  datetime_future: undefined;
  datetime_from_date_parsing: { error: string };
  date_parsing: { error: string };
  date_past: undefined;
  date_future: undefined;
  value_error: { error: string } | { reason: string };
  url_parsing: { error: string };
  url_scheme: { expected_schemes: string };
  url_too_long: { max_length: number };
  uuid_parsing: { error: string };
  ip_v4_address: undefined;
  ip_v6_address: undefined;
  recursion_loop: undefined;
  pattern_type: undefined;
  pattern_regex: undefined;
  bytes_type: undefined;
  bytes_invalid_encoding: { encoding: string; encoding_error: string };
  bytes_too_short: { min_length: number };
  bytes_too_long: { max_length: number };
  time_parsing: { error: string };
  time_delta_parsing: { error: string };
  ip_v4_network: undefined;
  ip_v6_network: undefined;
  ip_v4_interface: undefined;
  ip_v6_interface: undefined;
  too_deep: { max_depth: number };
  union_tag_invalid: { discriminator: string; tag: string; expected_tags: string };
  union_tag_not_found: { discriminator: string };
  string_pattern_overflow: { pattern: string };
  sparse_array: { index: number };
  too_many_issues: { max_issues: number; more: number };
}

/** Every error type tydantic reports. */
export type ErrorType = keyof ErrorContexts;

/**
 * Message templates, keyed by error type. `{name}` is replaced by `ctx.name`;
 * `{expected_plural}` by '' when the count in the same message is 1, else 's'.
 * The wording is pydantic's (its JSON-input wording where it has one).
 */
export const messageTemplates: { readonly [T in ErrorType]: string } = {
  missing: 'Field required',
  extra_forbidden: 'Extra inputs are not permitted',
  model_type: 'Input should be a valid dictionary or instance of {class_name}',
  none_required: 'Input should be null',
  undefined_required: 'Input should be undefined',
  none_forbidden: 'Input should not be null or undefined',
  object_type: 'Input should be an object or an array',
  string_type: 'Input should be a valid string',
  string_too_short: 'String should have at least {min_length} character{expected_plural}',
  string_too_long: 'String should have at most {max_length} character{expected_plural}',
  string_pattern_mismatch: "String should match pattern '{pattern}'",
  float_type: 'Input should be a valid number',
  float_parsing: 'Input should be a valid number, unable to parse string as a number',
  bool_parsing: 'Input should be a valid boolean, unable to interpret input',
  json_invalid: 'Invalid JSON: {error}',
  int_type: 'Input should be a valid integer',
  int_parsing: 'Input should be a valid integer, unable to parse string as an integer',
  int_from_float: 'Input should be a valid integer, got a number with a fractional part',
  int_parsing_size: 'Unable to parse input string as an integer, exceeded maximum size',
  finite_number: 'Input should be a finite number',
  greater_than: 'Input should be greater than {gt}',
  greater_than_equal: 'Input should be greater than or equal to {ge}',
  less_than: 'Input should be less than {lt}',
  less_than_equal: 'Input should be less than or equal to {le}',
  multiple_of: 'Input should be a multiple of {multiple_of}',
  bool_type: 'Input should be a valid boolean',
  literal_error: 'Input should be {expected}',
  enum: 'Input should be {expected}',
  list_type: 'Input should be a valid array',
  dict_type: 'Input should be an object',
  tuple_type: 'Input should be a valid tuple',
  set_type: 'Input should be a valid set',
  too_short:
    '{field_type} should have at least {min_length} item{expected_plural} after validation, not {actual_length}',
  too_long:
    '{field_type} should have at most {max_length} item{expected_plural} after validation, not {actual_length}',
  datetime_type: 'Input should be a valid datetime',
  datetime_parsing: 'Input should be a valid datetime, {error}',
  datetime_past: 'Input should be in the past',
  datetime_future: 'Input should be in the future',
  datetime_from_date_parsing: 'Input should be a valid datetime or date, {error}',
  date_parsing: 'Input should be a valid date in the format YYYY-MM-DD, {error}',
  date_past: 'Date should be in the past',
  date_future: 'Date should be in the future',
  value_error: 'Value error, {error}',
  url_parsing: 'Input should be a valid URL, {error}',
  url_scheme: 'URL scheme should be {expected_schemes}',
  url_too_long: 'URL should have at most {max_length} character{expected_plural}',
  uuid_parsing: 'Input should be a valid UUID, {error}',
  ip_v4_address: 'Input is not a valid IPv4 address',
  ip_v6_address: 'Input is not a valid IPv6 address',
  recursion_loop: 'Recursion error - cyclic reference detected',
  pattern_type: 'Input should be a valid pattern',
  pattern_regex: 'Input should be a valid regular expression',
  bytes_type: 'Input should be a valid bytes',
  bytes_invalid_encoding: 'Data should be valid {encoding}: {encoding_error}',
  bytes_too_short: 'Data should have at least {min_length} byte{expected_plural}',
  bytes_too_long: 'Data should have at most {max_length} byte{expected_plural}',
  time_parsing: 'Input should be in a valid time format, {error}',
  time_delta_parsing: 'Input should be a valid duration, {error}',
  ip_v4_network: 'Input is not a valid IPv4 network',
  ip_v6_network: 'Input is not a valid IPv6 network',
  ip_v4_interface: 'Input is not a valid IPv4 interface',
  ip_v6_interface: 'Input is not a valid IPv6 interface',
  too_deep: 'Input should be nested at most {max_depth} levels deep',
  union_tag_invalid:
    "Input tag '{tag}' found using {discriminator} does not match any of the expected tags: {expected_tags}",
  union_tag_not_found: 'Unable to extract tag using discriminator {discriminator}',
  string_pattern_overflow: "String could not be checked against pattern '{pattern}': the regular expression engine ran out of stack",
  sparse_array: 'Input should be an array without holes, found one at index {index}',
  too_many_issues: '{more} more issues not reported: validation stops collecting after {max_issues}',
};

/** Message templates by error type: the ones to use instead of the built-in wording. */
export type MessageOverrides = { readonly [T in ErrorType]?: string };

/** The templates of one process: `setMessages`' overrides, and the built-in ones generated modules registered. */
interface Templates {
  readonly overrides: { [T in ErrorType]?: string };
  /**
   * The built-in templates of the error types that generated modules can report, registered by each module
   * (`useMessages`): a bundle holds the wording of its own models' errors only, not the whole table.
   */
  readonly known: { [T in ErrorType]?: string };
}

let shared: Templates | undefined;

/**
 * The process's templates, kept on `globalThis` under a registered symbol: the ESM and CommonJS copies of the
 * runtime, when both load in one process, share them, so `setMessages` through either reaches every parse.
 * Found on first use, so importing the runtime runs nothing.
 */
function templates(): Templates {
  if (shared !== undefined) return shared;
  const global = globalThis as { [key: symbol]: Templates | undefined };
  const key = Symbol.for('tydantic.templates');
  return (shared = global[key] ??= { overrides: {}, known: {} });
}

/** Registers built-in templates (called by generated modules with those of the error types they can report). */
export function useMessages(registered: MessageOverrides): void {
  Object.assign(templates().known, registered);
}

/**
 * Replaces message templates for every later parse (built-in i18n): `{name}`
 * placeholders take the issue's `ctx` values. `setMessages({})` keeps the
 * current ones; pass `undefined` for a type to restore pydantic's wording.
 */
export function setMessages(given: MessageOverrides): void {
  const { overrides } = templates();
  for (const [type, template] of Object.entries(given) as [ErrorType, string | undefined][]) {
    if (template === undefined) delete overrides[type];
    else overrides[type] = template;
  }
}

/** The template for an error type: the call's override, else the global one, else pydantic's (as a generated module registered it). */
export function templateOf(type: ErrorType, call: MessageOverrides | undefined): string | undefined {
  const { overrides, known } = templates();
  return call?.[type] ?? overrides[type] ?? known[type];
}

/** The template the call or `setMessages` put in place of the built-in one, if any. */
export function overrideOf(type: ErrorType, call: MessageOverrides | undefined): string | undefined {
  return call?.[type] ?? templates().overrides[type];
}

/**
 * Renders a template with an issue's context. Each value is cut to 100 characters, the middle elided
 * between code points, so a 10 MB error text gives a short message; a value that cannot be turned into a
 * string (or a context whose reading throws) shows as `<unrepresentable>`.
 */
export function renderMessage(template: string, ctx: object | undefined): string {
  if (ctx === undefined) return template;
  const values = ctx as Record<string, unknown>;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    try {
      if (name === 'expected_plural') {
        const count = values['min_length'] ?? values['max_length'];
        return count === 1 ? '' : 's';
      }
      if (!(name in values)) return whole;
      return elide(escapeControls(String(values[name])), 100);
    } catch {
      return '<unrepresentable>';
    }
  });
}
