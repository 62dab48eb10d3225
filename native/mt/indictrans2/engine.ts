/**
 * IndicTrans2 ONNX exports (encoder, first-step decoder, with-past decoder)
 * run from TypeScript through the inference worker's tensor API: text
 * preparation and tags (text-prep.ts), the export's own tokeniser
 * (tokenizer.ts), and our decoding loop, beam search included (../beam.ts),
 * with the KV cache reordered between steps as beams move.
 */
import { readFile } from 'node:fs/promises';
import { CancelledError, UserError } from '../../contract/errors.js';
import type { ModelEntry, OpenedModel } from '../../models/registry.js';
import { getInferenceWorker } from '../../workers/inference.js';
import type { SessionInfo, WireTensor, WireTensors } from '../../workers/inference.js';
import { beamSearch } from '../beam.js';
import type { StepFn, StepRequest } from '../beam.js';
import { DEFAULT_BATCH_SIZE, DEFAULT_MAX_LENGTH, positiveInt } from '../engine.js';
import type { MtEngine, TranslateOptions } from '../engine.js';
import { pairTags } from '../lang-tags.js';
import { gatherRows, lastLogits, pastFeeds } from '../wire-rows.js';
import type { MtRunOutput } from '../mt-runner.js';
import { finishTarget, prepareSource } from './text-prep.js';
import { IndicTrans2Tokenizer } from './tokenizer.js';

interface It2Config {
  decoder_start_token_id?: number;
  eos_token_id?: number;
  max_source_positions?: number;
  max_target_positions?: number;
}

export interface IndicTrans2Options extends TranslateOptions {
  /** fairseq's length penalty for ranking beams. Default 1. */
  lengthPenalty?: number;
}

export class IndicTrans2MtEngine implements MtEngine {
  readonly family = 'indictrans2';
  private closed = false;

  constructor(
    readonly modelId: string,
    readonly languages: readonly string[],
    private readonly model: OpenedModel,
    private readonly tokenizer: IndicTrans2Tokenizer,
    private readonly config: It2Config,
  ) {}

  private session(role: string): SessionInfo {
    const s = this.model.sessions[role];
    if (!s) throw new UserError('model_invalid', `model ${this.modelId} has no ${role} ONNX file`);
    return s;
  }

  async translate(
    texts: readonly string[],
    from: string,
    to: string,
    options: IndicTrans2Options = {},
  ): Promise<string[]> {
    return (await this.run(texts, from, to, options)).translations;
  }

  /** The prepared source text of each sentence, as the model reads it (tags left out). */
  prepare(texts: readonly string[], from: string): string[] {
    return texts.map((t) => prepareSource(t, from));
  }

  async run(
    texts: readonly string[],
    from: string,
    to: string,
    options: IndicTrans2Options = {},
  ): Promise<MtRunOutput> {
    if (this.closed) throw new Error(`translation engine ${this.modelId} is closed`);
    this.tags(from, to);
    const beamSize = positiveInt('beam size', options.beamSize, 1);
    const cap = this.config.max_target_positions ?? DEFAULT_MAX_LENGTH;
    const maxLength = Math.min(
      positiveInt('max length', options.maxLength, DEFAULT_MAX_LENGTH),
      cap,
    );
    const batchSize = positiveInt('batch size', options.batchSize, DEFAULT_BATCH_SIZE);
    const lengthPenalty = options.lengthPenalty ?? 1;

    const out: MtRunOutput = { translations: [], tokens: [], sourceIds: [], batches: 0 };
    const prepared = this.prepare(texts, from);
    for (let at = 0; at < texts.length; at += batchSize) {
      options.onProgress?.({ done: at, total: texts.length, message: 'translating' });
      const ids = this.encode(prepared.slice(at, at + batchSize), from, to);
      const generated = await this.generate(
        ids,
        { beamSize, maxLength, lengthPenalty },
        options.signal,
      );
      out.batches++;
      ids.forEach((src, i) => {
        out.sourceIds.push(src);
        out.tokens.push(generated[i]);
        out.translations.push(finishTarget(this.tokenizer.decode(generated[i]), to));
      });
    }
    options.onProgress?.({ done: texts.length, total: texts.length, message: 'translating' });
    return out;
  }

  /**
   * Encodes one batch and returns the decoder as beam search drives it: the
   * first step runs the first-step graph on the encoder states, later ones
   * the with-past graph on the cache rows the hypotheses descend from.
   */
  async decoderSteps(ids: number[][], signal?: AbortSignal): Promise<StepFn> {
    const worker = getInferenceWorker();
    const src = this.tokenizer.batch(ids);
    const mask: WireTensor = { type: 'int64', dims: src.dims, data: src.attentionMask };
    const encoded = await worker.run(
      this.session('encoder').id,
      {
        input_ids: { type: 'int64', dims: src.dims, data: src.inputIds },
        attention_mask: { ...mask, data: src.attentionMask.slice() },
      },
      ['last_hidden_state'],
    );
    const hidden = encoded.last_hidden_state;
    const withPast = this.session('decoder_with_past');
    const pastNames = withPast.inputNames.filter((n) => n.startsWith('past_key_values.'));
    let cache: WireTensors = {};
    let cacheRows = 0;

    return async (req: StepRequest): Promise<Float32Array> => {
      const n = req.tokens.length;
      const feeds: WireTensors = {
        input_ids: { type: 'int64', dims: [n, 1], data: BigInt64Array.from(req.tokens, BigInt) },
        encoder_attention_mask: gatherRows(mask, req.sentences),
      };
      let session: SessionInfo;
      if (req.step === 0) {
        session = this.session('decoder');
        feeds.encoder_hidden_states = gatherRows(hidden, req.sentences);
      } else {
        session = withPast;
        Object.assign(feeds, pastFeeds(this.modelId, pastNames, cache, cacheRows, req.parents));
      }
      const result = await worker.run(session.id, feeds, undefined, signal ? { signal } : {});
      cache = result;
      cacheRows = n;
      // Only the last position's logits matter.
      return lastLogits(result.logits);
    };
  }

  /** Decodes one batch with beam search; each sentence's best tokens. */
  private async generate(
    ids: number[][],
    opts: { beamSize: number; maxLength: number; lengthPenalty: number },
    signal: AbortSignal | undefined,
  ): Promise<number[][]> {
    const step = await this.decoderSteps(ids, signal);
    const hyps = await beamSearch(ids.length, step, {
      beamSize: opts.beamSize,
      maxLength: opts.maxLength,
      lengthPenalty: opts.lengthPenalty,
      ...this.endTokens(),
      checkCancelled: () => {
        if (signal?.aborted) throw new CancelledError('translation');
      },
    });
    return hyps.map((h) => h[0]?.tokens ?? []);
  }

  /** The end token and the decoder start token (IndicTrans2 starts from `</s>`). */
  endTokens(): { eos: number; start: number } {
    return {
      eos: this.config.eos_token_id ?? this.tokenizer.specials.eos,
      start: this.config.decoder_start_token_id ?? this.tokenizer.specials.eos,
    };
  }

  /** Source ids of prepared sentences, as `run` builds them. */
  encode(prepared: readonly string[], from: string, to: string): number[][] {
    const [srcTag, tgtTag] = this.tags(from, to);
    return prepared.map((p) => this.tokenizer.encode(p, srcTag, tgtTag));
  }

  /** The source and target tags (`eng_Latn`, `hin_Deva`), refused when the model lacks them. */
  private tags(from: string, to: string): [string, string] {
    const { srcLang, tgtLang } = pairTags(
      { modelId: this.modelId, family: this.family, languages: this.languages, marianTargets: [] },
      from,
      to,
    );
    const tags: [string, string] = [srcLang!, tgtLang!];
    for (const tag of tags) {
      if (!this.tokenizer.hasTag(tag)) {
        throw new UserError(
          'unsupported',
          `model ${this.modelId} has no language tag ${tag} in dict.SRC.json`,
        );
      }
    }
    return tags;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.model.close();
  }
}

/** Opens an IndicTrans2 export the registry has loaded and checked. */
export async function openIndicTrans2Engine(
  entry: ModelEntry,
  model: OpenedModel,
): Promise<MtEngine> {
  const file = (role: string): string => {
    const f = model.files[role];
    if (!f) throw new UserError('model_invalid', `model ${entry.id} has no ${role} file`);
    return f;
  };
  const config = JSON.parse(await readFile(file('config'), 'utf8')) as It2Config;
  const tokenizer = await IndicTrans2Tokenizer.load(
    { dictSrc: file('dict_src'), dictTgt: file('dict_tgt'), spmSrc: file('spm_src') },
    config.max_source_positions ?? 256,
  );
  return new IndicTrans2MtEngine(entry.id, entry.manifest.languages, model, tokenizer, config);
}
