/**
 * `tydantic schema [--project tsconfig.json] --out-dir <dir> [--target …] [--mode …] [--check]`:
 * one pretty-printed JSON file per model. Exit codes as for `generate`.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatDiagnostic } from './diagnostics';
import { componentSchemas, isOpenApi, modelSchema, SCHEMA_TARGETS, type SchemaMode, type SchemaOptions, type SchemaTarget } from './emit/schema';
import { Generator } from './generate';
import type { ProjectIR } from './ir';

const USAGE = `Usage: tydantic schema --out-dir <dir> [options]

Writes the JSON Schema of every model of a TypeScript project, one
<model>.json file each, from the same annotations its validators come from.

Options:
  -p, --project <file>  tsconfig.json to read (default: ./tsconfig.json)
      --out-dir <dir>   folder to write the files into
      --target <name>   ${SCHEMA_TARGETS.join(' | ')} (default: draft-2020-12);
                        OpenAPI files hold { components: { schemas } }
      --mode <mode>     validation (what parse accepts, default) | serialization
                        (what toJSON writes)
      --check           write nothing; exit 1 if a file is missing, stale or extra
  -h, --help            show this help`;

type Log = Pick<Console, 'log' | 'error'>;

/** The file name and text of every model's schema: deterministic, pretty-printed, ending in a newline. */
export function schemaFiles(ir: ProjectIR, options: SchemaOptions): Map<string, string> {
  const files = new Map<string, string>();
  for (const model of ir.models) {
    if (model.generic) continue;
    const doc = isOpenApi(options.target)
      ? { components: { schemas: componentSchemas(ir, [model.id], options) } }
      : modelSchema(ir, model.id, options);
    files.set(`${model.id}.json`, `${JSON.stringify(doc, null, 2)}\n`);
  }
  return files;
}

/** Runs `tydantic schema` with the arguments after the command name; returns the exit code. */
export function schemaMain(argv: readonly string[], log: Log = console): number {
  let values;
  try {
    values = parseArgs({
      args: [...argv],
      options: {
        project: { type: 'string', short: 'p', default: 'tsconfig.json' },
        'out-dir': { type: 'string' },
        target: { type: 'string', default: 'draft-2020-12' },
        mode: { type: 'string', default: 'validation' },
        check: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }).values;
  } catch (error) {
    log.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    log.log(USAGE);
    return 0;
  }
  const target = values.target as SchemaTarget;
  const mode = values.mode as SchemaMode;
  const outDir = values['out-dir'];
  const problem =
    outDir === undefined
      ? 'error: --out-dir is required'
      : !SCHEMA_TARGETS.includes(target)
        ? `error: unknown target '${target}'`
        : mode !== 'validation' && mode !== 'serialization'
          ? `error: unknown mode '${mode}'`
          : undefined;
  if (problem !== undefined || outDir === undefined) {
    log.error(`${problem}\n\n${USAGE}`);
    return 2;
  }
  const project = existsSync(values.project) && statSync(values.project).isDirectory() ? path.join(values.project, 'tsconfig.json') : values.project;
  if (!existsSync(project)) {
    log.error(`error: ${project} not found (pass the tsconfig with --project)`);
    return 2;
  }
  const { ir, diagnostics } = new Generator({ project }).run();
  for (const d of diagnostics) log.error(formatDiagnostic(d));
  if (diagnostics.length > 0) {
    log.error(`\n${diagnostics.length} error${diagnostics.length === 1 ? '' : 's'}: nothing written`);
    return 1;
  }
  const files = schemaFiles(ir, { target, mode });
  const dir = path.resolve(outDir);
  const existing = existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.json')) : [];
  const extra = existing.filter((name) => !files.has(name)).sort();
  const changed = [...files].filter(([name, text]) => !existsSync(path.join(dir, name)) || readFileSync(path.join(dir, name), 'utf8') !== text);
  const shown = path.relative(process.cwd(), dir) || '.';
  if (values.check) {
    for (const [name] of changed) log.error(`${path.join(shown, name)} is ${existsSync(path.join(dir, name)) ? 'stale' : 'missing'}`);
    for (const name of extra) log.error(`${path.join(shown, name)} belongs to no model`);
    if (changed.length > 0 || extra.length > 0) {
      log.error('run `npx tydantic schema` with the same options');
      return 1;
    }
    log.log(`${shown} is up to date (${files.size} schema${files.size === 1 ? '' : 's'})`);
    return 0;
  }
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of changed) writeFileSync(path.join(dir, name), text);
  // Files of removed models are reported, never deleted: the folder may hold other JSON.
  for (const name of extra) log.error(`warning: ${path.join(shown, name)} belongs to no model`);
  log.log(`wrote ${changed.length} of ${files.size} schema${files.size === 1 ? '' : 's'} to ${shown}`);
  return 0;
}
