/**
 * The Whisper runner: runs inside the inference worker thread (through
 * `getInferenceWorker().call()`), where @huggingface/transformers finds the
 * onnxruntime-node instance that thread already loaded. One pipeline per
 * model folder, local files only; one script mask per (folder, language).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { scriptOfLang } from '../text/scripts.js';
import type { TaskContext } from '../workers/task.js';
import { loadLocalPipeline, localTransformers } from '../workers/transformers-local.js';
import type { Transformers } from '../workers/transformers-local.js';
import { ScriptMask, allowedScripts, vocabBytes } from './script-mask.js';
import type { TokenizerJson } from './script-mask.js';

export interface WhisperLoadInput {
  dir: string;
  /** transformers.js dtype of each ONNX file, by file stem (`encoder_model`, `decoder_model_merged`). */
  dtype: Record<string, string>;
}

export interface WhisperRunInput extends WhisperLoadInput {
  samples: Float32Array;
  language: string;
  scriptConstrained: boolean;
  /** Window of the pipeline's chunked decoding, seconds (0: one window). */
  chunkSeconds: number;
  /** Decoder steps per window; Whisper's 448 positions less the prompt. */
  maxNewTokens: number;
}

export interface WhisperChunk {
  text: string;
  timestamp: [number, number | null];
}

export interface WhisperRunOutput {
  text: string;
  chunks: WhisperChunk[];
  /** Decoder steps run (logits vectors processed). */
  steps: number;
  /** Milliseconds spent applying the script mask, over all steps. */
  maskMs: number;
  /** Ids of the tokens generated in each window (specials included). */
  tokens: number[][];
}

type AsrPipeline = (
  audio: Float32Array,
  options: Record<string, unknown>,
) => Promise<{ text: string; chunks?: WhisperChunk[] }>;

interface Loaded {
  pipe: AsrPipeline & { dispose(): Promise<void> };
  vocabSize: number;
  masks: Map<string, ScriptMask>;
  tokenizer: TokenizerJson;
}

const loaded = new Map<string, Promise<Loaded>>();

function load(input: WhisperLoadInput): Promise<Loaded> {
  let p = loaded.get(input.dir);
  if (!p) {
    const start = async (): Promise<Loaded> => {
      const pipe = await loadLocalPipeline<Loaded['pipe']>(
        'automatic-speech-recognition',
        input.dir,
        input.dtype,
      );
      const config = JSON.parse(await readFile(join(input.dir, 'config.json'), 'utf8')) as {
        vocab_size: number;
      };
      const tokenizer = JSON.parse(
        await readFile(join(input.dir, 'tokenizer.json'), 'utf8'),
      ) as TokenizerJson;
      return { pipe, vocabSize: config.vocab_size, masks: new Map(), tokenizer };
    };
    p = start();
    loaded.set(input.dir, p);
    p.catch(() => loaded.delete(input.dir));
  }
  return p;
}

/** Windows the pipeline cuts `samples` into: 30 s long, each 20 s after the last (5-s strides). */
function windowCount(samples: number, chunkSeconds: number, rate = 16000): number {
  if (chunkSeconds <= 0) return 1;
  const window = chunkSeconds * rate;
  const jump = window - (2 * window) / 6;
  let n = 1;
  for (let offset = 0; offset + window < samples; offset += jump) n++;
  return n;
}

/** The script mask of (model, language), built on first use. */
function maskFor(model: Loaded, language: string): ScriptMask {
  let mask = model.masks.get(language);
  if (!mask) {
    mask = new ScriptMask(
      vocabBytes(model.tokenizer, model.vocabSize),
      allowedScripts(scriptOfLang(language)),
    );
    model.masks.set(language, mask);
  }
  return mask;
}

/** Loads the pipeline (so that a broken model fails on open, not on first use). */
export async function loadWhisper(input: WhisperLoadInput): Promise<{ vocabSize: number }> {
  const m = await load(input);
  return { vocabSize: m.vocabSize };
}

export async function closeWhisper(input: { dir: string }): Promise<void> {
  const p = loaded.get(input.dir);
  loaded.delete(input.dir);
  if (p) await (await p).pipe.dispose();
}

/** Builds the mask of (model, language) and returns its size, for tests and benches. */
export async function whisperMaskStats(
  input: WhisperLoadInput & { language: string },
): Promise<{ banned: number; vocab: number; buildMs: number }> {
  const m = await load(input);
  const t0 = performance.now();
  const mask = maskFor(m, input.language);
  return {
    banned: mask.bannedAfter([]).length,
    vocab: mask.size,
    buildMs: performance.now() - t0,
  };
}

export async function transcribeWhisper(
  input: WhisperRunInput,
  ctx: TaskContext,
): Promise<WhisperRunOutput> {
  const tf = await localTransformers();
  const model = await load(input);
  const mask = input.scriptConstrained ? maskFor(model, input.language) : undefined;
  const stats = { steps: 0, maskMs: 0 };
  const tokens: number[][] = [];

  class ScriptMaskProcessor extends tf.LogitsProcessor {
    override _call(inputIds: bigint[][], logits: InstanceType<Transformers['Tensor']>) {
      ctx.throwIfCancelled();
      stats.steps++;
      const t0 = performance.now();
      if (mask) {
        for (let i = 0; i < inputIds.length; i++) {
          const row = (logits as unknown as { data: Float32Array }[])[i];
          mask.apply(inputIds[i], row.data);
        }
      }
      stats.maskMs += performance.now() - t0;
      return logits;
    }
  }

  // The pipeline hands the same list to every window's generate(), which
  // pushes Whisper's own processors into it: keep one of each kind.
  class OnePerKind extends tf.LogitsProcessorList {
    override push(item: unknown): void {
      const i = this.processors.findIndex((p: unknown) => p?.constructor === item?.constructor);
      if (i >= 0) this.processors[i] = item as never;
      else this.processors.push(item as never);
    }
  }
  const processors = new OnePerKind();
  processors.push(new ScriptMaskProcessor());
  const total = windowCount(input.samples.length, input.chunkSeconds);
  const streamer = {
    put(ids: bigint[][]): void {
      if (ids[0].length > 1) {
        ctx.progress({ done: tokens.length, total, message: 'transcribing' });
        tokens.push([]);
      } else tokens.at(-1)?.push(Number(ids[0][0]));
    },
    end(): void {},
  };

  const out = await model.pipe(input.samples, {
    language: input.language,
    task: 'transcribe',
    return_timestamps: true,
    chunk_length_s: input.chunkSeconds,
    max_new_tokens: input.maxNewTokens,
    logits_processor: processors,
    streamer,
  });
  return {
    text: out.text,
    chunks: out.chunks ?? [],
    steps: stats.steps,
    maskMs: stats.maskMs,
    tokens,
  };
}
