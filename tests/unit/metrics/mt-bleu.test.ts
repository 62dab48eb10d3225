/**
 * BLEU against sacrebleu's published test values: the examples and expected
 * figures are those of sacrebleu's test/test_bleu.py (mjpost/sacrebleu),
 * with the same tolerance. `raw_corpus_bleu` there is corpus BLEU with no
 * tokenisation, `floor` smoothing and effective order. Left out: the `intl`
 * tokeniser case (Charkha implements 13a, none and char).
 */
import { describe, expect, it } from 'vitest';
import { Bleu, computeBleu, corpusBleu } from '../../../native/metrics/mt/bleu.js';

const EPSILON = 1e-8;

function rawCorpusBleu(hyps: string[], refs: string[][], smoothValue: number | null = 0.1) {
  return corpusBleu(hyps, refs, {
    tokenize: 'none',
    smoothMethod: 'floor',
    smoothValue,
    effectiveOrder: true,
  });
}

// test_bleu.py: test_raw_bleu_cases. The stored file expects
// 0.003799178428257963 for the first case, a figure from before sacrebleu's
// early stop when no n-gram matches (issue #141): sacrebleu 2.x, 2.6.0
// included, gives 0 there, and so does Charkha.
const rawCases: [string[], string[], number][] = [
  [['this is a test', 'another test'], ['ref1', 'ref2'], 0.0],
  [['this is a test'], ['this is a test'], 1.0],
  [['this is a fest'], ['this is a test'], 0.223606797749979],
];

// test_bleu.py: the README example, with an empty-hypotheses check
const refs = [
  ['The dog bit the man.', 'It was not unexpected.', 'The man bit him first.'],
  ['The dog had bit the man.', 'No one was surprised.', 'The man had bitten the dog.'],
];
const hyps = ['The dog bit the man.', "It wasn't surprising.", 'The man had just bitten him.'];

describe('BLEU (sacrebleu test/test_bleu.py)', () => {
  it.each(rawCases)('raw corpus BLEU of %j against %j is %d', (h, r, expected) => {
    expect(Math.abs(rawCorpusBleu(h, [r], 0.01).score / 100 - expected)).toBeLessThan(EPSILON);
  });

  it('corpus BLEU with default settings (13a, exp) is 48.530827', () => {
    expect(Math.abs(corpusBleu(hyps, refs).score - 48.530827)).toBeLessThan(EPSILON);
    expect(Math.abs(corpusBleu(hyps, refs, { tokenize: '13a' }).score - 48.530827)).toBeLessThan(
      EPSILON,
    );
  });

  it('empty hypotheses are kept and score 0', () => {
    expect(corpusBleu(['', '', ''], refs).score).toBe(0);
  });

  it('tokenize none gives 49.1919566, smooth none 48.530827', () => {
    expect(Math.abs(corpusBleu(hyps, refs, { tokenize: 'none' }).score - 49.1919566)).toBeLessThan(
      EPSILON,
    );
    expect(
      Math.abs(corpusBleu(hyps, refs, { smoothMethod: 'none' }).score - 48.530827),
    ).toBeLessThan(EPSILON);
  });

  // test_case_effective_order
  it.each([
    [['test'], ['a test'], 0.3678794411714425],
    [['a test'], ['a test'], 1.0],
    [['a little test'], ['a test'], 0.03218297948685433],
  ] as [string[], string[], number][])('effective order: %j against %j', (h, r, expected) => {
    expect(Math.abs(rawCorpusBleu(h, [r], 0.01).score / 100 - expected)).toBeLessThan(EPSILON);
  });

  // test_case_statistics. The upstream test passes bare strings; sacrebleu
  // 2.x reads those as character streams, and the published statistics are
  // those of the one-sentence corpus, which is what is checked here.
  it('counts and totals of the statistics example', () => {
    const s = rawCorpusBleu(
      ['am I am a character sequence'],
      [['I am a symbol string sequence a a']],
      0.01,
    );
    expect(s.counts).toEqual([4, 2, 1, 0]);
    expect(s.totals).toEqual([6, 5, 4, 3]);
  });

  // test_case_scoring
  it('compute_bleu([9,7,5,3], [10,8,6,4], 11, 11) is 0.8375922397', () => {
    const s = computeBleu([9, 7, 5, 3], [10, 8, 6, 4], 11, 11, { smoothMethod: 'none' });
    expect(Math.abs(s.score / 100 - 0.8375922397)).toBeLessThan(EPSILON);
  });

  // test_case_offset
  it('floor offset: 0.1555722182 with the default 0.1, 0 with 0.0', () => {
    const h = ['am I am a character sequence'];
    const r = [['I am a symbol string sequence a a']];
    expect(Math.abs(rawCorpusBleu(h, r, null).score / 100 - 0.1555722182)).toBeLessThan(EPSILON);
    expect(Math.abs(rawCorpusBleu(h, r).score / 100 - 0.1555722182)).toBeLessThan(EPSILON);
    expect(Math.abs(rawCorpusBleu(h, r, 0.0).score / 100)).toBeLessThan(EPSILON);
  });

  // test_case_degenerate_stats: floor smoothing, exact 0
  it.each([
    [[0, 0, 0, 0], [4, 4, 2, 1], 0, 1, 0.0],
    [[0, 0, 0, 0], [10, 11, 12, 0], 14, 10, 0.0],
    [[0, 0, 0, 0], [0, 0, 0, 0], 0, 0, 0.0],
    [[6, 5, 4, 0], [6, 5, 4, 3], 6, 6, 0.0],
    [[0, 0, 0, 0], [0, 0, 0, 0], 0, 0, 0.1],
    [[0, 0, 0, 0], [0, 0, 0, 0], 1, 5, 0.01],
  ])('degenerate statistics %j / %j score exactly 0', (c, t, sys, ref, offset) => {
    const s = computeBleu(c, t, sys, ref, { smoothMethod: 'floor', smoothValue: offset });
    expect(s.score / 100).toBe(0);
  });
});

describe('BLEU statistics and multiple references', () => {
  it('picks the closest reference length, the shorter on a tie', () => {
    const b = new Bleu();
    // hyp 3 tokens; references of 2 and 4 tokens are equally close: 2 wins.
    expect(b.sentenceStats('a b c', ['a b', 'a b c d']).slice(0, 2)).toEqual([3, 2]);
    expect(b.sentenceStats('a b c', ['a b c d e', 'a b c d']).slice(0, 2)).toEqual([3, 4]);
  });

  it('clips each n-gram by its largest count in any one reference', () => {
    const b = new Bleu();
    // "the" ×3 in the hypothesis; at most 2 in a single reference.
    const s = b.sentenceStats('the the the', ['the cat', 'the the dog']);
    expect(s[2]).toBe(2);
    expect(s[6]).toBe(3);
  });

  it('a missing (null) reference in one stream is left out for that sentence', () => {
    const withNull = corpusBleu(['a b c d'], [['a b c d'], [null]]);
    expect(withNull.score).toBeCloseTo(100, 10);
  });
});
