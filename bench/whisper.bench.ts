/**
 * Overhead of the Whisper runner (transformers.js pipeline in the inference
 * worker) over raw ONNX Runtime: for the same audio in one run, the engine's
 * whole `transcribe` (resampling check, features, encoder, greedy decoding
 * with Whisper's timestamp rules and the script mask, detokenising,
 * segments) against `session.run` of the encoder plus the same number of
 * decoder steps (bench/whisper-raw.ts, also inside the inference worker).
 * The model has whisper-tiny's dimensions (51865-token vocabulary) and random
 * weights, built first with the recipe:
 *
 *   /usr/bin/python3 models/recipes/whisper_tiny.py --real-dims --out bench/.work/whisper-real
 *   npx tsx bench/whisper.bench.ts [--model DIR] [--reps N] [--steps N]
 *
 * Runner and raw calls alternate (which goes first alternates too); the gated
 * figure is the ratio of their medians over the reps after a warm-up, with
 * the script mask on (the default for Hindi), and the per-pair median is
 * recorded beside it. The mask's own cost is recorded per decoder step (time
 * inside the logits processor), with the one-off cost of building it.
 * Writes bench/results/whisper.json; exits 1 if the ratio is above 1.30.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openWhisperEngine } from '../native/asr/whisper.js';
import type { WhisperEngine } from '../native/asr/whisper.js';
import type { WhisperRunOutput } from '../native/asr/whisper-runner.js';
import { ModelRegistry } from '../native/models/registry.js';
import { closeInferenceWorker, getInferenceWorker } from '../native/workers/inference.js';
import { siblingModule } from '../native/workers/spawn-worker.js';
import { recordBench } from './record.js';
import type { RawWhisperInput } from './whisper-raw.js';
import { stringArg } from './args.js';

const TARGET_RATIO = 1.3;
const reps = Number(stringArg('--reps', '5'));
/** Decoder steps per window: about what 10 s of speech takes (random weights never stop by themselves). */
const maxNewTokens = Number(stringArg('--steps', '48'));
const modelDir = stringArg('--model', join(import.meta.dirname, '.work', 'whisper-real'));
const SECONDS = 10;
const LANGUAGE = 'hi';

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const ms = (x: number): number => Math.round(x * 10) / 10;
const r3 = (x: number): number => Math.round(x * 1000) / 1000;

const audio = new Float32Array(SECONDS * 16000);
for (let i = 0; i < audio.length; i++) {
  audio[i] = 0.3 * Math.sin((2 * Math.PI * 440 * i) / 16000) + 0.05 * Math.sin(i * 0.37);
}

const home = mkdtempSync(join(tmpdir(), 'charkha-bench-whisper-'));
const results: Record<string, unknown> = {
  reps,
  audio_seconds: SECONDS,
  language: LANGUAGE,
  target_ratio: TARGET_RATIO,
};
let ratio = Infinity;
try {
  cpSync(modelDir, join(home, 'whisper-real'), { recursive: true });
  const registry = new ModelRegistry({ home });
  // The registry also lists Charkha's bundled models: take the one copied in.
  const entry = (await registry.list()).models.find((m) => m.origin === 'home');
  if (!entry) throw new Error(`${home}: the real-dimension Whisper model did not register`);
  const engine = (await openWhisperEngine(
    entry,
    await registry.open(entry.id),
    registry,
  )) as WhisperEngine;
  const config = JSON.parse(readFileSync(join(modelDir, 'config.json'), 'utf8')) as {
    d_model: number;
    decoder_layers: number;
    decoder_attention_heads: number;
    vocab_size: number;
  };
  const gen = JSON.parse(readFileSync(join(modelDir, 'generation_config.json'), 'utf8')) as {
    decoder_start_token_id: number;
    lang_to_id: Record<string, number>;
    task_to_id: Record<string, number>;
  };
  const worker = getInferenceWorker();
  const rawModule = siblingModule('./whisper-raw.js', import.meta.url);
  const raw = (steps: number) => (): Promise<unknown> =>
    worker.call<RawWhisperInput, { ms: number }>(rawModule, 'rawWhisper', {
      dir: join(home, 'whisper-real'),
      prompt: [
        gen.decoder_start_token_id,
        gen.lang_to_id[`<|${LANGUAGE}|>`],
        gen.task_to_id.transcribe,
      ],
      steps,
      layers: config.decoder_layers,
      heads: config.decoder_attention_heads,
      headDim: config.d_model / config.decoder_attention_heads,
    });

  const maskStats = await worker.call<unknown, { banned: number; vocab: number; buildMs: number }>(
    siblingModule('../native/asr/whisper-runner.js', import.meta.url),
    'whisperMaskStats',
    {
      dir: join(home, 'whisper-real'),
      dtype: { encoder_model: 'fp32', decoder_model_merged: 'fp32' },
      language: LANGUAGE,
    },
  );

  const outs: WhisperRunOutput[] = [];
  const runner = async (constrained: boolean): Promise<void> => {
    outs.push(await engine.run(audio, LANGUAGE, { scriptConstrained: constrained, maxNewTokens }));
  };
  // Warm-up, and the step count the raw loop must match.
  await runner(true);
  const steps = outs[0].steps;
  await raw(steps)();

  const time = async (fn: () => Promise<unknown>): Promise<number> => {
    const t = performance.now();
    await fn();
    return performance.now() - t;
  };
  const a: number[] = [];
  const b: number[] = [];
  const free: number[] = [];
  for (let i = 0; i < reps; i++) {
    const pair = [() => time(() => runner(true)), () => time(raw(steps))];
    if (i % 2 === 1) pair.reverse();
    const [x, y] = [await pair[0](), await pair[1]()];
    a.push(i % 2 === 0 ? x : y);
    b.push(i % 2 === 0 ? y : x);
    free.push(await time(() => runner(false)));
  }
  const constrained = outs.filter((_, i) => i === 0 || i % 2 === 1);
  if (constrained.some((o) => o.steps !== steps))
    throw new Error('step counts differ between runs');
  // The warm-up run builds the masks for pending sequences; the timed runs reuse them.
  const maskMs = constrained.slice(1).map((o) => (o.maskMs / o.steps) * 1000);
  ratio = median(a) / median(b);
  results.model = {
    d_model: config.d_model,
    decoder_layers: config.decoder_layers,
    vocab: config.vocab_size,
  };
  results.decoder_steps = steps;
  results.inference_threads = worker.threads;
  results.load_average_1min = Math.round(loadavg()[0] * 10) / 10;
  results.windows = outs[0].tokens.length;
  results.runner_ms = ms(median(a));
  results.raw_ms = ms(median(b));
  results.ratio = r3(ratio);
  results.pair_ratio_median = r3(median(a.map((x, i) => x / b[i])));
  results.runner_unconstrained_ms = ms(median(free));
  results.mask = {
    banned_tokens: maskStats.banned,
    vocab: maskStats.vocab,
    build_ms: ms(maskStats.buildMs),
    first_run_ms_incl_pending_masks: ms(outs[0].maskMs),
    us_per_step_median: Math.round(median(maskMs) * 10) / 10,
  };
  await engine.close();
} finally {
  await closeInferenceWorker();
  rmSync(home, { recursive: true, force: true });
}

recordBench('whisper', results);
console.log(JSON.stringify(results, null, 2));
if (!(ratio <= TARGET_RATIO)) {
  console.error(`runner/raw ratio ${ratio.toFixed(3)} is above the ${TARGET_RATIO} target`);
  process.exit(1);
}
