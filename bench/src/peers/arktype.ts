/** ArkType 2: types compiled on definition; allows() checks only, undeclared keys deleted or rejected deeply. */
import { scope, type, type Type } from 'arktype';
import type { CaseId } from '../data';
import type { CaseValidators, Peer } from '../peer';

const $ = scope({
  location: { lat: 'number', lng: 'number', city: 'string' },
  flat: {
    id: 'number',
    name: 'string',
    age: 'number',
    active: 'boolean',
    score: 'number',
    nickname: 'string',
    verified: 'boolean',
    location: 'location',
  },
  employee: {
    id: 'number',
    name: 'string',
    'email?': 'string',
    hiredAt: 'string.date.iso',
    'title?': 'string',
    active: 'boolean',
  },
  department: { name: 'string', budget: 'number', 'manager?': 'employee', employees: 'employee[]' },
  company: { name: 'string', founded: 'string.date.iso', 'website?': 'string', departments: 'department[]' },
  tree: { id: 'number', label: 'string', children: 'tree[]' },
  circle: { kind: "'circle'", radius: 'number' },
  square: { kind: "'square'", size: 'number' },
  rect: { kind: "'rect'", width: 'number', height: 'number' },
  triangle: { kind: "'triangle'", a: 'number', b: 'number', c: 'number' },
  drawing: { shapes: '(circle | square | rect | triangle)[]' },
  list: { items: 'flat[]' },
}).export();

const NAMES = { flat: 'flat', company: 'company', tree: 'tree', union: 'drawing', throughput: 'list' } as const;

class Invalid extends Error {}

function modes(id: Exclude<CaseId, 'errors'>): CaseValidators {
  const t = $[NAMES[id]] as unknown as Type<unknown>;
  const strip = t.onDeepUndeclaredKey('delete');
  const strict = t.onDeepUndeclaredKey('reject');
  const run = (u: Type<unknown>, x: unknown): unknown => {
    const out = u(x);
    if (out instanceof type.errors) throw new Invalid(out.summary);
    return out;
  };
  return {
    is: t.allows.bind(t),
    parse: (x) => run(strip, x),
    strict: (x) => run(strict, x),
    errors: (x) => {
      const out = t(x);
      return out instanceof type.errors ? out.length : 0;
    },
  };
}

const company = modes('company');

/** ArkType's allows, call (parse) and errors. */
export const arktype: Peer = {
  name: 'ArkType',
  setup: "arktype 2: scope().export(), allows() for check-only, onDeepUndeclaredKey('delete' | 'reject'), string.date.iso",
  cases: { flat: modes('flat'), company, tree: modes('tree'), union: modes('union'), errors: company, throughput: modes('throughput') },
};
