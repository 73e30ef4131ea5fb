/** Field and model validators: order, replacement values, errors and the user context, both decorator modes. */
import { describe, expect, it } from 'vitest';
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
