/**
 * chrF against sacrebleu's published test values: examples and expected
 * figures of sacrebleu's test/test_chrf.py (mjpost/sacrebleu), same options
 * and tolerance. That file has no chrF++ values; the chrF++ figures below
 * are sacrebleu 2.6.0's `CHRF(word_order=2)` on the same examples, and
 * scripts/check-mt-score.ts compares chrF++ with sacrebleu on 600 corpus
 * sentence pairs (bench/results/mt-score-sacrebleu.json).
 */
import { describe, expect, it } from 'vitest';
import { Chrf, chrfPlusPlus, chrfWords } from '../../../native/metrics/mt/chrf.js';

const EPSILON = 1e-4;

const sentenceLevel: [string, string[], number][] = [
  [
    'Co nás nejvíc trápí, protože lékaři si vybírají, kdo bude žít a kdo zemře.',
    ['Nejvíce smutní jsme z toho, že musíme rozhodovat o tom, kdo bude žít a kdo zemře.'],
    39.14078509,
  ],
  [
    'Nebo prostě nemají vybavení, které by jim pomohlo, uvedli lékaři.',
    ['A někdy nemáme ani potřebný materiál, abychom jim pomohli, popsali lékaři.'],
    31.22557079,
  ],
  [
    'Lapali po dechu, jejich životy skončily dřív, než skutečně začaly.',
    ['Lapali po dechu a pak jejich život skončil - dřív, než skutečně mohl začít, připomněli.'],
    57.15704367,
  ],
];

// test_cases: epsilon smoothing (chrF++.py and NLTK behaviour), β 3
const epsCases: [string[], string[], number][] = [
  [['abcdefg'], ['hijklmnop'], 0.0],
  [['a'], ['b'], 0.0],
  [[''], ['b'], 0.0],
  [[''], ['ref'], 0.0],
  [[''], ['reference'], 0.0],
  [['aa'], ['ab'], 8.3333],
  [['a', 'b'], ['a', 'c'], 8.3333],
  [['a'], ['a'], 16.6667],
  [['a b c'], ['a b c'], 50.0],
  [['a b c'], ['abc'], 50.0],
  [
    [
      ' risk assessment must be made of those who are qualified and expertise in the sector - these are the scientists .',
    ],
    [
      'risk assessment has to be undertaken by those who are qualified and expert in that area - that is the scientists .',
    ],
    63.36173,
  ],
  [
    [' Die    Beziehung zwischen  Obama und Netanjahu ist nicht gerade  freundlich. '],
    ['Das Verhältnis zwischen Obama und Netanyahu ist nicht gerade freundschaftlich.'],
    64.1302698,
  ],
  [
    ['Niemand hat die Absicht, eine Mauer zu errichten'],
    ['Niemand hat die Absicht, eine Mauer zu errichten'],
    100.0,
  ],
];

// test_cases_effective_order: sacrebleu < 2.0 smoothing, β 3
const effCases: [string[], string[], number][] = [
  [['a'], ['a'], 100.0],
  [[''], ['reference'], 0.0],
  [['a b c'], ['a b c'], 100.0],
  [['a b c'], ['abc'], 100.0],
  [[''], ['c'], 0.0],
  [['a', 'b'], ['a', 'c'], 50.0],
  [['aa'], ['ab'], 25.0],
];

// test_cases_keep_whitespace: β 3, whitespace kept
const wsCases: [string[], string[], number][] = [
  [
    ['Die Beziehung zwischen Obama und Netanjahu ist nicht gerade freundlich.'],
    ['Das Verhältnis zwischen Obama und Netanyahu ist nicht gerade freundschaftlich.'],
    67.3481606,
  ],
  [
    [
      'risk assessment must be made of those who are qualified and expertise in the sector - these are the scientists .',
    ],
    [
      'risk assessment has to be undertaken by those who are qualified and expert in that area - that is the scientists .',
    ],
    65.2414427,
  ],
];

describe('chrF (sacrebleu test/test_chrf.py)', () => {
  it.each(epsCases)('epsilon smoothing: %j against %j is %d', (h, r, expected) => {
    const m = new Chrf({ charOrder: 6, wordOrder: 0, beta: 3, epsSmoothing: true });
    expect(Math.abs(m.corpusScore(h, [r]).score - expected)).toBeLessThan(EPSILON);
  });

  it.each(effCases)('effective order: %j against %j is %d', (h, r, expected) => {
    const m = new Chrf({ charOrder: 6, wordOrder: 0, beta: 3, epsSmoothing: false });
    expect(Math.abs(m.corpusScore(h, [r]).score - expected)).toBeLessThan(EPSILON);
  });

  it.each(wsCases)('whitespace kept: %j against %j is %d', (h, r, expected) => {
    const m = new Chrf({ charOrder: 6, wordOrder: 0, beta: 3, whitespace: true });
    expect(Math.abs(m.corpusScore(h, [r]).score - expected)).toBeLessThan(EPSILON);
  });

  it.each(sentenceLevel)('sentence level: %s', (h, r, expected) => {
    const m = new Chrf({ epsSmoothing: true });
    expect(Math.abs(m.sentenceScore(h, r).score - expected)).toBeLessThan(EPSILON);
  });
});

describe('chrF++ (CHRF(word_order=2), values from sacrebleu 2.6.0)', () => {
  it.each([
    [sentenceLevel[0][0], sentenceLevel[0][1], 40.3769131075315],
    [sentenceLevel[1][0], sentenceLevel[1][1], 28.927323825104185],
    [sentenceLevel[2][0], sentenceLevel[2][1], 54.134581828446215],
  ])('sentence chrF++ of %s', (h, r, expected) => {
    expect(Math.abs(chrfPlusPlus().sentenceScore(h, r).score - expected)).toBeLessThan(1e-9);
  });

  it('corpus chrF++ sums statistics over sentences, not scores', () => {
    const h = sentenceLevel.map((c) => c[0]);
    const r = [sentenceLevel.map((c) => c[1][0])];
    const m = chrfPlusPlus();
    expect(Math.abs(m.corpusScore(h, r).score - 41.85250625621974)).toBeLessThan(1e-9);
    const mean = h.reduce((s, x, i) => s + m.sentenceScore(x, [r[0][i]]).score, 0) / h.length;
    expect(Math.abs(mean - m.corpusScore(h, r).score)).toBeGreaterThan(0.01);
  });

  it('splits one edge punctuation mark off a word, as upstream (issue #124)', () => {
    expect(chrfWords('(hi) there, "x')).toEqual(['(hi', ')', 'there', ',', '"', 'x']);
    expect(chrfWords('a , b')).toEqual(['a', ',', 'b']);
  });

  it('keeps the best reference per sentence', () => {
    const m = chrfPlusPlus();
    const one = m.sentenceScore('the cat sat', ['the cat sat']).score;
    expect(m.sentenceScore('the cat sat', ['a dog ran', 'the cat sat']).score).toBe(one);
  });
});
