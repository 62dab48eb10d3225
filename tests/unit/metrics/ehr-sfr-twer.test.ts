import { describe, expect, it } from 'vitest';
import {
  corpusTwer,
  scoreSfr,
  scoreTwer,
  summarizeSfr,
} from '../../../native/metrics/ehr/index.js';
import type { EntityToken, ReferenceRow } from '../../../native/metrics/ehr/index.js';
import { testAliases } from './ehr-fixtures.js';

function row(lang: string, text: string, entity_tokens: EntityToken[] = []): ReferenceRow {
  return { id: 'u', lang, text, entity_tokens };
}

const opts = { aliases: testAliases() };

describe('SFR (spec §4)', () => {
  it('is 1 for a hypothesis in the language script and 0 for a romanised one', () => {
    const ref = row('te', 'దయచేసి ఇక్కడ చూడండి');
    expect(scoreSfr(ref, 'దయచేసి ఇక్కడ చూడండి', opts)?.value).toBe(1);
    const collapsed = scoreSfr(ref, 'dayachesi ikkada chudandi', opts);
    expect(collapsed?.value).toBe(0);
    expect(collapsed?.letters).toBe(23);
  });

  it('counts combining marks, so vowel signs matter', () => {
    // दयचेसि: Devanagari letters with Devanagari signs in a Telugu utterance.
    const s = scoreSfr(row('te', 'దయచేసి'), 'दयचेसि', opts);
    expect(s).toEqual({ value: 0, letters: 6, inScript: 0 });
  });

  it('leaves out words aligned to Latin reference words (code-mix)', () => {
    const ref = row('hi', 'मेरा order कब आएगा');
    expect(scoreSfr(ref, 'मेरा order कब आएगा', opts)?.value).toBe(1);
    // "ordr" is aligned to "order" (a substitution): still left out.
    expect(scoreSfr(ref, 'मेरा ordr कब आएगा', opts)?.value).toBe(1);
  });

  it('leaves out words aligned to entity values', () => {
    const text = 'నేను Flipkart లో కొన్నాను';
    const ref = row('te', text, [{ surface: 'Flipkart', start: 5, end: 13, type: 'brand' }]);
    expect(scoreSfr(ref, 'నేను फ्लिपकार्ट లో కొన్నాను', opts)?.value).toBe(1);
  });

  it('is null when no letter is left', () => {
    expect(scoreSfr(row('hi', 'नंबर 123'), '123', opts)).toBeNull();
    expect(scoreSfr(row('hi', 'नंबर'), '', opts)).toBeNull();
  });

  it('summarises mean, corpus ratio and collapse share', () => {
    const s = summarizeSfr([
      { value: 1, letters: 10, inScript: 10 },
      { value: 0.25, letters: 30, inScript: 7.5 },
      null,
    ]);
    expect(s.mean).toBeCloseTo(0.625);
    expect(s.ratio).toBeCloseTo(17.5 / 40);
    expect(s.collapse_share).toBe(0.5);
    expect(summarizeSfr([])).toEqual({ mean: null, ratio: null, collapse_share: null });
  });
});

describe('TWER (spec §2)', () => {
  it('counts a word written in another script as equal', () => {
    const c = scoreTwer(row('hi', 'मेरा order कब आएगा'), 'मेरा ऑर्डर कब आएगा');
    expect(c).toEqual({
      hits: 4,
      substitutions: 0,
      deletions: 0,
      insertions: 0,
      refLength: 4,
      hypLength: 4,
    });
  });

  it('still counts real errors, and two spellings in one script are different words', () => {
    const c = scoreTwer(row('te', 'migration పూర్తి అయింది'), 'మైగ్రేషన్ పూర్తి అయ్యింది');
    expect([c.hits, c.substitutions]).toEqual([2, 1]);
    expect(corpusTwer([c, { ...c, substitutions: 0, hits: 3 }])).toBeCloseTo(1 / 6);
    expect(corpusTwer([])).toBeNull();
  });
});
