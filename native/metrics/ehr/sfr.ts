/**
 * Script fidelity rate (spec §4): the share of a hypothesis's letters and
 * combining marks (L*, M*) written in the utterance language's script.
 * Hypothesis words aligned to Latin reference words (legitimate code-mix)
 * and to entity values (a brand may be written in Latin) are left out, so
 * that what remains measures script collapse, not code-mix.
 */

import { align } from '../alignment.js';
import { scriptOf, scriptOfLang } from '../../text/scripts.js';
import type { TextAnalysis } from './text-analysis.js';
import { isLatinWord } from './text-views.js';

export interface UtteranceSfr {
  /** inScript / letters. */
  value: number;
  letters: number;
  inScript: number;
}

export interface SfrSummary {
  /** Mean of per-utterance SFR. */
  mean: number | null;
  /** Σ inScript / Σ letters over the corpus. */
  ratio: number | null;
  /** Share of utterances with SFR < 0.5 (script collapse). */
  collapse_share: number | null;
}

const LETTER_OR_MARK = /[\p{L}\p{M}]/u;

/** A value span of the reference, in code points. */
export interface ValueSpan {
  valueStart: number;
  valueEnd: number;
}

/**
 * SFR of one utterance, or null when no letter is left to judge (an empty
 * hypothesis, digits only): such utterances say nothing about script.
 */
export function sfrOf(
  ref: TextAnalysis,
  spans: readonly ValueSpan[],
  hyp: TextAnalysis,
): UtteranceSfr | null {
  const script = scriptOfLang(ref.lang);
  const excluded = new Uint8Array(hyp.words.length);
  const { ops } = align(
    ref.words.map((w) => w.text),
    hyp.words.map((w) => w.text),
  );
  for (const op of ops) {
    if (op.refIndex === -1 || op.hypIndex === -1) continue;
    const rw = ref.words[op.refIndex];
    const inValue = spans.some((s) => rw.start < s.valueEnd && rw.end > s.valueStart);
    if (inValue || isLatinWord(rw.text)) excluded[op.hypIndex] = 1;
  }
  let letters = 0;
  let inScript = 0;
  hyp.words.forEach((w, i) => {
    if (excluded[i]) return;
    for (const ch of w.text) {
      if (!LETTER_OR_MARK.test(ch)) continue;
      const s = scriptOf(ch);
      // Inherited marks (U+0300…) belong to the letter they sit on: not counted.
      if (s === 'Common') continue;
      letters++;
      if (s === script) inScript++;
    }
  });
  return letters === 0 ? null : { value: inScript / letters, letters, inScript };
}

export function summarizeSfr(utterances: readonly (UtteranceSfr | null)[]): SfrSummary {
  const xs = utterances.filter((u): u is UtteranceSfr => u !== null);
  if (xs.length === 0) return { mean: null, ratio: null, collapse_share: null };
  const letters = xs.reduce((a, u) => a + u.letters, 0);
  const inScript = xs.reduce((a, u) => a + u.inScript, 0);
  return {
    mean: xs.reduce((a, u) => a + u.value, 0) / xs.length,
    ratio: letters === 0 ? null : inScript / letters,
    collapse_share: xs.filter((u) => u.value < 0.5).length / xs.length,
  };
}
