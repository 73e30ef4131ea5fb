/** Times each (case, mode, peer) with the `benchmark` package and keeps the median. */
import Benchmark from 'benchmark';

/** One timed function and the input it gets. */
export interface Job {
  readonly case: string;
  readonly mode: string;
  readonly peer: string;
  readonly fn: (input: unknown) => unknown;
  /** Equal, distinct copies of the input, used in turn (see `driver`). */
  readonly inputs: readonly unknown[];
}

/** The median speed of one job. */
export interface Timing {
  readonly case: string;
  readonly mode: string;
  readonly peer: string;
  /** Operations per second at the median sample. */
  readonly hz: number;
  /** Relative margin of error of the mean, in percent (benchmark.js, over all rounds' samples). */
  readonly rme: number;
  readonly samples: number;
}

/** How long each benchmark runs: `smoke` runs each function about once. */
export interface TimingOptions {
  readonly smoke: boolean;
  /** Seconds per benchmark, split over the rounds (ignored in smoke mode). */
  readonly maxTime: number;
  /** Every job runs once per round, so load from other processes spreads over all peers alike. */
  readonly rounds: number;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** A result the optimiser must compute: every timed call stores into it. */
const sink: { value: unknown } = { value: undefined };

/**
 * The function benchmark.js calls for a job. Each job gets its own compiled
 * copy (a new script, hence its own type feedback), so one peer's call site
 * never turns megamorphic because of another's, and the input alternates
 * between copies so the optimiser cannot fold a constant input's checks away.
 * This is the bench harness, not tydantic: compiling code here is fine.
 */
function driver(job: Job): () => void {
  const make = new Function('f', 'inputs', 'sink', 'let i = 0; const n = inputs.length; return function timed() { sink.value = f(inputs[i]); if (++i === n) i = 0; };');
  return make(job.fn, job.inputs, sink) as () => void;
}

/** Runs the jobs, round after round (benchmark.js runs synchronously when not deferred). */
export function time(jobs: readonly Job[], options: TimingOptions, progress: (t: Timing) => void): Timing[] {
  const rounds = options.smoke ? 1 : options.rounds;
  const samples = jobs.map(() => [] as number[]);
  const drivers = jobs.map(driver);
  for (let round = 0; round < rounds; round++) {
    jobs.forEach((job, j) => {
      const settings = options.smoke
        ? { maxTime: 0, minSamples: 1, initCount: 1, minTime: -Infinity, delay: 0 }
        : { maxTime: options.maxTime / rounds, minSamples: 2, delay: 0.002 };
      let error: unknown;
      const bench = new Benchmark(`${job.case} ${job.mode} ${job.peer}`, drivers[j]!, {
        ...settings,
        onError: (event: { target: { error: unknown } }) => {
          error = event.target.error;
        },
      });
      bench.run({ async: false });
      if (error !== undefined) throw new Error(`${bench.name} threw while timed: ${String(error)}`);
      const taken = bench.stats.sample.length > 0 ? bench.stats.sample : [bench.times.period];
      samples[j]!.push(...taken);
    });
  }
  return jobs.map((job, j) => {
    const all = samples[j]!;
    const mean = all.reduce((a, b) => a + b, 0) / all.length;
    const sd = Math.sqrt(all.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, all.length - 1));
    // 95% margin of the mean (normal approximation), as a percentage, like benchmark.js's rme.
    const rme = all.length > 1 ? ((1.96 * sd) / Math.sqrt(all.length) / mean) * 100 : 0;
    const t: Timing = { case: job.case, mode: job.mode, peer: job.peer, hz: 1 / median(all), rme, samples: all.length };
    progress(t);
    return t;
  });
}
