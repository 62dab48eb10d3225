/**
 * Seq2seq translation exports in the transformers.js layout (Marian, M2M100,
 * NLLB) through @huggingface/transformers, on the inference worker's ONNX
 * Runtime: the runner module (mt-runner.ts) executes inside that thread.
 */
import { UserError } from '../contract/errors.js';
import type { ModelEntry, OpenedModel } from '../models/registry.js';
import { getInferenceWorker } from '../workers/inference.js';
import { siblingModule } from '../workers/spawn-worker.js';
import { DEFAULT_BATCH_SIZE, DEFAULT_MAX_LENGTH, positiveInt } from './engine.js';
import type { MtEngine, TranslateOptions } from './engine.js';
import { pairTags } from './lang-tags.js';
import type { ModelLanguages } from './lang-tags.js';
import type { MtLoadInput, MtModelInfo, MtRunInput, MtRunOutput } from './mt-runner.js';

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

  constructor(
    readonly modelId: string,
    readonly family: string,
    readonly languages: readonly string[],
    private readonly load: MtLoadInput,
    private readonly info: MtModelInfo,
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
    const tags = pairTags(this.languagesOf(), from, to);
    if (texts.length === 0) return { translations: [], tokens: [], sourceIds: [], batches: 0 };
    // transformers.js 4.3 generates greedily whatever num_beams says: asking for
    // beams must not quietly give greedy output under a beam-search label.
    if ((options.beamSize ?? 1) > 1)
      throw new UserError(
        'bad_input',
        `beam size ${options.beamSize}: this runner decodes greedily only (transformers.js has no seq2seq beam search)`,
        'use beam size 1',
      );
    const input: MtRunInput = {
      ...this.load,
      texts: [...texts],
      prefix: tags.prefix,
      ...(tags.srcLang !== undefined ? { srcLang: tags.srcLang } : {}),
      ...(tags.tgtLang !== undefined ? { tgtLang: tags.tgtLang } : {}),
      numBeams: positiveInt('beam size', options.beamSize, 1),
      maxNewTokens: positiveInt('max length', options.maxLength, DEFAULT_MAX_LENGTH),
      batchSize: positiveInt('batch size', options.batchSize, DEFAULT_BATCH_SIZE),
    };
    return getInferenceWorker().call<MtRunInput, MtRunOutput>(RUNNER, 'translateMt', input, {
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
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
  return new Seq2SeqMtEngine(entry.id, entry.manifest.family, entry.manifest.languages, load, info);
}
