/**
 * Overhead of the CTC recognisers over raw inference: for the same 10 s of
 * audio in the same run, the whole `openAsrEngine(...).transcribe` (input
 * checks, normalisation or the NeMo log-mel front end, inference, greedy
 * decoding) against `session.run` on the model-ready tensor through the
 * inference worker; and the NeMo mel front end's time as a share of the
 * encoder's (the real-dims NeMo model has a Conformer-L sized encoder). Models are random-weight ones with the real families'
 * dimensions, built first with the recipes:
 *
 *   /usr/bin/python3 models/recipes/wav2vec2_ctc_tiny.py --real-dims --out bench/.work/w2v-real
 *   /usr/bin/python3 models/recipes/nemo_ctc_tiny.py --real-dims --out bench/.work/nemo-real
 *   npx tsx bench/asr-ctc.bench.ts [--w2v DIR] [--nemo DIR] [--reps N]
 *
 * Medians over the reps after a warm-up. Writes bench/results/asr-ctc.json;
 * exits 1 if a pipeline/raw wall-time ratio is above 1.15 or the mel front
 * end's CPU time is above 5% of the encoder's.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NemoCtcEngine } from '../native/asr/nemo.js';
import { logMelFeatures } from '../native/asr/nemo-mel.js';
import { openAsrEngine } from '../native/asr/open.js';
import { Wav2Vec2CtcEngine, zeroMeanUnitVariance } from '../native/asr/wav2vec2.js';
import type { AsrEngine } from '../native/asr/engine.js';
import { ModelRegistry } from '../native/models/registry.js';
import { closeInferenceWorker, getInferenceWorker } from '../native/workers/inference.js';
import { recordBench } from './record.js';
import { stringArg } from './args.js';

const TARGET_RATIO = 1.15;
const TARGET_MEL_SHARE = 0.05;
const SECONDS = 10;
const RATE = 16000;
const reps = Number(stringArg('--reps', '7'));
const w2vDir = stringArg('--w2v', 'bench/.work/w2v-real');
const nemoDir = stringArg('--nemo', 'bench/.work/nemo-real');

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const ms = (x: number): number => Math.round(x * 100) / 100;

interface Timing {
  wall: number;
  /** CPU time of the whole process (the inference worker's threads included). */
  cpu: number;
}

async function time(fn: () => unknown): Promise<Timing> {
  const c = process.cpuUsage();
  const t = performance.now();
  await fn();
  const wall = performance.now() - t;
  const used = process.cpuUsage(c);
  return { wall, cpu: (used.user + used.system) / 1000 };
}

/** Alternates the calls so drift hits all alike; returns the median wall and CPU ms of each. */
async function compare(fns: Record<string, () => unknown>): Promise<Record<string, Timing>> {
  for (const fn of Object.values(fns)) await fn();
  const runs: Record<string, Timing[]> = Object.fromEntries(Object.keys(fns).map((k) => [k, []]));
  for (let i = 0; i < reps; i++) {
    for (const [k, fn] of Object.entries(fns)) runs[k].push(await time(fn));
  }
  return Object.fromEntries(
    Object.entries(runs).map(([k, v]) => [
      k,
      { wall: median(v.map((x) => x.wall)), cpu: median(v.map((x) => x.cpu)) },
    ]),
  );
}

/** Speech-like test audio: a gliding voiced tone with formant-ish partials and syllable envelopes. */
function testAudio(): Float32Array {
  const x = new Float32Array(SECONDS * RATE);
  let phase = 0;
  for (let i = 0; i < x.length; i++) {
    const t = i / RATE;
    phase += (2 * Math.PI * (120 + 30 * Math.sin(2 * Math.PI * 0.7 * t))) / RATE;
    const env = Math.max(0, Math.sin(2 * Math.PI * 2.5 * t)) ** 2;
    x[i] = env * (0.3 * Math.sin(phase) + 0.15 * Math.sin(5 * phase) + 0.08 * Math.sin(19 * phase));
  }
  return x;
}

const home = mkdtempSync(join(tmpdir(), 'charkha-bench-asr-'));
const registry = new ModelRegistry({ home });
const worker = getInferenceWorker();
const audio = { samples: testAudio(), sampleRate: RATE };
const results: Record<string, unknown> = {
  reps,
  audio_seconds: SECONDS,
  target_ratio: TARGET_RATIO,
  target_mel_share: TARGET_MEL_SHARE,
  inference_threads: worker.threads,
};
const failures: string[] = [];
const engines: AsrEngine[] = [];
try {
  cpSync(w2vDir, join(home, 'wav2vec2-ctc-tiny'), { recursive: true });
  cpSync(nemoDir, join(home, 'nemo-ctc-tiny'), { recursive: true });

  // wav2vec2
  const w2v = await openAsrEngine('wav2vec2-ctc-tiny', { registry });
  engines.push(w2v);
  if (!(w2v instanceof Wav2Vec2CtcEngine)) throw new Error('expected a wav2vec2 engine');
  const w2vInput = zeroMeanUnitVariance(audio.samples);
  const w2vSession = (await registry.open('wav2vec2-ctc-tiny')).sessions.model.id;
  const w = await compare({
    pipeline: () => w2v.transcribe(audio, { language: 'hi' }),
    raw: () =>
      worker.run(
        w2vSession,
        { input_values: { type: 'float32', dims: [1, w2vInput.length], data: w2vInput } },
        ['logits'],
        { copyInputs: true },
      ),
  });
  const wRatio = w.pipeline.wall / w.raw.wall;
  if (wRatio > TARGET_RATIO) failures.push(`wav2vec2 pipeline/raw ${wRatio.toFixed(3)}`);
  results.wav2vec2 = {
    pipeline_ms: ms(w.pipeline.wall),
    raw_ms: ms(w.raw.wall),
    ratio: Math.round(wRatio * 1000) / 1000,
  };

  // NeMo
  const nemo = await openAsrEngine('nemo-ctc-tiny', { registry });
  engines.push(nemo);
  if (!(nemo instanceof NemoCtcEngine)) throw new Error('expected a NeMo engine');
  const feats = logMelFeatures(audio.samples, nemo.mel);
  const nemoSession = (await registry.open('nemo-ctc-tiny')).sessions.model.id;
  const n = await compare({
    pipeline: () => nemo.transcribe(audio, { language: 'hi' }),
    raw: () =>
      worker.run(
        nemoSession,
        {
          audio_signal: {
            type: 'float32',
            dims: [1, nemo.mel.nMels, feats.frames],
            data: feats.data,
          },
          length: { type: 'int64', dims: [1], data: BigInt64Array.of(BigInt(feats.frames)) },
        },
        ['logprobs'],
        { copyInputs: true },
      ),
  });
  // Timed apart from the runs: ONNX Runtime's pool threads spin for a while
  // after each run, and on two cores that would bill their spinning to the mel.
  Object.assign(n, await compare({ mel: () => logMelFeatures(audio.samples, nemo.mel) }));
  const nRatio = n.pipeline.wall / n.raw.wall;
  // Gated on CPU time: the mel runs on one core, the encoder on the worker's
  // threads, and on a shared machine wall time mostly measures waiting.
  const melShare = n.mel.cpu / n.raw.cpu;
  if (nRatio > TARGET_RATIO) failures.push(`NeMo pipeline/raw ${nRatio.toFixed(3)}`);
  if (melShare > TARGET_MEL_SHARE) failures.push(`NeMo mel/encoder ${melShare.toFixed(3)}`);
  results.nemo = {
    mel_frames: feats.frames,
    pipeline_ms: ms(n.pipeline.wall),
    raw_ms: ms(n.raw.wall),
    mel_ms: ms(n.mel.wall),
    ratio: Math.round(nRatio * 1000) / 1000,
    mel_cpu_ms: ms(n.mel.cpu),
    encoder_cpu_ms: ms(n.raw.cpu),
    mel_share_of_encoder_cpu: Math.round(melShare * 1000) / 1000,
    mel_share_of_encoder_wall: Math.round((n.mel.wall / n.raw.wall) * 1000) / 1000,
  };
} finally {
  for (const e of engines) await e.close();
  await closeInferenceWorker();
  rmSync(home, { recursive: true, force: true });
}

recordBench('asr-ctc', results);
console.log(JSON.stringify(results, null, 2));
if (failures.length > 0) {
  console.error(`above target: ${failures.join('; ')}`);
  process.exit(1);
}
