/**
 * `validator<T>()` (issue 18, item 2): any type, not only model classes, gets `parse`, `safeParse`, `is`,
 * `jsonSchema` and Standard Schema, from an exported const the compile step finds; generic models are parsed
 * directly at a concrete type.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { compiledCount } from '../codegen/cli-support';
import { schemaFiles } from '../codegen/schema-cli';
import type { ProjectIR } from '../codegen/ir';
import { validator } from '../src/validator';
import { compileFixture, diagnosticsOf } from './helpers/compile';
import { modes } from './helpers/fixture';

describe.each(modes)('validator<T>() (%s decorators)', (mode) => {
  let x: Record<string, any>;
  let ir: ProjectIR;
  beforeAll(async () => {
    const compiled = await compileFixture('validators', mode);
    x = compiled.exports;
    ir = compiled.result.ir;
  });

  it('parses values of any type, in lax mode, to the type itself', () => {
    expect(x.Tags.parse(['a', 'b'])).toEqual(['a', 'b']);
    expect(x.MaybeCount.parse('42')).toBe(42);
    expect(x.MaybeCount.parse(null)).toBeNull();
    expect(x.Point.parse({ x: '1', y: 2, z: 3 })).toEqual({ x: 1, y: 2 });
    expect(x.When.parse('2026-01-02T03:04:05Z')).toEqual(new Date('2026-01-02T03:04:05Z'));
    const users = x.Users.parse([{ name: 'Ada', email: 'ada@example.org' }]);
    expect(users[0]).toBeInstanceOf(x.User);
    const page = x.UserPage.parse({ items: [{ name: 'Ada', email: 'ada@example.org' }], total: '1' });
    expect(page).toBeInstanceOf(x.Page);
    expect(page.items[0]).toBeInstanceOf(x.User);
    expect(page.total).toBe(1);
  });

  it('locates issues in the value itself, and names the validator', () => {
    const error = x.Users.safeParse([{ name: 'Ada', email: 'nope' }, 5]).error;
    expect(error.issues.map((i: any) => [i.type, i.loc])).toEqual([
      ['value_error', [0, 'email']],
      ['model_type', [1]],
    ]);
    expect(error.message.split('\n')[0]).toBe('2 validation errors for Users');
    expect(() => x.Tags.parse('a')).toThrow(/^1 validation error for Tags\n {2}Input should be a valid array \[type=list_type, input='a'\]$/);
    expect(x.MaybeCount.safeParse(1.5).error.issues).toEqual([
      { type: 'int_from_float', loc: [], msg: 'Input should be a valid integer, got a number with a fractional part', input: 1.5 },
    ]);
    expect(x.Tags.name).toBe('Tags');
  });

  it('parses JSON text, with the JSON forms strict mode takes there, and reports malformed text', () => {
    expect(x.When.parseJSON('"2026-01-02T03:04:05Z"', { strict: true })).toEqual(new Date('2026-01-02T03:04:05Z'));
    expect(x.When.safeParse('2026-01-02T03:04:05Z', { strict: true }).error.issues.map((i: any) => i.type)).toEqual(['datetime_type']);
    const page = x.UserPage.parseJSON('{"items":[{"name":"Ada","email":"ada@example.org"}],"total":1}');
    expect(page.items[0]).toBeInstanceOf(x.User);
    expect(x.Users.safeParseJSON('[{"name":"Ada","email":"nope"}]').error.issues.map((i: any) => [i.type, i.loc])).toEqual([['value_error', [0, 'email']]]);
    const malformed = x.Tags.safeParseJSON('["a",').error;
    expect(malformed.issues).toEqual([
      { type: 'json_invalid', loc: [], msg: `Invalid JSON: ${malformed.issues[0].ctx.error}`, input: '["a",', ctx: { error: malformed.issues[0].ctx.error } },
    ]);
    expect(malformed.issues[0].ctx.error).toMatch(/JSON/);
    expect(() => x.Tags.parseJSON('["a", 1]')).toThrow(/^1 validation error for Tags\n1\n {2}Input should be a valid string \[type=string_type, input=1\]$/);
    // Text that is not JSON stays malformed, whatever follows it: nothing is spliced into other JSON.
    expect(x.MaybeCount.safeParseJSON('1, "x": 2').error.issues.map((i: any) => i.type)).toEqual(['json_invalid']);
  });

  it('is written by `tydantic schema` as its jsonSchema() gives it (OpenAPI files hold models only)', () => {
    for (const target of ['draft-2020-12', 'draft-07'] as const) {
      const files = schemaFiles(ir, { target, mode: 'validation' });
      for (const name of ['Tags', 'Users', 'UserPage', 'Point', 'MaybeCount', 'When']) {
        expect(JSON.parse(files.get(`${name}.json`)!)).toEqual(x[name].jsonSchema({ target }));
      }
    }
    expect([...schemaFiles(ir, { target: 'openapi-3.1', mode: 'validation' }).keys()]).toEqual(['User.json']);
  });

  it('is counted apart from models in the summary line of generate and schema', () => {
    expect(compiledCount(ir.models)).toBe('2 models and 6 validators');
  });

  it('checks with is, strictly', () => {
    expect(x.Tags.is(['a'])).toBe(true);
    expect(x.Tags.is(['a', 1])).toBe(false);
    expect(x.MaybeCount.is('1')).toBe(false);
    expect(x.Point.is({ x: 1, y: 2 })).toBe(true);
  });

  it('describes the type in JSON Schema, with the definitions it uses', () => {
    expect(x.Tags.jsonSchema()).toEqual({ $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'array', items: { type: 'string' } });
    const users = x.Users.jsonSchema({ target: 'openapi-3.1' });
    expect(users).toEqual({ type: 'array', items: { $ref: '#/components/schemas/User' } });
    const doc = x.Users.jsonSchema();
    expect(doc.items).toEqual({ $ref: '#/$defs/User' });
    expect(Object.keys(doc.$defs)).toEqual(['User']);
  });

  it('is a Standard Schema', () => {
    expect(x.MaybeCount['~standard'].validate('7')).toEqual({ value: 7 });
    expect(x.Tags['~standard'].validate([1])).toEqual({ issues: [{ message: 'Input should be a valid string', path: [0], type: 'string_type' }] });
  });
});

describe('validator<T>() without generated code', () => {
  it('throws, naming what to do', () => {
    const lone = validator<string[]>();
    expect(() => lone.parse([])).toThrow(/has no generated code: declare it as an exported top-level const/);
  });

  it('is a diagnostic where the compile step cannot link it', () => {
    const diagnostics = diagnosticsOf('validators-bad', [
      "import { validator } from 'tydantic';",
      'const Hidden = validator<string>();',
      'export function make() {',
      '  return validator<number>();',
      '}',
      'export const Untyped = validator();',
      'export const Bad = validator<() => void>();',
      'export { Hidden };',
    ]);
    const hint = '  hint: write export const Tags = validator<string[]>(); at the top level of the module';
    expect(diagnostics).toEqual([
      `models.ts:2:16 - error: validator<T>() must initialize an exported top-level const, so the generated module can link it\n${hint}`,
      `models.ts:4:10 - error: validator<T>() must initialize an exported top-level const, so the generated module can link it\n${hint}`,
      'models.ts:6:24 - error: Untyped: validator() needs the type to validate\n  hint: write validator<string[]>()',
      "models.ts:7:30 - error: Bad: '() => void' is a function type, which input data cannot hold\n  hint: make it a method of the class, or remove it",
    ]);
  });
});
