/**
 * What the CTC recognisers (wav2vec2/MMS, NeMo) share: input checks and
 * resampling, an acoustic model that turns model-rate samples into per-frame
 * class scores, and greedy decoding of those scores into timed words.
 */
import { CancelledError } from '../contract/errors.js';
import type { OpenedModel } from '../models/registry.js';
import { emptyTranscript, greedyCtcDecode } from './ctc-decode.js';
import type { CtcEmissions, CtcVocabulary } from './ctc-decode.js';
import type { AsrAudio, AsrEngine, TranscribeOptions, Transcript } from './engine.js';
import { prepareAudio } from './prepare-audio.js';

export interface TimedEmissions extends CtcEmissions {
  /** Seconds per frame, as this call's samples/frames ratio gives it. */
  frameSeconds: number;
}

export interface CtcEngineInit {
  modelId: string;
  family: string;
  languages: readonly string[];
  sampleRate: number;
  maxChunkSeconds: number;
  model: OpenedModel;
  vocab: CtcVocabulary;
}

export abstract class CtcEngine implements AsrEngine {
  readonly modelId: string;
  readonly family: string;
  readonly languages: readonly string[];
  readonly sampleRate: number;
  readonly maxChunkSeconds: number;
  readonly vocab: CtcVocabulary;
  protected readonly model: OpenedModel;

  protected constructor(init: CtcEngineInit) {
    this.modelId = init.modelId;
    this.family = init.family;
    this.languages = init.languages;
    this.sampleRate = init.sampleRate;
    this.maxChunkSeconds = init.maxChunkSeconds;
    this.model = init.model;
    this.vocab = init.vocab;
  }

  /**
   * Class scores for samples already at `sampleRate`; undefined when the audio
   * is too short for one frame. Model-owned arrays are never handed in.
   */
  abstract emissions(
    samples: Float32Array,
    opts?: { signal?: AbortSignal; language?: string },
  ): Promise<TimedEmissions | undefined>;

  /** Classes the language may use (1 = allowed), when the model restricts them. */
  protected allowedClasses(_language: string, _classes: number): Uint8Array | undefined {
    return undefined;
  }

  async transcribe(audio: AsrAudio, options: TranscribeOptions): Promise<Transcript> {
    if (options.signal?.aborted) throw new CancelledError('transcription');
    const samples = prepareAudio(audio, this.sampleRate);
    const duration = audio.samples.length / audio.sampleRate;
    const em = await this.emissions(samples, options);
    if (!em || em.frames === 0) return emptyTranscript(duration);
    const allowed = this.allowedClasses(options.language, em.classes);
    const t = greedyCtcDecode(em, this.vocab, {
      frameSeconds: em.frameSeconds,
      duration,
      ...(allowed ? { allowed } : {}),
    });
    options.onProgress?.({ done: 1, total: 1 });
    return t;
  }

  async close(): Promise<void> {
    await this.model.close();
  }
}
