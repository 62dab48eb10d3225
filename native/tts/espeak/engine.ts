/**
 * espeak-ng as a `TtsEngine`: every call runs in the worker pool, so the
 * WASM instance (one per pool thread) never blocks the thread that answers
 * requests, and several rows synthesise at once on several cores.
 */
import { registerTaskModule } from '../../workers/task.js';
import type { WorkerPool } from '../../workers/pool.js';
import type { RunControl, SynthesisOptions, TtsEngine, VoiceInfo } from '../engine.js';
import type { PhonemizeAllInput, PhonemizeInput, SynthesizeInput } from '../espeak-task.js';
import type { PhonemeResult, PhonemizeOptions } from './phonemize.js';
import type { EspeakSynthesis } from './synthesize.js';

const TASK_MODULE = 'espeak';

/** Registers the espeak-ng handlers as `espeak.synthesize`, `espeak.phonemize`, `espeak.phonemizeAll`, `espeak.voices`, `espeak.variants`. */
export function registerEspeakTasks(): void {
  registerTaskModule(TASK_MODULE, new URL('../espeak-task.js', import.meta.url));
}

export class EspeakEngine implements TtsEngine {
  readonly id = 'espeak';

  constructor(private readonly pool: WorkerPool) {
    registerEspeakTasks();
  }

  synthesize(text: string, opts: SynthesisOptions, run: RunControl = {}): Promise<EspeakSynthesis> {
    return this.pool.run<SynthesizeInput, EspeakSynthesis>(
      `${TASK_MODULE}.synthesize`,
      { text, opts },
      { signal: run.signal, onProgress: run.onProgress },
    );
  }

  phonemize(text: string, opts: PhonemizeOptions, run: RunControl = {}): Promise<PhonemeResult> {
    return this.pool.run<PhonemizeInput, PhonemeResult>(
      `${TASK_MODULE}.phonemize`,
      { text, opts },
      { signal: run.signal },
    );
  }

  /** Phonemes of several texts with one voice, in one pool task. */
  phonemizeAll(
    texts: string[],
    opts: PhonemizeOptions,
    run: RunControl = {},
  ): Promise<PhonemeResult[]> {
    return this.pool.run<PhonemizeAllInput, PhonemeResult[]>(
      `${TASK_MODULE}.phonemizeAll`,
      { texts, opts },
      { signal: run.signal },
    );
  }

  voices(): Promise<VoiceInfo[]> {
    return this.pool.run<undefined, VoiceInfo[]>(`${TASK_MODULE}.voices`, undefined);
  }

  variants(): Promise<string[]> {
    return this.pool.run<undefined, string[]>(`${TASK_MODULE}.variants`, undefined);
  }
}
