/**
 * The dump emitter: an instance to plain data, as one dump call's options say
 * (`d`: JSON or JS mode, by alias, what to leave out) and its include/exclude
 * trees (`inc`, `exc`). Fields come in declaration order, then computed
 * fields; absent fields stay absent. With no option set (`d.plain`)
 * each field costs one test more than an unconditional copy.
 */
import { assertNever, type DefinitionIR, type JsonValue, type ModelIR, type TypeNode } from '../ir';
import type { Names } from '../names';
import { type Lines, lit, member, read, write } from './code';
import { type EmitContext, LOCALS } from './context';

/** Names inside generated dump, construct and copy functions, besides `LOCALS`: options, trees, update, depth flag. */
export const MODEL_LOCALS = [...LOCALS, 'd', 'inc', 'exc'];

/** Emits `function dump_M(v, d, inc, exc) { … }` for one model. */
export function emitDump(e: EmitContext, out: Lines, model: ModelIR): void {
  const dumpName = e.fn(model.id).dump;
  const names = e.names.child(MODEL_LOCALS);
  const computed = model.computed ?? [];
  // A model without fields never reads its arguments (and noUnusedParameters would say so).
  const used = model.fields.length + computed.length > 0 || model.extra === 'allow';
  const params = ['v', 'd', 'inc', 'exc'].map((p) => `${used ? p : `_${p}`}${e.type('any')}`).join(', ');
  out.block(`function ${dumpName}(${params})${e.type('any')}`, () => {
    out.line(`const o${e.type('any')} = {};`);
    for (const field of model.fields) {
      const value = names.numbered('v');
      out.line(`const ${value} = ${read('v', field.name)};`);
      const keep = `${e.helper('dumpKeep')}(d, v, ${lit(field.name)}, ${value}, inc, exc)`;
      const unchanged = field.default === undefined ? '' : ` && !(d.defaults && ${defaultTest(e, value, field.default)})`;
      const filter = unchanged === '' ? `d.plain || ${keep}` : `d.plain || (${keep}${unchanged})`;
      // Required fields too: an instance from construct() may lack them.
      const test = `${value} !== undefined && (${filter})`;
      emitEntry(e, out, names, test, field.name, field.serializationAlias, field.type, value, field.serializer === undefined ? undefined : { model: model.id, ...field.serializer });
    }
    if (model.extra === 'allow') {
      // The extras an instance keeps follow the fields, as in pydantic (those a parse call kept on a model that
      // does not allow them are only read with extrasOf: its dumps stay the shape of its fields).
      out.line(`${e.helper('dumpExtras')}(o, v, d, inc, exc);`);
    }
    for (const getter of computed) {
      const value = names.numbered('v');
      out.line(`const ${value} = ${member('v', getter.name)};`);
      // Computed fields are never unset and have no default: only include, exclude and excludeNone apply.
      const test = `${value} !== undefined && (d.plain || ${e.helper('dumpKeep')}(d, undefined, ${lit(getter.name)}, ${value}, inc, exc))`;
      emitEntry(e, out, names, test, getter.name, undefined, getter.type, value);
    }
    out.line('return o;');
  });
}

/** Emits `function dump_D(v, d) { … }` for a definition (include/exclude trees do not reach inside). */
export function emitDumpDefinition(e: EmitContext, out: Lines, definition: DefinitionIR): void {
  const names = e.names.child(MODEL_LOCALS);
  out.block(`function ${e.fn(definition.id).dump}(v${e.type('any')}, d${e.type('any')})${e.type('any')}`, () => {
    out.line(`return ${dumpExpression(e, names, definition.type, 'v', undefined)};`);
  });
}

/** Writes one output key (its alias under `d.alias`) when `test` holds. */
function emitEntry(
  e: EmitContext,
  out: Lines,
  names: Names,
  test: string,
  name: string,
  alias: string | undefined,
  type: TypeNode,
  value: string,
  serializer?: { readonly model: string; readonly method: string; readonly mode: 'plain' | 'wrap' },
): void {
  let dumped = dumpExpression(e, names, type, value, undefined);
  if (serializer !== undefined) {
    // The user's method writes the value (`wrap`: around the standard dump, which include/exclude do not reach).
    const x = names.numbered('x');
    const next = serializer.mode === 'wrap' ? `, (${x}${e.type('any')}) => ${dumpExpression(e, names, type, x, undefined)}` : '';
    dumped = `${e.helper('runSerializer')}(${serializer.model}, ${lit(serializer.method)}, ${value}, d, ${lit(name)}${next})`;
  } else if (takesSelection(type)) {
    // Without options nothing is selected: the plain branch skips the trees.
    const selected = [`${e.helper('dumpSub')}(inc, ${lit(name)})`, `${e.helper('dumpSub')}(exc, ${lit(name)})`] as const;
    dumped = `d.plain ? ${group(dumped)} : ${group(dumpExpression(e, names, type, value, selected))}`;
  }
  if (alias === undefined || alias === name) {
    out.line(`if (${test}) ${write('o', name, dumped)}`);
    return;
  }
  out.block(`if (${test})`, () => {
    const x = names.numbered('x');
    out.line(`const ${x} = ${dumped};`);
    out.line(`if (d.alias) ${write('o', alias, x)}`);
    out.line(`else ${write('o', name, x)}`);
  });
}

function group(expression: string): string {
  return expression.includes(' ? ') ? `(${expression})` : expression;
}

/** `value === default`, deeply for arrays and objects. */
function defaultTest(e: EmitContext, value: string, fallback: JsonValue): string {
  return typeof fallback === 'object' && fallback !== null ? `${e.helper('isDefault')}(${value}, ${lit(fallback)})` : `${value} === ${lit(fallback)}`;
}

/** True when include/exclude trees reach inside values of this type (nested model fields, array items by index). */
function takesSelection(node: TypeNode): boolean {
  return node.kind === 'model' || node.kind === 'array' || (node.kind === 'nullable' && takesSelection(node.type));
}

/** An expression dumping a valid value of `node`; `selected` holds the include and exclude tree expressions that reach it. */
function dumpExpression(
  e: EmitContext,
  names: Names,
  node: TypeNode,
  v: string,
  selected: readonly [string, string] | undefined,
): string {
  switch (node.kind) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'null':
    case 'undefined':
    case 'literal':
      return v;
    case 'bigint':
      return `d.json ? String(${v}) : ${v}`;
    case 'date':
      // An Invalid Date (from construct or copy) is a clear error, not toISOString's RangeError.
      return `d.json ? ${e.helper('isoOf')}(${v}) : new Date(${v}.getTime())`;
    case 'regexp':
      // JSON has no regular expression: its pattern, as pydantic writes a Pattern.
      return `d.json ? ${v}.source : new RegExp(${v})`;
    case 'bytes':
      // JSON has no bytes: base64 text, what parse reads back.
      return `${e.helper('dumpBytes')}(${v}, d.json)`;
    case 'model': {
      const [inc, exc] = selected ?? ['undefined', 'undefined'];
      return `${e.fn(node.ref).dump}(${v}, d, ${inc}, ${exc})`;
    }
    case 'ref':
      e.dumps(node.ref);
      return `${e.fn(node.ref).dump}(${v}, d)`;
    case 'array': {
      const x = names.numbered('x');
      if (selected === undefined) {
        const inner = dumpExpression(e, names, node.items, x, undefined);
        return inner === x ? `${v}.slice()` : `${v}.map((${x}${e.type('any')}) => ${inner})`;
      }
      if (!takesSelection(node.items)) {
        const inner = dumpExpression(e, names, node.items, x, undefined);
        return `${e.helper('dumpItems')}(${v}, ${selected[0]}, ${selected[1]}, (${x}${e.type('any')}) => ${inner})`;
      }
      const [i, x2] = [names.numbered('i'), names.numbered('e')];
      const inner = dumpExpression(e, names, node.items, x, [i, x2]);
      const params = [x, i, x2].map((p) => `${p}${e.type('any')}`).join(', ');
      return `${e.helper('dumpItems')}(${v}, ${selected[0]}, ${selected[1]}, (${params}) => ${inner})`;
    }
    case 'nullable': {
      const inner = dumpExpression(e, names, node.type, v, selected);
      return inner === v ? v : `${v} === null ? null : ${inner}`;
    }
    case 'secret': {
      // JS mode keeps the Secret (it cannot change); JSON mode writes the mask unless asked for the value.
      const inner = dumpExpression(e, names, node.type, `${v}.reveal()`, undefined);
      return `d.json ? (d.reveal ? ${inner} : ${e.helper('MASK')}) : ${v}`;
    }
    case 'set': {
      const x = names.numbered('x');
      const inner = dumpExpression(e, names, node.items, x, undefined);
      return inner === x
        ? `d.json ? Array.from(${v}) : new Set(${v})`
        : `d.json ? Array.from(${v}, (${x}${e.type('any')}) => ${inner}) : new Set(Array.from(${v}, (${x}${e.type('any')}) => ${inner}))`;
    }
    case 'map': {
      const [k, x] = [names.numbered('x'), names.numbered('x')];
      const key = dumpExpression(e, names, node.key, k, undefined);
      const value = dumpExpression(e, names, node.value, x, undefined);
      return `${e.helper('dumpMap')}(${v}, d, (${k}${e.type('any')}) => ${key}, (${x}${e.type('any')}) => ${value})`;
    }
    case 'tuple': {
      const x = names.numbered('x');
      const plain = [...node.elements, ...(node.rest === undefined ? [] : [node.rest])].every(
        (el) => dumpExpression(e, names, el, x, undefined) === x,
      );
      return plain ? `${v}.slice()` : `${e.helper('dumpValue')}(${v}, d)`;
    }
    case 'unknown':
    case 'nonNullish':
    case 'nonPrimitive':
    case 'object':
      return `${e.helper('dumpValue')}(${v}, d)`;
    case 'union':
      return node.members.every((m) => dumpExpression(e, names, m, v, undefined) === v) ? v : `${e.helper('dumpValue')}(${v}, d)`;
    default:
      return assertNever(node);
  }
}
