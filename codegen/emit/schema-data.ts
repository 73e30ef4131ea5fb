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

/** Writes the definitions of every model into `out`; returns the `schema` property value of a model's link. */
export function emitSchemaData(e: EmitContext, ir: ProjectIR, out: Lines): (id: string) => string {
  out.line(comment('JSON Schema definitions: per target, [validation, serialization] by alias, then by field name (read by M.jsonSchema and openApiComponents).'));
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
  out.line('');
  return (id) => {
    const { ids, recursive } = schemaClosure(ir, id);
    const defs = ids.map((ref) => `${lit(ref)}: ${tables.get(ref)}`).join(', ');
    return `{ id: ${lit(id)}, defs: { ${defs} }${recursive ? ', recursive: true' : ''} }`;
  };
}
