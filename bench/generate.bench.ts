/**
 * Corpus generator benchmark: rows per second on one core (the generator is
 * single-threaded), for hi, te and ta with every class, after a warm-up run
 * that loads the lexicons. Target: ≥ 2,000 rows/s.
 *
 * Run: npx tsx bench/generate.bench.ts [--n 30000]
 */
import { generateRows } from '../native/entities/generate.js';
import { emptySummary } from '../native/entities/generate.js';
import { recordBench } from './record.js';

const argN = process.argv.indexOf('--n');
const N = argN > 0 ? Number(process.argv[argN + 1]) : 30_000;
const TARGET = 2000;

function run(count: number, seed: number): { seconds: number; bytes: number } {
  const t0 = performance.now();
  let bytes = 0;
  for (const row of generateRows(
    { langs: ['hi', 'te', 'ta'], count, seed, split: 'train' },
    emptySummary(),
  )) {
    bytes += JSON.stringify(row).length + 1;
  }
  return { seconds: (performance.now() - t0) / 1000, bytes };
}

run(600, 1);
const { seconds, bytes } = run(N, 2);
const perSecond = Math.round(N / seconds);
console.log(
  `generate: ${N} rows in ${seconds.toFixed(2)} s = ${perSecond} rows/s (target ${TARGET})`,
);
recordBench('generate', {
  rows: N,
  seconds: Number(seconds.toFixed(3)),
  rowsPerSecond: perSecond,
  jsonlBytes: bytes,
  target: TARGET,
  meetsTarget: perSecond >= TARGET,
});
if (perSecond < TARGET) process.exitCode = 1;
