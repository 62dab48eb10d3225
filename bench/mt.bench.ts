/**
 * Translation runner overhead: sentences per second through the seq2seq
 * engine (transformers.js pipeline in the inference worker: tokenising,
 * generate(), logits processors, decoding) against raw `session.run` on the
 * same ids with the same number of greedy decoder steps (encoder once, then
 * one step at a time feeding the presents back) inside the worker thread
 * (bench/mt-raw.ts); the same loop through the worker's tensor API (a
 * thread round trip per step) is recorded beside it. The model is a
 * random-weight Marian at opus-mt dimensions (d_model 512, 8 heads, 6
 * encoder and 6 decoder layers, ffn 2048, 61,950-token vocabulary) with the
 * fixture's copy path, so both sides decode exactly the source length; the
 * bench checks that raw greedy decoding generated the engine's very ids
 * (same steps, same work) before it times anything. Build it first:
 *
 *   /usr/bin/python3 models/recipes/marian_tiny.py --real-dims --out /tmp/marian-real
 *   npx tsx bench/mt.bench.ts [--model DIR] [--reps N]
 *
 * Engine and raw passes alternate so load from other processes hits both
 * alike; the gated figure is the ratio of their median times over the reps.
 *
 * With `--it2 DIR` (an IndicTrans2 export at real dimensions:
 * `/usr/bin/python3 models/recipes/indictrans2_tiny.py --real-dims --out /tmp/it2-real`)
 * the IndicTrans2 engine is measured the same way against raw session runs
 * through the tensor API (bench/mt-it2.ts) and gated on the same ratio.
 * Writes bench/results/mt.json; exits 1 if an engine/raw ratio is above 1.25.
 */
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ModelRegistry } from '../native/models/registry.js';
import { openMtEngine } from '../native/mt/open.js';
import type { Seq2SeqMtEngine } from '../native/mt/seq2seq.js';
import { closeInferenceWorker, getInferenceWorker } from '../native/workers/inference.js';
import type { WireTensor, WireTensors } from '../native/workers/inference.js';
import { siblingModule } from '../native/workers/spawn-worker.js';
import { benchIndicTrans2 } from './mt-it2.js';
import type { RawMtInput } from './mt-raw.js';
import { assertSameTokens, median, timeAlternating, timeIt } from './paired-timing.js';
import { recordBench } from './record.js';
import { stringArg } from './args.js';

const TARGET_RATIO = 1.25;
const reps = Number(stringArg('--reps', '5'));
const modelDir = stringArg('--model', '/tmp/marian-real');
const it2Dir = stringArg('--it2', '');
const SENTENCES = [
  'Pay ZX0 to ZX1 by Friday.',
  'My salary is ZX0 every month.',
  'Deliver it to ZX0, ZX1.',
  'Call me at ZX0 after lunch.',
  'ZX0 sent the order from ZX1.',
  'The rent is due on the first.',
  'Book two tickets to ZX0.',
  'Your OTP is ZX0.',
];

const load = (): number[] => loadavg().map((x) => Math.round(x * 10) / 10);

const home = mkdtempSync(join(tmpdir(), 'charkha-bench-mt-'));
cpSync(modelDir, join(home, 'marian'), { recursive: true });
const registry = new ModelRegistry({ home, bundled: [] });
const worker = getInferenceWorker();
const results: Record<string, unknown> = {
  reps,
  sentences: SENTENCES.length,
  target_ratio: TARGET_RATIO,
  load_average_1_5_15_at_start: load(),
};
let ratio = 0;
let it2Ratio = 0;
try {
  const id = 'marian-mt-tiny-fixture';
  const engine = (await openMtEngine(id, { registry })) as Seq2SeqMtEngine;
  const model = await registry.open(id);
  const enc = model.sessions.encoder;
  const dec = model.sessions.decoder;
  const cfg = JSON.parse(readFileSync(join(home, 'marian', 'config.json'), 'utf8')) as {
    encoder_layers: number;
    decoder_ffn_dim: number;
    vocab_size: number;
    decoder_layers: number;
    decoder_attention_heads: number;
    d_model: number;
    decoder_start_token_id: number;
  };
  const layers = cfg.decoder_layers;
  const heads = cfg.decoder_attention_heads;
  const headDim = cfg.d_model / heads;
  const names = Array.from({ length: layers }, (_, i) =>
    ['decoder', 'encoder'].flatMap((k) => ['key', 'value'].map((kv) => `${i}.${k}.${kv}`)),
  ).flat();
  const i64 = (v: number[]): WireTensor => ({
    type: 'int64',
    dims: [1, v.length],
    data: BigInt64Array.from(v, BigInt),
  });

  const first = await engine.run(SENTENCES, 'en', 'hi', { batchSize: 1 });
  const steps = first.tokens.map((t) => t.length);

  /** Greedy decoding of one sentence on raw sessions: `n` decoder steps. */
  async function raw(ids: number[], n: number): Promise<void> {
    const mask = i64(ids.map(() => 1));
    const hidden = (
      await worker.run(enc.id, { input_ids: i64(ids), attention_mask: mask }, undefined, {
        copyInputs: true,
      })
    ).last_hidden_state;
    let past: WireTensors = Object.fromEntries(
      names.map((nm) => [
        `past_key_values.${nm}`,
        { type: 'float32', dims: [1, heads, 0, headDim], data: new Float32Array(0) } as WireTensor,
      ]),
    );
    let tok = cfg.decoder_start_token_id;
    for (let s = 0; s < n; s++) {
      const out = await worker.run(
        dec.id,
        {
          input_ids: i64([tok]),
          encoder_attention_mask: mask,
          encoder_hidden_states: hidden,
          use_cache_branch: { type: 'bool', dims: [1], data: Uint8Array.of(s > 0 ? 1 : 0) },
          ...past,
        },
        undefined,
        { copyInputs: true },
      );
      const logits = out.logits.data as Float32Array;
      let best = 0;
      for (let v = 1; v < logits.length; v++) if (logits[v] > logits[best]) best = v;
      tok = best;
      past = Object.fromEntries(names.map((nm) => [`past_key_values.${nm}`, out[`present.${nm}`]]));
    }
  }

  const runEngine = () => engine.run(SENTENCES, 'en', 'hi', { batchSize: 1 });
  // Through the worker's tensor API (a thread round trip and cache copies per step)…
  const runRawApi = async () => {
    for (let i = 0; i < SENTENCES.length; i++) await raw(first.sourceIds[i], steps[i]);
  };
  // …and inside the worker thread, as the runner itself runs: the gated baseline.
  const rawModule = siblingModule('./mt-raw.js', import.meta.url);
  const rawInput: RawMtInput = {
    dir: join(home, 'marian'),
    sources: first.sourceIds,
    steps,
    start: cfg.decoder_start_token_id,
    layers,
    heads,
    headDim,
  };
  const runRaw = () =>
    worker.call<RawMtInput, { ms: number; tokens: number[][] }>(rawModule, 'rawMt', rawInput);
  assertSameTokens((await runRaw()).tokens, first.tokens);
  const { aMs: engineMs, bMs: rawMs } = await timeAlternating(reps, runEngine, runRaw);
  const apiMs = await timeIt(runRawApi);
  const e = median(engineMs);
  const w = median(rawMs);
  ratio = e / w;
  const batched = await timeIt(() => engine.run(SENTENCES, 'en', 'hi', { batchSize: 8 }));
  Object.assign(results, {
    model: {
      d_model: cfg.d_model,
      heads: cfg.decoder_attention_heads,
      encoder_layers: cfg.encoder_layers,
      decoder_layers: cfg.decoder_layers,
      ffn: cfg.decoder_ffn_dim,
      vocab: cfg.vocab_size,
    },
    decoder_steps: steps.reduce((a, b) => a + b, 0),
    engine_ms: Math.round(e),
    raw_ms: Math.round(w),
    engine_sentences_per_s: Math.round((SENTENCES.length / e) * 1000 * 10) / 10,
    raw_sentences_per_s: Math.round((SENTENCES.length / w) * 1000 * 10) / 10,
    engine_over_raw: Math.round(ratio * 1000) / 1000,
    raw_tensor_api_sentences_per_s: Math.round((SENTENCES.length / apiMs) * 1000 * 10) / 10,
    engine_batch8_sentences_per_s: Math.round((SENTENCES.length / batched) * 1000 * 10) / 10,
    load_average_1_5_15_at_end: load(),
  });
  await model.close();
  await engine.close();
  if (it2Dir !== '') {
    const it2 = await benchIndicTrans2(it2Dir, SENTENCES, reps);
    it2Ratio = it2.ratio;
    results.indictrans2 = it2.results;
  }
} finally {
  await closeInferenceWorker();
}
recordBench('mt', results);
console.log(JSON.stringify(results, null, 2));
if (!(ratio <= TARGET_RATIO)) {
  console.error(`engine/raw ${ratio.toFixed(3)} is above ${TARGET_RATIO}`);
  process.exitCode = 1;
}
if (it2Dir !== '' && !(it2Ratio <= TARGET_RATIO)) {
  console.error(`IndicTrans2 engine/raw ${it2Ratio.toFixed(3)} is above ${TARGET_RATIO}`);
  process.exitCode = 1;
}
