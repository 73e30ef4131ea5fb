/**
 * `Secret<T>` in any model: parse validates the value and wraps it; text, JSON, `util.inspect`, JSON-mode
 * dumps and issue inputs show `'**********'`; `reveal()` gives the value; the schema is `writeOnly`.
 */
import { inspect } from 'node:util';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { Secret } from '../src/secret';
import { compileFixture } from './helpers/compile';
import { modes } from './helpers/fixture';

describe.each(modes)('Secret (%s decorators)', (mode) => {
  let x: Record<string, any>;
  beforeAll(async () => {
    x = (await compileFixture('settings', mode)).exports;
  });

  it('parses the value, or a Secret of one, and wraps it', () => {
    const vault = x.Vault.parse({ token: 'abc', pin: '1234', keys: ['k1', new x.Secret('k2')] });
    expect(vault.token).toBeInstanceOf(x.Secret);
    expect([vault.token.reveal(), vault.pin.reveal(), vault.key, vault.keys.map((k: any) => k.reveal())]).toEqual(['abc', 1234, null, ['k1', 'k2']]);
    expect(x.Vault.parse({ token: new x.Secret('t') }, { strict: true }).token.reveal()).toBe('t');
    expect(x.Vault.parse({ token: 't' }, { strict: true }).token.reveal()).toBe('t');
  });

  it('shows only the mask in text, JSON, inspect and JSON dumps, unless asked', () => {
    const vault = x.Vault.parse({ token: 'tok-123', pin: 42, key: 'key-456', keys: ['k-789'] });
    expect(String(vault.token)).toBe('**********');
    expect(`${vault.token}`).toBe('**********');
    expect(JSON.stringify(vault)).toBe('{"token":"**********","pin":"**********","key":"**********","keys":["**********"]}');
    expect(vault.dumpJSON()).toBe(JSON.stringify(vault));
    expect(inspect(vault)).toBe("Vault {\n  token: Secret('**********'),\n  pin: Secret('**********'),\n  key: Secret('**********'),\n  keys: [ Secret('**********') ]\n}");
    expect(vault.dump({ mode: 'json', revealSecrets: true })).toEqual({ token: 'tok-123', pin: 42, key: 'key-456', keys: ['k-789'] });
    // JS mode keeps the Secret objects (they cannot change, so sharing them is safe).
    const dumped = vault.dump();
    expect(dumped.token).toBe(vault.token);
    expect(Object.keys(vault.token)).toEqual([]);
    expect(Object.isFrozen(vault.token)).toBe(true);
  });

  it('masks the input of every issue inside a secret, in issues, message and JSON', () => {
    const error = x.Vault.safeParse({ token: 1234, pin: 'four', keys: ['ok', 5] }).error;
    expect(error.issues).toEqual([
      { type: 'string_type', loc: ['token'], msg: 'Input should be a valid string', input: '**********' },
      { type: 'float_parsing', loc: ['pin'], msg: 'Input should be a valid number, unable to parse string as a number', input: '**********' },
      { type: 'string_type', loc: ['keys', 1], msg: 'Input should be a valid string', input: '**********' },
    ]);
    expect(error.message).not.toMatch(/1234|four/);
    expect(JSON.stringify(error)).not.toMatch(/1234|four/);
  });

  it('reads JSON text, and shares the (frozen) Secret in copies, deep ones too', () => {
    const vault = x.Vault.parseJSON('{"token": "t", "keys": ["a"]}');
    expect(vault.token.reveal()).toBe('t');
    const copy = vault.copy(undefined, { deep: true });
    expect(copy.token).toBe(vault.token);
    expect(copy.keys).not.toBe(vault.keys);
    expect(copy.keys[0]).toBe(vault.keys[0]);
  });

  it('is: a Secret whose value fits, nothing else', () => {
    expect(x.Vault.is({ token: new x.Secret('t'), key: null, keys: [] })).toBe(true);
    expect(x.Vault.is({ token: 't', key: null, keys: [] })).toBe(false);
    expect(x.Vault.is({ token: new x.Secret(1), key: null, keys: [] })).toBe(false);
  });

  it('writes writeOnly schemas, format password for strings, the mask for serialization', () => {
    const { properties } = x.Vault.jsonSchema();
    expect(properties).toEqual({
      token: { type: 'string', format: 'password', writeOnly: true },
      pin: { type: 'number', writeOnly: true },
      key: { type: ['string', 'null'], format: 'password', writeOnly: true },
      keys: { type: 'array', items: { type: 'string', format: 'password', writeOnly: true }, default: [] },
    });
    expect(x.Vault.jsonSchema({ mode: 'serialization' }).properties.pin).toEqual({ type: 'string', format: 'password', writeOnly: true });
  });

  it('never shows a secret that fails validation (property)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 7 }), (key) => {
        const result = x.AppSettings.safeParse({ environment: 'staging', database: { name: 'n' }, apiKey: key });
        const issue = result.error.issues.find((i: any) => i.loc[0] === 'apiKey');
        return issue.input === '**********';
      }),
    );
  });
});

describe('Secret', () => {
  it('is recognised across copies of the runtime by its registered brand', () => {
    const other = Object.create(null, { [Symbol.for('tydantic.secret')]: { get: () => true } });
    expect(other instanceof Secret).toBe(true);
    expect({} instanceof Secret).toBe(false);
    expect(new Secret('v').reveal()).toBe('v');
  });
});
