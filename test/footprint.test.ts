/**
 * The runtime's footprint (docs/performance.md, "Runtime footprint"): what a project's
 * generated module imports, bundled with esbuild as a user's bundler would, stays within
 * 6 KB minified and gzipped, and code for what a project does not use drops out.
 */
import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { repo } from './helpers/compile';
import { bundleRuntime, projectImports, USER_NAMES } from './helpers/footprint';

/** The runtime's source bundled (minified ESM) for code that uses only `names`. */
const bundle = async (names: readonly string[]): Promise<string> => (await bundleRuntime(path.join(repo, 'src/index.ts'), names)).code;

describe('runtime footprint', () => {
  // 6 KB until issue 14: bounded issues, hidden inputs, extras kept apart, built-ins refused, Dates read from
  // their slot and kept in range, regex overflow caught and errors that never throw cost about 1.3 KB
  // (docs/performance.md, "The fifth round"); 7 KB until issue 15: link's check for a stale module costs 0.26 KB;
  // 7.25 KB until issue 16: Standard Schema's `validate` costs 0.1 KB, and the example services' models use the
  // Email format, whose validator (1.2 KB) the examples did not need before.
  it("the examples' generated module and the user's imports bundle to at most 9 KB min + gzip", async () => {
    const { gzip } = await bundleRuntime(path.join(repo, 'src/index.ts'), projectImports(path.join(repo, 'examples/tydantic.gen.ts')));
    expect(gzip).toBeLessThanOrEqual(9 * 1024);
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
