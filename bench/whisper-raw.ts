/**
 * The baseline of bench/whisper.bench.ts, run inside the inference worker
 * (through `call()`, as the Whisper runner is): ONNX Runtime sessions on the
 * same files with the same thread count, the encoder once, then `steps`
 * decoder runs (the prompt without cache, then one token at a time feeding
 * the presents back) with greedy argmax. No features, no tokenizer, no
 * logits processors: what the runner adds is what the bench measures.
 */
import { join } from 'node:path';
import { workerData } from 'node:worker_threads';
import type { InferenceSession, Tensor } from 'onnxruntime-common';
import { loadOnnxRuntime } from '../native/workers/ort-loader.js';

export interface RawWhisperInput {
  dir: string;
  prompt: number[];
  steps: number;
  layers: number;
  heads: number;
  headDim: number;
}

const sessions = new Map<string, Promise<[InferenceSession, InferenceSession]>>();

function open(dir: string): Promise<[InferenceSession, InferenceSession]> {
  let p = sessions.get(dir);
  if (!p) {
    p = (async () => {
      const ort = await loadOnnxRuntime();
      const threads = (workerData as { threads?: number }).threads;
      const opts = threads ? { intraOpNumThreads: threads } : {};
      return Promise.all([
        ort.InferenceSession.create(join(dir, 'onnx', 'encoder_model.onnx'), opts),
        ort.InferenceSession.create(join(dir, 'onnx', 'decoder_model_merged.onnx'), opts),
      ]);
    })();
    sessions.set(dir, p);
  }
  return p;
}

/** Runs encoder + `steps` decoder steps; returns the milliseconds the runs took. */
export async function rawWhisper(input: RawWhisperInput): Promise<{ ms: number }> {
  const ort = await loadOnnxRuntime();
  const [encoder, decoder] = await open(input.dir);
  const { layers, heads, headDim } = input;
  const t0 = performance.now();
  const feats = new ort.Tensor('float32', new Float32Array(80 * 3000).fill(-0.5), [1, 80, 3000]);
  const hidden = (await encoder.run({ input_features: feats })).last_hidden_state;
  const names: string[] = [];
  for (let i = 0; i < layers; i++)
    for (const k of ['decoder', 'encoder'])
      for (const kv of ['key', 'value']) names.push(`${i}.${k}.${kv}`);
  let past: Record<string, Tensor> = Object.fromEntries(
    names.map((n) => [
      `past_key_values.${n}`,
      new ort.Tensor('float32', new Float32Array(0), [1, heads, 0, headDim]),
    ]),
  );
  let ids = input.prompt;
  for (let s = 0; s < input.steps; s++) {
    const out = await decoder.run({
      input_ids: new ort.Tensor('int64', BigInt64Array.from(ids, BigInt), [1, ids.length]),
      encoder_hidden_states: hidden,
      use_cache_branch: new ort.Tensor('bool', Uint8Array.of(s > 0 ? 1 : 0), [1]),
      ...past,
    });
    const logits = out.logits.data as Float32Array;
    const vocab = out.logits.dims[2];
    let best = 0;
    for (let i = logits.length - vocab + 1, j = 1; j < vocab; i++, j++)
      if (logits[i] > logits[logits.length - vocab + best]) best = j;
    ids = [best];
    past = Object.fromEntries(names.map((n) => [`past_key_values.${n}`, out[`present.${n}`]]));
  }
  return { ms: performance.now() - t0 };
}
