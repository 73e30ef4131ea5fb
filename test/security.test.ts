/**
 * Hostile and careless input (docs/security.md): async validators, bounded work on any input, secrets kept
 * out of errors, regular expressions that cannot hang, and faithful types at the edges.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileFixture } from './helpers/compile';

let m: Record<string, any>;

beforeAll(async () => {
  m = (await compileFixture('hostile', 'standard')).exports;
});

/** The issues of a failing parse. */
function issuesOf(model: string, input: unknown, options?: object): any[] {
  const result = m[model].safeParse(input, options);
  expect(result.success).toBe(false);
  return result.error.issues;
}

describe('validators that return a Promise', () => {
  it('make parse throw a TypeError: a Promise never lands in a field', () => {
    const message = 'LooseAsync.lookUp returned a Promise: validators must be synchronous (parse does not wait), so do the asynchronous work before parse or after it';
    expect(() => m.LooseAsync.parse({ name: 'a' })).toThrow(new TypeError(message));
    expect(() => m.LooseAsync.safeParse({ name: 'a' })).toThrow(new TypeError(message));
  });

  it('never leave a rejection unhandled, nor report success', async () => {
    const unhandled: unknown[] = [];
    const listener = (reason: unknown): void => {
      unhandled.push(reason);
    };
    process.on('unhandledRejection', listener);
    try {
      expect(() => m.Rejecting.safeParse({ name: 'a' })).toThrow(TypeError);
      await new Promise((resolve) => setTimeout(resolve, 20));
    } finally {
      process.off('unhandledRejection', listener);
    }
    expect(unhandled).toEqual([]);
  });
});

describe('bounded work', () => {
  it('collects 100 issues by default, then one too_many_issues that counts the rest', () => {
    const error = m.Bulk.safeParse({ items: Array.from({ length: 1_000_000 }, () => 'x') }).error;
    expect(error.issues).toHaveLength(101);
    expect(error.issues[0]).toEqual({ type: 'int_parsing', loc: ['items', 0], msg: 'Input should be a valid integer, unable to parse string as an integer', input: 'x' });
    expect(error.issues[99].loc).toEqual(['items', 99]);
    expect(error.issues[100]).toEqual({
      type: 'too_many_issues',
      loc: [],
      msg: '999900 more issues not reported: validation stops collecting after 100',
      ctx: { max_issues: 100, more: 999900 },
    });
    expect(error.message.length).toBeLessThan(15_000);
  });

  it('takes the limit from the model and from the call', () => {
    const five = { a: 'x', b: 'x', c: 'x', d: 'x', e: 'x' };
    expect(issuesOf('Few', five).map((issue) => [issue.type, issue.loc])).toEqual([
      ['float_parsing', ['a']],
      ['float_parsing', ['b']],
      ['float_parsing', ['c']],
      ['too_many_issues', []],
    ]);
    expect(issuesOf('Few', five).at(-1).ctx).toEqual({ max_issues: 3, more: 2 });
    expect(issuesOf('Few', five, { maxIssues: 1 }).map((issue) => issue.type)).toEqual(['float_parsing', 'too_many_issues']);
    expect(issuesOf('Few', five, { maxIssues: 10 })).toHaveLength(5);
    expect(issuesOf('Bulk', { items: ['x', 'y', 'z'] }, { maxIssues: 2 }).at(-1)).toMatchObject({ type: 'too_many_issues', ctx: { max_issues: 2, more: 1 } });
  });

  it('bounds error.message whatever the input holds: huge strings, huge keys, huge validator messages', () => {
    const huge = 'x'.repeat(10_000_000);
    const error = m.Bulk.safeParse({ items: [huge, { [huge]: huge }] }).error;
    expect(error.message.length).toBeLessThan(1_000);
    expect(m.Edges.safeParse({ scores: { [huge]: 'x' } }).error.message.length).toBeLessThan(1_000);
  });

  it('escapes line breaks in keys: an input cannot forge a line of error.message', () => {
    const error = m.Few.safeParse({ a: 1, b: 2, c: 3, d: 4, e: 5, 'x\nERROR admin logged in': 1 }, { extra: 'forbid' }).error;
    expect(error.message).toBe('1 validation error for Few\nx\\u000aERROR admin logged in\n  Extra inputs are not permitted [type=extra_forbidden, input=1]');
    expect(error.issues[0].loc).toEqual(['x\nERROR admin logged in']);
  });

  it('rejects a sparse array at its first hole, without walking a huge length', () => {
    const huge: unknown[] = [];
    huge.length = 2 ** 32 - 1;
    const sparse = { type: 'sparse_array', loc: ['list'], msg: 'Input should be an array without holes, found one at index 0', input: huge, ctx: { index: 0 } };
    expect(issuesOf('Edges', { list: huge })).toEqual([sparse]);
    expect(m.Edges.is({ list: huge })).toBe(false);
    expect(issuesOf('Bulk', { items: huge })[0]).toMatchObject({ type: 'sparse_array', loc: ['items'] });
    // eslint-disable-next-line no-sparse-arrays
    const holed = ['a', , 'b'];
    expect(issuesOf('Edges', { maybe: holed })).toEqual([{ ...sparse, loc: ['maybe'], msg: 'Input should be an array without holes, found one at index 1', input: holed, ctx: { index: 1 } }]);
    expect(m.Edges.is({ maybe: holed })).toBe(false);
    // eslint-disable-next-line no-sparse-arrays
    expect(issuesOf('Edges', { pair: ['a', , 1] })[0]).toMatchObject({ type: 'sparse_array', loc: ['pair'], ctx: { index: 1 } });
    expect(m.Edges.parse({ maybe: ['a', undefined] }).maybe).toEqual(['a', undefined]);
  });

  it('caps the digit strings it converts to integers (int_parsing_size)', () => {
    const long = '1'.repeat(4301);
    const size = { type: 'int_parsing_size', msg: 'Unable to parse input string as an integer, exceeded maximum size', input: long };
    expect(issuesOf('Digits', { n: long, big: long })).toEqual([{ ...size, loc: ['n'] }, { ...size, loc: ['big'] }]);
    expect(m.Digits.parse({ big: '9'.repeat(4300) }).big).toBe(BigInt('9'.repeat(4300)));
  });

  it('reads a number from ten million digits without running out of stack', () => {
    const digits = '1'.repeat(10_000_000);
    expect(issuesOf('Digits', { x: digits })[0]).toMatchObject({ type: 'finite_number', loc: ['x'] });
    expect(issuesOf('Digits', { x: `${digits}x` })[0]).toMatchObject({ type: 'float_parsing', loc: ['x'] });
    expect(m.Digits.parse({ x: `0.${'0'.repeat(1_000_000)}5` }).x).toBe(0);
    expect(m.Digits.parse({ x: '1_000.5' }).x).toBe(1000.5);
    expect(issuesOf('Digits', { x: '1__0' })[0]).toMatchObject({ type: 'float_parsing' });
  });
});

describe('secrets', () => {
  it('hideInput leaves the input out of every issue and of the message', () => {
    const error = m.Credentials.safeParse({ user: 'ada', password: 12345, port: 'hunter2' }).error;
    expect(error.issues).toEqual([
      { type: 'string_type', loc: ['password'], msg: 'Input should be a valid string' },
      { type: 'int_parsing', loc: ['port'], msg: 'Input should be a valid integer, unable to parse string as an integer' },
    ]);
    expect(error.message).toBe(
      '2 validation errors for Credentials\npassword\n  Input should be a valid string [type=string_type]\nport\n  Input should be a valid integer, unable to parse string as an integer [type=int_parsing]',
    );
    expect(JSON.stringify(error)).not.toMatch(/hunter2|12345/);
    // Per call, on a model that shows input otherwise; malformed JSON text loses the quoted excerpt too.
    expect(issuesOf('Env', { API_KEY: 5 }, { hideInput: true })).toEqual([
      { type: 'missing', loc: ['DATABASE_URL'], msg: 'Field required' },
      { type: 'string_type', loc: ['API_KEY'], msg: 'Input should be a valid string' },
    ]);
    // A call cannot show what the model hides.
    expect(issuesOf('Credentials', { user: 'ada', password: 'hunter2' }, { hideInput: false })[0]).not.toHaveProperty('input');
    const json = m.Credentials.safeParseJSON('{"user": "ada", "password": hunter2}').error;
    expect(json.issues).toEqual([{ type: 'json_invalid', loc: [], msg: "Invalid JSON: Unexpected token 'h' is not valid JSON", ctx: { error: "Unexpected token 'h' is not valid JSON" } }]);
  });

  it('a missing field never prints the object it is missing from', () => {
    const env = { PATH: '/usr/bin', AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG', DATABASE_URL: 'postgres://u:pw@db/app' };
    const error = m.Env.safeParse(env).error;
    expect(error.message).toBe('1 validation error for Env\nAPI_KEY\n  Field required [type=missing]');
    expect(m.Env.safeParse({ ...process.env, SECRET: 'hunter2' }).error.message).not.toContain('hunter2');
  });
});

describe('regular expressions', () => {
  it('match template literal types as TypeScript does, in one pass', () => {
    expect(m.Patterned.parse({ image: 'a/b/c.png' }).image).toBe('a/b/c.png');
    expect(m.Patterned.parse({ image: 'a/b/c/d.png' }).image).toBe('a/b/c/d.png');
    // The input that took a backtracking regex 31.7 s at 4 KB, at 100 KB.
    const slashes = '/'.repeat(100_000);
    expect(m.Patterned.is({ image: slashes })).toBe(false);
    expect(issuesOf('Patterned', { image: slashes })).toEqual([
      {
        type: 'string_pattern_mismatch',
        loc: ['image'],
        msg: "String should match pattern '^[\\s\\S]*/[\\s\\S]*/[\\s\\S]*\\.png$'",
        input: slashes,
        ctx: { pattern: '^[\\s\\S]*/[\\s\\S]*/[\\s\\S]*\\.png$' },
      },
    ]);
    // TypeScript splits at the first '-': 'a' and 'b-3', not a number ('a-b-3' is not a `${string}-${number}`).
    expect(m.Patterned.parse({ pair: 'a-3' }).pair).toBe('a-3');
    expect(m.Patterned.is({ pair: 'a-b-3' })).toBe(false);
    expect(issuesOf('Patterned', { pair: 'a-b-3' })[0]).toMatchObject({ type: 'string_pattern_mismatch', loc: ['pair'] });
  });

  it('compile user patterns with the engine setRegexEngine installs, on first use', () => {
    const compiled: string[][] = [];
    m.setRegexEngine((source: string, flags: string) => {
      compiled.push([source, flags]);
      // A stand-in for a linear engine such as re2: the same language, without backtracking.
      return { test: (text: string) => /^[xy]*$/.test(text) };
    });
    try {
      const xy = 'xy'.repeat(5_000_000);
      expect(m.Patterned.parse({ xy }).xy).toBe(xy);
      expect(m.Patterned.is({ xy: 'xyz' })).toBe(false);
      expect(compiled).toEqual([['^(x|y)*$', '']]);
    } finally {
      m.setRegexEngine(undefined);
    }
  });

  it("a pattern that exhausts the engine's stack is a clear issue, and false from is", () => {
    const ab = 'ab'.repeat(5_000_000);
    expect(issuesOf('Patterned', { ab })).toEqual([
      {
        type: 'string_pattern_overflow',
        loc: ['ab'],
        msg: "String could not be checked against pattern '^(a|b)*$': the regular expression engine ran out of stack",
        input: ab,
        ctx: { pattern: '^(a|b)*$' },
      },
    ]);
    expect(m.Patterned.is({ ab })).toBe(false);
    expect(m.Patterned.parse({ ab: 'abba' }).ab).toBe('abba');
  });
});

describe('faithful types at the edges', () => {
  const builtins: [string, unknown][] = [
    ['Map', new Map([['a', 1]])],
    ['Set', new Set([1])],
    ['Date', new Date(0)],
    ['Number', new Number(1)],
    ['String', new String('s')],
    ['Boolean', new Boolean(true)],
    ['Uint8Array', new Uint8Array(2)],
    ['ArrayBuffer', new ArrayBuffer(2)],
    ['RegExp', /x/],
    ['Error', new Error('e')],
  ];

  it.each(builtins)('records, object types, JSON-like data and models refuse a %s', (_, value) => {
    expect(issuesOf('Edges', { scores: value })).toEqual([{ type: 'dict_type', loc: ['scores'], msg: 'Input should be an object', input: value }]);
    expect(issuesOf('Edges', { options: value })).toEqual([{ type: 'dict_type', loc: ['options'], msg: 'Input should be an object', input: value }]);
    expect(m.Edges.safeParse({ doc: value }).success).toBe(false);
    expect(issuesOf('Defaults', value)).toEqual([{ type: 'model_type', loc: [], msg: 'Input should be a valid dictionary or instance of Defaults', input: value, ctx: { class_name: 'Defaults' } }]);
    expect(m.Edges.is({ scores: value })).toBe(false);
    expect(m.Edges.is({ doc: value })).toBe(false);
    expect(m.Defaults.is(value)).toBe(false);
  });

  it('still reads plain objects of any prototype-less or class kind as objects', () => {
    const bare = Object.assign(Object.create(null), { a: 1 });
    expect(m.Edges.parse({ scores: bare }).scores).toEqual({ a: 1 });
    class Options {
      verbose = true;
    }
    expect(m.Edges.parse({ options: new Options() }).options).toEqual({ verbose: true });
    expect(m.Defaults.parse(m.Defaults.parse({ level: 2 })).level).toBe(2);
  });

  it('refuses Dates outside years 0001 to 9999 (pydantic: Python has no year 0), so every accepted Date dumps to JSON and parses back', () => {
    const late = new Date(Date.UTC(9999, 11, 31, 23, 59, 59, 999) + 1);
    const early = new Date(-62135596800001);
    const range = { type: 'datetime_parsing', loc: ['when'], msg: 'Input should be a valid datetime, year is out of range (0001 to 9999)', ctx: { error: 'year is out of range (0001 to 9999)' } };
    expect(issuesOf('Edges', { when: late })).toEqual([{ ...range, input: late }]);
    expect(issuesOf('Edges', { when: early })).toEqual([{ ...range, input: early }]);
    expect(m.Edges.is({ when: late })).toBe(false);
    const shifted = '9999-12-31T23:59:59-01:00';
    expect(issuesOf('Edges', { when: shifted })[0]).toMatchObject({ type: 'datetime_parsing', ctx: { error: 'datetime is outside years 0001 to 9999 once its offset is applied' } });
    expect(issuesOf('Edges', { when: 253402300800000 })[0]).toMatchObject({ type: 'datetime_parsing', ctx: { error: 'timestamp is out of range' } });
    for (const when of [new Date(-62135596800000), new Date(253402300799999), '0001-01-01T00:00:00Z', '9999-12-31T23:59:59.999Z']) {
      const x = m.Edges.parse({ when });
      expect(m.Edges.parseJSON(x.dumpJSON()).when).toEqual(x.when);
    }
  });

  it('reads a Date through its internal slot: a subclass with a lying getTime fails is and parse', () => {
    class Liar extends Date {
      override getTime(): number {
        return 0;
      }
    }
    const liar = new Liar(Number.NaN);
    expect(m.Edges.is({ when: liar })).toBe(false);
    expect(issuesOf('Edges', { when: liar })[0]).toMatchObject({ type: 'datetime_parsing', ctx: { error: 'invalid Date object' } });
    expect(m.Edges.parse({ when: new Liar(5) }).when).toEqual(new Date(5));
  });

  it('gives an issue, never a TypeError, for sparse arrays in Map and Set fields', () => {
    // eslint-disable-next-line no-sparse-arrays
    const entries = [['a', 1], , ['b', 2]];
    expect(issuesOf('Edges', { counts: entries })).toEqual([{ type: 'dict_type', loc: ['counts'], msg: 'Input should be an object', input: entries }]);
    // eslint-disable-next-line no-sparse-arrays
    const items = ['a', , 'b'];
    expect(issuesOf('Edges', { seen: items })[0]).toMatchObject({ type: 'sparse_array', loc: ['seen'], ctx: { index: 1 } });
  });

  it('dump and copy name an Invalid Date or a cycle in unknown data instead of overflowing', () => {
    const invalid = m.Edges.construct({ when: new Date(Number.NaN) });
    expect(() => invalid.dumpJSON()).toThrow(new TypeError('dump cannot write an Invalid Date as JSON: it reached the instance through construct() or copy(), which do not validate'));
    const cycle: Record<string, unknown> = { a: 1 };
    cycle['self'] = cycle;
    const x = m.Edges.construct({ free: cycle });
    const found = 'found a cycle: a value of an unknown-typed field contains itself (only construct() or copy(), which do not validate, can put one there)';
    expect(() => x.dump()).toThrow(new TypeError(`dump ${found}`));
    expect(() => x.copy(undefined, { deep: true })).toThrow(new TypeError(`copy ${found}`));
    // A value shared twice is no cycle.
    const shared = { n: 1 };
    expect(m.Edges.construct({ free: { a: shared, b: [shared, shared] } }).dump()).toEqual({ free: { a: { n: 1 }, b: [{ n: 1 }, { n: 1 }] } });
  });
});

describe('properties over these models (fixed seed, 1,000 inputs each)', () => {
  const fields: Record<string, string[]> = {
    Bulk: ['items'],
    Few: ['a', 'b', 'c', 'd', 'e'],
    Credentials: ['user', 'password', 'port'],
    Env: ['DATABASE_URL', 'API_KEY'],
    Digits: ['n', 'big'],
    Edges: ['scores', 'options', 'doc', 'counts', 'seen', 'list', 'maybe', 'pair', 'when', 'free'],
    Defaults: ['level', 'name'],
    Patterned: ['ab', 'xy', 'image', 'pair'],
  };
  const value = fc.anything({
    withBigInt: true,
    withBoxedValues: true,
    withDate: true,
    withMap: true,
    withNullPrototype: true,
    withObjectString: true,
    withSet: true,
    withSparseArray: true,
    withTypedArray: true,
  });

  it.each(Object.keys(fields))('%s: any input gives a result or a ValidationError; is(x) implies parse succeeds; the output passes is', (name) => {
    const input = fc.oneof(value, fc.dictionary(fc.constantFrom(...fields[name]!, 'other', '__proto__'), value, { maxKeys: 4 }));
    fc.assert(
      fc.property(input, (x) => {
        const strict = m[name].is(x);
        const result = m[name].safeParse(x);
        if (!result.success) {
          expect(strict).toBe(false);
          expect(result.error).toBeInstanceOf(m.ValidationError);
          expect(result.error.issues.length).toBeGreaterThan(0);
          expect(() => JSON.stringify(result.error)).not.toThrow();
          expect(result.error.message.length).toBeLessThan(20_000);
          return;
        }
        expect(m[name].is(result.data)).toBe(true);
        // Dump then parse gives the same data back.
        expect(m[name].parse(result.data.dump()).dump()).toStrictEqual(result.data.dump());
      }),
      { seed: 20261206, numRuns: 1000 },
    );
  });
});
