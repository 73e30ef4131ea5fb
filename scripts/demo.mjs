// `npm run demo`: compile the examples' models, bundle the demo, run it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const run = (args) => execFileSync(process.execPath, args, { cwd: root, stdio: 'inherit' });

console.log('$ tydantic generate --project examples/tsconfig.json');
run([path.join(root, 'codegen/dist/cli.js'), 'generate', '--project', 'examples/tsconfig.json']);

const dir = mkdtempSync(path.join(tmpdir(), 'tydantic-demo-'));
try {
  const outfile = path.join(dir, 'main.mjs');
  await build({
    entryPoints: [path.join(root, 'examples/main.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20', // lowers the standard decorators, which Node 20 cannot run
    logLevel: 'warning',
  });
  console.log('$ node examples/main.ts (bundled with esbuild)\n');
  run([outfile]);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
