/**
 * A reference interpreter of `dump` over the IR, for tests only: plain
 * recursive code that reads the options as docs/serialization.md states
 * them. The generated dump must agree with it on every instance and options.
 * It reads the record of defaulted fields, which parse writes, through the
 * runtime copy that generated code uses.
 */
import type { JsonValue, ModelIR, ProjectIR, TypeNode } from '../../codegen/ir';
import type { DumpOptions, Selection } from '../../src/dump';

type Sel = Selection | undefined;

/** The interpreted dump of one project's models. */
export class DumpOracle {
  private readonly models: Map<string, ModelIR>;

  constructor(
    ir: ProjectIR,
    /** The runtime's `defaultedOf`, from the same bundle as the generated code (the record is private to that copy). */
    private readonly defaultedOf: (instance: object) => readonly string[] | undefined,
    /** The runtime's `extrasOf`, from the same bundle (the extras an instance keeps are private to that copy too). */
    private readonly extrasOf: (instance: object) => Record<string, unknown>,
  ) {
    this.models = new Map(ir.models.map((m) => [m.id, m]));
  }

  /** `instance.dump(options)`, interpreted. */
  dump(id: string, instance: object, options: DumpOptions = {}): Record<string, unknown> {
    return this.model(id, instance, options, options.include, options.exclude);
  }

  private model(id: string, v: object, o: DumpOptions, inc: Sel, exc: Sel): Record<string, unknown> {
    const model = this.models.get(id)!;
    const out: Record<string, unknown> = {};
    const unset = this.defaultedOf(v);
    const entries = [
      ...model.fields.map((f) => ({ ...f, computed: false })),
      ...(model.computed ?? []).map((c) => ({ ...c, computed: true, default: undefined as JsonValue | undefined, serializationAlias: undefined as string | undefined })),
    ];
    entries.forEach((entry, i) => {
      if (i === model.fields.length) this.extras(v, o, inc, exc, out);
      this.entry(entry, v, o, inc, exc, unset, out);
    });
    if (entries.length === model.fields.length) this.extras(v, o, inc, exc, out);
    return out;
  }

  /** One field or computed field, when the options keep it. */
  private entry(
    entry: { name: string; type: TypeNode; computed: boolean; default?: JsonValue | undefined; serializationAlias?: string | undefined },
    v: object,
    o: DumpOptions,
    inc: Sel,
    exc: Sel,
    unset: readonly string[] | undefined,
    out: Record<string, unknown>,
  ): void {
    // Fields are own properties (an absent `toString` field is not Object.prototype's); computed fields are getters.
    const value = entry.computed || Object.hasOwn(v, entry.name) ? (v as Record<string, unknown>)[entry.name] : undefined;
    if (value === undefined) return;
    if (inc !== undefined && pick(inc, entry.name) === undefined) return;
    if (exc !== undefined && pick(exc, entry.name) === true) return;
    if (o.excludeNone === true && value === null) return;
    if (!entry.computed && o.excludeUnset === true && unset?.includes(entry.name) === true) return;
    if (!entry.computed && o.excludeDefaults === true && entry.default !== undefined && same(value, entry.default)) return;
    const key = o.byAlias === true && entry.serializationAlias !== undefined ? entry.serializationAlias : entry.name;
    Object.defineProperty(out, key, {
      value: this.value(entry.type, value, o, below(inc, entry.name), below(exc, entry.name)),
      writable: true,
      enumerable: true,
      configurable: true,
    });
  }

  /** The keys an instance kept beyond its fields (`extra: 'allow'`), after the fields. */
  private extras(v: object, o: DumpOptions, inc: Sel, exc: Sel, out: Record<string, unknown>): void {
    const extras = this.extrasOf(v);
    for (const key of Object.keys(extras)) {
      const value = extras[key];
      if (inc !== undefined && pick(inc, key) === undefined) continue;
      if (exc !== undefined && pick(exc, key) === true) continue;
      if (o.excludeNone === true && value === null) continue;
      Object.defineProperty(out, key, { value: this.plain(value, o.mode === 'json', o), writable: true, enumerable: true, configurable: true });
    }
  }

  private value(node: TypeNode, v: unknown, o: DumpOptions, inc: Sel, exc: Sel): unknown {
    const json = o.mode === 'json';
    switch (node.kind) {
      case 'model':
        return this.model(node.ref, v as object, o, inc, exc);
      case 'array': {
        const out: unknown[] = [];
        (v as unknown[]).forEach((item, i) => {
          if (inc !== undefined && pick(inc, i) === undefined) return;
          if (exc !== undefined && pick(exc, i) === true) return;
          out.push(this.value(node.items, item, o, below(inc, i), below(exc, i)));
        });
        return out;
      }
      case 'nullable':
        return v === null ? null : this.value(node.type, v, o, inc, exc);
      default:
        return this.plain(v, json, o);
    }
  }

  /** A value without include/exclude: converted by what it is, as the docs state for each kind. */
  private plain(v: unknown, json: boolean, o: DumpOptions): unknown {
    if (v instanceof Date) return json ? v.toISOString() : new Date(v.getTime());
    if (v instanceof RegExp) return json ? v.source : new RegExp(v);
    if (v instanceof Uint8Array) return json ? Buffer.from(v).toString('base64') : new Uint8Array(v);
    if (typeof v === 'bigint') return json ? String(v) : v;
    if (Array.isArray(v)) return v.map((x) => this.plain(x, json, o));
    if (v instanceof Set) return json ? [...v].map((x) => this.plain(x, json, o)) : new Set([...v].map((x) => this.plain(x, json, o)));
    if (v instanceof Map) {
      if (!json) return new Map([...v].map(([k, x]) => [this.plain(k, json, o), this.plain(x, json, o)]));
      const out: Record<string, unknown> = {};
      for (const [k, x] of v) Object.defineProperty(out, String(this.plain(k, json, o)), { value: this.plain(x, json, o), writable: true, enumerable: true, configurable: true });
      return out;
    }
    if (typeof v !== 'object' || v === null) return v;
    const model = [...this.models.values()].find((m) => !m.generic && Object.getPrototypeOf(v) === this.prototypes.get(m.id));
    if (model !== undefined) return this.model(model.id, v, o, undefined, undefined);
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(v)) {
      Object.defineProperty(out, key, { value: this.plain((v as Record<string, unknown>)[key], json, o), writable: true, enumerable: true, configurable: true });
    }
    return out;
  }

  /** The prototypes of the linked classes, so a model instance inside a union or `unknown` dumps as its model. */
  readonly prototypes = new Map<string, object>();
}

function pick(sel: Selection, key: string | number): true | Selection | undefined {
  if (Array.isArray(sel)) return (sel as readonly (string | number)[]).map(String).includes(String(key)) ? true : undefined;
  const tree = sel as { readonly [key: string]: boolean | Selection };
  const own = Object.hasOwn(tree, String(key)) ? tree[String(key)] : undefined;
  const chosen = own === undefined || own === false ? (Object.hasOwn(tree, '__all__') ? tree['__all__'] : undefined) : own;
  return chosen === false ? undefined : chosen;
}

function below(sel: Sel, key: string | number): Sel {
  if (sel === undefined) return undefined;
  const part = pick(sel, key);
  return part === true ? undefined : part;
}

function same(value: unknown, fallback: JsonValue): boolean {
  if (Array.isArray(fallback)) return Array.isArray(value) && value.length === fallback.length && fallback.every((x, i) => same(value[i], x));
  if (typeof fallback === 'object' && fallback !== null) {
    if (typeof value !== 'object' || value === null || Object.getPrototypeOf(value) !== Object.prototype) return false;
    const keys = Object.keys(fallback);
    return keys.length === Object.keys(value).length && keys.every((k) => Object.hasOwn(value, k) && same((value as Record<string, unknown>)[k], (fallback as Record<string, JsonValue>)[k]!));
  }
  return value === fallback;
}
