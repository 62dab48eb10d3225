/**
 * Which script a character or word is written in, and which script each
 * supported language uses. Indic scripts are identified by their Unicode
 * block: the nine Brahmic blocks share one layout (ISCII heritage), so the
 * offset inside the block says "which letter" independently of the script,
 * which is how a Telugu word typed with Kannada letters is recognised.
 */
import { UserError } from '../contract/errors.js';

export type BrahmicScript =
  | 'Devanagari'
  | 'Bengali'
  | 'Gurmukhi'
  | 'Gujarati'
  | 'Odia'
  | 'Tamil'
  | 'Telugu'
  | 'Kannada'
  | 'Malayalam';

export type Script = BrahmicScript | 'Latin' | 'Arabic' | 'Common' | 'Other';

/** First code point of each Brahmic block; each block is 128 code points long. */
export const BRAHMIC_BLOCK_START: Readonly<Record<BrahmicScript, number>> = {
  Devanagari: 0x0900,
  Bengali: 0x0980,
  Gurmukhi: 0x0a00,
  Gujarati: 0x0a80,
  Odia: 0x0b00,
  Tamil: 0x0b80,
  Telugu: 0x0c00,
  Kannada: 0x0c80,
  Malayalam: 0x0d00,
};

const BRAHMIC_ORDER: readonly BrahmicScript[] = [
  'Devanagari',
  'Bengali',
  'Gurmukhi',
  'Gujarati',
  'Odia',
  'Tamil',
  'Telugu',
  'Kannada',
  'Malayalam',
];

const LETTER_OR_MARK = /[\p{L}\p{M}]/u;
const LATIN = /\p{Script=Latin}/u;
const ARABIC = /\p{Script=Arabic}/u;

/** The script of one code point (given as a number or a one-code-point string). */
export function scriptOf(cp: number | string): Script {
  const c = typeof cp === 'string' ? (cp.codePointAt(0) ?? 0) : cp;
  if (c >= 0x0900 && c < 0x0d80) {
    // Danda and double danda sit in the Devanagari block but every Indic
    // script uses them: Unicode gives them Script=Common, and so do we.
    if (c === 0x0964 || c === 0x0965) return 'Common';
    return BRAHMIC_ORDER[(c - 0x0900) >> 7];
  }
  // Devanagari Extended and Vedic Extensions are written with Devanagari.
  if ((c >= 0xa8e0 && c <= 0xa8ff) || (c >= 0x1cd0 && c <= 0x1cff)) return 'Devanagari';
  const ch = String.fromCodePoint(c);
  if (LATIN.test(ch)) return 'Latin';
  if (ARABIC.test(ch)) return 'Arabic';
  if (!LETTER_OR_MARK.test(ch)) return 'Common';
  // Combining diacritics (U+0300…) are Script=Inherited: they belong to
  // whatever they sit on, so they count for no script of their own.
  if (/\p{Script=Inherited}/u.test(ch)) return 'Common';
  return 'Other';
}

export function isBrahmic(script: Script): script is BrahmicScript {
  return script in BRAHMIC_BLOCK_START;
}

/**
 * Offset of `cp` inside its 128-code-point Brahmic block (0x15 is KA in every
 * one of them), or `undefined` for a code point outside the Brahmic blocks.
 */
export function brahmicOffset(cp: number | string): number | undefined {
  const c = typeof cp === 'string' ? (cp.codePointAt(0) ?? 0) : cp;
  if (c < 0x0900 || c >= 0x0d80) return undefined;
  return c & 0x7f;
}

/** The code point at `offset` of `script`'s block: the inverse of `brahmicOffset`. */
export function fromBrahmicOffset(script: BrahmicScript, offset: number): number {
  return BRAHMIC_BLOCK_START[script] + (offset & 0x7f);
}

/**
 * The script that most of a word's letters and marks are written in;
 * `Common` when it has none (digits, punctuation). Ties go to the script
 * seen first.
 */
export function dominantScript(word: string): Script {
  const counts = new Map<Script, number>();
  for (const ch of word) {
    const s = scriptOf(ch);
    if (s === 'Common') continue;
    counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  let best: Script = 'Common';
  let bestN = 0;
  for (const [s, n] of counts) {
    if (n > bestN) {
      best = s;
      bestN = n;
    }
  }
  return best;
}

/** Language codes Charkha supports, with the script each is written in. */
export const LANG_SCRIPT = {
  hi: 'Devanagari',
  mr: 'Devanagari',
  ne: 'Devanagari',
  sa: 'Devanagari',
  bn: 'Bengali',
  as: 'Bengali',
  pa: 'Gurmukhi',
  gu: 'Gujarati',
  or: 'Odia',
  ta: 'Tamil',
  te: 'Telugu',
  kn: 'Kannada',
  ml: 'Malayalam',
  en: 'Latin',
  ur: 'Arabic',
} as const satisfies Record<string, Script>;

export type Lang = keyof typeof LANG_SCRIPT;

export const SUPPORTED_LANGS: readonly Lang[] = Object.keys(LANG_SCRIPT) as Lang[];

export function isSupportedLang(lang: string): lang is Lang {
  return Object.prototype.hasOwnProperty.call(LANG_SCRIPT, lang);
}

/** Throws a `UserError` unless `lang` is a supported language code. */
export function assertLang(lang: string): asserts lang is Lang {
  if (!isSupportedLang(lang)) {
    throw new UserError(
      'bad_input',
      `unknown language code "${lang}"`,
      `use one of: ${SUPPORTED_LANGS.join(', ')}`,
    );
  }
}

/** The script `lang` is written in; throws a `UserError` for an unknown code. */
export function scriptOfLang(lang: string): Script {
  assertLang(lang);
  return LANG_SCRIPT[lang];
}
