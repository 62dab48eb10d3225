/**
 * WER, MER, WIL, WIP (as jiwer defines them), CER over code points and AER
 * over aksharas (spec §2). Corpus figures are ratios of sums over utterances,
 * never means of per-utterance rates; per-utterance rates are kept too.
 *
 * Empty sides follow jiwer 4: ref "" and hyp "" → WER 0, MER 0, WIP 1, WIL 0;
 * ref "" with k hypothesis words → WER k (each word an insertion over a
 * denominator taken as 1), MER 1, WIP 0, WIL 1.
 */
import { aksharas as segmentAksharas } from '../text/akshara.js';
import { alignCounts, type AlignCounts } from './alignment.js';

export interface EditCounts extends AlignCounts {
  /** Reference length (H + S + D). */
  refLength: number;
  /** Hypothesis length (H + S + I). */
  hypLength: number;
}

export function emptyCounts(): EditCounts {
  return { hits: 0, substitutions: 0, deletions: 0, insertions: 0, refLength: 0, hypLength: 0 };
}

export function addCounts(into: EditCounts, c: EditCounts): EditCounts {
  into.hits += c.hits;
  into.substitutions += c.substitutions;
  into.deletions += c.deletions;
  into.insertions += c.insertions;
  into.refLength += c.refLength;
  into.hypLength += c.hypLength;
  return into;
}

/** Edit counts of two token sequences (words, code points, aksharas…). */
export function editCounts<T>(ref: ArrayLike<T>, hyp: ArrayLike<T>): EditCounts {
  const c = alignCounts(ref, hyp);
  // An explicit literal, not a spread: this runs per utterance and V8 makes
  // spreads of small objects several times slower than the alignment.
  return {
    hits: c.hits,
    substitutions: c.substitutions,
    deletions: c.deletions,
    insertions: c.insertions,
    refLength: ref.length,
    hypLength: hyp.length,
  };
}

/** Code points of `s` as integers: CER compares numbers, not one-character strings. */
export function codePointArray(s: string): Int32Array {
  const out = new Int32Array(s.length);
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.codePointAt(i) as number;
    if (c > 0xffff) i++;
    out[n++] = c;
  }
  return out.subarray(0, n);
}

/** (S + D + I) / N; N = 0 counts the insertions (jiwer 4). */
export function werOf(c: EditCounts): number {
  const e = c.substitutions + c.deletions + c.insertions;
  return c.refLength === 0 ? e : e / c.refLength;
}

/** (S + D + I) / (H + S + D + I); 0 when both sides are empty. */
export function merOf(c: EditCounts): number {
  const e = c.substitutions + c.deletions + c.insertions;
  const d = c.hits + e;
  return d === 0 ? 0 : e / d;
}

/** (H / N_ref) · (H / N_hyp); 1 when both are empty, 0 when one is. */
export function wipOf(c: EditCounts): number {
  if (c.refLength === 0 && c.hypLength === 0) return 1;
  if (c.refLength === 0 || c.hypLength === 0) return 0;
  return (c.hits / c.refLength) * (c.hits / c.hypLength);
}

/** 1 − WIP. */
export function wilOf(c: EditCounts): number {
  return 1 - wipOf(c);
}

/** Words of a normalised text: split on whitespace (spec §2). */
export function splitWords(normalized: string): string[] {
  return normalized.split(/[\s\p{Z}]+/u).filter((w) => w.length > 0);
}

export interface UtteranceErrors {
  words: EditCounts;
  chars: EditCounts;
  /** Null when AER was not asked for. */
  aksharas: EditCounts | null;
}

export type Segmenter = (text: string) => string[];

/**
 * Word, code-point and akshara counts of one normalised utterance pair. CER
 * and AER run over the text with its single spaces, as jiwer's CER does.
 */
export function utteranceErrors(
  refNorm: string,
  hypNorm: string,
  aksharas: Segmenter | null = segmentAksharas,
): UtteranceErrors {
  const rw = splitWords(refNorm);
  const hw = splitWords(hypNorm);
  const rc = rw.join(' ');
  const hc = hw.join(' ');
  return {
    words: editCounts(rw, hw),
    chars: editCounts(codePointArray(rc), codePointArray(hc)),
    aksharas: aksharas ? editCounts(aksharas(rc), aksharas(hc)) : null,
  };
}

export interface Rates {
  wer: number;
  mer: number;
  wil: number;
  wip: number;
  cer: number;
  aer: number | null;
}

export function ratesOf(e: UtteranceErrors): Rates {
  return {
    wer: werOf(e.words),
    mer: merOf(e.words),
    wil: wilOf(e.words),
    wip: wipOf(e.words),
    cer: werOf(e.chars),
    aer: e.aksharas ? werOf(e.aksharas) : null,
  };
}

/** Corpus rates: every count summed over utterances, then the formulas. */
export function corpusErrors(utts: readonly UtteranceErrors[]): UtteranceErrors {
  const words = emptyCounts();
  const chars = emptyCounts();
  let aksharas: EditCounts | null = utts.length > 0 ? emptyCounts() : null;
  for (const u of utts) {
    addCounts(words, u.words);
    addCounts(chars, u.chars);
    if (aksharas && u.aksharas) addCounts(aksharas, u.aksharas);
    else aksharas = null;
  }
  return { words, chars, aksharas };
}
