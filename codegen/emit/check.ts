/**
 * The check emitter: strict, allocation-free boolean validation (`M.is`).
 * No coercion: data must already have the model's output shape, so a field
 * with a default is required, as it is in an instance. Parse's fast path
 * (build.ts) makes the same tests through `failCondition` and `notExtra`.
 */
import { assertNever, tagsOf, type BytesConstraint, type DateConstraint, type DefinitionIR, type FieldIR, type ModelIR, type NumberConstraint, type StringConstraint, type StringFormat, type TypeNode, type ExtraPolicy } from '../ir';
import type { Names } from '../names';
import { lit, type Lines, ownTest, read } from './code';
import type { RuntimeHelper } from '../names';
import { type EmitContext, LOCALS } from './context';

/**
 * Emits `function is_M(v) { … }` for one model. It is also the model's static `is` (no wrapper between
 * `M.is(x)` and the checks), so it refuses a `this` that is a subclass without code of its own; generated
 * callers call it without a `this`.
 */
export function emitIs(e: EmitContext, out: Lines, model: ModelIR): void {
  const isName = e.fn(model.id).is;
  const local = e.names.child(LOCALS);
  // The input is `v`, unless that is the class's own name, which the first line needs.
  const v = model.id === 'v' ? local.numbered('v') : 'v';
  out.block(`function ${isName}(${e.ts ? 'this: unknown, ' : ''}${v}${e.type('any')}${depthParam(e, model.id)})${e.type('boolean')}`, () => {
    out.line(`if (this !== undefined && this !== ${model.id}) ${e.helper('unlinked')}(this);`);
    withDepthOf(e, out, model.id, v, 'return false;', () => {
      out.line(`if (typeof ${v} !== "object" || ${v} === null || Array.isArray(${v})) return false;`);
      emitModelFields(e, out, local, model, v, 'return false;');
    });
    out.line('return true;');
  });
}

/** Emits `function is_D(v) { … }` for a definition (a shared or recursive type). */
export function emitIsDefinition(e: EmitContext, out: Lines, definition: DefinitionIR): void {
  const local = e.names.child(LOCALS);
  out.block(`function ${e.fn(definition.id).is}(v${e.type('any')}${depthParam(e, definition.id)})${e.type('boolean')}`, () => {
    withDepthOf(e, out, definition.id, 'v', 'return false;', () => emitCheck(e, out, local, definition.type, 'v', 'return false;'));
    out.line('return true;');
  });
}

/** `, r` (typed in TypeScript) for the check or build of a model or definition that can recur: how deep it may still go. */
export function depthParam(e: EmitContext, id: string): string {
  return e.recursion(id) === undefined ? '' : `, r${e.type('number')}`;
}

/**
 * Writes the body of `id`'s check or build, whose input is `input`: a recursive type first stops (`fail`) when
 * no more values of recursive types may nest, and its calls on other values pass one less; a type that only
 * reaches one passes `r` on.
 */
export function withDepthOf(e: EmitContext, out: Lines, id: string, input: string, fail: string, body: () => void): void {
  const recursion = e.recursion(id);
  if (recursion === 'cyclic') out.line(`if (r === 0) ${fail}`);
  e.withDepth(recursion === undefined ? undefined : { input, cyclic: recursion === 'cyclic', same: 'r', other: recursion === 'cyclic' ? 'r - 1' : 'r' }, body);
}

/** A model's field checks, written with the model noted in `e.checking` (a union inside does not inline it again). */
function emitModelFields(e: EmitContext, out: Lines, names: Names, model: ModelIR, src: string, fail: string, skip?: string): void {
  e.checking.add(model.id);
  // An instance whose own key replaces a member of its class (a getter, method or computed field turned into
  // data) is not an instance of the model's shape; nor is a built-in object (a Date, a Map …), whose keys are
  // not its data.
  // An instance whose own `constructor` is `Object` skips the test: only code, never parsed input, can give an
  // instance own keys (parse keeps extras apart), and that key would itself be the first to shadow a member.
  out.line(`if (${src}.constructor !== Object && ${e.helper('unfit')}(${src}, ${e.keyList(model.fields.map((f) => f.name))})) ${fail}`);
  emitFields(e, out, names, model.fields, model.extra, src, fail, skip);
  e.checking.delete(model.id);
}

/** The checks of an object's fields (and, when it forbids extras, of its keys), each running `fail`. */
function emitFields(
  e: EmitContext,
  out: Lines,
  names: Names,
  fields: readonly FieldIR[],
  extra: ExtraPolicy,
  src: string,
  fail: string,
  /** A field known to be valid already (a union's tag), checked only as a key. */
  skip?: string,
): void {
  for (const field of fields) {
    if (field.name === skip) continue;
    const value = names.numbered('v');
    out.line(`const ${value} = ${read(src, field.name)};`);
    if (field.optional) {
      const cond = failCondition(e, field.type, value);
      if (cond !== undefined) out.line(`if (${value} !== undefined && (${cond})) ${fail}`);
      else out.block(`if (${value} !== undefined)`, () => emitCheck(e, out, names, field.type, value, fail));
    } else if (field.type.kind === 'unknown') {
      // A required field of any type must still be there (parse reports `missing`).
      out.line(`if (${value} === undefined) ${fail}`);
    } else {
      emitCheck(e, out, names, field.type, value, fail);
    }
  }
  if (extra === 'forbid') {
    const k = names.numbered('k');
    out.block(`for (const ${k} in ${src})`, () => {
      out.line(`if (${notExtra(fields.map((f) => f.name), k, src)}) continue;`);
      out.line(fail);
    });
  }
}

/** An expression true when key `k` of `src` is one of `keys`, or not an own key: a key to skip in a for-in over extras. */
export function notExtra(keys: readonly string[], k: string, src: string): string {
  return [...keys.map((key) => `${k} === ${lit(key)}`), `!${ownTest(src, k)}`].join(' || ');
}

/** Emits statements that run `fail` (a `return false;` or a `break label;`) when `v` does not fit `node`. */
export function emitCheck(e: EmitContext, out: Lines, names: Names, node: TypeNode, v: string, fail: string): void {
  const cond = failCondition(e, node, v);
  if (cond !== undefined) {
    out.line(`if (${cond}) ${fail}`);
    return;
  }
  switch (node.kind) {
    case 'array': {
      out.line(`if (${arrayFails(node, v)}) ${fail}`);
      const i = names.numbered('i');
      out.block(`for (let ${i} = 0; ${i} < ${v}.length; ${i}++)`, () => {
        const item = names.numbered('v');
        out.line(`const ${item} = ${v}[${i}];`);
        // A hole fails, whatever the item type: a sparse array with a huge length stops at its first one.
        out.line(`if (${item} === undefined && !(${i} in ${v})) ${fail}`);
        emitCheck(e, out, names, node.items, item, fail);
      });
      return;
    }
    case 'nullable':
      out.block(`if (${v} !== null)`, () => emitCheck(e, out, names, node.type, v, fail));
      return;
    case 'secret': {
      out.line(`if (!(${v} instanceof ${e.helper('Secret')})) ${fail}`);
      const value = names.numbered('v');
      out.line(`const ${value} = ${v}.reveal();`);
      emitCheck(e, out, names, node.type, value, fail);
      return;
    }
    case 'set': {
      out.line(`if (!(${v} instanceof Set)) ${fail}`);
      const item = names.numbered('v');
      out.block(`for (const ${item} of ${v})`, () => emitCheck(e, out, names, node.items, item, fail));
      return;
    }
    case 'map': {
      out.line(`if (!(${v} instanceof Map)) ${fail}`);
      const key = names.numbered('v');
      const value = names.numbered('v');
      out.block(`for (const [${key}, ${value}] of ${v})`, () => {
        emitCheck(e, out, names, node.key, key, fail);
        emitCheck(e, out, names, node.value, value, fail);
      });
      return;
    }
    case 'tuple': {
      const count = node.elements.length;
      const lengthChecks = [`${v}.length < ${node.required}`, ...(node.rest === undefined ? [`${v}.length > ${count}`] : [])];
      out.line(`if (!Array.isArray(${v}) || ${lengthChecks.join(' || ')}) ${fail}`);
      node.elements.forEach((element, i) => {
        const item = names.numbered('v');
        const check = (): void => {
          out.line(`const ${item} = ${v}[${i}];`);
          out.line(`if (${item} === undefined && !(${i} in ${v})) ${fail}`);
          emitCheck(e, out, names, element, item, fail);
        };
        if (i < node.required) check();
        else out.block(`if (${v}.length > ${i})`, check);
      });
      if (node.rest !== undefined) {
        const rest = node.rest;
        const j = names.numbered('i');
        out.block(`for (let ${j} = ${count}; ${j} < ${v}.length; ${j}++)`, () => {
          const item = names.numbered('v');
          out.line(`const ${item} = ${v}[${j}];`);
          out.line(`if (${item} === undefined && !(${j} in ${v})) ${fail}`);
          emitCheck(e, out, names, rest, item, fail);
        });
      }
      return;
    }
    case 'object':
      out.line(`if (${notObject(e, v)}) ${fail}`);
      emitFields(e, out, names, node.fields, node.rest === undefined ? node.extra : 'ignore', v, fail);
      if (node.rest !== undefined) {
        const { rest, restKey } = node;
        const k = names.numbered('k');
        out.block(`for (const ${k} in ${v})`, () => {
          out.line(`if (${notExtra(node.fields.map((f) => f.name), k, v)}) continue;`);
          // A key that is not a template key is an extra key.
          if (restKey !== undefined) out.line(`if (!${e.patternTest(restKey, k)}) ${node.extra === 'forbid' ? fail : 'continue;'}`);
          const value = names.numbered('v');
          out.line(`const ${value} = ${v}[${k}];`);
          emitCheck(e, out, names, rest, value, fail);
        });
      }
      return;
    case 'union': {
      if (node.discriminator !== undefined) {
        // Constant-time dispatch on the tag: only the selected member is checked.
        out.line(`if (typeof ${v} !== "object" || ${v} === null) ${fail}`);
        out.line(`switch (${read(v, node.discriminator)}) {`);
        out.indent(() => {
          for (const { values, member } of tagsOf(node, e)) {
            for (const value of values.slice(0, -1)) out.line(`case ${lit(value)}:`);
            out.block(`case ${lit(values[values.length - 1]!)}:`, () => {
              const model = member.kind === 'model' ? e.models.get(member.ref) : undefined;
              const tag = model?.fields.find((f) => f.name === node.discriminator);
              if (model !== undefined && tag?.type.kind === 'literal' && !tag.optional && !e.checking.has(model.id) && e.recursion(model.id) !== 'cyclic') {
                // The member's checks inline: the value is an object and its tag matched, so neither is tested again.
                // A member whose checks are being written already (it holds the union) is called instead, and so is
                // a recursive one (its call counts the depth).
                out.line(`if (Array.isArray(${v})) ${fail}`);
                emitModelFields(e, out, names, model, v, fail, tag.name);
              } else {
                emitCheck(e, out, names, member, v, fail);
              }
              out.line('break;');
            });
          }
          out.line('default:');
          out.line(`  ${fail}`);
        });
        out.line('}');
        return;
      }
      const done = names.numbered('u');
      out.block(`${done}:`, () => {
        for (const member of node.members) {
          const next = names.numbered('m');
          out.block(`${next}:`, () => {
            emitCheck(e, out, names, member, v, `break ${next};`);
            out.line(`break ${done};`);
          });
        }
        out.line(fail);
      });
      return;
    }
    default:
      throw new Error(`no statement form for ${node.kind}`);
  }
}

/** An expression true when `v` is not an array or its length breaks a constraint of `node` (its items aside). */
export function arrayFails(node: Extract<TypeNode, { kind: 'array' }>, v: string): string {
  const lengthChecks = node.constraints.map((c) => (c.kind === 'minItems' ? `${v}.length < ${c.value}` : `${v}.length > ${c.value}`));
  return [`!Array.isArray(${v})`, ...lengthChecks].join(' || ');
}

/**
 * A single expression that is true when `v` does not fit `node`, for nodes
 * that need no loop; undefined for the others.
 */
export function failCondition(e: EmitContext, node: TypeNode, v: string): string | undefined {
  switch (node.kind) {
    case 'string':
      return [`typeof ${v} !== "string"`, ...node.constraints.map((c) => stringFails(e, c, v))].join(' || ');
    case 'number': {
      // `Number.isFinite` and `Number.isInteger` are false for anything but a number (no coercion): either is
      // the whole type test. An integer is finite.
      const int = node.constraints.some((c) => c.kind === 'int');
      return [int ? `!Number.isInteger(${v})` : `!Number.isFinite(${v})`, ...node.constraints.filter((c) => c.kind !== 'int').map((c) => numberFails(e, c, v))].join(' || ');
    }
    case 'boolean':
      return `typeof ${v} !== "boolean"`;
    case 'bigint':
      return `typeof ${v} !== "bigint"`;
    case 'unknown':
      return 'false';
    case 'nonNullish':
      return `${v} === null || ${v} === undefined`;
    case 'nonPrimitive':
      return nonPrimitiveFails(v);
    case 'null':
      return `${v} !== null`;
    case 'undefined':
      return `${v} !== undefined`;
    case 'literal':
      return literalFails(e, node.values, v);
    case 'date':
      return [`!(${v} instanceof Date) || Number.isNaN(${e.helper('timeOf')}(${v}))`, ...(node.constraints ?? []).map((c) => dateFails(c, `${e.helper('timeOf')}(${v})`))].join(' || ');
    case 'regexp':
      return `!(${v} instanceof RegExp)`;
    case 'bytes':
      return [`!${e.helper('isBytes')}(${v})`, ...(node.constraints ?? []).map((c) => bytesFails(c, v))].join(' || ');
    case 'model':
    case 'ref':
      return `!${e.fn(node.ref).is}(${v}${e.depthArg(node.ref, v)})`;
    case 'nullable': {
      const inner = failCondition(e, node.type, v);
      return inner === undefined ? undefined : `${v} !== null && (${inner})`;
    }
    case 'union': {
      if (node.discriminator !== undefined) return undefined;
      const members = node.members.map((m) => failCondition(e, m, v));
      return members.every((m) => m !== undefined) ? members.map((m) => `(${m})`).join(' && ') : undefined;
    }
    case 'array':
    case 'object':
    case 'tuple':
    case 'set':
    case 'map':
    case 'secret':
      return undefined;
    default:
      return assertNever(node);
  }
}

/**
 * An expression true when `v` is not an object an object type or model reads: a primitive, an array, or a
 * built-in whose keys are not its data (a Date, Map, Set, boxed primitive, typed array …), which would
 * otherwise read as `{}`.
 */
export function notObject(e: EmitContext, v: string): string {
  return `typeof ${v} !== "object" || ${v} === null || Array.isArray(${v}) || (${builtinTest(e, v)})`;
}

/** An expression true when object `v` is a built-in (see `notObject`): plain data is told apart by its `constructor` first, which costs an inline-cached load where reading the prototype costs a call. */
function builtinTest(e: EmitContext, v: string): string {
  return `${v}.constructor !== Object && ${e.helper('builtin')}(${v})`;
}

/** An expression true when `v` is a primitive (what `object` refuses): neither an object nor a function. */
export function nonPrimitiveFails(v: string): string {
  return `(typeof ${v} !== "object" || ${v} === null) && typeof ${v} !== "function"`;
}

/** The failure test of one string constraint, as an expression. */
/** Whether the bytes `v` (a checked `Uint8Array`) fail a length bound. */
export function bytesFails(c: BytesConstraint, v: string): string {
  return c.kind === 'minLength' ? `${v}.length < ${c.value}` : `${v}.length > ${c.value}`;
}

export function stringFails(e: EmitContext, c: StringConstraint, v: string): string {
  switch (c.kind) {
    case 'minLength':
      return `${v}.length < ${c.value}`;
    case 'maxLength':
      return `${v}.length > ${c.value}`;
    case 'pattern':
      // `matches` is false where the engine runs out of stack, which `test` throws as a RangeError.
      return `!${e.patternTest(c, v)}`;
    case 'format':
      return `!${e.helper(FORMAT_CHECKS[c.format])}(${v})`;
    case 'after':
    case 'from':
    case 'before':
    case 'until':
    case 'past':
    case 'future':
      // A `DateString`, valid by its format check before this one: midnight UTC of its day.
      return dateFails(c, `Date.parse(${v})`, true);
    default:
      return assertNever(c);
  }
}

/** The runtime check of each string format. */
const FORMAT_CHECKS = {
  email: 'isEmail',
  url: 'isUrl',
  httpUrl: 'isHttpUrl',
  uuid: 'isUuid',
  ipv4: 'isIPv4',
  ipv6: 'isIPv6',
  date: 'isDateString',
  time: 'isTimeString',
  duration: 'isDuration',
  ipv4Network: 'isIPv4Network',
  ipv6Network: 'isIPv6Network',
  ipv4Interface: 'isIPv4Interface',
  ipv6Interface: 'isIPv6Interface',
} as const satisfies Record<StringFormat, RuntimeHelper>;

/** The error type of each string format (email reports through `emailIssue`) and the runtime function that words its reason. */
const FORMAT_ISSUES = {
  url: ['url_parsing', 'urlReason'],
  uuid: ['uuid_parsing', 'uuidReason'],
  ipv4: ['ip_v4_address', undefined],
  ipv6: ['ip_v6_address', undefined],
  date: ['date_parsing', 'dateReason'],
  time: ['time_parsing', 'timeReason'],
  duration: ['time_delta_parsing', 'durationReason'],
  ipv4Network: ['ip_v4_network', undefined],
  ipv6Network: ['ip_v6_network', undefined],
  ipv4Interface: ['ip_v4_interface', undefined],
  ipv6Interface: ['ip_v6_interface', undefined],
} as const satisfies Record<Exclude<StringFormat, 'email' | 'httpUrl'>, readonly [string, RuntimeHelper | undefined]>;

/**
 * The call that reports string `v` failing `format` at `loc` (an array expression) to context `cx`.
 * Each format has its own reporter and reason function, so a bundle keeps only the formats its models use.
 */
export function formatIssue(e: EmitContext, format: StringFormat, cx: string, loc: string, v: string): string {
  if (format === 'email') return `${e.helper('emailIssue')}(${cx}, ${loc}, ${v})`;
  if (format === 'httpUrl') return `${e.helper('httpUrlIssue')}(${cx}, ${loc}, ${v})`;
  const [type, reason] = FORMAT_ISSUES[format];
  return `${e.helper('issue')}(${cx}, "${type}", ${loc}, ${v}${reason === undefined ? '' : `, { error: ${e.helper(reason)}(${v}) }`})`;
}

/**
 * The failure test of one Date constraint on a valid time `t` (epoch milliseconds), as an expression. For a
 * `DateString` (`day`), `t` is its midnight in UTC, and Past means a day before today's (pydantic's `PastDate`).
 */
export function dateFails(c: DateConstraint, t: string, day = false): string {
  switch (c.kind) {
    case 'after':
      return `${t} <= ${Date.parse(c.at)}`;
    case 'from':
      return `${t} < ${Date.parse(c.at)}`;
    case 'before':
      return `${t} >= ${Date.parse(c.at)}`;
    case 'until':
      return `${t} > ${Date.parse(c.at)}`;
    case 'past':
      return day ? `${t} + 86400000 > Date.now()` : `${t} >= Date.now()`;
    case 'future':
      return `${t} <= Date.now()`;
    default:
      return assertNever(c);
  }
}

/**
 * The error type and context of a failed Date constraint (pydantic's: bounds as numbers' are, past and future
 * their own). For a `DateString` (`day`), `date_past` and `date_future`, and a bound at midnight UTC shows as its day.
 */
export function dateIssue(c: DateConstraint, day = false): [type: string, ctx: string | undefined] {
  const at = 'at' in c ? lit(day && c.at.endsWith('T00:00:00.000Z') ? c.at.slice(0, 10) : c.at) : '';
  switch (c.kind) {
    case 'after':
      return ['greater_than', `{ gt: ${at} }`];
    case 'from':
      return ['greater_than_equal', `{ ge: ${at} }`];
    case 'before':
      return ['less_than', `{ lt: ${at} }`];
    case 'until':
      return ['less_than_equal', `{ le: ${at} }`];
    case 'past':
      return [day ? 'date_past' : 'datetime_past', undefined];
    case 'future':
      return [day ? 'date_future' : 'datetime_future', undefined];
    default:
      return assertNever(c);
  }
}

/** The failure test of one number constraint, as an expression (the value is a finite number). */
export function numberFails(e: EmitContext, c: NumberConstraint, v: string): string {
  switch (c.kind) {
    case 'int':
      return `!Number.isInteger(${v})`;
    case 'multipleOf':
      return Number.isInteger(c.value)
        ? `${v} % ${lit(c.value)} !== 0`
        : `!${e.helper('isMultipleOf')}(${v}, ${lit(c.value)})`;
    case 'le':
      return `${v} > ${lit(c.value)}`;
    case 'lt':
      return `${v} >= ${lit(c.value)}`;
    case 'ge':
      return `${v} < ${lit(c.value)}`;
    case 'gt':
      return `${v} <= ${lit(c.value)}`;
    default:
      return assertNever(c);
  }
}

/** The failure test of a literal set: a chain of `!==` for a few values, a Set lookup for many. */
export function literalFails(e: EmitContext, values: readonly (string | number | boolean)[], v: string): string {
  return values.length > 6
    ? `!${e.literalSet(values)}.has(${v})`
    : values.map((value) => `${v} !== ${lit(value)}`).join(' && ');
}
