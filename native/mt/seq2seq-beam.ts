/**
 * Beam search (beam.ts) for transformers.js-layout seq2seq exports (Marian,
 * M2M100, NLLB), whose own generate() decodes greedily only. Tokenising and
 * detokenising stay with transformers.js (mt-runner.ts `encodeMt`/`decodeMt`);
 * here the raw `encoder_model` and `decoder_model_merged` sessions run through
 * the inference worker's tensor API, the merged decoder's KV cache reordered
 * as beams move. generate()'s logits processors that these models use are
 * reproduced: the forced first token (the target language of M2M100/NLLB)
 * and suppressed tokens (Marian's pad).
 */
import { readFile } from 'node:fs/promises';
import { CancelledError, UserError } from '../contract/errors.js';
import { getInferenceWorker } from '../workers/inference.js';
import type { SessionInfo, WireTensor, WireTensors } from '../workers/inference.js';
import { beamSearch } from './beam.js';
import type { Hypothesis, StepFn, StepRequest } from './beam.js';
import type { MtEncoded } from './mt-runner.js';
import { gatherRows, lastLogits, pastFeeds } from './wire-rows.js';

interface Seq2SeqConfig {
  d_model?: number;
  decoder_attention_heads?: number;
}

/** The raw sessions of one model, loaded on first use of beam search. */
export class Seq2SeqGraphs {
  private constructor(
    readonly modelId: string,
    readonly encoder: SessionInfo,
    readonly decoder: SessionInfo,
    private readonly heads: number,
    private readonly headDim: number,
  ) {}

  static async load(
    modelId: string,
    files: { encoder: string; decoder: string; config: string },
  ): Promise<Seq2SeqGraphs> {
    const config = JSON.parse(await readFile(files.config, 'utf8')) as Seq2SeqConfig;
    const heads = config.decoder_attention_heads;
    if (!heads || !config.d_model)
      throw new UserError(
        'model_invalid',
        `${files.config}: decoder_attention_heads and d_model are needed for beam search`,
      );
    const worker = getInferenceWorker();
    const encoder = await worker.loadSession(files.encoder);
    const decoder = await worker.loadSession(files.decoder).catch(async (e: unknown) => {
      await worker.release(encoder.id);
      throw e;
    });
    return new Seq2SeqGraphs(modelId, encoder, decoder, heads, config.d_model / heads);
  }

  async release(): Promise<void> {
    const worker = getInferenceWorker();
    await worker.release(this.encoder.id);
    await worker.release(this.decoder.id);
  }

  /**
   * Encodes one batch and returns the decoder as beam search drives it. The
   * first step feeds the start token with an empty cache and, where a first
   * token is forced, that token too: beam search then starts after it.
   */
  async decoderSteps(enc: MtEncoded, signal?: AbortSignal): Promise<StepFn> {
    const worker = getInferenceWorker();
    const width = Math.max(...enc.sourceIds.map((s) => s.length));
    const dims = [enc.sourceIds.length, width];
    const ids = new BigInt64Array(dims[0] * width).fill(BigInt(enc.pad));
    const maskData = new BigInt64Array(dims[0] * width);
    enc.sourceIds.forEach((src, i) =>
      src.forEach((t, j) => {
        ids[i * width + j] = BigInt(t);
        maskData[i * width + j] = 1n;
      }),
    );
    const mask: WireTensor = { type: 'int64', dims, data: maskData };
    const encFeeds: WireTensors = { input_ids: { type: 'int64', dims, data: ids } };
    if (this.encoder.inputNames.includes('attention_mask'))
      encFeeds.attention_mask = { ...mask, data: maskData.slice() };
    const hidden = (await worker.run(this.encoder.id, encFeeds, ['last_hidden_state']))
      .last_hidden_state;
    const pastNames = this.decoder.inputNames.filter((n) => n.startsWith('past_key_values.'));
    const pastType =
      this.decoder.inputMetadata.find((m) => m.name === pastNames[0])?.type ?? 'float32';
    const wantsMask = this.decoder.inputNames.includes('encoder_attention_mask');
    let cache: WireTensors = {};
    let cacheRows = 0;

    const run = async (
      tokens: readonly number[],
      sentences: readonly number[],
      parents: readonly number[] | undefined,
    ): Promise<Float32Array> => {
      const n = tokens.length;
      const feeds: WireTensors = {
        input_ids: { type: 'int64', dims: [n, 1], data: BigInt64Array.from(tokens, BigInt) },
        encoder_hidden_states: gatherRows(hidden, sentences),
        use_cache_branch: { type: 'bool', dims: [1], data: Uint8Array.of(parents ? 1 : 0) },
      };
      if (wantsMask) feeds.encoder_attention_mask = gatherRows(mask, sentences);
      if (parents)
        Object.assign(feeds, pastFeeds(this.modelId, pastNames, cache, cacheRows, parents));
      else
        for (const name of pastNames) {
          const empty = pastType === 'float16' ? new Uint16Array(0) : new Float32Array(0);
          feeds[name] = { type: pastType, dims: [n, this.heads, 0, this.headDim], data: empty };
        }
      const result = await worker.run(this.decoder.id, feeds, undefined, signal ? { signal } : {});
      cache = result;
      cacheRows = n;
      const logits = lastLogits(result.logits);
      const v = logits.length / n;
      for (let r = 0; r < n; r++) for (const t of enc.suppressed) logits[r * v + t] = -Infinity;
      return logits;
    };

    return async (req: StepRequest): Promise<Float32Array> => {
      if (req.step > 0) return run(req.tokens, req.sentences, req.parents);
      const first = await run(req.tokens, req.sentences, undefined);
      if (enc.forcedBos === undefined) return first;
      return run(
        req.tokens.map(() => enc.forcedBos!),
        req.sentences,
        req.tokens.map((_, i) => i),
      );
    };
  }

  /**
   * Each sentence's hypotheses, best first; tokens include the forced first
   * token, which scores are not counted over (its probability is 1).
   */
  async search(
    enc: MtEncoded,
    opts: { beamSize: number; maxLength: number; lengthPenalty?: number },
    signal?: AbortSignal,
  ): Promise<Hypothesis[][]> {
    const forced = enc.forcedBos === undefined ? [] : [enc.forcedBos];
    const maxLength = opts.maxLength - forced.length;
    if (maxLength < 1) return enc.sourceIds.map(() => [{ tokens: forced, logProb: 0, score: 0 }]);
    const hyps = await beamSearch(enc.sourceIds.length, await this.decoderSteps(enc, signal), {
      beamSize: opts.beamSize,
      maxLength,
      ...(opts.lengthPenalty !== undefined ? { lengthPenalty: opts.lengthPenalty } : {}),
      eos: enc.eos,
      start: enc.start,
      checkCancelled: () => {
        if (signal?.aborted) throw new CancelledError('translation');
      },
    });
    return hyps.map((list) => list.map((h) => ({ ...h, tokens: [...forced, ...h.tokens] })));
  }
}
