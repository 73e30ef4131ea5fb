/**
 * The kinds of JavaScript value each type node can parse from. When every
 * member of a union fails, only the members that take the input's kind
 * report, so an array that fails `Json[]` is not also told it is not a
 * string, a number and a boolean.
 */
import { assertNever, type DefinitionIR, type TypeNode } from '../ir';

/** Which conversions count: lax mode's, strict mode's (none), or strict mode's when parsing JSON text. */
export type KindMode = 'lax' | 'strict' | 'json';

/** A coarse kind of input value. */
export type InputKind = 'string' | 'number' | 'boolean' | 'bigint' | 'null' | 'undefined' | 'array' | 'object' | 'date' | 'regexp' | 'bytes' | 'set' | 'map';

/** Every kind of input `node` may accept (`undefined` for any value). */
export function inputKinds(
  node: TypeNode,
  definitions: ReadonlyMap<string, DefinitionIR>,
  mode: KindMode = 'lax',
  seen: ReadonlySet<string> = new Set(),
): ReadonlySet<InputKind> | undefined {
  const of = (...kinds: InputKind[]): ReadonlySet<InputKind> => new Set(kinds);
  const lax = mode === 'lax';
  // JSON has no Dates, Sets, Maps or bigints: strict mode takes their JSON forms when parsing JSON text.
  const jsonForms = mode !== 'strict';
  switch (node.kind) {
    case 'string':
      return of('string');
    // Lax mode (the default) converts strings and booleans to numbers, strings and 0/1 to booleans.
    case 'number':
      return lax ? of('number', 'string', 'boolean') : of('number');
    case 'boolean':
      return lax ? of('boolean', 'string', 'number') : of('boolean');
    case 'bigint':
      return jsonForms ? of('bigint', 'number', 'string') : of('bigint');
    case 'null':
      return of('null');
    case 'undefined':
      return of('undefined');
    case 'literal':
      return new Set(node.values.map((v) => typeof v as 'string' | 'number' | 'boolean'));
    case 'date':
      return lax ? of('date', 'string', 'number') : jsonForms ? of('date', 'string') : of('date');
    case 'regexp':
      return jsonForms ? of('regexp', 'string') : of('regexp');
    case 'bytes':
      return jsonForms ? of('bytes', 'string') : of('bytes');
    case 'array':
    case 'tuple':
      return of('array');
    case 'set':
      return jsonForms ? of('set', 'array') : of('set');
    case 'map':
      return jsonForms ? of('map', 'object', 'array') : of('map');
    case 'model':
    case 'object':
      return of('object');
    case 'unknown':
      return undefined;
    case 'nonNullish':
      return of('string', 'number', 'boolean', 'bigint', 'array', 'object', 'date', 'regexp', 'bytes', 'set', 'map');
    case 'nonPrimitive':
      return of('array', 'object', 'date', 'regexp', 'bytes', 'set', 'map');
    case 'nullable': {
      const inner = inputKinds(node.type, definitions, mode, seen);
      return inner === undefined ? undefined : new Set([...inner, 'null']);
    }
    case 'union': {
      const all = new Set<InputKind>();
      for (const member of node.members) {
        const kinds = inputKinds(member, definitions, mode, seen);
        if (kinds === undefined) return undefined;
        for (const kind of kinds) all.add(kind);
      }
      return all;
    }
    case 'secret':
      // Refused in unions by the compile step: a nullable secret is all that reaches here.
      return undefined;
    case 'ref': {
      // A definition that is only itself accepts nothing more than what its other parts take.
      if (seen.has(node.ref)) return new Set();
      const definition = definitions.get(node.ref);
      return definition === undefined ? undefined : inputKinds(definition.type, definitions, mode, new Set([...seen, node.ref]));
    }
    default:
      return assertNever(node);
  }
}

/** An expression true when `v` is of one of `kinds`. */
export function kindTest(kinds: ReadonlySet<InputKind>, v: string): string {
  const tests: string[] = [];
  for (const kind of [...kinds].sort()) {
    switch (kind) {
      case 'string':
      case 'number':
      case 'boolean':
      case 'bigint':
      case 'undefined':
        tests.push(`typeof ${v} === "${kind}"`);
        break;
      case 'null':
        tests.push(`${v} === null`);
        break;
      case 'array':
        tests.push(`Array.isArray(${v})`);
        break;
      case 'object':
        tests.push(`(typeof ${v} === "object" && ${v} !== null && !Array.isArray(${v}))`);
        break;
      case 'date':
        tests.push(`${v} instanceof Date`);
        break;
      case 'regexp':
        tests.push(`${v} instanceof RegExp`);
        break;
      case 'bytes':
        tests.push(`${v} instanceof Uint8Array`);
        break;
      case 'set':
        tests.push(`${v} instanceof Set`);
        break;
      case 'map':
        tests.push(`${v} instanceof Map`);
        break;
      default:
        assertNever(kind);
    }
  }
  return tests.length === 0 ? 'false' : tests.join(' || ');
}
