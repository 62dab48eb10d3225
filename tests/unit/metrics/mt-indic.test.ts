/**
 * Indic text through BLEU and chrF++, with expected values worked out by
 * hand from sacrebleu's definitions (and agreeing with sacrebleu 2.6.0):
 * strings are code points as in Python, 13a's `[0-9]` is ASCII only, and
 * whitespace is Python's.
 */
import { describe, expect, it } from 'vitest';
import { corpusBleu, sentenceBleu } from '../../../native/metrics/mt/bleu.js';
import { Chrf, chrfPlusPlus, chrfWords } from '../../../native/metrics/mt/chrf.js';
import { tokenize13a } from '../../../native/metrics/mt/tokenizers.js';

describe('13a on Indic text', () => {
  it('native digits are not [0-9]: a dot between Telugu digits is split off', () => {
    expect(tokenize13a('ఫోన్ ౯౮౭౬౫.౫')).toBe('ఫోన్ ౯౮౭౬౫ . ౫');
    expect(tokenize13a('ఫోన్ 98765.5')).toBe('ఫోన్ 98765.5');
  });

  it('keeps digit-group commas, splits a final period, leaves the danda alone', () => {
    expect(tokenize13a('ధర ₹5,000.')).toBe('ధర ₹5,000 .');
    expect(tokenize13a('किराया 15 हजार है।')).toBe('किराया 15 हजार है।');
  });
});

describe('Hindi: "राम गया" against "राम आया"', () => {
  // Characters (code points, spaces removed) र ा म ग य ा and र ा म आ य ा:
  // matches per char order 5/6, 3/5, 1/4, 0/3, 0/2, 0/1; words 1/2, bigrams
  // 0/1. Precision equals recall at every order, so F = their mean over the
  // 8 orders = (5/6 + 3/5 + 1/4 + 1/2) / 8 = 131/480.
  it('chrF++ is 100 · 131/480', () => {
    expect(chrfPlusPlus().sentenceScore('राम गया', ['राम आया']).score).toBeCloseTo(
      (100 * 131) / 480,
      12,
    );
  });

  // Unigrams 1/2, bigrams 0/1 (exp smoothing: 100/(2·1) = 50), no trigrams.
  it('sentence BLEU (effective order 2) is 50; corpus BLEU (order 4) is 0', () => {
    expect(sentenceBleu('राम गया', ['राम आया']).score).toBeCloseTo(50, 10);
    expect(corpusBleu(['राम गया'], [['राम आया']]).score).toBe(0);
  });
});

describe('code points and Python whitespace', () => {
  it('a consonant with a vowel sign is two characters, as in Python', () => {
    const s = new Chrf({ wordOrder: 0 }).sentenceStats('कि', ['कि']);
    expect(s.slice(0, 9)).toEqual([2, 2, 2, 1, 1, 1, 0, 0, 0]);
  });

  it('a character outside the BMP is one character, not two UTF-16 units', () => {
    const s = new Chrf({ wordOrder: 0 }).sentenceStats('\u{1F600}न', ['\u{1F600}न']);
    expect(s.slice(0, 9)).toEqual([2, 2, 2, 1, 1, 1, 0, 0, 0]);
    expect(chrfWords('नमस्ते\u{1F600}. \u{1F600}')).toEqual(['नमस्ते\u{1F600}', '.', '\u{1F600}']);
  });

  it('U+0085 separates words; U+FEFF does not', () => {
    expect(chrfWords('ఫోన్\u0085నంబర్')).toEqual(['ఫోన్', 'నంబర్']);
    expect(chrfWords('ఫోన్\uFEFFనంబర్')).toEqual(['ఫోన్\uFEFFనంబర్']);
  });
});
