/**
 * MMS-TTS (VITS) models as a `TtsEngine`. A voice is a registry model of
 * family `mms-tts`, named by model id in `opts.voice`. Text is tokenised
 * from the model's own vocabulary (no phonemiser) and run sentence by
 * sentence on the inference worker. The exported graph fixes noise and
 * speaking rate, so `noiseScale` and `lengthScale` mean nothing here and are
 * ignored.
 */
import { readFile } from 'node:fs/promises';
import { CancelledError, UserError } from '../../contract/errors.js';
import { ModelRegistry } from '../../models/registry.js';
import type { OpenedModel } from '../../models/registry.js';
import { getInferenceWorker } from '../../workers/inference.js';
import type { WireTensors } from '../../workers/inference.js';
import { MAX_TEXT_CHARS } from '../engine.js';
import type {
  RunControl,
  SynthesisOptions,
  SynthesisResult,
  TtsEngine,
  VoiceInfo,
} from '../engine.js';
import { modelVoices } from '../model-voices.js';
import { splitSentences } from '../espeak/sentences.js';
import { loadMmsTokenizer, tokenize } from './tokenizer.js';
import type { MmsTokenizer } from './tokenizer.js';
import { concatSamples } from '../samples.js';

export interface MmsSynthesis extends SynthesisResult {
  /** Token ids fed to the model, one array per sentence. */
  tokenIds: number[][];
  /** Characters the model's vocabulary lacks, dropped from the text. */
  droppedChars: string[];
  warnings: string[];
}

interface MmsVoice {
  model: OpenedModel;
  tokenizer: MmsTokenizer;
  sampleRate: number;
}

const DEFAULT_PAUSE_MS = 300;

export class MmsTtsEngine implements TtsEngine {
  readonly id = 'mms';
  private readonly registry: ModelRegistry;
  private readonly open = new Map<string, Promise<MmsVoice>>();

  constructor(options: { registry?: ModelRegistry } = {}) {
    this.registry = options.registry ?? new ModelRegistry();
  }

  private voice(id: string): Promise<MmsVoice> {
    let v = this.open.get(id);
    if (!v) {
      v = this.openVoice(id);
      this.open.set(id, v);
      v.catch(() => this.open.delete(id));
    }
    return v;
  }

  private async openVoice(id: string): Promise<MmsVoice> {
    const entry = await this.registry.get(id);
    if (entry.manifest.family !== 'mms-tts') {
      throw new UserError(
        'bad_input',
        `model ${id} is a ${entry.manifest.family} model, not an MMS-TTS model`,
      );
    }
    const model = await this.registry.open(id);
    try {
      // The tokenizer is read first: a uroman model is refused before anything else.
      const tokenizer = await loadMmsTokenizer(model.files.vocab, model.files.tokenizer_config, id);
      const config = JSON.parse(await readFile(model.files.config, 'utf8')) as {
        sampling_rate?: unknown;
      };
      const sampleRate =
        typeof config.sampling_rate === 'number'
          ? config.sampling_rate
          : (entry.manifest.sampleRate ?? 16000);
      return { model, tokenizer, sampleRate };
    } catch (e) {
      await model.close();
      throw e;
    }
  }

  async synthesize(
    text: string,
    opts: SynthesisOptions,
    run: RunControl = {},
  ): Promise<MmsSynthesis> {
    if (text.length > MAX_TEXT_CHARS) {
      throw new UserError(
        'bad_input',
        `text is ${text.length} characters; the limit is ${MAX_TEXT_CHARS}`,
      );
    }
    const voice = await this.voice(opts.voice);
    const sentences = splitSentences(text)
      .map((s) => s.text.trim())
      .filter((s) => s.length > 0);
    const pause = new Float32Array(
      Math.round(((opts.sentencePauseMs ?? DEFAULT_PAUSE_MS) / 1000) * voice.sampleRate),
    );
    const pieces: Float32Array[] = [];
    const tokenIds: number[][] = [];
    const dropped = new Set<string>();
    for (const [i, sentence] of sentences.entries()) {
      if (run.signal?.aborted) throw new CancelledError('MMS-TTS synthesis');
      const t = tokenize(voice.tokenizer, sentence);
      t.dropped.forEach((c) => dropped.add(c));
      // Only blanks left: nothing the model can say.
      if (!t.ids.some((id) => id !== voice.tokenizer.blankId)) continue;
      tokenIds.push(t.ids);
      const n = t.ids.length;
      const session = voice.model.sessions.model;
      const feeds: WireTensors = {
        input_ids: { type: 'int64', dims: [1, n], data: BigInt64Array.from(t.ids, BigInt) },
      };
      if (session.inputNames.includes('attention_mask')) {
        feeds.attention_mask = { type: 'int64', dims: [1, n], data: new BigInt64Array(n).fill(1n) };
      }
      const out = await getInferenceWorker().run(session.id, feeds, ['waveform'], {
        signal: run.signal,
      });
      if (pieces.length > 0) pieces.push(pause);
      pieces.push(out.waveform.data as Float32Array);
      run.onProgress?.({ done: i + 1, total: sentences.length });
    }
    if (pieces.length === 0) {
      throw new UserError(
        'bad_input',
        `nothing to say: model ${opts.voice} has no characters of this text in its vocabulary`,
      );
    }
    return {
      samples: concatSamples(pieces),
      sampleRate: voice.sampleRate,
      voiceUsed: opts.voice,
      tokenIds,
      droppedChars: [...dropped],
      warnings:
        dropped.size > 0
          ? [
              `model ${opts.voice} has no ${[...dropped].map((c) => JSON.stringify(c)).join(', ')} in its vocabulary; dropped`,
            ]
          : [],
    };
  }

  voices(): Promise<VoiceInfo[]> {
    return modelVoices(this.registry, 'mms-tts', this.id);
  }

  async close(): Promise<void> {
    const voices = [...this.open.values()];
    this.open.clear();
    for (const v of voices) await (await v.catch(() => undefined))?.model.close();
  }
}
