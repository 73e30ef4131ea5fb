/**
 * Settings: a model loaded from the process's environment (pydantic-settings).
 * `load` gathers values from its sources by priority, merges them, parses the
 * result in lax mode, and reports every problem by the variable that holds it.
 */
import { DECORATED, type ModelOptions } from '../decorators';
import { type Issue, type JsonIssue, type Loc, ValidationError, jsonIssue, preview } from '../errors';
import { renderMessage, templateOf } from '../messages';
import { Model, type ParseOptions } from '../model';
import { escapeControls } from '../text';
import { MASK } from '../secret';
import { type FieldSpec, modelSpec } from './fields';
import {
  type SettingsSource,
  childName,
  dotenvVariables,
  fromArgs,
  fromVariables,
  isRecord,
  merge,
  pathKey,
  secretVariables,
  topName,
  type VariableRules,
  variables,
} from './sources';

/** The text encodings Node reads files in (a project needs no Node types to name one). */
export type EnvFileEncoding = 'utf8' | 'utf-8' | 'utf16le' | 'utf-16le' | 'ucs2' | 'ucs-2' | 'latin1' | 'binary' | 'ascii';

/** Where a settings model reads its values from (pydantic-settings' names, in camelCase). */
export interface SettingsOptions {
  /** Put before each field's name in capitals to name its variable: `APP_` reads `port` from `APP_PORT`. */
  envPrefix?: string;
  /** `.env` files to read (relative to the working directory); later ones win, and a missing one is skipped. */
  envFile?: string | readonly string[];
  /** The `.env` files' encoding; `utf8` by default. */
  envFileEncoding?: EnvFileEncoding;
  /** Separates a nested model's field from its parent's in a variable's name: `__` reads `db.host` from `APP_DB__HOST`. */
  nestedDelimiter?: string;
  /** Variable names must match in case too (`APP_PORT`, not `app_port`); off by default. */
  caseSensitive?: boolean;
  /** Directories of secret files, one file per field named as its variable (`/run/secrets`); later ones win. */
  secretsDir?: string | readonly string[];
  /** A value that stands for null, such as `'null'` (none by default). */
  envParseNone?: string;
  /** An empty variable counts as unset (by default it is the empty string). */
  envIgnoreEmpty?: boolean;
  /** Read `process.argv` as command-line options (`--port 80`, `--database.host db`) above the environment. */
  cliArgs?: boolean;
}

/** The sources `load` reads by default, for `LoadOptions.sources` to reorder or extend. */
export interface DefaultSources {
  /** The values given to `load` itself. */
  readonly overrides: SettingsSource;
  /** Command-line options (`cliArgs`, or `LoadOptions.args`). */
  readonly args: SettingsSource;
  /** Environment variables. */
  readonly env: SettingsSource;
  /** The `.env` files. */
  readonly dotenv: SettingsSource;
  /** The secret files. */
  readonly secrets: SettingsSource;
}

/** Options of one `load` call: they replace the model's own for this call. */
export interface LoadOptions extends Omit<SettingsOptions, 'cliArgs'> {
  /** The environment to read instead of `process.env`. */
  env?: { readonly [name: string]: string | undefined };
  /** Command-line options to read (`true`: `process.argv.slice(2)`; `false`: none). */
  args?: readonly string[] | boolean;
  /** Relative files and directories are resolved from here; the working directory by default. */
  cwd?: string;
  /**
   * The sources, highest priority first (pydantic-settings' `settings_customise_sources`); by default
   * `[overrides, args, env, dotenv, secrets]`. Add a file of your own with `fileSource`.
   */
  sources?: (defaults: DefaultSources) => readonly SettingsSource[];
}

/** One problem of a failed load: a parse issue, with the variable (or option, or file key) that holds the value. */
export type SettingsIssue = Issue & {
  /** What to fix: `APP_PORT`, `APP_PORT (.env)`, `--port`, `config.yaml: database.port`. */
  variable: string;
  /** The source the value came from (`environment`, `.env files` …), or `missing` when none gave one. */
  source: string;
};

/** A `SettingsIssue` as `toJSON()` writes it. */
export interface JsonSettingsIssue extends JsonIssue {
  /** What to fix, as `SettingsIssue.variable`. */
  variable: string;
  /** Where the value came from, as `SettingsIssue.source`. */
  source: string;
}

/** Thrown by `load`: every problem of every source, each named by the variable to fix. A ValidationError. */
export class SettingsError extends ValidationError {
  declare readonly issues: SettingsIssue[];

  constructor(title: string, issues: SettingsIssue[]) {
    super(title, issues);
    this.name = 'SettingsError';
  }

  /** `2 settings errors for AppConfig`, then one line per issue: `  APP_PORT: Input should be … [type=int_parsing, input='eighty']`. */
  override get message(): string {
    const n = this.issues.length;
    let text = `${n} settings error${n === 1 ? '' : 's'} for ${this.title}`;
    for (const issue of this.issues) {
      const input = 'input' in issue && issue.type !== 'missing' ? `, input=${preview(issue.input)}` : '';
      text += `\n  ${escapeControls(issue.variable)}: ${issue.msg} [type=${issue.type}${input}]`;
    }
    return text;
  }

  /** What `JSON.stringify(error)` writes: the issues with their variables. */
  override toJSON(): { name: 'ValidationError'; title: string; message: string; issues: JsonSettingsIssue[] } {
    const issues = this.issues.map((issue) => ({ ...jsonIssue(issue), variable: issue.variable, source: issue.source }));
    return { name: 'ValidationError', title: this.title, message: this.message, issues };
  }
}

/** Where `@settings()` keeps a class's options. */
const OPTIONS: unique symbol = Symbol.for('tydantic.settings') as never;

type SettingsClass = abstract new (...args: never[]) => Settings;

/** What `@settings()` returns: a class decorator for both TC39 and `experimentalDecorators` mode. */
export interface SettingsDecorator {
  <C extends SettingsClass>(value: C, context: ClassDecoratorContext<C>): void;
  <C extends SettingsClass>(value: C): void;
  /** Brand by which the compile step recognises the decorator through the type checker. */
  readonly '~tydantic'?: 'settings';
}

/**
 * Declares a settings model: a model (`tydantic generate` writes its validator; the model options must be
 * literals) whose `load()` reads the environment. Extra keys are forbidden unless `extra` says otherwise.
 */
export function settings(options: ModelOptions & SettingsOptions = {}): SettingsDecorator {
  return ((value: unknown) => {
    if (typeof value !== 'function') throw new TypeError('@settings() decorates classes only');
    Object.defineProperty(value, DECORATED, { value: true });
    Object.defineProperty(value, OPTIONS, { value: Object.freeze({ ...options }) });
  }) as SettingsDecorator;
}

/** Base class of settings models: `AppConfig.load()` reads and validates them. */
export abstract class Settings extends Model {
  /**
   * Reads the settings from their sources and validates them: values given here, then command-line
   * options, environment variables, `.env` files, secret files, and the fields' defaults, each winning over
   * those after it. Throws one SettingsError naming every variable to fix.
   */
  static load<M extends SettingsClass>(this: M, overrides: { readonly [key: string]: unknown } = {}, options: LoadOptions = {}): InstanceType<M> {
    const own = (Object.hasOwn(this, OPTIONS) ? (this as unknown as { [OPTIONS]: SettingsOptions })[OPTIONS] : undefined) ?? {};
    const merged: SettingsOptions & LoadOptions = { ...own, ...options };
    const spec = modelSpec(this);
    const rules: VariableRules = {
      prefix: merged.envPrefix ?? '',
      delimiter: merged.nestedDelimiter === '' ? undefined : merged.nestedDelimiter,
      caseSensitive: merged.caseSensitive === true,
      parseNone: merged.envParseNone,
      ignoreEmpty: merged.envIgnoreEmpty === true,
    };
    const cwd = merged.cwd ?? process.cwd();
    const env = fromVariables('environment', variables(Object.entries(merged.env ?? process.env), rules, (name) => name), spec.fields, rules);
    const dotenvVars = dotenvVariables(list(merged.envFile), merged.envFileEncoding ?? 'utf8', rules, cwd);
    const dotenv = fromVariables('.env files', dotenvVars, spec.fields, rules);
    const secrets = fromVariables('secret files', secretVariables(list(merged.secretsDir), spec.fields, rules, cwd), spec.fields, rules);
    const argv = options.args ?? own.cliArgs === true;
    const args = fromArgs(argv === true ? process.argv.slice(2) : argv === false ? [] : argv, spec.fields, rules);
    const given: SettingsSource = { name: 'load overrides', values: overrides };
    const defaults: DefaultSources = { overrides: given, args, env, dotenv: extrasOf(dotenv, dotenvVars, spec.forbid, rules), secrets };
    const sources = merged.sources?.(defaults) ?? [given, args, env, defaults.dotenv, secrets];
    return loadFrom(this, sources, spec.fields, rules) as InstanceType<M>;
  }
}

function list(value: string | readonly string[] | undefined): readonly string[] {
  return value === undefined ? [] : typeof value === 'string' ? [value] : value;
}

/**
 * The `.env` source with an `extra_forbidden` problem for each variable of its files that names no field
 * (when the model forbids extras): with a prefix, only variables that start with it (as pydantic-settings).
 */
function extrasOf(source: ReturnType<typeof fromVariables>, vars: ReturnType<typeof dotenvVariables>, forbid: boolean, rules: VariableRules): SettingsSource {
  if (!forbid) return source;
  const prefix = rules.caseSensitive ? rules.prefix : rules.prefix.toLowerCase();
  const problems = [...(source.problems ?? [])];
  for (const [key, entry] of vars) {
    if (source.used.has(key) || !key.startsWith(prefix)) continue;
    problems.push({ type: 'extra_forbidden', loc: [entry.label.slice(0, entry.label.indexOf(' ('))], label: entry.label, input: entry.value });
  }
  return { ...source, problems };
}

/** Merges the sources (lowest priority first), parses the result, and names each issue by its source. */
function loadFrom(cls: SettingsClass, sources: readonly SettingsSource[], fields: readonly FieldSpec[], rules: VariableRules): Settings {
  let values: Record<string, unknown> = {};
  const labels = new Map<string, { label: string; source: string }>();
  const found: SettingsIssue[] = [];
  for (const source of [...sources].reverse()) {
    for (const [key, label] of leafLabels(source)) {
      // A value replaces what lower sources gave at and below its path.
      for (const existing of [...labels.keys()]) if (existing === key || existing.startsWith(`${key}\u0000`)) labels.delete(existing);
      labels.set(key, { label, source: source.name });
    }
    values = merge(values, source.values as Record<string, unknown>);
    for (const problem of source.problems ?? []) {
      const secret = problem.type === 'extra_forbidden' || specAt(fields, problem.loc)?.secret === true;
      const ctx = problem.error === undefined ? undefined : { error: secret ? problem.error.replace(/, (?:\.\.\.)?".*"(?:\.\.\.)? is not valid JSON$/s, ' is not valid JSON') : problem.error };
      const msg = renderMessage(templateOf(problem.type, undefined) ?? (problem.type === 'json_invalid' ? 'Invalid JSON: {error}' : 'Extra inputs are not permitted'), ctx);
      const base = { type: problem.type, loc: [...problem.loc], msg, ...(problem.input === undefined ? {} : { input: secret ? MASK : problem.input }) };
      found.push({ ...(ctx === undefined ? base : { ...base, ctx }), variable: problem.label, source: source.name } as SettingsIssue);
    }
  }
  // A value a source could not read is reported once, as the source's problem.
  const unread = found.map((issue) => pathKey(issue.loc));
  const parsed = (cls as unknown as { safeParse(input: unknown, options: ParseOptions): { success: boolean; data?: Settings; error?: ValidationError } }).safeParse(values, { strict: false });
  if (parsed.success && found.length === 0) return parsed.data!;
  for (const issue of parsed.error?.issues ?? []) {
    const key = pathKey(issue.loc);
    if (unread.some((bad) => key === bad || key.startsWith(`${bad}\u0000`))) continue;
    // An input that is an object holds other values, secrets among them (a missing field's is all the settings).
    const { input, ...rest } = issue;
    const single = 'input' in issue && issue.type !== 'missing' && (typeof input !== 'object' || input === null);
    found.push({ ...rest, ...(single ? { input } : {}), ...name(issue.loc, issue.type, labels, fields, rules) } as SettingsIssue);
  }
  throw new SettingsError(cls.name, found);
}

/** The label of each value a source gives: its own, else `<source>: <dotted path>` for each leaf. */
function leafLabels(source: SettingsSource): Map<string, string> {
  const out = new Map<string, string>(source.labels ?? []);
  if (source.labels !== undefined) return out;
  const walk = (value: unknown, at: (string | number)[]): void => {
    // An object is walked into (the values themselves, and any non-empty object below); its leaves are named.
    if (isRecord(value) && (at.length === 0 || Object.keys(value).length > 0)) for (const key of Object.keys(value)) walk(value[key], [...at, key]);
    else out.set(pathKey(at), `${source.name}: ${at.join('.')}`);
  };
  walk(source.values, []);
  return out;
}

/** What an issue at `loc` calls its value: the label of the nearest value a source gave, else the variable to set. */
function name(loc: Loc, type: string, labels: ReadonlyMap<string, { label: string; source: string }>, fields: readonly FieldSpec[], rules: VariableRules): { variable: string; source: string } {
  if (type !== 'missing') {
    for (let n = loc.length; n > 0; n--) {
      const found = labels.get(pathKey(loc.slice(0, n)));
      if (found !== undefined) return { variable: n === loc.length ? found.label : `${found.label} at ${loc.slice(n).join('.')}`, source: found.source };
    }
  }
  return { variable: variableFor(loc, fields, rules), source: 'missing' };
}

/** The variable that would give the value at `loc`: `APP_DB__NAME` with a delimiter, `APP_DB at name` without. */
function variableFor(loc: Loc, fields: readonly FieldSpec[], rules: VariableRules): string {
  const [first, ...rest] = loc;
  const top = fields.find((f) => f.key === first);
  if (top === undefined) return loc.join('.') || '(settings)';
  let variable = topName(top, rules);
  let specs = top.fields;
  let i = 0;
  for (; i < rest.length && rules.delimiter !== undefined; i++) {
    const field = specs?.find((f) => f.key === rest[i]);
    if (field === undefined) break;
    variable = childName(variable, field, rules);
    specs = field.fields;
  }
  return i < rest.length ? `${variable} at ${rest.slice(i).join('.')}` : variable;
}

function specAt(fields: readonly FieldSpec[], loc: readonly (string | number)[]): FieldSpec | undefined {
  let specs: readonly FieldSpec[] | undefined = fields;
  let spec: FieldSpec | undefined;
  for (const part of loc) {
    spec = specs?.find((f) => f.key === part);
    if (spec === undefined) return undefined;
    specs = spec.fields;
  }
  return spec;
}
