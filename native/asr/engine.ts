/**
 * The one interface every speech recogniser implements (CTC exports of the
 * wav2vec2/MMS kind, NeMo-style CTC, Whisper through transformers.js). The
 * caller hands over mono audio at any rate; the engine resamples to what its
 * model wants. Times are seconds from the start of the audio handed in, so a
 * long-audio driver that cuts chunks only adds each chunk's offset.
 */
import type { TaskProgress } from '../workers/wire.js';

export interface AsrWord {
  text: string;
  /** Seconds from the start of the input audio. */
  start: number;
  end: number;
  /** 0–1: for CTC the mean of the word's best-path frame probabilities. */
  confidence: number;
}

export interface AsrSegment {
  text: string;
  start: number;
  end: number;
}

export interface Transcript {
  text: string;
  words: AsrWord[];
  segments: AsrSegment[];
  /** Seconds of audio transcribed. */
  duration: number;
}

export interface TranscribeOptions {
  /** ISO 639-1 code of the speech (`hi`, `te`, `ta`, …). */
  language: string;
  /**
   * Whisper: mask tokens that would write letters outside the target
   * language's script (plus Latin, digits, punctuation). Default: on for
   * Indic languages. CTC models ignore it (their vocabulary is the mask).
   */
  scriptConstrained?: boolean;
  signal?: AbortSignal;
  onProgress?: (p: TaskProgress) => void;
}

export interface AsrAudio {
  samples: Float32Array;
  sampleRate: number;
}

export interface AsrEngine {
  /** The model id in the registry. */
  readonly modelId: string;
  /** The family, as the model manifest names it (`wav2vec2-ctc`, `nemo-ctc`, `whisper`). */
  readonly family: string;
  /** Languages the model was made for (from its manifest); empty when it does not say. */
  readonly languages: readonly string[];
  /** Rate the model consumes; input at another rate is resampled first. */
  readonly sampleRate: number;
  /** Longest audio one call should carry, seconds (the long-audio driver cuts to this). */
  readonly maxChunkSeconds: number;
  transcribe(audio: AsrAudio, options: TranscribeOptions): Promise<Transcript>;
  close(): Promise<void>;
}
