/** ArkType 2: types compiled on definition; allows() checks only, undeclared keys deleted or rejected deeply. */
import { scope, type, type Type } from 'arktype';
import type { CaseId } from '../data';
import type { CaseValidators, Peer } from '../peer';

type UndeclaredKeys = 'ignore' | 'delete' | 'reject';

/** The cases as one scope; `keys` says what every object does with undeclared keys (`'+'`). */
function cases(keys: UndeclaredKeys) {
  const k = { '+': keys } as const;
  return scope({
    location: { ...k, lat: 'number', lng: 'number', city: 'string' },
    flat: {
      ...k,
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
      ...k,
      id: 'number',
      name: 'string',
      'email?': 'string',
      hiredAt: 'string.date.iso',
      'title?': 'string',
      active: 'boolean',
    },
    department: { ...k, name: 'string', budget: 'number', 'manager?': 'employee', employees: 'employee[]' },
    company: { ...k, name: 'string', founded: 'string.date.iso', 'website?': 'string', departments: 'department[]' },
    tree: { ...k, id: 'number', label: 'string', children: 'tree[]' },
    circle: { ...k, kind: "'circle'", radius: 'number' },
    square: { ...k, kind: "'square'", size: 'number' },
    rect: { ...k, kind: "'rect'", width: 'number', height: 'number' },
    triangle: { ...k, kind: "'triangle'", a: 'number', b: 'number', c: 'number' },
    drawing: { ...k, shapes: '(circle | square | rect | triangle)[]' },
    list: { ...k, items: 'flat[]' },
  }).export();
}

// Recursive aliases do not take onDeepUndeclaredKey's setting along, so each object declares its own '+'.
const loose = cases('ignore');
const stripping = cases('delete');
const rejecting = cases('reject');

const NAMES = { flat: 'flat', company: 'company', tree: 'tree', union: 'drawing', throughput: 'list' } as const;

class Invalid extends Error {}

function modes(id: Exclude<CaseId, 'errors'>): CaseValidators {
  const t = loose[NAMES[id]] as unknown as Type<unknown>;
  const strip = stripping[NAMES[id]] as unknown as Type<unknown>;
  const strict = rejecting[NAMES[id]] as unknown as Type<unknown>;
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
  setup: "arktype 2: scope().export(), allows() for check-only, '+': 'delete' | 'reject' on every object, string.date.iso",
  cases: { flat: modes('flat'), company, tree: modes('tree'), union: modes('union'), errors: company, throughput: modes('throughput') },
};
