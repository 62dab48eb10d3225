/**
 * The two views of one string that entity scoring needs, both mapped back to
 * input code-point offsets (the common currency between them): the step-3
 * text that readings are extracted from, and the `standard` words that the
 * alignment and "written form" comparisons use (spec §1, §3).
 */

import { normalize, normalizeForReadings, words } from '../../text/normalize.js';
import { BRAHMIC_BLOCK_START, isBrahmic, scriptOf, scriptOfLang } from '../../text/scripts.js';

/** Text after some normalisation, with `map[i]` = input code-point offset of output code point i. */
export interface MappedText {
  /** Output code points. */
  cps: string[];
  map: number[];
}

/** A whitespace-separated word of a normalised text, with its input code-point span. */
export interface MappedWord {
  text: string;
  /** Input code-point offsets, end exclusive. */
  start: number;
  end: number;
}

/** Spec §1 steps 1–3: where `₹`, `Rs.`, `/` and `-` are still present. */
export function readingsText(text: string, lang: string): MappedText {
  const n = normalizeForReadings(text, lang);
  return { cps: Array.from(n.text), map: n.map };
}

/** The `standard` words of a text with their input spans. */
export function standardWords(text: string, lang: string): MappedWord[] {
  const n = normalize(text, lang, 'standard');
  return words(n.text).map((w) => ({
    text: w.text,
    start: n.map[w.start],
    end: n.map[w.end - 1] + 1,
  }));
}

/** The `standard` form of a string (written-form comparisons, alias keys). */
export function standardString(text: string, lang: string): string {
  return normalize(text, lang, 'standard').text;
}

/** Start of the Brahmic block a code point lies in, or -1. */
export function brahmicBlockOf(cp: number): number {
  if (cp < 0x0900 || cp >= 0x0d80) return -1;
  return cp & ~0x7f;
}

/** Start of the Brahmic block of a language's script, or -1 (Latin and others). */
export function brahmicBlockOfLang(lang: string): number {
  const script = scriptOfLang(lang);
  return isBrahmic(script) ? BRAHMIC_BLOCK_START[script] : -1;
}

export function isLatinWord(word: string): boolean {
  let latin = false;
  for (const ch of word) {
    const s = scriptOf(ch);
    if (s === 'Latin') latin = true;
    else if (s !== 'Common') return false;
  }
  return latin;
}

/**
 * `word` with every code point of another Brahmic block moved to `block`
 * (same offset), or undefined when it has none to move.
 */
export function shiftToBlock(word: string, block: number): string | undefined {
  let moved = false;
  let out = '';
  for (const ch of word) {
    const cp = ch.codePointAt(0)!;
    const b = brahmicBlockOf(cp);
    if (b !== -1 && b !== block) {
      moved = true;
      out += String.fromCodePoint(block + (cp - b));
    } else out += ch;
  }
  return moved ? out : undefined;
}
