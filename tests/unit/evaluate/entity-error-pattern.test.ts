import { describe, expect, it } from 'vitest';
import {
  classifyEntityError,
  dominantScript,
  type PatternInput,
} from '../../../native/metrics/entity-error-pattern.js';

function phone(hypWindow: string, outcome: PatternInput['outcome'] = 'miss'): PatternInput {
  return {
    type: 'phone',
    lang: 'te',
    surface: '98765 43210',
    value: '9876543210',
    outcome,
    hypWindow,
  };
}

describe('classifyEntityError', () => {
  it('gives no pattern to a hit', () => {
    expect(classifyEntityError(phone('9876543210', 'hit'))).toBeNull();
  });

  it('calls an empty window a deletion', () => {
    expect(classifyEntityError(phone(''))).toBe('deleted');
    expect(classifyEntityError(phone('   '))).toBe('deleted');
  });

  it('recognises a number written as words', () => {
    expect(classifyEntityError(phone('తొమ్మిది ఎనిమిది ఏడు ఆరు'))).toBe('number_as_words');
    expect(classifyEntityError(phone('nine eight seven six'))).toBe('number_as_words');
  });

  it('recognises digits split by a word or merged into a neighbouring number', () => {
    expect(classifyEntityError(phone('98765 కి 43210'))).toBe('digit_split_merged');
    expect(classifyEntityError(phone('98765432105'))).toBe('digit_split_merged');
  });

  it('recognises one digit wrong, dropped or added', () => {
    expect(classifyEntityError(phone('9876543219', 'partial'))).toBe('one_digit_wrong');
    expect(classifyEntityError(phone('987654321', 'partial'))).toBe('one_digit_wrong');
    // Telugu digits count as digits.
    expect(classifyEntityError(phone('౯౮౭౬౫౪౩౨౧౧', 'partial'))).toBe('one_digit_wrong');
  });

  it('keeps two swapped digits apart from one digit wrong', () => {
    expect(classifyEntityError(phone('9786543210'))).toBe('other');
  });

  it('takes the scorer’s wrong-script outcome, and another Indic script for a word', () => {
    expect(classifyEntityError(phone('ನವ', 'wrong_script'))).toBe('wrong_script');
    expect(
      classifyEntityError({
        type: 'place',
        lang: 'te',
        surface: 'హైదరాబాద్',
        value: null,
        outcome: 'miss',
        hypWindow: 'ಹೈದರಾಬಾದ್',
      }),
    ).toBe('wrong_script');
  });

  it('recognises a transliteration or a spelling variant of a name', () => {
    const brand = (hypWindow: string): PatternInput => ({
      type: 'brand',
      lang: 'te',
      surface: 'Paytm',
      value: 'paytm',
      outcome: 'miss',
      hypWindow,
    });
    expect(classifyEntityError(brand('పేటీఎం లో'))).toBe('transliteration_variant');
    expect(classifyEntityError(brand('paytym లో'))).toBe('transliteration_variant');
    expect(classifyEntityError(brand('google లో'))).toBe('other');
  });
});

describe('dominantScript', () => {
  it('names the script most letters are in', () => {
    expect(dominantScript('నా Paytm ఖాతా')).toBe('Telugu');
    expect(dominantScript('123 ...')).toBeNull();
  });
});
