/**
 * Before anything is timed, every mode of every peer is run on each case's
 * valid input, the input with extra keys and the invalid input. A mode that
 * gets one wrong is reported and left out of the timings.
 */
import { type CaseData, copy } from './data';
import type { CaseValidators, Mode, Peer } from './peer';

/** The verdict on one peer's mode for one case. */
export interface Verdict {
  readonly peer: string;
  readonly case: string;
  readonly mode: Mode;
  /** Why it failed; undefined when every check passed. */
  readonly failure?: string;
}

/** JSON with keys sorted: outputs list declared fields in declaration order, inputs in any order. */
const json = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    typeof v === 'object' && v !== null && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );

function throws(run: () => unknown): boolean {
  try {
    run();
    return false;
  } catch {
    return true;
  }
}

/** The first thing `mode` gets wrong on `data`, or undefined. */
function checkMode(mode: Mode, v: CaseValidators, data: CaseData, inPlace: boolean): string | undefined {
  const expected = json(data.valid);
  switch (mode) {
    case 'is': {
      const is = v.is!;
      if (is(copy(data.valid)) !== true) return 'rejects the valid input';
      if (is(copy(data.invalid)) !== false) return 'accepts the invalid input';
      return undefined;
    }
    case 'parse':
    case 'strict': {
      const run = mode === 'parse' ? v.parse! : v.strict!;
      const input = copy(data.valid);
      let out: unknown;
      try {
        out = run(input);
      } catch (error) {
        return `rejects the valid input: ${String(error).slice(0, 120)}`;
      }
      if (json(out) !== expected) return 'output differs from the valid input';
      if (json(input) !== expected) return 'mutates the valid input';
      if (!throws(() => run(copy(data.invalid)))) return 'accepts the invalid input';
      if (mode === 'strict') return throws(() => run(copy(data.withExtra))) ? undefined : 'accepts undeclared keys';
      const extra = copy(data.withExtra);
      let stripped: unknown;
      try {
        stripped = run(extra);
      } catch (error) {
        return `rejects undeclared keys: ${String(error).slice(0, 120)}`;
      }
      if (json(stripped) !== expected) return 'keeps undeclared keys';
      if (!inPlace && json(extra) !== json(data.withExtra)) return 'mutates its input';
      if (!inPlace && stripped === extra) return 'returns its input, not a new value';
      return undefined;
    }
    case 'errors': {
      const errors = v.errors!;
      const valid = errors(copy(data.valid));
      if (valid !== 0) return `reports ${valid} issues on the valid input`;
      const found = errors(copy(data.invalid));
      return found === data.invalidIssues ? undefined : `reports ${found} issues, expected ${data.invalidIssues}`;
    }
  }
}

/** Runs every check; an exception thrown by the peer itself counts as a failure. */
export function checkPeers(peers: readonly Peer[], cases: readonly CaseData[]): Verdict[] {
  const verdicts: Verdict[] = [];
  for (const peer of peers) {
    for (const data of cases) {
      const v = peer.cases[data.id];
      if (v === undefined) continue;
      for (const mode of ['is', 'parse', 'strict', 'errors'] as const) {
        if (v[mode] === undefined) continue;
        // Case (e) is the company's schema on another input: only its error path is checked and timed there;
        // issue counts are compared only there (a union reports each member's issues, as it should).
        if ((data.id === 'errors') !== (mode === 'errors')) continue;
        let failure: string | undefined;
        try {
          failure = checkMode(mode, v, data, peer.parseInPlace === true);
        } catch (error) {
          failure = `throws: ${String(error).slice(0, 120)}`;
        }
        verdicts.push(failure === undefined ? { peer: peer.name, case: data.id, mode } : { peer: peer.name, case: data.id, mode, failure });
      }
    }
  }
  return verdicts;
}
