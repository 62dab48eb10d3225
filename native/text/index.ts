/** Public API of Indic text handling (spoken numbers live in `./numbers/`). */
export { toCodePoints, cpLength, cpSlice, utf16ToCp, cpToUtf16 } from './code-points.js';
export {
  BRAHMIC_BLOCK_START,
  LANG_SCRIPT,
  SUPPORTED_LANGS,
  assertLang,
  brahmicOffset,
  dominantScript,
  fromBrahmicOffset,
  isBrahmic,
  isSupportedLang,
  scriptOf,
  scriptOfLang,
} from './scripts.js';
export type { BrahmicScript, Lang, Script } from './scripts.js';
export { PROFILES, normalize, normalizeForReadings, words } from './normalize.js';
export type { Normalized, Profile, Word } from './normalize.js';
export { foldLooseChar, variantTable } from './variants.js';
export { assetsDir, readLexiconJson } from './assets.js';
export { aksharaSpans, aksharas } from './akshara.js';
export type { AksharaSpan } from './akshara.js';
export { sameWordAcrossScripts, translitKey, translitKeys } from './translit-key.js';
