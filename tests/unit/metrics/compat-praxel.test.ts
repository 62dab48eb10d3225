import { describe, expect, it } from 'vitest';
import {
  aggregatePraxel,
  hitBrand,
  hitCurrencyAmount,
  hitDigitRun,
  hitHouseOrPlot,
  hitPincode,
  hitProperNoun,
  hitSpelledDigit,
  parsePraxelAmount,
  praxelHit,
  praxelNorm,
  praxelSfr,
  praxelWerWords,
  scorePraxelRow,
} from '../../../native/metrics/compat-praxel.js';
import {
  pyCasefold,
  pyFirstNumber,
  pyFloat,
  pySplit,
  pyStrip,
} from '../../../native/metrics/python-text.js';
import { praxelTables } from '../../../native/metrics/compat-tables.js';

describe('Python string semantics', () => {
  it('casefold is full case folding, not toLowerCase', () => {
    expect(pyCasefold('Straße')).toBe('strasse');
    expect(pyCasefold('ẞ')).toBe('ss');
    // Final sigma folds to σ: Python's casefold has no context rule.
    expect(pyCasefold('ΟΔΟΣ')).toBe('οδοσ');
    expect(pyCasefold('ς')).toBe('σ');
    expect(pyCasefold('ŉ')).toBe('ʼn');
    // Cherokee small letters fold to capitals.
    expect(pyCasefold('ꭰ')).toBe('Ꭰ');
    expect(pyCasefold('PAYTM దయ')).toBe('paytm దయ');
  });

  it('NFKC happens before casefold in _norm', () => {
    // ﬁ (U+FB01) is decomposed by NFKC, full-width letters become ASCII.
    expect(praxelNorm('  ﬁle ＰＡＹＴＭ\u3000x ')).toBe('file paytm x');
  });

  it("split/strip use Python's whitespace set, not JS \\s", () => {
    expect(pySplit('a\u001cb\u001fc\u0085d')).toEqual(['a', 'b', 'c', 'd']);
    // U+FEFF is JS whitespace but not Python whitespace.
    expect(pySplit('a\ufeffb')).toEqual(['a\ufeffb']);
    expect(pyStrip('\u001e x \u2028')).toBe('x');
  });

  it('float() accepts Unicode digits; \\d matches any Nd digit', () => {
    expect(pyFloat('౫౦౦')).toBe(500);
    expect(pyFloat('12.5')).toBe(12.5);
    expect(pyFloat('5.')).toBe(5);
    expect(pyFloat('1.2.3')).toBeNull();
    expect(pyFirstNumber('రూ ౧,౫౦,౦౦౦ మాత్రమే')).toBe('౧,౫౦,౦౦౦');
    expect(pyFirstNumber('no digits')).toBeNull();
  });
});

describe('praxel-2026 rules', () => {
  it('digit_run: substring of the hypothesis with U+0020 removed', () => {
    expect(hitDigitRun('98765 43210', 'call 98765 43210 now')).toBe(true);
    expect(hitDigitRun('9876543210', 'call 98765\t43210')).toBe(false);
    expect(hitDigitRun('abc', 'abc')).toBe(false);
    // Full-width digits in the hypothesis are ASCII after NFKC.
    expect(hitDigitRun('42', '４２')).toBe(true);
  });

  it('pincode needs exactly six digits', () => {
    expect(hitPincode('530001', 'విశాఖపట్టణం 530001')).toBe(true);
    expect(hitPincode('53001', '53001')).toBe(false);
  });

  it('house_or_plot, brand, proper_noun', () => {
    expect(hitHouseOrPlot('Plot 12/4', 'PLOT   12/4 near')).toBe(true);
    expect(hitBrand('Paytm', 'పేటిఎం ద్వారా')).toBe(true);
    expect(hitBrand('GPay', 'google pay chesanu')).toBe(true);
    expect(hitBrand('Unknown', 'unknownish')).toBe(true);
    expect(hitProperNoun('Ravi Kumar Reddy', 'ravi kumar reddy garu')).toBe(true);
    // 2 of 3 words = 0.67 < 0.80.
    expect(hitProperNoun('Ravi Kumar Reddy', 'ravi kumar')).toBe(false);
    expect(hitProperNoun('  ', 'x')).toBe(false);
  });

  it('spelled_digit: greedy in-order matching, 80%', () => {
    const ref = 'ఐదు మూడు సున్నా సున్నా ఒకటి';
    expect(hitSpelledDigit(ref, 'ఐదు మూడు సున్నా సున్నా ఒకటి', 'te')).toBe(true);
    expect(hitSpelledDigit(ref, 'ఐదు మూడు సున్నా సున్నా', 'te')).toBe(true); // 4/5
    // Greedy: after ఐదు మూడు సున్నా the next expected word is సున్నా, so ఒకటి
    // does not count: 3/5 = 0.6.
    expect(hitSpelledDigit(ref, 'ఐదు మూడు సున్నా ఒకటి', 'te')).toBe(false);
    expect(hitSpelledDigit(ref, 'ఐదు మూడు', 'te')).toBe(false);
    expect(hitSpelledDigit(ref, ref, 'xx')).toBe(false);
  });

  it('currency_amount: first number times first multiplier, ±0.5%', () => {
    expect(parsePraxelAmount('₹1,50,000')).toBe(150000);
    expect(parsePraxelAmount('5 లక్షల రూపాయలు')).toBe(500000);
    expect(parsePraxelAmount('ఐదు లక్షల')).toBe(500000);
    expect(parsePraxelAmount('nothing here')).toBeNull();
    expect(hitCurrencyAmount('₹5,00,000', '5 lakh rupees')).toBe(true);
    expect(hitCurrencyAmount('1000', '1004')).toBe(true);
    expect(hitCurrencyAmount('1000', '1006')).toBe(false);
    expect(hitCurrencyAmount('0', '0.4')).toBe(true);
    // Published data uses `amount`, which is not `currency_amount`: substring rule.
    expect(praxelHit('amount', '₹5,00,000', '5 lakh', 'hi')).toBe(false);
  });

  it('known consequences (spec §5)', () => {
    // 18000 misses a reference 18,000 (the `amount` type is a substring match).
    expect(praxelHit('amount', '18,000', 'total 18000 rupees', 'hi')).toBe(false);
    // Native digits miss an ASCII reference.
    expect(praxelHit('pincode', '530001', 'పిన్ ౫౩౦౦౦౧', 'te')).toBe(false);
    // Spelled-out numbers never hit digit_run.
    expect(praxelHit('digit_run', '42', 'నలభై రెండు', 'te')).toBe(false);
    expect(praxelHit('digit_run', '2', 'ఒకటి రెండు', 'te')).toBe(false);
    // 2 hits inside 12.
    expect(praxelHit('digit_run', '2', 'room 12', 'te')).toBe(true);
    // de hits inside delivery.
    expect(praxelHit('english_loan', 'de', 'fast delivery', 'hi')).toBe(true);
  });

  it('SFR: letters only, block of the language, 1.0 with no letters', () => {
    expect(praxelSfr('దయచేసి', 'te')).toBe(1);
    expect(praxelSfr('123 ,', 'te')).toBe(1);
    expect(praxelSfr('', 'te')).toBe(1);
    // Kannada letters for Telugu: ದ ಯ are letters outside U+0C00–0C7F.
    expect(praxelSfr('ದಯ', 'te')).toBe(0);
    expect(praxelSfr('ab దయ', 'te')).toBe(0.5);
  });

  it('compat WER words: jiwer default transform on raw text', () => {
    expect(praxelWerWords('  a,  b.\tc ')).toEqual(['a,', 'b.\tc']);
    expect(praxelWerWords('a \t b')).toEqual(['a', 'b']);
  });

  it('aggregates micro EHR and by class, language and type', () => {
    const row = scorePraxelRow(
      {
        id: 'r1',
        lang: 'te',
        entityClass: 'digits',
        tokens: [
          { surface: '12', type: 'digit_run' },
          { surface: '530001', type: 'pincode' },
        ],
      },
      'room 12',
    );
    const s = aggregatePraxel([row], 3);
    expect(s.ehr).toBe(0.5);
    expect(s.missing).toBe(3);
    expect(s.byType.get('pincode')).toEqual({ hits: 0, total: 1 });
    expect(s.byClass.get('digits')).toEqual({ hits: 1, total: 2 });
    expect(praxelTables().multipliers[0]).toEqual({ word: 'lakh', value: 100000 });
  });
});
