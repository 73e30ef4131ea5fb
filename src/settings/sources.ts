/**
 * The sources a settings model is loaded from. Each turns what it reads
 * (environment variables, `.env` files, secret files, command-line
 * arguments, a parsed file) into values keyed as the model's input, and
 * names every value it gives, so an issue can say which variable to fix.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';
import { type FieldSpec, constantCase, kebabCase } from './fields';
import type { EnvFileEncoding } from './settings';

/** Values for a settings model from one place, with what each is called there. */
export interface SettingsSource {
  /** The source in messages: `environment`, `.env`, `config.yaml`. */
  readonly name: string;
  /** Values keyed as the model's input is (nested objects for nested models). */
  readonly values: { readonly [key: string]: unknown };
  /**
   * What issues call the value at a path (the path's keys joined by `\u0000`): `APP_PORT`, `--port`. A value
   * without a label is called `<name>: <dotted path>`.
   */
  readonly labels?: ReadonlyMap<string, string>;
  /** Problems found while reading (JSON that does not parse, unknown keys), located as parse issues are. */
  readonly problems?: readonly SourceProblem[];
}

/** A problem a source found before parsing: the value at `loc` cannot be read. */
export interface SourceProblem {
  /** `json_invalid` (a value that should be JSON and is not) or `extra_forbidden` (a name that is no field's). */
  readonly type: 'json_invalid' | 'extra_forbidden';
  /** The field's path, or `[name]` for a name that is no field's. */
  readonly loc: readonly (string | number)[];
  /** What issues call the value: `APP_DB`, `--port`. */
  readonly label: string;
  /** The text that was read (masked in the issue when the field is secret). */
  readonly input: unknown;
  /** JSON.parse's message, for `json_invalid`. */
  readonly error?: string;
}

/** How variables are named and read: the model's `@settings()` options, as a loader uses them. */
export interface VariableRules {
  readonly prefix: string;
  readonly delimiter: string | undefined;
  readonly caseSensitive: boolean;
  readonly parseNone: string | undefined;
  readonly ignoreEmpty: boolean;
}

/** Variables by name (lower-cased unless case-sensitive), each with its value and what issues call it. */
export type Variables = ReadonlyMap<string, { readonly value: string; readonly label: string; readonly name: string }>;

/** A path's key in `labels`. */
export function pathKey(loc: readonly (string | number)[]): string {
  return loc.join('\u0000');
}

/** Variables from name/value pairs: `label` says what issues call each. */
export function variables(entries: Iterable<readonly [string, string | undefined]>, rules: VariableRules, label: (name: string) => string): Map<string, { value: string; label: string; name: string }> {
  const out = new Map<string, { value: string; label: string; name: string }>();
  for (const [name, value] of entries) {
    if (value === undefined) continue;
    out.set(rules.caseSensitive ? name : name.toLowerCase(), { value, label: label(name), name });
  }
  return out;
}

/** The variable that holds a top-level field: its alias as written, else the prefix and its name in capitals. */
export function topName(field: FieldSpec, rules: VariableRules): string {
  return field.aliased ? field.key : rules.prefix + constantCase(field.name);
}

/** The variable that holds a nested field, under its parent's (`APP_DB__HOST`). */
export function childName(parent: string, field: FieldSpec, rules: VariableRules): string {
  return `${parent}${rules.delimiter}${field.aliased ? field.key : constantCase(field.name)}`;
}

/**
 * A source from variables: each field's variable, decoded (JSON for models, arrays and objects), then the
 * variables under it through the delimiter, merged over it.
 */
export function fromVariables(name: string, vars: Variables, fields: readonly FieldSpec[], rules: VariableRules): SettingsSource & { readonly used: ReadonlySet<string> } {
  const values: Record<string, unknown> = {};
  const labels = new Map<string, string>();
  const problems: SourceProblem[] = [];
  const used = new Set<string>();
  const look = (variable: string): { value: string; label: string; name: string } | undefined => {
    const key = rules.caseSensitive ? variable : variable.toLowerCase();
    const found = vars.get(key);
    if (found !== undefined) used.add(key);
    return found;
  };
  const walk = (specs: readonly FieldSpec[], into: Record<string, unknown>, at: readonly (string | number)[], nameOf: (f: FieldSpec) => string): void => {
    for (const field of specs) {
      const variable = nameOf(field);
      const loc = [...at, field.key];
      const found = look(variable);
      if (found !== undefined && !(rules.ignoreEmpty && found.value === '')) {
        const decoded = decode(field, found.value, rules);
        if ('error' in decoded) problems.push({ type: 'json_invalid', loc, label: found.label, input: found.value, error: decoded.error });
        else {
          into[field.key] = decoded.value;
          labels.set(pathKey(loc), found.label);
        }
      }
      if (rules.delimiter !== undefined && field.entries !== undefined) {
        // A record through the delimiter: `APP_LIMITS__RPS=20` is the key `RPS` (as written) of `limits`.
        const head = (rules.caseSensitive ? variable : variable.toLowerCase()) + rules.delimiter;
        const entries: Record<string, unknown> = {};
        for (const [key, found] of vars) {
          if (!key.startsWith(head) || key.length === head.length) continue;
          used.add(key);
          const name = found.name.slice(head.length);
          const decoded = decode(field.entries, found.value, rules);
          if ('error' in decoded) problems.push({ type: 'json_invalid', loc: [...loc, name], label: found.label, input: found.value, error: decoded.error });
          else {
            Object.defineProperty(entries, name, { value: decoded.value, enumerable: true, writable: true, configurable: true });
            labels.set(pathKey([...loc, name]), found.label);
          }
        }
        if (Object.keys(entries).length > 0) {
          const current = into[field.key];
          into[field.key] = isRecord(current) ? merge(current, entries) : entries;
        }
      }
      if (rules.delimiter === undefined || field.fields === undefined) continue;
      const nested: Record<string, unknown> = {};
      walk(field.fields, nested, loc, (child) => childName(variable, child, rules));
      if (Object.keys(nested).length === 0) continue;
      const current = into[field.key];
      into[field.key] = isRecord(current) ? merge(current, nested) : nested;
    }
  };
  walk(fields, values, [], (field) => topName(field, rules));
  return { name, values, labels, problems, used };
}

/** What a variable's text stands for: JSON for models, arrays and objects; `a,b` for arrays; the text otherwise. */
export function decode(field: FieldSpec, text: string, rules: Pick<VariableRules, 'parseNone'>): { value: unknown } | { error: string } {
  if (rules.parseNone !== undefined && text === rules.parseNone) return { value: null };
  if (!field.complex) return { value: text };
  const trimmed = text.trim();
  if (field.list && !trimmed.startsWith('[')) {
    // A list written the way people write one in a shell: `a,b,c` (items trimmed; an empty text is no item).
    return { value: trimmed === '' ? [] : trimmed.split(',').map((item) => item.trim()) };
  }
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    if (field.text && !/^[[{"]/.test(trimmed)) return { value: text };
    return { error: (error as Error).message };
  }
}

/** The `.env` files, later ones winning, as variables labelled with their file. */
export function dotenvVariables(files: readonly string[], encoding: EnvFileEncoding, rules: VariableRules, cwd: string): Map<string, { value: string; label: string; name: string }> {
  const out = new Map<string, { value: string; label: string; name: string }>();
  for (const file of files) {
    const full = path.resolve(cwd, file);
    let text: string;
    try {
      text = readFileSync(full, encoding);
    } catch (error) {
      // A missing file is no source (pydantic-settings skips it too); any other failure is the user's to see.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw error;
    }
    for (const [key, entry] of variables(Object.entries(parseEnv(text)), rules, (name) => `${name} (${file})`)) out.set(key, entry);
  }
  return out;
}

/**
 * Secret files (Docker and Kubernetes mount one file per secret): a top-level field's file is named as its
 * variable; its text, trimmed, is the value. Later directories win; a directory that is not there is skipped.
 */
export function secretVariables(dirs: readonly string[], fields: readonly FieldSpec[], rules: VariableRules, cwd: string): Map<string, { value: string; label: string; name: string }> {
  const out = new Map<string, { value: string; label: string; name: string }>();
  for (const dir of dirs) {
    const full = path.resolve(cwd, dir);
    let entries: string[];
    try {
      entries = readdirSync(full);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw error;
    }
    const byName = new Map(entries.map((entry) => [rules.caseSensitive ? entry : entry.toLowerCase(), entry]));
    for (const field of fields) {
      const variable = topName(field, rules);
      const entry = byName.get(rules.caseSensitive ? variable : variable.toLowerCase());
      if (entry === undefined) continue;
      const file = path.join(full, entry);
      if (!statSync(file).isFile()) continue;
      out.set(rules.caseSensitive ? variable : variable.toLowerCase(), { value: readFileSync(file, 'utf8').trim(), label: `${variable} (secret file ${file})`, name: entry });
    }
  }
  return out;
}

/**
 * Command-line options: `--port 80`, `--port=80`, `--database.host db` (a field's name, its kebab-case form
 * or its alias, nested with dots); a boolean's option alone means true; a repeated list option adds items.
 */
export function fromArgs(args: readonly string[], fields: readonly FieldSpec[], rules: Pick<VariableRules, 'parseNone'>): SettingsSource {
  const values: Record<string, unknown> = {};
  const labels = new Map<string, string>();
  const problems: SourceProblem[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') break;
    if (!arg.startsWith('--')) {
      problems.push({ type: 'extra_forbidden', loc: [arg], label: arg, input: arg });
      continue;
    }
    const eq = arg.indexOf('=');
    const option = arg.slice(2, eq < 0 ? undefined : eq);
    const found = resolveOption(option.split('.'), fields);
    if (found === undefined) {
      problems.push({ type: 'extra_forbidden', loc: [`--${option}`], label: `--${option}`, input: eq < 0 ? undefined : arg.slice(eq + 1) });
      continue;
    }
    const { loc, field } = found;
    let text: string;
    if (eq >= 0) text = arg.slice(eq + 1);
    else {
      const next = args[i + 1];
      const takesNext = next !== undefined && !next.startsWith('--') && (!field.flag || /^(?:true|false|[01]|yes|no|on|off|t|f|y|n)$/i.test(next));
      text = takesNext ? next : field.flag ? 'true' : '';
      if (takesNext) i++;
    }
    const label = `--${option}`;
    const decoded = decode(field, text, rules);
    if ('error' in decoded) {
      problems.push({ type: 'json_invalid', loc, label, input: text, error: decoded.error });
      continue;
    }
    let parent = values;
    for (const key of loc.slice(0, -1)) {
      const next = parent[key];
      parent = (parent[key] = isRecord(next) ? next : {}) as Record<string, unknown>;
    }
    const key = loc[loc.length - 1]!;
    const before = parent[key];
    // A list option given again adds its items.
    parent[key] = field.list && Array.isArray(before) && Array.isArray(decoded.value) ? [...before, ...decoded.value] : decoded.value;
    labels.set(pathKey(loc), label);
  }
  return { name: 'command line', values, labels, problems };
}

function resolveOption(parts: readonly string[], fields: readonly FieldSpec[]): { loc: string[]; field: FieldSpec } | undefined {
  const loc: string[] = [];
  let specs: readonly FieldSpec[] | undefined = fields;
  let field: FieldSpec | undefined;
  for (const part of parts) {
    field = specs?.find((f) => f.name === part || f.key === part || kebabCase(f.name) === part);
    if (field === undefined) return undefined;
    loc.push(field.key);
    specs = field.fields;
  }
  return field === undefined ? undefined : { loc, field };
}

/**
 * A source from data the caller parsed (a JSON, YAML or TOML file), keyed as the model's input:
 * `fileSource('config.yaml', (text) => YAML.parse(text))`. A file that is not there gives no values
 * unless `required`.
 */
export function fileSource(file: string, parse: (text: string) => unknown, options: { required?: boolean; cwd?: string } = {}): SettingsSource {
  let text: string;
  try {
    text = readFileSync(path.resolve(options.cwd ?? process.cwd(), file), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && options.required !== true) return { name: file, values: {} };
    throw error;
  }
  const values = parse(text);
  if (!isRecord(values)) throw new TypeError(`${file} holds ${values === null ? 'null' : Array.isArray(values) ? 'an array' : typeof values}, not an object of settings`);
  return { name: file, values };
}

/** A plain object: one that merging goes into (not an array, a Date or a class's instance). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** `over` merged into a copy of `base`, objects inside objects merged too (pydantic-settings' deep update). */
export function merge(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const key of Object.keys(over)) {
    const a = out[key];
    const b = over[key];
    Object.defineProperty(out, key, { value: isRecord(a) && isRecord(b) ? merge(a, b) : b, enumerable: true, writable: true, configurable: true });
  }
  return out;
}
