/**
 * A reference interpreter over the IR, for tests only: plain recursive code,
 * no labels, no hoisting, no name allocation. Generated code must agree with
 * it on every input. It shares only the leaf checks (datetime and string
 * formats) with the runtime.
 */
import type { BytesConstraint, Constraint, DateConstraint, DefinitionIR, LiteralValue, ModelIR, ProjectIR, TypeNode } from '../../codegen/ir';
import { fieldsOf, fitsPattern, memberLabels, tagsOf } from '../../codegen/ir';
import { type InputKind, inputKinds } from '../../codegen/emit/kinds';
import { laxBigint, laxBoolean, laxInt, laxNumber, laxTime } from '../../src/coerce';
import { Secret } from '../../src/secret';
import { FORMAT_CHECKS, formatError } from '../../src/formats/strings';

/** An issue without its message: what the differential test compares. */
export interface Found {
  readonly type: string;
  readonly loc: readonly (string | number)[];
}

type Result = { ok: true; value: unknown } | { ok: false; issues: Found[] };


/** The interpreter for one project. */
export class Oracle {
  readonly models: Map<string, ModelIR>;
  readonly definitions: Map<string, DefinitionIR>;

  constructor(ir: ProjectIR) {
    this.models = new Map(ir.models.map((m) => [m.id, m]));
    this.definitions = new Map(ir.definitions.map((d) => [d.id, d]));
  }

  /** `M.is(value)`, interpreted. */
  is(id: string, value: unknown): boolean {
    return this.check({ kind: 'model', ref: id }, value);
  }

  /** The options of the call being interpreted. */
  private call: Mode & { json: boolean } = { strict: false, toStr: false, json: false };

  /** `M.safeParse(value, options)` (or `parseJSON` when `json`), interpreted: plain data or the issues. */
  parse(id: string, value: unknown, options: { strict?: boolean; json?: boolean } = {}): Result {
    this.call = { strict: options.strict ?? false, toStr: false, json: options.json ?? false };
    return this.value({ kind: 'model', ref: id }, value, [], this.call);
  }

  private model(id: string): ModelIR {
    return this.models.get(id)!;
  }

  private check(node: TypeNode, v: unknown): boolean {
    switch (node.kind) {
      case 'string':
        return typeof v === 'string' && node.constraints.every((c) => firstFailure(c, v) === undefined);
      case 'number':
        return typeof v === 'number' && Number.isFinite(v) && node.constraints.every((c) => firstFailure(c, v) === undefined);
      case 'boolean':
        return typeof v === 'boolean';
      case 'bigint':
        return typeof v === 'bigint';
      case 'unknown':
        return true;
      case 'nonNullish':
        return v !== null && v !== undefined;
      case 'nonPrimitive':
        return (typeof v === 'object' && v !== null) || typeof v === 'function';
      case 'null':
        return v === null;
      case 'undefined':
        return v === undefined;
      case 'literal':
        return node.values.includes(v as LiteralValue);
      case 'date':
        return v instanceof Date && !Number.isNaN(safeTime(v)) && dateFailure(node.constraints, safeTime(v)) === undefined;
      case 'regexp':
        return v instanceof RegExp;
      case 'bytes':
        return v instanceof Uint8Array && bytesFailure(node.constraints, v) === undefined;
      case 'array':
        return Array.isArray(v) && node.constraints.every((c) => firstFailure(c, v) === undefined) && holeIn(v) < 0 && v.every((x) => this.check(node.items, x));
      case 'nullable':
        return v === null || this.check(node.type, v);
      case 'secret':
        return v instanceof Secret && this.check(node.type, v.reveal());
      case 'set':
        return v instanceof Set && [...v].every((x) => this.check(node.items, x));
      case 'map':
        return v instanceof Map && [...v].every(([k, x]) => this.check(node.key, k) && this.check(node.value, x));
      case 'tuple':
        return (
          Array.isArray(v) &&
          v.length >= node.required &&
          (node.rest !== undefined || v.length <= node.elements.length) &&
          holeIn(v) < 0 &&
          v.every((x, i) => this.check(node.elements[i] ?? node.rest!, x))
        );
      case 'union':
        return node.members.some((m) => this.check(m, v));
      case 'ref':
        return this.check(this.definitions.get(node.ref)!.type, v);
      case 'model':
      case 'object': {
        const model = node.kind === 'model' ? this.model(node.ref) : node;
        if (!isObject(v)) return false;
        const fields = model.fields.every((f) => {
          const x = own(v, f.name);
          return x === undefined ? f.optional : this.check(f.type, x);
        });
        const others = Object.keys(v).filter((k) => !model.fields.some((f) => f.name === k));
        if (node.kind === 'object' && node.rest !== undefined) {
          const keyFits = (k: string): boolean => node.restKey === undefined || fitsPattern(node.restKey, k);
          const extras = others.filter((k) => !keyFits(k));
          return fields && others.filter(keyFits).every((k) => this.check(node.rest!, v[k])) && (model.extra !== 'forbid' || extras.length === 0);
        }
        return fields && (model.extra !== 'forbid' || others.length === 0);
      }
    }
  }

  private value(node: TypeNode, v: unknown, loc: (string | number)[], mode: Mode): Result {
    const fail = (type: string): Result => ({ ok: false, issues: [{ type, loc }] });
    switch (node.kind) {
      case 'string': {
        let s: string;
        if (typeof v === 'string') s = v;
        else if (!mode.strict && mode.toStr && (typeof v === 'number' || typeof v === 'bigint')) s = String(v);
        else return fail('string_type');
        for (const c of node.constraints) {
          const failure = firstFailure(c, s);
          if (failure !== undefined) return fail(failure);
        }
        return { ok: true, value: s };
      }
      case 'number': {
        const int = node.constraints.some((c) => c.kind === 'int');
        let x: number;
        if (typeof v === 'number') x = v;
        else if (mode.strict) return fail(int ? 'int_type' : 'float_type');
        else {
          const t = int ? laxInt(v) : laxNumber(v);
          if (typeof t === 'object') return fail(t.error);
          x = t;
        }
        // Strict mode takes no float for an integer: `int_type` for NaN, ±Infinity and fractions alike.
        if (int && mode.strict && !Number.isInteger(x)) return fail('int_type');
        if (!Number.isFinite(x)) return fail('finite_number');
        for (const c of node.constraints) {
          const failure = firstFailure(c, x);
          if (failure !== undefined) return fail(failure);
        }
        return { ok: true, value: x };
      }
      case 'boolean': {
        if (typeof v === 'boolean') return { ok: true, value: v };
        if (mode.strict) return fail('bool_type');
        const t = laxBoolean(v);
        return typeof t === 'object' ? fail(t.error) : { ok: true, value: t };
      }
      case 'unknown':
        return { ok: true, value: v };
      case 'nonNullish':
        return v !== null && v !== undefined ? { ok: true, value: v } : fail('none_forbidden');
      case 'nonPrimitive':
        return (typeof v === 'object' && v !== null) || typeof v === 'function' ? { ok: true, value: v } : fail('object_type');
      case 'bigint': {
        if (typeof v === 'bigint') return { ok: true, value: v };
        if (mode.strict && !this.call.json) return fail('int_type');
        const t = laxBigint(v);
        return typeof t === 'object' ? fail(t.error) : { ok: true, value: t };
      }
      case 'null':
        return v === null ? { ok: true, value: v } : fail('none_required');
      case 'undefined':
        return v === undefined ? { ok: true, value: v } : fail('undefined_required');
      case 'literal':
        return node.values.includes(v as LiteralValue) ? { ok: true, value: v } : fail(node.enum ? 'enum' : 'literal_error');
      case 'regexp': {
        if (v instanceof RegExp) return { ok: true, value: new RegExp(v) };
        if (typeof v !== 'string' || (mode.strict && !this.call.json)) return fail('pattern_type');
        try {
          return { ok: true, value: new RegExp(v) };
        } catch {
          return fail('pattern_regex');
        }
      }
      case 'bytes': {
        if (v instanceof Uint8Array) {
          const failure = bytesFailure(node.constraints, v);
          return failure === undefined ? { ok: true, value: new Uint8Array(v) } : fail(failure);
        }
        if (typeof v !== 'string' || (mode.strict && !this.call.json)) return fail('bytes_type');
        const bytes = base64Bytes(v);
        if (bytes === undefined) return fail('bytes_invalid_encoding');
        const failure = bytesFailure(node.constraints, bytes);
        return failure === undefined ? { ok: true, value: bytes } : fail(failure);
      }
      case 'date': {
        const t = v instanceof Date ? (Number.isNaN(safeTime(v)) ? { type: 'datetime_parsing' } : safeTime(v)) : laxTime(v, !mode.strict || this.call.json, !mode.strict);
        if (typeof t !== 'number') return fail(t.type);
        const failure = dateFailure(node.constraints, t);
        return failure === undefined ? { ok: true, value: new Date(t) } : fail(failure);
      }
      case 'array': {
        if (!Array.isArray(v)) return fail('list_type');
        const max = node.constraints.find((c) => c.kind === 'maxItems');
        if (max !== undefined && v.length > max.value) return fail('too_long');
        // Items before the first hole are parsed (and reported), then the hole ends the array.
        const hole = holeIn(v);
        const results = (hole < 0 ? v : v.slice(0, hole)).map((x, i) => this.value(node.items, x, [...loc, i], mode));
        const issues = results.flatMap((r) => (r.ok ? [] : r.issues));
        if (hole >= 0) issues.push({ type: 'sparse_array', loc });
        if (issues.length > 0) return { ok: false, issues };
        const min = node.constraints.find((c) => c.kind === 'minItems');
        if (min !== undefined && v.length < min.value) return fail('too_short');
        return { ok: true, value: results.map((r) => (r as { value: unknown }).value) };
      }
      case 'nullable':
        return v === null ? { ok: true, value: null } : this.value(node.type, v, loc, mode);
      case 'secret': {
        const result = this.value(node.type, v instanceof Secret ? v.reveal() : v, loc, mode);
        return result.ok ? { ok: true, value: new Secret(result.value) } : result;
      }
      case 'set': {
        if (!(v instanceof Set) && (!Array.isArray(v) || (mode.strict && !this.call.json))) return fail('set_type');
        const hole = Array.isArray(v) ? holeIn(v) : -1;
        const results = (hole < 0 ? [...v] : (v as unknown[]).slice(0, hole)).map((x, i) => this.value(node.items, x, [...loc, i], mode));
        const issues = results.flatMap((r) => (r.ok ? [] : r.issues));
        if (hole >= 0) issues.push({ type: 'sparse_array', loc });
        return issues.length > 0 ? { ok: false, issues } : { ok: true, value: new Set(results.map((r) => (r as { value: unknown }).value)) };
      }
      case 'map': {
        const entries =
          mode.strict && !this.call.json && !(v instanceof Map)
            ? undefined
            : v instanceof Map
            ? [...v]
            : Array.isArray(v)
              ? holeIn(v) < 0 && v.every((x) => Array.isArray(x) && x.length === 2)
                ? (v as [unknown, unknown][])
                : undefined
              : isObject(v)
                ? Object.entries(v)
                : undefined;
        if (entries === undefined) return fail('dict_type');
        const issues: Found[] = [];
        const out = new Map<unknown, unknown>();
        for (const [k, x] of entries) {
          const key = this.value(node.key, k, [...loc, String(k), '[key]'], mode);
          const value = this.value(node.value, x, [...loc, String(k)], mode);
          if (!key.ok) issues.push(...key.issues);
          if (!value.ok) issues.push(...value.issues);
          if (key.ok && value.ok) out.set(key.value, value.value);
        }
        return issues.length > 0 ? { ok: false, issues } : { ok: true, value: out };
      }
      case 'tuple': {
        if (!Array.isArray(v)) return fail('tuple_type');
        if (node.rest === undefined && v.length > node.elements.length) return fail('too_long');
        const issues: Found[] = [];
        const values: unknown[] = [];
        for (let i = 0; i < Math.max(v.length, node.required); i++) {
          if (i >= v.length) {
            issues.push({ type: 'missing', loc: [...loc, i] });
            continue;
          }
          if (!(i in v)) {
            issues.push({ type: 'sparse_array', loc });
            break;
          }
          const result = this.value(node.elements[i] ?? node.rest!, v[i], [...loc, i], mode);
          if (result.ok) values.push(result.value);
          else issues.push(...result.issues);
        }
        return issues.length > 0 ? { ok: false, issues } : { ok: true, value: values };
      }
      case 'union':
        return node.discriminator === undefined ? this.union(node.members, v, loc, mode) : this.tagged(node, v, loc, mode);
      case 'model':
        // A model's fields take their own strictness, else the model's, else the call's.
        return this.object(this.model(node.ref), v, loc, 'model_type', this.call);
      case 'ref':
        return this.value(this.definitions.get(node.ref)!.type, v, loc, mode);
      case 'object':
        return this.object(node, v, loc, 'dict_type', mode);
    }
  }

  private union(members: readonly TypeNode[], v: unknown, loc: (string | number)[], mode: Mode): Result {
    // Strict first: the first exact member, except that among models the one with most fields set wins.
    const shaped = members.filter((m) => fieldsOf(m, this) !== undefined);
    for (const member of members) {
      if (shaped.includes(member) && shaped.length > 1) {
        if (member !== shaped[0]) continue;
        let best: TypeNode | undefined;
        let score = -1;
        for (const candidate of shaped) {
          if (!this.check(candidate, v)) continue;
          const fields = fieldsOf(candidate, this)!;
          const set = fields.filter((f) => Object.hasOwn(v as object, f.name) && (v as Record<string, unknown>)[f.name] !== undefined).length;
          if (set > score) [best, score] = [candidate, set];
        }
        if (best !== undefined) return this.value(best, v, loc, mode);
        continue;
      }
      if (this.check(member, v)) return this.value(member, v, loc, mode);
    }
    const failures: Found[][] = [];
    const labels = memberLabels(members, this.models);
    for (const [i, member] of members.entries()) {
      const result = this.value(member, v, [...loc, labels[i]!], mode);
      if (result.ok) return result;
      failures.push(result.issues);
    }
    // Only members that take the input's kind of value report, unless none does.
    const kinds = members.map((m) => inputKinds(m, this.definitions, !mode.strict ? 'lax' : this.call.json ? 'json' : 'strict'));
    const of = kindsOf(v);
    const takes = kinds.map((k) => k === undefined || [...of].some((kind) => k.has(kind)));
    const report = kinds.some((k) => k === undefined) || !takes.some(Boolean) ? failures : failures.filter((_, i) => takes[i]);
    return { ok: false, issues: report.flat() };
  }

  private tagged(node: TypeNode & { kind: 'union' }, v: unknown, loc: (string | number)[], mode: Mode): Result {
    if (!isObject(v)) return { ok: false, issues: [{ type: 'union_tag_not_found', loc }] };
    const tag = own(v, node.discriminator!);
    if (tag === undefined) return { ok: false, issues: [{ type: 'union_tag_not_found', loc }] };
    const selected = tagsOf(node, this).find((t) => t.values.includes(tag as LiteralValue));
    if (selected === undefined) return { ok: false, issues: [{ type: 'union_tag_invalid', loc }] };
    return this.value(selected.member, v, [...loc, String(tag)], mode);
  }

  private object(
    model: Pick<ModelIR, 'fields' | 'extra'> & { rest?: TypeNode; restKey?: { source: string } },
    v: unknown,
    loc: (string | number)[],
    typeError: string,
    mode: Mode,
  ): Result {
    if (!isObject(v)) return { ok: false, issues: [{ type: typeError, loc }] };
    const out: Record<string, unknown> = {};
    const issues: Found[] = [];
    const populate = 'populateByName' in model && model.populateByName === true;
    const keys = new Set<string>();
    for (const field of model.fields) {
      // The alias is the input key, then its choices; with populateByName the name too, last.
      const tried = [field.validationAlias ?? field.name, ...(field.aliasChoices ?? [])];
      if (populate && !tried.includes(field.name)) tried.push(field.name);
      const key = tried[0]!;
      for (const k of tried) keys.add(k);
      let at = key;
      let x: unknown;
      for (const k of tried) {
        x = own(v, k);
        if (x !== undefined) {
          at = k;
          break;
        }
      }
      if (x === undefined) {
        if (field.default !== undefined) define(out, field.name, structuredClone(field.default));
        else if (!field.optional) issues.push({ type: 'missing', loc: [...loc, key] });
        continue;
      }
      const strict = field.strict ?? ('strict' in model ? (model.strict as boolean | undefined) : undefined) ?? mode.strict;
      const fieldMode: Mode = { strict, toStr: field.coerceNumbersToStr === true || mode.toStr };
      const result = this.value(field.type, x, [...loc, at], fieldMode);
      if (result.ok) define(out, field.name, result.value);
      else issues.push(...result.issues);
    }
    const others = Object.keys(v).filter((key) => !keys.has(key));
    if (model.rest !== undefined) {
      for (const key of others) {
        if (model.restKey !== undefined && !fitsPattern(model.restKey, key)) {
          if (model.extra === 'forbid') issues.push({ type: 'extra_forbidden', loc: [...loc, key] });
          else if (model.extra === 'allow') define(out, key, v[key]);
          continue;
        }
        const result = this.value(model.rest, v[key], [...loc, key], mode);
        if (result.ok) define(out, key, result.value);
        else issues.push(...result.issues);
      }
    } else if (model.extra === 'forbid') {
      for (const key of others) issues.push({ type: 'extra_forbidden', loc: [...loc, key] });
    } else if (model.extra === 'allow') {
      for (const key of others) define(out, key, v[key]);
    }
    return issues.length > 0 ? { ok: false, issues } : { ok: true, value: out };
  }
}

/** How a value is parsed: strictly or with lax conversions, and whether numbers become strings. */
interface Mode {
  readonly strict: boolean;
  readonly toStr: boolean;
}

/** The error type of the first constraint `value` breaks (values already of the right type). */
function firstFailure(c: Constraint, value: unknown): string | undefined {
  switch (c.kind) {
    case 'minLength':
      return (value as string).length < c.value ? 'string_too_short' : undefined;
    case 'maxLength':
      return (value as string).length > c.value ? 'string_too_long' : undefined;
    case 'pattern':
      return fitsPattern(c, value as string) ? undefined : 'string_pattern_mismatch';
    case 'format':
      return FORMAT_CHECKS[c.format](value as string) ? undefined : formatError(c.format, value as string).type;
    case 'int':
      return Number.isInteger(value) ? undefined : 'int_from_float';
    case 'multipleOf': {
      const x = value as number;
      const exact = Number.isInteger(c.value) ? x % c.value === 0 : Math.abs(x / c.value - Math.round(x / c.value)) <= Math.max(1e-9, Math.abs(x / c.value) * 4 * Number.EPSILON);
      return exact ? undefined : 'multiple_of';
    }
    case 'le':
      return (value as number) > c.value ? 'less_than_equal' : undefined;
    case 'lt':
      return (value as number) >= c.value ? 'less_than' : undefined;
    case 'ge':
      return (value as number) < c.value ? 'greater_than_equal' : undefined;
    case 'gt':
      return (value as number) <= c.value ? 'greater_than' : undefined;
    case 'minItems':
      return (value as unknown[]).length < c.value ? 'too_short' : undefined;
    case 'maxItems':
      return (value as unknown[]).length > c.value ? 'too_long' : undefined;
    case 'after':
    case 'from':
    case 'before':
    case 'until':
    case 'past':
    case 'future': {
      // A DateString: its day as midnight UTC; past means before today's day.
      const t = Date.parse(value as string);
      if (c.kind === 'past') return t + 86_400_000 > Date.now() ? 'date_past' : undefined;
      if (c.kind === 'future') return t <= Date.now() ? 'date_future' : undefined;
      return dateFailure([c], t);
    }
  }
}

/** The kinds a value counts as: a Date, RegExp, Set or Map is also an object. */
function kindsOf(v: unknown): Set<InputKind> {
  const kinds = new Set<InputKind>();
  if (v === null) kinds.add('null');
  else if (Array.isArray(v)) kinds.add('array');
  else if (typeof v === 'object') kinds.add('object');
  else if (typeof v !== 'function' && typeof v !== 'symbol') kinds.add(typeof v as InputKind);
  if (v instanceof Date) kinds.add('date');
  if (v instanceof RegExp) kinds.add('regexp');
  if (v instanceof Uint8Array) kinds.add('bytes');
  if (v instanceof Set) kinds.add('set');
  if (v instanceof Map) kinds.add('map');
  return kinds;
}

/**
 * The bytes base64 text `s` spells in either alphabet, padded or not, or undefined: judged by Node's
 * (lenient) decoder and a round trip, so that only the one canonical spelling of each byte sequence passes.
 */
function base64Bytes(s: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(s)) return undefined;
  const bare = s.replace(/=+$/, '');
  if (bare.length % 4 === 1 || (bare.length < s.length && s.length % 4 !== 0)) return undefined;
  const bytes = Buffer.from(bare.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  return bytes.toString('base64').replace(/=+$/, '') === bare.replace(/-/g, '+').replace(/_/g, '/') ? new Uint8Array(bytes) : undefined;
}

/** An object an object type or model reads: not an array, and not a built-in whose keys are not its data (a Date, Map, boxed primitive …). */
function isObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null || Object.prototype.toString.call(v) === '[object Object]';
}

/** The index of an array's first hole, or -1. */
function holeIn(v: readonly unknown[]): number {
  for (let i = 0; i < v.length; i++) if (!(i in v)) return i;
  return -1;
}

/** A field's value: own properties for names Object.prototype also has, any property otherwise. */
function own(v: object, key: string): unknown {
  return key in Object.prototype && !Object.hasOwn(v, key) ? undefined : (v as Record<string, unknown>)[key];
}

function define(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A Date's time from its internal slot, NaN when invalid or outside years 0001 to 9999. */
function safeTime(date: Date): number {
  let t: number;
  try {
    t = Date.prototype.getTime.call(date);
  } catch {
    return Number.NaN;
  }
  return t >= -62167219200000 && t <= 253402300799999 ? t : Number.NaN;
}

/** The error type of the first Date constraint that time `t` fails, if any. */
function dateFailure(constraints: readonly DateConstraint[] | undefined, t: number): string | undefined {
  for (const c of constraints ?? []) {
    const at = 'at' in c ? Date.parse(c.at) : Date.now();
    const failed: Record<DateConstraint['kind'], [boolean, string]> = {
      after: [t <= at, 'greater_than'],
      from: [t < at, 'greater_than_equal'],
      before: [t >= at, 'less_than'],
      until: [t > at, 'less_than_equal'],
      past: [t >= at, 'datetime_past'],
      future: [t <= at, 'datetime_future'],
    };
    const [fails, type] = failed[c.kind];
    if (fails) return type;
  }
  return undefined;
}

/** The error type of the first length bound `bytes` break (pydantic's `conbytes`), if any. */
function bytesFailure(constraints: readonly BytesConstraint[] | undefined, bytes: Uint8Array): string | undefined {
  for (const c of constraints ?? []) {
    if (c.kind === 'minLength' && bytes.length < c.value) return 'bytes_too_short';
    if (c.kind === 'maxLength' && bytes.length > c.value) return 'bytes_too_long';
  }
  return undefined;
}
