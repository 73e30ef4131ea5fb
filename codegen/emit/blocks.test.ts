import { describe, expect, it } from 'vitest';
import type { DefinitionIR, FieldIR, ModelIR, ProjectIR, TypeNode } from '../ir';
import { BlockCache } from './blocks';
import { emitModule, type ModuleOptions } from './module';

const loc = { file: 'm.ts', line: 1, column: 1 };
const f = (name: string, type: TypeNode, extra: Partial<FieldIR> = {}): FieldIR => ({ name, type, optional: false, loc, ...extra });
const m = (id: string, fields: FieldIR[], extra: Partial<ModelIR> = {}): ModelIR => ({ id, name: id, module: 'm.ts', exportName: id, extra: 'ignore', fields, loc, ...extra });
const str: TypeNode = { kind: 'string', constraints: [] };
const pattern = (source: string): TypeNode => ({ kind: 'string', constraints: [{ kind: 'pattern', source, flags: '' }] });
const ref = (id: string): TypeNode => ({ kind: 'model', ref: id });
const tag = (value: string): TypeNode => ({ kind: 'literal', values: [value] });

/** Emits each module with one cache, as `--watch` does, checking each against a fresh emit; returns the blocks reused each time. */
function emitEach(irs: readonly ProjectIR[], ts = true): number[] {
  const options: ModuleOptions = { ts, runtime: 'tydantic/internal', specifier: (x) => `./${x}` };
  const cache = new BlockCache();
  return irs.map((ir) => {
    expect(emitModule(ir, { ...options, cache })).toBe(emitModule(ir, options));
    return cache.reused;
  });
}

describe('BlockCache', () => {
  const a = m('A', [f('code', pattern('^a'))]);
  const b = m('B', [f('code', pattern('^b')), f('a', ref('A'))]);
  const c = m('C', [f('name', str), f('b', ref('B'))]);

  it('reuses every block of an unchanged module, and those a changed model does not reach', () => {
    const ir: ProjectIR = { models: [a, b, c], definitions: [] };
    const changed: ProjectIR = { models: [a, b, m('C', [f('name', str), f('b', ref('B')), f('note', str, { optional: true })])], definitions: [] };
    expect(emitEach([ir, ir, changed])).toEqual([0, 3, 2]);
  });

  it('reuses blocks whose hoisted constants are numbered anew after an earlier model gains one', () => {
    const more: ProjectIR = { models: [m('A', [f('code', pattern('^a')), f('x', pattern('^x'))]), b, c], definitions: [] };
    const fewer: ProjectIR = { models: [m('A', [f('code', str)]), b, c], definitions: [] };
    expect(emitEach([{ models: [a, b, c], definitions: [] }, more, fewer])).toEqual([0, 2, 2]);
  });

  it('takes an equal model made anew for the same one', () => {
    const copy = JSON.parse(JSON.stringify(b)) as ModelIR;
    expect(emitEach([{ models: [a, b, c], definitions: [] }, { models: [a, copy, c], definitions: [] }])).toEqual([0, 3]);
  });

  it('emits again a model whose build depends on one that is no longer buildable', () => {
    // C's own IR is the same object throughout; only A's `extra` changes, and with it whether B and C get a build.
    const allow: ProjectIR = { models: [m('A', [f('code', pattern('^a'))], { extra: 'allow' }), b, c], definitions: [] };
    expect(emitEach([{ models: [a, b, c], definitions: [] }, allow, { models: [a, b, c], definitions: [] }])).toEqual([0, 0, 0]);
  });

  it('emits again a discriminated union when a member it inlines changes', () => {
    const cat = m('Cat', [f('kind', tag('cat')), f('lives', { kind: 'number', constraints: [] })]);
    const dog = m('Dog', [f('kind', tag('dog'))]);
    const owner = m('Owner', [f('pet', { kind: 'union', members: [ref('Cat'), ref('Dog')], discriminator: 'kind' })]);
    const ir: ProjectIR = { models: [owner, cat, dog], definitions: [] };
    const changed: ProjectIR = { models: [owner, cat, m('Dog', [f('kind', tag('dog')), f('good', { kind: 'boolean' })])], definitions: [] };
    expect(emitEach([ir, changed, ir])).toEqual([0, 1, 1]);
  });

  it('keeps the dump functions of recursive definitions that reused blocks call', () => {
    const json: DefinitionIR = {
      id: 'Json',
      name: 'Json',
      type: { kind: 'union', members: [str, { kind: 'array', items: { kind: 'ref', ref: 'Json', name: 'Json' }, constraints: [] }] },
      loc,
    };
    const doc = m('Doc', [f('body', { kind: 'array', items: { kind: 'ref', ref: 'Json', name: 'Json' }, constraints: [] })]);
    const ir: ProjectIR = { models: [doc, a], definitions: [json] };
    const changed: ProjectIR = { models: [doc, m('A', [f('code', str)])], definitions: [json] };
    expect(emitEach([ir, changed], false)).toEqual([0, 1]);
  });

  it('drops every block when the ids change, since every name may', () => {
    const renamed: ProjectIR = { models: [m('A2', [f('code', pattern('^a'))]), m('B', [f('code', pattern('^b')), f('a', ref('A2'))]), c], definitions: [] };
    expect(emitEach([{ models: [a, b, c], definitions: [] }, renamed])).toEqual([0, 0]);
  });
});
