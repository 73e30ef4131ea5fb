/**
 * Generated code grows with the number of distinct types, never with the number of paths through them: a
 * type used in several places is written once and called (the 47 MB module of a webhook-types project came
 * from writing each interface at every path that reaches it).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { compileFixture, type Compiled } from './helpers/compile';

/** Interfaces L0 … L{n-1}, each holding the next twice: 2^n paths from L0 to the leaf, n + 1 types. */
function ladder(n: number, prefix: string): string {
  const lines = Array.from({ length: n }, (_, i) => `export interface ${prefix}${i} { a: ${prefix}${i + 1}; b: ${prefix}${i + 1} }`);
  return [...lines, `export interface ${prefix}${n} { leaf: string }`].join('\n');
}

describe('a type reached by many paths', () => {
  let compiled: Compiled;
  beforeAll(async () => {
    const index = [
      "import { Model, model } from 'tydantic';",
      ladder(40, 'Deep'),
      ladder(6, 'Small'),
      '@model()',
      'export class Deep extends Model {',
      '  top!: Deep0;',
      '}',
      // A type used once but large, holding another: functions of their own instead of one huge parse.
      `export interface Wide { ${Array.from({ length: 70 }, (_, i) => `a${i}: string;`).join(' ')} inner: { ${Array.from({ length: 70 }, (_, i) => `b${i}: number;`).join(' ')} } }`,
      '@model()',
      'export class Big extends Model {',
      '  wide!: Wide;',
      '}',
      '@model()',
      'export class Small extends Model {',
      '  top!: Small0;',
      '  again?: Small3;',
      '}',
    ].join('\n');
    compiled = await compileFixture('basic', 'standard', { index });
  });

  it('is written once per type: 2^40 paths, 40 definitions, a module that grows by a few hundred bytes a type', () => {
    const { ir, code } = compiled.result;
    const deep = ir.definitions.filter((d) => d.name.startsWith('Deep'));
    // Deep0 is used once (by the model): written in place. Every other level is used twice.
    expect(deep.map((d) => d.name).sort()).toEqual(Array.from({ length: 40 }, (_, i) => `Deep${i + 1}`).sort());
    for (const d of deep) expect(code.match(new RegExp(`^function (is|parse)_${d.id}\\(`, 'gm'))).toHaveLength(2);
    const start = code.indexOf('// Deep1 (shared)');
    const end = code.indexOf('// Deep40 (shared)');
    expect((end - start) / 39).toBeLessThan(2000);
  });

  it('gives a large type used once functions of its own, and so the type it holds in place', () => {
    const { ir } = compiled.result;
    expect(ir.definitions.filter((d) => d.name === 'Wide' || d.name === 'inner').map((d) => d.name).sort()).toEqual(['Wide', 'inner']);
    // A small type used once stays in place: Small0 is no definition.
    expect(ir.definitions.some((d) => d.name === 'Small0')).toBe(false);
    const wide: Record<string, unknown> = Object.fromEntries(Array.from({ length: 70 }, (_, i) => [`a${i}`, 's']));
    wide['inner'] = Object.fromEntries(Array.from({ length: 70 }, (_, i) => [`b${i}`, i]));
    expect(compiled.exports.Big.parse({ wide }).wide.inner.b69).toBe(69);
    const broken = { wide: { ...wide, a3: 3, inner: { ...(wide['inner'] as object), b5: 'x' } } };
    expect(compiled.exports.Big.safeParse(broken).error.issues.map((issue: { loc: unknown[] }) => issue.loc.join('.'))).toEqual(['wide.a3', 'wide.inner.b5']);
  });

  it('validates through the shared functions, with every location exact', () => {
    const { exports: m } = compiled;
    const tree = (levels: number, leaf: unknown): Record<string, unknown> => (levels === 0 ? { leaf } : { a: tree(levels - 1, leaf), b: tree(levels - 1, leaf) });
    // The same object at every place of a level: 64 paths to one leaf object.
    let node: Record<string, unknown> = { leaf: 'x' };
    for (let i = 0; i < 6; i++) node = { a: node, b: node };
    const out = m.Small.parse({ top: node, again: tree(3, 'y') });
    expect(out.top.b.a.b.a.b.a.leaf).toBe('x');
    expect(out.top.a).not.toBe(out.top.b);
    const again = tree(3, 'y') as any;
    again.a.a.a.leaf = 1;
    delete again.b.b;
    const broken = { top: { ...node, b: { ...(node['b'] as object), a: 5 } }, again };
    expect(m.Small.safeParse(broken).error.issues.map((issue: { type: string; loc: unknown[] }) => [issue.type, issue.loc.join('.')])).toEqual([
      ['dict_type', 'top.b.a'],
      ['string_type', 'again.a.a.a.leaf'],
      ['missing', 'again.b.b'],
    ]);
    expect(m.Small.is(out)).toBe(true);
  });
});
