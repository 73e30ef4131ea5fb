/**
 * Constraints on Dates (issue 18, item 3): `gt`/`ge`/`lt`/`le` given as ISO dates compare instants (offsets
 * applied) and report pydantic's bound errors with the bound as ISO text; `Past` and `Future` compare with
 * the clock at parse time (`datetime_past`, `datetime_future`).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { compileFixture } from './helpers/compile';
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
});
