/**
 * `@field({ fallback })` (zod's `catch`) and `@field({ messages })` (issue 18, item 4, in part): a failing
 * field takes its fallback and reports nothing; a field's own templates word its issues.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { compileFixture, diagnosticsOf } from './helpers/compile';
import { modes } from './helpers/fixture';

describe.each(modes)('fallbacks and field messages (%s decorators)', (mode) => {
  let x: Record<string, any>;
  beforeAll(async () => {
    x = (await compileFixture('fallbacks', mode)).exports;
  });

  it('takes the fallback for a value that fails, or is missing, and keeps good values', () => {
    const prefs = x.Prefs.parse({ logLevel: 'loud', tags: 5, pageSize: 0, name: 'Ada' });
    expect(prefs.dump()).toEqual({ logLevel: 'info', tags: [], pageSize: 10, name: 'Ada' });
    expect(x.Prefs.parse({ name: 'Ada' }).dump()).toEqual({ logLevel: 'info', tags: [], pageSize: 20, name: 'Ada' });
    expect(x.Prefs.parse({ logLevel: 'warn', tags: ['a'], pageSize: '3', name: 'Ada' }).dump()).toEqual({ logLevel: 'warn', tags: ['a'], pageSize: 3, name: 'Ada' });
    // A fresh copy each time.
    const [a, b] = [x.Prefs.parse({ name: 'Ada' }), x.Prefs.parse({ name: 'Bob' })];
    expect(a.tags).not.toBe(b.tags);
  });

  it("words a field's issues with its own templates, and leaves the others to the call's", () => {
    expect(x.Prefs.safeParse({ name: 'Al' }).error.issues).toEqual([
      { type: 'string_too_short', loc: ['name'], msg: 'Pick a name of 3 letters or more', input: 'Al', ctx: { min_length: 3 } },
    ]);
    expect(x.Prefs.safeParse({ name: 7 }).error.message).toBe('1 validation error for Prefs\nname\n  A name is text [type=string_type, input=7]');
    expect(x.Prefs.safeParse({}).error.issues[0].msg).toBe('Field required');
    expect(x.Prefs.is({ logLevel: 'loud', tags: [], pageSize: 1, name: 'Ada' })).toBe(false);
  });
});

describe('fallbacks and field messages in the compile step', () => {
  it('refuses a fallback that does not fit and a message of an unknown error type', () => {
    const diagnostics = diagnosticsOf('fallbacks-bad', [
      "import { Model, field, model } from 'tydantic';",
      '@model()',
      'export class Bad extends Model {',
      "  @field({ fallback: 5 }) name!: string;",
      "  @field({ messages: { nope: 'x' } }) other!: string;",
      "  @field({ fallback: Date.now() }) when!: number;",
      '}',
    ]);
    expect(diagnostics).toEqual([
      "models.ts:4:27 - error: Bad.name: the fallback 5 does not fit the field's type: it is not a string\n  hint: parse uses it in place of a bad value without validating it: change the fallback or the type",
      "models.ts:5:22 - error: Bad.other: 'nope' is not an error type\n  hint: the types are listed in docs/errors.md",
      "models.ts:6:22 - error: Bad.when: option 'fallback' must be literal data\n  hint: write strings, numbers, booleans, null, or arrays and objects of them",
    ]);
  });
});
