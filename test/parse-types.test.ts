/** Scalars, optional and nullable fields, constraints and refinement types: exact issues, both decorator modes. */
import { describe, expect, it } from 'vitest';
import { modes, useBasicFixture } from './helpers/fixture';

describe.each(modes)('%s decorators', (mode) => {
  const { m, issuesOf } = useBasicFixture(mode);
  const scalars = {
    s: 'text',
    n: 1.5,
    b: false,
    nothing: null,
    letter: 'b',
    level: 3,
    yes: true,
    when: '2024-02-29T12:30:00+02:00',
  };

  describe('scalars', () => {
    it('parses valid input to an instance with the same data', () => {
      const out = m().Scalars.parse(scalars);
      expect(out).toBeInstanceOf(m().Scalars);
      expect({ ...out }).toEqual({ ...scalars, when: new Date(Date.UTC(2024, 1, 29, 10, 30)) });
      expect(Object.keys(out)).toEqual(Object.keys(scalars));
    });

    it('accepts a Date instance and copies it', () => {
      const when = new Date(0);
      const out = m().Scalars.parse({ ...scalars, when });
      expect(out.when).toEqual(when);
      expect(out.when).not.toBe(when);
    });

    it('reports one issue per wrong field, with pydantic types and messages', () => {
      const input = { s: 1, n: 'one', b: 'maybe', nothing: 0, letter: 'c', level: 4, yes: false, when: [5] };
      expect(issuesOf('Scalars', input)).toEqual([
        { type: 'string_type', loc: ['s'], msg: 'Input should be a valid string', input: 1 },
        { type: 'float_parsing', loc: ['n'], msg: 'Input should be a valid number, unable to parse string as a number', input: 'one' },
        { type: 'bool_parsing', loc: ['b'], msg: 'Input should be a valid boolean, unable to interpret input', input: 'maybe' },
        { type: 'none_required', loc: ['nothing'], msg: 'Input should be null', input: 0 },
        {
          type: 'literal_error',
          loc: ['letter'],
          msg: "Input should be 'a' or 'b'",
          input: 'c',
          ctx: { expected: "'a' or 'b'" },
        },
        { type: 'literal_error', loc: ['level'], msg: 'Input should be 1, 2 or 3', input: 4, ctx: { expected: '1, 2 or 3' } },
        { type: 'literal_error', loc: ['yes'], msg: 'Input should be true', input: false, ctx: { expected: 'true' } },
        { type: 'datetime_type', loc: ['when'], msg: 'Input should be a valid datetime', input: [5] },
      ]);
    });

    it('reports every missing field with the whole object as input', () => {
      const input = {};
      expect(issuesOf('Scalars', input)).toEqual(
        ['s', 'n', 'b', 'nothing', 'letter', 'level', 'yes', 'when'].map((key) => ({
          type: 'missing',
          loc: [key],
          msg: 'Field required',
          input,
        })),
      );
    });

    it('rejects NaN and infinities as finite_number', () => {
      for (const n of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
        expect(issuesOf('Scalars', { ...scalars, n })).toEqual([
          { type: 'finite_number', loc: ['n'], msg: 'Input should be a finite number', input: n },
        ]);
      }
    });

    it('reports invalid datetimes with the parser detail', () => {
      expect(issuesOf('Scalars', { ...scalars, when: '2023-02-29' })).toEqual([
        {
          type: 'datetime_from_date_parsing',
          loc: ['when'],
          msg: 'Input should be a valid datetime or date, day value is outside expected range',
          input: '2023-02-29',
          ctx: { error: 'day value is outside expected range' },
        },
      ]);
      expect(issuesOf('Scalars', { ...scalars, when: '2023-01-01T25:00:00Z' })).toEqual([
        {
          type: 'datetime_parsing',
          loc: ['when'],
          msg: 'Input should be a valid datetime, hour value is outside expected range of 0-23',
          input: '2023-01-01T25:00:00Z',
          ctx: { error: 'hour value is outside expected range of 0-23' },
        },
      ]);
      const bad = new Date(Number.NaN);
      expect(issuesOf('Scalars', { ...scalars, when: bad })).toEqual([
        {
          type: 'datetime_parsing',
          loc: ['when'],
          msg: 'Input should be a valid datetime, invalid Date object',
          input: bad,
          ctx: { error: 'invalid Date object' },
        },
      ]);
    });

    it('rejects anything but a plain object as model_type', () => {
      for (const input of [null, undefined, 'x', 1, [], [scalars]]) {
        expect(issuesOf('Scalars', input)).toEqual([
          {
            type: 'model_type',
            loc: [],
            msg: 'Input should be a valid dictionary or instance of Scalars',
            input,
            ctx: { class_name: 'Scalars' },
          },
        ]);
      }
    });
  });

  describe('optional and nullable', () => {
    it('keeps absent and undefined optional fields absent', () => {
      const out = m().Optionals.parse({ nullable: null, orUndefined: undefined });
      expect(Object.keys(out)).toEqual(['nullable']);
      expect(out.nullable).toBeNull();
      expect('question' in out).toBe(false);
    });

    it('keeps present values in declaration order', () => {
      const out = m().Optionals.parse({ flag: true, both: null, nullable: 'n', orUndefined: 'u', question: 'q' });
      expect(Object.entries(out)).toEqual([
        ['question', 'q'],
        ['orUndefined', 'u'],
        ['nullable', 'n'],
        ['both', null],
        ['flag', true],
      ]);
    });

    it('requires a nullable field without ? and reports the inner type error', () => {
      expect(issuesOf('Optionals', { both: 'x', question: null })).toEqual([
        { type: 'string_type', loc: ['question'], msg: 'Input should be a valid string', input: null },
        { type: 'missing', loc: ['nullable'], msg: 'Field required', input: { both: 'x', question: null } },
        { type: 'float_parsing', loc: ['both'], msg: 'Input should be a valid number, unable to parse string as a number', input: 'x' },
      ]);
    });
  });

  describe('constraints', () => {
    const valid = {
      name: 'ab',
      code: 'XyZ',
      open: 9.99,
      closed: 10,
      five: -15,
      tenth: 0.3,
      count: 3,
      pair: ['a', 'b'],
      described: true,
    };

    it('accepts values on the boundaries', () => {
      expect({ ...m().Constrained.parse(valid) }).toEqual(valid);
      expect(m().Constrained.parse({ ...valid, name: 'abcdefgh', closed: 0, maybe: null }).maybe).toBeNull();
    });

    it('reports each violated constraint with its context', () => {
      const input = {
        name: 'a',
        code: 'x1',
        open: 0,
        closed: 10.5,
        five: 7,
        tenth: 0.35,
        count: 2.5,
        pair: [],
        maybe: '',
        described: true,
      };
      expect(issuesOf('Constrained', input)).toEqual([
        {
          type: 'string_too_short',
          loc: ['name'],
          msg: 'String should have at least 2 characters',
          input: 'a',
          ctx: { min_length: 2 },
        },
        {
          type: 'string_pattern_mismatch',
          loc: ['code'],
          msg: "String should match pattern '/^[a-z]+$/i'",
          input: 'x1',
          ctx: { pattern: '/^[a-z]+$/i' },
        },
        { type: 'greater_than', loc: ['open'], msg: 'Input should be greater than 0', input: 0, ctx: { gt: 0 } },
        {
          type: 'less_than_equal',
          loc: ['closed'],
          msg: 'Input should be less than or equal to 10',
          input: 10.5,
          ctx: { le: 10 },
        },
        { type: 'multiple_of', loc: ['five'], msg: 'Input should be a multiple of 5', input: 7, ctx: { multiple_of: 5 } },
        {
          type: 'multiple_of',
          loc: ['tenth'],
          msg: 'Input should be a multiple of 0.1',
          input: 0.35,
          ctx: { multiple_of: 0.1 },
        },
        {
          type: 'int_from_float',
          loc: ['count'],
          msg: 'Input should be a valid integer, got a number with a fractional part',
          input: 2.5,
        },
        {
          type: 'too_short',
          loc: ['pair'],
          msg: 'List should have at least 1 item after validation, not 0',
          input: [],
          ctx: { field_type: 'List', min_length: 1, actual_length: 0 },
        },
        {
          type: 'string_too_short',
          loc: ['maybe'],
          msg: 'String should have at least 1 character',
          input: '',
          ctx: { min_length: 1 },
        },
      ]);
    });

    it('reports the other bound of each pair', () => {
      const input = { ...valid, name: 'abcdefghi', open: 10, closed: -1, pair: ['a', 'b', 'c'], count: 'one' };
      expect(issuesOf('Constrained', input)).toEqual([
        {
          type: 'string_too_long',
          loc: ['name'],
          msg: 'String should have at most 8 characters',
          input: 'abcdefghi',
          ctx: { max_length: 8 },
        },
        { type: 'less_than', loc: ['open'], msg: 'Input should be less than 10', input: 10, ctx: { lt: 10 } },
        {
          type: 'greater_than_equal',
          loc: ['closed'],
          msg: 'Input should be greater than or equal to 0',
          input: -1,
          ctx: { ge: 0 },
        },
        { type: 'int_parsing', loc: ['count'], msg: 'Input should be a valid integer, unable to parse string as an integer', input: 'one' },
        {
          type: 'too_long',
          loc: ['pair'],
          msg: 'List should have at most 2 items after validation, not 3',
          input: ['a', 'b', 'c'],
          ctx: { field_type: 'List', max_length: 2, actual_length: 3 },
        },
      ]);
    });

    it('checks multipleOf with decimal steps without float noise', () => {
      // 1339417.7 / 0.1 is 13394177.000000002: large quotients get a tolerance of a few ulps.
      for (const tenth of [0.3, 0.7, 1.1, -2.3, 123456.7, 1339417.7, 98765432.1]) {
        expect(m().Constrained.safeParse({ ...valid, tenth }).success).toBe(true);
      }
      for (const tenth of [0.35, 1339417.75, 1339417.7001]) {
        expect(m().Constrained.safeParse({ ...valid, tenth }).error.issues[0].type).toBe('multiple_of');
      }
    });
  });

  describe('refinement types', () => {
    const valid = { count: 3, email: 'ada@example.org' };

    it('accepts valid values in every position', () => {
      const input = {
        ...valid,
        site: 'https://example.org/a?b=c',
        id: '123e4567-e89b-12d3-a456-426614174000',
        v4: '192.168.0.1',
        v6: '::ffff:10.0.0.1',
        day: '2024-02-29',
        code: 'ABC',
        score: 100,
        step: 8,
        emails: ['a@b.co', 'x.y@z.org'],
        counts: [1, 2, 3],
        maybe: null,
        mixed: 10,
        short: 'a@b.co',
      };
      expect({ ...m().Branded.parse(input) }).toEqual({ ...input, level: 1 });
      expect(m().Branded.parse({ ...valid, mixed: 'abc' }).mixed).toBe('abc');
    });

    it('reports each format and tag with pydantic error types', () => {
      const input = {
        count: 1.5,
        email: 'nope',
        site: 'not a url',
        web: 'javascript:alert(1)',
        id: 'xyz',
        v4: '256.1.1.1',
        v6: '1:::2',
        day: '2023-02-29',
        code: 'abc',
        score: 0,
        step: 3,
        emails: ['ok@b.co', 'bad'],
        counts: [],
        maybe: 0.5,
        mixed: 5,
        short: 'abcdefghij@example.org',
      };
      expect(issuesOf('Branded', input).map((i: any) => [i.loc.join('.'), i.type])).toEqual([
        ['count', 'int_from_float'],
        ['email', 'value_error'],
        ['site', 'url_parsing'],
        ['web', 'url_scheme'],
        ['id', 'uuid_parsing'],
        ['v4', 'ip_v4_address'],
        ['v6', 'ip_v6_address'],
        ['day', 'date_parsing'],
        ['code', 'string_pattern_mismatch'],
        ['score', 'greater_than'],
        ['step', 'multiple_of'],
        ['emails.1', 'value_error'],
        ['counts', 'too_short'],
        ['maybe', 'int_from_float'],
        ['mixed.number', 'greater_than_equal'],
        ['short', 'string_too_long'],
      ]);
    });

    it('HttpUrl takes http and https URLs only, of at most 2,083 characters (pydantic)', () => {
      expect(m().Branded.parse({ ...valid, web: 'https://example.com/a?b=1' }).web).toBe('https://example.com/a?b=1');
      const bad = (web: string): unknown => issuesOf('Branded', { ...valid, web })[0];
      expect(bad('data:text/html,<script>')).toEqual({
        type: 'url_scheme',
        loc: ['web'],
        msg: "URL scheme should be 'http' or 'https'",
        input: 'data:text/html,<script>',
        ctx: { expected_schemes: "'http' or 'https'" },
      });
      const long = `https://example.com/${'a'.repeat(2064)}`;
      expect(bad(long)).toEqual({ type: 'url_too_long', loc: ['web'], msg: 'URL should have at most 2083 characters', input: long, ctx: { max_length: 2083 } });
      expect(bad('//example.com')).toEqual({ type: 'url_parsing', loc: ['web'], msg: 'Input should be a valid URL, relative URL without a base', input: '//example.com', ctx: { error: 'relative URL without a base' } });
      expect(m().Branded.jsonSchema().properties.web).toEqual({ type: 'string', format: 'uri' });
    });

    it('renders format messages', () => {
      const [ip, day] = issuesOf('Branded', { ...valid, v4: '1.2.3', day: '2023-02-29' });
      expect(ip).toEqual({ type: 'ip_v4_address', loc: ['v4'], msg: 'Input is not a valid IPv4 address', input: '1.2.3' });
      expect(day).toEqual({
        type: 'date_parsing',
        loc: ['day'],
        msg: 'Input should be a valid date in the format YYYY-MM-DD, day value is outside expected range',
        input: '2023-02-29',
        ctx: { error: 'day value is outside expected range' },
      });
    });
  });


  describe('enums', () => {
    it('accept member values and report the others with the enum error type, as pydantic does', () => {
      expect({ ...m().Paint.parse({ color: 'green', size: 'm' }) }).toEqual({ color: 'green', level: 1, size: 'm' });
      expect(issuesOf('Paint', { color: 'blue', level: 3, size: 'xl', gone: null })).toEqual([
        { type: 'enum', loc: ['color'], msg: "Input should be 'red' or 'green'", input: 'blue', ctx: { expected: "'red' or 'green'" } },
        { type: 'enum', loc: ['level'], msg: 'Input should be 1 or 2', input: 3, ctx: { expected: '1 or 2' } },
        { type: 'enum', loc: ['size'], msg: "Input should be 's' or 'm'", input: 'xl', ctx: { expected: "'s' or 'm'" } },
        { type: 'undefined_required', loc: ['gone'], msg: 'Input should be undefined', input: null },
      ]);
    });
  });

  describe('unknown, any and bigint', () => {
    it('passes unknown and any through, and converts integral numbers and integer strings to bigint', () => {
      const anything = { deep: [1, { x: null }] };
      const out = m().Loose.parse({ anything, whatever: 'w', big: '-12', bigs: [1, 2n, ' 3 '] });
      expect(out.anything).toBe(anything);
      expect(out.big).toBe(-12n);
      expect(out.bigs).toEqual([1n, 2n, 3n]);
      expect(out.toJSON()).toEqual({ anything, whatever: 'w', big: '-12', bigs: ['1', '2', '3'] });
      expect(m().Loose.is({ anything: 0, big: 1n, bigs: [] })).toBe(true);
      expect(m().Loose.is({ big: 1n, bigs: [] })).toBe(false);
    });

    it('reports missing unknown fields and bad bigints', () => {
      expect(issuesOf('Loose', { big: 1.5, bigs: ['x', true, Number.NaN] })).toEqual([
        { type: 'missing', loc: ['anything'], msg: 'Field required', input: { big: 1.5, bigs: ['x', true, Number.NaN] } },
        {
          type: 'int_from_float',
          loc: ['big'],
          msg: 'Input should be a valid integer, got a number with a fractional part',
          input: 1.5,
        },
        {
          type: 'int_parsing',
          loc: ['bigs', 0],
          msg: 'Input should be a valid integer, unable to parse string as an integer',
          input: 'x',
        },
        { type: 'int_type', loc: ['bigs', 1], msg: 'Input should be a valid integer', input: true },
        { type: 'finite_number', loc: ['bigs', 2], msg: 'Input should be a finite number', input: Number.NaN },
      ]);
    });
  });

  describe('{}, object and RegExp', () => {
    it('pass {} and object through as TypeScript reads them, and copy a RegExp', () => {
      const fn = (): number => 1;
      const some = { deep: [1] };
      const pattern = /a+b/y;
      pattern.lastIndex = 3;
      const out = m().Wide.parse({ some, thing: fn, maybe: 0, things: [[], new Date(0)], pattern });
      expect(out.some).toBe(some);
      expect(out.thing).toBe(fn);
      expect(out.maybe).toBe(0);
      expect(out.pattern).not.toBe(pattern);
      expect([out.pattern.source, out.pattern.flags, out.pattern.lastIndex]).toEqual(['a+b', 'y', 0]);
      expect(m().Wide.parse({ some: '', thing: [], pattern: '^x+$' }).pattern).toEqual(/^x+$/);
      expect(m().Wide.parse({ some: false, thing: {}, pattern: /a/ }).toJSON()).toEqual({ some: false, thing: {}, things: [], pattern: 'a' });
      expect(m().Wide.is({ some: 0, thing: [], things: [], pattern: /a/ })).toBe(true);
      expect(m().Wide.is({ some: 0, thing: [], things: [], pattern: 'a' })).toBe(false);
    });

    it('report null for {}, a primitive for object, and a RegExp that is not one or does not compile', () => {
      expect(issuesOf('Wide', { some: null, thing: 'text', maybe: null, things: [1, null], pattern: '(' })).toEqual([
        { type: 'none_forbidden', loc: ['some'], msg: 'Input should not be null or undefined', input: null },
        { type: 'object_type', loc: ['thing'], msg: 'Input should be an object or an array', input: 'text' },
        { type: 'none_forbidden', loc: ['maybe'], msg: 'Input should not be null or undefined', input: null },
        { type: 'object_type', loc: ['things', 0], msg: 'Input should be an object or an array', input: 1 },
        { type: 'object_type', loc: ['things', 1], msg: 'Input should be an object or an array', input: null },
        { type: 'pattern_regex', loc: ['pattern'], msg: 'Input should be a valid regular expression', input: '(' },
      ]);
      expect(m().Wide.safeParse({ some: 1, thing: [], pattern: 'a' }, { strict: true }).error.issues).toEqual([
        { type: 'pattern_type', loc: ['pattern'], msg: 'Input should be a valid pattern', input: 'a' },
      ]);
      expect(m().Wide.parseJSON('{"some": 1, "thing": [], "pattern": "a"}', { strict: true }).pattern).toEqual(/a/);
    });
  });

  describe('tuples', () => {
    it('parse fixed, optional and rest elements to new arrays', () => {
      const input = { pair: ['a', 1], point: [1, 2], tagged: ['t', 1, 2, 3], when: ['2024-01-01', null] };
      const out = m().Tuples.parse(input);
      expect({ ...out }).toEqual({ ...input, when: [new Date(Date.UTC(2024, 0, 1)), null] });
      expect(out.pair).not.toBe(input.pair);
      expect(m().Tuples.is({ pair: ['a', 1], point: [1, 2, 3] })).toBe(true);
      expect(m().Tuples.is({ pair: ['a', 1, 2] })).toBe(false);
    });

    it('reports missing elements, too many elements, and element errors by index', () => {
      expect(issuesOf('Tuples', { pair: ['a'], point: [1, 2, 3, 4], tagged: [1, 'x'], when: 'no' }).map((i: any) => [i.loc.join('.'), i.type])).toEqual([
        ['pair.1', 'missing'],
        ['point', 'too_long'],
        ['tagged.0', 'string_type'],
        ['tagged.1', 'float_parsing'],
        ['when', 'tuple_type'],
      ]);
    });
  });

  describe('sets and maps', () => {
    it('parse Sets from Sets or arrays, and Maps from Maps, objects or entry arrays', () => {
      const out = m().Collections.parse({ tags: ['a', 'b', 'a'], scores: { x: 1, y: 2 }, byId: [[1, '2024-01-01']] });
      expect(out.tags).toEqual(new Set(['a', 'b']));
      expect(out.scores).toEqual(new Map([['x', 1], ['y', 2]]));
      expect(out.byId).toEqual(new Map([[1, new Date(Date.UTC(2024, 0, 1))]]));
      expect(out.toJSON()).toEqual({ tags: ['a', 'b'], scores: { x: 1, y: 2 }, byId: { 1: '2024-01-01T00:00:00.000Z' } });
      const tags = new Set(['t']);
      expect(m().Collections.parse({ tags }).tags).not.toBe(tags);
      expect(m().Collections.is({ tags: new Set(['a']), scores: new Map([['x', 1]]) })).toBe(true);
      expect(m().Collections.is({ tags: ['a'] })).toBe(false);
    });

    it('locate item, key and value errors', () => {
      expect(issuesOf('Collections', { tags: ['a', 1], scores: { x: 'no' }, byId: [['one', 'bad']] }).map((i: any) => [i.loc.join('.'), i.type])).toEqual([
        ['tags.1', 'string_type'],
        ['scores.x', 'float_parsing'],
        ['byId.one.[key]', 'float_parsing'],
        ['byId.one', 'datetime_parsing'],
      ]);
      expect(issuesOf('Collections', { tags: 'a', scores: 3 }).map((i: any) => [i.loc.join('.'), i.type])).toEqual([
        ['tags', 'set_type'],
        ['scores', 'dict_type'],
      ]);
    });
  });
});
