export { AUGMENT_PRESETS, AugmentChain, AugmentStep, applyChain, parseChain } from './chain.js';
export type { AugmentStepInput, AugmentedAudio } from './chain.js';
export { normalizeLoudness, speechLevelDbfs } from './loudness.js';
export type { LoudnessOptions } from './loudness.js';
export { addNoise, makeNoise } from './noise.js';
export type { NoiseKind } from './noise.js';
export { reverb, reverbImpulse } from './reverb.js';
export type { ReverbOptions } from './reverb.js';
export { speedPerturb } from './speed.js';
export {
  TELEPHONE_RATE,
  telephone,
  ulawDecode,
  ulawEncode,
  ulawRoundTrip,
  ulawStep,
} from './telephone.js';
