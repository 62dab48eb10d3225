/**
 * The in-thread baseline of bench/mt.bench.ts, run inside the inference
 * worker (through `call()`, as the translation runner is): ONNX Runtime
 * sessions on the same files with the same thread count; per sentence the
 * encoder once, then `steps` greedy decoder steps feeding the presents back.
 * No tokenizer, no generate(), no logits processors: what the runner adds
 * is what the bench measures.
 */
import { join } from 'node:path';
import { workerData } from 'node:worker_threads';
import type { InferenceSession, Tensor } from 'onnxruntime-common';
import { loadOnnxRuntime } from '../native/workers/ort-loader.js';

export interface RawMtInput {
  dir: string;
  sources: number[][];
  steps: number[];
  start: number;
  layers: number;
  heads: number;
  headDim: number;
}

const sessions = new Map<string, Promise<InferenceSession[]>>();

function open(dir: string): Promise<InferenceSession[]> {
  let p = sessions.get(dir);
  if (!p) {
    p = (async () => {
      const ort = await loadOnnxRuntime();
      const threads = (workerData as { threads?: number }).threads;
      const opts = threads ? { intraOpNumThreads: threads } : {};
      const file = (f: string): string => join(dir, 'onnx', f);
      return Promise.all(
        ['encoder_model.onnx', 'decoder_model_merged.onnx'].map((f) =>
          ort.InferenceSession.create(file(f), opts),
        ),
      );
    })();
    sessions.set(dir, p);
  }
  return p;
}

/**
 * Greedy decoding of every source on raw sessions; returns the milliseconds
 * it took and the ids it generated (the bench checks that they are the
 * engine's, so both sides did the same work).
 */
export async function rawMt(input: RawMtInput): Promise<{ ms: number; tokens: number[][] }> {
  const ort = await loadOnnxRuntime();
  const [encoder, decoder] = await open(input.dir);
  const { layers, heads, headDim } = input;
  const kinds = ['decoder', 'encoder'].flatMap((k) => ['key', 'value'].map((kv) => `${k}.${kv}`));
  const names = Array.from({ length: layers }, (_, i) => kinds.map((k) => `${i}.${k}`)).flat();
  const ids = (v: number[]): Tensor =>
    new ort.Tensor('int64', BigInt64Array.from(v, BigInt), [1, v.length]);
  const tokens: number[][] = [];
  const t0 = performance.now();
  for (let k = 0; k < input.sources.length; k++) {
    const generated: number[] = [];
    const src = input.sources[k];
    const mask = ids(src.map(() => 1));
    const hidden = (await encoder.run({ input_ids: ids(src), attention_mask: mask }))
      .last_hidden_state;
    const empty = new Float32Array(0);
    let past: Record<string, Tensor> = Object.fromEntries(
      names.map((n) => [
        `past_key_values.${n}`,
        new ort.Tensor('float32', empty, [1, heads, 0, headDim]),
      ]),
    );
    let tok = input.start;
    for (let s = 0; s < input.steps[k]; s++) {
      const out = await decoder.run({
        input_ids: ids([tok]),
        encoder_attention_mask: mask,
        encoder_hidden_states: hidden,
        use_cache_branch: new ort.Tensor('bool', Uint8Array.of(s > 0 ? 1 : 0), [1]),
        ...past,
      });
      const logits = out.logits.data as Float32Array;
      let best = 0;
      for (let v = 1; v < logits.length; v++) if (logits[v] > logits[best]) best = v;
      tok = best;
      generated.push(tok);
      past = Object.fromEntries(names.map((n) => [`past_key_values.${n}`, out[`present.${n}`]]));
    }
    tokens.push(generated);
  }
  return { ms: performance.now() - t0, tokens };
}
