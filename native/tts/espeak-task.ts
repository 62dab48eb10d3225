/**
 * Pool handlers for espeak-ng: each pool thread loads its own WASM instance
 * on first use and keeps it. Synthesis reports progress per sentence and
 * stops between sentences when cancelled; the samples are moved, not copied,
 * back to the caller.
 */
import type { TaskContext } from '../workers/task.js';
import type { SynthesisOptions, VoiceInfo } from './engine.js';
import { phonemizeAllInThread, phonemizeInThread } from './espeak/phonemize.js';
import type { PhonemeResult, PhonemizeOptions } from './espeak/phonemize.js';
import { loadEspeak } from './espeak/runtime.js';
import { synthesizeInThread } from './espeak/synthesize.js';
import type { EspeakSynthesis } from './espeak/synthesize.js';
import { toVoiceInfo } from './espeak/voices.js';

export interface SynthesizeInput {
  text: string;
  opts: SynthesisOptions;
}

export async function synthesize(
  input: SynthesizeInput,
  ctx: TaskContext,
): Promise<EspeakSynthesis> {
  const out = await synthesizeInThread(input.text, input.opts, {
    cancelled: () => ctx.cancelled(),
    progress: (p) => ctx.progress(p),
  });
  ctx.transfer(out.samples.buffer as ArrayBuffer);
  return out;
}

export interface PhonemizeInput {
  text: string;
  opts: PhonemizeOptions;
}

export function phonemize(input: PhonemizeInput): Promise<PhonemeResult> {
  return phonemizeInThread(input.text, input.opts);
}

export interface PhonemizeAllInput {
  texts: string[];
  opts: PhonemizeOptions;
}

export function phonemizeAll(input: PhonemizeAllInput): Promise<PhonemeResult[]> {
  return phonemizeAllInThread(input.texts, input.opts);
}

export async function voices(): Promise<VoiceInfo[]> {
  const rt = await loadEspeak();
  return rt.voices().map(toVoiceInfo);
}

/** Variant names (`f3`, `m2`, `klatt`…) for `voice+variant`. */
export async function variants(): Promise<string[]> {
  return (await loadEspeak()).variants();
}
