// `npm run bench [-- --smoke]`: installs the bench package if needed, builds tydantic,
// compiles the bench's models with `tydantic generate` and typia's with `typia generate`,
// bundles bench/src/run.ts with esbuild for node20, and runs it.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const bench = path.dirname(fileURLToPath(import.meta.url));
const root = path.dirname(bench);
const args = process.argv.slice(2);
const run = (cmd, argv, cwd = root) => execFileSync(cmd, argv, { cwd, stdio: 'inherit' });
const step = (what) => console.log(`\n▸ ${what}`);

if (!existsSync(path.join(bench, 'node_modules'))) {
  step('installing the bench package (npm ci --prefix bench)');
  run('npm', ['ci', '--prefix', 'bench', '--no-audit', '--no-fund']);
}
step('building tydantic');
run('npm', ['run', 'build', '--silent']);
step('tydantic generate');
run(process.execPath, ['dist/cli.js', 'generate', '-p', 'bench/src/tydantic/tsconfig.json']);
step('typia generate');
run(path.join(bench, 'node_modules/.bin/typia'), ['generate', '--input', 'src/typia-in', '--output', 'src/typia-out', '--project', 'tsconfig.json'], bench);
step('typechecking the bench (TypeScript 5.9)');
run(path.join(bench, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.json'], bench);
step('bundling the bench');
// esbuild is the root's devDependency: resolved from here, not installed twice.
const { build } = await import('esbuild');
await build({
  entryPoints: [path.join(bench, 'src/run.ts')],
  outfile: path.join(bench, '.out/run.mjs'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['esbuild', 'typescript'],
  alias: { tydantic: path.join(root, 'src/index.ts') },
  // CommonJS dependencies (class-validator, ajv …) call require on Node built-ins.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: 'error',
});
step(`running${args.length > 0 ? ` (${args.join(' ')})` : ''}`);
run(process.execPath, [path.join(bench, '.out/run.mjs'), ...args]);
