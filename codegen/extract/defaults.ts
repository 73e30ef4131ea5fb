/**
 * Defaults are checked against their field's type at compile time: parse
 * copies a default without validating it (as pydantic does), so a default
 * that breaks the field's own constraints would yield an instance that `is`
 * rejects. Here it is a diagnostic instead.
 */
import { assertNever, type Constraint, expectedText, fitsPattern, type JsonValue, type TypeNode } from '../ir';
import { isMultipleOf } from '../../src/runtime';
import { FORMAT_CHECKS } from '../../src/formats/strings';


/** The type a definition stands for, once complete (undefined while its conversion runs). */
export type Resolve = (id: string) => TypeNode | undefined;

/** Why `value` does not fit `node` (with the path inside the value), or undefined when it fits. */
export function defaultProblem(node: TypeNode, value: JsonValue, resolve: Resolve, path = ''): string | undefined {
  const at = (problem: string): string => (path === '' ? problem : `at ${path}: ${problem}`);
  switch (node.kind) {
    case 'unknown':
      return undefined;
    case 'ref': {
      // A definition still under construction (the value is inside itself) is checked where it is declared.
      const type = resolve(node.ref);
      return type === undefined ? undefined : defaultProblem(type, value, resolve, path);
    }
    case 'nonNullish':
      return value === null ? at('it is null') : undefined;
    case 'nonPrimitive':
      return typeof value === 'object' && value !== null ? undefined : at('it is not an object or an array');
    case 'string':
      if (typeof value !== 'string') return at('it is not a string');
      return constraintProblem(node.constraints, value, at);
    case 'number':
      if (typeof value !== 'number') return at('it is not a number');
      return constraintProblem(node.constraints, value, at);
    case 'boolean':
      return typeof value === 'boolean' ? undefined : at('it is not a boolean');
    case 'bigint':
      return at('a bigint default cannot be written as literal data');
    case 'null':
      return value === null ? undefined : at('it is not null');
    case 'undefined':
      return at('it is not undefined');
    case 'literal':
      return node.values.includes(value as string) ? undefined : at(`it is not ${expectedText(node.values)}`);
    case 'nullable':
      return value === null ? undefined : defaultProblem(node.type, value, resolve, path);
    case 'array': {
      if (!Array.isArray(value)) return at('it is not an array');
      const problem = constraintProblem(node.constraints, value, at);
      return problem ?? firstProblem(value.map((item, i) => defaultProblem(node.items, item, resolve, join(path, i))));
    }
    case 'tuple': {
      if (!Array.isArray(value)) return at('it is not an array');
      if (value.length < node.required) return at(`it has ${value.length} elements, the tuple needs ${node.required}`);
      if (node.rest === undefined && value.length > node.elements.length) return at(`it has more than ${node.elements.length} elements`);
      return firstProblem(value.map((item, i) => defaultProblem(node.elements[i] ?? node.rest!, item, resolve, join(path, i))));
    }
    case 'object': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return at('it is not an object');
      const record = value as Readonly<Record<string, JsonValue>>;
      for (const field of node.fields) {
        const item = Object.hasOwn(record, field.name) ? record[field.name] : undefined;
        if (item === undefined) {
          if (!field.optional && field.default === undefined) return at(`it has no '${field.name}'`);
          continue;
        }
        const problem = defaultProblem(field.type, item, resolve, join(path, field.name));
        if (problem !== undefined) return problem;
      }
      const others = Object.keys(record).filter((key) => !node.fields.some((f) => f.name === key));
      const restKey = node.restKey;
      const extras = node.rest === undefined ? others : others.filter((key) => restKey !== undefined && !fitsPattern(restKey, key));
      const problem =
        node.rest === undefined ? undefined : firstProblem(others.filter((key) => !extras.includes(key)).map((key) => defaultProblem(node.rest!, record[key]!, resolve, join(path, key))));
      return problem ?? (node.extra === 'forbid' && extras.length > 0 ? at(`'${extras[0]}' is not a field`) : undefined);
    }
    case 'union':
      return node.members.some((m) => defaultProblem(m, value, resolve) === undefined) ? undefined : at('it fits no member of the union');
    // Defaults of these kinds are refused before this check (they would be plain data, not instances).
    case 'model':
    case 'date':
    case 'regexp':
    case 'bytes':
    case 'set':
    case 'map':
    case 'secret':
      return undefined;
    default:
      return assertNever(node);
  }
}

function constraintProblem(
  constraints: readonly Constraint[],
  value: string | number | readonly JsonValue[],
  at: (problem: string) => string,
): string | undefined {
  for (const c of constraints) {
    const problem = broken(c, value);
    if (problem !== undefined) return at(problem);
  }
  return undefined;
}

function broken(c: Constraint, value: string | number | readonly JsonValue[]): string | undefined {
  const length = typeof value === 'number' ? 0 : value.length;
  const n = typeof value === 'number' ? value : 0;
  switch (c.kind) {
    case 'minLength':
    case 'minItems':
      return length < c.value ? `it is shorter than ${c.kind} ${c.value}` : undefined;
    case 'maxLength':
    case 'maxItems':
      return length > c.value ? `it is longer than ${c.kind} ${c.value}` : undefined;
    case 'pattern':
      return fitsPattern(c, value as string) ? undefined : `it does not match the pattern ${c.source}`;
    case 'format':
      return FORMAT_CHECKS[c.format](value as string) ? undefined : `it is not a valid ${c.format}`;
    case 'int':
      return Number.isInteger(n) ? undefined : 'it is not an integer';
    case 'multipleOf':
      return (Number.isInteger(c.value) ? n % c.value === 0 : isMultipleOf(n, c.value)) ? undefined : `it is not a multiple of ${c.value}`;
    case 'gt':
      return n > c.value ? undefined : `it is not greater than ${c.value}`;
    case 'ge':
      return n >= c.value ? undefined : `it is less than ${c.value}`;
    case 'lt':
      return n < c.value ? undefined : `it is not less than ${c.value}`;
    case 'le':
      return n <= c.value ? undefined : `it is greater than ${c.value}`;
    // Date defaults are refused before this check; a DateString's is a day, at midnight UTC. Past and Future
    // depend on the day parse runs.
    case 'after':
      return typeof value !== 'string' || Date.parse(value) > Date.parse(c.at) ? undefined : `it is not after ${c.at}`;
    case 'from':
      return typeof value !== 'string' || Date.parse(value) >= Date.parse(c.at) ? undefined : `it is before ${c.at}`;
    case 'before':
      return typeof value !== 'string' || Date.parse(value) < Date.parse(c.at) ? undefined : `it is not before ${c.at}`;
    case 'until':
      return typeof value !== 'string' || Date.parse(value) <= Date.parse(c.at) ? undefined : `it is after ${c.at}`;
    case 'past':
    case 'future':
      return undefined;
    default:
      return assertNever(c);
  }
}

function firstProblem(problems: readonly (string | undefined)[]): string | undefined {
  return problems.find((p) => p !== undefined);
}

function join(path: string, key: string | number): string {
  return path === '' ? String(key) : `${path}.${key}`;
}
