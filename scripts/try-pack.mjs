// `npm run test:pack`: pack both packages and try them as new users would, each in a fresh
// project installed with the documented line (`npm i tydantic && npm i -D @tydantic/compiler`):
//   1. a `tsc --init` project on TypeScript 7: `tydantic generate`, `tsc`, run with Node; also bytes, the
//      string formats, a past date and a `validator<T>()`;
//   2. a TypeScript 6 project in the legacy decorator mode: generate, bundle with esbuild, run;
//   3. a `npm create vite` project (vanilla-ts template) built by Vite with the plugin, then run;
//   4. a production install (`npm ci --omit=dev`) holds the runtime alone;
//   5. the example services (Express, Fastify, Hono) in a TypeScript 7 project: `tsc` types each handler's
//      input from the models, and each service answers over loopback with data, 422 and an OpenAPI document;
//      the Express entry loads its settings (tydantic/settings) and refuses a bad environment with one message;
// and a bad model fails `generate --check` with a located diagnostic.
// Needs the npm registry (TypeScript 7, Vite). `--only=<name>` runs one scenario.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { build } from 'esbuild';
import { Validator } from '@seriousme/openapi-schema-validator';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const work = mkdtempSync(path.join(tmpdir(), 'tydantic-pack-'));
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const quiet = ['--no-audit', '--no-fund', '--silent'];
const npm = (args, cwd) => execFileSync('npm', args, { cwd, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
const npx = (args, cwd) => spawnSync('npx', ['--no-install', ...args], { cwd, encoding: 'utf8' });
const run = (file, cwd) => JSON.parse(execFileSync(process.execPath, [file], { cwd, encoding: 'utf8' }));

/** What every project's main prints for one valid and one invalid order. */
const MAIN = [
  "import { CreateOrder } from './models/order.js';",
  'const ok = CreateOrder.parse({ customer: "A", email: "a@b.co", items: [{ sku: "x", quantity: 1, price: 2 }],',
  '  shipTo: { street: "s", city: "c", zip: "12345" }, placedAt: "2024-01-01T00:00:00Z" });',
  'const bad = CreateOrder.safeParse({ customer: "", email: "a@b.co", items: [{ sku: "x", quantity: 0.5, price: 2 }, {}],',
  '  shipTo: { street: "s", city: "c", zip: "1" }, billTo: null, placedAt: "nope" });',
  'console.log(JSON.stringify({ total: ok.total(), label: ok.shipTo.oneLine, issues: bad.success ? [] : bad.error.issues.map((i) => [i.loc.join("."), i.type]) }));',
].join('\n');
const EXPECTED = {
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
};
/**
 * Issue 18's types and `validator<T>()` in a user's project: TypeScript 7's generic `Uint8Array<ArrayBufferLike>`,
 * base64 from JSON and back, the string formats and a past date, each refused where it is wrong.
 */
const UPLOAD = [
  "import { Model, model, validator, type DateString, type Duration, type IPv4Network, type Past, type TimeString } from 'tydantic';",
  '',
  '@model()',
  'export class Upload extends Model {',
  '  data!: Uint8Array;',
  '  keep!: Duration;',
  '  at!: TimeString;',
  '  allow!: IPv4Network;',
  '  born!: DateString & Past;',
  '}',
  '',
  'export const Sizes = validator<Record<string, number>>();',
  '',
].join('\n');
const UPLOAD_MAIN = [
  "import './tydantic.gen.js';",
  "import { durationMs } from 'tydantic';",
  "import { Sizes, Upload } from './models/upload.js';",
  "const ok = Upload.parseJSON('{\"data\":\"aGk=\",\"keep\":\"PT1M30S\",\"at\":\"12:30\",\"allow\":\"10.0.0.0/8\",\"born\":\"1990-05-01\"}');",
  "const bad = Upload.safeParse({ data: 'a', keep: 'P1X', at: '25:00', allow: '10.0.0.1/8', born: '2999-01-01' });",
  "const sizes = Sizes.safeParse({ a: '1', b: 'x' });",
  'console.log(JSON.stringify({',
  '  bytes: [...ok.data], json: JSON.parse(JSON.stringify(ok)), ms: durationMs(ok.keep),',
  '  issues: bad.success ? [] : bad.error.issues.map((i) => [i.loc.join("."), i.type]),',
  '  sizes: sizes.success ? [] : sizes.error.issues.map((i) => [i.loc.join("."), i.type]),',
  '}));',
].join('\n');
const UPLOAD_EXPECTED = {
  bytes: [104, 105],
  json: { data: 'aGk=', keep: 'PT1M30S', at: '12:30', allow: '10.0.0.0/8', born: '1990-05-01' },
  ms: 90_000,
  issues: [
    ['data', 'bytes_invalid_encoding'],
    ['keep', 'time_delta_parsing'],
    ['at', 'time_parsing'],
    ['allow', 'ip_v4_network'],
    ['born', 'date_past'],
  ],
  sizes: [['b', 'float_parsing']],
};
const BAD = "import { Model, model } from 'tydantic';\n@model()\nexport class Bad extends Model {\n  run!: () => void;\n}\n";

/** A fresh project in `work/name` with `package.json`, both packages installed as the README says. */
function project(name, tarballs, packageJson = { name: `app-${name}`, private: true, type: 'module' }) {
  const app = path.join(work, name);
  mkdirSync(app, { recursive: true });
  writeFileSync(path.join(app, 'package.json'), JSON.stringify(packageJson, null, 2));
  npm(['install', ...quiet, tarballs.runtime], app);
  npm(['install', ...quiet, '-D', tarballs.compiler], app);
  return app;
}

/** The examples' models in `dir`, their relative imports with the `.js` that Node's resolution wants. */
function copyModels(dir) {
  cpSync(path.join(root, 'examples/models'), dir, { recursive: true });
  const order = path.join(dir, 'order.ts');
  writeFileSync(order, readFileSync(order, 'utf8').replace("from './address'", "from './address.js'"));
}

/** `tsc --init`, then sources in src/ built to dist/, for ES2022 (ESNext keeps decorators as written, and no runtime runs them yet). */
function tscInit(app) {
  const init = npx(['tsc', '--init'], app);
  assert.equal(init.status, 0, init.stdout + init.stderr);
  editTsconfig(app, [
    [/"target": "esnext"/, '"target": "es2022"'],
    [/\/\/ "rootDir": "\.\/src",/, '"rootDir": "./src",'],
    [/\/\/ "outDir": "\.\/dist",/, '"outDir": "./dist",'],
  ]);
}

/** `tsc --init`'s config (JSON with comments) with `edits` applied to its text. */
function editTsconfig(app, edits) {
  const file = path.join(app, 'tsconfig.json');
  let text = readFileSync(file, 'utf8');
  for (const [from, to] of edits) {
    assert.ok(from.test(text), `tsconfig.json has no ${from}`);
    text = text.replace(from, to);
  }
  writeFileSync(file, text);
}

const scenarios = {
  /** `npm init`, TypeScript 7, `tsc --init`: module nodenext, strict, verbatimModuleSyntax; tsc builds, Node runs. */
  tsc7(tarballs) {
    const app = project('tsc7', tarballs);
    npm(['install', ...quiet, '-D', '-E', 'typescript@7.0.2'], app);
    tscInit(app);
    copyModels(path.join(app, 'src/models'));
    writeFileSync(path.join(app, 'src/main.ts'), `import './tydantic.gen.js';\n${MAIN}\n`);
    writeFileSync(path.join(app, 'src/models/upload.ts'), UPLOAD);
    writeFileSync(path.join(app, 'src/upload.ts'), `${UPLOAD_MAIN}\n`);
    const generate = npx(['tydantic', 'generate'], app);
    assert.equal(generate.status, 0, generate.stdout + generate.stderr);
    assert.match(generate.stdout, /^wrote src\/tydantic\.gen\.ts \(compiled 4 models and 1 validator in \d+\.\d s\)$/m);
    const tsc = npx(['tsc'], app);
    assert.equal(tsc.status, 0, tsc.stdout + tsc.stderr);
    assert.deepEqual(run(path.join(app, 'dist/main.js'), app), EXPECTED);
    assert.deepEqual(run(path.join(app, 'dist/upload.js'), app), UPLOAD_EXPECTED);
    badModel(app, 'src/bad.ts');
  },

  /** TypeScript 6, NodeNext, legacy decorators; esbuild bundles. */
  legacy6(tarballs) {
    const app = project('legacy6', tarballs);
    npm(['install', ...quiet, '-D', '-E', 'typescript@6.0.3'], app);
    writeFileSync(
      path.join(app, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { target: 'ES2022', module: 'NodeNext', skipLibCheck: true, experimentalDecorators: true, rootDir: 'src', outDir: 'dist' },
        include: ['src'],
      }),
    );
    copyModels(path.join(app, 'src/models'));
    writeFileSync(path.join(app, 'src/main.ts'), `import './tydantic.gen.js';\n${MAIN}\n`);
    const generate = npx(['tydantic', 'generate'], app);
    assert.equal(generate.status, 0, generate.stdout + generate.stderr);
    const tsc = npx(['tsc', '--noEmit'], app);
    assert.equal(tsc.status, 0, tsc.stdout + tsc.stderr);
    return build({
      entryPoints: [path.join(app, 'src/main.ts')],
      outfile: path.join(app, 'out.mjs'),
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      absWorkingDir: app,
      logLevel: 'error',
    }).then(() => assert.deepEqual(run(path.join(app, 'out.mjs'), app), EXPECTED));
  },

  /**
   * `npm create vite` (vanilla-ts: Vite 8, TypeScript 7, standard decorators), the plugin in vite.config.ts and
   * `import 'tydantic/models'` in main.ts: `npm run build` (tsc, then vite build) with no generated file, then the
   * built entry runs under Node (its page code skipped where there is no document).
   */
  vite(tarballs) {
    const create = spawnSync('npm', ['create', '-y', 'vite@9.3.0', 'vite', '--', '--template', 'vanilla-ts', '--no-interactive'], { cwd: work, encoding: 'utf8', input: '' });
    assert.equal(create.status, 0, create.stdout + create.stderr);
    const app = path.join(work, 'vite');
    npm(['install', ...quiet], app);
    npm(['install', ...quiet, tarballs.runtime], app);
    npm(['install', ...quiet, '-D', tarballs.compiler], app);
    copyModels(path.join(app, 'src/models'));
    writeFileSync(
      path.join(app, 'vite.config.ts'),
      [
        "import { defineConfig } from 'vite';",
        "import tydantic from '@tydantic/compiler/vite';",
        '',
        // No modulepreload polyfill, so that the entry also runs where there is no document.
        'export default defineConfig({ plugins: [tydantic()], build: { modulePreload: { polyfill: false } } });',
        '',
      ].join('\n'),
    );
    writeFileSync(
      path.join(app, 'src/main.ts'),
      `import 'tydantic/models';\n${MAIN.replace('console.log(', 'const shown = (')}\n` +
        "if (typeof document === 'undefined') console.log(shown);\nelse document.querySelector<HTMLDivElement>('#app')!.textContent = shown;\n",
    );
    const built = spawnSync('npm', ['run', 'build'], { cwd: app, encoding: 'utf8' });
    assert.equal(built.status, 0, built.stdout + built.stderr);
    assert.equal(readdirSync(app).some((f) => f.includes('.gen.')) || readdirSync(path.join(app, 'src')).some((f) => f.includes('.gen.')), false);
    const entry = readdirSync(path.join(app, 'dist/assets')).find((f) => /^index-.*\.js$/.test(f));
    assert.deepEqual(run(path.join(app, 'dist/assets', entry), app), EXPECTED);
    // A bad model fails the build with its location.
    writeFileSync(path.join(app, 'src/models/bad.ts'), BAD);
    writeFileSync(path.join(app, 'src/main.ts'), `import './models/bad.ts';\n${readFileSync(path.join(app, 'src/main.ts'), 'utf8')}`);
    const failing = spawnSync('npx', ['--no-install', 'vite', 'build'], { cwd: app, encoding: 'utf8' });
    assert.notEqual(failing.status, 0);
    assert.match(failing.stdout + failing.stderr, /src\/models\/bad\.ts:4:9/);
  },

  /**
   * The example services as a new user would run them: TypeScript 7's `tsc --init` project, the frameworks from
   * the registry, the services' code as in examples/ (`.js` added to relative imports); `tsc` checks the handlers'
   * types, then each service answers a valid order (200 with data), an invalid one (422 with located issues),
   * malformed JSON (422 json_invalid) and serves an OpenAPI 3.1 document a validator accepts.
   */
  async services(tarballs) {
    const app = project('services', tarballs);
    npm(['install', ...quiet, '-E', 'express@5.3.0', 'fastify@5.12.8', 'hono@4.13.23', '@hono/node-server@2.1.11'], app);
    npm(['install', ...quiet, '-D', '-E', 'typescript@7.0.2', '@types/express@5.0.6', '@types/node@20.19.43'], app);
    tscInit(app);
    for (const dir of ['service', 'express', 'fastify', 'hono']) {
      for (const file of readdirSync(path.join(root, 'examples', dir))) {
        const text = readFileSync(path.join(root, 'examples', dir, file), 'utf8').replace(/from '(\.{1,2}\/[^']+)'/g, "from '$1.js'").replace("import '../tydantic.gen';", "import '../tydantic.gen.js';");
        mkdirSync(path.join(app, 'src', dir), { recursive: true });
        writeFileSync(path.join(app, 'src', dir, file), text);
      }
    }
    writeFileSync(path.join(app, 'src/config.ts'), readFileSync(path.join(root, 'examples/config.ts'), 'utf8'));
    writeFileSync(
      path.join(app, 'src/main.ts'),
      [
        "import type { AddressInfo } from 'node:net';",
        "import { serve } from '@hono/node-server';",
        "import { createApp as expressApp } from './express/server.js';",
        "import { createApp as fastifyApp } from './fastify/server.js';",
        "import { createApp as honoApp } from './hono/server.js';",
        '',
        'const order = JSON.stringify({ buyer: "Ada", email: "ada@example.org", lines: [{ event: "ABC-001", quantity: "2" }] });',
        'async function exercise(url: string) {',
        '  const post = async (body: string) => {',
        '    const response = await fetch(`${url}/orders`, { method: "POST", body, headers: { "content-type": "application/json" } });',
        '    return [response.status, await response.json()];',
        '  };',
        '  return { valid: await post(order), invalid: await post(\'{"buyer": "", "lines": []}\'), malformed: await post("{"), openapi: await (await fetch(`${url}/openapi.json`)).json() };',
        '}',
        'const results: Record<string, unknown> = {};',
        'const express = expressApp().listen(0, "127.0.0.1");',
        'await new Promise((resolve) => express.once("listening", resolve));',
        'results.express = await exercise(`http://127.0.0.1:${(express.address() as AddressInfo).port}`);',
        'express.close();',
        'const fastify = await fastifyApp();',
        'results.fastify = await exercise(await fastify.listen({ port: 0, host: "127.0.0.1" }));',
        'await fastify.close();',
        'const hono = serve({ fetch: honoApp().fetch, port: 0, hostname: "127.0.0.1" });',
        'await new Promise((resolve) => hono.once("listening", resolve));',
        'results.hono = await exercise(`http://127.0.0.1:${(hono.address() as AddressInfo).port}`);',
        'hono.close();',
        'console.log(JSON.stringify(results));',
        '',
      ].join('\n'),
    );
    const generate = npx(['tydantic', 'generate'], app);
    assert.equal(generate.status, 0, generate.stdout + generate.stderr);
    const tsc = npx(['tsc'], app);
    assert.equal(tsc.status, 0, tsc.stdout + tsc.stderr);
    // A handler that misuses its input is a type error: the types come from the models.
    const hono = path.join(app, 'src/hono/server.ts');
    const kept = readFileSync(hono, 'utf8');
    writeFileSync(hono, kept.replace("c.json(orders.create(c.req.valid('json')))", "c.json(c.req.valid('json').lines.toUpperCase())"));
    const wrong = npx(['tsc', '--noEmit'], app);
    assert.notEqual(wrong.status, 0, wrong.stdout + wrong.stderr);
    assert.match(wrong.stdout, /src\/hono\/server\.ts\(\d+,\d+\): error TS2339: Property 'toUpperCase' does not exist on type 'TicketLine\[\]'/);
    writeFileSync(hono, kept);
    const results = run(path.join(app, 'dist/main.js'), app);
    for (const [name, result] of Object.entries(results)) {
      assert.deepEqual(result.valid[0], 200, name);
      assert.deepEqual(result.valid[1].lines, [{ event: 'ABC-001', quantity: 2 }], name);
      assert.deepEqual(result.invalid, [422, { detail: [
        { type: 'string_too_short', loc: ['body', 'buyer'], msg: 'String should have at least 1 character', input: '', ctx: { min_length: 1 } },
        { type: 'missing', loc: ['body', 'email'], msg: 'Field required' },
        { type: 'too_short', loc: ['body', 'lines'], msg: 'List should have at least 1 item after validation, not 0', input: '[]', ctx: { field_type: 'List', min_length: 1, actual_length: 0 } },
      ] }], name);
      assert.equal(result.malformed[0], 422, name);
      assert.equal(result.malformed[1].detail[0].type, 'json_invalid', name);
      const checked = await new Validator().validate(result.openapi);
      assert.deepEqual(checked.errors ?? [], [], name);
      assert.equal(result.openapi.openapi, '3.1.0', name);
    }
    // The Express entry reads its settings through tydantic/settings: a bad environment stops it with one message.
    const env = { PATH: process.env.PATH, APP_ENVIRONMENT: 'prod', APP_PORT: 'eighty', APP_SESSION_KEY: 'hunter2' };
    const refused = spawnSync(process.execPath, ['dist/express/main.js'], { cwd: app, encoding: 'utf8', env });
    assert.equal(refused.status, 78, refused.stdout + refused.stderr);
    assert.equal(
      refused.stderr,
      [
        '4 settings errors for AppConfig',
        "  APP_ENVIRONMENT: Input should be 'development', 'staging' or 'production' [type=literal_error, input='prod']",
        "  APP_PORT: Input should be a valid integer, unable to parse string as an integer [type=int_parsing, input='eighty']",
        '  APP_DATABASE: Field required [type=missing]',
        "  APP_SESSION_KEY: String should have at least 32 characters [type=string_too_short, input='**********']",
        '',
      ].join('\n'),
    );
  },

  /** The runtime alone in production: one package, no dependencies. */
  omitDev(tarballs) {
    const app = project('omit-dev', tarballs);
    rmSync(path.join(app, 'node_modules'), { recursive: true, force: true });
    npm(['ci', ...quiet, '--omit=dev'], app);
    const installed = readdirSync(path.join(app, 'node_modules')).filter((name) => !name.startsWith('.'));
    assert.deepEqual(installed, ['tydantic']);
    const manifest = JSON.parse(readFileSync(path.join(app, 'node_modules/tydantic/package.json'), 'utf8'));
    assert.equal(manifest.dependencies, undefined);
  },
};

/** A model the compile step refuses: `generate --check` exits 1 with a located diagnostic, then the file goes. */
function badModel(app, file) {
  writeFileSync(path.join(app, file), BAD);
  const failing = npx(['tydantic', 'generate', '--check'], app);
  assert.equal(failing.status, 1, failing.stdout + failing.stderr);
  assert.match(failing.stderr, new RegExp(`^${file.replace('.', '\\.')}:4:9 - error: Bad\\.run: '\\(\\) => void' is a function type`, 'm'));
  rmSync(path.join(app, file));
}

try {
  npm(['run', 'build', '--silent'], root);
  for (const workspace of ['src', 'codegen']) npm(['pack', '-w', workspace, '--pack-destination', work, '--silent'], root);
  const tgz = readdirSync(work).filter((f) => f.endsWith('.tgz'));
  const tarballs = {
    runtime: path.join(work, tgz.find((f) => /^tydantic-\d/.test(f))),
    compiler: path.join(work, tgz.find((f) => f.startsWith('tydantic-compiler-'))),
  };
  let passed = 0;
  for (const [name, scenario] of Object.entries(scenarios)) {
    if (only !== undefined && name !== only) continue;
    const started = Date.now();
    await scenario(tarballs);
    console.log(`pack: ${name} passed (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    passed++;
  }
  console.log(`pack: ${passed} passed, 0 failed`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
