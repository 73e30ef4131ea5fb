/** zod 4: schemas built once; z.object strips undeclared keys, z.strictObject rejects them. */
import * as z from 'zod';
import type { CaseId } from '../data';
import type { CaseValidators, Peer } from '../peer';
import type { TreeNode } from '../types';

type ObjectFactory = typeof z.object;

function schemas(object: ObjectFactory): Record<Exclude<CaseId, 'errors'>, z.ZodType> {
  const location = object({ lat: z.number(), lng: z.number(), city: z.string() });
  const flat = object({
    id: z.number(),
    name: z.string(),
    age: z.number(),
    active: z.boolean(),
    score: z.number(),
    nickname: z.string(),
    verified: z.boolean(),
    location,
  });
  const employee = object({
    id: z.number(),
    name: z.string(),
    email: z.string().optional(),
    hiredAt: z.iso.date(),
    title: z.string().optional(),
    active: z.boolean(),
  });
  const department = object({ name: z.string(), budget: z.number(), manager: employee.optional(), employees: z.array(employee) });
  const company = object({ name: z.string(), founded: z.iso.date(), website: z.string().optional(), departments: z.array(department) });
  const tree: z.ZodType<TreeNode> = object({
    id: z.number(),
    label: z.string(),
    get children() {
      return z.array(tree);
    },
  });
  const shape = z.discriminatedUnion('kind', [
    object({ kind: z.literal('circle'), radius: z.number() }),
    object({ kind: z.literal('square'), size: z.number() }),
    object({ kind: z.literal('rect'), width: z.number(), height: z.number() }),
    object({ kind: z.literal('triangle'), a: z.number(), b: z.number(), c: z.number() }),
  ]);
  return { flat, company, tree, union: object({ shapes: z.array(shape) }), throughput: object({ items: z.array(flat) }) };
}

const loose = schemas(z.object);
const exact = schemas(z.strictObject as unknown as ObjectFactory);

function modes(id: Exclude<CaseId, 'errors'>): CaseValidators {
  const schema = loose[id];
  const strict = exact[id];
  return {
    parse: (v) => schema.parse(v),
    strict: (v) => strict.parse(v),
    errors: (v) => {
      const r = schema.safeParse(v);
      return r.success ? 0 : r.error.issues.length;
    },
  };
}

const company = modes('company');

/** zod 4's parse and safeParse (it has no check-only mode). */
export const zod: Peer = {
  name: 'zod 4',
  setup: 'zod 4: z.object (strips) / z.strictObject, z.discriminatedUnion, z.iso.date(); no check-only mode',
  cases: { flat: modes('flat'), company, tree: modes('tree'), union: modes('union'), errors: company, throughput: modes('throughput') },
};
