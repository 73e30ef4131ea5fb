/** `npx vite-node bench/src/corpus-cli.ts [--only a,b] [--no-is]`: the corpus measurement of corpus.ts alone. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { CORPUS_WORK, formatCorpus, measureCorpus } from './corpus';
import { ROOT } from './report';

const args = process.argv.slice(2).filter((a) => a !== '--');
const onlyAt = args.indexOf('--only');
const packages = onlyAt >= 0 ? args[onlyAt + 1]?.split(',').filter(Boolean) : undefined;
const started = performance.now();
const results = measureCorpus({ ...(packages ? { packages } : {}), withIs: !args.includes('--no-is') });
console.log(`\n${formatCorpus(results)}\n`);
const file = path.join(CORPUS_WORK, 'results.json');
writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
console.log(`measured in ${((performance.now() - started) / 1000).toFixed(1)} s; results in ${path.relative(ROOT, file)}`);
