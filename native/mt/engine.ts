/**
 * The one interface every translation model implements: a batch of
 * sentences from one language to another, languages given as ISO 639-1
 * codes (`en`, `hi`, `te`); each family turns them into its own tags
 * (lang-tags.ts). Engines keep the order and count of their input.
 */
import { UserError } from '../contract/errors.js';
import type { TaskProgress } from '../workers/wire.js';

export interface TranslateOptions {
  /** Beams of beam search; 1 is greedy decoding. Default 1. */
  beamSize?: number;
  /** Most tokens generated per sentence. Default 256. */
  maxLength?: number;
  /** Sentences per generate() call. Default 16. */
  batchSize?: number;
  signal?: AbortSignal;
  onProgress?: (p: TaskProgress) => void;
}

export interface MtEngine {
  /** The model id in the registry. */
  readonly modelId: string;
  /** The family, as the model manifest names it (`marian`, `m2m100`, `nllb`, `indictrans2`). */
  readonly family: string;
  /** Languages the model was made for (from its manifest). */
  readonly languages: readonly string[];
  translate(
    texts: readonly string[],
    from: string,
    to: string,
    options?: TranslateOptions,
  ): Promise<string[]>;
  close(): Promise<void>;
}

export const DEFAULT_MAX_LENGTH = 256;
export const DEFAULT_BATCH_SIZE = 16;

/** A whole-number option of at least 1, or `fallback` when not given. */
export function positiveInt(name: string, v: number | undefined, fallback: number): number {
  if (v === undefined) return fallback;
  if (!Number.isInteger(v) || v < 1) {
    throw new UserError('bad_input', `${name} must be a whole number of at least 1, not ${v}`);
  }
  return v;
}
