/** typia 12.2.1 in its generate mode: the validators were written by `typia generate` ahead of time. */
import { typiaCases } from '../typia-out/validators';
import type { CaseValidators, Peer } from '../peer';

interface TypiaCase {
  is(input: unknown): boolean;
  parse(input: unknown): unknown;
  strict(input: unknown): unknown;
  validate(input: unknown): { success: boolean; errors?: readonly unknown[] };
}

function modes(t: TypiaCase): CaseValidators {
  return {
    is: t.is,
    parse: t.parse,
    strict: t.strict,
    errors: (v) => {
      const r = t.validate(v);
      return r.success ? 0 : (r.errors?.length ?? 0);
    },
  };
}

const company = modes(typiaCases.company);

/** typia's is, assertClone (parse), assertEquals (strict) and validate (errors). */
export const typia: Peer = {
  name: 'typia',
  setup: 'typia 12.2.1 `typia generate` (TypeScript 5.9): createIs; misc.createAssertClone as parse; createAssertEquals as strict (checks, returns the input); createValidate',
  cases: {
    flat: modes(typiaCases.flat),
    company,
    tree: modes(typiaCases.tree),
    union: modes(typiaCases.union),
    errors: company,
    throughput: modes(typiaCases.throughput),
  },
};
