/**
 * Beam search against exhaustive search: on made-up decoders where every
 * sequence up to the length limit can be scored, and on the IndicTrans2
 * fixture's real decoder (first-step and with-past graphs, cache reordered)
 * with a beam as wide as its vocabulary and outputs of at most two tokens.
 */
import { describe, expect, it } from 'vitest';
import { beamSearch } from '../../../native/mt/beam.js';
import type { Hypothesis, StepFn } from '../../../native/mt/beam.js';
import { useIndicTrans2Fixture } from './it2-fixture.js';
import { allTwoTokenOutputs, logSoftmax } from './two-token-search.js';

const EOS = 0;

/** A decoder whose logits are a fixed pseudo-random function of (sentence, prefix). */
function toyLogits(sentence: number, prefix: readonly number[], v: number): number[] {
  let h = 2166136261 ^ (sentence * 7919);
  for (const t of prefix) h = Math.imul(h ^ (t + 1), 16777619);
  return Array.from({ length: v }, (_, i) => {
    const x = Math.imul(h ^ (i * 2654435761), 2246822519) >>> 0;
    return ((x % 1000) / 1000) * 4;
  });
}

/** Step function over `logitsOf`, keeping each row's prefix the way a KV cache keeps state. */
function stepper(logitsOf: (s: number, prefix: readonly number[]) => number[]): StepFn {
  let prefixes: number[][] = [];
  return (req) => {
    prefixes = req.tokens.map((tok, r) =>
      req.step === 0 ? [] : [...prefixes[req.parents[r]], tok],
    );
    return Promise.resolve(
      Float32Array.from(prefixes.flatMap((p, r) => logitsOf(req.sentences[r], p))),
    );
  };
}

/** Every sequence up to `maxLength` (ended by EOS, or cut at the limit), best first. */
function exhaustive(
  logitsOf: (prefix: readonly number[]) => number[],
  maxLength: number,
  lp: number,
): Hypothesis[] {
  const out: Hypothesis[] = [];
  const grow = (prefix: number[], logProb: number): void => {
    const lps = logSoftmax(logitsOf(prefix));
    lps.forEach((l, tok) => {
      const tokens = [...prefix, tok];
      const total = logProb + l;
      if (tok === EOS || tokens.length === maxLength) {
        out.push({ tokens, logProb: total, score: total / Math.pow(tokens.length, lp) });
      } else grow(tokens, total);
    });
  };
  grow([], 0);
  return out.sort((a, b) => b.score - a.score);
}

describe('beam search', () => {
  it('finds what greedy misses (hand-checked)', async () => {
    // First step: 1 (0.5) beats 2 (0.4); after 1 nothing is likely, after 2 the end is (0.9).
    const probs = (prefix: readonly number[]): number[] =>
      prefix.length === 0
        ? [0.1, 0.5, 0.4]
        : prefix[0] === 1
          ? [0.3, 0.35, 0.35]
          : [0.9, 0.05, 0.05];
    const step = stepper((_s, p) => probs(p).map(Math.log));
    const opts = { maxLength: 2, lengthPenalty: 0, eos: EOS, start: 2 };
    const [greedy] = await beamSearch(1, step, { ...opts, beamSize: 1 });
    expect(greedy[0].tokens).toEqual([1, 1]);
    expect(Math.exp(greedy[0].logProb)).toBeCloseTo(0.175, 5);
    const [beam] = await beamSearch(
      1,
      stepper((_s, p) => probs(p).map(Math.log)),
      {
        ...opts,
        beamSize: 2,
      },
    );
    expect(beam[0].tokens).toEqual([2, 0]);
    expect(Math.exp(beam[0].logProb)).toBeCloseTo(0.36, 5);
  });

  for (const lp of [0, 1, 2]) {
    it(`a beam wider than the search space equals exhaustive search (length penalty ${lp})`, async () => {
      const v = 4;
      const maxLength = 4;
      const batch = await beamSearch(
        3,
        stepper((s, p) => toyLogits(s, p, v)),
        { beamSize: 256, maxLength, lengthPenalty: lp, eos: EOS, start: 1 },
      );
      for (let s = 0; s < 3; s++) {
        const all = exhaustive((p) => toyLogits(s, p, v), maxLength, lp);
        expect(batch[s][0].tokens).toEqual(all[0].tokens);
        expect(batch[s][0].score).toBeCloseTo(all[0].score, 6);
        expect(batch[s].length).toBe(all.length);
      }
    });
  }

  it('beam 1 is greedy decoding; a batch decodes as its sentences alone', async () => {
    const v = 5;
    const [beam1] = await beamSearch(
      1,
      stepper((_s, p) => toyLogits(2, p, v)),
      {
        beamSize: 1,
        maxLength: 6,
        eos: EOS,
        start: 1,
      },
    );
    const greedy: number[] = [];
    while (greedy.length < 6 && greedy.at(-1) !== EOS) {
      const l = toyLogits(2, greedy, v);
      greedy.push(l.indexOf(Math.max(...l)));
    }
    expect(beam1[0].tokens).toEqual(greedy);
    const opts = { beamSize: 3, maxLength: 5, eos: EOS, start: 1 };
    const together = await beamSearch(
      3,
      stepper((s, p) => toyLogits(s, p, v)),
      opts,
    );
    for (let s = 0; s < 3; s++) {
      const [alone] = await beamSearch(
        1,
        stepper((_x, p) => toyLogits(s, p, v)),
        opts,
      );
      expect(together[s][0]).toEqual(alone[0]);
    }
  });
});

describe('beam search on the IndicTrans2 fixture decoder', () => {
  const engine = useIndicTrans2Fixture();

  it('a vocabulary-wide beam finds the best of all outputs of up to two tokens', async () => {
    const it2 = engine();
    const ids = it2.encode(it2.prepare(['ZX0 a'], 'en'), 'en', 'hi');
    const { eos, start } = it2.endTokens();
    const { all, vocab: v } = await allTwoTokenOutputs(await it2.decoderSteps(ids), start, eos);
    const [found] = await beamSearch(1, await it2.decoderSteps(ids), {
      beamSize: v,
      maxLength: 2,
      eos,
      start,
    });
    expect(found[0].tokens).toEqual(all[0].tokens);
    expect(found[0].score).toBeCloseTo(all[0].score, 4);
    // And a narrow beam agrees with it here (the copy path leaves no doubt).
    const narrow = await beamSearch(1, await it2.decoderSteps(ids), {
      beamSize: 2,
      maxLength: 2,
      eos,
      start,
    });
    expect(narrow[0][0].tokens).toEqual(all[0].tokens);
  });
});
