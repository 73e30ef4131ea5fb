/**
 * RFC 3339 / ISO 8601 date-time parsing to epoch milliseconds, following pydantic v2's rules
 * and error wording (its date parser, speedate).
 *
 * Accepted:
 *   YYYY-MM-DD                                    midnight UTC
 *   YYYY-MM-DD<sep>HH:MM[:SS[<frac>]][<offset>]   <sep> is `T`, `t`, `_` or a space
 *   <frac>   `.` or `,` then 1 to 9 digits; rounded to the nearest millisecond, a half
 *            millisecond rounding up (`.0005` is 1 ms, `.9995` carries into the next second)
 *   <offset> `Z`, `z`, `±HH:MM`, `±HHMM` or `±HH` (`-` may also be U+2212 `−`), below 24 hours;
 *            no offset means UTC
 * Years 0001 to 9999 (proleptic Gregorian; year 0000 is `datetime_parsing`, as in pydantic), seconds 00 to 59 (no leap second).
 * No whitespace is trimmed. Numeric strings are not read as unix timestamps here.
 *
 * A failure is a shared frozen `DateTimeError`. A 10-character input is read as a date only, and
 * its errors have type `datetime_from_date_parsing`; every other failure is `datetime_parsing`.
 * Runs in time bounded by a constant (at most 10 fraction digits are ever looked at) and does
 * not allocate.
 */

/** Why a string is not a datetime: pydantic's error type and the detail for its message. */
export interface DateTimeError {
  readonly type: 'datetime_parsing' | 'datetime_from_date_parsing';
  readonly error: string;
}

// Error details: speedate's wording, except FRACTION_TOO_LONG (speedate has no 9-digit limit).
const MESSAGES = [
  'input is too short',
  'invalid character in year',
  'invalid date separator, expected `-`',
  'invalid character in month',
  'invalid character in day',
  'month value is outside expected range of 1-12',
  'day value is outside expected range',
  'invalid datetime separator, expected `T`, `t`, `_` or space',
  'invalid character in hour',
  'invalid time separator, expected `:`',
  'invalid character in minute',
  'hour value is outside expected range of 0-23',
  'minute value is outside expected range of 0-59',
  'invalid character in second',
  'second value is outside expected range of 0-59',
  'second fraction digits missing after `.`',
  'second fraction value is more than 9 digits long',
  'invalid timezone sign',
  'invalid timezone hour',
  'invalid timezone minute',
  'timezone minute value is outside expected range of 0-59',
  'timezone offset must be less than 24 hours',
  'unexpected extra characters at the end of the input',
  'datetime is outside years 0001 to 9999 once its offset is applied',
  'year is out of range (0001 to 9999)',
] as const;

// Indexes into MESSAGES.
const TOO_SHORT = 0;
const YEAR_CHAR = 1;
const DATE_SEP = 2;
const MONTH_CHAR = 3;
const DAY_CHAR = 4;
const MONTH_RANGE = 5;
const DAY_RANGE = 6;
const DATETIME_SEP = 7;
const HOUR_CHAR = 8;
const TIME_SEP = 9;
const MINUTE_CHAR = 10;
const HOUR_RANGE = 11;
const MINUTE_RANGE = 12;
const SECOND_CHAR = 13;
const SECOND_RANGE = 14;
const FRACTION_MISSING = 15;
const FRACTION_TOO_LONG = 16;
const TZ_SIGN = 17;
const TZ_HOUR_CHAR = 18;
const TZ_MINUTE_CHAR = 19;
const TZ_MINUTE_RANGE = 20;
const TZ_RANGE = 21;
const EXTRA = 22;
const UTC_RANGE = 23;
const YEAR_RANGE = 24;

const freezeAll = (type: DateTimeError['type']): readonly DateTimeError[] =>
  Object.freeze(MESSAGES.map((error): DateTimeError => Object.freeze({ type, error })));
/** The first and last millisecond of years 0001 to 9999 in UTC (as runtime.ts's MIN_TIME and MAX_TIME; no import, so this module stands alone). */
const MIN_UTC = -62135596800000;
/** The day number of 0001-01-01: a datetime of year 0000 is out of range, as in pydantic (Python has no year 0). */
const MIN_DAY = MIN_UTC / 86_400_000;
const MAX_UTC = 253402300799999;

const PARSING = /* @__PURE__ */ freezeAll('datetime_parsing');
const FROM_DATE = /* @__PURE__ */ freezeAll('datetime_from_date_parsing');

const MS_PER_DAY = 86_400_000;
/** 10 ** (9 - digits): scales a fraction of `digits` digits to nanoseconds. */
const FRACTION_SCALE = [1e9, 1e8, 1e7, 1e6, 1e5, 1e4, 1e3, 100, 10, 1];

/** Set by a helper that returned NaN: the index of its message. */
let failure = 0;

function fail(code: number): number {
  failure = code;
  return NaN;
}

/** Two ASCII digits at `i` as a number, or -1 (also when past the end: NaN compares false). */
function two(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/** Days since 1970-01-01 of the proleptic Gregorian date (the days-from-civil algorithm). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** Parses `YYYY-MM-DD` at the start of `s` (at least 10 characters) to a day number, or NaN. */
function parseDate(s: string): number {
  const century = two(s, 0);
  const yy = two(s, 2);
  if (century < 0 || yy < 0) return fail(YEAR_CHAR);
  if (s.charCodeAt(4) !== 45) return fail(DATE_SEP);
  const month = two(s, 5);
  if (month < 0) return fail(MONTH_CHAR);
  if (s.charCodeAt(7) !== 45) return fail(DATE_SEP);
  const day = two(s, 8);
  if (day < 0) return fail(DAY_CHAR);
  if (month < 1 || month > 12) return fail(MONTH_RANGE);
  const year = century * 100 + yy;
  let maxDay = 31;
  if (month === 2) maxDay = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  else if (month === 4 || month === 6 || month === 9 || month === 11) maxDay = 30;
  if (day < 1 || day > maxDay) return fail(DAY_RANGE);
  return daysFromCivil(year, month, day);
}

/**
 * True for exactly a valid `YYYY-MM-DD` date: parseDate's checks read straight off the character
 * codes, without the day count or the reason (the `DateString` check on the fast path).
 */
export function isDate(s: string): boolean {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return false;
  const century = two(s, 0);
  const yy = two(s, 2);
  const month = two(s, 5);
  const day = two(s, 8);
  if (century < 0 || yy < 0 || month < 1 || month > 12 || day < 1) return false;
  if (day <= 28) return true;
  if (month === 2) {
    const year = century * 100 + yy;
    return day === 29 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  }
  return day <= (month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31);
}

/** Parses the time and offset from index `at` (11 in a datetime) to milliseconds after midnight UTC, or NaN. */
function parseTime(s: string, at: number): number {
  const n = s.length;
  if (n - at < 5) return fail(TOO_SHORT);
  const hour = two(s, at);
  if (hour < 0) return fail(HOUR_CHAR);
  if (s.charCodeAt(at + 2) !== 58) return fail(TIME_SEP);
  const minute = two(s, at + 3);
  if (minute < 0) return fail(MINUTE_CHAR);
  if (hour > 23) return fail(HOUR_RANGE);
  if (minute > 59) return fail(MINUTE_RANGE);

  let pos = at + 5;
  let second = 0;
  let millis = 0;
  if (s.charCodeAt(pos) === 58) {
    second = two(s, pos + 1);
    if (second < 0) return fail(SECOND_CHAR);
    if (second > 59) return fail(SECOND_RANGE);
    pos += 3;
    const sep = s.charCodeAt(pos);
    if (sep === 46 || sep === 44) {
      const start = ++pos;
      let nanos = 0;
      for (let d = s.charCodeAt(pos) - 48; d >= 0 && d <= 9; d = s.charCodeAt(pos) - 48) {
        if (pos - start === 9) return fail(FRACTION_TOO_LONG);
        nanos = nanos * 10 + d;
        pos++;
      }
      const digits = pos - start;
      if (digits === 0) return fail(FRACTION_MISSING);
      millis = Math.floor((nanos * (FRACTION_SCALE[digits] ?? 1) + 500_000) / 1_000_000);
    }
  }

  let offsetMinutes = 0;
  if (pos < n) {
    const c = s.charCodeAt(pos++);
    if (c !== 90 && c !== 122) {
      // '+', '-' or U+2212 MINUS SIGN
      const sign = c === 43 ? 1 : c === 45 || c === 0x2212 ? -1 : 0;
      if (sign === 0) return fail(TZ_SIGN);
      const tzHour = two(s, pos);
      if (tzHour < 0) return fail(TZ_HOUR_CHAR);
      pos += 2;
      let tzMinute = 0;
      if (pos < n) {
        if (s.charCodeAt(pos) === 58) pos++;
        tzMinute = two(s, pos);
        if (tzMinute < 0) return fail(TZ_MINUTE_CHAR);
        if (tzMinute > 59) return fail(TZ_MINUTE_RANGE);
        pos += 2;
      }
      offsetMinutes = tzHour * 60 + tzMinute;
      if (offsetMinutes >= 1440) return fail(TZ_RANGE);
      offsetMinutes *= sign;
    }
    if (pos < n) return fail(EXTRA);
  }
  return ((hour * 60 + minute - offsetMinutes) * 60 + second) * 1000 + millis;
}

/**
 * Why `s` is not a `YYYY-MM-DD` date, in the words of parseDateTime's errors, or undefined when it is
 * one. Reads no time of day: the date format's check and reason need only this part of the parser.
 */
export function dateError(s: string): string | undefined {
  if (s.length < 10) return MESSAGES[TOO_SHORT];
  if (Number.isNaN(parseDate(s))) return MESSAGES[failure];
  return s.length > 10 ? MESSAGES[EXTRA] : undefined;
}

/**
 * Why `s` is not a time of day (`HH:MM[:SS[.f]][offset]`, the time part of a datetime), in speedate's
 * words, or undefined when it is one. Used by the `TimeString` format.
 */
export function timeOfDayError(s: string): string | undefined {
  return Number.isNaN(parseTime(s, 0)) ? MESSAGES[failure] : undefined;
}

/** True when `s` is a time of day: `HH:MM`, seconds and a fraction optional, then an optional offset. */
export function isTimeOfDay(s: string): boolean {
  return !Number.isNaN(parseTime(s, 0));
}

/** Parses an RFC 3339 / ISO 8601 date-time or date string to epoch milliseconds, or says why it cannot. */
export function parseDateTime(input: string): number | DateTimeError {
  const n = input.length;
  if (n === 10) {
    const days = parseDate(input);
    if (Number.isNaN(days)) return FROM_DATE[failure] as DateTimeError;
    return days < MIN_DAY ? (PARSING[YEAR_RANGE] as DateTimeError) : days * MS_PER_DAY;
  }
  // pydantic reports a bare sign as a failed date (it reads `-`/`+` as the start of a signed year).
  if (n < 10) return ((n === 1 && (input === '-' || input === '+') ? FROM_DATE : PARSING)[TOO_SHORT]) as DateTimeError;
  const days = parseDate(input);
  if (Number.isNaN(days)) return PARSING[failure] as DateTimeError;
  if (days < MIN_DAY) return PARSING[YEAR_RANGE] as DateTimeError;
  const sep = input.charCodeAt(10);
  if (sep !== 84 && sep !== 116 && sep !== 32 && sep !== 95) return PARSING[DATETIME_SEP] as DateTimeError;
  const time = parseTime(input, 11);
  // An offset of 24 hours or more is reported as pydantic does: `datetime_from_date_parsing`.
  if (Number.isNaN(time)) return (failure === TZ_RANGE ? FROM_DATE : PARSING)[failure] as DateTimeError;
  // An offset can move year 0000 or 9999 out of the years an ISO string (dumpJSON) can write back.
  const t = days * MS_PER_DAY + time;
  return t >= MIN_UTC && t <= MAX_UTC ? t : (PARSING[UTC_RANGE] as DateTimeError);
}
