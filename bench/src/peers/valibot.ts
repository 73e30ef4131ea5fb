/** valibot 1: v.object strips undeclared keys, v.strictObject rejects them; v.is checks only. */
import * as v from 'valibot';
import type { CaseId } from '../data';
import type { CaseValidators, Peer } from '../peer';
import type { TreeNode } from '../types';

type ObjectFactory = typeof v.object;

function schemas(object: ObjectFactory): Record<Exclude<CaseId, 'errors'>, v.GenericSchema> {
  const location = object({ lat: v.number(), lng: v.number(), city: v.string() });
  const flat = object({
    id: v.number(),
    name: v.string(),
    age: v.number(),
    active: v.boolean(),
    score: v.number(),
    nickname: v.string(),
    verified: v.boolean(),
    location,
  });
  const day = v.pipe(v.string(), v.isoDate());
  const employee = object({
    id: v.number(),
    name: v.string(),
    email: v.optional(v.string()),
    hiredAt: day,
    title: v.optional(v.string()),
    active: v.boolean(),
  });
  const department = object({ name: v.string(), budget: v.number(), manager: v.optional(employee), employees: v.array(employee) });
  const company = object({ name: v.string(), founded: day, website: v.optional(v.string()), departments: v.array(department) });
  const tree: v.GenericSchema<TreeNode> = object({ id: v.number(), label: v.string(), children: v.array(v.lazy(() => tree)) });
  const shape = v.variant('kind', [
    object({ kind: v.literal('circle'), radius: v.number() }),
    object({ kind: v.literal('square'), size: v.number() }),
    object({ kind: v.literal('rect'), width: v.number(), height: v.number() }),
    object({ kind: v.literal('triangle'), a: v.number(), b: v.number(), c: v.number() }),
  ]);
  return { flat, company, tree, union: object({ shapes: v.array(shape) }), throughput: object({ items: v.array(flat) }) };
}

const loose = schemas(v.object);
const exact = schemas(v.strictObject as unknown as ObjectFactory);

function modes(id: Exclude<CaseId, 'errors'>): CaseValidators {
  const schema = loose[id];
  const strict = exact[id];
  return {
    is: (x) => v.is(schema, x),
    parse: (x) => v.parse(schema, x),
    strict: (x) => v.parse(strict, x),
    errors: (x) => {
      const r = v.safeParse(schema, x);
      return r.success ? 0 : r.issues.length;
    },
  };
}

const company = modes('company');

/** valibot's is, parse and safeParse. */
export const valibot: Peer = {
  name: 'valibot',
  setup: 'valibot 1: v.object (strips) / v.strictObject, v.variant, v.isoDate(); v.is for check-only',
  cases: { flat: modes('flat'), company, tree: modes('tree'), union: modes('union'), errors: company, throughput: modes('throughput') },
};
