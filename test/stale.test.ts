/**
 * A generated module older than its models fails loudly where it links them (issue 15, item 2): a field
 * added, removed or renamed after `tydantic generate` is named in the error, in both decorator modes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { Generator } from '../codegen/generate';
import { type DecoratorMode, prepareFixture, repo } from './helpers/compile';

/** Generates the examples' module, applies `edit` to address.ts afterwards, then bundles and loads them together. */
async function loadAfter(mode: DecoratorMode, edit: (source: string) => string): Promise<Record<string, any>> {
  const dir = prepareFixture('examples', mode);
  const result = new Generator({ project: path.join(dir, 'tsconfig.json') }).run();
  writeFileSync(result.outFile, result.code);
  const file = path.join(dir, 'models/address.ts');
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
  writeFileSync(path.join(dir, 'entry.ts'), "import './tydantic.gen';\nexport * from './models/address';\n");
  const outfile = path.join(dir, `stale-${mode}.mjs`);
  await build({
    entryPoints: [path.join(dir, 'entry.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    alias: { tydantic: path.join(repo, 'src/index.ts'), 'tydantic/internal': path.join(repo, 'src/internal.ts') },
    logLevel: 'error',
  });
  return (await import(/* @vite-ignore */ pathToFileURL(outfile).href)) as Record<string, any>;
}

const FIX = 'Run `npx tydantic generate` (and `npx tydantic generate --check` in CI)';

describe.each(['standard', 'legacy'] as const)('a stale module, %s decorators', (mode) => {
  it('links an unchanged model silently', async () => {
    const { Address } = await loadAfter(mode, (s) => s);
    expect(Address.parse({ street: 's', city: 'c', zip: '12345' }).country).toBe('US');
  });

  it('names a field added after generation', async () => {
    await expect(loadAfter(mode, (s) => s.replace("country: 'US' | 'CA' = 'US';", "country: 'US' | 'CA' = 'US';\n  floor = 0;\n  note?: string;"))).rejects.toThrow(
      `Address changed after its validator was generated: 'floor', 'note' are declared but not in the generated module. ${FIX}`,
    );
  });

  it('names a field removed after generation', async () => {
    await expect(loadAfter(mode, (s) => s.replace('  city!: string;\n', ''))).rejects.toThrow(
      `Address changed after its validator was generated: 'city' is in the generated module but no longer declared. ${FIX}`,
    );
  });

  it('names both sides of a renamed field', async () => {
    await expect(loadAfter(mode, (s) => s.replace('city!: string;', 'town!: string;'))).rejects.toThrow(
      `Address changed after its validator was generated: 'town' is declared but not in the generated module; 'city' is in the generated module but no longer declared. ${FIX}`,
    );
  });
});
