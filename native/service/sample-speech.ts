/**
 * A sample sentence in a language, spoken by espeak-ng through a worker
 * pool: the Generate screen's voice preview and the ASR benchmark's input.
 * The pool is made on first use and kept (its idle workers never hold the
 * process open).
 */
import { generateCorpus } from '../entities/generate.js';
import type { SynthesisOptions } from '../tts/engine.js';
import { EspeakEngine } from '../tts/espeak/engine.js';
import { WorkerPool } from '../workers/pool.js';

let engine: EspeakEngine | null = null;

export function espeakEngine(): EspeakEngine {
  engine ??= new EspeakEngine(new WorkerPool({ size: 1 }));
  return engine;
}

/** One generated sentence of `lang` in its spoken form (numbers as words), the same for the same seed. */
export function sampleSentence(lang: string, seed = 7): string {
  try {
    return generateCorpus({ langs: [lang], count: 1, seed, split: 'train' }).rows[0].spoken;
  } catch {
    // A language the generator has no templates for still gets a sentence a voice can read.
    return 'one two three four five six seven eight nine ten';
  }
}

export async function speakSample(
  text: string,
  opts: SynthesisOptions,
): Promise<{ samples: Float32Array; sampleRate: number }> {
  const out = await espeakEngine().synthesize(text, opts);
  return { samples: out.samples, sampleRate: out.sampleRate };
}
