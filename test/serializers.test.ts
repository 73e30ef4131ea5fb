/**
 * `@fieldSerializer()` (issue 18, item 4, in part): `dump`, `toJSON` and `dumpJSON` write a field through a
 * static method, plain (its result) or wrap (around the standard dump); serialization schemas take the
 * method's return type.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { compileFixture, diagnosticsOf } from './helpers/compile';
import { modes } from './helpers/fixture';

describe.each(modes)('field serializers (%s decorators)', (mode) => {
  let x: Record<string, any>;
  beforeAll(async () => {
    x = (await compileFixture('serializers', mode)).exports;
  });
  const invoice = (): any => x.Invoice.parse({ amount: 12.5, issued: '2026-01-02T03:04:05Z', secret: 's3cr3t', tags: ['a', 'b'] });

  it('writes each field through its method, in both modes', () => {
    expect(invoice().dump()).toEqual({ amount: '12.50 EUR', issued: new Date('2026-01-02T03:04:05Z'), secret: '<secret: 1>', tags: '<tags: 2>' });
    expect(JSON.stringify(invoice())).toBe('{"amount":"12.50 EUR","issued":"2026-01-02","secret":"<secret: 1>","tags":"<tags: 2>"}');
    expect(invoice().dumpJSON({ exclude: ['secret'] })).toBe('{"amount":"12.50 EUR","issued":"2026-01-02","tags":"<tags: 2>"}');
  });

  it("describes the output with the method's return type, and leaves the input schema alone", () => {
    const output = x.Invoice.jsonSchema({ mode: 'serialization' }).properties;
    expect(output.amount).toEqual({ type: 'string' });
    expect(output.issued).toEqual({});
    expect(output.tags).toEqual({ type: 'string' });
    expect(x.Invoice.jsonSchema().properties.amount).toEqual({ type: 'number' });
  });
});

describe('field serializers in the compile step', () => {
  it('wants static methods, a known mode and fields that exist', () => {
    expect(
      diagnosticsOf('serializers-bad', [
        "import { Model, fieldSerializer, model } from 'tydantic';",
        '@model()',
        'export class Bad extends Model {',
        '  a = 1;',
        "  @fieldSerializer('a') twice(v: number) { return v * 2; }",
        "  @fieldSerializer('a', { mode: 'before' }) static odd(v: number) { return v; }",
        "  @fieldSerializer('nope') static none(v: number) { return v; }",
        '}',
      ]),
    ).toEqual([
      'models.ts:5:25 - error: Bad.twice: a validator must be a static method\n  hint: write static twice(value, info)',
      "models.ts:6:25 - error: Bad: the only serializer option is mode\n  hint: write { mode: 'plain' } or { mode: 'wrap' }",
      "models.ts:7:20 - error: Bad: the validator names 'nope', which is not a field\n  hint: the fields are: a",
    ]);
  });
});
