/** tydantic: models compiled by `tydantic generate`, linked by importing the generated module. */
import '../tydantic/tydantic.gen';
import { ValidationError } from 'tydantic';
import { Company, Drawing, Flat, FlatList, TreeNode } from '../tydantic/models';
import type { CaseValidators, Peer } from '../peer';

interface Compiled {
  is(input: unknown): boolean;
  parse(input: unknown, options?: { extra?: 'ignore' | 'forbid' }): unknown;
  safeParse(input: unknown): { success: true } | { success: false; error: ValidationError };
}

const FORBID = { extra: 'forbid' } as const;

// Bound statics, not wrappers shared by every case: the harness calls each case's function from its own call site.
function modes(m: Compiled): CaseValidators {
  return {
    is: m.is.bind(m),
    parse: m.parse.bind(m),
    strict: (v) => m.parse(v, FORBID),
    errors: (v) => {
      const r = m.safeParse(v);
      return r.success ? 0 : r.error.issues.length;
    },
  };
}

const company = modes(Company);

/** tydantic's generated `is`, `parse`, `parse` with `extra: 'forbid'`, and `safeParse`. */
export const tydantic: Peer = {
  name: 'tydantic',
  setup: '`tydantic generate`, standard decorators, bundled by esbuild for node20; strict = parse(v, { extra: "forbid" })',
  cases: {
    flat: modes(Flat),
    company,
    tree: modes(TreeNode),
    union: modes(Drawing),
    errors: company,
    throughput: modes(FlatList),
  },
};
