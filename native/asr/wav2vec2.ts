/**
 * wav2vec2 / MMS CTC models in the Hugging Face ONNX layout: raw samples
 * (`input_values` [1, S], zero-mean unit-variance when the preprocessor says
 * `do_normalize`) → `logits` [1, frames, vocab]; `vocab.json` maps token to
 * id, the pad token is the CTC blank and `word_delimiter_token` (`|`)
 * separates words. The frame duration is measured on every call (samples
 * / frames), not assumed, so an export with another stride still times its
 * words right.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../contract/errors.js';
import type { ModelEntry, OpenedModel } from '../models/registry.js';
import { resolveRole } from '../models/roles.js';
import { getInferenceWorker } from '../workers/inference.js';
import type { WireTensors } from '../workers/inference.js';
import { CtcEngine } from './ctc-engine.js';
import type { CtcEngineInit, TimedEmissions } from './ctc-engine.js';
import type { CtcVocabulary } from './ctc-decode.js';
import { numberField, readModelJson, stringField } from './model-json.js';
import type { JsonObject } from './model-json.js';

const DEFAULT_KERNELS = [10, 3, 3, 3, 3, 2, 2];
const DEFAULT_STRIDES = [5, 2, 2, 2, 2, 2, 2];
const MAX_CHUNK_SECONDS = 30;

export class Wav2Vec2CtcEngine extends CtcEngine {
  /** Fewest samples that make one frame (the feature encoder's receptive field). */
  readonly minSamples: number;
  readonly normalize: boolean;

  private constructor(init: CtcEngineInit, minSamples: number, normalize: boolean) {
    super(init);
    this.minSamples = minSamples;
    this.normalize = normalize;
  }

  static async open(entry: ModelEntry, model: OpenedModel): Promise<Wav2Vec2CtcEngine> {
    const id = entry.id;
    const config = model.files.config ? await readModelJson(model.files.config, id) : undefined;
    const pre = model.files.preprocessor
      ? await readModelJson(model.files.preprocessor, id)
      : undefined;
    const tokFile = tokenizerConfigFile(model);
    const tok = tokFile ? await readModelJson(tokFile, id) : undefined;
    const vocabJson = await readModelJson(model.files.vocab, id);
    const vocab = ctcVocabulary(vocabJson, config, tok, model.files.vocab, id);
    return new Wav2Vec2CtcEngine(
      {
        modelId: id,
        family: entry.manifest.family,
        languages: entry.manifest.languages,
        sampleRate: numberField(pre, 'sampling_rate') ?? entry.manifest.sampleRate ?? 16000,
        maxChunkSeconds: MAX_CHUNK_SECONDS,
        model,
        vocab,
      },
      receptiveField(config),
      pre?.do_normalize === true,
    );
  }

  async emissions(
    samples: Float32Array,
    opts: { signal?: AbortSignal } = {},
  ): Promise<TimedEmissions | undefined> {
    if (samples.length < this.minSamples) return undefined;
    const input = this.normalize ? zeroMeanUnitVariance(samples) : samples.slice();
    const out = await this.runModel(input, opts.signal);
    const [, frames, classes] = out.dims;
    if (frames === 0) return undefined;
    return {
      data: out.data,
      frames,
      classes,
      frameSeconds: samples.length / frames / this.sampleRate,
    };
  }

  /** One `session.run` on model-ready input (transferred: the array is detached afterwards). */
  async runModel(
    input: Float32Array,
    signal?: AbortSignal,
  ): Promise<{ data: Float32Array; dims: number[] }> {
    const session = this.model.sessions.model;
    const feeds: WireTensors = {
      input_values: { type: 'float32', dims: [1, input.length], data: input },
    };
    if (session.inputNames.includes('attention_mask')) {
      feeds.attention_mask = {
        type: 'int64',
        dims: [1, input.length],
        data: new BigInt64Array(input.length).fill(1n),
      };
    }
    const out = await getInferenceWorker().run(session.id, feeds, ['logits'], { signal });
    return { data: out.logits.data as Float32Array, dims: out.logits.dims };
  }
}

function tokenizerConfigFile(model: OpenedModel): string | undefined {
  const f = resolveRole(model.manifest, model.spec, 'tokenizer_config');
  if (f) return join(model.dir, f.path);
  const listed = model.manifest.files.find((x) => x.path === 'tokenizer_config.json');
  const path = listed ? join(model.dir, listed.path) : undefined;
  return path && existsSync(path) ? path : undefined;
}

/** The feature encoder's receptive field: samples needed for one output frame. */
function receptiveField(config: JsonObject | undefined): number {
  const k = intArray(config?.conv_kernel) ?? DEFAULT_KERNELS;
  const s = intArray(config?.conv_stride) ?? DEFAULT_STRIDES;
  let n = 1;
  for (let i = Math.min(k.length, s.length) - 1; i >= 0; i--) n = (n - 1) * s[i] + k[i];
  return n;
}

function intArray(v: unknown): number[] | undefined {
  return Array.isArray(v) && v.length > 0 && v.every((x) => Number.isInteger(x))
    ? (v as number[])
    : undefined;
}

/** HF Wav2Vec2FeatureExtractor's normalisation: (x − mean) / sqrt(var + 1e-7). */
export function zeroMeanUnitVariance(x: Float32Array): Float32Array {
  let mean = 0;
  for (let i = 0; i < x.length; i++) mean += x[i];
  mean /= x.length;
  let v = 0;
  for (let i = 0; i < x.length; i++) v += (x[i] - mean) ** 2;
  const scale = 1 / Math.sqrt(v / x.length + 1e-7);
  const out = new Float32Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = (x[i] - mean) * scale;
  return out;
}

function ctcVocabulary(
  vocabJson: JsonObject,
  config: JsonObject | undefined,
  tok: JsonObject | undefined,
  where: string,
  id: string,
): CtcVocabulary {
  // MMS's multilingual vocab.json nests one table per language; this runner takes flat ones.
  const entries = Object.entries(vocabJson);
  if (entries.some(([, v]) => !Number.isInteger(v) || (v as number) < 0)) {
    throw new UserError(
      'model_invalid',
      `model ${id}: ${where} is not a flat token → id table (one vocabulary per model is supported)`,
    );
  }
  const tokens: string[] = [];
  for (const [t, i] of entries) tokens[i as number] = t;
  for (let i = 0; i < tokens.length; i++) tokens[i] ??= '';
  const idOf = (t: string | undefined): number | undefined =>
    t === undefined ? undefined : (vocabJson[t] as number | undefined);
  const padToken = stringField(tok, 'pad_token') ?? '<pad>';
  const blank = numberField(config, 'pad_token_id') ?? idOf(padToken) ?? 0;
  const silent = new Set<number>();
  for (const key of ['bos_token', 'eos_token', 'unk_token', 'pad_token']) {
    const i = idOf(stringField(tok, key));
    if (i !== undefined && i !== blank) silent.add(i);
  }
  for (const t of ['<s>', '</s>', '<unk>', '<pad>']) {
    const i = idOf(t);
    if (i !== undefined && i !== blank) silent.add(i);
  }
  return {
    tokens,
    blank,
    wordDelimiter: stringField(tok, 'word_delimiter_token') ?? '|',
    silent,
  };
}
