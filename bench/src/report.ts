/** Turns the results into the console table, docs/benchmarks.md and its SVG chart. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Verdict } from './correctness';
import type { AppBundle } from './bundle';
import { formatCorpus } from './corpus';
import type { Extras, Startup } from './extras';
import { chart } from './svg';
import type { Timing } from './timing';
import { formatWorstCase, type WorstCase } from './worst-case';

/** The bench folder (the bundle runs from bench/.out). */
export const BENCH = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The repository root. */
export const ROOT = path.dirname(BENCH);

/** Everything one run measured: the content of bench/results.json. */
export interface Results {
  readonly smoke: boolean;
  readonly machine: { readonly node: string; readonly cpus: number; readonly cpu: string; readonly platform: string };
  readonly peers: readonly { readonly name: string; readonly setup: string }[];
  readonly cases: readonly { readonly id: string; readonly title: string }[];
  readonly verdicts: readonly Verdict[];
  readonly timings: readonly Timing[];
  readonly extras: Extras;
  readonly seconds: number;
}

/** The baseline every ratio is taken against. */
export const BASELINE = 'hand-written';

/** A timing with its time ratio to the baseline of the same case and mode (2 = twice the baseline's time). */
export interface Row extends Timing {
  readonly ratio: number | undefined;
}

/** Every timing with its ratio. */
export function rows(timings: readonly Timing[]): Row[] {
  return timings.map((t) => {
    const base = timings.find((b) => b.case === t.case && b.mode === t.mode && b.peer === BASELINE);
    return { ...t, ratio: base === undefined ? undefined : base.hz / t.hz };
  });
}

const fmtHz = (hz: number): string => (hz >= 100 ? Math.round(hz).toLocaleString('en-US') : hz.toPrecision(3));
const fmtRatio = (r: number | undefined): string => (r === undefined ? '–' : `${r < 10 ? r.toFixed(2) : r.toFixed(1)}×`);

/** One target of the issue, judged on this run. */
export interface Target {
  readonly what: string;
  readonly target: string;
  readonly measured: string;
  readonly met: boolean | undefined;
}

function hzOf(timings: readonly Timing[], c: string, mode: string, peer: string): number | undefined {
  return timings.find((t) => t.case === c && t.mode === mode && t.peer === peer)?.hz;
}

/** The issue's targets against this run's medians. */
export function targets(r: Results): Target[] {
  const out: Target[] = [];
  const speedCases = r.cases.map((c) => c.id).filter((c) => c !== 'errors');
  for (const c of speedCases) {
    const hw = hzOf(r.timings, c, 'is', BASELINE), ty = hzOf(r.timings, c, 'is', 'tydantic'), ti = hzOf(r.timings, c, 'is', 'typia');
    if (hw !== undefined && ty !== undefined) {
      out.push({ what: `${c}: is vs hand-written`, target: '≤ 1.20×', measured: fmtRatio(hw / ty), met: hw / ty <= 1.2 });
    }
    if (ti !== undefined && ty !== undefined) {
      out.push({ what: `${c}: is vs typia is`, target: '≤ 1.00×', measured: fmtRatio(ti / ty), met: ti / ty <= 1 });
    }
    const hwp = hzOf(r.timings, c, 'parse', BASELINE), typ = hzOf(r.timings, c, 'parse', 'tydantic'), zp = hzOf(r.timings, c, 'parse', 'zod 4');
    if (hwp !== undefined && typ !== undefined) {
      out.push({ what: `${c}: parse vs hand-written`, target: '≤ 1.60×', measured: fmtRatio(hwp / typ), met: hwp / typ <= 1.6 });
    }
    if (zp !== undefined && typ !== undefined) {
      out.push({ what: `${c}: parse vs zod 4 parse`, target: '≥ 3× faster', measured: `${(typ / zp).toFixed(2)}× faster`, met: typ / zp >= 3 });
    }
  }
  const te = hzOf(r.timings, 'errors', 'errors', 'tydantic'), tv = hzOf(r.timings, 'errors', 'errors', 'typia');
  if (te !== undefined && tv !== undefined) {
    out.push({ what: 'errors (e) vs typia.validate', target: '≤ 1.00×', measured: fmtRatio(tv / te), met: tv / te <= 1 });
  }
  const x = r.extras;
  if (x.startup !== undefined) {
    out.push({ what: `startup: import ${x.startup.models} models + first parse`, target: '≤ 30 ms', measured: `${x.startup.medianMs.toFixed(1)} ms`, met: x.startup.medianMs <= 30 });
    // Not a target: the same module with only what the speed targets need (see the startup table), the limit of the one above.
    const floor = x.startup.variants.find((v) => v.name === 'tydantic, fast path only');
    if (floor !== undefined) out.push({ what: 'startup of the fast path alone (the limit of the target above)', target: '–', measured: `${floor.totalMs.toFixed(1)} ms`, met: undefined });
  }
  if (x.compile !== undefined) {
    out.push({ what: `generate: ${x.compile.models} models`, target: '< 20 s', measured: `${(x.compile.generateMs / 1000).toFixed(1)} s`, met: x.compile.generateMs < 20_000 });
    if (x.compile.watchMs !== undefined) {
      out.push({ what: '--watch: regenerate after a one-file edit', target: '< 1.5 s', measured: `${(x.compile.watchMs / 1000).toFixed(2)} s`, met: x.compile.watchMs < 1500 });
    }
  }
  if (x.footprint !== undefined) {
    // What a user bundles: the runtime as a project's generated module and its own imports pull it in.
    out.push({
      what: 'runtime a project bundles (min + gzip)',
      target: '≤ 6 KB',
      measured: `${(x.footprint.usedGzip / 1024).toFixed(2)} KB (all exports ${(x.footprint.allGzip / 1024).toFixed(2)} KB)`,
      met: x.footprint.usedGzip <= 6 * 1024,
    });
  }
  if (x.startup !== undefined && x.startup.generatedBytes !== undefined) {
    const perModel = x.startup.generatedBytes / x.startup.models;
    out.push({ what: `generated bytes a model (the ${x.startup.models}-model project)`, target: `≤ ${BYTES_BEFORE / 2} B (half of ${BYTES_BEFORE} B)`, measured: `${Math.round(perModel)} B`, met: perModel <= BYTES_BEFORE / 2 });
  }
  const ours = x.bundles?.find((b) => b.name === 'tydantic');
  const zod = x.bundles?.find((b) => b.name === 'zod/mini');
  if (ours !== undefined && zod !== undefined) {
    out.push({ what: 'two-model app bundle (min + gzip) vs zod/mini', target: `≤ ${zod.gzipBytes} B`, measured: `${ours.gzipBytes} B`, met: ours.gzipBytes <= zod.gzipBytes });
  }
  // The package whose module is the largest: the compile step's limits hold there.
  const biggest = [...(x.corpus ?? [])].sort((a, b) => (b.tydantic.output?.moduleBytes ?? 0) - (a.tydantic.output?.moduleBytes ?? 0))[0];
  if (biggest !== undefined) {
    const { ms, peakKib, failure } = biggest.tydantic;
    const measured = failure !== undefined ? `failed (${failure.kind})` : `${(ms / 1000).toFixed(1)} s, ${peakKib === undefined ? '?' : Math.round(peakKib / 1024)} MiB`;
    out.push({ what: `generate on the largest corpus package (${biggest.name})`, target: '< 10 s, < 1 GB', measured, met: failure === undefined && ms < 10_000 && peakKib !== undefined && peakKib < 1024 * 1024 });
  }
  if (r.smoke) return out.map((t) => ({ ...t, met: undefined }));
  return out;
}

/** Generated bytes a model on the 200-model project before the round that shares types (docs/performance.md, section 8). */
const BYTES_BEFORE = 10_406;

/** The two-model app in each library. */
function bundleTable(bundles: readonly AppBundle[]): string[] {
  return [
    '### A minimal app\'s bundle',
    '',
    'Two models (an address and a user: a bounded name, an email, an optional integer, defaulted tags and role, an optional nested address, a date given as text), one valid and one invalid input parsed and printed; esbuild bundle, minified ESM for es2022 (standard decorators lowered), gzip level 9 (`bench/src/bundle.ts`).',
    '',
    '| app | min + gzip | minified |',
    '|---|---:|---:|',
    ...bundles.map((b) => `| ${b.name} | ${b.gzipBytes.toLocaleString('en-US')} B | ${b.minBytes.toLocaleString('en-US')} B |`),
    '',
    ...bundles.map((b) => `- **${b.name}**: ${b.setup}.`),
    '',
  ];
}

/** The matrix: one row per case and mode, one column per peer, time ratios to the baseline. */
function matrix(r: Results, all: readonly Row[]): string[] {
  const peers = r.peers.map((p) => p.name);
  const lines = [`| case | mode | ${peers.join(' | ')} |`, `|---|---|${peers.map(() => '---:').join('|')}|`];
  for (const c of r.cases) {
    for (const mode of ['is', 'parse', 'strict', 'errors']) {
      const here = all.filter((t) => t.case === c.id && t.mode === mode);
      if (here.length === 0) continue;
      const cells = peers.map((p) => {
        const row = here.find((t) => t.peer === p);
        if (row !== undefined) return fmtRatio(row.ratio);
        const failed = r.verdicts.find((v) => v.peer === p && v.case === c.id && v.mode === mode && v.failure !== undefined);
        return failed === undefined ? '' : 'fails';
      });
      lines.push(`| ${c.id} | ${mode} | ${cells.join(' | ')} |`);
    }
  }
  return lines;
}

function longTable(all: readonly Row[]): string[] {
  const lines = ['| case | mode | peer | ops/s (median) | ± | time vs hand-written |', '|---|---|---|---:|---:|---:|'];
  for (const t of all) lines.push(`| ${t.case} | ${t.mode} | ${t.peer} | ${fmtHz(t.hz)} | ${t.rme.toFixed(1)}% | ${fmtRatio(t.ratio)} |`);
  return lines;
}

function targetTable(list: readonly Target[]): string[] {
  const mark = (m: boolean | undefined): string => (m === undefined ? '–' : m ? 'met' : '**missed**');
  return ['| target | goal | measured | |', '|---|---|---:|---|', ...list.map((t) => `| ${t.what} | ${t.target} | ${t.measured} | ${mark(t.met)} |`)];
}

/** The startup of every bundle measured, tydantic's (the target) first, then how each was set up. */
function startupTable(s: Startup): string[] {
  const ms = (v: number): string => v.toFixed(1);
  return [
    `### Startup beside its peers`,
    '',
    `The same ${s.models} models (ten per file, each file importing the previous one; a string with length bounds, an optional email, a nullable number,`,
    'a literal union, an array, a boolean and a nested model from the previous file) in each library, bundled by esbuild for node20 (not minified);',
    `a fresh \`node\` imports the bundle and makes one call with the same valid sample; ${s.runs === 1 ? 'one run of each' : `medians of ${s.runs} runs, alternating between the bundles`}.`,
    'CPU is the process\'s user + system time over import and first call; the whole process includes node\'s own boot.',
    '',
    '| bundle | import ms | first call ms | total ms | CPU ms | whole process ms | bundle KB |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...s.variants.map((v) => `| ${v.name} | ${ms(v.importMs)} | ${v.firstParseMs.toFixed(2)} | ${ms(v.totalMs)} | ${ms(v.cpuMs)} | ${v.processMs.toFixed(0)} | ${Math.round(v.bundleBytes / 1024).toLocaleString('en-US')} |`),
    '',
    ...s.variants.map((v) => `- **${v.name}**: ${v.setup}.`),
    `- The compile steps on these projects: \`tydantic generate\` ${(s.tydanticGenerateMs / 1000).toFixed(1)} s, \`typia generate\` ${(s.typiaGenerateMs / 1000).toFixed(1)} s.`,
    '',
  ];
}

/** The worst-case inputs: each at two sizes, the ratio of the times, and why it is what it is. */
function worstCaseSection(w: WorstCase): string[] {
  return [
    '### Worst-case inputs',
    '',
    `Hostile inputs, each at two sizes ten times apart, parsed by models compiled like the others (\`bench/src/hostile\`, \`bench/src/worst-case.ts\`); ${w.runs === 1 ? 'one sample' : `medians of ${w.runs} samples`} a size, alternating between the two.`,
    'The ratio is the time at the larger size over the time at the smaller: about 10 is linear, 100 quadratic, 1 a refusal that does not read the input (or a fixed cost that hides a fast scan).',
    '',
    formatWorstCase(w),
    '',
    ...w.rows.map((r) => `- **${r.id}**: ${r.why}.`),
    '',
  ];
}

/** Prints the table and, unless smoke, rewrites docs/benchmarks.md and docs/benchmarks.svg from the results. */
export function writeReport(r: Results, options: { console: boolean; docs: boolean }): void {
  const all = rows(r.timings);
  const list = targets(r);
  if (options.console) {
    console.log('\ncase       mode   peer              ops/s (median)   time vs hand-written');
    for (const t of all) {
      console.log(`${t.case.padEnd(10)} ${t.mode.padEnd(6)} ${t.peer.padEnd(16)} ${fmtHz(t.hz).padStart(16)}   ${fmtRatio(t.ratio).padStart(8)}`);
    }
    console.log('');
    for (const t of list) console.log(`${t.met === undefined ? '·' : t.met ? '✓' : '✗'} ${t.what}: ${t.measured} (target ${t.target})`);
  }
  if (!options.docs) return;
  writeFileSync(path.join(ROOT, 'docs/benchmarks.svg'), chart(r.cases.map((c) => c.id), r.peers.map((p) => p.name), all));
  const failures = r.verdicts.filter((v) => v.failure !== undefined);
  const x = r.extras;
  const md = [
    '# Benchmarks',
    '',
    '<!-- Generated by `npm run bench` from bench/results.json: do not edit by hand. -->',
    '',
    `One run of \`npm run bench\` on ${r.machine.cpus} × ${r.machine.cpu}, ${r.machine.platform}, Node ${r.machine.node}; ${r.seconds} s in all.`,
    'Each number is the median of the samples `benchmark` took; the ratio is the time of one call',
    'divided by the time of the hand-written validator in the same case and mode (1.00× = as fast,',
    '2.00× = twice as slow). How each peer is set up, and what the modes mean, is in',
    '[performance.md](performance.md) and `bench/src/peers/`.',
    '',
    '![time relative to the hand-written validator, log scale](benchmarks.svg)',
    '',
    '## Time relative to the hand-written validator',
    '',
    ...matrix(r, all),
    '',
    'Empty: the peer has no such mode. `fails`: the peer got the case wrong before timing (below), so it was not timed.',
    '',
    '## Targets',
    '',
    ...targetTable(list),
    '',
    '## Startup, compile step, footprint',
    '',
    ...(x.startup === undefined ? [] : [
      `- Startup: a fresh \`node\` imports a bundle of ${x.startup.models} compiled models and parses once: ${x.startup.medianMs.toFixed(1)} ms (median of ${x.startup.runs}; import ${x.startup.importMs.toFixed(1)} ms, first parse ${x.startup.firstParseMs.toFixed(2)} ms). The whole process, node's own boot included, takes ${x.startup.processMs.toFixed(0)} ms.`,
    ]),
    ...(x.compile === undefined ? [] : [
      `- Compile step: \`tydantic generate\` on a generated project of ${x.compile.models} models (${x.compile.files} files): ${(x.compile.generateMs / 1000).toFixed(1)} s, output ${Math.round(x.compile.outputBytes / 1024)} KB.` +
        (x.compile.watchMs === undefined ? '' : ` \`--watch\` rewrites the module ${x.compile.watchMs.toFixed(0)} ms after a one-file edit (from the write to the new output).`),
    ]),
    ...(x.footprint === undefined ? [] : [
      `- Runtime footprint (esbuild, minified, gzip): every export of \`tydantic\` ${x.footprint.allGzip} B (${x.footprint.allMin} B minified); what a project bundles (the larger of this bench's module and the 200-model project, each with \`Model\`, \`model\`, \`field\` and \`ValidationError\`) ${x.footprint.usedGzip} B.`,
    ]),
    '',
    ...(x.startup === undefined ? [] : startupTable(x.startup)),
    ...(x.bundles === undefined ? [] : bundleTable(x.bundles)),
    ...(x.corpus === undefined ? [] : ['### The compile step on published type packages, beside typia', '', formatCorpus(x.corpus), '']),
    ...(x.worstCase === undefined ? [] : worstCaseSection(x.worstCase)),
    '## Every timing',
    '',
    ...longTable(all),
    '',
    '## Correctness checks',
    '',
    `Every mode of every peer ran on each case's valid input, the input with undeclared keys and the invalid input before timing: ${r.verdicts.length - failures.length} of ${r.verdicts.length} passed.`,
    ...(failures.length === 0 ? [] : ['', ...failures.map((f) => `- ${f.peer}, ${f.case}, ${f.mode}: ${f.failure}`)]),
    '',
    '## Peers',
    '',
    ...r.peers.map((p) => `- **${p.name}**: ${p.setup}`),
    '',
  ];
  writeFileSync(path.join(ROOT, 'docs/benchmarks.md'), md.join('\n'));
}
