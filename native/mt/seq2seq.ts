/**
 * Seq2seq translation exports in the transformers.js layout (Marian, M2M100,
 * NLLB) through @huggingface/transformers, on the inference worker's ONNX
 * Runtime: the runner module (mt-runner.ts) executes inside that thread.
 * transformers.js decodes greedily only: beam search runs on the raw
 * sessions (seq2seq-beam.ts).
 */
import { UserError } from '../contract/errors.js';
import type { ModelEntry, OpenedModel } from '../models/registry.js';
import { getInferenceWorker } from '../workers/inference.js';
import { siblingModule } from '../workers/spawn-worker.js';
import { DEFAULT_BATCH_SIZE, DEFAULT_MAX_LENGTH, positiveInt } from './engine.js';
import type { MtEngine, TranslateOptions } from './engine.js';
import { pairTags } from './lang-tags.js';
import type { ModelLanguages } from './lang-tags.js';
import type {
  MtEncodeInput,
  MtEncoded,
  MtLoadInput,
  MtModelInfo,
  MtRunInput,
  MtRunOutput,
} from './mt-runner.js';
import { Seq2SeqGraphs } from './seq2seq-beam.js';

/** The files beam search loads its own sessions from. */
interface SessionFiles {
  encoder: string;
  decoder: string;
  config: string;
}

const RUNNER = siblingModule('./mt-runner.js', import.meta.url);

// transformers.js names each ONNX file's precision by the suffix of its stem.
const DTYPE_OF_SUFFIX: Record<string, string> = { quantized: 'q8', fp16: 'fp16', q4: 'q4' };

function dtypes(model: OpenedModel): Record<string, string> {
  const entries = Object.values(model.files).flatMap((file) => {
    const m = /(encoder_model|decoder_model_merged)(?:_(quantized|fp16|q4))?\.onnx$/.exec(file);
    return m ? [[m[1], m[2] === undefined ? 'fp32' : DTYPE_OF_SUFFIX[m[2]]] as const] : [];
  });
  return Object.fromEntries(entries);
}

export class Seq2SeqMtEngine implements MtEngine {
  private closed = false;
  private loadedGraphs: Promise<Seq2SeqGraphs> | undefined;

  constructor(
    readonly modelId: string,
    readonly family: string,
    readonly languages: readonly string[],
    private readonly load: MtLoadInput,
    private readonly info: MtModelInfo,
    private readonly files: SessionFiles,
  ) {}

  private languagesOf(): ModelLanguages {
    return {
      modelId: this.modelId,
      family: this.family,
      languages: this.languages,
      marianTargets: this.info.marianTargets,
    };
  }

  async translate(
    texts: readonly string[],
    from: string,
    to: string,
    options: TranslateOptions = {},
  ): Promise<string[]> {
    return (await this.run(texts, from, to, options)).translations;
  }

  /** The runner's raw output (generated ids, batches), for tests and the bench. */
  async run(
    texts: readonly string[],
    from: string,
    to: string,
    options: TranslateOptions = {},
  ): Promise<MtRunOutput> {
    if (this.closed) throw new Error(`translation engine ${this.modelId} is closed`);
    const tagged = this.tagged(texts, from, to);
    if (texts.length === 0) return { translations: [], tokens: [], sourceIds: [], batches: 0 };
    // transformers.js 4.3 generates greedily whatever num_beams says: beams go our own way.
    if (positiveInt('beam size', options.beamSize, 1) > 1)
      return this.runBeam(texts, from, to, options);
    const input: MtRunInput = {
      ...tagged,
      maxNewTokens: positiveInt('max length', options.maxLength, DEFAULT_MAX_LENGTH),
      batchSize: positiveInt('batch size', options.batchSize, DEFAULT_BATCH_SIZE),
    };
    return getInferenceWorker().call<MtRunInput, MtRunOutput>(RUNNER, 'translateMt', input, {
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
  }

  /**
   * Beam search (seq2seq-beam.ts) on the raw sessions, transformers.js
   * tokenising and detokenising; `run` takes this path for beams above 1.
   */
  async runBeam(
    texts: readonly string[],
    from: string,
    to: string,
    options: TranslateOptions & { lengthPenalty?: number } = {},
  ): Promise<MtRunOutput> {
    if (this.closed) throw new Error(`translation engine ${this.modelId} is closed`);
    const out: MtRunOutput = { translations: [], tokens: [], sourceIds: [], batches: 0 };
    if (texts.length === 0) return out;
    const beamSize = positiveInt('beam size', options.beamSize, 1);
    const maxLength = positiveInt('max length', options.maxLength, DEFAULT_MAX_LENGTH);
    const batchSize = positiveInt('batch size', options.batchSize, DEFAULT_BATCH_SIZE);
    const graphs = await this.graphs();
    for (let at = 0; at < texts.length; at += batchSize) {
      options.onProgress?.({ done: at, total: texts.length, message: 'translating' });
      const enc = await this.encode(texts.slice(at, at + batchSize), from, to);
      const hyps = await graphs.search(
        enc,
        {
          beamSize,
          maxLength,
          ...(options.lengthPenalty !== undefined ? { lengthPenalty: options.lengthPenalty } : {}),
        },
        options.signal,
      );
      const tokens = hyps.map((h) => h[0]?.tokens ?? []);
      const decoded = await getInferenceWorker().call<
        MtLoadInput & { tokens: number[][] },
        string[]
      >(RUNNER, 'decodeMt', { ...this.load, tokens });
      out.batches++;
      out.sourceIds.push(...enc.sourceIds);
      out.tokens.push(...tokens);
      out.translations.push(...decoded);
    }
    options.onProgress?.({ done: texts.length, total: texts.length, message: 'translating' });
    return out;
  }

  /** Source ids and generation settings of `texts`, as transformers.js tokenises them. */
  async encode(texts: readonly string[], from: string, to: string): Promise<MtEncoded> {
    const input = this.tagged(texts, from, to);
    return getInferenceWorker().call<MtEncodeInput, MtEncoded>(RUNNER, 'encodeMt', input);
  }

  /** The runner's input for `texts` with the pair's language tags (refused when unsupported). */
  private tagged(texts: readonly string[], from: string, to: string): MtEncodeInput {
    const tags = pairTags(this.languagesOf(), from, to);
    return {
      ...this.load,
      texts: [...texts],
      prefix: tags.prefix,
      ...(tags.srcLang !== undefined ? { srcLang: tags.srcLang } : {}),
      ...(tags.tgtLang !== undefined ? { tgtLang: tags.tgtLang } : {}),
    };
  }

  /** The raw encoder and decoder sessions, loaded on first use. */
  graphs(): Promise<Seq2SeqGraphs> {
    if (!this.loadedGraphs) {
      this.loadedGraphs = Seq2SeqGraphs.load(this.modelId, this.files);
      this.loadedGraphs.catch(() => (this.loadedGraphs = undefined));
    }
    return this.loadedGraphs;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const graphs = this.loadedGraphs;
    this.loadedGraphs = undefined;
    if (graphs) await (await graphs).release();
    await getInferenceWorker().call(RUNNER, 'closeMt', { dir: this.load.dir });
  }
}

/**
 * Opens a seq2seq model. The registry has loaded the ONNX files and checked
 * their signatures; transformers.js loads its own sessions from the same
 * files, so the registry's are released once the pipeline is up.
 */
export async function openSeq2SeqEngine(entry: ModelEntry, model: OpenedModel): Promise<MtEngine> {
  const load: MtLoadInput = { dir: model.dir, dtype: dtypes(model) };
  const info = await getInferenceWorker().call<MtLoadInput, MtModelInfo>(RUNNER, 'loadMt', load);
  await model.close();
  const file = (role: string): string => {
    const f = model.files[role];
    if (!f) throw new UserError('model_invalid', `model ${entry.id} has no ${role} file`);
    return f;
  };
  const files = { encoder: file('encoder'), decoder: file('decoder'), config: file('config') };
  return new Seq2SeqMtEngine(
    entry.id,
    entry.manifest.family,
    entry.manifest.languages,
    load,
    info,
    files,
  );
}
