/**
 * Startup of a fresh `node` that imports an esbuild bundle of 200 models and
 * makes its first call, for tydantic (the target) and, side by side in the
 * same run, the floor of its design (the model classes alone), typia and
 * zod 4 on the same models.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { typiaFileSource, writeFiles, writeTypiaConfig, zodFileSource } from './peer-projects';
import { modelName, SAMPLE, writeProject } from './project';
import { BENCH } from './report';

/** One bundle's startup (medians over the runs). */
export interface StartupVariant {
  readonly name: string;
  /** What the bundle holds and what its first call is. */
  readonly setup: string;
  /** The bundle's size (esbuild, node20, not minified). */
  readonly bundleBytes: number;
  readonly importMs: number;
  readonly firstParseMs: number;
  /** Import + first call, measured inside the process. */
  readonly totalMs: number;
  /** CPU time (user + system) of the process over import + first call; less sensitive to other load than wall time. */
  readonly cpuMs: number;
  /** The whole `node` process, its own boot included. */
  readonly processMs: number;
}

/** Startup of a fresh process that imports the compiled models and parses once. */
export interface Startup {
  readonly models: number;
  readonly runs: number;
  /** tydantic's import + first parse, measured inside the process (median): the target. */
  readonly medianMs: number;
  readonly importMs: number;
  readonly firstParseMs: number;
  /** tydantic's whole `node` process, its own boot included (median). */
  readonly processMs: number;
  /** Every bundle measured, tydantic's first; runs alternate between them so that load from elsewhere falls on all alike. */
  readonly variants: readonly StartupVariant[];
  /** How long `tydantic generate` took on the tydantic project (spawned CLI, node's boot included). */
  readonly tydanticGenerateMs: number;
  /** The size of the module `tydantic generate` wrote for the project (TypeScript, as written). */
  readonly generatedBytes: number;
  /** How long `typia generate` took on the typia project (spawned CLI, node's boot included). */
  readonly typiaGenerateMs: number;
}

/** A bundle to start: its entry, what its first call is, and what that call must return. */
interface Variant {
  readonly name: string;
  readonly setup: string;
  readonly entry: string;
  /** Statements using `m` (the module) and `sample`, leaving the result in `out`. */
  readonly call: string;
  /** An expression over `m` and `out` that must be true. */
  readonly check: string;
}

const TYPIA = path.join(BENCH, 'node_modules/.bin/typia');

/** The installed version of one of the bench's dependencies. */
const version = (pkg: string): string => (JSON.parse(readFileSync(path.join(BENCH, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

async function bundle(entry: string, outfile: string, alias: Record<string, string>): Promise<void> {
  await build({ entryPoints: [entry], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', alias, logLevel: 'error' });
}

/**
 * A generated module with the body of every full-parse, dump and schema-data function emptied (the emitter
 * writes each function from a line `function name(` at the start of a line to a line `}`).
 */
export function fastPathOnly(module: string): string {
  const out: string[] = [];
  let inside = false;
  for (const line of module.split('\n')) {
    if (inside) {
      if (line === '}') {
        inside = false;
        out.push(line);
      }
      continue;
    }
    out.push(line);
    if (/^function (parse_\w+|dump_\w+|schemaTable)\(.*\{$/.test(line)) {
      inside = true;
      out.push('  return undefined as any;');
    }
  }
  if (inside) throw new Error('fastPathOnly: a function did not end with a line "}"');
  return out.join('\n');
}

/** Writes the script a fresh process runs: import, first call, check, and the times as JSON. */
function writeStarter(file: string, bundleFile: string, v: Variant, sample: object): void {
  writeFileSync(
    file,
    [
      `const sample = ${JSON.stringify(sample)};`,
      'const c0 = process.cpuUsage();',
      'const t0 = performance.now();',
      `const m = await import(${JSON.stringify(`./${path.basename(bundleFile)}`)});`,
      'const t1 = performance.now();',
      'let out;',
      v.call,
      'const t2 = performance.now();',
      'const cpu = process.cpuUsage(c0);',
      `if (!(${v.check})) throw new Error(${JSON.stringify(`${v.name}: the first call did not return what was expected`)});`,
      'console.log(JSON.stringify({ importMs: t1 - t0, firstParseMs: t2 - t1, cpuMs: (cpu.user + cpu.system) / 1000 }));',
    ].join('\n') + '\n',
  );
}

/** Writes and bundles every variant's project under `work`; returns the variants and the starter script of each. */
async function prepare(work: string, models: number, runtime: { src: string; dist: string }, generate: (tsconfig: string) => number): Promise<{ variants: { v: Variant; starter: string; bundle: string }[]; tydanticGenerateMs: number; typiaGenerateMs: number }> {
  const last = modelName(models / 10 - 1, 0);
  const out: { v: Variant; starter: string; bundle: string }[] = [];
  const add = async (v: Variant, dir: string, sample: object, alias: Record<string, string> = {}): Promise<void> => {
    const file = path.join(dir, `${v.name.replace(/\W+/g, '-')}.mjs`);
    await bundle(v.entry, file, alias);
    const starter = file.replace(/\.mjs$/, '.start.mjs');
    writeStarter(starter, file, v, sample);
    out.push({ v, starter, bundle: file });
  };

  // tydantic: the project of project.ts, its generated module imported first (the target row).
  const dir = path.join(work, `startup-${models}`);
  const tydanticGenerateMs = generate(writeProject(dir, models, runtime.src));
  writeFileSync(path.join(dir, 'app.ts'), "import './tydantic.gen';\nexport * from './index';\n");
  writeFileSync(path.join(dir, 'classes.ts'), "export * from './index';\n");
  const alias = { tydantic: runtime.dist, 'tydantic/internal': path.join(path.dirname(runtime.dist), 'internal.js') };
  await add({
    name: 'tydantic',
    setup: `the model classes and their generated module; first call \`${last}.parse(sample)\``,
    entry: path.join(dir, 'app.ts'),
    call: `out = m.${last}.parse(sample);`,
    check: `out instanceof m.${last}`,
  }, dir, SAMPLE, alias);
  // The floor of a design with per-model compiled checks: the same module with the full parse, the dump and
  // the schema data emptied, leaving what the `is` and parse speed targets need (checks, builds, constructors),
  // the links and the runtime. The valid sample takes the fast path, so the first call is the same.
  writeFileSync(path.join(dir, 'tydantic.fast.gen.ts'), fastPathOnly(readFileSync(path.join(dir, 'tydantic.gen.ts'), 'utf8')));
  writeFileSync(path.join(dir, 'fast.ts'), "import './tydantic.fast.gen';\nexport * from './index';\n");
  await add({
    name: 'tydantic, fast path only',
    setup:
      'the same generated module with the bodies of the full parse (`parse_M`), the dump (`dump_M`) and the schema data emptied: ' +
      'the checks, builds and constructors the `is` and parse speed targets need, the links and the runtime (a floor for any module of per-model compiled checks; ' +
      `not a usable module: invalid input and dumps reach the emptied functions); first call \`${last}.parse(sample)\`, which takes the fast path`,
    entry: path.join(dir, 'fast.ts'),
    call: `out = m.${last}.parse(sample);`,
    check: `out instanceof m.${last}`,
  }, dir, SAMPLE, alias);
  await add({
    name: 'classes only',
    setup: 'the same model classes without the generated module (user code and the runtime alone: the floor of the design); no call',
    entry: path.join(dir, 'classes.ts'),
    call: '',
    check: `typeof m.${last} === 'function'`,
  }, dir, SAMPLE, alias);

  // typia: interfaces, createIs + createValidate per model, compiled ahead of time by `typia generate`.
  const typiaDir = path.join(work, `startup-${models}-typia`);
  writeFiles(path.join(typiaDir, 'in'), models, typiaFileSource);
  const tsconfig = writeTypiaConfig(typiaDir, path.join(typiaDir, 'in'));
  const started = performance.now();
  const r = spawnSync(TYPIA, ['generate', '--input', path.join(typiaDir, 'in'), '--output', path.join(typiaDir, 'out'), '--project', tsconfig], { cwd: BENCH, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`typia generate failed:\n${r.stdout}${r.stderr}`);
  const typiaGenerateMs = performance.now() - started;
  // typia has no defaults: the sample carries `active` itself (it has `tags` already).
  await add({
    name: 'typia',
    setup:
      `typia ${version('typia')} (TypeScript ${version('typescript')}): interfaces with \`typia.createIs\` and \`typia.createValidate\` per model, compiled by \`typia generate\`; ` +
      'typia writes each function with its own checks of every model it nests (here the chain of parents), and without undeclared-key checks (that takes createEquals); ' +
      `first call \`validate${last}(sample)\`, with \`active\` added to the sample since typia has no defaults`,
    entry: path.join(typiaDir, 'out/index.ts'),
    call: `out = m.validate${last}(sample);`,
    check: 'out.success === true',
  }, typiaDir, { ...SAMPLE, active: true });

  // zod 4: one z.object per model, defaults by .default().
  const zodDir = path.join(work, `startup-${models}-zod`);
  await add({
    name: 'zod 4',
    setup: `zod ${version('zod')}: one \`z.object\` (\`z.strictObject\` where the model forbids extra keys) per model, defaults by \`.default\`, \`z.email()\`; the zod package (\`import { z } from 'zod'\`, most of the bundle) bundled with them; first call \`${last}.parse(sample)\``,
    entry: writeFiles(zodDir, models, zodFileSource),
    call: `out = m.${last}.parse(sample);`,
    check: 'out.active === true',
  }, zodDir, SAMPLE);
  return { variants: out, tydanticGenerateMs, typiaGenerateMs };
}

/**
 * Measures every variant `runs` times, alternating between them, each run a fresh `node`; `generate`
 * runs `tydantic generate` on a tsconfig and returns its time in ms.
 */
export async function measureStartup(options: {
  readonly work: string;
  readonly models: number;
  readonly runs: number;
  readonly runtime: { readonly src: string; readonly dist: string };
  readonly generate: (tsconfig: string) => number;
}): Promise<Startup> {
  const { variants, tydanticGenerateMs, typiaGenerateMs } = await prepare(options.work, options.models, options.runtime, options.generate);
  const samples = variants.map(() => [] as { importMs: number; firstParseMs: number; cpuMs: number; processMs: number }[]);
  for (let i = 0; i < options.runs; i++) {
    variants.forEach(({ v, starter }, k) => {
      const started = performance.now();
      const r = spawnSync(process.execPath, [starter], { encoding: 'utf8' });
      const processMs = performance.now() - started;
      if (r.status !== 0) throw new Error(`startup run of ${v.name} failed:\n${r.stderr}`);
      samples[k]!.push({ ...(JSON.parse(r.stdout) as { importMs: number; firstParseMs: number; cpuMs: number }), processMs });
    });
  }
  const results: StartupVariant[] = variants.map(({ v, bundle: file }, k) => {
    const s = samples[k]!;
    return {
      name: v.name,
      setup: v.setup,
      bundleBytes: statSync(file).size,
      importMs: median(s.map((x) => x.importMs)),
      firstParseMs: median(s.map((x) => x.firstParseMs)),
      totalMs: median(s.map((x) => x.importMs + x.firstParseMs)),
      cpuMs: median(s.map((x) => x.cpuMs)),
      processMs: median(s.map((x) => x.processMs)),
    };
  });
  const ours = results[0]!;
  return {
    models: options.models,
    runs: options.runs,
    generatedBytes: statSync(path.join(options.work, `startup-${options.models}/tydantic.gen.ts`)).size,
    medianMs: ours.totalMs,
    importMs: ours.importMs,
    firstParseMs: ours.firstParseMs,
    processMs: ours.processMs,
    variants: results,
    tydanticGenerateMs,
    typiaGenerateMs,
  };
}
