/**
 * Piper voices as a `TtsEngine`. A voice is a model in the registry (family
 * `piper`), named by its model id in `opts.voice`. espeak-ng (in the worker
 * pool) makes the phonemes; the ONNX model runs on the inference worker, one
 * sentence at a time so progress and cancellation come between sentences.
 *
 * The two overlap: the first sentence is phonemised alone so inference can
 * start on it, and the other sentences are phonemised (in one pool task)
 * while it runs. Only the first sentence's phonemes, about a millisecond,
 * add to the time inference takes.
 */
import { CancelledError, UserError } from '../../contract/errors.js';
import { ModelRegistry } from '../../models/registry.js';
import { sharedPool } from '../../workers/shared-pool.js';
import { MAX_TEXT_CHARS } from '../engine.js';
import type {
  RunControl,
  SynthesisOptions,
  SynthesisResult,
  TtsEngine,
  VoiceInfo,
} from '../engine.js';
import { EspeakEngine } from '../espeak/engine.js';
import { modelVoices } from '../model-voices.js';
import { phonemesToIds } from './phoneme-ids.js';
import { cachedPhonemizer } from './phoneme-cache.js';
import { sentencePhonemes } from './phonemize.js';
import type { Phonemizer } from './phonemize.js';
import { piperSentences } from './text-split.js';
import { PiperVoice } from './voice.js';
import { concatSamples } from '../samples.js';

export interface PiperEngineOptions {
  registry?: ModelRegistry;
  /** Default: espeak-ng in the shared worker pool. */
  phonemize?: Phonemizer;
  /** Clauses whose phonemes are remembered (default 1024; 0: none). */
  phonemeCache?: number;
}

export interface PiperSynthesis extends SynthesisResult {
  /** The ids fed to the model, one array per sentence. */
  phonemeIds: number[][];
  /** Phonemes the voice has no id for (dropped, as Piper drops them). */
  missingPhonemes: string[];
}

const DEFAULT_PAUSE_MS = 300;

export class PiperEngine implements TtsEngine {
  readonly id = 'piper';
  private readonly registry: ModelRegistry;
  private readonly phonemize: Phonemizer;
  private readonly open = new Map<string, Promise<PiperVoice>>();

  constructor(options: PiperEngineOptions = {}) {
    this.registry = options.registry ?? new ModelRegistry();
    let phonemize = options.phonemize;
    if (!phonemize) {
      const espeak = new EspeakEngine(sharedPool());
      phonemize = (texts, opts, run) => espeak.phonemizeAll(texts, opts, run);
    }
    this.phonemize = cachedPhonemizer(phonemize, options.phonemeCache);
  }

  /** Opens (once) and returns the voice with this model id. */
  voice(id: string): Promise<PiperVoice> {
    let v = this.open.get(id);
    if (!v) {
      v = this.openVoice(id);
      this.open.set(id, v);
      v.catch(() => this.open.delete(id));
    }
    return v;
  }

  private async openVoice(id: string): Promise<PiperVoice> {
    const entry = await this.registry.get(id);
    if (entry.manifest.family !== 'piper') {
      throw new UserError(
        'bad_input',
        `model ${id} is a ${entry.manifest.family} model, not a Piper voice`,
      );
    }
    const model = await this.registry.open(id);
    try {
      return await PiperVoice.open(model);
    } catch (e) {
      await model.close();
      throw e;
    }
  }

  async synthesize(
    text: string,
    opts: SynthesisOptions,
    run: RunControl = {},
  ): Promise<PiperSynthesis> {
    if (text.length > MAX_TEXT_CHARS) {
      throw new UserError(
        'bad_input',
        `text is ${text.length} characters; the limit is ${MAX_TEXT_CHARS}`,
      );
    }
    const voice = await this.voice(opts.voice);
    const c = voice.config;
    voice.checkSpeaker(opts.speaker);
    const { total, batches } = opts.phonemes
      ? { total: 1, batches: [Promise.resolve([text])] }
      : this.phonemeBatches(text, c.espeakVoice, run);
    const pause = new Float32Array(
      Math.round(((opts.sentencePauseMs ?? DEFAULT_PAUSE_MS) / 1000) * c.sampleRate),
    );
    const pieces: Float32Array[] = [];
    const phonemeIds: number[][] = [];
    const missing = new Set<string>();
    let done = 0;
    for (const batch of batches) {
      for (const phonemes of await batch) {
        if (run.signal?.aborted) throw new CancelledError('Piper synthesis');
        done++;
        if (phonemes.length === 0) continue;
        const { ids, missing: m } = phonemesToIds(phonemes, c.phonemeIdMap);
        m.forEach((p) => missing.add(p));
        phonemeIds.push(ids);
        const out = await voice.run(
          ids,
          {
            noiseScale: opts.noiseScale,
            lengthScale: opts.lengthScale,
            speaker: opts.speaker,
          },
          run.signal,
        );
        if (pieces.length > 0) pieces.push(pause);
        pieces.push(out);
        run.onProgress?.({ done, total });
      }
    }
    const samples = concatSamples(pieces);
    return {
      samples,
      sampleRate: c.sampleRate,
      voiceUsed: voice.id,
      phonemeIds,
      missingPhonemes: [...missing],
    };
  }

  /**
   * Phoneme strings in two batches: the first sentence alone, then the rest
   * in one pool task that runs while the first sentence is being inferred.
   */
  private phonemeBatches(
    text: string,
    espeakVoice: string,
    run: RunControl,
  ): { total: number; batches: Promise<string[]>[] } {
    const sentences = piperSentences(text);
    const total = sentences.length;
    const first = sentencePhonemes(sentences.slice(0, 1), espeakVoice, this.phonemize, run);
    if (total < 2) return { total, batches: [first] };
    const rest = sentencePhonemes(sentences.slice(1), espeakVoice, this.phonemize, run);
    // Awaited later (or never, if the first batch fails): not an unhandled rejection.
    rest.catch(() => {});
    return { total, batches: [first, rest] };
  }

  voices(): Promise<VoiceInfo[]> {
    return modelVoices(this.registry, 'piper', this.id);
  }

  /** Releases every opened voice's session. */
  async close(): Promise<void> {
    const voices = [...this.open.values()];
    this.open.clear();
    for (const v of voices) await (await v.catch(() => undefined))?.close();
  }
}
