/**
 * Compiles a fixture project the way a user would: copy it, write a tsconfig
 * for the decorator mode, run the compile step, bundle with esbuild for
 * Node 20, and import the bundle.
 */
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { formatDiagnostic } from '../../codegen/diagnostics';
import { emitModule } from '../../codegen/emit/module';
import { Generator, type GenerateResult } from '../../codegen/generate';
import type { ProjectIR } from '../../codegen/ir';

/** The two ways TypeScript runs decorators. */
export type DecoratorMode = 'standard' | 'legacy';

export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const runtime = path.join(repo, 'src/index.ts');
const internal = path.join(repo, 'src/internal.ts');
const settingsEntry = path.join(repo, 'src/settings.ts');
let copies = 0;

/**
 * A copy of a fixture (a folder of test/fixtures, `examples`, or `corpus/<package>` for a folder of
 * test/corpus) in test/.tmp, with a tsconfig for the decorator mode.
 */
export function prepareFixture(fixture: string, mode: DecoratorMode, extra: Record<string, unknown> = {}): string {
  const dir = path.join(repo, 'test/.tmp', `${fixture.replace('/', '-')}-${mode}-${process.pid}-${++copies}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const source = fixture === 'examples' ? path.join(repo, 'examples') : fixture.startsWith('corpus/') ? path.join(repo, 'test', fixture) : path.join(repo, 'test/fixtures', fixture);
  // The fixture's own tydantic.gen.ts is the snapshot: a fresh project starts without it.
  cpSync(source, dir, {
    recursive: true,
    filter: (source) => path.basename(source) !== 'tydantic.gen.ts',
  });
  writeTsconfig(dir, mode, extra);
  return dir;
}

/** Writes `dir/tsconfig.json` for a test project in the decorator mode, `tydantic` mapped to the runtime's source; returns its path. */
export function writeTsconfig(dir: string, mode: DecoratorMode = 'standard', extra: Record<string, unknown> = {}): string {
  const compilerOptions = {
    target: 'ES2022',
    module: 'ESNext',
    moduleResolution: 'Bundler',
    strict: true,
    skipLibCheck: true,
    noEmit: true,
    types: [],
    paths: { tydantic: [runtime], 'tydantic/internal': [internal], 'tydantic/settings': [settingsEntry] },
    ...(mode === 'legacy' ? { experimentalDecorators: true } : {}),
    ...extra,
  };
  const tsconfig = path.join(dir, 'tsconfig.json');
  writeFileSync(tsconfig, JSON.stringify({ compilerOptions, include: ['**/*.ts'] }, null, 2));
  return tsconfig;
}

/** A compiled fixture: the generator's result and the bundle's exports (models and runtime). */
export interface Compiled {
  readonly dir: string;
  readonly result: GenerateResult;
  readonly exports: Record<string, any>;
}

/** What to change in a fixture before it is compiled. */
export interface CompileOptions {
  /** The text of index.ts, which re-exports the models (the fixture's own by default). */
  readonly index?: string;
  /** Emits from this IR instead (for IR that extraction does not produce yet, such as aliases). */
  readonly transform?: (ir: ProjectIR) => ProjectIR;
}

/** Generates, bundles and imports a fixture whose index.ts re-exports its models. */
export async function compileFixture(fixture: string, mode: DecoratorMode, options: CompileOptions = {}): Promise<Compiled> {
  const dir = prepareFixture(fixture, mode);
  if (options.index !== undefined) writeFileSync(path.join(dir, 'index.ts'), options.index);
  const result = new Generator({ project: path.join(dir, 'tsconfig.json') }).run();
  if (result.diagnostics.length > 0) throw new Error(JSON.stringify(result.diagnostics, null, 2));
  const code =
    options.transform === undefined
      ? result.code
      : emitModule(options.transform(result.ir), { ts: true, runtime: 'tydantic/internal', specifier: (module) => `./${module.replace(/\.ts$/, '')}` });
  writeFileSync(result.outFile, code);
  const entry = path.join(dir, '__entry.ts');
  writeFileSync(entry, "import './tydantic.gen';\nexport * from './index';\nexport * from 'tydantic';\nexport * from 'tydantic/internal';\n");
  const outfile = path.join(dir, '__bundle.mjs');
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    alias: { tydantic: runtime, 'tydantic/internal': internal, 'tydantic/settings': settingsEntry },
    logLevel: 'error',
  });
  const exports = (await import(/* @vite-ignore */ pathToFileURL(outfile).href)) as Record<string, any>;
  return { dir, result, exports };
}

/** What `tydantic generate` reports, formatted, for a project of one file, models.ts, made of `lines`. */
export function diagnosticsOf(name: string, lines: readonly string[], compilerOptions: Record<string, unknown> = {}): string[] {
  const dir = path.join(repo, 'test/.tmp', `${name}-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  writeTsconfig(dir, 'standard', compilerOptions);
  writeFileSync(path.join(dir, 'models.ts'), [...lines, ''].join('\n'));
  return new Generator({ project: path.join(dir, 'tsconfig.json') }).run().diagnostics.map(formatDiagnostic);
}
