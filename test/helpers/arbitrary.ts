/**
 * fast-check arbitraries derived from the IR: inputs that fit a model,
 * paired with the data parse must return for them.
 */
import fc from 'fast-check';
import { type DefinitionIR, fitsPattern, hasDefault, type JsonValue, type ModelIR, type ProjectIR, type StringFormat, type TypeNode } from '../../codegen/ir';
import { Secret } from '../../src/secret';
import { ipv4Interface, ipv4Network, ipv6Interface, ipv6Network, isoDuration, timeOfDay } from '../../src/testing-formats';

/** An input and the plain data its parse result must equal. */
export interface Case {
  readonly input: unknown;
  readonly expected: unknown;
}

/** Models and recursive definitions by id (ids are unique across both). */
type Models = ReadonlyMap<string, ModelIR | DefinitionIR>;

const MAX_DEPTH = 6;

/** Valid inputs for a model, each with the expected output data. */
export function validCase(ir: ProjectIR, id: string): fc.Arbitrary<Case> {
  const models = new Map<string, ModelIR | DefinitionIR>([...ir.models, ...ir.definitions].map((m) => [m.id, m]));
  return modelCase(models, models.get(id) as ModelIR, false, 0);
}

function modelCase(models: Models, model: Pick<ModelIR, 'fields' | 'extra'>, strict: boolean, depth: number): fc.Arbitrary<Case> {
  const names = new Set(model.fields.flatMap((f) => [f.name, ...(f.validationAlias === undefined ? [] : [f.validationAlias]), ...(f.aliasChoices ?? [])]));
  const fields = model.fields.map((field) => {
    // Required fields are always there; in strict position (a union member) so are defaulted ones.
    const required = !field.optional && (strict || !hasDefault(field));
    const absent: fc.Arbitrary<Case | undefined> = fc.constant(undefined);
    // Deep in a recursive model, optional and defaulted fields stay out so the value ends.
    if (!required && depth > MAX_DEPTH) return absent.map((c) => ({ field, c }));
    const present = nodeCase(models, field.type, strict, depth + 1);
    if (required) return present.map((c) => ({ field, c: c as Case | undefined }));
    return fc.oneof(present, absent).map((c) => ({ field, c }));
  });
  const extras =
    model.extra !== 'forbid' && !strict
      ? fc.dictionary(fc.string().map((k) => `x_${k}`).filter((k) => !names.has(k)), fc.jsonValue(), { maxKeys: 2 })
      : fc.constant({});
  return fc.tuple(fc.tuple(...fields), extras).map(([parts, extra]) => {
    const input: Record<string, unknown> = {};
    const expected: Record<string, unknown> = {};
    for (const { field, c } of parts) {
      if (c !== undefined) define(input, field.validationAlias ?? field.name, c.input);
      // A field given as undefined counts as absent: its default, or nothing.
      if (c !== undefined && c.input !== undefined) {
        define(expected, field.name, c.expected);
      } else if (field.default !== undefined) {
        define(expected, field.name, copy(field.default));
      }
    }
    for (const [k, v] of Object.entries(extra)) {
      define(input, k, v);
      if (model.extra === 'allow') define(expected, k, v);
    }
    return { input, expected };
  });
}

function nodeCase(models: Models, node: TypeNode, strict: boolean, depth: number): fc.Arbitrary<Case> {
  const same = (a: fc.Arbitrary<unknown>): fc.Arbitrary<Case> => a.map((v) => ({ input: v, expected: v }));
  switch (node.kind) {
    case 'string': {
      let min = 0;
      let max: number | undefined;
      let base: fc.Arbitrary<string> | undefined;
      for (const c of node.constraints) {
        if (c.kind === 'minLength') min = c.value;
        else if (c.kind === 'maxLength') max = c.value;
        // Generating from the pattern without 'i' yields a subset of what it matches; a template literal type's
        // regex also yields strings its matcher refuses (split otherwise, or an infinite number): filtered out.
        else if (c.kind === 'pattern') base = fc.stringMatching(new RegExp(c.source, c.flags.replace('i', ''))).filter((s) => fitsPattern(c, s));
        else if (c.kind === 'format') base = FORMATS[c.format];
      }
      const days = node.constraints.filter((c) => 'at' in c || c.kind === 'past' || c.kind === 'future');
      if (days.length > 0) {
        // A DateString with bounds: days within them, two days clear of the clock for Past and Future.
        let [low, high] = [Date.parse('0001-01-01'), Date.parse('9999-12-31')];
        for (const c of days) {
          const at = 'at' in c ? Date.parse(c.at) : Date.now();
          if (c.kind === 'after' || c.kind === 'from') low = Math.max(low, at);
          else if (c.kind === 'before' || c.kind === 'until') high = Math.min(high, at);
          else if (c.kind === 'past') high = Math.min(high, at - 2 * 86_400_000);
          else low = Math.max(low, at + 2 * 86_400_000);
        }
        const fits = (day: string): boolean =>
          days.every((c) => {
            const t = Date.parse(day);
            const at = 'at' in c ? Date.parse(c.at) : 0;
            return c.kind === 'after' ? t > at : c.kind === 'from' ? t >= at : c.kind === 'before' ? t < at : c.kind === 'until' ? t <= at : true;
          });
        base = fc.date({ min: new Date(low), max: new Date(high), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)).filter(fits);
      }
      base ??= fc.string({ minLength: min, maxLength: max ?? min + 12 });
      return same(base.filter((s) => s.length >= min && s.length <= (max ?? Infinity)));
    }
    case 'number':
      return same(numbers(node.constraints));
    case 'boolean':
      return same(fc.boolean());
    case 'unknown':
      return same(fc.jsonValue());
    case 'nonNullish':
      return same(fc.jsonValue().filter((v) => v !== null));
    case 'nonPrimitive':
      return same(fc.oneof(fc.array(fc.jsonValue(), { maxLength: 3 }), fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 3, noNullPrototype: true })));
    case 'bigint': {
      const exact = same(fc.bigInt());
      if (strict) return exact;
      return fc.oneof(
        exact,
        fc.integer().map((n) => ({ input: n, expected: BigInt(n) })),
        fc.bigInt().map((n) => ({ input: ` ${n} `, expected: n })),
      );
    }
    case 'null':
      return same(fc.constant(null));
    case 'undefined':
      return same(fc.constant(undefined));
    case 'literal':
      return same(fc.constantFrom(...node.values));
    case 'regexp':
      // Without flags: JSON carries the pattern alone, as pydantic writes a Pattern.
      return fc.constantFrom(/a+b/, /^x$/, new RegExp('')).map((re) => ({ input: re, expected: new RegExp(re) }));
    case 'bytes': {
      // As an instance, or in lax mode as base64 text in either alphabet, padded or not (Buffers: test/bytes.test.ts).
      const forms: ((b: Uint8Array) => unknown)[] = [(b) => new Uint8Array(b)];
      if (!strict) forms.push((b) => Buffer.from(b).toString('base64'), (b) => Buffer.from(b).toString('base64url'));
      const min = node.constraints?.find((c) => c.kind === 'minLength')?.value ?? 0;
      const max = node.constraints?.find((c) => c.kind === 'maxLength')?.value ?? min + 12;
      return fc
        .tuple(fc.uint8Array({ minLength: min, maxLength: max }), fc.constantFrom(...forms))
        .map(([bytes, form]) => ({ input: form(bytes), expected: bytes }));
    }
    case 'date': {
      // Within the bounds, and a day clear of the clock for Past and Future.
      let [min, max] = [Date.parse('0001-01-01T00:00:00Z'), Date.parse('9999-12-31T23:59:59Z')];
      for (const c of node.constraints ?? []) {
        const at = 'at' in c ? Date.parse(c.at) : Date.now();
        if (c.kind === 'after' || c.kind === 'from') min = Math.max(min, at + 1);
        else if (c.kind === 'before' || c.kind === 'until') max = Math.min(max, at - 1);
        else if (c.kind === 'past') max = Math.min(max, at - 86_400_000);
        else min = Math.max(min, at + 86_400_000);
      }
      const date = fc.date({ min: new Date(min), max: new Date(max), noInvalidDate: true });
      const asObject = date.map((d) => ({ input: new Date(d), expected: d }));
      return strict ? asObject : fc.oneof(asObject, date.map((d) => ({ input: d.toISOString(), expected: d })));
    }
    case 'array': {
      let min = 0;
      let max = 4;
      for (const c of node.constraints) {
        if (c.kind === 'minItems') min = c.value;
        else max = c.value;
      }
      if (depth > MAX_DEPTH) max = min;
      if (max === 0) return same(fc.constant([]));
      return fc
        .array(nodeCase(models, node.items, strict, depth + 1), { minLength: min, maxLength: max })
        .map((cases) => ({ input: cases.map((c) => c.input), expected: cases.map((c) => c.expected) }));
    }
    case 'model':
      return modelCase(models, models.get(node.ref) as ModelIR, strict, depth + 1);
    case 'ref': {
      // Built when drawn, not up front: the definition contains itself.
      const type = (models.get(node.ref) as DefinitionIR).type;
      return fc.constant(null).chain(() => nodeCase(models, type, strict, depth + 1));
    }
    case 'object': {
      const rest = node.rest;
      // With an index signature other keys are values of `rest`: no unvalidated extras.
      const known = modelCase(models, rest === undefined ? node : { ...node, extra: 'forbid' }, strict, depth + 1);
      if (rest === undefined || depth > MAX_DEPTH) return known;
      const names = new Set(node.fields.map((f) => f.name));
      const keys = (node.restKey === undefined ? fc.string({ maxLength: 6 }).map((k) => `r_${k}`) : fc.stringMatching(new RegExp(node.restKey.source))).filter(
        (k) => !names.has(k) && (node.restKey === undefined || fitsPattern(node.restKey, k)),
      );
      const entries = fc.uniqueArray(fc.tuple(keys, nodeCase(models, rest, strict, depth + 1)), { maxLength: 3, selector: ([k]) => k });
      return fc.tuple(known, entries).map(([c, more]) => {
        const input = { ...(c.input as object) } as Record<string, unknown>;
        const expected = { ...(c.expected as object) } as Record<string, unknown>;
        for (const [k, item] of more) {
          define(input, k, item.input);
          define(expected, k, item.expected);
        }
        return { input, expected };
      });
    }
    case 'nullable':
      return fc.oneof(same(fc.constant(null)), nodeCase(models, node.type, strict, depth));
    case 'secret':
      return nodeCase(models, node.type, strict, depth).map((c) => ({ input: c.input, expected: new Secret(c.expected) }));
    case 'set': {
      const items = fc.array(nodeCase(models, node.items, strict, depth + 1), { maxLength: depth > MAX_DEPTH ? 0 : 4 });
      return items.map((cases) => ({
        input: strict ? new Set(cases.map((c) => c.input)) : cases.map((c) => c.input),
        expected: new Set(cases.map((c) => c.expected)),
      }));
    }
    case 'map': {
      const entries = fc.array(fc.tuple(nodeCase(models, node.key, strict, depth + 1), nodeCase(models, node.value, strict, depth + 1)), {
        maxLength: depth > MAX_DEPTH ? 0 : 3,
      });
      return entries.map((pairs) => ({
        input: new Map(pairs.map(([k, x]) => [k.input, x.input])),
        expected: new Map(pairs.map(([k, x]) => [k.expected, x.expected])),
      }));
    }
    case 'tuple': {
      const cases = node.elements.map((el) => nodeCase(models, el, strict, depth + 1));
      const rest = node.rest === undefined || depth > MAX_DEPTH ? fc.constant([]) : fc.array(nodeCase(models, node.rest, strict, depth + 1), { maxLength: 3 });
      const optional = node.elements.length - node.required;
      return fc.tuple(fc.tuple(...cases), fc.integer({ min: 0, max: optional }), rest).map(([fixed, extra, more]) => {
        // Optional elements may be left off from the end; the rest only follows a full set.
        const kept = fixed.slice(0, node.required + extra);
        const all = kept.length === node.elements.length ? [...kept, ...more] : kept;
        return { input: all.map((c) => c.input), expected: all.map((c) => c.expected) };
      });
    }
    case 'union':
      // Inside a union only exact (strict) values are generated: smart mode
      // would hand a lax value (a date string, a default left out) to an
      // earlier member that takes it as it is.
      return fc.oneof(...node.members.map((m) => nodeCase(models, m, true, depth)));
  }
}

/** Values of each string format (a subset of what the format accepts). */
const FORMATS = {
  // Short addresses, so length constraints beside the format are easy to meet.
  email: fc.stringMatching(/^[a-z0-9]{1,4}(\.[a-z0-9]{1,3})?@[a-z0-9]{1,4}\.[a-z]{2,3}$/),
  url: fc.webUrl(),
  httpUrl: fc.webUrl({ validSchemes: ['http', 'https'] }),
  uuid: fc.uuid(),
  ipv4: fc.ipV4(),
  ipv6: fc.ipV6(),
  date: fc
    .date({ min: new Date('0000-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
  time: timeOfDay,
  duration: isoDuration,
  ipv4Network,
  ipv6Network,
  ipv4Interface,
  ipv6Interface,
} satisfies Record<StringFormat, fc.Arbitrary<string>>;

function numbers(constraints: (TypeNode & { kind: 'number' })['constraints']): fc.Arbitrary<number> {
  let min = -1e6;
  let max = 1e6;
  let minExcluded = false;
  let maxExcluded = false;
  let step: number | undefined;
  for (const c of constraints) {
    if (c.kind === 'int') step ??= 1;
    else if (c.kind === 'multipleOf') step = c.value;
    else if (c.kind === 'ge') min = c.value;
    else if (c.kind === 'gt') [min, minExcluded] = [c.value, true];
    else if (c.kind === 'le') max = c.value;
    else [max, maxExcluded] = [c.value, true];
  }
  if (step === undefined) {
    return fc.double({ min, max, minExcluded, maxExcluded, noNaN: true, noDefaultInfinity: true });
  }
  const lo = Math.ceil(min / step) + (minExcluded && Math.ceil(min / step) * step === min ? 1 : 0);
  const hi = Math.floor(max / step) - (maxExcluded && Math.floor(max / step) * step === max ? 1 : 0);
  return fc.integer({ min: lo, max: hi }).map((k) => k * step!);
}

function define(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function copy(value: JsonValue): unknown {
  return JSON.parse(JSON.stringify(value));
}

/**
 * Class instances to plain objects (own enumerable keys, in order, then the extras a model instance keeps, as
 * `extrasOf` of the bundle under test reads them), recursively, for deep comparison.
 */
export function toPlain(value: unknown, extrasOf?: (instance: object) => Record<string, unknown>): unknown {
  const plain = (x: unknown): unknown => toPlain(x, extrasOf);
  if (Array.isArray(value)) return value.map(plain);
  if (value instanceof Set) return new Set([...value].map(plain));
  if (value instanceof Map) return new Map([...value].map(([k, x]) => [plain(k), plain(x)]));
  // A Secret shows nothing of itself: compare what it holds.
  if (value instanceof Secret) return { Secret: plain(value.reveal()) };
  if (typeof value !== 'object' || value === null || value instanceof Date || value instanceof RegExp || value instanceof Uint8Array) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) define(out, key, plain((value as Record<string, unknown>)[key]));
  const extras = extrasOf?.(value) ?? {};
  for (const key of Object.keys(extras)) define(out, key, plain(extras[key]));
  return out;
}
