/**
 * `tydantic generate [--project tsconfig.json] [--out file] [--check] [--watch]`; `tydantic schema` is in schema-cli.ts.
 * Exit codes: 0 done, 1 diagnostics or a stale output (with --check), 2 bad usage.
 */
import { existsSync, type FSWatcher, mkdirSync, readFileSync, statSync, watch, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatDiagnostic, formatWarning } from './diagnostics';
import { Generator, type GenerateResult } from './generate';
import { schemaMain } from './schema-cli';

const USAGE = `Usage: tydantic generate [options]
       tydantic schema --out-dir <dir> [options]   (JSON Schema files; see tydantic schema --help)

Reads the models of a TypeScript project and writes one module that links
every model to its generated validator. Import that module once at startup.

Options:
  -p, --project <file>  tsconfig.json to read (default: ./tsconfig.json)
  -o, --out <file>      module to write (default: tydantic.gen.ts in the tsconfig's
                        rootDir if it sets one, else in the folder of all its
                        source files; a .js/.mjs/.cjs name writes JavaScript,
                        .cjs/.cts CommonJS)
      --check           write nothing; exit 1 if the module is missing or stale
  -w, --watch           regenerate whenever a source file changes
  -h, --help            show this help`;

/** Runs the CLI with `argv` (without node and script); returns the exit code, or never returns in watch mode. */
export function main(argv: readonly string[], log: Pick<Console, 'log' | 'error'> = console): number {
  if (argv[0] === 'schema') return schemaMain(argv.slice(1), log);
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        project: { type: 'string', short: 'p', default: 'tsconfig.json' },
        out: { type: 'string', short: 'o' },
        check: { type: 'boolean', default: false },
        watch: { type: 'boolean', short: 'w', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    log.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    log.log(USAGE);
    return 0;
  }
  if (positionals.length !== 1 || positionals[0] !== 'generate') {
    log.error(positionals.length === 0 ? USAGE : `unknown command '${positionals.join(' ')}'\n\n${USAGE}`);
    return 2;
  }
  // `-p .` names a folder, as with tsc: read its tsconfig.json.
  const project = existsSync(values.project) && statSync(values.project).isDirectory() ? path.join(values.project, 'tsconfig.json') : values.project;
  if (!existsSync(project)) {
    log.error(`error: ${project} not found (pass the tsconfig with --project)`);
    return 2;
  }
  if (values.check && values.watch) {
    log.error('error: --check and --watch cannot be combined');
    return 2;
  }
  // --out is relative to the working directory, like any other path argument.
  const out = values.out === undefined ? {} : { out: path.resolve(values.out) };
  let generator: Generator;
  try {
    generator = new Generator({ project, ...out, incremental: values.watch });
  } catch (error) {
    log.error(`error: cannot read ${project}: ${(error as Error).message}`);
    return 2;
  }
  const shown = path.relative(process.cwd(), generator.outFile) || generator.outFile;
  const result = generator.run();
  if (values.check) return check(result, shown, log);
  const code = write(result, shown, log);
  if (values.watch) {
    watchProject(generator, shown, log);
    return -1;
  }
  return code;
}

function check(result: GenerateResult, shown: string, log: Pick<Console, 'log' | 'error'>): number {
  if (report(result, log)) return 1;
  const current = existsSync(result.outFile) ? readFileSync(result.outFile, 'utf8') : undefined;
  if (current === result.code) {
    log.log(`${shown} is up to date (${count(result)})`);
    return 0;
  }
  log.error(`${shown} is ${current === undefined ? 'missing' : 'stale'}: run \`npx tydantic generate\``);
  return 1;
}

function write(result: GenerateResult, shown: string, log: Pick<Console, 'log' | 'error'>, written?: string): number {
  if (report(result, log)) return 1;
  // Watch mode knows what it wrote last: a different module is written without reading the old one to compare.
  const current = written !== undefined && written !== result.code ? written : existsSync(result.outFile) ? readFileSync(result.outFile, 'utf8') : undefined;
  if (current !== result.code) {
    mkdirSync(path.dirname(result.outFile), { recursive: true });
    writeFileSync(result.outFile, result.code);
  }
  log.log(`${current === result.code ? 'unchanged' : 'wrote'} ${shown} (${count(result)})`);
  return 0;
}

function report(result: GenerateResult, log: Pick<Console, 'log' | 'error'>): boolean {
  // Warnings go to stderr too, and change nothing else: the module is written, the exit code is 0.
  for (const d of result.warnings) log.error(formatWarning(d));
  for (const d of result.diagnostics) log.error(formatDiagnostic(d));
  if (result.diagnostics.length > 0) {
    const n = result.diagnostics.length;
    log.error(`\n${n} error${n === 1 ? '' : 's'}: nothing written`);
  }
  return result.diagnostics.length > 0;
}

function count(result: GenerateResult): string {
  const n = result.ir.models.length;
  return `${n} model${n === 1 ? '' : 's'}`;
}

/** Regenerates on every change of a TypeScript file under the project root; close the watcher to stop. */
export function watchProject(generator: Generator, shown: string, log: Pick<Console, 'log' | 'error'>): FSWatcher {
  const changed = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let written: string | undefined;
  const rebuild = (): void => {
    const started = performance.now();
    const result = generator.update(changed);
    changed.clear();
    if (write(result, shown, log, written) === 0) written = result.code;
    log.log(`  (${Math.round(performance.now() - started)} ms)`);
  };
  const watcher = watch(generator.root, { recursive: true }, (_event, name) => {
    if (name === null || !/\.[cm]?tsx?$/.test(name) || name.includes('node_modules')) return;
    const file = path.resolve(generator.root, name);
    if (file === generator.outFile) return;
    changed.add(file);
    clearTimeout(timer);
    timer = setTimeout(rebuild, 40);
  });
  log.log(`watching ${path.relative(process.cwd(), generator.root) || '.'} for changes`);
  return watcher;
}
