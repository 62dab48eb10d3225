/**
 * Which script and romanisation variant each language is typed in. Both
 * the engine's transliteration (native/text/transliterate.ts) and the
 * Annotate screen's typing (renderer/features/annotate/translit-typing.ts)
 * read this one table; it imports nothing, so it is the one file of the
 * contract whose values the renderer may import (see eslint.config.js).
 */

export const ROMAN_SCHEMES = ['itrans', 'iast', 'hk', 'iso'] as const;
export type RomanScheme = (typeof ROMAN_SCHEMES)[number];

/** Sanscript's script name for each language Charkha transliterates. */
export const TRANSLIT_SCRIPT: Readonly<Record<string, string>> = {
  hi: 'devanagari',
  mr: 'devanagari',
  ne: 'devanagari',
  sa: 'devanagari',
  bn: 'bengali',
  as: 'assamese',
  pa: 'gurmukhi',
  gu: 'gujarati',
  or: 'oriya',
  ta: 'tamil',
  te: 'telugu',
  kn: 'kannada',
  ml: 'malayalam',
  si: 'sinhala',
};

/** Short e/o exist in these scripts: ITRANS and HK have Dravidian variants that keep them. */
export const DRAVIDIAN_LANGS: ReadonlySet<string> = new Set(['ta', 'te', 'kn', 'ml']);

/** Spoken without a word-final schwa: "naam" is नाम, never नाम्. */
const NO_FINAL_SCHWA: ReadonlySet<string> = new Set(['hi', 'mr', 'ne', 'pa', 'gu']);

const VIRAMA_LOW7 = 0x4d;

export function canTransliterate(lang: string): boolean {
  return Object.prototype.hasOwnProperty.call(TRANSLIT_SCRIPT, lang);
}

/** Sanscript's name for `scheme` as typed in `lang` (the Dravidian variant where one exists). */
export function sanscriptScheme(lang: string, scheme: RomanScheme): string {
  if (DRAVIDIAN_LANGS.has(lang) && (scheme === 'itrans' || scheme === 'hk'))
    return `${scheme}_dravidian`;
  return scheme;
}

/**
 * A typed word without the virama a romanisation leaves at its end, in the
 * languages that drop a word-final schwa in speech (a typist never wants
 * नाम्). Every Brahmic block puts its virama at offset 0x4D.
 */
export function dropFinalVirama(native: string, lang: string): string {
  if (!NO_FINAL_SCHWA.has(lang)) return native;
  const cps = Array.from(native);
  const last = cps[cps.length - 1]?.codePointAt(0) ?? 0;
  return last >= 0x900 && last < 0xd80 && (last & 0x7f) === VIRAMA_LOW7
    ? cps.slice(0, -1).join('')
    : native;
}
