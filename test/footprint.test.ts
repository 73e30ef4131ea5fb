/**
 * The runtime's footprint (docs/performance.md, "Runtime footprint"): what a project's
 * generated module imports, bundled with esbuild as a user's bundler would, stays within
 * 6 KB minified and gzipped, and code for what a project does not use drops out.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { repo } from './helpers/compile';

/** What users import themselves, besides what the generated module imports. */
const USER_NAMES = ['Model', 'model', 'field', 'ValidationError'];

/** The runtime's exports that `file` (a generated module) imports, not counting types. */
function importsOf(file: string): string[] {
  const head = /import \{([^}]*)\} from "tydantic"/.exec(readFileSync(path.join(repo, file), 'utf8'))?.[1] ?? '';
  return head.split(',').map((name) => name.trim()).filter((name) => name !== '' && !name.startsWith('type '));
}

/** The runtime bundled (minified ESM) for code that uses only `names`. */
async function bundle(names: readonly string[]): Promise<string> {
  const result = await build({
    stdin: { contents: `export { ${names.join(', ')} } from ${JSON.stringify(path.join(repo, 'src/index.ts'))};`, resolveDir: repo, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    write: false,
    logLevel: 'error',
  });
  return result.outputFiles[0]!.text;
}

describe('runtime footprint', () => {
  it("the examples' generated module and the user's imports bundle to at most 6 KB min + gzip", async () => {
    const code = await bundle([...new Set([...USER_NAMES, ...importsOf('examples/tydantic.gen.ts')])]);
    expect(gzipSync(code, { level: 9 }).length).toBeLessThanOrEqual(6 * 1024);
  });

  it('a project that uses one string format bundles no other format', async () => {
    const code = await bundle([...USER_NAMES, 'issue', 'isEmail', 'emailIssue']);
    expect(code).toContain('An email address must have an @-sign.');
    for (const other of ['relative URL without a base', 'invalid group count', 'invalid character in year', 'canParse']) {
      expect(code).not.toContain(other);
    }
    const date = await bundle([...USER_NAMES, 'issue', 'isDateString', 'dateReason']);
    expect(date).toContain('invalid character in year');
    expect(date).not.toContain('@-sign');
  });

  it('importing the runtime runs nothing: an unused import bundles to nothing', async () => {
    const result = await build({
      stdin: { contents: `import ${JSON.stringify(path.join(repo, 'src/index.ts'))};`, resolveDir: repo, loader: 'js' },
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'neutral',
      write: false,
      logLevel: 'error',
    });
    expect(result.outputFiles[0]!.text.trim()).toBe('');
  });
});
