/**
 * The dump emitter: a valid instance to JSON-ready plain data (`toJSON`).
 * Dates become ISO strings, nested models plain objects, arrays fresh copies;
 * absent optional fields stay absent.
 */
import { assertNever, type DefinitionIR, type ModelIR, type TypeNode } from '../ir';
import { type Lines, read, write } from './code';
import type { EmitContext } from './context';

/** Emits `function dump_M(v) { … }` for one model. */
export function emitDump(e: EmitContext, out: Lines, model: ModelIR): void {
  const dumpName = e.fn(model.id).dump;
  // A model without fields never reads its argument (and noUnusedParameters would say so).
  const param = model.fields.length === 0 ? '_v' : 'v';
  out.block(`function ${dumpName}(${param}${e.type('any')})${e.type('any')}`, () => {
    out.line(`const o${e.type('any')} = {};`);
    model.fields.forEach((field, i) => {
      const value = `v${i}`;
      out.line(`const ${value} = ${read('v', field.name)};`);
      const assign = write('o', field.serializationAlias ?? field.name, dumpExpression(e, field.type, value, 0));
      out.line(field.optional ? `if (${value} !== undefined) ${assign}` : assign);
    });
    out.line('return o;');
  });
}

/** Emits `function dump_D(v) { … }` for a recursive definition. */
export function emitDumpDefinition(e: EmitContext, out: Lines, definition: DefinitionIR): void {
  out.block(`function ${e.fn(definition.id).dump}(v${e.type('any')})${e.type('any')}`, () => {
    out.line(`return ${dumpExpression(e, definition.type, 'v', 0)};`);
  });
}

/** An expression turning a valid value of `node` into JSON-ready data. */
function dumpExpression(e: EmitContext, node: TypeNode, v: string, depth: number): string {
  switch (node.kind) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'null':
    case 'undefined':
    case 'literal':
      return v;
    case 'bigint':
      return `String(${v})`;
    case 'unknown':
      return `${e.helper('dumpValue')}(${v})`;
    case 'date':
      return `${v}.toISOString()`;
    case 'model':
      return `${e.fn(node.ref).dump}(${v})`;
    case 'ref':
      e.dumped.add(node.ref);
      return `${e.fn(node.ref).dump}(${v})`;
    case 'array': {
      const item = `x${depth}`;
      const inner = dumpExpression(e, node.items, item, depth + 1);
      return inner === item ? `${v}.slice()` : `${v}.map((${item}${e.type('any')}) => ${inner})`;
    }
    case 'nullable': {
      const inner = dumpExpression(e, node.type, v, depth);
      return inner === v ? v : `${v} === null ? null : ${inner}`;
    }
    case 'object':
    case 'tuple':
    case 'set':
    case 'map':
      return `${e.helper('dumpValue')}(${v})`;
    case 'union':
      return node.members.every((m) => dumpExpression(e, m, v, depth) === v) ? v : `${e.helper('dumpValue')}(${v})`;
    default:
      return assertNever(node);
  }
}
