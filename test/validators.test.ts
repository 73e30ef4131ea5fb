/** Field and model validators: order, replacement values, errors and the user context, both decorator modes. */
import { beforeAll, describe, expect, it } from 'vitest';
import { compileFixture, diagnosticsOf } from './helpers/compile';
import { modes, useBasicFixture } from './helpers/fixture';

describe.each(modes)('%s decorators', (mode) => {
  const { m, issuesOf } = useBasicFixture(mode);
  const valid = { name: '  ada ', password: 'secret123', confirm: 'secret123', code: ' ab ' };

  it('runs before validators on the raw value and after validators on the typed one; their results replace the value', () => {
    const out = m().Signup.parse(valid);
    expect({ ...out }).toEqual({ name: 'ada', password: 'secret123', confirm: 'secret123', code: 'AB' });
    expect(out).toBeInstanceOf(m().Signup);
  });

  it('a model before validator sees the raw input first', () => {
    expect(m().Signup.parse({ signup: valid }).name).toBe('ada');
  });

  it('an Error thrown becomes a value_error at the field, with its message', () => {
    expect(issuesOf('Signup', { ...valid, password: 'secretsecret', confirm: 'secretsecret' })).toEqual([
      { type: 'value_error', loc: ['password'], msg: 'Value error, needs a digit', input: 'secretsecret', ctx: { error: 'needs a digit' } },
    ]);
  });

  it('after validators run only on values that passed type validation; model after validators only on a valid instance', () => {
    expect(issuesOf('Signup', { ...valid, password: 'short', name: 5 })).toEqual([
      { type: 'string_type', loc: ['name'], msg: 'Input should be a valid string', input: 5 },
      { type: 'string_too_short', loc: ['password'], msg: 'String should have at least 8 characters', input: 'short', ctx: { min_length: 8 } },
    ]);
  });

  it('a model after validator reports at loc []', () => {
    expect(issuesOf('Signup', { ...valid, confirm: 'other1234' })).toEqual([
      { type: 'value_error', loc: [], msg: 'Value error, passwords do not match', input: expect.any(m().Signup), ctx: { error: 'passwords do not match' } },
    ]);
  });

  it('passes the call context to validators, with the field name', () => {
    expect(m().Signup.parse(valid, { context: { codes: ['ab'] } }).code).toBe('AB');
    const result = m().Signup.safeParse(valid, { context: { codes: ['zz'] } });
    expect(result.error.issues).toEqual([
      { type: 'value_error', loc: ['code'], msg: 'Value error, unknown code for code', input: 'ab', ctx: { error: 'unknown code for code' } },
    ]);
  });

  it('leaves defaults and absent fields alone', () => {
    const { code: _code, ...rest } = valid;
    expect(m().Signup.parse(rest).code).toBeUndefined();
  });
});

describe.each(modes)('%s decorators: round trip', (mode) => {
  const { m } = useBasicFixture(mode);

  it("a validated model round-trips through JSON mode: parse(x.dump({ mode: 'json' })) deep-equals x", () => {
    const x = m().Signup.parse({ name: ' ada ', password: 'secret123', confirm: 'secret123', code: 'ab' });
    const again = m().Signup.parse(x.dump({ mode: 'json' }));
    expect(again).toBeInstanceOf(m().Signup);
    expect({ ...again }).toEqual({ ...x });
  });
});

describe.each(modes)('plain and wrap field validators (%s decorators)', (mode) => {
  let x: Record<string, any>;
  beforeAll(async () => {
    x = (await compileFixture('wraps', mode)).exports;
  });

  it('plain replaces type validation; wrap runs it through next and may catch its failure', () => {
    expect({ ...x.Reading.parse({ level: 'high', label: 42, count: '3' }) }).toEqual({ level: 0, label: '42', count: 6 });
    expect({ ...x.Reading.parse({ level: '7', label: ' a ', count: 1 }) }).toEqual({ level: 7, label: 'a', count: 2 });
  });

  it("reports next's issues at the field when the wrap validator lets them through, and a plain validator's error as value_error", () => {
    expect(x.Reading.safeParse({ level: 1, label: null, count: 'many' }).error.issues).toEqual([
      { type: 'value_error', loc: ['label'], msg: 'Value error, a label is needed', input: null, ctx: { error: 'a label is needed' } },
      { type: 'float_parsing', loc: ['count'], msg: 'Input should be a valid number, unable to parse string as a number', input: 'many' },
    ]);
    expect(x.Reading.safeParse({ level: 1, count: 1 }).error.issues.map((i: any) => [i.type, i.loc])).toEqual([['missing', ['label']]]);
  });
});

describe('plain and wrap validators in the compile step', () => {
  it('are for fields only', () => {
    expect(
      diagnosticsOf('validators-modes', [
        "import { Model, model, modelValidator } from 'tydantic';",
        '@model()',
        'export class Bad extends Model {',
        '  a = 1;',
        "  @modelValidator({ mode: 'wrap' }) static all(v: unknown) { return v; }",
        '}',
      ]),
    ).toEqual(["models.ts:5:19 - error: Bad: a model validator runs before or after the model's fields, not 'wrap'\n  hint: write { mode: 'before' } or { mode: 'after' }"]);
  });
});
