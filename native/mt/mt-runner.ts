/**
 * The seq2seq translation runner: runs inside the inference worker thread
 * (through `getInferenceWorker().call()`), where @huggingface/transformers
 * finds the onnxruntime-node instance that thread already loaded. One
 * pipeline per model folder, local files only. Generation is transformers.js's
 * own; each sentence is cut at its first end token, because a batch keeps
 * generating until every sentence has ended.
 */
import type { TaskContext } from '../workers/task.js';
import { loadLocalPipeline, localTransformers } from '../workers/transformers-local.js';

export interface MtLoadInput {
  dir: string;
  /** transformers.js dtype of each ONNX file, by file stem (`encoder_model`, `decoder_model_merged`). */
  dtype: Record<string, string>;
}

export interface MtModelInfo {
  /** `>>xxx<<` target tokens of a multi-target Marian vocabulary. */
  marianTargets: string[];
}

export interface MtEncodeInput extends MtLoadInput {
  texts: string[];
  /** Prepended to each sentence (Marian's target token). */
  prefix: string;
  srcLang?: string;
  tgtLang?: string;
}

/** Greedy decoding through transformers.js; beams above 1 go through seq2seq-beam.ts instead. */
export interface MtRunInput extends MtEncodeInput {
  maxNewTokens: number;
  batchSize: number;
}

export interface MtRunOutput {
  translations: string[];
  /** Generated ids of each sentence, up to and with its end token (no decoder start). */
  tokens: number[][];
  /** Encoder input ids of each sentence (language tokens included, padding not). */
  sourceIds: number[][];
  /** generate() calls made. */
  batches: number;
}

interface Tokenizer {
  (texts: string[], options: Record<string, unknown>): { input_ids: TensorLike };
  _build_translation_inputs?(
    texts: string[],
    options: Record<string, unknown>,
    kwargs: Record<string, unknown>,
  ): { input_ids: TensorLike };
  decode(ids: number[], options: { skip_special_tokens: boolean }): string;
  get_vocab(): Map<string, number>;
}

interface TensorLike {
  tolist(): (bigint | number)[][];
}

interface Seq2Seq {
  generate(inputs: Record<string, unknown>): Promise<TensorLike>;
  generation_config?: { eos_token_id?: number | number[] | null };
  config: { eos_token_id?: number | number[]; pad_token_id?: number };
}

interface Loaded {
  pipe: { tokenizer: Tokenizer; model: Seq2Seq; dispose(): Promise<void> };
  eos: number[];
  pad: number | undefined;
  info: MtModelInfo;
}

const loaded = new Map<string, Promise<Loaded>>();

function idList(v: number | number[] | null | undefined): number[] {
  if (v === null || v === undefined) return [];
  return Array.isArray(v) ? v : [v];
}

function load(input: MtLoadInput): Promise<Loaded> {
  let p = loaded.get(input.dir);
  if (!p) {
    const start = async (): Promise<Loaded> => {
      const pipe = await loadLocalPipeline<Loaded['pipe']>('translation', input.dir, input.dtype);
      const eos = idList(
        pipe.model.generation_config?.eos_token_id ?? pipe.model.config.eos_token_id,
      );
      const marianTargets = [...pipe.tokenizer.get_vocab().keys()].filter((t) =>
        /^>>\w+<<$/.test(t),
      );
      const pad = pipe.model.config.pad_token_id;
      return { pipe, eos, pad, info: { marianTargets } };
    };
    p = start();
    loaded.set(input.dir, p);
    p.catch(() => loaded.delete(input.dir));
  }
  return p;
}

/** Loads the pipeline (so that a broken model fails on open, not on first use). */
export async function loadMt(input: MtLoadInput): Promise<MtModelInfo> {
  return (await load(input)).info;
}

export async function closeMt(input: { dir: string }): Promise<void> {
  const p = loaded.get(input.dir);
  loaded.delete(input.dir);
  if (p) await (await p).pipe.dispose();
}

/**
 * Tokenises as generate() is fed: `kwargs` gets the generation arguments the
 * tokenizer adds (M2M100/NLLB's `forced_bos_token_id` for the target language).
 */
function tokenize(
  tokenizer: Tokenizer,
  input: Pick<MtEncodeInput, 'prefix' | 'srcLang' | 'tgtLang'>,
  batch: readonly string[],
): { inputs: { input_ids: TensorLike }; kwargs: Record<string, unknown> } {
  const texts = batch.map((t) => input.prefix + t);
  const kwargs: Record<string, unknown> = {};
  const options = { padding: true, truncation: true };
  if (input.tgtLang !== undefined && tokenizer._build_translation_inputs) {
    kwargs.tgt_lang = input.tgtLang;
    if (input.srcLang !== undefined) kwargs.src_lang = input.srcLang;
    return { inputs: tokenizer._build_translation_inputs(texts, options, kwargs), kwargs };
  }
  return { inputs: tokenizer(texts, options), kwargs };
}

/** What a decoding loop outside transformers.js needs to reproduce generate(). */
export interface MtEncoded {
  /** Encoder input ids of each sentence, padding removed. */
  sourceIds: number[][];
  pad: number;
  start: number;
  eos: number;
  /** The token generate() forces first (M2M100/NLLB's target language), if any. */
  forcedBos?: number;
  /** Tokens generate() never emits (single-token `bad_words_ids`, as Marian's pad; `suppress_tokens`). */
  suppressed: number[];
}

/** Tokenises for the beam-search path (seq2seq-beam.ts). */
export async function encodeMt(input: MtEncodeInput): Promise<MtEncoded> {
  const { pipe, eos, pad } = await load(input);
  const { tokenizer, model } = pipe;
  const { inputs, kwargs } = tokenize(tokenizer, input, input.texts);
  const config = model.config as Seq2Seq['config'] & { decoder_start_token_id?: number };
  const gen = model.generation_config as
    { bad_words_ids?: number[][] | null; suppress_tokens?: number[] | null } | undefined;
  const padId = pad ?? 0;
  const forced = kwargs.forced_bos_token_id;
  return {
    sourceIds: inputs.input_ids.tolist().map((row) => row.map(Number).filter((t) => t !== pad)),
    pad: padId,
    start: config.decoder_start_token_id ?? padId,
    eos: eos[0],
    ...(typeof forced === 'number' ? { forcedBos: forced } : {}),
    suppressed: [
      ...(gen?.bad_words_ids ?? []).filter((w) => w.length === 1).map((w) => w[0]),
      ...(gen?.suppress_tokens ?? []),
    ],
  };
}

/** Detokenises generated ids as translateMt does. */
export async function decodeMt(input: MtLoadInput & { tokens: number[][] }): Promise<string[]> {
  const { tokenizer } = (await load(input)).pipe;
  return input.tokens.map((ids) => tokenizer.decode(ids, { skip_special_tokens: true }).trim());
}

export async function translateMt(input: MtRunInput, ctx: TaskContext): Promise<MtRunOutput> {
  const tf = await localTransformers();
  const { pipe, eos, pad } = await load(input);
  const { tokenizer, model } = pipe;

  // A batch stops when every sentence has ended, not only those ending on this step.
  class EndedOnce extends tf.StoppingCriteria {
    constructor(private readonly promptLength: number) {
      super();
    }
    override _call(inputIds: (number | bigint)[][]): boolean[] {
      ctx.throwIfCancelled();
      return inputIds.map((ids) =>
        ids.slice(this.promptLength).some((t) => eos.includes(Number(t))),
      );
    }
  }

  const translations: string[] = [];
  const tokens: number[][] = [];
  const sourceIds: number[][] = [];
  let batches = 0;
  for (let from = 0; from < input.texts.length; from += input.batchSize) {
    ctx.progress({ done: from, total: input.texts.length, message: 'translating' });
    const { inputs, kwargs } = tokenize(
      tokenizer,
      input,
      input.texts.slice(from, from + input.batchSize),
    );
    for (const row of inputs.input_ids.tolist()) {
      sourceIds.push(row.map(Number).filter((t) => t !== pad));
    }
    const criteria = new tf.StoppingCriteriaList();
    criteria.push(new EndedOnce(1));
    const out = await model.generate({
      ...inputs,
      ...kwargs,
      max_new_tokens: input.maxNewTokens,
      num_beams: 1,
      stopping_criteria: criteria,
    });
    batches++;
    for (const row of out.tolist()) {
      const ids = row.slice(1).map(Number);
      const end = ids.findIndex((t) => eos.includes(t));
      const kept = end === -1 ? ids : ids.slice(0, end + 1);
      tokens.push(kept);
      translations.push(tokenizer.decode(kept, { skip_special_tokens: true }).trim());
    }
  }
  ctx.progress({ done: input.texts.length, total: input.texts.length, message: 'translating' });
  return { translations, tokens, sourceIds, batches };
}
