import type { Hypothesis, StepFn } from '../../../native/mt/beam.js';

/** Log probabilities from logits. */
export function logSoftmax(logits: ArrayLike<number>): number[] {
  const xs = Array.from(logits);
  const max = Math.max(...xs);
  const lse = max + Math.log(xs.reduce((s, x) => s + Math.exp(x - max), 0));
  return xs.map((x) => x - lse);
}

/**
 * Every output of up to two tokens of one sentence's decoder, best first
 * (length penalty 1): one first step, then every token fed after it, the
 * cache row copied to each.
 */
export async function allTwoTokenOutputs(
  step: StepFn,
  start: number,
  eos: number,
): Promise<{ all: Hypothesis[]; vocab: number }> {
  const first = await step({ step: 0, parents: [0], sentences: [0], tokens: [start] });
  const v = first.length;
  const tokens = Array.from({ length: v }, (_, t) => t);
  const second = await step({
    step: 1,
    parents: tokens.map(() => 0),
    sentences: tokens.map(() => 0),
    tokens,
  });
  const lp1 = logSoftmax(first);
  const all: Hypothesis[] = [];
  for (let t = 0; t < v; t++) {
    if (t === eos) {
      all.push({ tokens: [t], logProb: lp1[t], score: lp1[t] });
      continue;
    }
    const lp2 = logSoftmax(second.subarray(t * v, (t + 1) * v));
    lp2.forEach((l, u) =>
      all.push({ tokens: [t, u], logProb: lp1[t] + l, score: (lp1[t] + l) / 2 }),
    );
  }
  return { all: all.sort((a, b) => b.score - a.score), vocab: v };
}
