/**
 * The `tydantic` command: `generate` (here), `schema` (schema-cli.ts), `help`, `--version`.
 * Exit codes: 0 done, 1 diagnostics or a stale output (with --check), 2 bad usage.
 */
import { existsSync, type FSWatcher, mkdirSync, readdirSync, readFileSync, statSync, watch, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type CliOptions, closest, compilerVersion, formatOf, loadConfig, type Log, compiledCount, countModels, Printer, readArgs, seconds, tsconfigPath, UsageError } from './cli-support';
import { Generator, type GenerateResult } from './generate';
import { SCHEMA_USAGE, schemaMain } from './schema-cli';

const MAIN_USAGE = `Usage: tydantic <command> [options]

Commands:
  generate   write the module that links every model to its validator
  schema     write the JSON Schema of every model (one file each)
  help       show the help of a command: tydantic help generate

Options:
  -v, --version  print the version
  -h, --help     show this help

Docs: docs/cli.md. Settings may also come from tydantic.config.json or the
"tydantic" key of package.json (project, out, schema.outDir/target/mode).`;

const GENERATE_USAGE = `Usage: tydantic generate [options]

Reads the models of a TypeScript project and writes one module that links
every model to its generated validator. Import that module once at startup.

Options:
  -p, --project <file>  tsconfig.json to read, or its folder (default: ./tsconfig.json)
  -o, --out <file>      module to write (default: tydantic.gen.ts in the tsconfig's
                        rootDir if it sets one, else in the folder of all its
                        source files; a .js/.mjs/.cjs name writes JavaScript,
                        .cjs/.cts CommonJS)
      --check           write nothing; exit 1 if the module is missing or stale
  -w, --watch           regenerate whenever a source file changes
      --format <name>   text (default) | json (one document on stdout) |
                        github (workflow annotations, for GitHub Actions)
  -q, --quiet           print errors only
  -h, --help            show this help`;

const COMMANDS = ['generate', 'schema', 'help'];

/** Runs the CLI with `argv` (without node and script); returns the exit code, or -1 in watch mode (which keeps running). */
export function main(argv: readonly string[], log: Log = console, options: CliOptions = {}): number {
  try {
    const [first, ...rest] = argv;
    if (first === '-v' || first === '--version' || first === 'version') {
      log.log(compilerVersion());
      return 0;
    }
    if (first === undefined) {
      log.error(MAIN_USAGE);
      return 2;
    }
    if (first === '-h' || first === '--help') {
      log.log(MAIN_USAGE);
      return 0;
    }
    if (first === 'help') {
      const topic = rest[0];
      const text = topic === undefined ? MAIN_USAGE : topic === 'generate' ? GENERATE_USAGE : topic === 'schema' ? SCHEMA_USAGE : undefined;
      if (text === undefined) throw unknownCommand(topic!);
      log.log(text);
      return 0;
    }
    if (first === 'generate') return generateMain(rest, log, options);
    if (first === 'schema') return schemaMain(rest, log, options);
    if (first.startsWith('-')) throw new UsageError(`expected a command before '${first}': tydantic generate ${argv.join(' ')}`);
    throw unknownCommand(first);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    const command = argv[0] === 'generate' || argv[0] === 'schema' ? ` ${argv[0]}` : '';
    log.error(`error: ${error.message}\nrun \`tydantic help${command}\` for usage`);
    return 2;
  }
}

function unknownCommand(name: string): UsageError {
  const near = closest(name, COMMANDS);
  return new UsageError(`unknown command '${name}'${near === undefined ? '' : ` (did you mean '${near}'?)`}`);
}

function generateMain(argv: readonly string[], log: Log, options: CliOptions): number {
  const { values } = readArgs(argv, {
    project: { type: 'string', short: 'p' },
    out: { type: 'string', short: 'o' },
    check: { type: 'boolean' },
    watch: { type: 'boolean', short: 'w' },
    format: { type: 'string' },
    quiet: { type: 'boolean', short: 'q' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help === true) {
    log.log(GENERATE_USAGE);
    return 0;
  }
  const format = formatOf(values.format);
  if (values.check === true && values.watch === true) throw new UsageError('--check and --watch cannot be combined');
  const config = loadConfig();
  const project = tsconfigPath(values.project ?? config.project ?? 'tsconfig.json');
  if (!existsSync(project)) throw new UsageError(`${project} not found (pass the tsconfig with --project)`);
  // --out is relative to the working directory, like any other path argument.
  const outPath = values.out === undefined ? config.out : path.resolve(values.out);
  const now = options.now ?? (() => performance.now());
  const started = now();
  let generator: Generator;
  try {
    generator = new Generator({ project, ...(outPath === undefined ? {} : { out: outPath }), incremental: values.watch === true });
  } catch (error) {
    throw new UsageError(`cannot read ${project}: ${(error as Error).message}`);
  }
  const printer = new Printer(log, format, values.quiet === true, options);
  const shown = path.relative(process.cwd(), generator.outFile) || generator.outFile;
  const result = generator.run();
  const took = (): string => `compiled ${compiledCount(result.ir.models)} in ${seconds(now() - started)}`;
  const { models, validators } = countModels(result.ir.models);
  const summary = (status: string): Record<string, unknown> => ({
    command: 'generate',
    out: shown,
    status,
    models,
    ...(validators === 0 ? {} : { validators }),
    seconds: Number(((now() - started) / 1000).toFixed(3)),
  });
  if (printer.diagnostics(result, generator.root)) {
    printer.finish(summary('failed'));
    return 1;
  }
  if (values.check === true) {
    const current = existsSync(result.outFile) ? readFileSync(result.outFile, 'utf8') : undefined;
    if (current === result.code) {
      printer.info(`${shown} is up to date (${took()})`);
      printer.finish(summary('up-to-date'));
      return 0;
    }
    printer.problem(`${shown} is ${current === undefined ? 'missing' : 'stale'}: run \`npx tydantic generate\``);
    printer.finish(summary(current === undefined ? 'missing' : 'stale'));
    return 1;
  }
  const wrote = write(result);
  printer.info(`${wrote ? 'wrote' : 'unchanged'} ${shown} (${took()})`);
  printer.finish(summary(wrote ? 'wrote' : 'unchanged'));
  if (values.watch === true) {
    watchProject(generator, shown, printer, options);
    return -1;
  }
  return 0;
}

/** Writes the module unless the file already holds it (or `written`, what watch mode wrote last); returns whether it wrote. */
function write(result: GenerateResult, written?: string): boolean {
  const current = written !== undefined && existsSync(result.outFile) ? written : existsSync(result.outFile) ? readFileSync(result.outFile, 'utf8') : undefined;
  if (current === result.code) return false;
  mkdirSync(path.dirname(result.outFile), { recursive: true });
  writeFileSync(result.outFile, result.code);
  return true;
}

/** The TypeScript files under `dir` with their modification times (node_modules and dot folders left out). */
function scan(dir: string, into = new Map<string, number>()): Map<string, number> {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return into;
  }
  for (const entry of entries) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) scan(file, into);
    else if (/\.[cm]?tsx?$/.test(entry.name)) {
      try {
        into.set(file, statSync(file).mtimeMs);
      } catch {
        // Gone between the listing and the stat: the next scan sees it missing.
      }
    }
  }
  return into;
}

/**
 * Regenerates on every change of a TypeScript file under the project root; close the watcher to stop.
 *
 * Editors save by writing a temporary file and renaming it over the original, `git checkout` replaces,
 * deletes and adds files and folders at once, and recursive `fs.watch` reports such events loosely (a
 * rename under either name, nothing for files in a folder made after the watch began). So an event only
 * says *something* changed: after a short quiet period the tree is scanned, and every file added,
 * removed or changed since the last scan is read again, with tsconfig.json changes reloading the project.
 */
export function watchProject(generator: Generator, shown: string, printer: Printer, options: CliOptions = {}): FSWatcher {
  const now = options.now ?? (() => performance.now());
  let current = generator;
  let known = scan(current.root);
  let timer: NodeJS.Timeout | undefined;
  let written: string | undefined = existsSync(current.outFile) ? readFileSync(current.outFile, 'utf8') : undefined;
  const tsconfig = path.join(current.root, 'tsconfig.json');
  let tsconfigText = existsSync(tsconfig) ? readFileSync(tsconfig, 'utf8') : '';
  const rebuild = (): void => {
    const started = now();
    let result: GenerateResult;
    const text = existsSync(tsconfig) ? readFileSync(tsconfig, 'utf8') : '';
    const next = scan(current.root);
    if (text !== tsconfigText) {
      // A new tsconfig may change the files, the options, everything: start over.
      tsconfigText = text;
      try {
        current = new Generator({ project: tsconfig, out: current.outFile, incremental: true });
      } catch (error) {
        printer.problem(`cannot read ${path.relative(process.cwd(), tsconfig)}: ${(error as Error).message}`);
        return;
      }
      result = current.run();
    } else {
      const changed = new Set<string>();
      for (const [file, mtime] of next) if (known.get(file) !== mtime && file !== current.outFile) changed.add(file);
      for (const file of known.keys()) if (!next.has(file)) changed.add(file);
      const outMissing = !existsSync(current.outFile);
      if (changed.size === 0 && !outMissing) return;
      result = current.update(changed);
    }
    known = next;
    if (printer.diagnostics(result, current.root)) return;
    const wrote = write(result, written);
    written = result.code;
    printer.info(`${wrote ? 'wrote' : 'unchanged'} ${shown} (compiled ${compiledCount(result.ir.models)} in ${seconds(now() - started)})`);
  };
  const watcher = watch(current.root, { recursive: true }, (_event, name) => {
    if (name !== null && (name.includes('node_modules') || name.split(path.sep).some((part) => part.startsWith('.')))) return;
    clearTimeout(timer);
    timer = setTimeout(rebuild, 60);
  });
  // Stop the debounce with the watcher, so nothing runs after close.
  const close = watcher.close.bind(watcher);
  watcher.close = () => {
    clearTimeout(timer);
    close();
  };
  printer.info(`watching ${path.relative(process.cwd(), current.root) || '.'} for changes`);
  return watcher;
}
