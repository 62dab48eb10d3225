/**
 * Real-time factor of the bundled default CTC models (models/default/
 * charkha-ctc-{hi,te,ta}) on this machine: seconds of transcription per
 * second of audio, through the public `openAsrEngine(...).transcribe`
 * (resampling, normalisation, the in-graph front end, inference, decoding).
 * The audio: 20 held-out generated rows per language spoken by the held-out
 * espeak-ng variant m4, synthesised before timing starts. Measured with one
 * ONNX Runtime thread (one core, as a flywheel worker process runs) and with
 * the machine's default; medians of per-clip RTF after a warm-up clip.
 *
 *   npx tsx bench/default-asr-rtf.bench.ts [--rows N]
 *
 * Writes bench/results/default-asr-rtf.json. The gate is real time on one
 * core (RTF < 1); the figures are what the model card and README quote.
 */
import { cpus, loadavg } from 'node:os';
import type { AsrEngine } from '../native/asr/engine.js';
import { openAsrEngine } from '../native/asr/open.js';
import { generateCorpus } from '../native/entities/generate.js';
import { ModelRegistry } from '../native/models/registry.js';
import { EspeakEngine } from '../native/tts/espeak/engine.js';
import { closeInferenceWorker, getInferenceWorker } from '../native/workers/inference.js';
import { sharedPool } from '../native/workers/shared-pool.js';
import { recordBench } from './record.js';

const LANGS = ['hi', 'te', 'ta'] as const;
const HELD_OUT_VARIANT = 'm4';
const TARGET_RTF_ONE_CORE = 1;
const i = process.argv.indexOf('--rows');
const rows = i >= 0 ? Number(process.argv[i + 1]) : 20;

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const r3 = (x: number): number => Math.round(x * 1000) / 1000;

interface Clip {
  samples: Float32Array;
  sampleRate: number;
}

async function speak(lang: string): Promise<Clip[]> {
  const { rows: generated } = generateCorpus({
    langs: [lang],
    count: rows,
    seed: 90210,
    split: 'test',
  });
  const espeak = new EspeakEngine(sharedPool());
  const clips: Clip[] = [];
  for (const row of generated) {
    const s = await espeak.synthesize(row.spoken, { voice: lang, variant: HELD_OUT_VARIANT });
    clips.push({ samples: s.samples, sampleRate: s.sampleRate });
  }
  return clips;
}

async function rtfOf(engine: AsrEngine, lang: string, clips: Clip[]) {
  await engine.transcribe(clips[0], { language: lang }); // warm-up: session and first-call costs
  const rtfs: number[] = [];
  let audio = 0;
  let busy = 0;
  for (const clip of clips) {
    const seconds = clip.samples.length / clip.sampleRate;
    const t = performance.now();
    await engine.transcribe(clip, { language: lang });
    const ms = performance.now() - t;
    rtfs.push(ms / 1000 / seconds);
    audio += seconds;
    busy += ms / 1000;
  }
  return {
    clips: clips.length,
    audioSeconds: r3(audio),
    medianRtf: r3(median(rtfs)),
    totalRtf: r3(busy / audio),
  };
}

const registry = new ModelRegistry({ home: '/nonexistent-charkha-home' });
const audio = new Map<string, Clip[]>();
for (const lang of LANGS) audio.set(lang, await speak(lang));

const results: Record<string, Record<string, unknown>> = {};
const loadStart = loadavg().map((x) => Math.round(x * 10) / 10);
for (const threads of [1, cpus().length]) {
  // The inference worker's thread count is fixed when it starts: a fresh one per setting.
  await closeInferenceWorker();
  getInferenceWorker({ threads });
  for (const lang of LANGS) {
    const id = `charkha-ctc-${lang}`;
    const engine = await openAsrEngine(id, { registry });
    try {
      (results[id] ??= {})[`threads${threads}`] = await rtfOf(engine, lang, audio.get(lang)!);
    } finally {
      await engine.close();
    }
  }
}
await closeInferenceWorker();

const worstOneCore = Math.max(
  ...Object.values(results).map((r) => (r.threads1 as { totalRtf: number }).totalRtf),
);
const pass = worstOneCore < TARGET_RTF_ONE_CORE;
recordBench('default-asr-rtf', {
  heldOutVariant: HELD_OUT_VARIANT,
  rowsPerLanguage: rows,
  gate: `every default model faster than real time on one core (RTF < ${TARGET_RTF_ONE_CORE})`,
  pass,
  loadAverageAtStart: loadStart,
  models: results,
  loadAverageAtEnd: loadavg().map((x) => Math.round(x * 10) / 10),
});
console.log(JSON.stringify(results, null, 2));
console.log(`worst one-core RTF ${worstOneCore}: ${pass ? 'PASS' : 'FAIL'}`);
if (!pass) process.exitCode = 1;
