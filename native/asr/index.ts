export type {
  AsrAudio,
  AsrEngine,
  AsrSegment,
  AsrWord,
  TranscribeOptions,
  Transcript,
} from './engine.js';
export { openAsrEngine } from './open.js';
export type { OpenAsrOptions } from './open.js';
export { bestPath, emptyTranscript, greedyCtcDecode } from './ctc-decode.js';
export type { CtcDecodeOptions, CtcEmissions, CtcVocabulary } from './ctc-decode.js';
export { CtcEngine } from './ctc-engine.js';
export type { TimedEmissions } from './ctc-engine.js';
export { Wav2Vec2CtcEngine, zeroMeanUnitVariance } from './wav2vec2.js';
export { NemoCtcEngine } from './nemo.js';
export { NEMO_MEL_DEFAULTS, logMelFeatures, melFrames } from './nemo-mel.js';
export type { MelConfig, MelFeatures } from './nemo-mel.js';
export { prepareAudio } from './prepare-audio.js';
export { MAX_CHUNK_SECONDS, planChunks, transcribeLongAudio } from './long-audio.js';
export type { LongAudioOptions, LongTranscript } from './long-audio.js';
export { toSrt, toWebVtt } from './subtitles.js';
