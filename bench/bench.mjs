// `npm run bench [-- --smoke]`: installs the bench package if needed, builds tydantic,
// compiles the bench's models with `tydantic generate` and typia's with `typia generate`,
// bundles bench/src/run.ts with esbuild for node20, and runs it.
// `npm run bench -- --worst-case [--smoke]` runs bench/src/worst-case-cli.ts instead: the worst-case inputs alone.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const bench = path.dirname(fileURLToPath(import.meta.url));
const root = path.dirname(bench);
const args = process.argv.slice(2);
const entry = args.includes('--worst-case') ? 'worst-case-cli' : 'run';
const run = (cmd, argv, cwd = root) => execFileSync(cmd, argv, { cwd, stdio: 'inherit' });
const step = (what) => console.log(`\n▸ ${what}`);

if (!existsSync(path.join(bench, 'node_modules'))) {
  step('installing the bench package (npm ci --prefix bench)');
  run('npm', ['ci', '--prefix', 'bench', '--no-audit', '--no-fund']);
}
step('building tydantic');
run('npm', ['run', 'build', '--silent']);
step('tydantic generate');
run(process.execPath, ['codegen/dist/cli.js', 'generate', '-p', 'bench/src/tydantic/tsconfig.json']);
run(process.execPath, ['codegen/dist/cli.js', 'generate', '-p', 'bench/src/hostile/tsconfig.json']);
step('typia generate');
run(path.join(bench, 'node_modules/.bin/typia'), ['generate', '--input', 'src/typia-in', '--output', 'src/typia-out', '--project', 'tsconfig.json'], bench);
step('typechecking the bench (TypeScript 5.9)');
run(path.join(bench, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.json'], bench);
step('bundling the bench');
// esbuild is the root's devDependency: resolved from here, not installed twice.
const { build } = await import('esbuild');
await build({
  entryPoints: [path.join(bench, `src/${entry}.ts`)],
  outfile: path.join(bench, `.out/${entry}.mjs`),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['esbuild', 'typescript'],
  alias: { tydantic: path.join(root, 'src/index.ts'), 'tydantic/internal': path.join(root, 'src/internal.ts') },
  // CommonJS dependencies (class-validator, ajv …) call require on Node built-ins.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: 'error',
});
step(`running${args.length > 0 ? ` (${args.join(' ')})` : ''}`);
// --expose-gc: the worst-case inputs measure the heap an error keeps after a collection.
run(process.execPath, ['--expose-gc', path.join(bench, `.out/${entry}.mjs`), ...args.filter((a) => a !== '--worst-case')]);
