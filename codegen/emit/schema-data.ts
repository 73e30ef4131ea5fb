/**
 * The schema section of the generated module: each model's own definition as
 * JSON text per target and mode (one constant per distinct text), and per
 * linked model the `schema` data `link` hands to `M.jsonSchema()`.
 */
import { reviver } from '../../src/json-schema';
import type { DefinitionIR, ModelIR, ProjectIR } from '../ir';
import { comment, type Lines, lit, text as quoted } from './code';
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

/**
 * A model's (or definition's) own definition texts, per target in `SCHEMA_TARGETS` order: the four texts of
 * `VARIANTS`, or the `$ref` prefix when the runtime derives that target's texts from draft 2020-12's.
 */
type OwnTexts = readonly (readonly string[] | string)[];

function ownTexts(ir: ProjectIR, model: ModelIR | DefinitionIR): OwnTexts {
  const own = (target: SchemaTarget): string[] => VARIANTS.map(({ mode, byAlias }) => JSON.stringify(definitionOf(ir, model.id, { target, mode, byAlias })));
  const base = own('draft-2020-12');
  return SCHEMA_TARGETS.map((target) => {
    if (target === 'draft-2020-12') return patched(base);
    const wanted = own(target);
    // Texts the runtime can derive from draft 2020-12's (references elsewhere, 3.0's nullable) are not written twice.
    const prefix = PREFIXES[target];
    return wanted.every((text, i) => text === derived(base[i]!, target, prefix)) ? prefix : patched(wanted);
  });
}

/**
 * The texts with each serialization text (odd positions) written as `+` and the top-level keys it changes in
 * the validation text before it (usually `required`: defaulted fields are always in `toJSON`'s output),
 * where that gives exactly the same text back, as the runtime applies it (see `parsed` in src/json-schema.ts).
 */
function patched(texts: readonly string[]): string[] {
  return texts.map((text, i) => {
    const before = texts[i - 1];
    if (i % 2 === 0 || before === undefined || text === before) return text;
    const base = JSON.parse(before) as Record<string, unknown>;
    const full = JSON.parse(text) as Record<string, unknown>;
    const patch: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(full)) if (JSON.stringify(value) !== JSON.stringify(base[key])) patch[key] = value;
    const encoded = `+${JSON.stringify(patch)}`;
    return encoded.length < text.length && JSON.stringify(Object.assign(base, patch)) === text ? encoded : text;
  });
}

/**
 * Each model's own definition texts, kept from one module to the next (`--watch`): writing them is most of
 * the emit time once the model blocks are reused. A model's texts depend on its own IR and on the models and
 * definitions it names (a discriminated union's mapping reads its members' tags), so they are kept with the
 * JSON of those; the IR of a model that was not extracted again is the same object, which is checked first.
 */
export class SchemaTexts {
  private readonly kept = new Map<string, { readonly deps: readonly object[]; readonly key: string; readonly texts: OwnTexts }>();
  private readonly json = new WeakMap<object, { readonly text: string; readonly refs: readonly string[] }>();
  private index: { readonly ir: ProjectIR; readonly byId: ReadonlyMap<string, object> } | undefined;

  /** `model`'s texts in `ir`: the kept ones while nothing they depend on changed. */
  of(ir: ProjectIR, model: ModelIR | DefinitionIR): OwnTexts {
    if (this.index?.ir !== ir) {
      this.index = { ir, byId: new Map([...ir.models, ...ir.definitions].map((m) => [m.id, m])) };
      // A new module: forget the models that are gone.
      for (const id of this.kept.keys()) if (!this.index.byId.has(id)) this.kept.delete(id);
    }
    const { byId } = this.index;
    const deps = [model, ...this.read(model).refs.map((id) => byId.get(id) ?? { missing: id })];
    const kept = this.kept.get(model.id);
    if (kept !== undefined && kept.deps.length === deps.length && kept.deps.every((dep, i) => dep === deps[i])) return kept.texts;
    const key = JSON.stringify(deps.map((dep) => this.read(dep).text));
    if (kept !== undefined && kept.key === key) {
      this.kept.set(model.id, { ...kept, deps });
      return kept.texts;
    }
    const texts = ownTexts(ir, model);
    this.kept.set(model.id, { deps, key, texts });
    return texts;
  }

  /** An IR object's JSON text and the ids it names, worked out once per object. */
  private read(ir: object): { readonly text: string; readonly refs: readonly string[] } {
    let known = this.json.get(ir);
    if (known === undefined) {
      const refs = new Set<string>();
      const text = JSON.stringify(ir, (key, value: unknown) => {
        if (key === 'ref' && typeof value === 'string') refs.add(value);
        return value;
      });
      this.json.set(ir, (known = { text, refs: [...refs] }));
    }
    return known;
  }
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
export function emitSchemaData(e: EmitContext, ir: ProjectIR, out: Lines, texts?: SchemaTexts): (id: string) => string {
  const build = e.names.fresh('schemaTable');
  const cache = e.names.fresh('schemas');
  const lookup = e.names.fresh('schemaOf');
  out.line(comment('JSON Schema definitions, built on first use: per target, [validation, serialization] by alias, then by field name.'));
  out.block(`function ${build}()${e.type('any')}`, () => {
    const constants = new Map<string, string>();
    const tables = new Map<string, string>();
    for (const model of [...ir.models, ...ir.definitions]) {
      const own = texts === undefined ? ownTexts(ir, model) : texts.of(ir, model);
      const entries = SCHEMA_TARGETS.map((target, t) => {
        const wanted = own[t]!;
        if (typeof wanted === 'string') return `${lit(target)}: ${lit(wanted)}`;
        const names = wanted.map((text) => {
          let name = constants.get(text);
          if (name === undefined) {
            name = e.names.fresh(`json_${constants.size + 1}`);
            constants.set(text, name);
            out.line(`const ${name} = ${quoted(text)};`);
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
