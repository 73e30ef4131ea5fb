// `npm run test:pack`: install the packed tarball into a fresh project, as a
// user would, in both decorator modes: generate, bundle with esbuild, run,
// and check the exact issues; then check a bad model fails with a diagnostic.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { build } from 'esbuild';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const work = mkdtempSync(path.join(tmpdir(), 'tydantic-pack-'));
const npm = (args, cwd) => execFileSync('npm', args, { cwd, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });

try {
  npm(['pack', '--pack-destination', work, '--silent'], root);
  const tarball = path.join(work, readdirSync(work).find((f) => f.endsWith('.tgz')));
  let passed = 0;
  for (const mode of ['standard', 'legacy']) {
    const app = path.join(work, mode);
    mkdirSync(app);
    writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: `app-${mode}`, private: true, type: 'module' }));
    npm(['install', '--no-audit', '--no-fund', '--silent', tarball], app);
    cpSync(path.join(root, 'examples/models'), path.join(app, 'src/models'), { recursive: true });
    writeFileSync(
      path.join(app, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          strict: true,
          skipLibCheck: true,
          ...(mode === 'legacy' ? { experimentalDecorators: true } : {}),
        },
        include: ['src'],
      }),
    );
    // NodeNext wants explicit extensions in the user's own imports.
    const order = path.join(app, 'src/models/order.ts');
    execFileSync('sed', ['-i', "s#from './address'#from './address.js'#", order]);
    writeFileSync(
      path.join(app, 'src/main.ts'),
      [
        "import '../tydantic.gen.js';",
        "import { CreateOrder } from './models/order.js';",
        'const ok = CreateOrder.parse({ customer: "A", email: "a@b.co", items: [{ sku: "x", quantity: 1, price: 2 }],',
        '  shipTo: { street: "s", city: "c", zip: "12345" }, placedAt: "2024-01-01T00:00:00Z" });',
        'const bad = CreateOrder.safeParse({ customer: "", email: "a@b.co", items: [{ sku: "x", quantity: 0.5, price: 2 }, {}],',
        '  shipTo: { street: "s", city: "c", zip: "1" }, billTo: null, placedAt: "nope" });',
        'console.log(JSON.stringify({ total: ok.total(), label: ok.shipTo.oneLine, issues: bad.success ? [] : bad.error.issues.map((i) => [i.loc.join("."), i.type]) }));',
      ].join('\n'),
    );
    const generate = spawnSync('npx', ['tydantic', 'generate'], { cwd: app, encoding: 'utf8' });
    assert.equal(generate.status, 0, generate.stderr);
    assert.match(generate.stdout, /wrote tydantic\.gen\.ts \(3 models\)/);
    await build({
      entryPoints: [path.join(app, 'src/main.ts')],
      outfile: path.join(app, 'out.mjs'),
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      absWorkingDir: app,
      logLevel: 'error',
    });
    const result = JSON.parse(execFileSync(process.execPath, [path.join(app, 'out.mjs')], { encoding: 'utf8' }));
    assert.deepEqual(result, {
      total: 2,
      label: 's, c 12345, US',
      issues: [
        ['customer', 'string_too_short'],
        ['items.0.quantity', 'int_from_float'],
        ['items.1.sku', 'missing'],
        ['items.1.quantity', 'missing'],
        ['items.1.price', 'missing'],
        ['shipTo.zip', 'string_pattern_mismatch'],
        ['placedAt', 'datetime_parsing'],
      ],
    });
    passed++;

    writeFileSync(
      path.join(app, 'src/bad.ts'),
      "import { Model, model } from 'tydantic';\n@model()\nexport class Bad extends Model {\n  run!: () => void;\n}\n",
    );
    const failing = spawnSync('npx', ['tydantic', 'generate', '--check'], { cwd: app, encoding: 'utf8' });
    assert.equal(failing.status, 1);
    assert.match(failing.stderr, /^src\/bad\.ts:4:9 - error: Bad\.run: '\(\) => void' is a function type/);
    passed++;
  }
  console.log(`pack: ${passed} passed, 0 failed`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
