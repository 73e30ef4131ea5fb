/**
 * The schema section of the generated module: each model's own definition as
 * JSON text per target and mode (one constant per distinct text), and per
 * linked model the `schema` data `link` hands to `M.jsonSchema()`.
 */
import { reviver } from '../../src/json-schema';
import type { ProjectIR } from '../ir';
import { comment, type Lines, lit } from './code';
import type { EmitContext } from './context';
import { definitionOf, SCHEMA_TARGETS, type SchemaMode, type SchemaTarget, schemaClosure } from './schema';

/**
 * The texts per target, in this order: what the runtime indexes (`+1` for serialization, `+2` for field names).
 * A target whose texts the runtime derives from draft 2020-12's (see `reviver`) gets its `$ref` prefix instead.
 */
const VARIANTS: readonly { readonly mode: SchemaMode; readonly byAlias: boolean }[] = [
  { mode: 'validation', byAlias: true },
  { mode: 'serialization', byAlias: true },
  { mode: 'validation', byAlias: false },
  { mode: 'serialization', byAlias: false },
];

/** Where each target other than draft 2020-12 points its references. */
const PREFIXES: Readonly<Record<Exclude<SchemaTarget, 'draft-2020-12'>, string>> = {
  'draft-07': '#/definitions/',
  'openapi-3.0': '#/components/schemas/',
  'openapi-3.1': '#/components/schemas/',
};

/** A draft 2020-12 text as the runtime turns it into `target`'s when that target's entry is a prefix (the same reviver). */
function derived(text: string, target: SchemaTarget, prefix: string): string {
  // Where only references move, a replace gives the same text: in JSON.stringify's output the sequence
  // `"$ref":"#/$defs/` (unescaped quotes) occurs only as a `$ref` key with such a string value.
  if (target !== 'openapi-3.0' || !text.includes(',"null"]')) return text.replaceAll('"$ref":"#/$defs/', `"$ref":"${prefix}`);
  return JSON.stringify(JSON.parse(text, reviver(target, prefix)));
}

/** An object literal's key for a model id: `__proto__` computed, so that it is a key and not the prototype. */
const key = (id: string): string => (id === '__proto__' ? `[${lit(id)}]` : lit(id));

/**
 * Writes the schema section into `out`: one function that builds every linked model's schema data, called on the
 * first `jsonSchema()` (or `~standard`, `openApiComponents`) call, never at import. Inside a function that has not
 * run, the texts cost the engine a scan; as module-level constants they cost compiling, allocating and, for the
 * defining object literals, running, which was a fifth of the import time of a large module. Returns the `schema`
 * property value of a model's link: a thunk of its data.
 */
export function emitSchemaData(e: EmitContext, ir: ProjectIR, out: Lines): (id: string) => string {
  const build = e.names.fresh('schemaTable');
  const cache = e.names.fresh('schemas');
  const lookup = e.names.fresh('schemaOf');
  out.line(comment('JSON Schema definitions, built on first use: per target, [validation, serialization] by alias, then by field name.'));
  out.block(`function ${build}()${e.type('any')}`, () => {
    const texts = new Map<string, string>();
    const tables = new Map<string, string>();
    for (const model of [...ir.models, ...ir.definitions]) {
      const own = (target: SchemaTarget): string[] => VARIANTS.map(({ mode, byAlias }) => JSON.stringify(definitionOf(ir, model.id, { target, mode, byAlias })));
      const base = own('draft-2020-12');
      const entries = SCHEMA_TARGETS.map((target) => {
        const wanted = target === 'draft-2020-12' ? base : own(target);
        if (target !== 'draft-2020-12') {
          // Texts the runtime can derive from draft 2020-12's (references elsewhere, 3.0's nullable) are not written twice.
          const prefix = PREFIXES[target];
          if (wanted.every((text, i) => text === derived(base[i]!, target, prefix))) return `${lit(target)}: ${lit(prefix)}`;
        }
        const names = wanted.map((text) => {
          let name = texts.get(text);
          if (name === undefined) {
            name = e.names.fresh(`json_${texts.size + 1}`);
            texts.set(text, name);
            out.line(`const ${name} = ${lit(text)};`);
          }
          return name;
        });
        return `${lit(target)}: [${names.join(', ')}]`;
      });
      const table = e.names.fresh(`schema_${model.id}`);
      tables.set(model.id, table);
      out.line(`const ${table} = { ${entries.join(', ')} };`);
    }
    // Per linked model, its data: its own definition, then each one it reaches, in order of discovery.
    out.block('return', () => {
      for (const model of ir.models) {
        if (model.generic) continue;
        const { ids, recursive } = schemaClosure(ir, model.id);
        const defs = ids.map((ref) => `${key(ref)}: ${tables.get(ref)}`).join(', ');
        out.line(`${key(model.id)}: { id: ${lit(model.id)}, defs: { ${defs} }${recursive ? ', recursive: true' : ''} },`);
      }
    }, '};');
  });
  out.line(`let ${cache}${e.type('any')};`);
  out.line(`const ${lookup} = (id${e.type('string')})${e.type('any')} => (${cache} ??= ${build}())[id];`);
  out.line('');
  return (id) => `() => ${lookup}(${lit(id)})`;
}
