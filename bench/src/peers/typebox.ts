/** TypeBox 0.34 with its TypeCompiler. */
import { FormatRegistry } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { Value } from '@sinclair/typebox/value';
import type { CaseId } from '../data';
import { isDay } from '../day';
import type { CaseValidators, Peer } from '../peer';
import { schemas } from './json-schema';

FormatRegistry.Set('date', isDay);

const loose = schemas(false);
const exact = schemas(true);

class Invalid extends Error {}

function modes(id: Exclude<CaseId, 'errors'>): CaseValidators {
  const schema = loose[id];
  const check = TypeCompiler.Compile(schema);
  const strict = TypeCompiler.Compile(exact[id]);
  return {
    is: check.Check.bind(check),
    // TypeBox has no compiled parse: check, then Value.Clean on a Value.Clone drops undeclared keys.
    parse: (v) => {
      if (!check.Check(v)) throw new Invalid('invalid');
      return Value.Clean(schema, Value.Clone(v));
    },
    strict: (v) => {
      if (!strict.Check(v)) throw new Invalid('invalid');
      return v;
    },
    errors: (v) => (check.Check(v) ? 0 : [...check.Errors(v)].length),
  };
}

const company = modes('company');

/** TypeBox's compiled checks. */
export const typebox: Peer = {
  name: 'TypeBox',
  setup: '@sinclair/typebox 0.34 TypeCompiler.Compile; parse = Check, then Value.Clean(Value.Clone(v)); strict = additionalProperties: false',
  cases: { flat: modes('flat'), company, tree: modes('tree'), union: modes('union'), errors: company, throughput: modes('throughput') },
};
