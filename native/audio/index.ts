export type { AudioContainer, DecodedAudio, SourceFormat } from './types.js';
export { decodeWav, encodeWav, isWav, readWavHeader } from './wav.js';
export type { EncodeWavOptions, ReadWavHeaderOptions, WavHeader } from './wav.js';
export { decodeAudio, decodeAudioFile } from './decode.js';
export { sniffAudio } from './sniff.js';
export type { SniffedFormat } from './sniff.js';
export {
  PASSBAND,
  Resampler,
  STOPBAND_DB,
  kernelKind,
  outputLength,
  resample,
} from './resample.js';
export { mixToMono } from './mix.js';
export { computePeaks, decodePeaks, downsamplePeaks, encodePeaks } from './peaks.js';
export type { Peaks } from './peaks.js';
export { SILENCE_DBFS, measureLevels } from './levels.js';
export type { LevelOptions, Levels } from './levels.js';
