/**
 * The JSON form of a JavaScript value at a place in a model, as `toJSON`
 * writes it: what a JSON Schema validator must judge where `M.is` judges the
 * value itself. Some values have no JSON form there (a string where a Date
 * belongs, an array where a Set belongs, a defaulted field left out): they
 * are flagged, since a schema that describes JSON cannot reject them.
 */
import { assertNever, tagsOf, type DefinitionIR, type FieldIR, type ModelIR, type ProjectIR, type TypeNode } from '../../codegen/ir';

/** A value's JSON form, whether some part of it had none, and whether some part cannot be judged. */
export interface Image {
  readonly value: unknown;
  readonly noJson: boolean;
  /**
   * A Map, Set or Date where an object belongs: `M.is` reads its fields as properties (inherited
   * methods such as `Map.prototype.set` included), JSON writes `{}` or a string. Neither says the same.
   */
  readonly exotic: boolean;
}

/** The JSON form of `value` as an input of model `id`. */
export function jsonImage(ir: ProjectIR, id: string, value: unknown): Image {
  const walker = new Walker(new Map(ir.models.map((m) => [m.id, m])), new Map(ir.definitions.map((d) => [d.id, d])));
  const out = walker.node({ kind: 'model', ref: id }, value);
  return { value: out, noJson: walker.noJson, exotic: walker.exotic };
}

class Walker {
  noJson = false;
  exotic = false;

  constructor(
    readonly models: ReadonlyMap<string, ModelIR>,
    readonly definitions: ReadonlyMap<string, DefinitionIR>,
  ) {}

  node(node: TypeNode, v: unknown): unknown {
    switch (node.kind) {
      case 'date':
        if (typeof v === 'string') return this.none(v);
        return v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString() : v;
      case 'bigint':
        if (typeof v === 'string') return this.none(v);
        return typeof v === 'bigint' ? String(v) : v;
      case 'set':
        if (Array.isArray(v)) return this.none(v);
        return v instanceof Set ? [...v].map((x) => this.node(node.items, x)) : v;
      case 'map': {
        if (!(v instanceof Map)) return isObject(v) ? this.none(v) : v;
        const out: Record<string, unknown> = {};
        for (const [k, x] of v) {
          // A key of the wrong type would be written as a string that may fit the key pattern.
          const keyType = node.key.kind === 'number' ? 'number' : node.key.kind === 'string' ? 'string' : typeof k;
          if (typeof k !== keyType) this.noJson = true;
          define(out, String(k), this.node(node.value, x));
        }
        return out;
      }
      case 'array':
        return Array.isArray(v) ? v.map((x) => this.node(node.items, x)) : v;
      case 'tuple':
        return Array.isArray(v) ? v.map((x, i) => this.node(node.elements[i] ?? node.rest ?? { kind: 'unknown' }, x)) : v;
      case 'nullable':
        return v === null ? v : this.node(node.type, v);
      case 'secret':
        // JSON holds the mask, which no longer says what the value was.
        this.noJson = true;
        return v;
      case 'model':
        return this.fields(this.models.get(node.ref)!.fields, undefined, v);
      case 'object':
        return this.fields(node.fields, node.rest, v);
      case 'union': {
        if (node.discriminator !== undefined && isObject(v)) {
          const tag = own(v, node.discriminator);
          const member = tagsOf(node, this).find((t) => t.values.includes(tag as never))?.member;
          if (member !== undefined) return this.node(member, v);
        }
        // The member the value's JavaScript type selects. The suite's other unions hold no defaulted fields
        // and no two members of one JavaScript type whose JSON forms differ, so the first such member decides.
        const member = node.members.find((m) => unionKinds(v).includes(m.kind));
        return member === undefined ? v : this.node(member, v);
      }
      case 'ref':
        return this.node(this.definitions.get(node.ref)!.type, v);
      case 'regexp':
        // A string stands for a pattern in JSON: `is` judges the RegExp itself.
        if (typeof v === 'string') return this.none(v);
        return v instanceof RegExp ? v.source : v;
      case 'bytes':
        // Base64 text stands for bytes in JSON: `is` judges the Uint8Array itself.
        if (typeof v === 'string') return this.none(v);
        return v instanceof Uint8Array ? Buffer.from(v).toString('base64') : v;
      case 'string':
      case 'number':
      case 'boolean':
      case 'unknown':
      case 'nonNullish':
      case 'nonPrimitive':
      case 'null':
      case 'undefined':
      case 'literal':
        return v;
      default:
        return assertNever(node);
    }
  }

  private fields(fields: readonly FieldIR[], rest: TypeNode | undefined, v: unknown): unknown {
    if (!isObject(v) || Array.isArray(v)) return v;
    if (v instanceof Map || v instanceof Set || v instanceof Date) this.exotic = true;
    const out: Record<string, unknown> = {};
    for (const f of fields) {
      const x = own(v, f.name);
      // `is` checks the output shape, where a defaulted field is always there; parse (and the schema) fill it in.
      if (x === undefined && !f.optional && f.default !== undefined) this.noJson = true;
    }
    for (const key of Object.keys(v)) {
      const field = fields.find((f) => f.name === key);
      const x = (v as Record<string, unknown>)[key];
      // Keys that are not fields are only counted (extra: 'forbid'): their values stay as they are.
      define(out, key, field !== undefined ? this.node(field.type, x) : rest !== undefined ? this.node(rest, x) : x);
    }
    return out;
  }

  private none(v: unknown): unknown {
    this.noJson = true;
    return v;
  }
}

/** The kinds of union member that can hold a value of this JavaScript type, most specific first. */
function unionKinds(v: unknown): readonly TypeNode['kind'][] {
  if (v instanceof Date) return ['date', 'model', 'object'];
  if (typeof v === 'bigint') return ['bigint'];
  if (v instanceof Set) return ['set', 'model', 'object'];
  if (v instanceof Map) return ['map', 'model', 'object'];
  if (Array.isArray(v)) return ['array', 'tuple'];
  return isObject(v) ? ['model', 'object'] : [];
}

function isObject(v: unknown): v is object {
  return typeof v === 'object' && v !== null;
}

function own(v: object, key: string): unknown {
  return Object.hasOwn(v, key) ? (v as Record<string, unknown>)[key] : undefined;
}

function define(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
