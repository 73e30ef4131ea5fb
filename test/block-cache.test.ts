/**
 * The block cache of `--watch` against fresh emits: the basic fixture's IR,
 * changed one model (or recursive definition) at a time in ways that reach
 * other models' blocks and schema texts (buildability, a discriminated
 * union's inlined members and tags, hoisted constants, union member kinds),
 * then changed back. With
 * one cache throughout, every module must be the one a fresh emit writes.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BlockCache } from '../codegen/emit/blocks';
import { emitModule, type ModuleOptions } from '../codegen/emit/module';
import { Generator } from '../codegen/generate';
import type { DefinitionIR, FieldIR, ModelIR, ProjectIR } from '../codegen/ir';
import { prepareFixture } from './helpers/compile';

const CHANGES: Record<string, (model: ModelIR) => ModelIR> = {
  'drops its last field': (m) => ({ ...m, fields: m.fields.slice(0, -1) }),
  'keeps extra keys (no build)': (m) => ({ ...m, extra: 'allow' }),
  'makes every field optional': (m) => ({ ...m, fields: m.fields.map((f): FieldIR => ({ ...f, optional: true })) }),
  // A discriminated union's member with another tag: the union's model gets other checks and another schema mapping.
  'renames its string literals': (m) => ({
    ...m,
    fields: m.fields.map((f): FieldIR =>
      f.type.kind === 'literal' ? { ...f, type: { ...f.type, values: f.type.values.map((v) => (typeof v === 'string' ? `${v}2` : v)) } } : f,
    ),
  }),
  'gains a field with a pattern first': (m) => ({
    ...m,
    fields: [{ name: 'added', type: { kind: 'string', constraints: [{ kind: 'pattern', source: `^${m.id}$`, flags: '' }] }, optional: false, loc: m.loc }, ...m.fields],
  }),
};

describe('BlockCache on the basic fixture', () => {
  const options: ModuleOptions = { ts: true, runtime: 'tydantic/internal', specifier: (x) => `./${x}` };
  const fresh = (ir: ProjectIR): string | Error => {
    try {
      return emitModule(ir, options);
    } catch (error) {
      // A change can make the IR one extraction never gives (a union member without its tag): both must fail.
      return error as Error;
    }
  };
  const cached = (ir: ProjectIR, cache: BlockCache): string | Error => {
    try {
      return emitModule(ir, { ...options, cache });
    } catch (error) {
      return error as Error;
    }
  };

  it('writes the modules a fresh emit writes, model by model and change by change', async () => {
    const dir = prepareFixture('basic', 'standard');
    const { ir, diagnostics } = new Generator({ project: path.join(dir, 'tsconfig.json') }).run();
    expect(diagnostics).toEqual([]);
    const cache = new BlockCache();
    expect(cached(ir, cache)).toBe(fresh(ir));
    const changed: ProjectIR[] = [];
    for (const change of Object.values(CHANGES)) {
      ir.models.forEach((model, i) => changed.push({ ...ir, models: ir.models.map((m, j) => (j === i ? change(model) : m)) }));
    }
    ir.definitions.forEach((definition, i) => {
      const plain: DefinitionIR = { ...definition, type: { kind: 'string', constraints: [] } };
      changed.push({ ...ir, definitions: ir.definitions.map((d, j) => (j === i ? plain : d)) });
    });
    const unchanged = fresh(ir);
    let reused = 0;
    for (const next of changed) {
      for (const [step, expected] of [[next, fresh(next)], [ir, unchanged]] as const) {
        const got = cached(step, cache);
        if (expected instanceof Error) expect(got).toBeInstanceOf(Error);
        else expect(got).toBe(expected);
        reused += cache.reused;
      }
      // Hundreds of emits: let the worker answer vitest between them.
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(reused).toBeGreaterThan(0);
  });
});
