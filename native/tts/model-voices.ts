import type { ModelRegistry } from '../models/registry.js';
import type { VoiceInfo } from './engine.js';
import { indicLanguage } from './espeak/languages.js';

/** The installed models of one family as voices (Piper and MMS-TTS list them alike). */
export async function modelVoices(
  registry: ModelRegistry,
  family: string,
  engine: string,
): Promise<VoiceInfo[]> {
  const { models } = await registry.list();
  return models
    .filter((m) => m.manifest.family === family)
    .map((m) => {
      const language = m.manifest.languages[0] ?? 'und';
      const indic = indicLanguage(language);
      return {
        id: m.id,
        name: m.manifest.name ?? m.id,
        language,
        indic: indic !== undefined,
        script: indic?.script ?? '',
        engine,
      };
    });
}
