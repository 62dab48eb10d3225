/**
 * TWER, transliteration-aware WER (spec §2): WER where a hypothesis word
 * equals a reference word when one is the other written in another script
 * ("మైగ్రేషన్" = "migration"). Reported beside WER, never instead of it.
 */

import { sameWord } from './translit-cache.js';
import type { MappedWord } from './text-views.js';
import { alignWords } from './word-alignment.js';

export interface TwerCounts {
  hits: number;
  substitutions: number;
  deletions: number;
  insertions: number;
  /** Reference length (H + S + D). */
  refLength: number;
  /** Hypothesis length (H + S + I). */
  hypLength: number;
}

/** Edit counts of one utterance over `standard` words, cross-script equality. */
export function twerCounts(
  ref: readonly MappedWord[],
  hyp: readonly MappedWord[],
  lang: string,
): TwerCounts {
  const r = ref.map((w) => w.text);
  const h = hyp.map((w) => w.text);
  const equal = (a: string, b: string): boolean => sameWord(a, b, lang);
  const c: TwerCounts = {
    hits: 0,
    substitutions: 0,
    deletions: 0,
    insertions: 0,
    refLength: r.length,
    hypLength: h.length,
  };
  for (const op of alignWords(r, h, equal)) {
    if (op.op === 'match') c.hits++;
    else if (op.op === 'sub') c.substitutions++;
    else if (op.op === 'del') c.deletions++;
    else c.insertions++;
  }
  return c;
}

/** Corpus TWER: Σ(S + D + I) / Σ N, not a mean of per-utterance rates. */
export function corpusTwer(all: readonly TwerCounts[]): number | null {
  let errors = 0;
  let n = 0;
  for (const c of all) {
    errors += c.substitutions + c.deletions + c.insertions;
    n += c.refLength;
  }
  return n === 0 ? null : errors / n;
}
