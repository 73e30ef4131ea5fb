import { describe, expect, it } from 'vitest';
import { jsonSchema, type SchemaData } from '../../src/json-schema';
import type { FieldIR, ModelIR, ProjectIR, TypeNode } from '../ir';
import { emitModule } from './module';
import { componentSchemas, modelSchema, SCHEMA_TARGETS } from './schema';

const loc = { file: 'm.ts', line: 1, column: 1 };
const f = (name: string, type: TypeNode, extra: Partial<FieldIR> = {}): FieldIR => ({ name, type, optional: false, loc, ...extra });
const m = (id: string, fields: FieldIR[]): ModelIR => ({ id, name: id, module: 'm.ts', exportName: id, extra: 'ignore', fields, loc });
const str: TypeNode = { kind: 'string', constraints: [] };

/** The schema tables of the generated module, evaluated (tests only: generated code itself never evaluates text). */
function tables(ir: ProjectIR): { lines: string[]; data: (id: string) => SchemaData } {
  const code = emitModule(ir, { ts: false, runtime: 'tydantic/internal', specifier: (x) => x });
  const lines = code.split('\n').map((line) => line.trim()).filter((line) => /^const (json|schema)_/.test(line));
  const names = lines.map((line) => /^const (\w+)/.exec(line)![1]!);
  const values = new Function(`${lines.join('\n')}\nreturn { ${names.join(', ')} };`)() as Record<string, SchemaData['defs'][string]>;
  const data = (id: string): SchemaData => ({ id, defs: { [id]: values[`schema_${id}`]!, Address: values.schema_Address! } });
  return { lines, data };
}

describe('schema data in the generated module', () => {
  const address = m('Address', [f('street', str)]);

  it('shares draft 2020-12 texts with the targets whose texts differ only in where references point', () => {
    const ir: ProjectIR = { models: [address, m('Home', [f('at', { kind: 'model', ref: 'Address' })])], definitions: [] };
    const { lines } = tables(ir);
    expect(lines.find((line) => line.startsWith('const schema_Home'))).toBe(
      'const schema_Home = { "draft-2020-12": [json_2, json_2, json_2, json_2], "draft-07": "#/definitions/", "openapi-3.0": "#/components/schemas/", "openapi-3.1": "#/components/schemas/" };',
    );
  });

  it('derives OpenAPI 3.0 nullable types from draft 2020-12 texts, and agrees with the emitter', () => {
    const num: TypeNode = { kind: 'number', constraints: [] };
    const ir: ProjectIR = {
      models: [address, m('Maybe', [f('score', { kind: 'nullable', type: num }), f('at', { kind: 'model', ref: 'Address' })])],
      definitions: [],
    };
    const { lines, data } = tables(ir);
    expect(lines.find((line) => line.startsWith('const schema_Maybe'))).toContain('"openapi-3.0": "#/components/schemas/"');
    for (const target of SCHEMA_TARGETS) {
      for (const mode of ['validation', 'serialization'] as const) {
        const options = { target, mode };
        const expected = target.startsWith('openapi') ? componentSchemas(ir, ['Maybe'], options).Maybe : modelSchema(ir, 'Maybe', options);
        expect(jsonSchema(data('Maybe'), options), `${target} ${mode}`).toStrictEqual(expected);
      }
    }
    expect(jsonSchema(data('Maybe'), { target: 'openapi-3.0' })).toMatchObject({ properties: { score: { type: 'number', nullable: true } } });
  });

  it('writes a target its own texts when moving references would also rewrite data that looks like one', () => {
    const meta: TypeNode = { kind: 'object', fields: [f('$ref', str)], extra: 'ignore' };
    const ir: ProjectIR = {
      models: [address, m('Linked', [f('at', { kind: 'model', ref: 'Address' }), f('meta', meta, { default: { $ref: '#/$defs/Address' } })])],
      definitions: [],
    };
    const { lines, data } = tables(ir);
    const table = lines.find((line) => line.startsWith('const schema_Linked'))!;
    expect(table).not.toContain('"#/definitions/"');
    expect(table).not.toContain('"#/components/schemas/"');
    for (const target of SCHEMA_TARGETS) {
      const options = { target, mode: 'validation' as const };
      const expected = target.startsWith('openapi') ? componentSchemas(ir, ['Linked'], options).Linked : modelSchema(ir, 'Linked', options);
      expect(jsonSchema(data('Linked'), options), target).toStrictEqual(expected);
    }
    expect(jsonSchema(data('Linked'), { target: 'draft-07' })).toMatchObject({ properties: { meta: { default: { $ref: '#/$defs/Address' } } } });
  });
});
