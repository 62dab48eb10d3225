/**
 * Opens a registry model as an `MtEngine`, chosen by the family its manifest
 * names. The ONNX files are loaded and their signatures checked by the
 * registry first, so a wrong export fails here, naming file and tensor.
 */
import { UserError } from '../contract/errors.js';
import { ModelRegistry } from '../models/registry.js';
import type { MtEngine, TranslateOptions } from './engine.js';

export interface OpenMtOptions {
  registry?: ModelRegistry;
}

const SEQ2SEQ_FAMILIES = ['marian', 'm2m100', 'nllb'];
const MT_FAMILIES = [...SEQ2SEQ_FAMILIES, 'indictrans2'];

export async function openMtEngine(
  modelId: string,
  options: OpenMtOptions = {},
): Promise<MtEngine> {
  const registry = options.registry ?? new ModelRegistry();
  const entry = await registry.get(modelId);
  if (entry.manifest.task !== 'mt' || !MT_FAMILIES.includes(entry.manifest.family)) {
    throw new UserError(
      'unsupported',
      `model ${modelId} is a ${entry.manifest.task} model of family "${entry.manifest.family}", not a translation model (${MT_FAMILIES.join(', ')})`,
    );
  }
  const model = await registry.open(modelId);
  try {
    if (entry.manifest.family === 'indictrans2') {
      return await (await import('./indictrans2/engine.js')).openIndicTrans2Engine(entry, model);
    }
    // Loaded on demand: it brings transformers.js.
    return await (await import('./seq2seq.js')).openSeq2SeqEngine(entry, model);
  } catch (e) {
    await model.close();
    throw e;
  }
}

/** Opens `modelId`, translates `texts` in one go and closes the engine again. */
export async function translateOnce(
  modelId: string,
  texts: readonly string[],
  from: string,
  to: string,
  options: TranslateOptions | undefined,
  registry?: ModelRegistry,
): Promise<string[]> {
  const engine = await openMtEngine(modelId, registry ? { registry } : {});
  try {
    return await engine.translate(texts, from, to, options);
  } finally {
    await engine.close();
  }
}
