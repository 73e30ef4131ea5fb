/**
 * The compile step on real-world types, tydantic beside typia: for each package of test/corpus
 * (octokit webhooks and OpenAPI types, estree, geojson, json-schema, aws-lambda), `tydantic generate`
 * on a copy of its models, and `typia generate` on a file that calls `typia.createValidate<T>()`
 * (and, in a second project, `createValidate` and `createIs`) for every type those models' fields
 * use: wall time, peak memory (GNU time's maximum resident set size of the process tree, `%M`), the
 * bytes written, and the same module bundled and minified by esbuild and gzipped.
 *
 * `npm run bench` runs it (its smallest package only with `--smoke`); alone, without network access, from the
 * repository root (bench/node_modules installed): `npx vite-node bench/src/corpus-cli.ts [--only geojson,estree]
 * [--no-is]`. The projects and the standalone run's results.json are written under bench/.out/corpus.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { buildSync, type BuildOptions } from 'esbuild';
import ts from 'typescript';
import { writeTypiaConfig } from './peer-projects';

// Not from report.ts, which imports this module: the bench folder (the bundle runs from bench/.out) and the root.
const BENCH = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ROOT = path.dirname(BENCH);

/** The sizes of one generated module. */
export interface OutputSize {
  /** The file as written. */
  readonly moduleBytes: number;
  /** Bundled and minified by esbuild with every import left out (packages and the user's model files): the generated code alone. */
  readonly minBytes: number;
  /** `minBytes`, gzipped (level 9). */
  readonly gzipBytes: number;
  /** Bundled with the library's runtime that the module imports (the user's model files still left out), minified and gzipped. */
  readonly withRuntimeGzipBytes: number;
}

/** One run of a compile step (a spawned CLI, node's boot included): its numbers, or why it failed. */
export interface CompileRun {
  /** The command, for the record. */
  readonly command: string;
  /** Wall time of the process. */
  readonly ms: number;
  /** Peak resident memory of the process (largest of the tree), in KiB; undefined without /usr/bin/time or when it did not run. */
  readonly peakKib: number | undefined;
  /** What it wrote; undefined when it failed. */
  readonly output?: OutputSize;
  /** Why it failed: a non-zero exit or untransformed output, the timeout, or not run at all. */
  readonly failure?: { readonly kind: 'error' | 'timeout' | 'not-run'; readonly lines: readonly string[] };
}

/** A distinct field type of a package's models, with the fields that use it. */
export interface CorpusType {
  readonly type: string;
  /** `Model.field` for each use. */
  readonly uses: readonly string[];
}

/** Both compile steps on one corpus package. */
export interface CorpusResult {
  /** The folder of test/corpus. */
  readonly name: string;
  /** Model classes in its models.ts. */
  readonly models: number;
  /** The distinct field types of those models: what typia compiles. */
  readonly types: readonly CorpusType[];
  readonly tydantic: CompileRun;
  /** `createValidate` of every type. */
  readonly typia: CompileRun;
  /** `createValidate` and `createIs` of every type (what tydantic's module holds: a parse and an is); undefined when not asked for. */
  readonly typiaWithIs?: CompileRun;
}

/** What to measure. */
export interface CorpusOptions {
  /** Folders of test/corpus to measure (every one by default). */
  readonly packages?: readonly string[];
  /** Also runs typia on createValidate + createIs (default true; skipped where createValidate alone failed). */
  readonly withIs?: boolean;
  /** Per compile step (default 5 minutes). */
  readonly timeoutMs?: number;
}

const CORPUS = path.join(ROOT, 'test/corpus');
/** Where the projects of the corpus measurement are written. */
export const CORPUS_WORK = path.join(BENCH, '.out/corpus');
const WORK = CORPUS_WORK;
const CLI = path.join(ROOT, 'codegen/dist/cli.js');
const RUNTIME_SRC = path.join(ROOT, 'src/index.ts');
const RUNTIME_DIST = path.join(ROOT, 'src/dist/index.js');
const TYPIA_BIN = path.join(BENCH, 'node_modules/.bin/typia');
const GNU_TIME = '/usr/bin/time';
const TIMEOUT_MS = 5 * 60_000;

/** The corpus packages: the folders of test/corpus with a models.ts. */
export function corpusPackages(): string[] {
  return readdirSync(CORPUS)
    .filter((name) => existsSync(path.join(CORPUS, name, 'models.ts')))
    .sort();
}

/** What typia needs from a models.ts: its imports and local types (the header), its model count and its distinct field types. */
function readModels(file: string): { header: string[]; models: number; types: CorpusType[] } {
  const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const header: string[] = [];
  const byType = new Map<string, { type: string; uses: string[] }>();
  let models = 0;
  for (const stmt of sf.statements) {
    if (ts.isImportDeclaration(stmt)) {
      const spec = (stmt.moduleSpecifier as ts.StringLiteral).text;
      if (spec === 'tydantic') continue;
      const text = stmt.getText(sf);
      // Only types are needed, and most type packages have no JavaScript to import.
      header.push(stmt.importClause?.isTypeOnly ? text : text.replace(/^import\s+/, 'import type '));
    } else if (ts.isTypeAliasDeclaration(stmt) || ts.isInterfaceDeclaration(stmt) || ts.isEnumDeclaration(stmt)) {
      header.push(stmt.getText(sf));
    } else if (ts.isClassDeclaration(stmt) && stmt.name !== undefined) {
      const decorated = (ts.getDecorators(stmt) ?? []).some((d) => /^model\b/.test(d.expression.getText(sf)));
      const extendsModel = (stmt.heritageClauses ?? []).some((h) => h.types.some((t) => t.expression.getText(sf) === 'Model'));
      if (!decorated && !extendsModel) continue;
      models++;
      for (const member of stmt.members) {
        if (!ts.isPropertyDeclaration(member) || member.type === undefined) continue;
        if (member.modifiers?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword)) continue;
        const type = member.type.getText(sf).replace(/\s+/g, ' ');
        const entry = byType.get(type) ?? { type, uses: [] };
        entry.uses.push(`${stmt.name.text}.${member.name.getText(sf)}`);
        byType.set(type, entry);
      }
    }
  }
  return { header, models, types: [...byType.values()] };
}

/** The typia input file: the models' imports and local types, then one createValidate (and createIs) per type. */
function typiaSource(header: readonly string[], types: readonly CorpusType[], withIs: boolean): string {
  const lines = ["import typia from 'typia';", ...header, ''];
  for (const t of types) {
    const name = t.uses[0]!.replace(/\W+/g, '_');
    lines.push(`// ${t.uses.join(', ')}`, `export const validate_${name} = typia.createValidate<${t.type}>();`);
    if (withIs) lines.push(`export const is_${name} = typia.createIs<${t.type}>();`);
  }
  return `${lines.join('\n')}\n`;
}

/** Up to `n` lines of a failed run's output, from its first line that mentions an error (ANSI colours removed). */
function firstErrorLines(text: string, n = 6): string[] {
  // eslint-disable-next-line no-control-regex
  const lines = text.replace(/\u001b\[[0-9;]*m/g, '').split('\n').map((l) => l.trimEnd()).filter((l) => l.trim() !== '');
  const start = Math.max(0, lines.findIndex((l) => /error|fail|cannot|unable/i.test(l)));
  return lines.slice(start, start + n).map((l) => (l.length > 240 ? `${l.slice(0, 240)}…` : l));
}

/**
 * Spawns `argv` under `timeout` (TERM at the limit, KILL 10 s later), itself under GNU time for the peak
 * resident memory (`%M`: the largest of the process and its waited-for descendants, in KiB).
 */
function timed(argv: readonly string[], cwd: string, timeoutMs: number): { ms: number; peakKib: number | undefined; status: number | null; timedOut: boolean; text: string } {
  mkdirSync(WORK, { recursive: true });
  const memFile = path.join(WORK, `time-${process.pid}.txt`);
  rmSync(memFile, { force: true });
  const useTime = existsSync(GNU_TIME);
  const command = [...(useTime ? [GNU_TIME, '-f', '%M', '-o', memFile] : []), 'timeout', '--kill-after=10', String(Math.ceil(timeoutMs / 1000)), ...argv];
  const started = performance.now();
  const r = spawnSync(command[0]!, command.slice(1), { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, timeout: timeoutMs + 60_000, killSignal: 'SIGKILL' });
  const ms = performance.now() - started;
  let peakKib: number | undefined;
  if (useTime && existsSync(memFile)) {
    // On a non-zero exit GNU time writes "Command exited with non-zero status N" before the number.
    const last = readFileSync(memFile, 'utf8').trim().split('\n').pop() ?? '';
    peakKib = /^\d+$/.test(last) ? Number(last) : undefined;
  }
  const timedOut = r.status === 124 || r.status === 137 || (r.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT';
  return { ms, peakKib, status: r.status, timedOut, text: `${r.stdout ?? ''}\n${r.stderr ?? ''}${r.error ? `\n${r.error.message}` : ''}` };
}

/** Bundles `file` with esbuild (minified ESM, es2022) twice: every import left out, then the runtime in (`alias` maps it). */
function outputSize(file: string, alias: Record<string, string>): OutputSize {
  const common: BuildOptions = { entryPoints: [file], bundle: true, minify: true, format: 'esm', platform: 'node', target: 'es2022', write: false, logLevel: 'silent' };
  // Left out by the module's exact import specifiers: a pattern such as `./*` would also leave out the runtime's
  // own relative imports, and `packages: 'external'` comes after tsconfig paths (which map `tydantic` to its source).
  const specifiers = [...new Set([...readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*["']([^"']+)["']/g)].map((m) => m[1]!))];
  // The user's model files (the relative imports) are not generated code: left out of both bundles.
  const userFiles = specifiers.filter((s) => s.startsWith('./') || s.startsWith('../'));
  const alone = buildSync({ ...common, external: specifiers }).outputFiles![0]!.text;
  const withRuntime = buildSync({ ...common, external: userFiles, alias }).outputFiles![0]!.text;
  return {
    moduleBytes: statSync(file).size,
    minBytes: Buffer.byteLength(alone),
    gzipBytes: gzipSync(alone, { level: 9 }).length,
    withRuntimeGzipBytes: gzipSync(withRuntime, { level: 9 }).length,
  };
}

/** A command line with paths inside the repository made relative to its root. */
const commandText = (argv: readonly string[]): string => argv.map((a) => (path.isAbsolute(a) && a.startsWith(`${ROOT}/`) ? path.relative(ROOT, a) : a)).join(' ');

/** `tydantic generate` on a copy of test/corpus/<name> (under bench, so the root's node_modules resolve the type packages). */
function runTydantic(name: string, timeoutMs: number): CompileRun {
  const dir = path.join(WORK, 'tydantic', name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(path.join(CORPUS, name), dir, { recursive: true, filter: (f) => path.basename(f) !== 'tydantic.gen.ts' });
  // The tsconfig test/helpers/compile.ts writes (standard decorators).
  const compilerOptions = { target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', strict: true, skipLibCheck: true, noEmit: true, types: [], paths: { tydantic: [RUNTIME_SRC], 'tydantic/internal': [path.join(ROOT, 'src/internal.ts')] } };
  const tsconfig = path.join(dir, 'tsconfig.json');
  writeFileSync(tsconfig, JSON.stringify({ compilerOptions, include: ['**/*.ts'] }, null, 2));
  const argv = [process.execPath, CLI, 'generate', '-p', tsconfig];
  const r = timed(argv, dir, timeoutMs);
  const base = { command: commandText(['node', ...argv.slice(1)]), ms: r.ms, peakKib: r.peakKib };
  const out = path.join(dir, 'tydantic.gen.ts');
  if (r.status !== 0 || !existsSync(out)) return { ...base, failure: { kind: r.timedOut ? 'timeout' : 'error', lines: firstErrorLines(r.text) } };
  return { ...base, output: outputSize(out, { tydantic: RUNTIME_DIST, 'tydantic/internal': path.join(ROOT, 'src/dist/internal.js') }) };
}

/** `typia generate` on one input file of createValidate (and createIs) calls, in its own project under bench/.out. */
function runTypia(name: string, header: readonly string[], types: readonly CorpusType[], withIs: boolean, timeoutMs: number): CompileRun {
  const dir = path.join(WORK, withIs ? 'typia-is' : 'typia', name);
  const input = path.join(dir, 'in');
  const output = path.join(dir, 'out');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(input, { recursive: true });
  writeFileSync(path.join(input, 'index.ts'), typiaSource(header, types, withIs));
  // Under bench: typia and TypeScript 5.9 resolve from bench/node_modules, the type packages from the root's.
  const tsconfig = writeTypiaConfig(dir, input);
  if (!existsSync(TYPIA_BIN)) {
    return { command: 'typia generate', ms: 0, peakKib: undefined, failure: { kind: 'not-run', lines: ['typia is not installed: bench/node_modules is missing (`npm ci --prefix bench`, as `npm run bench` does)'] } };
  }
  const argv = [process.execPath, realpathSync(TYPIA_BIN), 'generate', '--input', input, '--output', output, '--project', tsconfig];
  const r = timed(argv, BENCH, timeoutMs);
  const base = { command: commandText(['typia', ...argv.slice(2)]), ms: r.ms, peakKib: r.peakKib };
  const out = path.join(output, 'index.ts');
  if (r.status !== 0 || !existsSync(out)) return { ...base, failure: { kind: r.timedOut ? 'timeout' : 'error', lines: firstErrorLines(r.text) } };
  // typia can exit 0 and leave calls it did not transform.
  if (/typia\.create(Validate|Is)\s*</.test(readFileSync(out, 'utf8'))) {
    return { ...base, failure: { kind: 'error', lines: ['exit 0, but the output still calls typia.createValidate/createIs (not transformed)', ...firstErrorLines(r.text, 4)] } };
  }
  return { ...base, output: outputSize(out, {}) };
}

/** Builds tydantic (dist/) when codegen/dist/cli.js is missing. */
function ensureBuilt(): void {
  if (existsSync(CLI)) return;
  console.log('building tydantic (npm run build)');
  const r = spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0 || !existsSync(CLI)) throw new Error('npm run build failed: codegen/dist/cli.js is missing');
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const mib = (kib: number | undefined): string => (kib === undefined ? '?' : `${Math.round(kib / 1024)} MiB`);
const kb = (bytes: number): string => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(2)} MiB` : `${(bytes / 1024).toFixed(1)} KiB`);

/** Measures both compile steps on each corpus package, one after the other, logging each step as it ends. */
export function measureCorpus(options: CorpusOptions = {}): CorpusResult[] {
  ensureBuilt();
  const timeoutMs = options.timeoutMs ?? TIMEOUT_MS;
  const withIs = options.withIs ?? true;
  const results: CorpusResult[] = [];
  for (const name of options.packages ?? corpusPackages()) {
    const { header, models, types } = readModels(path.join(CORPUS, name, 'models.ts'));
    const log = (tool: string, run: CompileRun): void =>
      console.log(`  ${name} ${tool}: ${run.failure ? `failed (${run.failure.kind}) after ${seconds(run.ms)}: ${run.failure.lines[0] ?? ''}` : `${seconds(run.ms)}, ${mib(run.peakKib)}, ${kb(run.output!.moduleBytes)}`}`);
    const tydantic = runTydantic(name, timeoutMs);
    log('tydantic', tydantic);
    const typia = runTypia(name, header, types, false, timeoutMs);
    log('typia', typia);
    let typiaWithIs: CompileRun | undefined;
    if (withIs && typia.failure === undefined) {
      typiaWithIs = runTypia(name, header, types, true, timeoutMs);
      log('typia validate+is', typiaWithIs);
    }
    results.push({ name, models, types, tydantic, typia, ...(typiaWithIs ? { typiaWithIs } : {}) });
  }
  return results;
}

/** The cells of one compile step: generate time, peak memory, module bytes, min+gzip (alone / with the runtime). */
function cells(run: CompileRun | undefined): string[] {
  if (run === undefined) return ['–', '–', '–', '–'];
  if (run.failure !== undefined) {
    const what = run.failure.kind === 'timeout' ? `✗ timeout (${seconds(run.ms)})` : run.failure.kind === 'not-run' ? '✗ not run' : `✗ failed (${seconds(run.ms)})`;
    return [what, mib(run.peakKib), '–', '–'];
  }
  const o = run.output!;
  return [seconds(run.ms), mib(run.peakKib), kb(o.moduleBytes), `${kb(o.gzipBytes)} / ${kb(o.withRuntimeGzipBytes)}`];
}

/** A markdown table of the results (typia's createValidate run; createValidate + createIs in a second table when measured), failures listed below. */
export function formatCorpus(results: readonly CorpusResult[]): string {
  const head = (tool: string): string[] => [`${tool}: generate`, 'peak memory', 'module', 'min+gzip (alone / with runtime)'];
  const table = (typia: (r: CorpusResult) => CompileRun | undefined, label: string): string[] => [
    `| package | models | types | ${[...head('tydantic'), ...head(label)].join(' | ')} |`,
    `| --- | ---: | ---: | ${Array(8).fill('---:').join(' | ')} |`,
    ...results.map((r) => `| ${r.name} | ${r.models} | ${r.types.length} | ${[...cells(r.tydantic), ...cells(typia(r))].join(' | ')} |`),
  ];
  const out = table((r) => r.typia, 'typia createValidate');
  if (results.some((r) => r.typiaWithIs !== undefined)) out.push('', ...table((r) => r.typiaWithIs, 'typia createValidate+createIs'));
  const failures = results.flatMap((r) =>
    ([['tydantic', r.tydantic], ['typia', r.typia], ['typia validate+is', r.typiaWithIs]] as const).flatMap(([tool, run]) =>
      run?.failure ? [`- **${tool} on ${r.name}** (${run.failure.kind}): ${run.failure.lines.map((l) => `\`${l.replace(/`/g, "'")}\``).join(' ⏎ ')}`] : [],
    ),
  );
  if (failures.length > 0) out.push('', 'Failures (first lines of output):', '', ...failures);
  out.push(
    '',
    'Generate: wall time of the spawned CLI, node boot included; peak memory: GNU time `%M` (max RSS) of the process tree. ' +
      'min+gzip: the module bundled by esbuild (minified ESM), gzip -9; "alone" leaves every import out (the generated code only), ' +
      '"with runtime" bundles what it imports from its library (tydantic src/dist, typia/lib/internal); the user\'s model classes are left out of both.',
  );
  return out.join('\n');
}
