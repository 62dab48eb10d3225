/**
 * Batched beam search over any autoregressive decoder, as fairseq runs it
 * (IndicTrans2 is a fairseq model): each step extends every live hypothesis
 * by every token, keeps the best 2×beam candidates of each sentence, turns
 * an end token among the best `beam` into a finished hypothesis and fills
 * the next beam with the best others. A sentence is done when `beam`
 * hypotheses have finished; hypotheses still going at the length limit
 * finish there, without an end token. The winner has the best total log
 * probability divided by its length (end token included) to the power of
 * the length penalty. Beam 1 is greedy decoding.
 *
 * The decoder is a callback: given, for each row of this step, the row of
 * the previous step it extends (so a KV cache can be reordered), its
 * sentence and the token to feed, it returns the next-token logits of every
 * row (rows × vocabulary, row-major).
 */

export interface StepRequest {
  /** 0 for the first call (one row per sentence, fed the start token). */
  step: number;
  /** Per row: the row of the previous step it extends (-1 on the first step). */
  parents: readonly number[];
  /** Per row: the sentence (index into the batch). */
  sentences: readonly number[];
  /** Per row: the token to feed. */
  tokens: readonly number[];
}

export type StepFn = (req: StepRequest) => Promise<Float32Array>;

export interface BeamOptions {
  beamSize: number;
  /** Most tokens generated per sentence (end token included). */
  maxLength: number;
  /** Exponent of the length the score is divided by; 0 compares raw log probabilities. Default 1. */
  lengthPenalty?: number;
  eos: number;
  /** The decoder start token. */
  start: number;
  /** Called between steps: throw to stop. */
  checkCancelled?: () => void;
}

export interface Hypothesis {
  /** Generated tokens, with the end token when the hypothesis ended on one. */
  tokens: number[];
  /** Sum of the tokens' log probabilities. */
  logProb: number;
  /** The ranking score: logProb / length^lengthPenalty. */
  score: number;
}

interface Live {
  sentence: number;
  tokens: number[];
  logProb: number;
}

/** log Σ exp over `row` of `logits`: log probabilities are logits less this. */
function logSumExp(logits: Float32Array, row: number, v: number): number {
  const base = row * v;
  let max = -Infinity;
  for (let i = 0; i < v; i++) if (logits[base + i] > max) max = logits[base + i];
  let sum = 0;
  for (let i = 0; i < v; i++) sum += Math.exp(logits[base + i] - max);
  return max + Math.log(sum);
}

/** The `k` best (logit, token) pairs of `row`, best first (lower token on ties). */
function topK(logits: Float32Array, row: number, v: number, k: number): Array<[number, number]> {
  const base = row * v;
  const best: Array<[number, number]> = [];
  for (let i = 0; i < v; i++) {
    const x = logits[base + i];
    if (best.length === k && x <= best[k - 1][0]) continue;
    let at = best.length;
    while (at > 0 && best[at - 1][0] < x) at--;
    best.splice(at, 0, [x, i]);
    if (best.length > k) best.pop();
  }
  return best;
}

/** Decodes `sentences` sentences together; returns each one's hypotheses, best first. */
export async function beamSearch(
  sentences: number,
  step: StepFn,
  opts: BeamOptions,
): Promise<Hypothesis[][]> {
  const k = opts.beamSize;
  const lp = opts.lengthPenalty ?? 1;
  const finished: Hypothesis[][] = Array.from({ length: sentences }, () => []);
  const finish = (tokens: number[], logProb: number, s: number): void => {
    finished[s].push({ tokens, logProb, score: logProb / Math.pow(tokens.length, lp) });
  };
  let live: Live[] = Array.from({ length: sentences }, (_, s) => ({
    sentence: s,
    tokens: [],
    logProb: 0,
  }));
  let parents = live.map(() => -1);
  for (let t = 0; live.length > 0 && t < opts.maxLength; t++) {
    opts.checkCancelled?.();
    const logits = await step({
      step: t,
      parents,
      sentences: live.map((h) => h.sentence),
      tokens: live.map((h) => (h.tokens.length === 0 ? opts.start : h.tokens[h.tokens.length - 1])),
    });
    const v = logits.length / live.length;
    // Candidates of each sentence: the best 2k extensions of each of its live rows.
    const cands = new Map<number, Array<{ logProb: number; token: number; row: number }>>();
    live.forEach((h, r) => {
      const lse = logSumExp(logits, r, v);
      const list = cands.get(h.sentence) ?? [];
      for (const [logit, token] of topK(logits, r, v, Math.min(2 * k, v))) {
        list.push({ logProb: h.logProb + (logit - lse), token, row: r });
      }
      cands.set(h.sentence, list);
    });
    const next: Live[] = [];
    const nextParents: number[] = [];
    const last = t + 1 === opts.maxLength;
    for (const [s, list] of cands) {
      list.sort((a, b) => b.logProb - a.logProb || a.row - b.row || a.token - b.token);
      let kept = 0;
      for (let rank = 0; rank < list.length && rank < 2 * k && kept < k; rank++) {
        const c = list[rank];
        const tokens = [...live[c.row].tokens, c.token];
        if (c.token === opts.eos) {
          if (rank < k) finish(tokens, c.logProb, s);
          continue;
        }
        kept++;
        if (last) finish(tokens, c.logProb, s);
        else {
          next.push({ sentence: s, tokens, logProb: c.logProb });
          nextParents.push(c.row);
        }
      }
    }
    // A sentence with `k` finished hypotheses stops.
    const keep = next.map((h) => finished[h.sentence].length < k);
    live = next.filter((_, i) => keep[i]);
    parents = nextParents.filter((_, i) => keep[i]);
  }
  return finished.map((f) => f.sort((a, b) => b.score - a.score));
}
