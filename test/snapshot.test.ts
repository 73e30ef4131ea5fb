/**
 * The generated code, byte for byte. The snapshot is a real module beside the
 * fixture's models, so the project's typecheck also compiles it (strict,
 * noUnusedLocals), and the parse tests run the same text.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Generator } from '../codegen/generate';
import { prepareFixture } from './helpers/compile';

describe('generated code', () => {
  it('matches the snapshot for the basic fixture', async () => {
    const dir = prepareFixture('basic', 'standard');
    const { code, diagnostics } = new Generator({ project: path.join(dir, 'tsconfig.json') }).run();
    expect(diagnostics).toEqual([]);
    await expect(code).toMatchFileSnapshot('fixtures/basic/tydantic.gen.ts');
  });

  it('matches the snapshot for the examples', async () => {
    const { code, diagnostics } = new Generator({ project: path.join(__dirname, '../examples/tsconfig.json') }).run();
    expect(diagnostics).toEqual([]);
    await expect(code).toMatchFileSnapshot('../examples/tydantic.gen.ts');
  });
});

describe('IR', () => {
  it('is plain JSON and matches the snapshot for the examples', async () => {
    const { ir } = new Generator({ project: path.join(__dirname, '../examples/tsconfig.json') }).run();
    expect(JSON.parse(JSON.stringify(ir))).toStrictEqual(ir);
    await expect(`${JSON.stringify(ir, null, 2)}\n`).toMatchFileSnapshot('__snapshots__/examples.ir.json');
  });
});
