/**
 * Whisper through @huggingface/transformers, on the inference worker's ONNX
 * Runtime: the runner module (whisper-runner.ts) executes inside that thread.
 * Language and task are forced (transcribe in the caller's language); audio
 * longer than one 30-s window goes through the pipeline's chunked decoding;
 * segments come from Whisper's timestamp tokens. With `scriptConstrained`
 * (default for languages written in a Brahmic script) a logits processor
 * masks tokens that would write letters of another script (script-mask.ts).
 */
import { UserError } from '../contract/errors.js';
import type { ModelEntry, ModelRegistry, OpenedModel } from '../models/registry.js';
import { isBrahmic, isSupportedLang, scriptOfLang } from '../text/scripts.js';
import { getInferenceWorker } from '../workers/inference.js';
import { siblingModule } from '../workers/spawn-worker.js';
import type { AsrAudio, AsrEngine, TranscribeOptions, Transcript } from './engine.js';
import { prepareAudio } from './prepare-audio.js';
import { segmentsOf, wordsFromSegments } from './whisper-segments.js';
import type { WhisperLoadInput, WhisperRunInput, WhisperRunOutput } from './whisper-runner.js';

/** Whisper's window: the encoder sees exactly 30 s. */
export const WHISPER_WINDOW_SECONDS = 30;
/** Decoder positions (max_target_positions) less the 3-token prompt. */
const MAX_NEW_TOKENS = 448 - 3;
/**
 * Longest audio one `transcribe` call takes; the pipeline cuts it into
 * 30-s windows itself (overlapping by 5 s, merged on the timestamps).
 */
const MAX_CALL_SECONDS = 600;

const RUNNER = siblingModule('./whisper-runner.js', import.meta.url);

/** transformers.js dtype names for the ONNX file suffixes the registry accepts. */
const DTYPE_OF_SUFFIX: Record<string, string> = {
  '': 'fp32',
  _quantized: 'q8',
  _fp16: 'fp16',
  _q4: 'q4',
};

function dtypes(model: OpenedModel): Record<string, string> {
  const out: Record<string, string> = {};
  for (const role of ['encoder', 'decoder']) {
    const file = model.files[role] ?? '';
    const m = /(encoder_model|decoder_model_merged)(_quantized|_fp16|_q4)?\.onnx$/.exec(file);
    if (m) out[m[1]] = DTYPE_OF_SUFFIX[m[2] ?? ''];
  }
  return out;
}

/** Whether script-constrained decoding is on by default for `language`. */
export function constrainByDefault(language: string): boolean {
  return isSupportedLang(language) && isBrahmic(scriptOfLang(language));
}

export class WhisperEngine implements AsrEngine {
  readonly family = 'whisper';
  readonly sampleRate = 16000;
  readonly maxChunkSeconds = MAX_CALL_SECONDS;
  private closed = false;

  constructor(
    readonly modelId: string,
    readonly languages: readonly string[],
    private readonly load: WhisperLoadInput,
  ) {}

  async transcribe(audio: AsrAudio, options: TranscribeOptions): Promise<Transcript> {
    if (this.closed) throw new Error(`whisper engine ${this.modelId} is closed`);
    const { language } = options;
    if (!isSupportedLang(language)) scriptOfLang(language); // throws the UserError
    const samples = prepareAudio(audio, this.sampleRate);
    const duration = samples.length / this.sampleRate;
    if (samples.length === 0) return { text: '', words: [], segments: [], duration };
    const out = await this.run(samples, language, options);
    const segments = segmentsOf(out.chunks, duration);
    return {
      text: segments.map((s) => s.text).join(' '),
      words: wordsFromSegments(segments),
      segments,
      duration,
    };
  }

  /**
   * The runner's raw output (tokens, steps, mask time), for tests and the
   * bench; `maxNewTokens` caps the decoder steps per window.
   */
  async run(
    samples: Float32Array,
    language: string,
    options: Omit<TranscribeOptions, 'language'> & { maxNewTokens?: number } = {},
  ): Promise<WhisperRunOutput> {
    const input: WhisperRunInput = {
      ...this.load,
      samples,
      language,
      scriptConstrained: options.scriptConstrained ?? constrainByDefault(language),
      chunkSeconds:
        samples.length > WHISPER_WINDOW_SECONDS * this.sampleRate ? WHISPER_WINDOW_SECONDS : 0,
      maxNewTokens: Math.min(options.maxNewTokens ?? MAX_NEW_TOKENS, MAX_NEW_TOKENS),
    };
    if (samples.length > MAX_CALL_SECONDS * this.sampleRate) {
      throw new UserError(
        'bad_input',
        `audio of ${(samples.length / this.sampleRate).toFixed(1)} s is longer than the ${MAX_CALL_SECONDS} s one Whisper call takes`,
        'cut it with the long-audio driver (maxChunkSeconds)',
      );
    }
    return getInferenceWorker().call<WhisperRunInput, WhisperRunOutput>(
      RUNNER,
      'transcribeWhisper',
      input,
      {
        ...(options.signal ? { signal: options.signal } : {}),
        ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      },
    );
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await getInferenceWorker().call(RUNNER, 'closeWhisper', { dir: this.load.dir });
  }
}

/**
 * Opens a Whisper model for `open.ts`. The registry has loaded the ONNX files
 * and checked their signatures; transformers.js loads its own sessions from
 * the same files, so the registry's are released once the pipeline is up.
 */
export async function openWhisperEngine(
  entry: ModelEntry,
  model: OpenedModel,
  _registry: ModelRegistry,
): Promise<AsrEngine> {
  const load: WhisperLoadInput = { dir: model.dir, dtype: dtypes(model) };
  await getInferenceWorker().call(RUNNER, 'loadWhisper', load);
  await model.close();
  return new WhisperEngine(entry.id, entry.manifest.languages ?? [], load);
}
