/**
 * The runtime's footprint as a user's bundler sees it: what `test/footprint.test.ts` keeps within budget and
 * the bench reports (`bench/src/extras.ts`), measured one way for both.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/** What users import from `tydantic` themselves, besides what the generated module imports. */
export const USER_NAMES: readonly string[] = ['Model', 'model', 'field', 'ValidationError'];

/** The runtime exports a generated module imports (types left out), with `USER_NAMES`: what its project bundles. */
export function projectImports(generatedFile: string): string[] {
  const head = /import \{([^}]*)\} from "tydantic\/internal"/.exec(readFileSync(generatedFile, 'utf8'))?.[1] ?? '';
  const names = head.split(',').map((name) => name.trim()).filter((name) => name !== '' && !name.startsWith('type '));
  return [...new Set([...USER_NAMES, ...names])].sort();
}

/**
 * `names` of the runtime whose public entry is `entry` (`index.ts` or `index.js`; the helpers of generated code
 * come from `internal` beside it), every export with `'*'`, bundled as a user's bundler would: esbuild,
 * minified ESM for any platform; the code, and its size minified and gzipped (level 9).
 */
export async function bundleRuntime(entry: string, names: readonly string[] | '*'): Promise<{ code: string; min: number; gzip: number }> {
  const internal = JSON.stringify(path.join(path.dirname(entry), `internal${path.extname(entry)}`));
  const index = JSON.stringify(entry);
  const user = names === '*' ? [] : names.filter((name) => USER_NAMES.includes(name));
  const helpers = names === '*' ? [] : names.filter((name) => !USER_NAMES.includes(name));
  const contents =
    names === '*'
      ? `export * from ${index};\nexport * from ${internal};`
      : `export { ${user.join(', ')} } from ${index};\nexport { ${helpers.join(', ')} } from ${internal};`;
  const result = await build({
    stdin: { contents, resolveDir: path.dirname(entry), loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    write: false,
    logLevel: 'error',
  });
  const code = result.outputFiles[0]!.text;
  return { code, min: result.outputFiles[0]!.contents.length, gzip: gzipSync(code, { level: 9 }).length };
}
