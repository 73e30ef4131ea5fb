import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parseDateTime, type DateTimeError } from './datetime';

/** Date.UTC for any year 0..9999 (Date.UTC maps years 0..99 to 1900..1999). */
function utc(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): number {
  const date = new Date(Date.UTC(2000, 0, 1, h, mi, s, ms));
  date.setUTCFullYear(y, mo - 1, d);
  return date.getTime();
}

const MIN = 60_000;
const HOUR = 60 * MIN;

describe('parseDateTime: valid inputs', () => {
  const cases: [string, number][] = [
    // date only: midnight UTC
    ['2022-06-08', utc(2022, 6, 8)],
    ['1970-01-01', 0],
    ['2000-02-29', utc(2000, 2, 29)],
    ['2024-02-29', utc(2024, 2, 29)],
    ['1600-02-29', utc(1600, 2, 29)],
    ['0001-01-01', utc(1, 1, 1)],
    ['9999-12-31', utc(9999, 12, 31)],
    // separators, no offset means UTC
    ['2022-06-08T12:13:14', utc(2022, 6, 8, 12, 13, 14)],
    ['2022-06-08t12:13:14', utc(2022, 6, 8, 12, 13, 14)],
    ['2022-06-08 12:13:14', utc(2022, 6, 8, 12, 13, 14)],
    ['2022-06-08_12:13:14', utc(2022, 6, 8, 12, 13, 14)],
    ['2022-06-08T12:13', utc(2022, 6, 8, 12, 13)],
    ['2022-06-08T00:00:00Z', utc(2022, 6, 8)],
    ['2022-06-08T23:59:59z', utc(2022, 6, 8, 23, 59, 59)],
    ['2022-06-08T12:13Z', utc(2022, 6, 8, 12, 13)],
    // fractions: 1..9 digits, rounded half-up to the millisecond, `.` or `,`
    ['2022-06-08T12:13:14.5Z', utc(2022, 6, 8, 12, 13, 14, 500)],
    ['2022-06-08T12:13:14.12Z', utc(2022, 6, 8, 12, 13, 14, 120)],
    ['2022-06-08T12:13:14.123', utc(2022, 6, 8, 12, 13, 14, 123)],
    ['2022-06-08T12:13:14.123456Z', utc(2022, 6, 8, 12, 13, 14, 123)],
    ['2022-06-08T12:13:14.123456789Z', utc(2022, 6, 8, 12, 13, 14, 123)],
    ['2022-06-08T12:13:14.1235Z', utc(2022, 6, 8, 12, 13, 14, 124)],
    ['2022-06-08T12:13:14.0004999Z', utc(2022, 6, 8, 12, 13, 14, 0)],
    ['2022-06-08T12:13:14.0005Z', utc(2022, 6, 8, 12, 13, 14, 1)],
    ['2022-06-08T12:13:14,25Z', utc(2022, 6, 8, 12, 13, 14, 250)],
    ['2022-12-31T23:59:59.9995Z', utc(2023, 1, 1)],
    ['1969-12-31T23:59:59.999Z', -1],
    // offsets
    ['2022-06-08T12:13:14+00:00', utc(2022, 6, 8, 12, 13, 14)],
    ['2022-06-08T12:13:14-00:00', utc(2022, 6, 8, 12, 13, 14)],
    ['2022-06-08T12:13:14+05:30', utc(2022, 6, 8, 12, 13, 14) - 5.5 * HOUR],
    ['2022-06-08T12:13:14-0800', utc(2022, 6, 8, 12, 13, 14) + 8 * HOUR],
    ['2022-06-08T12:13:14+02', utc(2022, 6, 8, 12, 13, 14) - 2 * HOUR],
    ['2022-06-08T12:13+01:00', utc(2022, 6, 8, 11, 13)],
    ['2022-06-08T12:13:14.5-03:15', utc(2022, 6, 8, 15, 28, 14, 500)],
    ['2022-06-08T12:13:14\u221203:00', utc(2022, 6, 8, 15, 13, 14)],
    ['2022-06-08T12:13:14+23:59', utc(2022, 6, 8, 12, 13, 14) - (23 * HOUR + 59 * MIN)],
    ['2022-06-08T12:13:14-23:59', utc(2022, 6, 8, 12, 13, 14) + 23 * HOUR + 59 * MIN],
    ['1970-01-01T00:00:00+01:00', -HOUR],
    // leap days and extremes
    ['2000-02-29T12:00:00Z', utc(2000, 2, 29, 12)],
    ['2024-02-29T23:59:59.999Z', utc(2024, 2, 29, 23, 59, 59, 999)],
    ['0001-01-01T00:00:00Z', utc(1, 1, 1)],
    ['0004-02-29T00:00:00Z', utc(4, 2, 29)],
    ['0001-01-01T00:00:00-01:00', utc(1, 1, 1) + HOUR],
    ['9999-12-31T23:59:59.999Z', 253_402_300_799_999],
    ['9999-12-31T23:59:59+23:59', utc(9999, 12, 31, 23, 59, 59) - 23 * HOUR - 59 * MIN],
  ];
  it.each(cases)('%s', (input, expected) => {
    expect(parseDateTime(input)).toBe(expected);
  });
});

type Case = [input: string, type: DateTimeError['type'], error: string];
const P = 'datetime_parsing';
const D = 'datetime_from_date_parsing';

const invalid: Case[] = [
  ['', P, 'input is too short'],
  ['2022-01-0', P, 'input is too short'],
  ['2022-01-01T', P, 'input is too short'],
  ['2022-01-01T12:0', P, 'input is too short'],
  ['2022-01-01 ', P, 'input is too short'],
  // a bare sign: pydantic reads it as the start of a signed year, so a date failed
  ['-', D, 'input is too short'],
  ['+', D, 'input is too short'],
  // exactly 10 characters: read as a date
  ['2022-02-30', D, 'day value is outside expected range'],
  ['2021-02-29', D, 'day value is outside expected range'],
  ['1900-02-29', D, 'day value is outside expected range'],
  ['2022-04-31', D, 'day value is outside expected range'],
  ['2022-01-00', D, 'day value is outside expected range'],
  ['2022-13-01', D, 'month value is outside expected range of 1-12'],
  ['2022-00-01', D, 'month value is outside expected range of 1-12'],
  ['abcdefghij', D, 'invalid character in year'],
  ['20x2-01-01', D, 'invalid character in year'],
  ['2022/01/01', D, 'invalid date separator, expected `-`'],
  ['2022-01/01', D, 'invalid date separator, expected `-`'],
  ['1654646400', D, 'invalid date separator, expected `-`'],
  ['2022-1x-01', D, 'invalid character in month'],
  ['2022-01-x1', D, 'invalid character in day'],
  // everything else
  [' 2022-01-01', P, 'invalid character in year'],
  ['not a datetime', P, 'invalid character in year'],
  ['2022-1-01T00:00', P, 'invalid character in month'],
  ['2022-02-30T00:00:00Z', P, 'day value is outside expected range'],
  ['2022-13-01T00:00:00Z', P, 'month value is outside expected range of 1-12'],
  ['2022-01-01X12:00', P, 'invalid datetime separator, expected `T`, `t`, `_` or space'],
  ['20220101T120000Z', P, 'invalid date separator, expected `-`'],
  ['2022-01-01Tab:00', P, 'invalid character in hour'],
  ['2022-01-01T1:00:00', P, 'invalid character in hour'],
  ['2022-01-01T12-00', P, 'invalid time separator, expected `:`'],
  ['2022-01-01T12:0x', P, 'invalid character in minute'],
  ['2022-01-01T24:00', P, 'hour value is outside expected range of 0-23'],
  // an offset that moves the instant out of years 0001 to 9999, which toISOString could not write back
  ['0001-01-01T00:00:00+01:00', P, 'datetime is outside years 0001 to 9999 once its offset is applied'],
  ['9999-12-31T23:59:59-00:01', P, 'datetime is outside years 0001 to 9999 once its offset is applied'],
  // year 0000, which Python (and so pydantic) does not have: datetime_parsing, the date-only form too
  ['0000-01-01', P, 'year is out of range (0001 to 9999)'],
  ['0000-12-31T23:59:59Z', P, 'year is out of range (0001 to 9999)'],
  ['2022-01-01T12:60', P, 'minute value is outside expected range of 0-59'],
  ['2022-01-01T12:00:', P, 'invalid character in second'],
  ['2022-01-01T12:00:6', P, 'invalid character in second'],
  ['2022-01-01T12:00:60', P, 'second value is outside expected range of 0-59'],
  ['2022-01-01T12:00:00.', P, 'second fraction digits missing after `.`'],
  ['2022-01-01T12:00:00.Z', P, 'second fraction digits missing after `.`'],
  ['2022-01-01T12:00:00.1234567890Z', P, 'second fraction value is more than 9 digits long'],
  ['2022-01-01T12:00:00 ', P, 'invalid timezone sign'],
  ['2022-01-01T12:00:00 +01:00', P, 'invalid timezone sign'],
  ['2022-01-01T12:00:00UTC', P, 'invalid timezone sign'],
  ['2022-01-01T12:00:00+x', P, 'invalid timezone hour'],
  ['2022-01-01T12:00:00+1', P, 'invalid timezone hour'],
  ['2022-01-01T12:00:00+05:', P, 'invalid timezone minute'],
  ['2022-01-01T12:00:00+05x', P, 'invalid timezone minute'],
  ['2022-01-01T12:00:00+053', P, 'invalid timezone minute'],
  ['2022-01-01T12:00:00+05:60', P, 'timezone minute value is outside expected range of 0-59'],
  ['2022-01-01T12:00:00+24:00', D, 'timezone offset must be less than 24 hours'],
  ['2022-01-01T12:00:00-25:00', D, 'timezone offset must be less than 24 hours'],
  ['2022-01-01T12:00:00+24', D, 'timezone offset must be less than 24 hours'],
  ['2022-01-01T12:00:00Zx', P, 'unexpected extra characters at the end of the input'],
  ['2022-01-01T12:00:00Z ', P, 'unexpected extra characters at the end of the input'],
  ['2022-01-01T12:00:00+05:30:00', P, 'unexpected extra characters at the end of the input'],
  ['2022-01-01T12:00:00.5+0530 ', P, 'unexpected extra characters at the end of the input'],
];

const ALL_MESSAGES = [
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
];

describe('parseDateTime: invalid inputs', () => {
  it.each(invalid)('%j', (input, type, error) => {
    expect(parseDateTime(input)).toEqual({ type, error });
  });

  it('uses every error message at least once', () => {
    expect(new Set(invalid.map((c) => c[2]))).toEqual(new Set(ALL_MESSAGES));
  });

  it('returns frozen errors', () => {
    const result = parseDateTime('nope');
    expect(typeof result).toBe('object');
    expect(Object.isFrozen(result)).toBe(true);
  });

  it('stops early on very long input', () => {
    const long = '2022-01-01T12:00:00.' + '1'.repeat(1_000_000);
    expect(parseDateTime(long)).toEqual({ type: P, error: 'second fraction value is more than 9 digits long' });
    expect(parseDateTime('2022-01-01T12:00:00Z' + ' '.repeat(1_000_000))).toEqual({
      type: P,
      error: 'unexpected extra characters at the end of the input',
    });
  });
});

const pad = (n: number, width: number): string => String(n).padStart(width, '0');
/** Days in month `m` of year `y`, from the Date object: day 0 of the next month is the last day. */
const daysIn = (y: number, m: number): number => new Date(utc(y, m + 1, 0)).getUTCDate();

describe('parseDateTime: property', () => {
  const components = fc
    .record({
      y: fc.integer({ min: 1, max: 9999 }),
      mo: fc.integer({ min: 1, max: 12 }),
      dayPick: fc.integer({ min: 1, max: 31 }),
      h: fc.integer({ min: 0, max: 23 }),
      mi: fc.integer({ min: 0, max: 59 }),
      s: fc.option(fc.integer({ min: 0, max: 59 })),
      frac: fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 0, maxLength: 9 }),
      sep: fc.constantFrom('T', 't', ' ', '_'),
      fracSep: fc.constantFrom('.', ','),
      tz: fc.option(
        fc.record({
          style: fc.constantFrom('Z', 'z', '+hh:mm', '+hhmm', '+hh'),
          sign: fc.constantFrom(1, -1),
          hh: fc.integer({ min: 0, max: 23 }),
          mm: fc.integer({ min: 0, max: 59 }),
        }),
      ),
    })
    .map((c) => ({ ...c, d: Math.min(c.dayPick, daysIn(c.y, c.mo)) }));

  it('formatted components parse to Date.UTC(...) minus the offset', () => {
    fc.assert(
      fc.property(components, ({ y, mo, d, h, mi, s, frac, sep, fracSep, tz }) => {
        let text = `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}${sep}${pad(h, 2)}:${pad(mi, 2)}`;
        let ms = 0;
        if (s !== null) {
          text += `:${pad(s, 2)}`;
          if (frac !== '') {
            text += fracSep + frac;
            ms = Math.round(Number(frac.padEnd(9, '0')) / 1e6);
          }
        }
        let offsetMinutes = 0;
        if (tz !== null) {
          if (tz.style === 'Z' || tz.style === 'z') text += tz.style;
          else {
            const mm = tz.style === '+hh' ? 0 : tz.mm;
            text += (tz.sign > 0 ? '+' : '-') + pad(tz.hh, 2) + (tz.style === '+hh:mm' ? ':' : '');
            if (tz.style !== '+hh') text += pad(mm, 2);
            offsetMinutes = tz.sign * (tz.hh * 60 + mm);
          }
        }
        const expected = utc(y, mo, d, h, mi, s ?? 0, ms) - offsetMinutes * MIN;
        expect(parseDateTime(text)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('a YYYY-MM-DD date parses to Date.UTC at midnight', () => {
    fc.assert(
      fc.property(components, ({ y, mo, d }) => {
        expect(parseDateTime(`${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}`)).toBe(utc(y, mo, d));
      }),
    );
  });

  it('any string gives an integer or a known error, never throws', () => {
    const known = new Set(ALL_MESSAGES);
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: fc.constantFrom(...'0123456789-:T .Z+z') })), (text) => {
        const result = parseDateTime(text);
        if (typeof result === 'number') expect(Number.isSafeInteger(result)).toBe(true);
        else expect(known.has(result.error)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
