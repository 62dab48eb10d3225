/**
 * Sentence BLEU against sacrebleu's test/test_sentence_bleu.py
 * (mjpost/sacrebleu): its Romanian example from issue #98 under each
 * smoothing method and tokeniser, and the zero-BLEU example from #141, with
 * the same tolerance and effective order on. Left out: the `intl` tokeniser
 * and the lowercased case (Charkha implements neither).
 */
import { describe, expect, it } from 'vitest';
import { sentenceBleu, type BleuSmoothing } from '../../../native/metrics/mt/bleu.js';
import type { BleuTokenizer } from '../../../native/metrics/mt/tokenizers.js';

const EPSILON = 1e-3;
const REF = 'producţia de zahăr brut se exprimă în zahăr alb;';
const SYS = 'Producția de zahăr primă va fi exprimată în ceea ce privește zahărul alb;';

const cases: [BleuSmoothing, number | null, BleuTokenizer, number][] = [
  ['exp', null, '13a', 8.493],
  ['none', null, '13a', 0.0],
  ['floor', null, '13a', 4.51688],
  ['floor', 0.1, '13a', 4.51688],
  ['floor', 0.5, '13a', 10.1],
  ['add-k', null, '13a', 14.882],
  ['add-k', 1, '13a', 14.882],
  ['add-k', 2, '13a', 21.389],
  ['exp', null, 'none', 7.347],
  ['exp', null, 'char', 40.8759],
];

describe('sentence BLEU (sacrebleu test/test_sentence_bleu.py)', () => {
  it.each(cases)('smoothing %s (%s), tokenize %s: %d', (method, value, tok, expected) => {
    const s = sentenceBleu(SYS, [REF], { smoothMethod: method, smoothValue: value, tokenize: tok });
    expect(Math.abs(s.score - expected)).toBeLessThan(EPSILON);
  });

  it.each([
    ['exp', null],
    ['none', null],
    ['floor', null],
    ['floor', 0.1],
    ['add-k', null],
    ['add-k', 1],
  ] as [BleuSmoothing, number | null][])('no match at all scores 0 under %s (%s)', (m, v) => {
    expect(
      sentenceBleu('this is a cat', ['okay thanks'], { smoothMethod: m, smoothValue: v }).score,
    ).toBe(0);
  });
});
