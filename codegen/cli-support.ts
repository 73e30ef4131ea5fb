/**
 * What every `tydantic` command shares: reading its arguments with short, helpful errors, the config file,
 * the version, and printing diagnostics as text (with a code frame and colour), JSON or GitHub annotations.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { nearestManifest } from './compiler-options';
import type { Diagnostic } from './diagnostics';

/** Where a command prints: `log` is stdout, `error` is stderr. */
export type Log = Pick<Console, 'log' | 'error'>;

/** How the CLI runs: injectable for tests, taken from the process otherwise. */
export interface CliOptions {
  /** Colour in diagnostics; default: on when stderr is a TTY, off with `NO_COLOR`, on with `FORCE_COLOR`. */
  readonly color?: boolean;
  /** The clock for the summary line's duration, in milliseconds. */
  readonly now?: () => number;
}

/** Whether to colour output: `NO_COLOR` wins, then `FORCE_COLOR`, then whether stderr is a terminal. */
export function colorDefault(env: NodeJS.ProcessEnv = process.env, tty: boolean = process.stderr.isTTY === true): boolean {
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
  if (env['FORCE_COLOR'] !== undefined) return env['FORCE_COLOR'] !== '0' && env['FORCE_COLOR'] !== 'false';
  return tty;
}

/** The output formats of `--format`. */
export const FORMATS = ['text', 'json', 'github'] as const;
export type Format = (typeof FORMATS)[number];

/** A usage error: printed as `error: …` with a pointer to the help, exit code 2. */
export class UsageError extends Error {}

/** Levenshtein distance, for "did you mean". */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let last = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const next = Math.min(row[j]! + 1, row[j - 1]! + 1, last + (a[i - 1] === b[j - 1] ? 0 : 1));
      last = row[j]!;
      row[j] = next;
    }
  }
  return row[b.length]!;
}

/** The candidate closest to `word`, if it is close enough to be a typo of it. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = distance(word, candidate);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(best.length / 3)) ? best : undefined;
}

/** `parseArgs` with errors a user can act on: the unknown option named, the likely one suggested. */
export function readArgs<T extends NonNullable<ParseArgsConfig['options']>>(argv: readonly string[], options: T, allowPositionals = false) {
  try {
    return parseArgs({ args: [...argv], options, allowPositionals, strict: true });
  } catch (error) {
    const code = (error as { code?: string }).code;
    const message = (error as Error).message;
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      const flag = /'(-[^']*)'/.exec(message)?.[1] ?? message;
      const names = Object.keys(options).map((name) => `--${name}`);
      const near = flag.startsWith('--') ? closest(flag.split('=')[0]!, names) : undefined;
      throw new UsageError(`unknown option '${flag}'${near === undefined ? '' : ` (did you mean ${near}?)`}`);
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      const flag = /'(--?[\w-]+)/.exec(message)?.[1] ?? 'an option';
      throw new UsageError(/argument missing/.test(message) ? `option '${flag}' needs a value` : `option '${flag}' takes no value`);
    }
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
      throw new UsageError(`unexpected argument '${/'([^']*)'/.exec(message)?.[1] ?? ''}'`);
    }
    throw new UsageError(message);
  }
}

/** The version of the compiler package, from the package.json above this file (`codegen/` or the installed package). */
export function compilerVersion(): string {
  const manifest = nearestManifest(path.dirname(fileURLToPath(import.meta.url)), (m) => m['name'] === '@tydantic/compiler');
  return typeof manifest?.['version'] === 'string' ? manifest['version'] : 'unknown';
}

/** The settings a config file may give; command-line flags win over them. */
export interface Config {
  readonly project?: string | undefined;
  readonly out?: string | undefined;
  readonly schema?: { readonly outDir?: string | undefined; readonly target?: string | undefined; readonly mode?: string | undefined };
  /** Where the settings came from, for messages; paths in them are relative to its folder. */
  readonly from?: string;
}

const CONFIG_KEYS = ['project', 'out', 'schema'];
const SCHEMA_KEYS = ['outDir', 'target', 'mode'];

/**
 * The settings of `tydantic.config.json` in `cwd`, else of the `tydantic` key of `cwd`'s package.json, else none.
 * Unknown keys and values of the wrong type are usage errors that name the file.
 */
export function loadConfig(cwd: string = process.cwd()): Config {
  const own = path.join(cwd, 'tydantic.config.json');
  let raw: unknown;
  let from: string;
  if (existsSync(own)) {
    from = own;
    try {
      raw = JSON.parse(readFileSync(own, 'utf8'));
    } catch (error) {
      throw new UsageError(`cannot read ${path.relative(cwd, own)}: ${(error as Error).message}`);
    }
  } else {
    from = path.join(cwd, 'package.json');
    if (!existsSync(from)) return {};
    try {
      raw = (JSON.parse(readFileSync(from, 'utf8')) as { tydantic?: unknown }).tydantic;
    } catch {
      return {};
    }
    if (raw === undefined) return {};
  }
  const shown = path.relative(cwd, from) + (from.endsWith('package.json') ? ' ("tydantic")' : '');
  const object = (value: unknown, keys: readonly string[], where: string): Record<string, unknown> => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new UsageError(`${shown}: ${where} should be an object`);
    for (const key of Object.keys(value)) {
      if (!keys.includes(key)) {
        const near = closest(key, keys);
        throw new UsageError(`${shown}: unknown key '${where === 'the settings' ? key : `schema.${key}`}'${near === undefined ? '' : ` (did you mean '${near}'?)`}`);
      }
      if (key !== 'schema' && typeof (value as Record<string, unknown>)[key] !== 'string') throw new UsageError(`${shown}: '${key}' should be a string`);
    }
    return value as Record<string, unknown>;
  };
  const settings = object(raw, CONFIG_KEYS, 'the settings');
  if (settings['schema'] !== undefined) object(settings['schema'], SCHEMA_KEYS, "'schema'");
  const dir = path.dirname(from);
  const resolve = (p: unknown): string | undefined => (typeof p === 'string' ? path.resolve(dir, p) : undefined);
  const schema = settings['schema'] as Record<string, string> | undefined;
  return {
    from,
    ...(settings['project'] === undefined ? {} : { project: resolve(settings['project']) }),
    ...(settings['out'] === undefined ? {} : { out: resolve(settings['out']) }),
    ...(schema === undefined
      ? {}
      : { schema: { ...(schema['outDir'] === undefined ? {} : { outDir: resolve(schema['outDir']) }), ...(schema['target'] === undefined ? {} : { target: schema['target'] }), ...(schema['mode'] === undefined ? {} : { mode: schema['mode'] }) } }),
  };
}

/** `-p .` names a folder, as with tsc: its tsconfig.json. */
export function tsconfigPath(project: string): string {
  return existsSync(project) && statSync(project).isDirectory() ? path.join(project, 'tsconfig.json') : project;
}

const paint = (on: boolean, code: string, text: string): string => (on ? `\u001b[${code}m${text}\u001b[0m` : text);

/**
 * A diagnostic as text: the `file:line:col - error: message` line (as tsc prints it, for editors and scripts),
 * the source line with a caret under the column when the file can be read, and the hint.
 */
export function formatPretty(d: Diagnostic, severity: 'error' | 'warning', root: string, color: boolean): string {
  const head = `${paint(color, '36', d.loc.file)}:${paint(color, '33', String(d.loc.line))}:${paint(color, '33', String(d.loc.column))} - ${paint(color, severity === 'error' ? '31' : '33', severity)}: ${d.message}`;
  const lines = [head];
  const file = path.resolve(root, d.loc.file);
  if (existsSync(file) && statSync(file).isFile() && /\.[cm]?tsx?$/.test(file)) {
    const source = readFileSync(file, 'utf8').split(/\r?\n/)[d.loc.line - 1];
    if (source !== undefined) {
      const gutter = String(d.loc.line);
      lines.push('', `${paint(color, '7', gutter)} ${source.replace(/\t/g, ' ')}`, `${paint(color, '7', ' '.repeat(gutter.length))} ${' '.repeat(Math.max(0, d.loc.column - 1))}${paint(color, severity === 'error' ? '31' : '33', '~')}`, '');
    }
  }
  lines.push(`  hint: ${d.hint}`);
  return lines.join('\n');
}

/** A GitHub Actions workflow command (`::error file=…,line=…,col=…::message`), escaped as the runner reads it. */
export function formatGithub(d: Diagnostic, severity: 'error' | 'warning', root: string, cwd: string): string {
  const data = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const property = (s: string): string => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  const file = path.relative(cwd, path.resolve(root, d.loc.file)).split(path.sep).join('/');
  return `::${severity} file=${property(file)},line=${d.loc.line},col=${d.loc.column},title=${property('tydantic')}::${data(`${d.message}\nhint: ${d.hint}`)}`;
}

/** A diagnostic as a JSON record (`--format json`), its file relative to the working directory. */
export function diagnosticJson(d: Diagnostic, severity: 'error' | 'warning', root: string, cwd: string): Record<string, unknown> {
  return { severity, file: path.relative(cwd, path.resolve(root, d.loc.file)).split(path.sep).join('/'), line: d.loc.line, column: d.loc.column, message: d.message, hint: d.hint };
}

/** `n thing` or `n things`. */
export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** What a run compiled, for summary lines: `3 models`, or `3 models and 1 validator` when `validator<T>()`s were among them. */
export function compiledCount(models: readonly { readonly validator?: true }[]): string {
  const counts = countModels(models);
  const own = plural(counts.models, 'model');
  return counts.validators === 0 ? own : `${own} and ${plural(counts.validators, 'validator')}`;
}

/** How many model classes and how many `validator<T>()`s a run compiled (each validator is a model of the IR). */
export function countModels(models: readonly { readonly validator?: true }[]): { models: number; validators: number } {
  const validators = models.filter((m) => m.validator === true).length;
  return { models: models.length - validators, validators };
}

/** Seconds with one decimal, for summary lines. */
export const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

/** `--format` checked. */
export function formatOf(value: string | undefined): Format {
  const format = (value ?? 'text') as Format;
  if (!FORMATS.includes(format)) {
    const near = closest(format, FORMATS);
    throw new UsageError(`unknown format '${format}'${near === undefined ? '' : ` (did you mean '${near}'?)`}; use ${FORMATS.join(', ')}`);
  }
  return format;
}

/** Prints a run's diagnostics and lines in the chosen format; `--format json` prints one document at the end. */
export class Printer {
  private readonly errors: Record<string, unknown>[] = [];
  private readonly warnings: Record<string, unknown>[] = [];
  private readonly color: boolean;

  constructor(
    private readonly log: Log,
    readonly format: Format,
    private readonly quiet: boolean,
    options: CliOptions,
    private readonly cwd: string = process.cwd(),
  ) {
    this.color = format === 'text' && (options.color ?? colorDefault());
  }

  /** Prints warnings (unless quiet) and errors; returns whether there were errors. */
  diagnostics(result: { readonly diagnostics: readonly Diagnostic[]; readonly warnings: readonly Diagnostic[] }, root: string): boolean {
    if (!this.quiet) for (const d of result.warnings) this.one(d, 'warning', root);
    for (const d of result.diagnostics) this.one(d, 'error', root);
    const n = result.diagnostics.length;
    if (n > 0 && this.format !== 'json') this.log.error(`\n${plural(n, 'error')}: nothing written`);
    return n > 0;
  }

  private one(d: Diagnostic, severity: 'error' | 'warning', root: string): void {
    if (this.format === 'json') (severity === 'error' ? this.errors : this.warnings).push(diagnosticJson(d, severity, root, this.cwd));
    else if (this.format === 'github') this.log.log(formatGithub(d, severity, root, this.cwd));
    else this.log.error(formatPretty(d, severity, root, this.color));
  }

  /** A line of progress or summary on stdout (not with --quiet, nor with --format json). */
  info(line: string): void {
    if (!this.quiet && this.format !== 'json') this.log.log(line);
  }

  /** A problem that is not a diagnostic (a stale module): stderr, or an annotation in github format. */
  problem(line: string): void {
    if (this.format === 'json') this.errors.push({ severity: 'error', message: line });
    else if (this.format === 'github') this.log.log(`::error title=tydantic::${line}`);
    else this.log.error(line);
  }

  /** With --format json: the whole run as one document on stdout. */
  finish(summary: Record<string, unknown>): void {
    if (this.format === 'json') this.log.log(JSON.stringify({ ...summary, errors: this.errors, warnings: this.warnings }, null, 2));
  }
}

