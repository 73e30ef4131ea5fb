/**
 * The schema section of the generated module: each model's own definition as
 * JSON text per target and mode (one constant per distinct text), and per
 * linked model the `schema` data `link` hands to `M.jsonSchema()`.
 */
import type { ProjectIR } from '../ir';
import { comment, type Lines, lit } from './code';
import type { EmitContext } from './context';
import { definitionOf, SCHEMA_TARGETS, type SchemaMode, schemaClosure } from './schema';

/** The texts per target, in this order: what the runtime indexes (`+1` for serialization, `+2` for field names). */
const VARIANTS: readonly { readonly mode: SchemaMode; readonly byAlias: boolean }[] = [
  { mode: 'validation', byAlias: true },
  { mode: 'serialization', byAlias: true },
  { mode: 'validation', byAlias: false },
  { mode: 'serialization', byAlias: false },
];

/** Writes the definitions of every model into `out`; returns the `schema` property value of a model's link. */
export function emitSchemaData(e: EmitContext, ir: ProjectIR, out: Lines): (id: string) => string {
  out.line(comment('JSON Schema definitions: per target, [validation, serialization] by alias, then by field name (read by M.jsonSchema and openApiComponents).'));
  const texts = new Map<string, string>();
  const tables = new Map<string, string>();
  for (const model of [...ir.models, ...ir.definitions]) {
    const entries = SCHEMA_TARGETS.map((target) => {
      const names = VARIANTS.map(({ mode, byAlias }) => {
        const text = JSON.stringify(definitionOf(ir, model.id, { target, mode, byAlias }));
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
