/**
 * `npm run bench -- --worst-case [--smoke] [--only=issues,url]`: the worst-case inputs alone (worst-case.ts),
 * recorded as `extras.worstCase` in the results file of that mode, beside the numbers of the last full run.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BENCH, ROOT } from './report';
import { formatWorstCase, measureWorstCase } from './worst-case';

const smoke = process.argv.includes('--smoke');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
const started = performance.now();
const worstCase = measureWorstCase({ smoke, ...(only === undefined ? {} : { only }) });
console.log(`\nworst-case inputs (median of ${worstCase.runs}):\n${formatWorstCase(worstCase)}\n`);
const file = path.join(BENCH, smoke ? '.out/results.smoke.json' : 'results.json');
if (only === undefined && existsSync(file)) {
  const results = JSON.parse(readFileSync(file, 'utf8')) as { extras?: Record<string, unknown> };
  results.extras = { ...results.extras, worstCase };
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`recorded in ${path.relative(ROOT, file)} (extras.worstCase)`);
}
console.log(`measured in ${((performance.now() - started) / 1000).toFixed(1)} s`);
