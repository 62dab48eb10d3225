/**
 * The Whisper fixture in its transformers.js layout: the registry opens both
 * ONNX files with their signatures checked, the encoder and a merged-decoder
 * pass without cache and one cached step reproduce the recipe's outputs.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { openModelDir } from '../../../native/models/registry.js';
import { closeInferenceWorker, getInferenceWorker } from '../../../native/workers/inference.js';
import type { WireTensor, WireTensors } from '../../../native/workers/inference.js';
import { fixtureDir } from './fixtures.js';
import { expectGolden } from './golden.js';
import type { GoldenStats } from './golden.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

afterAll(async () => {
  await closeInferenceWorker();
});

interface WhisperGolden {
  tolerance: { abs: number };
  encoder: { output: GoldenStats };
  decoder: {
    heads: number;
    headDim: number;
    layers: number;
    first: { input_ids: number[]; output: GoldenStats; argmaxLast: number };
    second: { input_ids: number[]; output: GoldenStats; presentDecoderLength: number };
  };
}

describe('whisper-tiny fixture', () => {
  it('encoder and merged decoder (with and without cache) reproduce the golden outputs', async () => {
    const dir = fixtureDir('whisper-tiny');
    const g = JSON.parse(readFileSync(join(dir, 'golden.json'), 'utf8')) as WhisperGolden;
    const model = await openModelDir(dir);
    const w = getInferenceWorker();
    try {
      expect(Object.keys(model.sessions).sort()).toEqual(['decoder', 'encoder']);
      const feats = new Float32Array(80 * 3000);
      for (let i = 0; i < feats.length; i++) feats[i] = Math.sin(i * 0.001);
      const enc = await w.run(model.sessions.encoder.id, {
        input_features: { type: 'float32', dims: [1, 80, 3000], data: feats },
      });
      const hidden = enc.last_hidden_state;
      expectGolden(hidden.data as Float32Array, hidden.dims, g.encoder.output, g.tolerance.abs);

      const { heads, headDim, layers } = g.decoder;
      const names = (prefix: string): string[] =>
        Array.from({ length: layers }, (_, i) =>
          ['decoder', 'encoder'].flatMap((k) => ['key', 'value'].map((kv) => `${prefix}.${i}.${k}.${kv}`)),
        ).flat();
      const ids = (v: number[]): WireTensor => ({
        type: 'int64',
        dims: [1, v.length],
        data: BigInt64Array.from(v, BigInt),
      });
      const feeds1: WireTensors = {
        input_ids: ids(g.decoder.first.input_ids),
        encoder_hidden_states: hidden,
        use_cache_branch: { type: 'bool', dims: [1], data: Uint8Array.of(0) },
      };
      for (const n of names('past_key_values'))
        feeds1[n] = { type: 'float32', dims: [1, heads, 0, headDim], data: new Float32Array(0) };
      const out1 = await w.run(model.sessions.decoder.id, feeds1, undefined, { copyInputs: true });
      const logits1 = out1.logits.data as Float32Array;
      expectGolden(logits1, out1.logits.dims, g.decoder.first.output, g.tolerance.abs);
      const vocab = out1.logits.dims[2];
      const last = logits1.subarray(logits1.length - vocab);
      expect(last.indexOf(Math.max(...last))).toBe(g.decoder.first.argmaxLast);

      const feeds2: WireTensors = {
        input_ids: ids(g.decoder.second.input_ids),
        encoder_hidden_states: hidden,
        use_cache_branch: { type: 'bool', dims: [1], data: Uint8Array.of(1) },
      };
      names('past_key_values').forEach((n, i) => (feeds2[n] = out1[names('present')[i]]));
      const out2 = await w.run(model.sessions.decoder.id, feeds2);
      expectGolden(out2.logits.data as Float32Array, out2.logits.dims, g.decoder.second.output, g.tolerance.abs);
      expect(out2['present.0.decoder.key'].dims).toEqual([1, heads, g.decoder.second.presentDecoderLength, headDim]);
      expect(out2['present.0.encoder.key'].dims).toEqual([1, heads, 1500, headDim]);
    } finally {
      await model.close();
    }
  });
});
