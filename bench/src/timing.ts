/** Times each (case, mode, peer) with the `benchmark` package and keeps the median. */
import Benchmark from 'benchmark';

/** One timed function. */
export interface Job {
  readonly case: string;
  readonly mode: string;
  readonly peer: string;
  readonly fn: () => void;
}

/** The median speed of one job. */
export interface Timing {
  readonly case: string;
  readonly mode: string;
  readonly peer: string;
  /** Operations per second at the median sample. */
  readonly hz: number;
  /** Relative margin of error of the mean, in percent (benchmark.js). */
  readonly rme: number;
  readonly samples: number;
}

/** How long each benchmark runs: `smoke` runs each function about once. */
export interface TimingOptions {
  readonly smoke: boolean;
  /** Seconds per benchmark (ignored in smoke mode). */
  readonly maxTime: number;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Runs the jobs one after another (benchmark.js runs synchronously when not deferred). */
export function time(jobs: readonly Job[], options: TimingOptions, progress: (t: Timing) => void): Timing[] {
  const out: Timing[] = [];
  for (const job of jobs) {
    const settings = options.smoke
      ? { maxTime: 0, minSamples: 1, initCount: 1, minTime: -Infinity, delay: 0 }
      : { maxTime: options.maxTime, minSamples: 5, delay: 0.005 };
    let result: Timing | undefined;
    let error: unknown;
    const bench = new Benchmark(`${job.case} ${job.mode} ${job.peer}`, job.fn, {
      ...settings,
      onError: (event: { target: { error: unknown } }) => {
        error = event.target.error;
      },
      onComplete: (event: { target: Benchmark }) => {
        const b = event.target;
        const sample = b.stats.sample.length > 0 ? b.stats.sample : [b.times.period];
        result = { case: job.case, mode: job.mode, peer: job.peer, hz: 1 / median(sample), rme: b.stats.rme, samples: sample.length };
      },
    });
    bench.run({ async: false });
    if (error !== undefined) throw new Error(`${bench.name} threw while timed: ${String(error)}`);
    if (result === undefined) throw new Error(`${bench.name} produced no timing`);
    out.push(result);
    progress(result);
  }
  return out;
}
