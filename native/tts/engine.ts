/**
 * The one interface every TTS engine implements (espeak-ng now; Piper and
 * MMS-TTS with the model registry). Options an engine does not understand are
 * ignored by it, never misread: `noiseScale` means nothing to espeak-ng.
 */
import type { TaskProgress } from '../workers/wire.js';

export interface SynthesisOptions {
  /** Engine voice id: for espeak-ng a language code (`hi`, `te`, `en-us`…). */
  voice: string;
  /** Voice variant (espeak-ng `!v/` file: `f3`, `m2`, `klatt`…); `hi+f3` in `voice` works too. */
  variant?: string;
  /** Words per minute (espeak-ng: 80–450, default 175). */
  rate?: number;
  /** Base pitch 0–99 (espeak-ng default 50). */
  pitch?: number;
  /** Pitch range 0–99 (espeak-ng default 50; 0 is monotone). */
  range?: number;
  /** VITS sampling noise (Piper, MMS). */
  noiseScale?: number;
  /** VITS duration scale (Piper, MMS): above 1 is slower. */
  lengthScale?: number;
  /** Speaker index of a multi-speaker model. */
  speaker?: number;
  /** `text` is already phonemes in the engine's notation (espeak-ng: its ASCII phoneme names). */
  phonemes?: boolean;
  /** Silence between sentences, ms (default 300; 400 at a line break). */
  sentencePauseMs?: number;
}

export interface WordTiming {
  text: string;
  /** Seconds from the start of the returned audio. */
  start: number;
  end: number;
}

export interface SynthesisResult {
  samples: Float32Array;
  sampleRate: number;
  words?: WordTiming[];
  /** The voice the engine really used, as it names it (e.g. `inc/hi+f3`). */
  voiceUsed?: string;
}

export interface VoiceInfo {
  /** What to pass as `voice`. */
  id: string;
  name: string;
  /** BCP-47-like language code. */
  language: string;
  /** True for the languages of India (scheduled languages and their neighbours). */
  indic: boolean;
  /** The script the voice reads natively (Unicode script name). */
  script: string;
  engine: string;
}

export interface RunControl {
  signal?: AbortSignal;
  onProgress?: (p: TaskProgress) => void;
}

export interface TtsEngine {
  readonly id: string;
  synthesize(text: string, opts: SynthesisOptions, run?: RunControl): Promise<SynthesisResult>;
  voices(): Promise<VoiceInfo[]>;
}

/** Hard limit on one synthesis request, in characters. */
export const MAX_TEXT_CHARS = 20_000;
