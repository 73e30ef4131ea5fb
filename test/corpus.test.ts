/**
 * The compile step on published type packages (test/corpus, see samples.ts): each package's models generate
 * without a diagnostic, bundle and run; real payloads parse to what the reference interpreter gives; payloads
 * broken at any place fail as it says, at the same locations; and every type is written once.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ProjectIR } from '../codegen/ir';
import { MAX_ISSUES } from '../src/runtime';
import { corpusSamples, type CorpusFixture, type Sample } from './corpus/samples';
import { toPlain } from './helpers/arbitrary';
import { compileFixture } from './helpers/compile';
import { paths, replaced } from './helpers/mutate';
import { Oracle } from './helpers/oracle';

const FIXTURES: readonly CorpusFixture[] = ['octokit-webhooks', 'octokit-openapi', 'estree', 'geojson', 'json-schema', 'aws-lambda'];

/** Values that break most places of a payload: wrong kinds, empty containers, edge numbers. */
const JUNK = [null, undefined, '', 'x', '2024-01-01T00:00:00Z', 0, -1, 1.5, Number.NaN, true, [], {}, [{}], { type: 'Nope' }];

describe.each(FIXTURES)('%s', (fixture) => {
  let ir: ProjectIR;
  let code: string;
  let m: Record<string, any>;
  let oracle: Oracle;
  let samples: Sample[];
  const placesOf = new Map<Sample, (string | number)[][]>();

  beforeAll(async () => {
    const compiled = await compileFixture(`corpus/${fixture}`, 'standard');
    ir = compiled.result.ir;
    code = compiled.result.code;
    m = compiled.exports;
    oracle = new Oracle(ir);
    samples = corpusSamples[fixture]();
  }, 300_000);

  it('writes each type once: one set of functions per definition, none of them repeated under another name', () => {
    for (const definition of ir.definitions) {
      expect(code.match(new RegExp(`^function is_${definition.id}\\(`, 'gm'))).toHaveLength(1);
    }
    // Definitions are distinct types: no two have the same name and the same IR (set apart the ids they refer to).
    const shapes = ir.definitions.map((d) => `${d.name} ${JSON.stringify(d.type, (key, value: unknown) => (key === 'ref' ? '' : value))}`);
    expect(new Set(shapes).size).toBe(shapes.length);
  });

  it('parses every sample to what the interpreter gives, an instance that `is` accepts', () => {
    expect(samples.length).toBeGreaterThan(0);
    for (const sample of samples) {
      const result = m[sample.model].safeParse(sample.input);
      if (!result.success) throw new Error(`${sample.id}: ${result.error.message}`);
      expect(result.data).toBeInstanceOf(m[sample.model]);
      const expected = oracle.parse(sample.model, sample.input);
      if (!expected.ok) throw new Error(`${sample.id}: the interpreter refuses it: ${JSON.stringify(expected.issues.slice(0, 3))}`);
      expect(toPlain(result.data)).toStrictEqual(expected.value);
      expect(m[sample.model].is(result.data)).toBe(true);
    }
  });

  it('fails on a sample broken at any place exactly as the interpreter does: same issue types, same locations', async () => {
    const broken = fc
      .constantFrom(...samples)
      .chain((sample) => {
        let places = placesOf.get(sample);
        if (places === undefined) placesOf.set(sample, (places = paths(sample.input).filter((place) => place.length > 0)));
        // A large AST has hundreds of thousands of places: picked by index, not spread into arguments.
        const at = places;
        return fc.tuple(fc.constant(sample), fc.nat(at.length - 1).map((i) => at[i]!), fc.constantFrom(...JUNK));
      });
    let failed = 0;
    // Large samples take long to parse twice: each run starts on a new turn, so that the worker answers vitest meanwhile.
    await fc.assert(
      fc.asyncProperty(broken, async ([sample, place, junk]) => {
        await new Promise((resolve) => setImmediate(resolve));
        const input = replaced(sample.input, place, junk);
        const result = m[sample.model].safeParse(input);
        const expected = oracle.parse(sample.model, input);
        expect(m[sample.model].is(input)).toBe(oracle.is(sample.model, input));
        if (expected.ok) {
          if (!result.success) throw new Error(result.error.message);
          expect(toPlain(result.data)).toStrictEqual(expected.value);
          return;
        }
        failed++;
        expect(result.success).toBe(false);
        // Past 100 issues, parse only counts them: the interpreter's first 100, then one too_many_issues.
        const issues = expected.issues.length > MAX_ISSUES ? [...expected.issues.slice(0, MAX_ISSUES), { type: 'too_many_issues', loc: [] }] : expected.issues;
        expect(result.error.issues.map((issue: { type: string; loc: unknown[] }) => ({ type: issue.type, loc: issue.loc }))).toStrictEqual(issues);
        // Each is worded: the module registered the template of every type it reports.
        for (const issue of result.error.issues) expect(issue.msg).not.toBe(issue.type);
      }),
      { numRuns: 300, seed: 13 },
    );
    expect(failed).toBeGreaterThan(30);
  });
});
