/**
 * Helper of flywheel.bench.ts: synthesises `--clips` generated Hindi rows
 * with espeak-ng in this process (after a warm-up) and prints the seconds
 * taken as JSON. Run on one core alone, then as two processes on two cores
 * at once (taskset), it measures how much a second core adds to the
 * synthesis, the flywheel's largest step, on this machine: the ceiling of
 * any 2-worker split of it.
 *
 *   node --import tsx bench/espeak-ceiling.ts [--clips N] [--seed S]
 */
import { generateCorpus } from '../native/entities/generate.js';
import { loadEspeak } from '../native/tts/espeak/runtime.js';
import { synthesizeInThread } from '../native/tts/espeak/synthesize.js';
import { stringArg } from './args.js';

const clips = Number(stringArg('--clips', '150'));
const seed = Number(stringArg('--seed', '5'));
const WARM_UP = 30;

await loadEspeak();
const { rows } = generateCorpus({ langs: ['hi'], count: WARM_UP + clips, seed, split: 'train' });
for (const r of rows.slice(0, WARM_UP)) await synthesizeInThread(r.spoken, { voice: 'hi' });
const t0 = performance.now();
for (const r of rows.slice(WARM_UP)) await synthesizeInThread(r.spoken, { voice: 'hi' });
process.stdout.write(`${JSON.stringify({ clips, seconds: (performance.now() - t0) / 1000 })}\n`);
