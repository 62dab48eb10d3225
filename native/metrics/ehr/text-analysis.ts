/**
 * Everything the entity scorer derives from one string, computed once: its
 * `standard` words (for the alignment and written forms) and its maximal
 * readings (spec §3), all located by input code-point offsets.
 */

import { cpSlice } from '../../text/code-points.js';
import { extractReadings } from './readings.js';
import type { Reading } from './readings.js';
import { tokenize } from './reading-tokens.js';
import type { Token } from './reading-tokens.js';
import { readingsText, standardString, standardWords } from './text-views.js';
import type { MappedWord } from './text-views.js';

export interface TextAnalysis {
  text: string;
  lang: string;
  /** Length in code points. */
  length: number;
  words: MappedWord[];
  tokens: Token[];
  readings: Reading[];
}

export function analyzeText(text: string, lang: string): TextAnalysis {
  const tokens = tokenize(readingsText(text, lang));
  return {
    text,
    lang,
    length: Array.from(text).length,
    words: standardWords(text, lang),
    tokens,
    readings: extractReadings(tokens, lang),
  };
}

/**
 * The `standard` written form of the input span [start, end): its words
 * joined by one space. Only a span that cuts a word is normalised on its
 * own (rare: a tag inside a word), which keeps this off the hot path.
 */
export function formOf(a: TextAnalysis, start: number, end: number): string {
  let form = '';
  for (const w of a.words) {
    if (w.end <= start || w.start >= end) continue;
    if (w.start < start || w.end > end) return standardString(cpSlice(a.text, start, end), a.lang);
    form = form === '' ? w.text : `${form} ${w.text}`;
  }
  return form;
}
