export { MAX_TEXT_CHARS } from './engine.js';
export type {
  RunControl,
  SynthesisOptions,
  SynthesisResult,
  TtsEngine,
  VoiceInfo,
  WordTiming,
} from './engine.js';
export { EspeakEngine, registerEspeakTasks } from './espeak/engine.js';
export { INDIC_LANGUAGES } from './espeak/languages.js';
export type { IndicLanguage } from './espeak/languages.js';
export type { PhonemeResult, PhonemizeOptions } from './espeak/phonemize.js';
export type { EspeakSynthesis } from './espeak/synthesize.js';
export { synthesizeBatch } from './batch.js';
export type { BatchOptions, ManifestEntry } from './batch.js';
export { readSynthesisRows } from './rows.js';
export type { SynthesisRow } from './rows.js';
export * from './post/index.js';
