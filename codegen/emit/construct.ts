/**
 * The construct and copy emitters: instances built without validation.
 * `construct_M(v)` takes trusted data (absent fields with a default get a
 * fresh copy of it, marked as defaulted); `copy_M(v, u, deep)` copies an
 * instance, deeply when asked, then applies the update `u` as it is.
 * Both freeze the result for a frozen model.
 */
import { assertNever, type ModelIR, type TypeNode } from '../ir';
import type { Names } from '../names';
import { type Lines, lit, member, read, write } from './code';
import type { EmitContext } from './context';
import { MODEL_LOCALS } from './dump';

/** Emits `function construct_M(v) { … }` for one model. */
export function emitConstruct(e: EmitContext, out: Lines, model: ModelIR): void {
  const { construct, proto } = e.fn(model.id);
  const names = e.names.child(MODEL_LOCALS);
  const param = model.fields.length === 0 && model.extra !== 'allow' ? '_v' : 'v';
  out.block(`function ${construct}(${param}${e.type('any')})${e.type('any')}`, () => {
    out.line(`const o = Object.create(${proto});`);
    const defaulted = names.numbered('m');
    const defaults = model.fields.some((f) => f.default !== undefined);
    if (defaults) out.line(`let ${defaulted}${e.type('string[] | undefined')};`);
    for (const field of model.fields) {
      const value = names.numbered('v');
      out.line(`const ${value} = ${read('v', field.name)};`);
      out.line(`if (${value} !== undefined) ${write('o', field.name, value)}`);
      if (field.default !== undefined) {
        out.line(`else { ${write('o', field.name, lit(field.default))} (${defaulted} ??= []).push(${lit(field.name)}); }`);
      }
    }
    if (defaults) out.line(`if (${defaulted} !== undefined) ${e.helper('markDefaults')}(o, ${defaulted});`);
    if (model.extra === 'allow') out.line(`${e.helper('keepExtras')}(o, v, ${e.keyList(model.fields.map((f) => f.name))});`);
    out.line(model.frozen ? 'return Object.freeze(o);' : 'return o;');
  });
}

/** Emits `function copy_M(v, u, deep) { … }` for one model. */
export function emitCopy(e: EmitContext, out: Lines, model: ModelIR): void {
  const { copy, proto } = e.fn(model.id);
  const names = e.names.child(MODEL_LOCALS);
  const body: string[] = [];
  let deep = false;
  for (const field of model.fields) {
    const value = names.numbered('v');
    body.push(`let ${value} = ${read('v', field.name)};`);
    const update = `if (u !== undefined && Object.hasOwn(u, ${lit(field.name)})) ${value} = ${member('u', field.name)};`;
    const cloned = cloneExpression(e, names, field.type, value);
    if (cloned === value) {
      body.push(update);
    } else {
      deep = true;
      body.push(update);
      body.push(`else if (deep && ${value} !== undefined) ${value} = ${cloned};`);
    }
    body.push(`if (${value} !== undefined) ${write('o', field.name, value)}`);
  }
  if (model.extra === 'allow') {
    deep = true;
    body.push(`${e.helper('copyExtras')}(o, v, ${e.keyList(model.fields.map((f) => f.name))}, deep);`);
  }
  const params = `v${e.type('any')}, u${e.type('any')}, ${deep ? 'deep' : '_deep'}${e.type('boolean')}`;
  out.block(`function ${copy}(${params})${e.type('any')}`, () => {
    out.line(`const o = Object.create(${proto});`);
    for (const line of body) out.line(line);
    out.line(`${e.helper('copyMarks')}(o, v, u);`);
    out.line(model.frozen ? 'return Object.freeze(o);' : 'return o;');
  });
}

/** An expression for a deep copy of a valid value of `node`: `v` itself when it holds nothing mutable. */
function cloneExpression(e: EmitContext, names: Names, node: TypeNode, v: string): string {
  switch (node.kind) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'bigint':
    case 'null':
    case 'undefined':
    case 'literal':
      return v;
    case 'date':
      return `new Date(${v}.getTime())`;
    case 'model':
      return `${e.fn(node.ref).copy}(${v}, undefined, true)`;
    case 'array': {
      const x = names.numbered('x');
      const inner = cloneExpression(e, names, node.items, x);
      return inner === x ? `${v}.slice()` : `${v}.map((${x}${e.type('any')}) => ${inner})`;
    }
    case 'nullable': {
      const inner = cloneExpression(e, names, node.type, v);
      return inner === v ? v : `${v} === null ? null : ${inner}`;
    }
    case 'set': {
      const x = names.numbered('x');
      const inner = cloneExpression(e, names, node.items, x);
      return inner === x ? `new Set(${v})` : `new Set(Array.from(${v}, (${x}${e.type('any')}) => ${inner}))`;
    }
    case 'map': {
      const [k, x] = [names.numbered('x'), names.numbered('x')];
      const key = cloneExpression(e, names, node.key, k);
      const value = cloneExpression(e, names, node.value, x);
      return key === k && value === x
        ? `new Map(${v})`
        : `new Map(Array.from(${v}, ([${k}, ${x}]${e.type('any')}) => [${key}, ${value}]))`;
    }
    case 'union':
      return node.members.every((m) => cloneExpression(e, names, m, v) === v) ? v : `${e.helper('cloneValue')}(${v})`;
    case 'tuple': {
      const x = names.numbered('x');
      const plain = [...node.elements, ...(node.rest === undefined ? [] : [node.rest])].every((el) => cloneExpression(e, names, el, x) === x);
      return plain ? `${v}.slice()` : `${e.helper('cloneValue')}(${v})`;
    }
    case 'object':
    case 'unknown':
    case 'ref':
      return `${e.helper('cloneValue')}(${v})`;
    default:
      return assertNever(node);
  }
}
