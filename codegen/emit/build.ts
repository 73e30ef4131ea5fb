/**
 * The build emitter: parse's fast path. For input that `is_M(v, true)`
 * accepts (the strict check, letting fields with a default be absent), parse
 * would report nothing and convert nothing, so the instance can be built
 * straight from the input, the way a hand-written parser builds it after its
 * check: one pass of checks (`is_M`, allocation-free), then one of
 * construction (`build_M`, which also fills in defaults), with no issue
 * bookkeeping in either. Anything the check rejects (lax conversions,
 * errors) goes through `parse_M` as before. Only models whose result is a plain copy of checked
 * input get a build: scalars, literals, nullable and array types of those,
 * other such models and discriminated unions of them; no validators,
 * aliases, kept extras or generics.
 */
import { type ModelIR, tagsOf, type TypeNode } from '../ir';
import type { Names } from '../names';
import { type Lines, lit, read } from './code';
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
    model.fields.every((f) => f.validators === undefined && f.validationAlias === undefined && typeBuildable(e, f.type, seen, decided));
  seen.set(id, ok);
  return ok;
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

/** Emits `function build_M(v) { … }`: the instance for input `is_M(v, true)` accepted. */
export function emitBuild(e: EmitContext, out: Lines, model: ModelIR): void {
  const { build, ctor } = e.fn(model.id);
  const names = e.names.child(LOCALS);
  out.block(`function ${build}(${model.fields.length === 0 ? '_v' : 'v'}${e.type('any')})${e.type('any')}`, () => {
    const defaulted: string[] = [];
    const marks = names.numbered('m');
    const args = model.fields.map((field) => {
      const known = onlyValue(field.type);
      // A required field of one string or boolean literal holds that literal: no need to read it (a union's tag).
      if (known !== undefined && !field.optional && field.default === undefined) return lit(known);
      const value = names.numbered('v');
      out.line(`const ${value} = ${read('v', field.name)};`);
      // The check let only `?` fields and fields with a default be undefined.
      const absent = field.optional || field.default !== undefined;
      const copy = copyOf(e, out, names, field.type, value, !absent);
      if (field.default !== undefined) {
        // An absent field gets a fresh copy of its default, as parse gives it.
        defaulted.push(`if (${value} === undefined) (${marks} ??= []).push(${lit(field.name)});`);
        return `${value} === undefined ? ${lit(field.default)} : ${copy}`;
      }
      // An absent optional field stays absent (the constructor skips it).
      return copy === value || !absent ? copy : `${value} === undefined ? undefined : ${copy}`;
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
  });
}

/**
 * An expression for parse's output for checked value `v` of `node` (statements it needs go to `out` first):
 * `v` itself for scalars, a new array for an array, a new instance for a model. `present`: `v` is known to
 * be a value of `node` here, not an absent optional or a null that statements run before the expression meet.
 */
function copyOf(e: EmitContext, out: Lines, names: Names, node: TypeNode, v: string, present: boolean): string {
  switch (node.kind) {
    case 'nullable': {
      const inner = copyOf(e, out, names, node.type, v, false);
      return inner === v ? v : `${v} === null ? null : ${inner}`;
    }
    case 'array': {
      if (same(node.items)) return `${v}.slice()`;
      const items = names.numbered('a');
      const i = names.numbered('i');
      const item = names.numbered('x');
      const fill = (): void => {
        out.block(`for (let ${i} = 0; ${i} < ${v}.length; ${i}++)`, () => {
          out.line(`const ${item} = ${v}[${i}];`);
          out.line(`${items}[${i}] = ${copyOf(e, out, names, node.items, item, true)};`);
        });
      };
      if (present) {
        // `is_M` checked it is an array: no test again.
        out.line(`const ${items}${e.type('any[]')} = new Array(${v}.length);`);
        fill();
        return items;
      }
      // An optional or nullable array may be absent here: only a present one is copied.
      out.line(`let ${items}${e.type('any')};`);
      out.block(`if (Array.isArray(${v}))`, () => {
        out.line(`${items} = new Array(${v}.length);`);
        fill();
      });
      return `${items} === undefined ? ${v} : ${items}`;
    }
    case 'model':
      return `${e.fn(node.ref).build}(${v})`;
    case 'union': {
      const tags = tagsOf(node, e.models);
      let tag = read(v, node.discriminator!);
      if (present && tags.length > 1) {
        // Read once (a value known to be there), as a hand-written switch would.
        const local = names.numbered('t');
        out.line(`const ${local} = ${tag};`);
        tag = local;
      }
      const pick = tags.slice(0, -1).map(({ values, member }) => {
        const test = values.map((value) => `${tag} === ${lit(value)}`).join(' || ');
        return `${test} ? ${copyOf(e, out, names, member, v, true)} : `;
      });
      // The last member needs no test: `is_M` let through only values whose tag is one of the members'.
      return `(${pick.join('')}${copyOf(e, out, names, tags[tags.length - 1]!.member, v, true)})`;
    }
    default:
      return v;
  }
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
