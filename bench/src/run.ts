/**
 * The bench itself (bundled by bench/bench.mjs): checks every peer, times the
 * ones that passed, runs the extra measurements and writes the results.
 * Usage: node bench/.out/run.mjs [--smoke] [--only=case,...]
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CASES, copy } from './data';
import { checkPeers } from './correctness';
import { measureExtras } from './extras';
import type { Mode } from './peer';
import { PEERS } from './peers/index';
import { BENCH, type Results, writeReport } from './report';
import { type Job, time } from './timing';

const smoke = process.argv.includes('--smoke');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
const started = performance.now();

const cases = CASES.filter((c) => only === undefined || only.includes(c.id));
const verdicts = checkPeers(PEERS, cases);
for (const v of verdicts) if (v.failure !== undefined) console.log(`✗ ${v.peer} ${v.case} ${v.mode}: ${v.failure}`);
// The baseline and tydantic must pass every check: a smoke run in CI fails otherwise. Other peers' failures are findings.
const ours = verdicts.filter((v) => v.failure !== undefined && (v.peer === 'hand-written' || v.peer === 'tydantic'));
if (ours.length > 0) process.exitCode = 1;
const passed = new Set(verdicts.filter((v) => v.failure === undefined).map((v) => `${v.peer}|${v.case}|${v.mode}`));

const jobs: Job[] = [];
for (const data of cases) {
  const modes: readonly Mode[] = data.id === 'errors' ? ['errors'] : ['is', 'parse', 'strict'];
  for (const mode of modes) {
    const input = data.id === 'errors' ? data.invalid : data.valid;
    // ajv strips in place: on inputs without undeclared keys it changes nothing, so copies can be reused.
    const inputs = [copy(input), copy(input), copy(input)];
    for (const peer of PEERS) {
      const f = peer.cases[data.id]?.[mode] as ((v: unknown) => unknown) | undefined;
      if (f === undefined || !passed.has(`${peer.name}|${data.id}|${mode}`)) continue;
      jobs.push({ case: data.id, mode, peer: peer.name, fn: f, inputs });
    }
  }
}

const timings = time(jobs, { smoke, maxTime: 0.5, rounds: 3 }, (t) => {
  if (!smoke) console.log(`  ${t.case.padEnd(10)} ${t.mode.padEnd(6)} ${t.peer.padEnd(16)} ${Math.round(t.hz).toLocaleString('en-US').padStart(12)} ops/s ±${t.rme.toFixed(1)}%`);
});

const extras = await measureExtras({ smoke });
const results: Results = {
  smoke,
  machine: { node: process.version, cpus: os.cpus().length, cpu: os.cpus()[0]?.model ?? 'unknown', platform: `${os.platform()} ${os.arch()}` },
  peers: PEERS.map((p) => ({ name: p.name, setup: p.setup })),
  cases: cases.map((c) => ({ id: c.id, title: c.title })),
  verdicts,
  timings,
  extras,
  seconds: Math.round((performance.now() - started) / 100) / 10,
};
const file = path.join(BENCH, smoke ? '.out/results.smoke.json' : 'results.json');
writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
writeReport(results, { console: true, docs: !smoke });
console.log(`\n${smoke ? 'smoke run' : 'bench'} done in ${results.seconds} s; wrote ${path.relative(process.cwd(), file)}`);
