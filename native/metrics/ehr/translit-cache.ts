/**
 * Memoised transliteration keys. Computing a key runs a phonetic rewrite of
 * the word, about a tenth of a millisecond; a corpus repeats its loanwords
 * and names thousands of times, so each distinct word (or pair) is keyed
 * once per process. The tables are bounded so a long run cannot grow them
 * without limit.
 */

import { sameWordAcrossScripts, translitKey } from '../../text/translit-key.js';

const MAX_ENTRIES = 100_000;
const keys = new Map<string, string>();
const pairs = new Map<string, boolean>();

export function cachedTranslitKey(word: string): string {
  let k = keys.get(word);
  if (k === undefined) {
    if (keys.size >= MAX_ENTRIES) keys.clear();
    k = translitKey(word);
    keys.set(word, k);
  }
  return k;
}

/** `sameWordAcrossScripts`, remembered per (language, pair). */
export function sameWord(a: string, b: string, lang: string): boolean {
  if (a === b) return true;
  const id = `${lang}\u0000${a}\u0000${b}`;
  let v = pairs.get(id);
  if (v === undefined) {
    if (pairs.size >= MAX_ENTRIES) pairs.clear();
    v = sameWordAcrossScripts(a, b, lang);
    pairs.set(id, v);
  }
  return v;
}
