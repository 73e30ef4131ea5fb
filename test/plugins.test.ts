/**
 * The build plugins (issue 15, item 2): Vite, esbuild, Rollup, webpack and Rspack each build the examples
 * with `import 'tydantic/models'` and no generated file, the bundle runs under Node and parses as the
 * generated-file workflow does; a bad model fails the build with its file:line:col.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { build as esbuild, context as esbuildContext, transform } from 'esbuild';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { repo, writeTsconfig } from './helpers/compile';

const RUNTIME = {
  tydantic: path.join(repo, 'src/index.ts'),
  'tydantic/internal': path.join(repo, 'src/internal.ts'),
  'tydantic/settings': path.join(repo, 'src/settings.ts'),
};

const MAIN = `import 'tydantic/models';
import { CreateOrder } from './models/order';
import { AppConfig } from './config';
const ok = CreateOrder.parse({ customer: 'A', email: 'a@b.co', items: [{ sku: 'x', quantity: 1, price: 2 }],
  shipTo: { street: 's', city: 'c', zip: '12345' }, placedAt: '2024-01-01T00:00:00Z' });
const bad = CreateOrder.safeParse({ customer: '', email: 'a@b.co', items: [{ sku: 'x', quantity: 0.5, price: 2 }, {}],
  shipTo: { street: 's', city: 'c', zip: '1' }, billTo: null, placedAt: 'nope' });
const config = AppConfig.parse({ environment: 'staging', database: { name: 'orders', port: '6432' }, sessionKey: 'k'.repeat(32) });
console.log(JSON.stringify({ total: ok.total(), label: ok.shipTo.oneLine, port: config.database.port,
  issues: bad.success ? [] : bad.error.issues.map((i) => [i.loc.join('.'), i.type]) }));
`;

const EXPECTED = {
  total: 2,
  label: 's, c 12345, US',
  port: 6432,
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

const BAD = "import { Model, model } from 'tydantic';\n@model()\nexport class Bad extends Model {\n  run!: () => void;\n}\n";

const projects: string[] = [];
afterAll(() => {
  for (const dir of projects) rmSync(dir, { recursive: true, force: true });
});

/** The examples in a fresh folder with `main.ts` importing `tydantic/models`; `bad` adds a model the compile step refuses. */
function project(bad = false): string {
  // In the system's temporary folder, not test/.tmp: a watch test edits its copy for seconds, and another
  // vitest run starting meanwhile clears test/.tmp.
  const dir = mkdtempSync(path.join(tmpdir(), 'tydantic-plugins-'));
  projects.push(dir);
  cpSync(path.join(repo, 'examples'), dir, { recursive: true, filter: (source) => path.basename(source) !== 'tydantic.gen.ts' });
  writeTsconfig(dir);
  writeFileSync(path.join(dir, 'main.ts'), bad ? `import './bad';\n${MAIN}` : MAIN);
  if (bad) writeFileSync(path.join(dir, 'bad.ts'), BAD);
  return dir;
}

/** The type errors of one file of a project, as `line: message`. */
function typeErrors(dir: string, file: string): string[] {
  const parsed = ts.getParsedCommandLineOfConfigFile(path.join(dir, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })!;
  const program = ts.createProgram(parsed.fileNames, parsed.options);
  return ts
    .getPreEmitDiagnostics(program, program.getSourceFile(file))
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

/**
 * The build writes `tydantic-models.d.ts`, from which `Input<typeof M>` reads what only the compile step knows;
 * before it, the input type is read from the class.
 */
async function inputTypesWritten(bundle: (dir: string) => Promise<unknown>): Promise<void> {
  const dir = project();
  const check = path.join(dir, 'check.ts');
  // `country`, `tags` and `priority` have defaults: optional in the input type only the compile step knows.
  writeFileSync(
    check,
    "import type { Input } from 'tydantic';\nimport type { CreateOrder } from './models/order';\n" +
      "export const sent: Input<typeof CreateOrder> = { customer: 'A', email: 'a@b.co', items: [], shipTo: { street: 's', city: 'c', zip: '1' }, placedAt: '2024-01-01' };\n",
  );
  // Without it, the input type is read from the class: a default is not seen, nor a getter told from a field.
  expect(typeErrors(dir, check)).toEqual(["Type '{ street: string; city: string; zip: string; }' is missing the following properties from type '{ street: string; city: string; zip: string; country: \"US\" | \"CA\"; readonly oneLine: string; }': country, oneLine"]);
  await bundle(dir);
  const dts = readFileSync(path.join(dir, 'tydantic-models.d.ts'), 'utf8');
  expect(dts).toContain('import type { CreateOrder, OrderItem } from "./models/order";');
  expect(dts).toContain('"./models/order#CreateOrder": [InstanceType<typeof CreateOrder>, CreateOrderInput];');
  expect(typeErrors(dir, check)).toEqual([]);
}

/** Runs a bundle with Node and reads the JSON it prints. */
const run = (file: string): unknown => JSON.parse(execFileSync(process.execPath, [file], { encoding: 'utf8' }));

/** The location the build error must name: the bad model's function type, as `tydantic generate` reports it. */
const BAD_AT = "bad.ts:4:9 - error: Bad.run: '() => void' is a function type, which input data cannot hold\n  hint: make it a method of the class, or remove it\n\n1 error in the models";

/** For Rollup, webpack and Rspack, which take TypeScript only through a plugin or loader: esbuild strips the types. */
const stripTypes = async (code: string, file: string): Promise<string> => (await transform(code, { loader: 'ts', target: 'node20', sourcefile: file })).code;

/** The error a failed build throws (or reports), as text. */
async function failure(build: () => Promise<unknown>): Promise<string> {
  return String((await thrown(build)).message);
}

/** What a failed build throws. */
async function thrown(build: () => Promise<unknown>): Promise<Error & Record<string, unknown>> {
  try {
    await build();
  } catch (error) {
    return error as Error & Record<string, unknown>;
  }
  throw new Error('the build did not fail');
}

describe('esbuild', () => {
  const bundle = async (dir: string) => {
    const { default: tydantic } = await import('../codegen/plugins/esbuild');
    const outfile = path.join(dir, 'out.mjs');
    await esbuild({
      entryPoints: [path.join(dir, 'main.ts')],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      alias: RUNTIME,
      plugins: [tydantic({ project: path.join(dir, 'tsconfig.json') })],
      logLevel: 'silent',
    });
    return outfile;
  };

  it('builds and runs the examples with no generated file', async () => {
    const dir = project();
    expect(run(await bundle(dir))).toEqual(EXPECTED);
    expect(readdirSync(dir).filter((f) => f.includes('.gen.'))).toEqual([]);
  });

  it('writes the input types beside the sources, so that Input<typeof M> knows defaults and aliases', () => inputTypesWritten(bundle));

  it('fails the build on a bad model, at its location', async () => {
    const dir = project(true);
    const error = await thrown(() => bundle(dir));
    const [first, ...rest] = error.errors as { text: string; location: { file: string; line: number; column: number } }[];
    expect(rest).toEqual([]);
    expect(first!.text).toBe(BAD_AT);
    // esbuild prints `bad.ts:4:8: ERROR: [plugin: tydantic] bad.ts:4:9 - error: …` (its columns count from 0).
    expect([path.resolve(first!.location.file), first!.location.line, first!.location.column]).toEqual([path.join(dir, 'bad.ts'), 4, 8]);
  });
});

/** Rewrites part of a project file, as an editor would save it. */
function edit(dir: string, file: string, from: string, to: string): void {
  const full = path.join(dir, file);
  const text = readFileSync(full, 'utf8');
  if (!text.includes(from)) throw new Error(`${file} has no ${from}`);
  writeFileSync(full, text.replace(from, to));
}

/** The examples' order model with the customer's minimum length lifted, so an empty name passes. */
const LOOSER = ['models/order.ts', '@field({ minLength: 1, maxLength: 64 }) customer', '@field({ maxLength: 64 }) customer'] as const;
/** The same model with a field the compile step refuses, at models/order.ts:32:9. */
const BROKEN = ['models/order.ts', '  placedAt!: Date;', '  placedAt!: Date;\n  run!: () => void;'] as const;
const BROKEN_AT = /models\/order\.ts:32:9 - error: CreateOrder\.run: '\(\) => void' is a function type/;
const LOOSER_EXPECTED = { ...EXPECTED, issues: EXPECTED.issues.slice(1) };

/**
 * A watch-mode session: the first build, a looser constraint, a refused field and its fix. `next` waits
 * for the build after a write and gives the error text, or '' when the build succeeded.
 */
async function editWhileWatching(dir: string, outfile: string, next: () => Promise<string>): Promise<void> {
  expect(await next()).toBe('');
  expect(run(outfile)).toEqual(EXPECTED);
  edit(dir, ...LOOSER);
  expect(await next()).toBe('');
  expect(run(outfile)).toEqual(LOOSER_EXPECTED);
  edit(dir, ...BROKEN);
  expect(await next()).toMatch(BROKEN_AT);
  edit(dir, BROKEN[0], BROKEN[2], BROKEN[1]);
  expect(await next()).toBe('');
  expect(run(outfile)).toEqual(LOOSER_EXPECTED);
}

/** The results of a watcher's builds, in order, to be awaited one at a time. */
function builds(): { push(result: string): void; next(): Promise<string> } {
  const done: string[] = [];
  const waiting: ((result: string) => void)[] = [];
  return {
    push: (result) => (waiting.length > 0 ? waiting.shift()!(result) : done.push(result)),
    next: () => (done.length > 0 ? Promise.resolve(done.shift()!) : new Promise((resolve) => waiting.push(resolve))),
  };
}

describe('esbuild rebuilds', () => {
  it('regenerates the module when a model file changes between rebuilds', async () => {
    const { default: tydantic } = await import('../codegen/plugins/esbuild');
    const dir = project();
    const outfile = path.join(dir, 'out.mjs');
    const ctx = await esbuildContext({
      entryPoints: [path.join(dir, 'main.ts')], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20',
      alias: RUNTIME, plugins: [tydantic({ project: path.join(dir, 'tsconfig.json') })], logLevel: 'silent',
    });
    try {
      await ctx.rebuild();
      expect(run(outfile)).toEqual(EXPECTED);
      edit(dir, ...LOOSER);
      await ctx.rebuild();
      expect(run(outfile)).toEqual(LOOSER_EXPECTED);
      edit(dir, ...BROKEN);
      expect(await failure(() => ctx.rebuild())).toMatch(BROKEN_AT);
      edit(dir, BROKEN[0], BROKEN[2], BROKEN[1]);
      await ctx.rebuild();
      expect(run(outfile)).toEqual(LOOSER_EXPECTED);
    } finally {
      await ctx.dispose();
    }
  });
});

describe('Vite', () => {
  const bundle = async (dir: string) => {
    const { build } = await import('vite');
    const { default: tydantic } = await import('../codegen/plugins/vite');
    await build({
      root: dir,
      configFile: false,
      logLevel: 'silent',
      plugins: [tydantic({ project: path.join(dir, 'tsconfig.json') })],
      resolve: { alias: [{ find: /^tydantic$/, replacement: RUNTIME.tydantic }, { find: /^tydantic\/internal$/, replacement: RUNTIME['tydantic/internal'] }, { find: /^tydantic\/settings$/, replacement: RUNTIME['tydantic/settings'] }] },
      build: { ssr: path.join(dir, 'main.ts'), outDir: path.join(dir, 'dist'), minify: false, target: 'node20', rollupOptions: { output: { format: 'es', entryFileNames: 'main.mjs' } } },
      ssr: { noExternal: true },
    });
    return path.join(dir, 'dist/main.mjs');
  };

  it('builds and runs the examples with no generated file', async () => {
    expect(run(await bundle(project()))).toEqual(EXPECTED);
  });

  it('writes the input types beside the sources, so that Input<typeof M> knows defaults and aliases', () => inputTypesWritten(bundle));

  it('fails the build on a bad model, at its location', async () => {
    const dir = project(true);
    const error = await thrown(() => bundle(dir));
    expect(error.message).toContain(BAD_AT);
    // The location Vite's overlay and its terminal output show.
    expect([error.id, error.loc]).toEqual([path.join(dir, 'bad.ts'), { file: path.join(dir, 'bad.ts'), line: 4, column: 8 }]);
  });
});

describe('Vite dev server', () => {
  it('serves a new module after a model file changes', async () => {
    const { createServer } = await import('vite');
    const { default: tydantic } = await import('../codegen/plugins/vite');
    const dir = project();
    // The examples' entry as a module that exports what it would print, loaded again after each change.
    writeFileSync(path.join(dir, 'check.ts'), MAIN.replace('console.log(JSON.stringify(', 'export const result = (').replace(/\}\)\);\n$/, '});\n'));
    const server = await createServer({
      root: dir,
      configFile: false,
      logLevel: 'silent',
      appType: 'custom',
      plugins: [tydantic({ project: path.join(dir, 'tsconfig.json') })],
      resolve: { alias: [{ find: /^tydantic$/, replacement: RUNTIME.tydantic }, { find: /^tydantic\/internal$/, replacement: RUNTIME['tydantic/internal'] }, { find: /^tydantic\/settings$/, replacement: RUNTIME['tydantic/settings'] }] },
      server: { middlewareMode: true, hmr: false, fs: { allow: [dir, path.join(repo, 'src')] } },
      ssr: { noExternal: true },
    });
    const result = async () => ((await server.ssrLoadModule('/check.ts')) as { result: unknown }).result;
    /** Loads the entry until it gives `expected`: the watcher reports the change a moment after the write. */
    const settle = async (expected: unknown) => {
      for (let i = 0; i < 100 && JSON.stringify(await result().catch(String)) !== JSON.stringify(expected); i++) await new Promise((r) => setTimeout(r, 100));
      return result();
    };
    try {
      expect(await result()).toEqual(EXPECTED);
      edit(dir, ...LOOSER);
      expect(await settle(LOOSER_EXPECTED)).toEqual(LOOSER_EXPECTED);
    } finally {
      await server.close();
    }
  });
});

/** Rollup takes TypeScript only through a plugin: this one resolves `.ts` files and strips their types. */
const rollupTs = {
  name: 'test-resolve-ts',
  resolveId(id: string, importer: string | undefined) {
    if (id in RUNTIME) return RUNTIME[id as keyof typeof RUNTIME];
    if (!id.startsWith('.') || importer === undefined) return null;
    const base = path.resolve(path.dirname(importer), id.replace(/\.js$/, ''));
    return [`${base}.ts`, path.join(base, 'index.ts')].find((f) => existsSync(f)) ?? null;
  },
  async transform(code: string, id: string) {
    return /\.ts$/.test(id) ? { code: await stripTypes(code, id), map: null } : null;
  },
};

describe('Rollup', () => {
  const bundle = async (dir: string) => {
    const { rollup } = await import('rollup');
    const { default: tydantic } = await import('../codegen/plugins/rollup');
    const built = await rollup({
      input: path.join(dir, 'main.ts'),
      plugins: [tydantic({ project: path.join(dir, 'tsconfig.json') }), rollupTs],
      external: (id) => id.startsWith('node:'),
      onwarn: () => undefined,
    });
    const file = path.join(dir, 'rollup.mjs');
    await built.write({ file, format: 'es' });
    await built.close();
    return file;
  };

  it('builds and runs the examples with no generated file', async () => {
    expect(run(await bundle(project()))).toEqual(EXPECTED);
  });

  it('fails the build on a bad model, at its location', async () => {
    expect(await failure(() => bundle(project(true)))).toContain(BAD_AT);
  });
});

describe('Rollup watch', () => {
  it('regenerates the module when a model file changes', async () => {
    const { watch } = await import('rollup');
    const { default: tydantic } = await import('../codegen/plugins/rollup');
    const dir = project();
    const file = path.join(dir, 'rollup.mjs');
    const results = builds();
    const watcher = watch({
      input: path.join(dir, 'main.ts'),
      plugins: [tydantic({ project: path.join(dir, 'tsconfig.json') }), rollupTs],
      external: (id) => id.startsWith('node:'),
      onwarn: () => undefined,
      output: { file, format: 'es' },
      watch: { buildDelay: 50 },
    });
    watcher.on('event', (event) => {
      if (event.code === 'BUNDLE_END') void event.result.close().then(() => results.push(''));
      else if (event.code === 'ERROR') void (event.result?.close() ?? Promise.resolve()).then(() => results.push(event.error.message));
    });
    try {
      await editWhileWatching(dir, file, results.next);
    } finally {
      await watcher.close();
    }
  });
});

/** webpack and Rspack share a configuration: TypeScript through a loader made of esbuild's transform. */
function webpackLike(dir: string, plugin: unknown) {
  return {
    mode: 'development' as const,
    devtool: false as const,
    target: 'node',
    context: dir,
    entry: path.join(dir, 'main.ts'),
    output: { path: path.join(dir, 'pack'), filename: 'main.cjs', library: { type: 'commonjs2' } },
    resolve: {
      extensions: ['.ts', '.js'],
      extensionAlias: { '.js': ['.ts', '.js'] },
      alias: { tydantic$: RUNTIME.tydantic, 'tydantic/internal$': RUNTIME['tydantic/internal'], 'tydantic/settings$': RUNTIME['tydantic/settings'] },
    },
    module: { rules: [{ test: /\.ts$/, loader: path.join(repo, 'test/helpers/strip-types-loader.mjs') }] },
    plugins: [plugin],
    infrastructureLogging: { level: 'none' as const },
  };
}

/** Runs a webpack-style compiler; rejects with the build's errors. */
function compile(compiler: { run(cb: (error: Error | null, stats?: Stats) => void): void; close(cb: () => void): void }): Promise<void> {
  return new Promise((resolve, reject) => {
    compiler.run((error, stats) => {
      compiler.close(() => undefined);
      if (error !== null) reject(error);
      else if (stats!.hasErrors()) reject(new Error(errorsOf(stats!)));
      else resolve();
    });
  });
}

/** The part of webpack's and Rspack's stats the tests read. */
interface Stats {
  hasErrors(): boolean;
  compilation: { errors: { message: string }[] };
}

/** A failed webpack or Rspack build's error messages, one after another. */
const errorsOf = (stats: Stats): string => stats.compilation.errors.map((e) => e.message).join('\n');

describe('webpack', () => {
  const bundle = async (dir: string) => {
    const { default: webpack } = await import('webpack');
    const { default: tydantic } = await import('../codegen/plugins/webpack');
    await compile(webpack(webpackLike(dir, tydantic({ project: path.join(dir, 'tsconfig.json') })) as never) as never);
    return path.join(dir, 'pack/main.cjs');
  };

  it('builds and runs the examples with no generated file', async () => {
    expect(run(await bundle(project()))).toEqual(EXPECTED);
  });

  it('fails the build on a bad model, at its location', async () => {
    expect(await failure(() => bundle(project(true)))).toContain(BAD_AT);
  });
});

describe('webpack watch', () => {
  it('regenerates the module when a model file changes', async () => {
    const { default: webpack } = await import('webpack');
    const { default: tydantic } = await import('../codegen/plugins/webpack');
    const dir = project();
    const results = builds();
    const compiler = webpack(webpackLike(dir, tydantic({ project: path.join(dir, 'tsconfig.json') })) as never);
    const watching = compiler.watch({ aggregateTimeout: 50 }, (error, stats) => {
      results.push(error ? error.message : stats!.hasErrors() ? errorsOf(stats! as never) : '');
    });
    try {
      await editWhileWatching(dir, path.join(dir, 'pack/main.cjs'), results.next);
    } finally {
      await new Promise((resolve) => watching!.close(resolve));
    }
  });
});

describe('Rspack', () => {
  const bundle = async (dir: string) => {
    const { rspack } = await import('@rspack/core');
    const { default: tydantic } = await import('../codegen/plugins/rspack');
    await compile(rspack(webpackLike(dir, tydantic({ project: path.join(dir, 'tsconfig.json') })) as never) as never);
    return path.join(dir, 'pack/main.cjs');
  };

  it('builds and runs the examples with no generated file', async () => {
    expect(run(await bundle(project()))).toEqual(EXPECTED);
  });

  it('fails the build on a bad model, at its location', async () => {
    // Rspack draws a gutter (`  │ `, in inverse video) before each line of a loader's message.
    const text = stripVTControlCharacters(await failure(() => bundle(project(true)))).replace(/^ {2}│ ?/gm, '');
    expect(text).toContain(BAD_AT);
  });
});
