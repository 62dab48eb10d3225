/**
 * Overhead of the ONNX TTS runners (Piper, MMS-TTS) over raw inference: for
 * the same text in the same run, the runner's whole `synthesize` (text
 * front end, tokenising, feeds, inference, joining) against `session.run` on
 * the same ids through the inference worker. Models are random-weight ones
 * with the real families' dimensions (a VITS-shaped net: 6-layer text
 * encoder, 4 coupling layers and a HiFi-GAN decoder of initial width 512, as
 * Piper medium and mms-tts-* ship; models/recipes/vits_real_dims.py), so the
 * inference the overhead is set against costs what a real voice's costs.
 * Build them first with the recipes:
 *
 *   /usr/bin/python3 models/recipes/piper_tiny.py --real-dims --out /tmp/bench-piper
 *   /usr/bin/python3 models/recipes/mms_tts_tiny.py --real-dims --out /tmp/bench-mms
 *   npx tsx bench/onnx-tts.bench.ts [--piper DIR] [--mms DIR] [--reps N]
 *
 * The gated Piper runner has no phoneme cache, so every call phonemises
 * (the default runner, which caches, is recorded beside it).
 * Runner and raw calls alternate (which goes first alternates too) so drift
 * and load from other processes hit both alike; the gated figure is the
 * ratio of their medians over the reps after a warm-up, and the median of the
 * per-pair ratios is recorded beside it. A second Piper case speaks several
 * sentences (raw: one session.run per sentence, back to back), where the
 * runner phonemises later sentences while earlier ones are inferred. For
 * Piper the text front end is also timed alone: in this thread (the espeak
 * call itself) and through the pool (plus the round trip), against an empty
 * pool task. Writes bench/results/onnx-tts.json; exits 1 if a runner/raw
 * ratio is above 1.10.
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ModelRegistry } from '../native/models/registry.js';
import { EspeakEngine } from '../native/tts/espeak/engine.js';
import { phonemizeAllInThread } from '../native/tts/espeak/phonemize.js';
import { MmsTtsEngine } from '../native/tts/mms/engine.js';
import { PiperEngine } from '../native/tts/piper/engine.js';
import { closeInferenceWorker, getInferenceWorker } from '../native/workers/inference.js';
import { sharedPool } from '../native/workers/shared-pool.js';
import type { WireTensors } from '../native/workers/inference.js';
import { recordBench } from './record.js';
import { stringArg } from './args.js';
import { median, timeAlternating, timeIt } from './paired-timing.js';

const TARGET_RATIO = 1.1;
const reps = Number(stringArg('--reps', '21'));
const piperDir = stringArg('--piper', '/tmp/bench-piper');
const mmsDir = stringArg('--mms', '/tmp/bench-mms');

// One sentence each, so the runner makes exactly one session.run per call.
const TEXT = 'भारत एक विशाल देश है जिसमें अनेक भाषाएँ बोली जाती हैं और सब मिलकर रहते हैं';
const MULTI = [
  'भारत एक विशाल देश है जिसमें अनेक भाषाएँ बोली जाती हैं।',
  'यहाँ के लोग मिलकर रहते हैं, और त्योहार साथ मनाते हैं।',
  'दिल्ली इसकी राजधानी है।',
  'क्या आप कभी मुंबई गए हैं?',
].join(' ');

const ms = (x: number): number => Math.round(x * 10) / 10;

interface Comparison {
  runnerMs: number;
  rawMs: number;
  /** Median of runner/raw over the interleaved pairs. */
  pairRatio: number;
}

/** Alternates runner and raw calls so drift hits both alike; returns median ms of each. */
async function compare(
  runner: () => Promise<unknown>,
  raw: () => Promise<unknown>,
): Promise<Comparison> {
  await runner();
  await raw();
  const { aMs: a, bMs: b } = await timeAlternating(reps, runner, raw);
  return { runnerMs: median(a), rawMs: median(b), pairRatio: median(a.map((x, i) => x / b[i])) };
}

async function medianMs(fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const xs: number[] = [];
  for (let i = 0; i < reps; i++) xs.push(await timeIt(fn));
  return ms(median(xs));
}

const r3 = (x: number): number => Math.round(x * 1000) / 1000;

const home = mkdtempSync(join(tmpdir(), 'charkha-bench-tts-'));
const registry = new ModelRegistry({ home });
const worker = getInferenceWorker();
// Other processes on a small machine move every figure: their load is recorded too.
const load = (): number[] => loadavg().map((x) => Math.round(x * 10) / 10);
const results: Record<string, unknown> = {
  reps,
  text: TEXT,
  target_ratio: TARGET_RATIO,
  load_average_1_5_15_at_start: load(),
};
let worst = 0;
try {
  cpSync(piperDir, join(home, 'piper-tiny'), { recursive: true });
  cpSync(mmsDir, join(home, 'mms-tts-tiny'), { recursive: true });

  // Piper
  // The runner's own phonemizer (espeak-ng on the shared pool), timed so the
  // text front end's share of the runner's time is on record.
  const espeak = new EspeakEngine(sharedPool());
  const phonemizeMs: number[] = [];
  // No phoneme cache: the same text every call would make the front end a
  // lookup; the runner with its cache is timed separately below.
  const piper = new PiperEngine({
    registry,
    phonemeCache: 0,
    phonemize: async (texts, opts, run) => {
      const t = performance.now();
      const r = await espeak.phonemizeAll(texts, opts, run);
      phonemizeMs.push(performance.now() - t);
      return r;
    },
  });
  const p = await piper.synthesize(TEXT, { voice: 'piper-tiny' });
  if (p.phonemeIds.length !== 1) throw new Error('expected one sentence');
  const cfgFile = readdirSync(piperDir).find((f) => f.endsWith('.onnx.json'));
  if (!cfgFile) throw new Error(`no .onnx.json in ${piperDir}`);
  const inf = (
    JSON.parse(readFileSync(join(piperDir, cfgFile), 'utf8')) as {
      inference?: { noise_scale?: number; length_scale?: number; noise_w?: number };
    }
  ).inference;
  const pModel = await registry.open('piper-tiny');
  const pFeeds = (ids: number[]): WireTensors => ({
    input: { type: 'int64', dims: [1, ids.length], data: BigInt64Array.from(ids, BigInt) },
    input_lengths: { type: 'int64', dims: [1], data: BigInt64Array.of(BigInt(ids.length)) },
    scales: {
      type: 'float32',
      dims: [3],
      data: Float32Array.of(inf?.noise_scale ?? 0.667, inf?.length_scale ?? 1, inf?.noise_w ?? 0.8),
    },
  });
  const pRaw = (ids: number[]) => () =>
    worker.run(pModel.sessions.model.id, pFeeds(ids), ['output']);
  const pr = await compare(
    () => piper.synthesize(TEXT, { voice: 'piper-tiny' }),
    pRaw(p.phonemeIds[0]),
  );
  const pRatio = pr.runnerMs / pr.rawMs;
  worst = Math.max(worst, pRatio);
  const onePhonemize = ms(median(phonemizeMs));

  // Where the front end's time goes: the espeak call in this thread, the same
  // through the pool, and the pool's round trip for a task that does nothing.
  const espeakOpts = { voice: 'hi', ipa: true };
  const inThreadMs = await medianMs(() => phonemizeAllInThread([TEXT], espeakOpts));
  const poolMs = await medianMs(() => espeak.phonemizeAll([TEXT], espeakOpts));
  const roundTripMs = await medianMs(() => espeak.variants());

  const multi = await piper.synthesize(MULTI, { voice: 'piper-tiny' });
  if (multi.phonemeIds.length !== 4) throw new Error('expected four sentences');
  const mp = await compare(
    () => piper.synthesize(MULTI, { voice: 'piper-tiny' }),
    async () => {
      for (const ids of multi.phonemeIds) await pRaw(ids)();
    },
  );
  const mpRatio = mp.runnerMs / mp.rawMs;
  worst = Math.max(worst, mpRatio);

  // The default runner (phonemes cached per clause) on a text it has spoken: recorded, not gated.
  const cached = new PiperEngine({ registry });
  const pc = await compare(
    () => cached.synthesize(TEXT, { voice: 'piper-tiny' }),
    pRaw(p.phonemeIds[0]),
  );
  await cached.close();
  results.piper = {
    ids: p.phonemeIds[0].length,
    audio_seconds: Math.round((p.samples.length / p.sampleRate) * 100) / 100,
    runner_ms: ms(pr.runnerMs),
    raw_ms: ms(pr.rawMs),
    ratio: r3(pRatio),
    pair_ratio_median: r3(pr.pairRatio),
    phonemize_ms_median_per_call: onePhonemize,
    cached_phonemes: {
      runner_ms: ms(pc.runnerMs),
      raw_ms: ms(pc.rawMs),
      ratio: r3(pc.runnerMs / pc.rawMs),
    },
    front_end_ms: {
      espeak_in_thread: inThreadMs,
      through_pool: poolMs,
      empty_pool_task: roundTripMs,
    },
  };
  results.piper_4_sentences = {
    ids: multi.phonemeIds.map((x) => x.length),
    audio_seconds: Math.round((multi.samples.length / multi.sampleRate) * 100) / 100,
    runner_ms: ms(mp.runnerMs),
    raw_ms: ms(mp.rawMs),
    ratio: r3(mpRatio),
    pair_ratio_median: r3(mp.pairRatio),
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
    ratio: r3(mRatio),
    pair_ratio_median: r3(mr.pairRatio),
  };
  await mModel.close();
  await mms.close();
} finally {
  await closeInferenceWorker();
  rmSync(home, { recursive: true, force: true });
}

results.load_average_1_5_15_at_end = load();
recordBench('onnx-tts', results);
console.log(JSON.stringify(results, null, 2));
if (worst > TARGET_RATIO) {
  console.error(`runner/raw ratio ${worst.toFixed(3)} is above the ${TARGET_RATIO} target`);
  process.exit(1);
}
