/**
 * One constraint model for `@field()` options and refinement-type tags
 * (`string & MinLength<3>`, `Int`, `Email`): both become IR constraints,
 * checked for validity the same way and attached to the members they fit.
 */
import type { Node, Type } from 'ts-morph';
import type { Constraint, StringFormat, TypeNode } from '../ir';
import { FIELD_OPTIONS, FIELD_SETTINGS, mismatch, type OptionValue, patternProblem } from './options';
import { Unsupported } from './types';
import { parseDateTime } from '../../src/formats/datetime';

/** Order in which constraints are checked and reported: pydantic's. */
const ORDER = ['int', 'multipleOf', 'le', 'lt', 'ge', 'gt', 'minLength', 'maxLength', 'pattern', 'format', 'minItems', 'maxItems', 'until', 'before', 'from', 'after', 'past', 'future'];

/** The option a date constraint comes from, for messages. */
const OPTION_OF = { after: 'gt', from: 'ge', before: 'lt', until: 'le' } as const;

/** The date constraint of each bound option given as a date. */
const DATE_BOUNDS = { gt: 'after', ge: 'from', lt: 'before', le: 'until' } as const;

/** Constraints from validated option values, in checking order (`int: false` adds none). */
export function toConstraints(values: ReadonlyMap<string, OptionValue>): Constraint[] {
  const constraints: Constraint[] = [];
  for (const name of ORDER) {
    const value = values.get(name);
    if (value === undefined || value === false) continue;
    if (name === 'int') constraints.push({ kind: 'int' });
    else if (name === 'pattern') constraints.push({ kind: 'pattern', ...(value as { source: string; flags: string }) });
    else if (name === 'format') constraints.push({ kind: 'format', format: value as StringFormat });
    else if (name === 'past' || name === 'future') constraints.push({ kind: name });
    else if (typeof value === 'string' && name in DATE_BOUNDS) {
      // A bound given as a date is a Date's: kept as the instant's ISO text in UTC.
      constraints.push({ kind: DATE_BOUNDS[name as keyof typeof DATE_BOUNDS], at: new Date(parseDateTime(value) as number).toISOString() });
    }
    else constraints.push({ kind: name, value } as Constraint);
  }
  return constraints;
}

const BRAND_KEY = /^__@tydanticTags@\d+$/;

/** True for the `Tag<…>` part of a refinement type. */
export function isTag(type: Type): boolean {
  const props = type.getProperties();
  return props.length === 1 && BRAND_KEY.test(props[0]!.getName());
}

/** The constraints the `Tag<…>` members of an intersection carry. */
export function tagConstraints(tags: readonly Type[], at: Node): Constraint[] {
  const values = new Map<string, OptionValue>();
  for (const tag of tags) {
    const carried = tag.getProperties()[0]!.getTypeAtLocation(at).getNonNullableType();
    for (const prop of carried.getProperties()) {
      const name = prop.getName();
      const kind = FIELD_OPTIONS[name];
      const type = prop.getTypeAtLocation(at);
      const value = type.isStringLiteral() || type.isNumberLiteral() ? (type.getLiteralValue() as string | number) : type.isBooleanLiteral() ? type.getText() === 'true' : undefined;
      if (kind === undefined || kind === 'string' || kind === 'aliasGenerator' || FIELD_SETTINGS.includes(name)) {
        throw new Unsupported(`'${name}' is not a constraint tag`, `the tags are: ${ORDER.join(', ')}`);
      }
      if (kind === 'pattern') {
        if (typeof value !== 'string') throw new Unsupported(`Pattern<…> needs a string literal, got '${type.getText()}'`, "write Pattern<'^[a-z]+$'>");
        const problem = patternProblem(value, '');
        if (problem !== undefined) throw new Unsupported(problem[0], problem[1]);
        values.set(name, { source: value, flags: '' });
        continue;
      }
      const expected = mismatch(kind === 'extra' ? 'string' : kind, value);
      if (expected !== undefined) {
        throw new Unsupported(
          `tag '${name}' must be ${expected}, got '${type.getText()}'`,
          type.isNever() ? 'two tags of the same kind conflict: keep one' : 'pass a literal type argument',
        );
      }
      if (values.has(name) && values.get(name) !== value) {
        throw new Unsupported(`two '${name}' tags conflict`, 'keep one');
      }
      values.set(name, value!);
    }
  }
  return toConstraints(values);
}

const STRING_CONSTRAINTS = new Set(['minLength', 'maxLength', 'pattern', 'format']);
const ARRAY_CONSTRAINTS = new Set(['minItems', 'maxItems']);
/** Bytes take a string's length bounds (counting bytes), and nothing else of a string's. */
const BYTES_CONSTRAINTS = new Set(['minLength', 'maxLength']);
const DATE_CONSTRAINTS = new Set(['after', 'from', 'before', 'until', 'past', 'future']);
const TARGET = { string: 'strings', number: 'numbers', array: 'arrays', date: 'Dates' } as const;

/** Adds constraints to every member of the type they apply to; each must apply somewhere. */
export function constrain(node: TypeNode, constraints: readonly Constraint[], typeText: string): TypeNode {
  if (constraints.length === 0) return node;
  const targetOf = (c: Constraint): 'string' | 'number' | 'array' | 'date' =>
    STRING_CONSTRAINTS.has(c.kind) ? 'string' : ARRAY_CONSTRAINTS.has(c.kind) ? 'array' : DATE_CONSTRAINTS.has(c.kind) ? 'date' : 'number';
  const used = new Set<string>();
  const usedByBytes = new Set<string>();
  // A `DateString` takes a Date's constraints too, compared by day.
  const isDay = (c: Constraint): boolean => c.kind === 'format' && c.format === 'date';
  const visit = (n: TypeNode): TypeNode => {
    switch (n.kind) {
      case 'string':
      case 'number':
      case 'array':
      case 'date':
      case 'bytes': {
        const day = n.kind === 'string' && (n.constraints.some(isDay) || constraints.some(isDay));
        const mine =
          n.kind === 'bytes'
            ? constraints.filter((c) => BYTES_CONSTRAINTS.has(c.kind))
            : constraints.filter((c) => targetOf(c) === n.kind || (day && targetOf(c) === 'date'));
        if (day && mine.some((c) => targetOf(c) === 'date')) used.add('date');
        if (mine.length === 0) return n;
        if (n.kind === 'bytes') for (const c of mine) usedByBytes.add(c.kind);
        else used.add(n.kind);
        const own: readonly Constraint[] = n.constraints ?? [];
        for (const c of mine) {
          const same = own.find((d) => d.kind === c.kind);
          if (same !== undefined && JSON.stringify(same) !== JSON.stringify(c)) {
            throw new Unsupported(`two '${c.kind}' constraints conflict: ${describe(same)} and ${describe(c)}`, 'keep one (the @field() option or the type tag)');
          }
        }
        const fresh = mine.filter((c) => !own.some((d) => d.kind === c.kind));
        const merged = [...own, ...fresh].sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind));
        const impossible = emptyRange(merged);
        if (impossible !== undefined) throw new Unsupported(impossible.what, impossible.hint);
        return { ...n, constraints: merged } as TypeNode;
      }
      case 'nullable':
        return { kind: 'nullable', type: visit(n.type) };
      case 'secret':
        // A secret's constraints are its value's.
        return { kind: 'secret', type: visit(n.type) };
      case 'union':
        return { kind: 'union', members: n.members.map(visit) };
      default:
        return n;
    }
  };
  const result = visit(node);
  for (const c of constraints) {
    const target = targetOf(c);
    if (!used.has(target) && !usedByBytes.has(c.kind)) {
      throw new Unsupported(
        `${OPTION_OF[c.kind as keyof typeof OPTION_OF] ?? c.kind} applies to ${TARGET[target]}, but the type is '${typeText}'`,
        'strings take minLength, maxLength, pattern, format; numbers gt, ge, lt, le, multipleOf, int; arrays minItems, maxItems; Dates and DateStrings gt, ge, lt, le (as ISO dates), past, future; Uint8Arrays minLength, maxLength (in bytes)',
      );
    }
  }
  return result;
}

function describe(c: Constraint): string {
  return 'value' in c ? String(c.value) : c.kind === 'pattern' ? `/${c.source}/${c.flags}` : c.kind === 'format' ? c.format : c.kind;
}

/**
 * Why no value can meet these constraints together (`gt: 5` with `lt: 3`, `minLength: 5` with `maxLength: 2`,
 * `int` with `gt: 1, lt: 2`), or undefined when some value can: a field no input can ever fill is a mistake.
 */
export function emptyRange(constraints: readonly Constraint[]): { what: string; hint: string } | undefined {
  const find = <K extends Constraint['kind']>(kind: K): (Constraint & { kind: K }) | undefined =>
    constraints.find((c): c is Constraint & { kind: K } => c.kind === kind);
  const show = (c: Constraint): string => `${c.kind}: ${'value' in c ? c.value : describe(c)}`;
  const none = (a: Constraint, b: Constraint, what: string): { what: string; hint: string } => ({
    what: `the constraints ${show(a)} and ${show(b)} leave no value: ${what}`,
    hint: 'fix one of the bounds (a @field() option or a refinement type)',
  });
  // Dates: a lower bound at or past the upper one, or both Past and Future.
  const dates = constraints.filter((c): c is Constraint & { at: string } => 'at' in c);
  const dateLow = dates.filter((c) => c.kind === 'after' || c.kind === 'from').sort((a, b) => Date.parse(b.at) - Date.parse(a.at))[0];
  const dateHigh = dates.filter((c) => c.kind === 'before' || c.kind === 'until').sort((a, b) => Date.parse(a.at) - Date.parse(b.at))[0];
  if (dateLow !== undefined && dateHigh !== undefined) {
    const [lo, hi] = [Date.parse(dateLow.at), Date.parse(dateHigh.at)];
    if (lo > hi || (lo === hi && (dateLow.kind === 'after' || dateHigh.kind === 'before'))) {
      return { what: `the Date bounds ${dateLow.at} and ${dateHigh.at} leave no value: the lower bound is not before the upper one`, hint: 'fix one of the bounds' };
    }
  }
  if (find('past') !== undefined && find('future') !== undefined) return { what: 'a Date cannot be both past and future', hint: 'keep one of past and future' };
  for (const [min, max] of [['minLength', 'maxLength'], ['minItems', 'maxItems']] as const) {
    const [low, high] = [find(min), find(max)];
    if (low !== undefined && high !== undefined && low.value > high.value) return none(low, high, `${min} is above ${max}`);
  }
  // The tightest bound on each side (a @field() option and a refinement type may both give one).
  const tighter = (a: Constraint & { value: number }, b: Constraint & { value: number } | undefined, up: boolean): Constraint & { value: number } =>
    b === undefined || (up ? a.value < b.value : a.value > b.value) || (a.value === b.value && (a.kind === 'gt' || a.kind === 'lt')) ? a : b;
  const lows = constraints.filter((c): c is Constraint & { kind: 'gt' | 'ge' } => c.kind === 'gt' || c.kind === 'ge');
  const highs = constraints.filter((c): c is Constraint & { kind: 'lt' | 'le' } => c.kind === 'lt' || c.kind === 'le');
  const low = lows.reduce<(Constraint & { value: number }) | undefined>((best, c) => tighter(c, best, false), undefined);
  const high = highs.reduce<(Constraint & { value: number }) | undefined>((best, c) => tighter(c, best, true), undefined);
  if (low === undefined || high === undefined) return undefined;
  const open = low.kind === 'gt' || high.kind === 'lt';
  if (low.value > high.value || (low.value === high.value && open)) return none(low, high, 'the lower bound is not below the upper one');
  if (find('int') !== undefined) {
    // The smallest integer above the lower bound must not pass the upper one.
    const first = low.kind === 'gt' ? Math.floor(low.value) + 1 : Math.ceil(low.value);
    if (high.kind === 'lt' ? first >= high.value : first > high.value) return none(low, high, 'no integer lies between them');
  }
  return undefined;
}
