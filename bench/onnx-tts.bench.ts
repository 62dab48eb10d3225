/**
 * Overhead of the ONNX TTS runners (Piper, MMS-TTS) over raw inference: for
 * the same text in the same run, the runner's whole `synthesize` (text
 * front end, tokenising, feeds, inference, joining) against `session.run` on
 * the same ids through the inference worker. Models are random-weight ones
 * with the real families' dimensions, built first with the recipes:
 *
 *   /usr/bin/python3 models/recipes/piper_tiny.py --real-dims --out /tmp/bench-piper
 *   /usr/bin/python3 models/recipes/mms_tts_tiny.py --real-dims --out /tmp/bench-mms
 *   npx tsx bench/onnx-tts.bench.ts [--piper DIR] [--mms DIR] [--reps N]
 *
 * Medians over the reps after a warm-up. Writes bench/results/onnx-tts.json;
 * exits 1 if a runner/raw ratio is above 1.10.
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ModelRegistry } from '../native/models/registry.js';
import { EspeakEngine } from '../native/tts/espeak/engine.js';
import { MmsTtsEngine } from '../native/tts/mms/engine.js';
import { PiperEngine } from '../native/tts/piper/engine.js';
import { closeInferenceWorker, getInferenceWorker } from '../native/workers/inference.js';
import { sharedPool } from '../native/workers/shared-pool.js';
import type { WireTensors } from '../native/workers/inference.js';
import { recordBench } from './record.js';

const TARGET_RATIO = 1.1;
const arg = (name: string, dflt: string): string => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : dflt;
};
const reps = Number(arg('--reps', '5'));
const piperDir = arg('--piper', '/tmp/bench-piper');
const mmsDir = arg('--mms', '/tmp/bench-mms');

// One sentence each, so the runner makes exactly one session.run per call.
const TEXT = 'भारत एक विशाल देश है जिसमें अनेक भाषाएँ बोली जाती हैं और सब मिलकर रहते हैं';

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const ms = (x: number): number => Math.round(x * 10) / 10;

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

/** Alternates runner and raw calls so drift hits both alike; returns median ms of each. */
async function compare(
  runner: () => Promise<unknown>,
  raw: () => Promise<unknown>,
): Promise<{ runnerMs: number; rawMs: number }> {
  await runner();
  await raw();
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < reps; i++) {
    a.push(await time(runner));
    b.push(await time(raw));
  }
  return { runnerMs: median(a), rawMs: median(b) };
}

const home = mkdtempSync(join(tmpdir(), 'charkha-bench-tts-'));
const registry = new ModelRegistry({ home });
const worker = getInferenceWorker();
const results: Record<string, unknown> = { reps, text: TEXT, target_ratio: TARGET_RATIO };
let worst = 0;
try {
  cpSync(piperDir, join(home, 'piper-tiny'), { recursive: true });
  cpSync(mmsDir, join(home, 'mms-tts-tiny'), { recursive: true });

  // Piper
  // The runner's own phonemizer (espeak-ng on the shared pool), timed so the
  // text front end's share of the runner's time is on record.
  const espeak = new EspeakEngine(sharedPool());
  const phonemizeMs: number[] = [];
  const piper = new PiperEngine({
    registry,
    phonemize: async (text, opts, run) => {
      const t = performance.now();
      const r = await espeak.phonemize(text, opts, run);
      phonemizeMs.push(performance.now() - t);
      return r;
    },
  });
  const p = await piper.synthesize(TEXT, { voice: 'piper-tiny' });
  if (p.phonemeIds.length !== 1) throw new Error('expected one sentence');
  const ids = p.phonemeIds[0];
  const cfgFile = readdirSync(piperDir).find((f) => f.endsWith('.onnx.json'));
  if (!cfgFile) throw new Error(`no .onnx.json in ${piperDir}`);
  const inf = (
    JSON.parse(readFileSync(join(piperDir, cfgFile), 'utf8')) as {
      inference?: { noise_scale?: number; length_scale?: number; noise_w?: number };
    }
  ).inference;
  const pModel = await registry.open('piper-tiny');
  const pFeeds = (): WireTensors => ({
    input: { type: 'int64', dims: [1, ids.length], data: BigInt64Array.from(ids, BigInt) },
    input_lengths: { type: 'int64', dims: [1], data: BigInt64Array.of(BigInt(ids.length)) },
    scales: {
      type: 'float32',
      dims: [3],
      data: Float32Array.of(inf?.noise_scale ?? 0.667, inf?.length_scale ?? 1, inf?.noise_w ?? 0.8),
    },
  });
  const pr = await compare(
    () => piper.synthesize(TEXT, { voice: 'piper-tiny' }),
    () => worker.run(pModel.sessions.model.id, pFeeds(), ['output']),
  );
  const pRatio = pr.runnerMs / pr.rawMs;
  worst = Math.max(worst, pRatio);
  results.piper = {
    ids: ids.length,
    audio_seconds: Math.round((p.samples.length / p.sampleRate) * 100) / 100,
    runner_ms: ms(pr.runnerMs),
    raw_ms: ms(pr.rawMs),
    phonemize_ms_median_per_call: ms(median(phonemizeMs)),
    phonemize_calls: phonemizeMs.length,
    ratio: Math.round(pRatio * 1000) / 1000,
  };
  await pModel.close();
  await piper.close();

  // MMS-TTS
  const mms = new MmsTtsEngine({ registry });
  const m = await mms.synthesize(TEXT, { voice: 'mms-tts-tiny' });
  if (m.tokenIds.length !== 1) throw new Error('expected one sentence');
  const tok = m.tokenIds[0];
  const mModel = await registry.open('mms-tts-tiny');
  const mSession = mModel.sessions.model;
  const mFeeds = (): WireTensors => {
    const f: WireTensors = {
      input_ids: { type: 'int64', dims: [1, tok.length], data: BigInt64Array.from(tok, BigInt) },
    };
    if (mSession.inputNames.includes('attention_mask'))
      f.attention_mask = {
        type: 'int64',
        dims: [1, tok.length],
        data: new BigInt64Array(tok.length).fill(1n),
      };
    return f;
  };
  const mr = await compare(
    () => mms.synthesize(TEXT, { voice: 'mms-tts-tiny' }),
    () => worker.run(mSession.id, mFeeds(), ['waveform']),
  );
  const mRatio = mr.runnerMs / mr.rawMs;
  worst = Math.max(worst, mRatio);
  results.mms = {
    ids: tok.length,
    audio_seconds: Math.round((m.samples.length / m.sampleRate) * 100) / 100,
    runner_ms: ms(mr.runnerMs),
    raw_ms: ms(mr.rawMs),
    ratio: Math.round(mRatio * 1000) / 1000,
  };
  await mModel.close();
  await mms.close();
} finally {
  await closeInferenceWorker();
  rmSync(home, { recursive: true, force: true });
}

recordBench('onnx-tts', results);
console.log(JSON.stringify(results, null, 2));
if (worst > TARGET_RATIO) {
  console.error(`runner/raw ratio ${worst.toFixed(3)} is above the ${TARGET_RATIO} target`);
  process.exit(1);
}
