/**
 * The build emitter: parse's fast path. Input that passes the strict check
 * (letting fields with a default be absent) needs no conversion and has
 * nothing to report, so the instance is built straight from it, in one pass
 * that checks each value as it copies it (`build_M`), with no issue
 * bookkeeping; it returns undefined at the first value that does not pass,
 * and `M.parse` then runs `parse_M`. The tests are `is_M`'s (`failCondition`,
 * `notExtra`). Only models whose result is a plain copy of checked input get
 * a build: scalars, literals, nullable and array types of those, other such
 * models and discriminated unions of them; no validators, aliases, kept
 * extras or generics.
 */
import { type FieldIR, inputKeysOf, type ModelIR, tagsOf, type TypeNode } from '../ir';
import type { Names } from '../names';
import { type Lines, lit, read } from './code';
import { arrayFails, depthParam, failCondition, notExtra, notObject, withDepthOf } from './check';
import { type EmitContext, LOCALS } from './context';

/** Whether a model gets a build function: its instance from checked input is a plain copy of it. */
export function buildable(e: EmitContext, model: ModelIR): boolean {
  return buildableId(e, model.id);
}

/**
 * `buildable` by model id. The answers given so far are kept in `e.buildable` (exact, unlike those assumed
 * inside a cycle while it is looked at); each is noted as something the block being recorded depends on.
 */
export function buildableId(e: EmitContext, id: string): boolean {
  let answer = e.buildable.get(id);
  if (answer === undefined) e.buildable.set(id, (answer = modelBuildable(e, id, new Map(), e.buildable)));
  e.noteBuildable(id, answer);
  return answer;
}

function modelBuildable(e: EmitContext, id: string, seen: Map<string, boolean>, decided: ReadonlyMap<string, boolean>): boolean {
  const answer = decided.get(id);
  if (answer !== undefined) {
    // An earlier block's answer, found by looking at models this block does not look up.
    e.noteBuildable(id, answer);
    return answer;
  }
  const assumed = seen.get(id);
  if (assumed !== undefined) return assumed;
  const model = e.models.get(id);
  if (model === undefined) return false;
  // Assumed buildable while its own fields are looked at (a recursive model refers to itself).
  seen.set(id, true);
  const ok =
    model.generic === undefined &&
    model.extra !== 'allow' &&
    model.validators === undefined &&
    model.populateByName !== true &&
    model.fields.every((f) => f.validators === undefined && readByName(f) && f.factory === undefined && typeBuildable(e, f.type, seen, decided));
  seen.set(id, ok);
  return ok;
}

/** Whether a field's value is read from its name alone, as the build reads it (no alias, no alias choices). */
function readByName(field: FieldIR): boolean {
  const keys = inputKeysOf(field, false);
  return keys.length === 1 && keys[0] === field.name;
}

function typeBuildable(e: EmitContext, node: TypeNode, seen: Map<string, boolean>, decided: ReadonlyMap<string, boolean>): boolean {
  switch (node.kind) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'bigint':
    case 'literal':
    case 'null':
      return true;
    case 'nullable':
      return typeBuildable(e, node.type, seen, decided);
    case 'array':
      return typeBuildable(e, node.items, seen, decided);
    case 'model':
      return modelBuildable(e, node.ref, seen, decided);
    case 'union':
      // A discriminated union of such models: the tag says which member `is_M` checked.
      return node.discriminator !== undefined && node.members.every((m) => m.kind === 'model' && modelBuildable(e, m.ref, seen, decided));
    default:
      return false;
  }
}

/**
 * Emits `function build_M(v) { … }`: the instance for input that passes the strict check (letting fields with
 * a default be absent), or `undefined` at the first value that does not. One pass checks and builds, as a
 * hand-written parser could: each field is read once, and nothing is built twice.
 */
export function emitBuild(e: EmitContext, out: Lines, model: ModelIR): void {
  const { build, ctor } = e.fn(model.id);
  const names = e.names.child(LOCALS);
  const fail = 'return undefined;';
  // `f`: the call forbids extra keys (`parse(x, { extra: 'forbid' })`), for this model and every one it holds.
  // A model that forbids them itself and holds no other reads it never (and noUnusedParameters would say so).
  const reads = model.extra !== 'forbid' || model.fields.some((field) => holdsBuilds(field.type));
  out.block(`function ${build}(v${e.type('any')}, ${reads ? 'f' : '_f'}${e.type('boolean')}${depthParam(e, model.id)})${e.type('any')}`, () => withDepthOf(e, out, model.id, 'v', fail, () => {
    out.line(`if (${notObject(e, 'v')}) ${fail}`);
    const defaulted: string[] = [];
    const marks = names.numbered('m');
    const args = model.fields.map((field) => {
      const known = onlyValue(field.type);
      if (known !== undefined && !field.optional && field.default === undefined) {
        // A required field of one string or boolean literal (a union's tag): tested, and written as that literal.
        out.line(`if (${read('v', field.name)} !== ${lit(known)}) ${fail}`);
        return lit(known);
      }
      const value = names.numbered('v');
      out.line(`const ${value} = ${read('v', field.name)};`);
      if (!field.optional && field.default === undefined) return take(e, out, names, field.type, value, fail);
      // An optional field may be absent (it stays absent: the constructor skips it); a defaulted one gets a
      // fresh copy of its default, as parse gives it.
      const absent = field.default === undefined ? 'undefined' : lit(field.default);
      if (field.default !== undefined) defaulted.push(`if (${value} === undefined) (${marks} ??= []).push(${lit(field.name)});`);
      const cond = same(field.type) ? failCondition(e, field.type, value) : undefined;
      if (cond !== undefined) {
        out.line(`if (${value} !== undefined && (${cond})) ${fail}`);
        return field.default === undefined ? value : `${value} === undefined ? ${absent} : ${value}`;
      }
      const result = names.numbered('r');
      out.line(`let ${result}${e.type('any')} = ${absent};`);
      out.block(`if (${value} !== undefined)`, () => out.line(`${result} = ${take(e, out, names, field.type, value, fail)};`));
      return result;
    });
    const k = names.numbered('k');
    out.block(`${model.extra === 'forbid' ? '' : 'if (f) '}for (const ${k} in v)`, () => {
      out.line(`if (${notExtra(model.fields.map((f) => f.name), k, 'v')}) continue;`);
      out.line(fail);
    });
    const made = `new ${e.ts ? `(${ctor} as any)` : ctor}(${args.join(', ')})`;
    if (defaulted.length > 0) {
      // For dump({ excludeUnset }): which fields took their default, as parse marks them.
      out.line(`const o = ${made};`);
      out.line(`let ${marks}${e.type('string[] | undefined')};`);
      for (const line of defaulted) out.line(line);
      out.line(`if (${marks} !== undefined) ${e.helper('markDefaults')}(o, ${marks});`);
      out.line(model.frozen ? 'return Object.freeze(o);' : 'return o;');
      return;
    }
    out.line(model.frozen ? `return Object.freeze(${made});` : `return ${made};`);
  }));
}

/**
 * Checks present value `v` of `node` strictly, running `fail` when it does not fit (statements go to `out`),
 * and returns an expression for parse's output: `v` itself for scalars, a new array for an array, a new
 * instance for a model (a nested build, which reports its failure by returning undefined).
 */
function take(e: EmitContext, out: Lines, names: Names, node: TypeNode, v: string, fail: string): string {
  const cond = same(node) ? failCondition(e, node, v) : undefined;
  if (cond !== undefined) {
    out.line(`if (${cond}) ${fail}`);
    return v;
  }
  switch (node.kind) {
    case 'nullable': {
      const result = names.numbered('r');
      out.line(`let ${result}${e.type('any')} = null;`);
      out.block(`if (${v} !== null)`, () => out.line(`${result} = ${take(e, out, names, node.type, v, fail)};`));
      return result;
    }
    case 'array': {
      out.line(`if (${arrayFails(node, v)}) ${fail}`);
      const items = names.numbered('a');
      const i = names.numbered('i');
      const item = names.numbered('x');
      out.line(`const ${items}${e.type('any[]')} = new Array(${v}.length);`);
      out.block(`for (let ${i} = 0; ${i} < ${v}.length; ${i}++)`, () => {
        out.line(`const ${item} = ${v}[${i}];`);
        out.line(`if (${item} === undefined && !(${i} in ${v})) ${fail}`);
        out.line(`${items}[${i}] = ${take(e, out, names, node.items, item, fail)};`);
      });
      return items;
    }
    case 'model': {
      const built = names.numbered('b');
      out.line(`const ${built} = ${e.fn(node.ref).build}(${v}, f${e.depthArg(node.ref, v)});`);
      out.line(`if (${built} === undefined) ${fail}`);
      return built;
    }
    case 'union': {
      // Buildable unions are discriminated unions of models: the tag picks the member's build, which checks
      // the whole member, its tag too.
      out.line(`if (typeof ${v} !== "object" || ${v} === null) ${fail}`);
      const tag = names.numbered('t');
      out.line(`const ${tag} = ${read(v, node.discriminator!)};`);
      const built = names.numbered('b');
      const pick = tagsOf(node, e).map(({ values, member }) => {
        const test = values.map((value) => `${tag} === ${lit(value)}`).join(' || ');
        const ref = (member as { ref: string }).ref;
        return `${test} ? ${e.fn(ref).build}(${v}, f${e.depthArg(ref, v)}) : `;
      });
      out.line(`const ${built} = ${pick.join('')}undefined;`);
      out.line(`if (${built} === undefined) ${fail}`);
      return built;
    }
    default:
      throw new Error(`no build for ${node.kind}`);
  }
}

/** Whether checking a value of `node` calls the build of another model (which takes the call's `f`). */
function holdsBuilds(node: TypeNode): boolean {
  return node.kind === 'model' || node.kind === 'union' || ((node.kind === 'array' || node.kind === 'nullable') && holdsBuilds(node.kind === 'array' ? node.items : node.type));
}

/**
 * The one value a checked value of `node` can be, for a single string or boolean literal (not a number:
 * `0` also accepts `-0`, which parse keeps as it is).
 */
function onlyValue(node: TypeNode): string | boolean | undefined {
  if (node.kind !== 'literal' || node.values.length !== 1) return undefined;
  const [value] = node.values;
  return typeof value === 'number' ? undefined : value;
}

/** Whether parse's output for a checked value of `node` is the value itself. */
function same(node: TypeNode): boolean {
  return node.kind === 'nullable' ? same(node.type) : node.kind !== 'array' && node.kind !== 'model' && node.kind !== 'union';
}
