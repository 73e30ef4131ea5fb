/**
 * Lax and strict mode: every cell of the table in docs/coercion.md is a case
 * here, run through `safeParse` (lax and strict) and `parseJSON` (strict),
 * and the docs table is checked to be the one these cases render
 * (`UPDATE_DOCS=1 npx vitest run test/coercion.test.ts` rewrites it).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repo } from './helpers/compile';
import { modes, useBasicFixture } from './helpers/fixture';

/** What parse gives: the converted value, or the error type. */
type Outcome = { value: unknown } | { error: string };

/** A JSON-less input (Date object, bigint, NaN …) has no parseJSON column. */
const NOT_JSON = Symbol('not JSON');

interface Row {
  readonly field: string;
  readonly input: unknown;
  /** How the input is written in the docs. */
  readonly shown: string;
  readonly lax: Outcome;
  readonly strict: Outcome;
  /** parseJSON in strict mode; NOT_JSON when JSON cannot carry the input. */
  readonly json: Outcome | typeof NOT_JSON;
}

const ok = (value: unknown): Outcome => ({ value });
const no = (error: string): Outcome => ({ error });
const june8 = new Date(Date.UTC(2022, 5, 8));

function row(field: string, input: unknown, shown: string, lax: Outcome, strict: Outcome, json: Outcome | typeof NOT_JSON = strict): Row {
  return { field, input, shown, lax, strict, json };
}

const ROWS: readonly Row[] = [
  row('number', 1.5, '`1.5`', ok(1.5), ok(1.5)),
  row('number', '1.5', "`'1.5'`", ok(1.5), no('float_type')),
  row('number', ' +1_000 ', "`' +1_000 '`", ok(1000), no('float_type')),
  row('number', '1e3', "`'1e3'`", ok(1000), no('float_type')),
  row('number', 'abc', "`'abc'`", no('float_parsing'), no('float_type')),
  row('number', '', "`''`", no('float_parsing'), no('float_type')),
  row('number', '1e400', "`'1e400'`", no('finite_number'), no('float_type')),
  row('number', 'nan', "`'nan'`", no('finite_number'), no('float_type')),
  row('number', '-Infinity', "`'-Infinity'`", no('finite_number'), no('float_type')),
  row('number', '+inf', "`'+inf'`", no('finite_number'), no('float_type')),
  row('number', true, '`true`', ok(1), no('float_type')),
  row('number', Number.NaN, '`NaN`', no('finite_number'), no('finite_number'), NOT_JSON),
  row('number', null, '`null`', no('float_type'), no('float_type')),
  row('int', 3, '`3`', ok(3), ok(3)),
  row('int', 3.5, '`3.5`', no('int_from_float'), no('int_type')),
  row('int', '42', "`'42'`", ok(42), no('int_type')),
  row('int', ' 0_42.0 ', "`' 0_42.0 '`", ok(42), no('int_type')),
  row('int', '42.5', "`'42.5'`", no('int_parsing'), no('int_type')),
  row('int', '1.', "`'1.'`", no('int_parsing'), no('int_type')),
  row('int', '_1', "`'_1'`", no('int_parsing'), no('int_type')),
  row('int', '1__0', "`'1__0'`", no('int_parsing'), no('int_type')),
  row('int', false, '`false`', ok(0), no('int_type')),
  row('int', Number.POSITIVE_INFINITY, '`Infinity`', no('finite_number'), no('int_type'), NOT_JSON),
  row('boolean', true, '`true`', ok(true), ok(true)),
  row('boolean', 'yes', "`'yes'`", ok(true), no('bool_type')),
  row('boolean', 'OFF', "`'OFF'`", ok(false), no('bool_type')),
  row('boolean', 't', "`'t'`", ok(true), no('bool_type')),
  row('boolean', '0', "`'0'`", ok(false), no('bool_type')),
  row('boolean', 'maybe', "`'maybe'`", no('bool_parsing'), no('bool_type')),
  row('boolean', 1, '`1`', ok(true), no('bool_type')),
  row('boolean', 0, '`0`', ok(false), no('bool_type')),
  row('boolean', 2, '`2`', no('bool_parsing'), no('bool_type')),
  row('boolean', 1.5, '`1.5`', no('bool_type'), no('bool_type')),
  row('boolean', [], '`[]`', no('bool_type'), no('bool_type')),
  row('date', june8, '`new Date(…)`', ok(june8), ok(june8), NOT_JSON),
  row('date', '2022-06-08T00:00:00Z', "`'2022-06-08T00:00:00Z'`", ok(june8), no('datetime_type'), ok(june8)),
  row('date', '2022-06-08', "`'2022-06-08'`", ok(june8), no('datetime_type'), ok(june8)),
  row('date', '2022-06-08T02:00:00+02:00', "`'2022-06-08T02:00:00+02:00'`", ok(june8), no('datetime_type'), ok(june8)),
  row('date', 1654646400, '`1654646400` (seconds)', ok(june8), no('datetime_type')),
  row('date', 1654646400000, '`1654646400000` (milliseconds: above 2e10)', ok(june8), no('datetime_type')),
  row('date', '1654646400', "`'1654646400'`", ok(june8), no('datetime_type'), ok(june8)),
  row('date', '2022-02-30', "`'2022-02-30'`", no('datetime_from_date_parsing'), no('datetime_type'), no('datetime_from_date_parsing')),
  row('date', 'soon', "`'soon'`", no('datetime_parsing'), no('datetime_type'), no('datetime_parsing')),
  row('date', true, '`true`', no('datetime_type'), no('datetime_type')),
  row('bigint', 12n, '`12n`', ok(12n), ok(12n), NOT_JSON),
  row('bigint', 12, '`12`', ok(12n), no('int_type'), ok(12n)),
  row('bigint', ' -12 ', "`' -12 '`", ok(-12n), no('int_type'), ok(-12n)),
  row('bigint', 1.5, '`1.5`', no('int_from_float'), no('int_type'), no('int_from_float')),
  row('bigint', 'x', "`'x'`", no('int_parsing'), no('int_type'), no('int_parsing')),
  row('string', 'a', "`'a'`", ok('a'), ok('a')),
  row('string', 1, '`1`', no('string_type'), no('string_type')),
  row('numberText', 1.5, '`1.5`, with `coerceNumbersToStr`', ok('1.5'), no('string_type')),
  row('numberText', 12n, '`12n`, with `coerceNumbersToStr`', ok('12'), no('string_type'), NOT_JSON),
  row('numberText', true, '`true`, with `coerceNumbersToStr`', no('string_type'), no('string_type')),
  row('set', [1, '2'], "`[1, '2']`", ok(new Set([1, 2])), no('set_type'), no('float_type')),
  row('set', new Set([1]), '`new Set([1])`', ok(new Set([1])), ok(new Set([1])), NOT_JSON),
  row('map', { a: 1 }, '`{ a: 1 }`', ok(new Map([['a', 1]])), no('dict_type'), ok(new Map([['a', 1]]))),
  row('map', [['a', '1']], "`[['a', '1']]`", ok(new Map([['a', 1]])), no('dict_type'), no('float_type')),
  row('pattern', /a+b/g, '`/a+b/g` (parse returns a copy)', ok(/a+b/g), ok(/a+b/g), NOT_JSON),
  row('pattern', '^a+$', "`'^a+$'`", ok(/^a+$/), no('pattern_type'), ok(/^a+$/)),
  row('pattern', '(', "`'('`", no('pattern_regex'), no('pattern_type'), no('pattern_regex')),
  row('pattern', 5, '`5`', no('pattern_type'), no('pattern_type')),
];

/** The type each field declares, as the docs show it. */
const TARGETS: Record<string, string> = {
  number: '`number`',
  int: '`Int`',
  boolean: '`boolean`',
  date: '`Date`',
  bigint: '`bigint`',
  string: '`string`',
  numberText: '`string`',
  set: '`Set<number>`',
  map: '`Map<string, number>`',
  pattern: '`RegExp`',
};

function show(outcome: Outcome | typeof NOT_JSON): string {
  if (outcome === NOT_JSON) return '—';
  if ('error' in outcome) return `✗ \`${outcome.error}\``;
  const { value } = outcome;
  if (value instanceof Date) return `\`Date ${value.toISOString()}\``;
  if (value instanceof Set) return `\`Set {${[...value].join(', ')}}\``;
  if (value instanceof Map) return `\`Map {${[...value].map(([k, x]) => `${k} => ${x}`).join(', ')}}\``;
  if (typeof value === 'bigint') return `\`${value}n\``;
  if (value instanceof RegExp) return `\`${String(value)}\``;
  if (typeof value === 'string') return `\`'${value}'\``;
  return `\`${String(value)}\``;
}

/** The markdown table the cases render. */
function table(): string {
  const lines = ['| target | input | lax (default) | strict | strict, `parseJSON` |', '|---|---|---|---|---|'];
  for (const r of ROWS) lines.push(`| ${TARGETS[r.field]} | ${r.shown} | ${show(r.lax)} | ${show(r.strict)} | ${show(r.json)} |`);
  return lines.join('\n');
}

describe.each(modes)('%s decorators', (mode) => {
  const { m, issuesOf } = useBasicFixture(mode);

  const outcome = (result: { success: boolean; data?: Record<string, unknown>; error?: { issues: { type: string; loc: unknown[] }[] } }, field: string): Outcome => {
    if (result.success) return { value: result.data![field] };
    return { error: result.error!.issues[0]!.type };
  };

  describe('the coercion table', () => {
    it.each(ROWS.map((r, i) => [i, r.field, r.shown, r] as const))('row %i: %s from %s', (_i, field, _shown, r) => {
      expect(outcome(m().Coerce.safeParse({ [field]: r.input }), field)).toEqual(r.lax);
      expect(outcome(m().Coerce.safeParse({ [field]: r.input }, { strict: true }), field)).toEqual(r.strict);
      if (r.json !== NOT_JSON) expect(outcome(m().Coerce.safeParseJSON(JSON.stringify({ [field]: r.input }), { strict: true }), field)).toEqual(r.json);
    });

    it('is the table in docs/coercion.md', () => {
      const file = path.join(repo, 'docs/coercion.md');
      const text = readFileSync(file, 'utf8');
      const start = text.indexOf('<!-- table -->');
      const end = text.indexOf('<!-- /table -->');
      const rendered = `<!-- table -->\n${table()}\n<!-- /table -->`;
      if (process.env['UPDATE_DOCS'] === '1' && mode === 'standard') {
        writeFileSync(file, text.slice(0, start) + rendered + text.slice(end + '<!-- /table -->'.length));
        return;
      }
      expect(text.slice(start, end + '<!-- /table -->'.length)).toBe(rendered);
    });
  });

  describe('a form payload', () => {
    const form = { page: '2', ratio: '0.5', exact: 'on', since: '2024-01-02', big: '9007199254740993', limit: 10 };

    it('parses every field from strings in lax mode', () => {
      const out = m().SearchForm.parse(form);
      expect({ ...out }).toEqual({ page: 2, ratio: 0.5, exact: true, since: new Date(Date.UTC(2024, 0, 2)), big: 9007199254740993n, limit: 10 });
    });

    it('is rejected field by field in strict mode', () => {
      const result = m().SearchForm.safeParse(form, { strict: true });
      expect(result.success).toBe(false);
      expect(result.error.issues.map((i: { loc: unknown[]; type: string }) => [i.loc.join('.'), i.type])).toEqual([
        ['page', 'int_type'],
        ['ratio', 'float_type'],
        ['exact', 'bool_type'],
        ['since', 'datetime_type'],
        ['big', 'int_type'],
      ]);
    });

    it('keeps a strict field strict in a lax call', () => {
      expect(issuesOf('SearchForm', { ...form, limit: '10' })).toEqual([
        { type: 'int_type', loc: ['limit'], msg: 'Input should be a valid integer', input: '10' },
      ]);
    });
  });

  describe('strictness: the field, else the model, else the call', () => {
    it('a strict model refuses conversions, except in a field that opts out and in a nested lax model', () => {
      const out = m().StrictForm.parse({ page: 1, loose: '1.5', nested: { page: '2', ratio: '1', exact: '1', since: '2024-01-02', big: '1' } });
      expect(out.loose).toBe(1.5);
      expect(out.nested.page).toBe(2);
      expect(issuesOf('StrictForm', { page: '1', label: 5 }).map((i: { loc: unknown[]; type: string }) => [i.loc.join('.'), i.type])).toEqual([
        ['page', 'int_type'],
        ['label', 'string_type'],
      ]);
    });

    it('a lax call does not loosen a strict model, a strict call does not tighten a lax field', () => {
      expect(m().StrictForm.safeParse({ page: '1' }, { strict: false }).success).toBe(false);
      expect(m().StrictForm.parse({ page: 1, loose: '2' }, { strict: true }).loose).toBe(2);
    });
  });

  describe('parseJSON', () => {
    it('parses JSON text, and reports malformed text as json_invalid', () => {
      expect(m().SearchForm.parseJSON('{"page":"3","ratio":1,"exact":true,"since":"2024-01-02T00:00:00Z","big":"5"}').page).toBe(3);
      const result = m().SearchForm.safeParseJSON('{"page":');
      expect(result.success).toBe(false);
      expect(result.error.issues).toHaveLength(1);
      expect(result.error.issues[0]).toMatchObject({ type: 'json_invalid', loc: [], input: '{"page":' });
      expect(result.error.issues[0].msg).toMatch(/^Invalid JSON: /);
      expect(() => m().SearchForm.parseJSON('nope')).toThrow(/1 validation error for SearchForm\n {2}Invalid JSON: /);
    });
  });
});

describe.each(modes)('%s decorators: extra keys', (mode) => {
  const { m, issuesOf } = useBasicFixture(mode);

  it("extra: 'allow' keeps undeclared keys: apart from the instance (extrasOf) in a model, as own data properties in its object types", () => {
    const input = JSON.parse('{"name":"n","meta":{"a":1,"b":2},"x":[1],"__proto__":{"polluted":true}}');
    const out = m().Open.parse(input);
    expect(Object.keys(out)).toEqual(['name', 'meta']);
    expect(Object.keys(m().extrasOf(out))).toEqual(['x', '__proto__']);
    expect(Object.getOwnPropertyDescriptor(m().extrasOf(out), '__proto__')?.value).toEqual({ polluted: true });
    expect(out.meta).toEqual({ a: 1, b: 2 });
    expect(Object.getPrototypeOf(out)).toBe(m().Open.prototype);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(m().Open.is({ name: 'n', other: 1 })).toBe(true);
  });

  it('the call overrides the policy: allow, ignore or forbid', () => {
    expect(m().extrasOf(m().Open.parse({ name: 'n', x: 1 }, { extra: 'ignore' }))).toEqual({});
    expect(m().Open.safeParse({ name: 'n', x: 1 }, { extra: 'forbid' }).error.issues).toEqual([
      { type: 'extra_forbidden', loc: ['x'], msg: 'Extra inputs are not permitted', input: 1 },
    ]);
    expect(m().extrasOf(m().Address.parse({ street: 's', zip: '12345', note: 'n' }, { extra: 'allow' }))).toEqual({ note: 'n' });
    expect(issuesOf('Open', { name: 1, x: 1 })).toEqual([{ type: 'string_type', loc: ['name'], msg: 'Input should be a valid string', input: 1 }]);
  });
});

describe.each(modes)('%s decorators: message templates', (mode) => {
  const { m } = useBasicFixture(mode);

  it('a call overrides templates by error type, with ctx placeholders; others keep pydantic wording', () => {
    const messages = { string_too_short: 'Au moins {min_length} caractère{expected_plural}', missing: 'Champ obligatoire' };
    const result = m().Constrained.safeParse({ name: 'a' }, { messages });
    const byType = Object.fromEntries(result.error.issues.map((i: { type: string; msg: string }) => [i.type, i.msg]));
    expect(byType['string_too_short']).toBe('Au moins 2 caractères');
    expect(byType['missing']).toBe('Champ obligatoire');
    expect(m().Constrained.safeParse({ name: 'a' }).error.issues[0].msg).toBe('String should have at least 2 characters');
  });

  it('setMessages changes them for every later parse, the call still wins, undefined restores', () => {
    const { setMessages } = m();
    setMessages({ float_parsing: 'Pas un nombre', value_error: 'Erreur : {error}' });
    try {
      expect(m().Coerce.safeParse({ number: 'x' }).error.issues[0].msg).toBe('Pas un nombre');
      expect(m().Coerce.safeParse({ number: 'x' }, { messages: { float_parsing: 'NaN!' } }).error.issues[0].msg).toBe('NaN!');
      expect(m().Branded.safeParse({ email: 'nope' }).error.issues.find((i: { loc: unknown[] }) => i.loc[0] === 'email').msg).toBe(
        "Erreur : An email address must have an @-sign.",
      );
    } finally {
      setMessages({ float_parsing: undefined, value_error: undefined });
    }
    expect(m().Coerce.safeParse({ number: 'x' }).error.issues[0].msg).toBe('Input should be a valid number, unable to parse string as a number');
  });
});

describe.each(modes)('%s decorators: aliases', (mode) => {
  const { m, issuesOf } = useBasicFixture(mode);

  it('reads the alias (generated or declared), and with populateByName the name too, alias first', () => {
    const out = m().ApiUser.parse({ first_name: 'Ada', mail: 'a@b.co', years: 36 });
    expect({ ...out }).toEqual({ firstName: 'Ada', email: 'a@b.co', age: 36, tags: [] });
    expect({ ...m().ApiUser.parse({ firstName: 'Ada', email: 'e', age: 1 }) }).toEqual({ firstName: 'Ada', email: 'e', age: 1, tags: [] });
    expect(m().ApiUser.parse({ first_name: 'alias', firstName: 'name', mail: 'm' }).firstName).toBe('alias');
    expect(m().Shouting.parse({ LEVEL: 2 }).level).toBe(2);
    expect(m().Dashed.parse({ 'user-name': 'u' }).userName).toBe('u');
  });

  it('locates issues at the key the input used; missing fields at the alias', () => {
    expect(issuesOf('ApiUser', { firstName: 1, years: 'x', tags: [] }).map((i: { loc: unknown[]; type: string }) => [i.loc.join('.'), i.type])).toEqual([
      ['firstName', 'string_type'],
      ['mail', 'missing'],
      ['years', 'int_parsing'],
    ]);
  });

  it('without populateByName the name is an extra key; with it, alias and name are both known', () => {
    expect(issuesOf('Dashed', { userName: 'u' }).map((i: { loc: unknown[]; type: string }) => [i.loc.join('.'), i.type])).toEqual([['user-name', 'missing']]);
    expect(issuesOf('ApiUser', { first_name: 'a', mail: 'm', extra: 1 }).map((i: { loc: unknown[]; type: string }) => [i.loc.join('.'), i.type])).toEqual([['extra', 'extra_forbidden']]);
  });

  it('tries alias choices in turn: the first present key gives the value and locates its issues; missing is at the first', () => {
    expect({ ...m().Applicant.parse({ fname: 'Ada', email_address: 'a@b.co' }) }).toEqual({ firstName: 'Ada', email: 'a@b.co' });
    expect({ ...m().Applicant.parse({ firstName: 'Ada' }) }).toEqual({ firstName: 'Ada' });
    // Earlier choices win, whatever the order of the input's keys.
    expect(m().Applicant.parse({ fname: 'third', firstName: 'second', first_name: 'first' }).firstName).toBe('first');
    expect(m().Applicant.parse({ fname: 'third', firstName: 'second' }).firstName).toBe('second');
    const located = (input: object): string[][] => issuesOf('Applicant', input).map((i: { loc: unknown[]; type: string }) => [i.loc.join('.'), i.type]);
    expect(located({ fname: 1, email_address: 2 })).toEqual([
      ['fname', 'string_type'],
      ['email_address', 'string_type'],
    ]);
    expect(located({ email: 'e' })).toEqual([
      ['first_name', 'missing'],
      ['email', 'extra_forbidden'],
    ]);
    // Every choice is a known key: none is extra, even when an earlier one gave the value.
    expect(m().Applicant.safeParse({ first_name: 'a', fname: 'b', mail: 'm', email_address: 'n' }).success).toBe(true);
    expect(m().Applicant.parse({ fname: 'Ada', mail: 'm' }).dump({ byAlias: true })).toEqual({ firstName: 'Ada', mail: 'm' });
    // A first key that is the field's name: the later ones are still read (no shortcut past them for valid-looking input).
    expect({ ...m().Caller.parse({ tel: '555' }) }).toEqual({ phone: '555' });
    expect(m().Caller.parse({ phone: '1', tel: '2' }).phone).toBe('1');
    expect(m().Caller.safeParse({ tel: 5 }, { strict: true }).error.issues.map((i: { loc: unknown[]; type: string }) => [i.loc.join('.'), i.type])).toEqual([['tel', 'string_type']]);
    // JSON Schema names the first key, as pydantic does.
    const schema = m().Applicant.jsonSchema();
    expect(Object.keys(schema.properties)).toEqual(['first_name', 'mail']);
    expect(schema.required).toEqual(['first_name']);
  });

  it('`is` checks data of the model shape, by field name', () => {
    expect(m().ApiUser.is({ firstName: 'a', email: 'm', tags: [] })).toBe(true);
    expect(m().ApiUser.is({ first_name: 'a', mail: 'm', tags: [] })).toBe(false);
  });
});

describe.each(modes)('%s decorators: errors', (mode) => {
  const { m } = useBasicFixture(mode);

  it('a thrown ValidationError carries a stack trace; one safeParse returns skips capturing it', () => {
    let thrown: Error | undefined;
    try {
      m().Coerce.parse({ number: 'x' });
    } catch (error) {
      thrown = error as Error;
    }
    expect(thrown!.stack).toMatch(/\n\s+at /);
    const returned = m().Coerce.safeParse({ number: 'x' }).error;
    expect(returned.stack).not.toMatch(/\n\s+at /);
    expect(returned).toBeInstanceOf(m().ValidationError);
    expect(returned.message).toBe("1 validation error for Coerce\nnumber\n  Input should be a valid number, unable to parse string as a number [type=float_parsing, input='x']");
  });
});

describe.each(modes)('%s decorators: union reports per mode', (mode) => {
  const { m } = useBasicFixture(mode);

  it('the members that report are those that take the input in the mode in force', () => {
    const where = (options?: object): string[] =>
      m().Unions.safeParse({ id: true, where: 'x', list: 1 }, options).error.issues.map((i: { loc: unknown[] }) => i.loc.join('.'));
    // Lax: the number member takes booleans, and parses `true` as 1.
    expect(m().Unions.parse({ id: true, where: 'x', list: 1 }).id).toBe(1);
    // Strict: no member takes a boolean, so both report.
    expect(where({ strict: true })).toEqual(['id.string', 'id.number']);
  });
});
