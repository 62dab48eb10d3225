/**
 * Opens a registry model as an `AsrEngine`, chosen by the family its
 * manifest names. The ONNX files are loaded and their signatures checked by
 * the registry first, so a wrong export fails here, naming file and tensor.
 */
import { UserError } from '../contract/errors.js';
import { ModelRegistry } from '../models/registry.js';
import type { ModelEntry, OpenedModel } from '../models/registry.js';
import type { AsrEngine } from './engine.js';
import { NemoCtcEngine } from './nemo.js';
import { Wav2Vec2CtcEngine } from './wav2vec2.js';

export interface OpenAsrOptions {
  registry?: ModelRegistry;
}

const OPENERS: Record<
  string,
  (entry: ModelEntry, model: OpenedModel, registry: ModelRegistry) => Promise<AsrEngine>
> = {
  'wav2vec2-ctc': (entry, model) => Wav2Vec2CtcEngine.open(entry, model),
  'nemo-ctc': (entry, model) => NemoCtcEngine.open(entry, model),
  // Loaded on demand: it brings transformers.js, which only the Whisper family needs.
  whisper: async (entry, model, registry) =>
    (await import('./whisper.js')).openWhisperEngine(entry, model, registry),
};

export async function openAsrEngine(
  modelId: string,
  options: OpenAsrOptions = {},
): Promise<AsrEngine> {
  const registry = options.registry ?? new ModelRegistry();
  const entry = await registry.get(modelId);
  const opener = OPENERS[entry.manifest.family];
  if (entry.manifest.task !== 'asr' || !opener) {
    throw new UserError(
      'unsupported',
      `model ${modelId} is a ${entry.manifest.task} model of family "${entry.manifest.family}", not a speech recogniser (${Object.keys(OPENERS).join(', ')})`,
    );
  }
  const model = await registry.open(modelId);
  try {
    return await opener(entry, model, registry);
  } catch (e) {
    await model.close();
    throw e;
  }
}
