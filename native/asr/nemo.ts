/**
 * NeMo CTC models (Conformer, IndicConformer) exported to ONNX without their
 * preprocessor: log-mel features are computed here (nemo-mel.ts) and fed as
 * `audio_signal` [1, n_mels, T] + `length` [1]; the model gives `logprobs`
 * (or `logits`) [1, T / subsampling, vocab + 1] with the blank last unless
 * the config names it. A multilingual model's config may carry
 * `language_masks` (language → allowed token ids, or one boolean per class):
 * the other tokens are never chosen for that language.
 */
import { readFile } from 'node:fs/promises';
import { UserError } from '../contract/errors.js';
import type { ModelEntry, OpenedModel } from '../models/registry.js';
import { getInferenceWorker } from '../workers/inference.js';
import { CtcEngine } from './ctc-engine.js';
import type { CtcEngineInit, TimedEmissions } from './ctc-engine.js';
import type { CtcVocabulary } from './ctc-decode.js';
import { numberField, readModelJson, stringField } from './model-json.js';
import type { JsonObject } from './model-json.js';
import { NEMO_MEL_DEFAULTS, logMelFeatures } from './nemo-mel.js';
import type { MelConfig } from './nemo-mel.js';

const MAX_CHUNK_SECONDS = 30;
const SILENT_TOKENS = ['<unk>', '<pad>', '<s>', '</s>'];

export class NemoCtcEngine extends CtcEngine {
  readonly mel: MelConfig;
  /** Emission frames per mel frame's inverse, when the config says it. */
  readonly subsampling: number | undefined;
  private readonly masks: ReadonlyMap<string, readonly unknown[]>;
  private readonly outputName: string;

  private constructor(
    init: CtcEngineInit,
    mel: MelConfig,
    subsampling: number | undefined,
    masks: ReadonlyMap<string, readonly unknown[]>,
  ) {
    super(init);
    this.mel = mel;
    this.subsampling = subsampling;
    this.masks = masks;
    const outs = init.model.sessions.model.outputNames;
    this.outputName = outs.includes('logprobs') ? 'logprobs' : 'logits';
  }

  static async open(entry: ModelEntry, model: OpenedModel): Promise<NemoCtcEngine> {
    const id = entry.id;
    const config = model.files.config ? await readModelJson(model.files.config, id) : undefined;
    const mel = melConfig(config, entry.manifest.sampleRate);
    const tokens = await readNemoTokens(model.files.vocab, id);
    const blank =
      numberField(config, 'blank_id') ??
      (tokens.includes('<blk>') ? tokens.indexOf('<blk>') : tokens.length);
    const silent = new Set(
      SILENT_TOKENS.map((t) => tokens.indexOf(t)).filter((i) => i >= 0 && i !== blank),
    );
    const vocab: CtcVocabulary = { tokens, blank, silent };
    return new NemoCtcEngine(
      {
        modelId: id,
        family: entry.manifest.family,
        languages: entry.manifest.languages,
        sampleRate: mel.sampleRate,
        maxChunkSeconds: numberField(config, 'max_chunk_seconds') ?? MAX_CHUNK_SECONDS,
        model,
        vocab,
      },
      mel,
      numberField(config, 'subsampling_factor'),
      languageMasks(config, model.files.config ?? '', id),
    );
  }

  async emissions(
    samples: Float32Array,
    opts: { signal?: AbortSignal } = {},
  ): Promise<TimedEmissions | undefined> {
    if (samples.length < this.mel.winLength) return undefined;
    const { data, frames } = logMelFeatures(samples, this.mel);
    const out = await this.runModel(data, frames, opts.signal);
    const [, outFrames, classes] = out.dims;
    if (outFrames === 0) return undefined;
    const factor = this.subsampling ?? frames / outFrames;
    return {
      data: out.data,
      frames: outFrames,
      classes,
      frameSeconds: (factor * this.mel.hop) / this.mel.sampleRate,
    };
  }

  /** One `session.run` on features `[n_mels, frames]` (transferred: the array is detached afterwards). */
  async runModel(
    features: Float32Array,
    frames: number,
    signal?: AbortSignal,
  ): Promise<{ data: Float32Array; dims: number[] }> {
    const session = this.model.sessions.model;
    const out = await getInferenceWorker().run(
      session.id,
      {
        audio_signal: { type: 'float32', dims: [1, this.mel.nMels, frames], data: features },
        length: { type: 'int64', dims: [1], data: BigInt64Array.of(BigInt(frames)) },
      },
      [this.outputName],
      { signal },
    );
    const t = out[this.outputName];
    return { data: t.data as Float32Array, dims: t.dims };
  }

  protected override allowedClasses(language: string, classes: number): Uint8Array | undefined {
    if (this.masks.size === 0) return undefined;
    const mask = this.masks.get(language);
    if (!mask) {
      throw new UserError(
        'bad_input',
        `model ${this.modelId} has no vocabulary for language "${language}"; it has ${[...this.masks.keys()].join(', ')}`,
      );
    }
    const allowed = new Uint8Array(classes);
    if (mask.every((v) => typeof v === 'boolean')) {
      mask.forEach((v, i) => {
        if (v && i < classes) allowed[i] = 1;
      });
    } else {
      for (const v of mask) if (typeof v === 'number' && v >= 0 && v < classes) allowed[v] = 1;
    }
    if (this.vocab.blank < classes) allowed[this.vocab.blank] = 1;
    return allowed;
  }
}

function melConfig(config: JsonObject | undefined, manifestRate: number | undefined): MelConfig {
  const sampleRate =
    numberField(config, 'sample_rate') ?? manifestRate ?? NEMO_MEL_DEFAULTS.sampleRate;
  const win = numberField(config, 'window_size');
  const stride = numberField(config, 'window_stride');
  const winLength = win !== undefined ? Math.round(win * sampleRate) : NEMO_MEL_DEFAULTS.winLength;
  const normalize = stringField(config, 'normalize') ?? 'per_feature';
  if (normalize !== 'per_feature' && normalize !== 'none') {
    throw new UserError(
      'unsupported',
      `NeMo feature normalisation "${normalize}" is not supported (per_feature or none)`,
    );
  }
  return {
    sampleRate,
    winLength,
    hop: stride !== undefined ? Math.round(stride * sampleRate) : NEMO_MEL_DEFAULTS.hop,
    nFft: numberField(config, 'n_fft') ?? 2 ** Math.ceil(Math.log2(winLength)),
    nMels:
      numberField(config, 'n_mels') ?? numberField(config, 'features') ?? NEMO_MEL_DEFAULTS.nMels,
    fmin: numberField(config, 'lowfreq') ?? 0,
    fmax: numberField(config, 'highfreq') ?? sampleRate / 2,
    preemph: numberField(config, 'preemph') ?? NEMO_MEL_DEFAULTS.preemph,
    normalize,
  };
}

/** vocab.txt (one token a line), tokens.txt (`token id` a line) or vocab.json (array or token → id). */
export async function readNemoTokens(path: string, id: string): Promise<string[]> {
  if (path.endsWith('.json')) {
    const text = await readFile(path, 'utf8');
    if (text.trimStart().startsWith('[')) {
      try {
        return (JSON.parse(text) as unknown[]).map((t) => (typeof t === 'string' ? t : ''));
      } catch (e) {
        throw new UserError(
          'model_invalid',
          `model ${id}: ${path} is not readable JSON: ${e instanceof Error ? e.message : String(e)}`,
        );
      }
    }
    const tokens: string[] = [];
    for (const [t, i] of Object.entries(await readModelJson(path, id))) {
      if (Number.isInteger(i)) tokens[i as number] = t;
    }
    return Array.from(tokens, (t) => t ?? '');
  }
  const lines = (await readFile(path, 'utf8')).split(/\r?\n/);
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const withIds = lines.length > 0 && lines.every((l) => /^\S+ \d+$/.test(l));
  if (!withIds) return lines;
  const tokens: string[] = [];
  for (const l of lines) {
    const [t, i] = l.split(' ');
    tokens[Number(i)] = t;
  }
  return Array.from(tokens, (t) => t ?? '');
}

function languageMasks(
  config: JsonObject | undefined,
  where: string,
  id: string,
): ReadonlyMap<string, readonly unknown[]> {
  const raw = config?.language_masks;
  if (raw === undefined) return new Map();
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new UserError('model_invalid', `model ${id}: ${where}: language_masks is not an object`);
  }
  const out = new Map<string, readonly unknown[]>();
  for (const [lang, v] of Object.entries(raw)) {
    if (!Array.isArray(v)) {
      throw new UserError(
        'model_invalid',
        `model ${id}: ${where}: language_masks.${lang} is not a list of token ids or booleans`,
      );
    }
    out.set(lang, v);
  }
  return out;
}
