/**
 * Lax-mode conversions, called by generated code only after a value failed
 * its exact type check: form fields, query strings and environment variables
 * arrive as strings. Each returns the converted value, or an error type.
 * The rules are pydantic's (see docs/coercion.md).
 */
import { parseDateTime } from './formats/datetime';
import { MAX_TIME, MIN_TIME } from './runtime';

/** A failed conversion: the error type to report. */
export type CoerceError = 'float_parsing' | 'float_type' | 'int_parsing' | 'int_parsing_size' | 'int_type' | 'int_from_float' | 'finite_number' | 'bool_parsing' | 'bool_type';

/** A failure, told apart from a converted value by `typeof result === 'object'`. */
export interface Failure {
  readonly error: CoerceError;
}

/** A failure of type `error` (allocated on the failure path only; one function instead of a table keeps unused types out of bundles). */
const fail = (error: CoerceError): Failure => ({ error });

// Python's numeric literals: digits with single underscores between them. FLOAT reads the digits as one
// character class (`\d[\d_]*`), which V8 runs without a backtracking stack (a group repeated per digit ran
// out of stack on 8 million digits), and STRAY then refuses an underscore that no digit follows. Literals,
// not `new RegExp`, so a bundle that does not use them drops them.
const FLOAT = /^[+-]?(?:\d[\d_]*(?:\.(?:\d[\d_]*)?)?|\.\d[\d_]*)(?:[eE][+-]?\d[\d_]*)?$/;
const STRAY = /_(?!\d)/;
const INT = /^[+-]?\d(?:_?\d)*(?:\.0+)?$/;
/** Python's spellings of a non-finite float (`'nan'`, `'+inf'`, `'-Infinity'`): a number, but not a finite one. */
const NON_FINITE = /^[+-]?(?:nan|inf|infinity)$/i;

/**
 * The longest integer string converted (Python's `int_max_str_digits`): `BigInt` of a decimal string takes time
 * quadratic in its length, so longer strings are `int_parsing_size` without being read.
 */
export const MAX_INT_DIGITS = 4300;

/** A lax `number`: a number, a numeric string (trimmed, `+`, `1_000`, exponents), or a boolean. */
export function laxNumber(v: unknown): number | Failure {
  if (typeof v === 'string') {
    const text = v.trim();
    if (NON_FINITE.test(text)) return fail('finite_number');
    if (!FLOAT.test(text) || STRAY.test(text)) return fail('float_parsing');
    const n = Number(text.replaceAll('_', ''));
    return Number.isFinite(n) ? n : fail('finite_number');
  }
  if (typeof v === 'boolean') return v ? 1 : 0;
  return fail('float_type');
}

/** A lax integer: an integral number, an integer string (`'42'`, `' +4_2.0 '`), or a boolean. */
export function laxInt(v: unknown): number | Failure {
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return fail('finite_number');
    return Number.isInteger(v) ? v : fail('int_from_float');
  }
  if (typeof v === 'string') {
    const text = v.trim();
    if (text.length > MAX_INT_DIGITS) return fail('int_parsing_size');
    if (!INT.test(text)) return fail('int_parsing');
    const n = Number(text.replaceAll('_', ''));
    return Number.isFinite(n) ? n : fail('int_parsing');
  }
  if (typeof v === 'boolean') return v ? 1 : 0;
  return fail('int_type');
}

const TRUE = new Set(['1', 't', 'true', 'y', 'yes', 'on']);
const FALSE = new Set(['0', 'f', 'false', 'n', 'no', 'off']);

/** A lax boolean: `'yes'`, `'off'`, `'1'` … (any case), or the numbers 0 and 1. */
export function laxBoolean(v: unknown): boolean | Failure {
  if (typeof v === 'string') {
    const text = v.toLowerCase();
    if (TRUE.has(text)) return true;
    if (FALSE.has(text)) return false;
    return fail('bool_parsing');
  }
  if (typeof v === 'number') {
    if (v === 0 || v === 1) return v === 1;
    return Number.isInteger(v) ? fail('bool_parsing') : fail('bool_type');
  }
  return fail('bool_type');
}

const BIGINT = /^[+-]?\d+$/;

/** A lax bigint: an integral number or an integer string (trimmed). */
export function laxBigint(v: unknown): bigint | Failure {
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return fail('finite_number');
    return Number.isInteger(v) ? BigInt(v) : fail('int_from_float');
  }
  if (typeof v === 'string') {
    const text = v.trim();
    if (text.length > MAX_INT_DIGITS) return fail('int_parsing_size');
    return BIGINT.test(text) ? BigInt(text) : fail('int_parsing');
  }
  return fail('int_type');
}

const NUMERIC = /^\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)\s*$/;

/**
 * A Date from a string (RFC 3339 / ISO 8601, or a numeric string read as a
 * unix timestamp) when `strings`, from a unix timestamp (seconds, or
 * milliseconds above 2e10) when `numbers`. Epoch milliseconds, or the error
 * type and detail.
 */
export function laxTime(v: unknown, strings: boolean, numbers: boolean): number | DateFailure {
  if (typeof v === 'string' && strings) {
    // A numeric string is a timestamp wherever strings are accepted (pydantic reads them so in JSON too).
    if (NUMERIC.test(v)) return timestamp(Number(v));
    return parseDateTime(v);
  }
  if (typeof v === 'number' && numbers) return timestamp(v);
  return DATE_TYPE;
}

/** A failed Date conversion. */
export interface DateFailure {
  readonly type: 'datetime_type' | 'datetime_parsing' | 'datetime_from_date_parsing';
  readonly error?: string;
}

const DATE_TYPE: DateFailure = { type: 'datetime_type' };
const OUT_OF_RANGE: DateFailure = { type: 'datetime_parsing', error: 'timestamp is out of range' };

/**
 * A unix timestamp in seconds, or in milliseconds when its absolute value is above 2e10, as epoch milliseconds;
 * one outside years 0001 to 9999 is refused (dumpJSON could not write it back as RFC 3339).
 */
function timestamp(t: number): number | DateFailure {
  const ms = Math.round(Math.abs(t) > 2e10 ? t : t * 1000);
  return ms >= MIN_TIME && ms <= MAX_TIME ? ms : OUT_OF_RANGE;
}
