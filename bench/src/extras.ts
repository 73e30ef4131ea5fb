/**
 * The measurements beside the timings: startup of a module of 200 compiled
 * models beside its peers (startup.ts), the compile step on 1,000 models
 * (and --watch after one edit), the runtime's size in a user's bundle, and
 * the time of worst-case inputs at two sizes (worst-case.ts).
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { bundleRuntime, projectImports } from '../../test/helpers/footprint';
import { fileSource, writeProject } from './project';
import { BENCH, ROOT } from './report';
import { type AppBundle, measureBundles } from './bundle';
import { type CorpusResult, formatCorpus, measureCorpus } from './corpus';
import { measureStartup, type Startup } from './startup';
import { formatWorstCase, measureWorstCase, type WorstCase } from './worst-case';

export type { Startup, StartupVariant } from './startup';
export type { WorstCase, WorstCaseRow } from './worst-case';

/** The compile step on a large project. */
export interface Compile {
  readonly models: number;
  readonly files: number;
  readonly generateMs: number;
  readonly outputBytes: number;
  /** From writing one edited file to the regenerated module (median of several edits). */
  readonly watchMs: number | undefined;
}

/** Bytes of the runtime in a bundle, minified and gzipped. */
export interface Footprint {
  readonly allMin: number;
  readonly allGzip: number;
  readonly usedGzip: number;
}

/** Every extra measurement. */
export interface Extras {
  readonly startup?: Startup;
  readonly compile?: Compile;
  readonly footprint?: Footprint;
  /** A minimal app's bundle in tydantic and in zod/mini. */
  readonly bundles?: readonly AppBundle[];
  /** The compile step on published type packages, beside typia's. */
  readonly corpus?: readonly CorpusResult[];
  /** Hostile inputs at two sizes ten times apart (issue 14). */
  readonly worstCase?: WorstCase;
}

const WORK = path.join(BENCH, '.out/projects');
const CLI = path.join(ROOT, 'codegen/dist/cli.js');
const RUNTIME_SRC = path.join(ROOT, 'src/index.ts');
const RUNTIME_DIST = path.join(ROOT, 'src/dist/index.js');

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

function generate(tsconfig: string): number {
  const started = performance.now();
  const r = spawnSync(process.execPath, [CLI, 'generate', '-p', tsconfig], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`tydantic generate failed:\n${r.stdout}${r.stderr}`);
  return performance.now() - started;
}

/** Starts `generate --watch`, edits one file `edits` times, and returns the median time to each rewrite. */
async function watch(tsconfig: string, dir: string, edits: number): Promise<number> {
  const child = spawn(process.execPath, [CLI, 'generate', '-p', tsconfig, '--watch'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let buffer = '';
  let waiter: ((line: string) => void) | undefined;
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    buffer += chunk;
    let nl: number;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      waiter?.(line);
    }
  });
  const next = (pattern: RegExp, timeoutMs: number): Promise<void> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`--watch: no line matching ${pattern} in ${timeoutMs} ms`)), timeoutMs);
      waiter = (line) => {
        if (!pattern.test(line)) return;
        clearTimeout(timer);
        waiter = undefined;
        resolve();
      };
    });
  try {
    await next(/^watching /, 120_000);
    await new Promise((r) => setTimeout(r, 300));
    const times: number[] = [];
    const file = path.join(dir, 'models/m5.ts');
    for (let i = 1; i <= edits; i++) {
      const rewritten = next(/^wrote /, 60_000);
      const started = performance.now();
      writeFileSync(file, fileSource(5, `  note${i}?: string;`));
      await rewritten;
      times.push(performance.now() - started);
      await new Promise((r) => setTimeout(r, 200));
    }
    return median(times);
  } finally {
    child.kill();
  }
}

async function compile(models: number, edits: number): Promise<Compile> {
  const dir = path.join(WORK, `compile-${models}`);
  const tsconfig = writeProject(dir, models, RUNTIME_SRC);
  const generateMs = generate(tsconfig);
  const outputBytes = readFileSync(path.join(dir, 'tydantic.gen.ts')).length;
  const watchMs = await watch(tsconfig, dir, edits);
  return { models, files: models / 10, generateMs, outputBytes, watchMs };
}

/**
 * The runtime's size: every export, and what a user bundles. Generated code imports each string format's
 * own check and reason function, so a project's bundle holds only the formats its models use; "used" is
 * measured per project (this bench's generated module, then the 200-model project), each with the
 * names users import themselves, and the larger of the two counts.
 */
async function footprint(): Promise<Footprint> {
  const all = await bundleRuntime(RUNTIME_DIST, '*');
  let usedGzip = 0;
  for (const file of [path.join(BENCH, 'src/tydantic/tydantic.gen.ts'), path.join(WORK, 'startup-200/tydantic.gen.ts')]) {
    usedGzip = Math.max(usedGzip, (await bundleRuntime(RUNTIME_DIST, projectImports(file))).gzip);
  }
  return { allMin: all.min, allGzip: all.gzip, usedGzip };
}

/** Runs the extra measurements; smoke mode uses small projects and single runs. */
export async function measureExtras(options: { smoke: boolean }): Promise<Extras> {
  const s = await measureStartup({ work: WORK, models: 200, runs: options.smoke ? 1 : 7, runtime: { src: RUNTIME_SRC, dist: RUNTIME_DIST }, generate });
  console.log(`startup of ${s.models} models (import + first call, median of ${s.runs}; generate: tydantic ${(s.tydanticGenerateMs / 1000).toFixed(1)} s, typia ${(s.typiaGenerateMs / 1000).toFixed(1)} s):`);
  for (const v of s.variants) {
    console.log(`  ${v.name.padEnd(13)} ${v.totalMs.toFixed(1).padStart(7)} ms (import ${v.importMs.toFixed(1)}, first call ${v.firstParseMs.toFixed(2)}; cpu ${v.cpuMs.toFixed(1)}; process ${v.processMs.toFixed(0)}), bundle ${(v.bundleBytes / 1024).toFixed(0)} KB`);
  }
  // --watch extracts again only what an edit reaches: five edits for a median, one in smoke mode.
  const c = await compile(options.smoke ? 100 : 1000, options.smoke ? 1 : 5);
  console.log(`generate: ${(c.generateMs / 1000).toFixed(1)} s for ${c.models} models; --watch ${c.watchMs?.toFixed(0)} ms`);
  const f = await footprint();
  console.log(`runtime: ${f.allGzip} B min+gzip (all exports), ${f.usedGzip} B (what generated code uses)`);
  const bundles = await measureBundles();
  for (const b of bundles) console.log(`two-model app, ${b.name}: ${b.gzipBytes} B min+gzip (${b.minBytes} B minified)`);
  // The corpus in smoke mode: its smallest package, without typia's second project.
  const corpus = measureCorpus(options.smoke ? { packages: ['geojson'], withIs: false } : {});
  console.log(formatCorpus(corpus));
  const worstCase = measureWorstCase({ smoke: options.smoke });
  console.log(`worst-case inputs (median of ${worstCase.runs}):\n${formatWorstCase(worstCase)}`);
  return { startup: s, compile: c, footprint: f, bundles, corpus, worstCase };
}
