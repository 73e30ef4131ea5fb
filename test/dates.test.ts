/**
 * Constraints on Dates (issue 18, item 3): `gt`/`ge`/`lt`/`le` given as ISO dates compare instants (offsets
 * applied) and report pydantic's bound errors with the bound as ISO text; `Past` and `Future` compare with
 * the clock at parse time (`datetime_past`, `datetime_future`).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { compileFixture, diagnosticsOf } from './helpers/compile';
import { modes } from './helpers/fixture';

describe.each(modes)('Date constraints (%s decorators)', (mode) => {
  let x: Record<string, any>;
  let code: string;
  beforeAll(async () => {
    const compiled = await compileFixture('dates', mode);
    x = compiled.exports;
    code = compiled.result.code;
  });
  const issues = (input: object): unknown[] => x.Booking.safeParse({ day: '2025-01-01', ...input }).error?.issues ?? [];

  it('takes dates within the bounds, offsets applied', () => {
    const b = x.Booking.parse({ day: '2020-01-01', after: '2024-06-01T10:00:01Z', until: '2024-12-31T00:00:00Z', born: '1990-05-01', expires: Date.now() + 86_400_000, maybe: null });
    expect(b.day.toISOString()).toBe('2020-01-01T00:00:00.000Z');
    expect(x.Booking.is(b)).toBe(true);
  });

  it('reports each bound with its type and the bound as ISO text', () => {
    expect(issues({ day: '2019-12-31T23:59:59Z' })).toEqual([
      { type: 'greater_than_equal', loc: ['day'], msg: 'Input should be greater than or equal to 2020-01-01T00:00:00.000Z', input: '2019-12-31T23:59:59Z', ctx: { ge: '2020-01-01T00:00:00.000Z' } },
    ]);
    expect(issues({ day: '2030-01-01' })).toEqual([
      { type: 'less_than', loc: ['day'], msg: 'Input should be less than 2030-01-01T00:00:00.000Z', input: '2030-01-01', ctx: { lt: '2030-01-01T00:00:00.000Z' } },
    ]);
    // 12:00 at +02:00 is 10:00 UTC: the bound itself is not after it.
    expect(issues({ after: '2024-06-01T10:00:00Z' })).toEqual([
      { type: 'greater_than', loc: ['after'], msg: 'Input should be greater than 2024-06-01T10:00:00.000Z', input: '2024-06-01T10:00:00Z', ctx: { gt: '2024-06-01T10:00:00.000Z' } },
    ]);
    expect(issues({ until: new Date('2025-01-01') }).map((i: any) => i.type)).toEqual(['less_than_equal']);
  });

  it('compares Past and Future with the clock when parse runs', () => {
    const soon = new Date(Date.now() + 60_000);
    expect(issues({ born: soon, expires: '2000-01-01', maybe: '2000-01-01' })).toEqual([
      { type: 'datetime_past', loc: ['born'], msg: 'Input should be in the past', input: soon },
      { type: 'datetime_future', loc: ['expires'], msg: 'Input should be in the future', input: '2000-01-01' },
      { type: 'datetime_future', loc: ['maybe'], msg: 'Input should be in the future', input: '2000-01-01' },
    ]);
    expect(x.Booking.is({ day: new Date('2025-01-01'), born: soon })).toBe(false);
  });

  it('writes the bounds as epoch milliseconds and reads the clock for Past and Future', () => {
    expect(code).toContain('if (o.getTime() < 1577836800000) { issue(c, "greater_than_equal", [k], v, { ge: "2020-01-01T00:00:00.000Z" }); break f; }');
    expect(code).toContain('timeOf(v4) >= Date.now()');
  });

  describe('on a DateString (PastDate, FutureDate, date bounds)', () => {
    const day = (offset: number): string => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const stay = (input: object): unknown[] => x.Stay.safeParse({ born: '1990-05-01', ...input }).error?.issues ?? [];

    it('takes days before today as past and after today as future, and keeps the string', () => {
      const s = x.Stay.parse({ born: day(-1), checkIn: day(1), day: '2020-01-01', left: null });
      expect(s.dump()).toEqual({ born: day(-1), checkIn: day(1), day: '2020-01-01', left: null });
      expect(x.Stay.is(s)).toBe(true);
    });

    it('reports today as neither past nor future, with date_past and date_future', () => {
      expect(stay({ born: day(0), checkIn: day(0), left: day(3) })).toEqual([
        { type: 'date_past', loc: ['born'], msg: 'Date should be in the past', input: day(0) },
        { type: 'date_future', loc: ['checkIn'], msg: 'Date should be in the future', input: day(0) },
        { type: 'date_past', loc: ['left'], msg: 'Date should be in the past', input: day(3) },
      ]);
      expect(x.Stay.is({ born: day(0) })).toBe(false);
      expect(x.Stay.is({ born: day(-1), checkIn: day(-1) })).toBe(false);
    });

    it('reports bounds with the bound day in ctx, after the format check', () => {
      expect(stay({ day: '2019-12-31' })).toEqual([
        { type: 'greater_than_equal', loc: ['day'], msg: 'Input should be greater than or equal to 2020-01-01', input: '2019-12-31', ctx: { ge: '2020-01-01' } },
      ]);
      expect(stay({ day: '2030-01-01' })).toEqual([{ type: 'less_than', loc: ['day'], msg: 'Input should be less than 2030-01-01', input: '2030-01-01', ctx: { lt: '2030-01-01' } }]);
      expect(stay({ day: '2024-02-30' }).map((i: any) => i.type)).toEqual(['date_parsing']);
      expect(code).toContain('if (Date.parse(v) + 86400000 > Date.now()) { issue(c, "date_past", [k], v); break f; }');
    });

    it('refuses impossible or misplaced bounds and defaults outside them at compile time', () => {
      expect(
        diagnosticsOf('dates-days-bad', [
          "import { Model, field, model, type DateString, type Past, type Future } from 'tydantic';",
          '@model()',
          'export class A extends Model {',
          "  @field({ gt: '2030-01-01', lt: '2020-01-01' }) a!: DateString;",
          '  b!: DateString & Past & Future;',
          "  @field({ ge: '2020-01-01' }) c: DateString = '2019-06-01';",
          '  @field({ past: true }) d!: string;',
          '}',
        ]),
      ).toEqual([
        "models.ts:4:50 - error: A.a: the Date bounds 2030-01-01T00:00:00.000Z and 2020-01-01T00:00:00.000Z leave no value: the lower bound is not before the upper one\n  hint: fix one of the bounds",
        "models.ts:5:7 - error: A.b: a Date cannot be both past and future\n  hint: keep one of past and future",
        'models.ts:6:32 - error: A.c: the default "2019-06-01" does not fit the field\'s type: it is before 2020-01-01T00:00:00.000Z\n  hint: parse copies defaults without validating them: change the default or the type',
        "models.ts:7:26 - error: A.d: past applies to Dates, but the type is 'string'\n  hint: strings take minLength, maxLength, pattern, format; numbers gt, ge, lt, le, multipleOf, int; arrays minItems, maxItems; Dates and DateStrings gt, ge, lt, le (as ISO dates), past, future; Uint8Arrays minLength, maxLength (in bytes)",
      ]);
    });
  });
});
