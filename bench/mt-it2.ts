/**
 * The IndicTrans2 part of bench/mt.bench.ts. The engine drives the ONNX
 * sessions from the main thread through the inference worker's tensor API,
 * so the raw baseline does too: per sentence the encoder once, the
 * first-step decoder, then greedy steps on the with-past decoder feeding the
 * presents straight back, with the engine's own source ids and step counts.
 * What the engine adds (text preparation, SentencePiece, the beam-search
 * bookkeeping at beam 1, log-softmax over the vocabulary, cache row copies,
 * decoding and script conversion) is what the ratio measures. The model is
 * models/recipes/indictrans2_tiny.py --real-dims (dist-200M en→indic sizes).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ModelRegistry } from '../native/models/registry.js';
import type { IndicTrans2MtEngine } from '../native/mt/indictrans2/engine.js';
import { openMtEngine } from '../native/mt/open.js';
import { getInferenceWorker } from '../native/workers/inference.js';
import type { WireTensor, WireTensors } from '../native/workers/inference.js';
import { assertSameTokens, median, timeAlternating, timeIt } from './paired-timing.js';

export interface It2BenchResult {
  ratio: number;
  results: Record<string, unknown>;
}

const i64 = (v: number[]): WireTensor => ({
  type: 'int64',
  dims: [1, v.length],
  data: BigInt64Array.from(v, BigInt),
});

function argmax(x: Float32Array): number {
  let best = 0;
  for (let v = 1; v < x.length; v++) if (x[v] > x[best]) best = v;
  return best;
}

export async function benchIndicTrans2(
  modelDir: string,
  sentences: readonly string[],
  reps: number,
): Promise<It2BenchResult> {
  const home = mkdtempSync(join(tmpdir(), 'charkha-bench-it2-'));
  cpSync(modelDir, join(home, 'indictrans2'), { recursive: true });
  const registry = new ModelRegistry({ home, bundled: [] });
  const worker = getInferenceWorker();
  const id = (JSON.parse(readFileSync(join(modelDir, 'manifest.json'), 'utf8')) as { id: string })
    .id;
  const cfg = JSON.parse(readFileSync(join(modelDir, 'config.json'), 'utf8')) as {
    encoder_layers: number;
    decoder_layers: number;
    decoder_embed_dim: number;
    decoder_attention_heads: number;
    decoder_ffn_dim: number;
    encoder_vocab_size: number;
    decoder_vocab_size: number;
  };
  const engine = (await openMtEngine(id, { registry })) as IndicTrans2MtEngine;
  const model = await registry.open(id);
  try {
    const { start, eos } = engine.endTokens();
    const first = await engine.run(sentences, 'en', 'hi', { batchSize: 1 });
    const steps = first.tokens.map((t) => t.length);

    /** Greedy decoding of one sentence on the raw sessions: `n` steps; its ids. */
    const raw = async (ids: number[], n: number): Promise<number[]> => {
      const mask = i64(ids.map(() => 1));
      const hidden = (
        await worker.run(
          model.sessions.encoder.id,
          { input_ids: i64(ids), attention_mask: mask },
          undefined,
          { copyInputs: true },
        )
      ).last_hidden_state;
      const out: number[] = [];
      let tok = start;
      let past: WireTensors = {};
      for (let s = 0; s < n; s++) {
        const feeds: WireTensors =
          s === 0
            ? { input_ids: i64([tok]), encoder_attention_mask: mask, encoder_hidden_states: hidden }
            : { input_ids: i64([tok]), encoder_attention_mask: mask, ...past };
        const session = s === 0 ? model.sessions.decoder : model.sessions.decoder_with_past;
        const res = await worker.run(session.id, feeds, undefined, { copyInputs: true });
        tok = argmax(res.logits.data as Float32Array);
        out.push(tok);
        past = Object.fromEntries(
          Object.entries(res)
            .filter(([k]) => k.startsWith('present.'))
            .map(([k, v]) => [k.replace('present.', 'past_key_values.'), v]),
        );
        if (tok === eos) break;
      }
      return out;
    };
    const runRaw = async (): Promise<number[][]> => {
      const all: number[][] = [];
      for (let i = 0; i < sentences.length; i++) all.push(await raw(first.sourceIds[i], steps[i]));
      return all;
    };
    assertSameTokens(await runRaw(), first.tokens);
    const runEngine = () => engine.run(sentences, 'en', 'hi', { batchSize: 1 });
    const { aMs: engineMs, bMs: rawMs } = await timeAlternating(reps, runEngine, runRaw);
    const e = median(engineMs);
    const w = median(rawMs);
    const batched = await timeIt(() => engine.run(sentences, 'en', 'hi', { batchSize: 8 }));
    const beam4 = await timeIt(() =>
      engine.run(sentences, 'en', 'hi', { batchSize: 8, beamSize: 4 }),
    );
    const perS = (ms: number): number => Math.round((sentences.length / ms) * 1000 * 10) / 10;
    return {
      ratio: e / w,
      results: {
        model: {
          d_model: cfg.decoder_embed_dim,
          heads: cfg.decoder_attention_heads,
          encoder_layers: cfg.encoder_layers,
          decoder_layers: cfg.decoder_layers,
          ffn: cfg.decoder_ffn_dim,
          source_vocab: cfg.encoder_vocab_size,
          target_vocab: cfg.decoder_vocab_size,
        },
        decoder_steps: steps.reduce((a, b) => a + b, 0),
        engine_ms: Math.round(e),
        raw_tensor_api_ms: Math.round(w),
        engine_sentences_per_s: perS(e),
        raw_tensor_api_sentences_per_s: perS(w),
        engine_over_raw: Math.round((e / w) * 1000) / 1000,
        engine_batch8_sentences_per_s: perS(batched),
        engine_batch8_beam4_sentences_per_s: perS(beam4),
      },
    };
  } finally {
    await model.close();
    await engine.close();
    // A 1.8 GB copy: not left behind.
    rmSync(home, { recursive: true, force: true });
  }
}
