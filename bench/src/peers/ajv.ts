/** ajv 8, compiled once per schema: allErrors only for the error case, removeAdditional for stripping. */
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { CaseId } from '../data';
import type { CaseValidators, Peer } from '../peer';
import { schemas } from './json-schema';

// ajv-formats is CommonJS: its default export arrives as the module object under some bundlers.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule);

function compiler(options: ConstructorParameters<typeof Ajv>[0]): Ajv {
  const ajv = new Ajv(options);
  addFormats(ajv, ['date']);
  return ajv;
}

const check = compiler({});
const strip = compiler({ removeAdditional: 'all' });
const all = compiler({ allErrors: true });
const loose = schemas(false);
const exact = schemas(true);

class Invalid extends Error {}

function modes(id: Exclude<CaseId, 'errors'>): CaseValidators {
  const is = check.compile(loose[id]);
  const parse = strip.compile(loose[id]);
  const strict = check.compile(exact[id]);
  const errors = all.compile(loose[id]);
  return {
    is: is as (v: unknown) => boolean,
    parse: (v) => {
      if (!parse(v)) throw new Invalid('invalid');
      return v;
    },
    strict: (v) => {
      if (!strict(v)) throw new Invalid('invalid');
      return v;
    },
    errors: (v) => (errors(v) ? 0 : (errors.errors?.length ?? 0)),
  };
}

const company = modes('company');

/** ajv's compiled validators. */
export const ajv: Peer = {
  name: 'ajv',
  setup: 'ajv 8 + ajv-formats (date), schemas from TypeBox; parse = removeAdditional: "all", which strips keys from the input in place (no new object); allErrors only for (e)',
  parseInPlace: true,
  cases: { flat: modes('flat'), company, tree: modes('tree'), union: modes('union'), errors: company, throughput: modes('throughput') },
};
