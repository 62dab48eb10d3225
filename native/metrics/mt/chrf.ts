/**
 * chrF and chrF++ as sacrebleu 2.x computes them (metrics/chrf.py):
 * character n-grams over code points with whitespace removed, word n-grams
 * over words with one leading or trailing ASCII punctuation mark split off,
 * statistics [hyp, ref, match] per order summed over the corpus, and the
 * F-score of the precision and recall averaged over the orders both sides
 * have (or, with `epsSmoothing`, chrF++.py's mean of per-order F-scores).
 * With several references a sentence keeps the statistics of its best one.
 */
import { charNgrams, clippedMatches, sumStats, total, wordNgrams, type Counts } from './ngrams.js';
import { codePointOffsets, isOneCodePoint, pySplit } from './python-str.js';
import { refsAt, type RefStreams } from './streams.js';

export interface ChrfOptions {
  charOrder?: number;
  /** 2 makes chrF++; sacrebleu's CHRF default is 0 (plain chrF). */
  wordOrder?: number;
  beta?: number;
  /** Keep whitespace inside character n-grams. */
  whitespace?: boolean;
  epsSmoothing?: boolean;
}

/** `string.punctuation`, the marks chrF++ splits off word edges. */
const PUNCTS = new Set(Array.from('!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~'));

/** sacrebleu's `_remove_punctuation`: `(hi)` becomes `(hi` and `)`, as upstream. */
export function chrfWords(sentence: string): string[] {
  const out: string[] = [];
  for (const w of pySplit(sentence)) {
    // The marks are ASCII, so the first and last UTF-16 units decide; the
    // length is in code points, as Python's len().
    const last = w[w.length - 1];
    if (isOneCodePoint(w)) out.push(w);
    else if (PUNCTS.has(last)) out.push(w.slice(0, -1), last);
    else if (PUNCTS.has(w[0])) out.push(w[0], w.slice(1));
    else out.push(w);
  }
  return out;
}

export interface ChrfScore {
  score: number;
  charOrder: number;
  wordOrder: number;
  beta: number;
}

export class Chrf {
  readonly charOrder: number;
  readonly wordOrder: number;
  readonly beta: number;
  readonly whitespace: boolean;
  readonly epsSmoothing: boolean;

  constructor(opts: ChrfOptions = {}) {
    this.charOrder = opts.charOrder ?? 6;
    this.wordOrder = opts.wordOrder ?? 0;
    this.beta = opts.beta ?? 2;
    this.whitespace = opts.whitespace ?? false;
    this.epsSmoothing = opts.epsSmoothing ?? false;
  }

  /** Counters for character orders 1…charOrder, then word orders 1…wordOrder. */
  ngrams(sentence: string): Counts[] {
    const line = this.whitespace ? sentence : pySplit(sentence).join('');
    const at = codePointOffsets(line);
    const out: Counts[] = [];
    for (let n = 1; n <= this.charOrder; n++) out.push(charNgrams(line, at, n));
    if (this.wordOrder > 0) {
      const words = chrfWords(sentence);
      for (let n = 1; n <= this.wordOrder; n++) out.push(wordNgrams(words, n));
    }
    return out;
  }

  /** sacrebleu's `_compute_f_score`, on a 0–100 scale. */
  fScore(stats: readonly number[]): number {
    const eps = 1e-16;
    const factor = this.beta ** 2;
    const order = this.charOrder + this.wordOrder;
    let score = 0.0;
    let effectiveOrder = 0;
    let avgPrec = 0.0;
    let avgRec = 0.0;
    for (let i = 0; i < order; i++) {
      const nHyp = stats[3 * i];
      const nRef = stats[3 * i + 1];
      const nMatch = stats[3 * i + 2];
      const prec = nHyp > 0 ? nMatch / nHyp : eps;
      const rec = nRef > 0 ? nMatch / nRef : eps;
      const denom = factor * prec + rec;
      score += denom > 0 ? ((1 + factor) * prec * rec) / denom : eps;
      if (nHyp > 0 && nRef > 0) {
        avgPrec += prec;
        avgRec += rec;
        effectiveOrder++;
      }
    }
    if (this.epsSmoothing) return (100 * score) / order;
    if (effectiveOrder === 0) {
      avgPrec = 0.0;
      avgRec = 0.0;
    } else {
      avgPrec /= effectiveOrder;
      avgRec /= effectiveOrder;
    }
    if (avgPrec + avgRec === 0) return 0.0;
    let f = (1 + factor) * avgPrec * avgRec;
    f /= factor * avgPrec + avgRec;
    return 100 * f;
  }

  /** [hyp, ref, match] per order against the best-scoring reference. */
  sentenceStats(hyp: string, refs: readonly string[]): number[] {
    const hypNgrams = this.ngrams(hyp);
    let best: number[] = [];
    let bestF = -1.0;
    for (const ref of refs) {
      const refNgrams = this.ngrams(ref);
      const stats: number[] = [];
      for (let i = 0; i < hypNgrams.length; i++) {
        const h = hypNgrams[i];
        const r = refNgrams[i];
        stats.push(r.size > 0 ? total(h) : 0, total(r), clippedMatches(h, r));
      }
      const f = this.fScore(stats);
      if (f > bestF) {
        bestF = f;
        best = stats;
      }
    }
    return best;
  }

  scoreFromStats(stats: readonly number[]): ChrfScore {
    return {
      score: this.fScore(stats),
      charOrder: this.charOrder,
      wordOrder: this.wordOrder,
      beta: this.beta,
    };
  }

  corpusStats(hyps: readonly string[], refs: RefStreams): number[][] {
    return hyps.map((h, i) => this.sentenceStats(h, refsAt(refs, i)));
  }

  corpusScore(hyps: readonly string[], refs: RefStreams): ChrfScore {
    return this.scoreFromStats(sumStats(this.corpusStats(hyps, refs)));
  }

  sentenceScore(hyp: string, refs: readonly string[]): ChrfScore {
    return this.scoreFromStats(this.sentenceStats(hyp, refs));
  }
}

/** chrF++ as `CHRF(word_order=2)`: character order 6, word order 2, β 2. */
export function chrfPlusPlus(opts: ChrfOptions = {}): Chrf {
  return new Chrf({ wordOrder: 2, ...opts });
}
