/**
 * ISO 8601 durations (the `Duration` format, pydantic's timedelta written as text):
 *
 *   [+|-]P[nY][nM][nW][nD][T[nH][nM][nS]]
 *
 * At least one quantity; the date units in the order Y, M, W, D and the time units in the order H, M, S,
 * each at most once; `T` only before time units. A quantity is decimal digits; the last one may have a
 * fraction after `.` or `,`. Letters are upper case. Values up to 999,999,999 each, and 999,999,999 days
 * in all, as pydantic's timedelta. `durationMs` counts a year as 365 days and a month as 30, as pydantic
 * does; its result is exact up to about 285 years (2^53 milliseconds).
 * pydantic also reads `01:02:03`, `1 day, 01:02:03` and numbers of seconds; this format does not
 * (a `number` field of seconds is the plain way to take those).
 * Error details are speedate's wording. One linear pass, no allocation.
 */

const TOO_SHORT = 'input is too short';
const NOT_ISO = 'expected an ISO 8601 duration starting with `P`, like `P1DT2H`';
const DIGIT = 'invalid digit in duration';
const T_REPEATED = '`t` character repeated in duration';
const FRACTION = 'quantity fraction invalid in duration';
const TIME_UNIT = 'quantity invalid in time part of duration';
const DATE_UNIT = 'quantity invalid in date part of duration';
const TOO_LARGE = 'a numeric value in the duration is too large';
const TOO_LONG = 'durations may not exceed 999,999,999 days';

const DATE_UNITS = 'YMWD';
const TIME_UNITS = 'HMS';
/** Milliseconds per date unit (Y, M, W, D) and time unit (H, M, S). */
const DATE_MS = [365 * 86_400_000, 30 * 86_400_000, 7 * 86_400_000, 86_400_000];
const TIME_MS = [3_600_000, 60_000, 1000];
const MAX_VALUE = 999_999_999;
/** pydantic's limit on a timedelta: 999,999,999 days. */
const MAX_TOTAL = 999_999_999 * 86_400_000;

/** Set by `walk`: the reason of its last failure. */
let reason = '';

/** Reads `s` as a duration: its signed length in milliseconds, or NaN with `reason` set. */
function walk(s: string): number {
  const n = s.length;
  let i = 0;
  let sign = 1;
  const c0 = s.charCodeAt(0);
  if (c0 === 43 || c0 === 45) {
    sign = c0 === 45 ? -1 : 1;
    i = 1;
  }
  if (n - i < 2) return fail(TOO_SHORT);
  if (s.charCodeAt(i) !== 80) return fail(NOT_ISO);
  i++;
  let total = 0;
  let time = false;
  let quantities = 0;
  let next = 0; // the index of the next unit allowed in the current part
  while (i < n) {
    if (s.charCodeAt(i) === 84) {
      if (time) return fail(T_REPEATED);
      time = true;
      next = 0;
      if (++i === n) return fail(TOO_SHORT);
      continue;
    }
    const start = i;
    let value = 0;
    for (let d = s.charCodeAt(i) - 48; d >= 0 && d <= 9; d = s.charCodeAt(i) - 48) {
      value = value * 10 + d;
      if (value > MAX_VALUE) return fail(TOO_LARGE);
      i++;
    }
    if (i === start) return fail(DIGIT);
    let fraction = 0;
    const sep = s.charCodeAt(i);
    const fractional = sep === 46 || sep === 44;
    if (fractional) {
      const from = ++i;
      let scale = 1;
      for (let d = s.charCodeAt(i) - 48; d >= 0 && d <= 9; d = s.charCodeAt(i) - 48) {
        if (i - from < 9) {
          scale /= 10;
          fraction += d * scale;
        }
        i++;
      }
      if (i === from) return fail(FRACTION);
    }
    const units = time ? TIME_UNITS : DATE_UNITS;
    const unit = units.indexOf(s.charAt(i), next);
    if (i === n || unit < 0) return fail(time ? TIME_UNIT : DATE_UNIT);
    // Only the last quantity may have a fraction.
    if (fractional && i + 1 < n) return fail(FRACTION);
    total += (value + fraction) * (time ? TIME_MS[unit]! : DATE_MS[unit]!);
    if (total > MAX_TOTAL) return fail(TOO_LONG);
    next = unit + 1;
    quantities++;
    i++;
  }
  if (quantities === 0) return fail(TOO_SHORT);
  return sign * Math.round(total);
}

function fail(why: string): number {
  reason = why;
  return NaN;
}

/** True when `s` is an ISO 8601 duration (see the rules above). */
export function isDuration(s: string): boolean {
  return !Number.isNaN(walk(s));
}

/** Why `s` is not an ISO 8601 duration, or undefined when it is one. */
export function durationError(s: string): string | undefined {
  return Number.isNaN(walk(s)) ? reason : undefined;
}

/**
 * The length of a `Duration` in milliseconds, negative for `-P…`, a year counted as 365 days and a month
 * as 30 (`durationMs('PT1M30S')` is 90000). Throws a RangeError for text that is not a duration.
 */
export function durationMs(duration: string): number {
  const ms = walk(duration);
  if (Number.isNaN(ms)) throw new RangeError(`not an ISO 8601 duration: ${reason}`);
  return ms;
}
