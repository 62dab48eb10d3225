/**
 * BLEU as sacrebleu 2.x computes it (metrics/bleu.py): corpus BLEU from
 * summed sentence statistics [hyp_len, ref_len, correct₁…ₙ, total₁…ₙ], the
 * closest reference length (shorter on ties), reference n-gram counts the
 * maximum over references, and its four smoothing methods. Defaults are
 * sacrebleu's: 13a tokenisation, `exp` smoothing, order 4, no effective
 * order for corpus scores (sentence scores use it, as `sentence_bleu` does).
 */
import { countOf, sumStats, wordNgrams, type Counts } from './ngrams.js';
import { pyRstrip, pySplit } from './python-str.js';
import { refsAt, type RefStreams } from './streams.js';
import { tokenizerFor, type BleuTokenizer } from './tokenizers.js';

export const BLEU_SMOOTHING = ['exp', 'none', 'floor', 'add-k'] as const;
export type BleuSmoothing = (typeof BLEU_SMOOTHING)[number];

const SMOOTH_DEFAULTS: Record<BleuSmoothing, number | null> = {
  none: null,
  floor: 0.1,
  'add-k': 1,
  exp: null,
};

export interface BleuOptions {
  tokenize?: BleuTokenizer;
  smoothMethod?: BleuSmoothing;
  /** For `floor` and `add-k`; null or absent takes sacrebleu's default (0.1, 1). */
  smoothValue?: number | null;
  maxNgramOrder?: number;
  effectiveOrder?: boolean;
}

export interface BleuScore {
  score: number;
  counts: number[];
  totals: number[];
  precisions: number[];
  bp: number;
  sysLen: number;
  refLen: number;
}

// sacrebleu's my_log: log(0) is floored, not -Infinity.
function flooredLog(x: number): number {
  return x === 0 ? -9999999999 : Math.log(x);
}

/** sacrebleu's `BLEU.compute_bleu` from summed statistics. */
export function computeBleu(
  correctIn: readonly number[],
  totalIn: readonly number[],
  sysLen: number,
  refLen: number,
  opts: BleuOptions = {},
): BleuScore {
  const method = opts.smoothMethod ?? 'exp';
  const maxOrder = opts.maxNgramOrder ?? 4;
  const smoothValue = opts.smoothValue ?? SMOOTH_DEFAULTS[method] ?? 0;
  const correct = correctIn.slice();
  const total = totalIn.slice();
  let bp = 1.0;
  if (sysLen < refLen) bp = sysLen > 0 ? Math.exp(1 - refLen / sysLen) : 0.0;
  const precisions = new Array<number>(maxOrder).fill(0);
  const result = (score: number): BleuScore => ({
    score,
    counts: correct,
    totals: total,
    precisions,
    bp,
    sysLen,
    refLen,
  });
  if (!correct.some((c) => c !== 0)) return result(0.0);

  let smoothMteval = 1;
  let effOrder = maxOrder;
  for (let n = 1; n <= maxOrder; n++) {
    if (method === 'add-k' && n > 1) {
      correct[n - 1] += smoothValue;
      total[n - 1] += smoothValue;
    }
    if (total[n - 1] === 0) break;
    if (opts.effectiveOrder) effOrder = n;
    if (correct[n - 1] === 0) {
      if (method === 'exp') {
        smoothMteval *= 2;
        precisions[n - 1] = 100 / (smoothMteval * total[n - 1]);
      } else if (method === 'floor') {
        precisions[n - 1] = (100 * smoothValue) / total[n - 1];
      }
    } else {
      precisions[n - 1] = (100 * correct[n - 1]) / total[n - 1];
    }
  }
  let logSum = 0;
  for (let i = 0; i < effOrder; i++) logSum += flooredLog(precisions[i]);
  return result(bp * Math.exp(logSum / effOrder));
}

/** A reference set prepared once: merged n-gram counts per order and each reference's length. */
interface BleuRefInfo {
  ngrams: Counts[];
  lens: number[];
}

function closestRefLen(hypLen: number, refLens: readonly number[]): number {
  let closestDiff = -1;
  let closestLen = -1;
  for (const len of refLens) {
    const diff = Math.abs(hypLen - len);
    if (closestDiff === -1 || diff < closestDiff) {
      closestDiff = diff;
      closestLen = len;
    } else if (diff === closestDiff && len < closestLen) {
      closestLen = len;
    }
  }
  return closestLen;
}

export class Bleu {
  readonly opts: BleuOptions;
  private readonly tokenize: (line: string) => string;
  private readonly maxOrder: number;

  constructor(opts: BleuOptions = {}) {
    this.opts = opts;
    this.tokenize = tokenizerFor(opts.tokenize ?? '13a');
    this.maxOrder = opts.maxNgramOrder ?? 4;
  }

  /** sacrebleu's `_preprocess_segment`: right-strip, then tokenise. */
  preprocess(sentence: string): string[] {
    return pySplit(this.tokenize(pyRstrip(sentence)));
  }

  private refInfo(refs: readonly string[]): BleuRefInfo {
    const ngrams: Counts[] = [];
    const lens: number[] = [];
    for (const ref of refs) {
      const tokens = this.preprocess(ref);
      lens.push(tokens.length);
      for (let n = 1; n <= this.maxOrder; n++) {
        const these = n === 1 ? countOf(tokens) : wordNgrams(tokens, n);
        const merged = ngrams[n - 1];
        if (merged === undefined) ngrams[n - 1] = these;
        else for (const [k, v] of these) merged.set(k, Math.max(merged.get(k) ?? 0, v));
      }
    }
    return { ngrams, lens };
  }

  /** [hyp_len, ref_len, correct₁…ₙ, total₁…ₙ] of one segment against its references. */
  sentenceStats(hyp: string, refs: readonly string[]): number[] {
    const info = this.refInfo(refs);
    const tokens = this.preprocess(hyp);
    const correct = new Array<number>(this.maxOrder).fill(0);
    const total = new Array<number>(this.maxOrder).fill(0);
    for (let n = 1; n <= this.maxOrder; n++) {
      const ref = info.ngrams[n - 1];
      for (const [k, v] of wordNgrams(tokens, n)) {
        total[n - 1] += v;
        const r = ref?.get(k);
        if (r !== undefined) correct[n - 1] += Math.min(v, r);
      }
    }
    return [tokens.length, closestRefLen(tokens.length, info.lens), ...correct, ...total];
  }

  scoreFromStats(stats: readonly number[]): BleuScore {
    const o = this.maxOrder;
    return computeBleu(stats.slice(2, 2 + o), stats.slice(2 + o, 2 + 2 * o), stats[0], stats[1], {
      ...this.opts,
      maxNgramOrder: o,
    });
  }

  corpusStats(hyps: readonly string[], refs: RefStreams): number[][] {
    return hyps.map((h, i) => this.sentenceStats(h, refsAt(refs, i)));
  }

  corpusScore(hyps: readonly string[], refs: RefStreams): BleuScore {
    return this.scoreFromStats(sumStats(this.corpusStats(hyps, refs)));
  }

  sentenceScore(hyp: string, refs: readonly string[]): BleuScore {
    return this.scoreFromStats(this.sentenceStats(hyp, refs));
  }
}

/** sacrebleu's `sentence_bleu`: effective order on, other defaults as corpus BLEU. */
export function sentenceBleu(
  hyp: string,
  refs: readonly string[],
  opts: BleuOptions = {},
): BleuScore {
  return new Bleu({ effectiveOrder: true, ...opts }).sentenceScore(hyp, refs);
}

export function corpusBleu(
  hyps: readonly string[],
  refs: RefStreams,
  opts: BleuOptions = {},
): BleuScore {
  return new Bleu(opts).corpusScore(hyps, refs);
}
