/**
 * `tydantic schema [--project tsconfig.json] (--out-dir <dir> | --openapi <file>) [--models …] [--target …]
 * [--mode …] [--check]`: one pretty-printed JSON file per model, or one OpenAPI document holding them all.
 * Exit codes as for `generate`.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type CliOptions, formatOf, loadConfig, type Log, compiledCount, plural, Printer, readArgs, seconds, tsconfigPath, UsageError } from './cli-support';
import { componentSchemas, isOpenApi, modelSchema, SCHEMA_TARGETS, type SchemaMode, type SchemaOptions, type SchemaTarget } from './emit/schema';
import { Generator } from './generate';
import type { ProjectIR } from './ir';
import { type JsonSchemaObject, valueSchema } from '../src/json-schema';
import { bothModes } from '../src/openapi';

export const SCHEMA_USAGE = `Usage: tydantic schema (--out-dir <dir> | --openapi <file>) [options]

Writes the JSON Schema of every model of a TypeScript project, one
<model>.json file each, from the same annotations its validators come from;
or one OpenAPI document whose components are the models.

Options:
  -p, --project <file>  tsconfig.json to read, or its folder (default: ./tsconfig.json)
      --out-dir <dir>   folder to write the files into (or schema.outDir in the config)
      --openapi <file>  write one OpenAPI document instead: every model in both
                        modes, Name-Input and Name-Output where they differ
                        (--target openapi-3.0 for OpenAPI 3.0.3, else 3.1.0)
      --models <names>  only these models (comma-separated class names or ids)
                        and the models they use
      --target <name>   ${SCHEMA_TARGETS.join(' | ')} (default: draft-2020-12);
                        OpenAPI files hold { components: { schemas } }
      --mode <mode>     validation (what parse accepts, default) | serialization
                        (what toJSON writes)
      --check           write nothing; exit 1 if a file is missing, stale or extra
      --format <name>   text (default) | json | github
  -q, --quiet           print errors only
  -h, --help            show this help`;

/** The file name and text of every model's schema (of `ids` only, when given): deterministic, pretty-printed, ending in a newline. */
export function schemaFiles(ir: ProjectIR, options: SchemaOptions, ids?: ReadonlySet<string>): Map<string, string> {
  const files = new Map<string, string>();
  for (const model of ir.models) {
    // A validator<T>()'s schema is its value's, as `Tags.jsonSchema()` gives it; OpenAPI files hold models only.
    if (model.generic || (model.validator && isOpenApi(options.target)) || (ids !== undefined && !ids.has(model.id))) continue;
    const doc = isOpenApi(options.target)
      ? { components: { schemas: componentSchemas(ir, [model.id], options) } }
      : model.validator
        ? valueSchema(modelSchema(ir, model.id, options) as JsonSchemaObject)
        : modelSchema(ir, model.id, options);
    files.set(`${model.id}.json`, `${JSON.stringify(doc, null, 2)}\n`);
  }
  return files;
}

/**
 * An OpenAPI document (no paths) whose components are the models `ids` and those they use, in validation
 * mode and in serialization mode: one component per model, or `Name-Input` and `Name-Output` where the two
 * differ (as `openApiDocument` names them).
 */
export function openApiFile(ir: ProjectIR, ids: readonly string[], target: SchemaTarget, info: { title: string; version: string }): string {
  const openapi = target === 'openapi-3.0' ? '3.0.3' : '3.1.0';
  const side = (mode: SchemaMode): Map<string, JsonSchemaObject> =>
    new Map(Object.entries(componentSchemas(ir, ids, { target: openapi === '3.0.3' ? 'openapi-3.0' : 'openapi-3.1', mode })) as [string, JsonSchemaObject][]);
  const { schemas } = bothModes(side('validation'), side('serialization'));
  return `${JSON.stringify({ openapi, info, paths: {}, components: { schemas } }, null, 2)}\n`;
}

/** The ids of the models `names` (class names or ids); throws a UsageError naming one that is not a model. */
function selected(ir: ProjectIR, names: string | undefined): Set<string> | undefined {
  if (names === undefined) return undefined;
  const out = new Set<string>();
  for (const name of names.split(',').map((n) => n.trim()).filter((n) => n !== '')) {
    const found = ir.models.filter((m) => !m.generic && (m.id === name || m.name === name));
    if (found.length === 0) throw new UsageError(`--models: '${name}' is not a model of the project`);
    for (const m of found) out.add(m.id);
  }
  return out;
}

/** The project's name and version, for the document's `info`: its package.json's, else the folder's name. */
function projectInfo(project: string): { title: string; version: string } {
  const manifest = path.join(path.dirname(project), 'package.json');
  try {
    const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown; version?: unknown };
    if (typeof pkg.name === 'string') return { title: pkg.name, version: typeof pkg.version === 'string' ? pkg.version : '0.0.0' };
  } catch {
    // No package.json beside the tsconfig: the folder names the project.
  }
  return { title: path.basename(path.dirname(project)), version: '0.0.0' };
}

/** Runs `tydantic schema` with the arguments after the command name; returns the exit code (usage errors throw `UsageError`). */
export function schemaMain(argv: readonly string[], log: Log = console, options: CliOptions = {}): number {
  const { values } = readArgs(argv, {
    project: { type: 'string', short: 'p' },
    'out-dir': { type: 'string' },
    openapi: { type: 'string' },
    models: { type: 'string' },
    target: { type: 'string' },
    mode: { type: 'string' },
    check: { type: 'boolean' },
    format: { type: 'string' },
    quiet: { type: 'boolean', short: 'q' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help === true) {
    log.log(SCHEMA_USAGE);
    return 0;
  }
  const format = formatOf(values.format);
  const config = loadConfig();
  const target = (values.target ?? config.schema?.target ?? 'draft-2020-12') as SchemaTarget;
  const mode = (values.mode ?? config.schema?.mode ?? 'validation') as SchemaMode;
  const outDir = values['out-dir'] ?? config.schema?.outDir;
  const openapi = values.openapi;
  if (outDir === undefined && openapi === undefined) throw new UsageError('--out-dir or --openapi is required');
  if (values['out-dir'] !== undefined && openapi !== undefined) throw new UsageError('--out-dir and --openapi write different things: pass one');
  if (!SCHEMA_TARGETS.includes(target)) throw new UsageError(`unknown target '${target}'; use ${SCHEMA_TARGETS.join(', ')}`);
  if (mode !== 'validation' && mode !== 'serialization') throw new UsageError(`unknown mode '${mode}'; use validation or serialization`);
  const project = tsconfigPath(values.project ?? config.project ?? 'tsconfig.json');
  if (!existsSync(project)) throw new UsageError(`${project} not found (pass the tsconfig with --project)`);
  const now = options.now ?? (() => performance.now());
  const started = now();
  const printer = new Printer(log, format, values.quiet === true, options);
  const generator = new Generator({ project });
  const result = generator.run();
  const dir = path.resolve(outDir ?? '.');
  const shown = path.relative(process.cwd(), dir) || '.';
  const summary = (status: string, count: number): Record<string, unknown> => ({ command: 'schema', outDir: shown, status, schemas: count, seconds: Number(((now() - started) / 1000).toFixed(3)) });
  if (printer.diagnostics(result, generator.root)) {
    printer.finish(summary('failed', 0));
    return 1;
  }
  const ids = selected(result.ir, values.models);
  if (openapi !== undefined) {
    const file = path.resolve(openapi);
    const shownFile = path.relative(process.cwd(), file);
    const models = result.ir.models.filter((m) => !m.generic && !m.validator && (ids === undefined || ids.has(m.id)));
    const text = openApiFile(result.ir, models.map((m) => m.id), target, projectInfo(project));
    const same = existsSync(file) && readFileSync(file, 'utf8') === text;
    const took = `compiled ${compiledCount(result.ir.models)} in ${seconds(now() - started)}`;
    if (values.check === true) {
      if (!same) {
        printer.problem(`${shownFile} is ${existsSync(file) ? 'stale' : 'missing'}`);
        printer.problem('run `npx tydantic schema` with the same options');
        printer.finish(summary('stale', 1));
        return 1;
      }
      printer.info(`${shownFile} is up to date (${took})`);
      printer.finish(summary('up-to-date', 1));
      return 0;
    }
    mkdirSync(path.dirname(file), { recursive: true });
    if (!same) writeFileSync(file, text);
    printer.info(`wrote ${shownFile} (${took})`);
    printer.finish(summary('wrote', 1));
    return 0;
  }
  const files = schemaFiles(result.ir, { target, mode }, ids);
  const existing = existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.json')) : [];
  const extra = existing.filter((name) => !files.has(name)).sort();
  const changed = [...files].filter(([name, text]) => !existsSync(path.join(dir, name)) || readFileSync(path.join(dir, name), 'utf8') !== text);
  const took = `compiled ${compiledCount(result.ir.models)} in ${seconds(now() - started)}`;
  if (values.check === true) {
    for (const [name] of changed) printer.problem(`${path.join(shown, name)} is ${existsSync(path.join(dir, name)) ? 'stale' : 'missing'}`);
    for (const name of extra) printer.problem(`${path.join(shown, name)} belongs to no model`);
    if (changed.length > 0 || extra.length > 0) {
      printer.problem('run `npx tydantic schema` with the same options');
      printer.finish(summary('stale', files.size));
      return 1;
    }
    printer.info(`${shown} is up to date (${plural(files.size, 'schema')}; ${took})`);
    printer.finish(summary('up-to-date', files.size));
    return 0;
  }
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of changed) writeFileSync(path.join(dir, name), text);
  // Files of removed models are reported, never deleted: the folder may hold other JSON.
  if (format === 'text') for (const name of extra) log.error(`warning: ${path.join(shown, name)} belongs to no model`);
  printer.info(`wrote ${changed.length} of ${plural(files.size, 'schema')} to ${shown} (${took})`);
  printer.finish(summary('wrote', files.size));
  return 0;
}
