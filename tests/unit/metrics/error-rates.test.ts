import { describe, expect, it } from 'vitest';
import {
  corpusErrors,
  editCounts,
  merOf,
  ratesOf,
  utteranceErrors,
  werOf,
  wilOf,
  wipOf,
} from '../../../native/metrics/error-rates.js';

const close = (a: number, b: number) => expect(a).toBeCloseTo(b, 10);

describe('word error rates (jiwer definitions)', () => {
  it('ref "the cat sat on the mat", hyp "the cat sit on mat"', () => {
    // Alignment: the=the cat=cat sat→sit on=on the(del) mat=mat
    // H=4 S=1 D=1 I=0. jiwer: wer = 2/6 = 0.3333, mer = 2/(4+1+1) = 0.3333,
    // wip = (4/6)·(4/5) = 0.5333, wil = 0.4667.
    const r = ratesOf(utteranceErrors('the cat sat on the mat', 'the cat sit on mat'));
    close(r.wer, 2 / 6);
    close(r.mer, 2 / 6);
    close(r.wip, (4 / 6) * (4 / 5));
    close(r.wil, 1 - (4 / 6) * (4 / 5));
  });

  it('insertions: ref "a b c", hyp "a x b c d"', () => {
    // H=3 S=0 D=0 I=2. jiwer: wer = 2/3, mer = 2/5 = 0.4, wip = 1·(3/5) = 0.6, wil = 0.4.
    const c = editCounts(['a', 'b', 'c'], ['a', 'x', 'b', 'c', 'd']);
    expect(c).toMatchObject({ hits: 3, substitutions: 0, deletions: 0, insertions: 2 });
    close(werOf(c), 2 / 3);
    close(merOf(c), 0.4);
    close(wipOf(c), 0.6);
    close(wilOf(c), 0.4);
  });

  it('WER above 1 when the hypothesis is much longer', () => {
    // ref "a", hyp "b c d": S=1 I=2 → wer 3, mer 3/3 = 1, wip 0.
    const c = editCounts(['a'], ['b', 'c', 'd']);
    close(werOf(c), 3);
    close(merOf(c), 1);
    close(wipOf(c), 0);
  });

  it('corpus figures are sums over utterances, not means', () => {
    // utt1 "a b" → "a": H=1 D=1; utt2 "c d e f" → "c x e f": H=3 S=1.
    // jiwer.wer(list, list) = (1+1)/(2+4) = 0.3333 (the mean of 0.5 and 0.25
    // would be 0.375); mer = 2/6; wip = (4/6)·(4/5).
    const c = corpusErrors([utteranceErrors('a b', 'a'), utteranceErrors('c d e f', 'c x e f')]);
    const r = ratesOf(c);
    close(r.wer, 2 / 6);
    close(r.mer, 2 / 6);
    close(r.wip, (4 / 6) * (4 / 5));
  });

  it('splits on any whitespace of the normalised text', () => {
    expect(utteranceErrors('a  b\tc', 'a b c').words).toMatchObject({ hits: 3, refLength: 3 });
  });

  it('empty reference and hypothesis behave as jiwer 4 defines them', () => {
    const both = ratesOf(utteranceErrors('', ''));
    expect([both.wer, both.mer, both.wip, both.wil, both.cer]).toEqual([0, 0, 1, 0, 0]);
    expect(ratesOf(utteranceErrors('', 'silence')).wer).toBe(1);
    const two = ratesOf(utteranceErrors('', 'peaceful silence'));
    expect(two.wer).toBe(2);
    expect(two.mer).toBe(1);
    expect(two.wip).toBe(0);
    expect(ratesOf(utteranceErrors('', 'a')).cer).toBe(1);
    expect(ratesOf(utteranceErrors('', 'abcde')).cer).toBe(5);
    const noHyp = ratesOf(utteranceErrors('a b', ''));
    expect([noHyp.wer, noHyp.mer, noHyp.wip, noHyp.wil]).toEqual([1, 1, 0, 1]);
  });
});

describe('CER and AER', () => {
  it('CER counts code points, spaces included (jiwer)', () => {
    close(ratesOf(utteranceErrors('abc', 'abd')).cer, 1 / 3);
    // "దయ" is two code points; "దయా" adds the vowel sign ా: one insertion.
    close(ratesOf(utteranceErrors('దయ', 'దయా')).cer, 1 / 2);
    // "ab cd" (5 code points) → "abcd": the space is deleted.
    close(ratesOf(utteranceErrors('ab cd', 'abcd')).cer, 1 / 5);
  });

  it('AER counts aksharas: a dropped vowel sign is one akshara error', () => {
    // "దయచేసి" = ద య చే సి (4 aksharas); "దయచసి" = ద య చ సి: one substitution.
    const e = utteranceErrors('దయచేసి', 'దయచసి');
    expect(e.aksharas).toMatchObject({ refLength: 4, substitutions: 1 });
    close(ratesOf(e).aer as number, 1 / 4);
  });
});
