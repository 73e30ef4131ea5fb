/**
 * The compile side of serialization: `@computed()` and `frozen` in the IR,
 * their diagnostics, and `byAlias` emitted from IR that carries
 * serialization aliases (extraction of `@field({ alias })` is not there yet).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../codegen/diagnostics';
import { Generator } from '../codegen/generate';
import type { FieldIR, ModelIR, ProjectIR } from '../codegen/ir';
import { compileFixture, prepareFixture } from './helpers/compile';

describe('extraction', () => {
  let ir: ProjectIR;
  beforeAll(() => {
    ir = new Generator({ project: path.join(prepareFixture('basic', 'standard'), 'tsconfig.json') }).run().ir;
  });
  const find = (id: string): ModelIR => ir.models.find((model) => model.id === id)!;

  it('reads @computed() getters in declaration order, with their return types and descriptions', () => {
    expect(find('Invoice').computed).toEqual([
      {
        name: 'lineCount',
        type: { kind: 'number', constraints: [] },
        optional: false,
        description: 'How many lines the invoice has.',
        loc: { file: 'serial.ts', line: 36, column: 19 },
      },
      {
        name: 'status',
        type: { kind: 'literal', values: ['paid', 'open'] },
        optional: false,
        description: 'Paid or open',
        loc: { file: 'serial.ts', line: 40, column: 50 },
      },
    ]);
    expect(find('InvoiceLine').computed).toBeUndefined();
  });

  it('reads frozen: true, and leaves it out otherwise', () => {
    expect(find('Money').frozen).toBe(true);
    expect('frozen' in find('Invoice')).toBe(false);
  });
});

describe('diagnostics', () => {
  it('refuses @computed anywhere but on an instance getter, uncalled, or with a type it cannot dump', () => {
    const dir = prepareFixture('bad', 'standard');
    writeFileSync(
      path.join(dir, 'serial.ts'),
      [
        "import { Model, computed, model } from 'tydantic';",
        '',
        '@model({ frozen: 1 })',
        'export class Misused extends Model {',
        '  @computed() name!: string;',
        '  @computed() total(): number { return 1; }',
        '  @computed get bare(): number { return 1; }',
        '  @computed() static get count(): number { return 1; }',
        '  @computed() get fn(): () => void { return () => undefined; }',
        "  @computed({ descripton: 'x' }) get typo(): string { return ''; }",
        '}',
        '',
      ].join('\n'),
    );
    const result = new Generator({ project: path.join(dir, 'tsconfig.json') }).run();
    expect(result.diagnostics.filter((d) => d.loc.file === 'serial.ts').map(formatDiagnostic)).toEqual([
      "serial.ts:3:18 - error: Misused: option 'frozen' must be true or false\n  hint: got 1",
      'serial.ts:5:15 - error: Misused.name: @computed applies to getters only\n  hint: write it above a get accessor',
      'serial.ts:6:3 - error: Misused.total: @computed applies to instance getters only\n  hint: remove the decorator, or make it a get accessor',
      'serial.ts:7:3 - error: Misused.bare: @computed must be called\n  hint: write @computed()',
      'serial.ts:8:3 - error: Misused.count: @computed applies to instance getters only\n  hint: remove the decorator, or make it a get accessor',
      "serial.ts:9:25 - error: Misused.fn: '() => void' is a function type, which input data cannot hold\n  hint: make it a method of the class, or remove it",
      "serial.ts:10:15 - error: Misused.typo: unknown option 'descripton'\n  hint: the options are: description",
    ]);
  });
});

describe('byAlias (emitted from IR with serialization aliases)', () => {
  const aliases: Record<string, Record<string, string>> = {
    Invoice: { number: 'invoiceNo', paid: 'is "paid"\u2028', tags: '__proto__' },
    Money: { amount: 'value' },
  };
  const withAliases = (ir: ProjectIR): ProjectIR => ({
    ...ir,
    models: ir.models.map((model) => ({
      ...model,
      fields: model.fields.map((field): FieldIR => {
        const alias = aliases[model.id]?.[field.name];
        return alias === undefined ? field : { ...field, serializationAlias: alias };
      }),
    })),
  });
  let m: Record<string, any>;
  beforeAll(async () => {
    m = (await compileFixture('basic', 'standard', { transform: withAliases })).exports;
  });
  const invoice = (): any =>
    m.Invoice.parse({ number: 'INV-1', total: { amount: 10 }, issued: '2024-05-01T12:00:00Z', lines: [{ sku: 'a', price: { amount: 1 } }] });

  it('writes each field under its alias, in nested models too; include and exclude still name fields', () => {
    const out = invoice().dump({ byAlias: true, include: { number: true, paid: true, tags: true, total: true, lines: { __all__: ['price'] } } });
    expect(Object.keys(out)).toEqual(['invoiceNo', 'lines', 'total', 'is "paid"\u2028', '__proto__']);
    expect(out.invoiceNo).toBe('INV-1');
    expect(out.lines).toStrictEqual([{ price: { value: 1, currency: 'EUR' } }]);
    expect(out.total).toStrictEqual({ value: 10, currency: 'EUR' });
    expect(out['is "paid"\u2028']).toBe(false);
    // An alias '__proto__' is an own key, not the prototype.
    expect(Object.getOwnPropertyDescriptor(out, '__proto__')?.value).toEqual(['new']);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
  });

  it('uses field names without byAlias (dump, dumpJSON) and aliases in toJSON', () => {
    const x = invoice();
    expect(Object.keys(x.dump({ include: ['number', 'paid'] }))).toEqual(['number', 'paid']);
    expect(x.dumpJSON({ include: ['number', 'total'] })).toBe('{"number":"INV-1","total":{"amount":10,"currency":"EUR"}}');
    expect(JSON.stringify(x.total)).toBe('{"value":10,"currency":"EUR"}');
    expect(Object.keys(x.toJSON()).slice(0, 2)).toEqual(['invoiceNo', 'lines']);
  });
});
