import { describe, expect, it } from 'vitest';
import { prepareReferenceEntities, scoreEntities } from '../../../native/metrics/ehr/index.js';
import type { EntityOutcome, EntityToken } from '../../../native/metrics/ehr/index.js';
import { testAliases } from './ehr-fixtures.js';

/** A tag over the first occurrence of `surface` in `text` (code points). */
function tag(text: string, surface: string, type: string, from = 0): EntityToken {
  const cps = Array.from(text);
  const want = Array.from(surface);
  for (let i = from; i + want.length <= cps.length; i++) {
    if (want.every((c, k) => cps[i + k] === c)) {
      return { surface, start: i, end: i + want.length, type };
    }
  }
  throw new Error(`"${surface}" not in "${text}"`);
}

function score(lang: string, text: string, tags: EntityToken[], hyp: string): EntityOutcome[] {
  return scoreEntities({ id: 'u', lang, text, entity_tokens: tags }, hyp, {
    aliases: testAliases(),
  });
}

function outcomes(lang: string, text: string, tags: EntityToken[], hyp: string): string[] {
  return score(lang, text, tags, hyp).map((o) => o.outcome);
}

describe('value spans', () => {
  it('widens "50" of "50 हजार रुपये" to the amount and reads 50000 INR', () => {
    const text = 'मेरी सैलरी हर महीने 50 हजार रुपये है।';
    const [e] = prepareReferenceEntities(text, 'hi', [tag(text, '50', 'amount')], {
      aliases: testAliases(),
    });
    expect(e.type).toBe('currency_amount');
    expect(e.originalType).toBe('amount');
    expect(Array.from(text).slice(e.valueStart, e.valueEnd).join('')).toBe('50 हजार रुपये');
    expect(e.value).toEqual({ kind: 'amount', value: 50000, currency: 'INR' });
    expect([e.start, e.end]).toEqual([20, 22]);
  });

  it('merges one-digit fragments joined by spaces into one entity', () => {
    const text = 'OTP दर्ज करें 4 7 2 9 1 8';
    const tags = ['4', '7', '2', '9', '1', '8'].map((d) => tag(text, d, 'digit_run', 13));
    const entities = prepareReferenceEntities(text, 'hi', tags, { aliases: testAliases() });
    expect(entities).toHaveLength(1);
    expect(entities[0].value).toEqual({ kind: 'digits', digits: '472918' });
    expect(entities[0].fragments).toBe(6);
    expect(outcomes('hi', text, tags, 'OTP दर्ज करें 472918')).toEqual(['hit']);
  });

  it('keeps word-tagged loanwords as separate entities', () => {
    const text = 'kal morning meeting hai';
    const tags = ['kal', 'morning', 'meeting'].map((w) => tag(text, w, 'english_loan'));
    expect(prepareReferenceEntities(text, 'hi', tags, { aliases: testAliases() })).toHaveLength(3);
  });

  it('lets a house number and a PIN share one digit sequence', () => {
    const text = 'पता मकान 17 160017 चंडीगढ़';
    const tags = [tag(text, '17', 'house_or_plot'), tag(text, '160017', 'pincode')];
    expect(outcomes('hi', text, tags, text)).toEqual(['hit', 'hit']);
    expect(outcomes('hi', text, tags, 'पता मकान 17 160018 चंडीगढ़')).toEqual(['hit', 'partial']);
  });
});

describe('no credit by a part or from elsewhere', () => {
  it('"2" inside "12" is not a hit', () => {
    const text = 'कमरा 2 में बैठो';
    const tags = [tag(text, '2', 'digit_run')];
    expect(outcomes('hi', text, tags, 'कमरा 12 में बैठो')).toEqual(['partial']);
    expect(outcomes('hi', text, tags, 'कमरा 122 में बैठो')).toEqual(['miss']);
  });

  it('"50" of "50 हजार" is not a reading of 50', () => {
    const text = 'कीमत 50 है';
    expect(outcomes('hi', text, [tag(text, '50', 'amount')], 'कीमत 50 हजार है')).toEqual([
      'partial',
    ]);
  });

  it('a value elsewhere in the sentence gives no credit', () => {
    const text = 'मेरा नंबर 9812345670 है और पिन 110001';
    const tags = [tag(text, '9812345670', 'phone'), tag(text, '110001', 'pincode')];
    const hyp = 'मेरा नंबर है और पिन 110001 और 9812345670';
    expect(outcomes('hi', text, tags, hyp)).toEqual(['miss', 'hit']);
  });

  it('digit groups of one hypothesis sequence are not readings of their own', () => {
    const text = 'पिन 110001 फोन 9812345670';
    const tags = [tag(text, '110001', 'pincode'), tag(text, '9812345670', 'phone')];
    expect(outcomes('hi', text, tags, 'पिन 110001 9812345670')).toEqual(['miss', 'miss']);
  });

  it('a reading serves one entity', () => {
    const text = 'पहला 98123 दूसरा 98123 अंत';
    const tags = [tag(text, '98123', 'digit_run'), tag(text, '98123', 'digit_run', 11)];
    // Only पहला and अंत are matched: both entities share one window and one reading.
    expect(outcomes('hi', text, tags, 'पहला नौ आठ एक दो तीन अंत')).toEqual(['hit', 'miss']);
  });
});

describe('hits across surface forms', () => {
  it('phone with a country code and groups', () => {
    const text = 'फोन 9876543210 पर करें';
    const out = score('hi', text, [tag(text, '9876543210', 'phone')], 'फोन +91 98765 43210 पर करें');
    expect(out[0].outcome).toBe('hit');
    expect(out[0].exactSurface).toBe(false);
  });

  it('amount in English words', () => {
    const text = 'loan ₹5,00,000 का है';
    expect(
      outcomes(
        'hi',
        text,
        [tag(text, '₹5,00,000', 'currency_amount')],
        'loan five lakh rupees का है',
      ),
    ).toEqual(['hit']);
  });

  it("exact surface only when the written form is the reference's", () => {
    const text = 'फीस ₹25,000 है';
    const tags = [tag(text, '₹25,000', 'currency_amount')];
    expect(score('hi', text, tags, 'फीस ₹25,000 है')[0].exactSurface).toBe(true);
    const words = score('hi', text, tags, 'फीस पच्चीस हज़ार रुपये है')[0];
    expect([words.outcome, words.exactSurface]).toEqual(['hit', false]);
  });

  it('vehicle registration with and without spaces', () => {
    const text = 'गाड़ी TS 09 EA 1234 है';
    const tags = [tag(text, 'TS 09 EA 1234', 'vehicle_reg')];
    expect(outcomes('hi', text, tags, 'गाड़ी TS09EA1234 है')).toEqual(['hit']);
    expect(outcomes('hi', text, tags, 'गाड़ी TS09EA1235 है')).toEqual(['miss']);
  });

  it('e-mail and UPI ids', () => {
    const text = 'mail ravi.k@gmail.com या upi ravi@okaxis पर';
    const tags = [tag(text, 'ravi.k@gmail.com', 'email'), tag(text, 'ravi@okaxis', 'upi_id')];
    expect(outcomes('hi', text, tags, text)).toEqual(['hit', 'hit']);
    expect(outcomes('hi', text, tags, 'mail ravi@gmail.com या upi ravi@okaxis पर')).toEqual([
      'miss',
      'hit',
    ]);
  });

  it('date in words and with slashes', () => {
    const text = 'तारीख 15 अगस्त 2024 है';
    const tags = [tag(text, '15 अगस्त 2024', 'date')];
    expect(outcomes('hi', text, tags, 'तारीख 15/08/2024 है')).toEqual(['hit']);
    expect(outcomes('hi', text, tags, 'तारीख 16/08/2024 है')).toEqual(['miss']);
  });

  it('time: साढ़े तीन बजे = 03:30', () => {
    const text = 'मीटिंग 3:30 पर है';
    expect(outcomes('hi', text, [tag(text, '3:30', 'time')], 'मीटिंग साढ़े तीन बजे पर है')).toEqual([
      'hit',
    ]);
  });

  it('brand alias in another script', () => {
    const text = 'मैं Paytm से भेजूँगा';
    expect(outcomes('hi', text, [tag(text, 'Paytm', 'brand')], 'मैं पेटीएम से भेजूँगा')).toEqual(['hit']);
  });

  it('house number with hyphens keeps them', () => {
    const text = 'पता 5-89-234 है';
    const tags = [tag(text, '5-89-234', 'house_or_plot')];
    expect(outcomes('hi', text, tags, 'पता 5-89-234 है')).toEqual(['hit']);
    expect(outcomes('hi', text, tags, 'पता 589234 है')).toEqual(['partial']);
  });

  it('a loanword with a native case suffix', () => {
    const text = 'ఆ spreadsheet లో ఫార్ములాస్';
    const tags = [tag(text, 'spreadsheet', 'english_loan')];
    expect(outcomes('te', text, tags, 'ఆ స్ప్రెడ్షీట్లో ఫార్ములాస్')).toEqual(['hit']);
  });

  it('a two-word name written as one native word', () => {
    const text = 'மீட் Hari Shankar இன்று';
    const tags = [tag(text, 'Hari', 'proper_noun'), tag(text, 'Shankar', 'proper_noun')];
    expect(outcomes('ta', text, tags, 'மீட் ஹரிசங்கர் இன்று')).toEqual(['hit']);
  });

  it('house number with a glued letter', () => {
    const text = 'फ्लैट 12B में';
    const tags = [tag(text, '12B', 'house_or_plot')];
    expect(outcomes('hi', text, tags, 'फ्लैट 12B में')).toEqual(['hit']);
    expect(outcomes('hi', text, tags, 'फ्लैट 12-B में')).toEqual(['partial']);
    expect(outcomes('hi', text, tags, 'फ्लैट 13B में')).toEqual(['miss']);
  });
});

describe('partial and miss', () => {
  it('wrong currency is partial', () => {
    const text = 'कीमत ₹500 है';
    expect(outcomes('hi', text, [tag(text, '₹500', 'amount')], 'कीमत 500 डॉलर है')).toEqual([
      'partial',
    ]);
  });

  it('some words of a multi-word name are partial', () => {
    const text = 'मिलो Rohan Kumar से';
    const tags = [tag(text, 'Rohan', 'proper_noun'), tag(text, 'Kumar', 'proper_noun')];
    expect(outcomes('hi', text, tags, 'मिलो रोहन शर्मा से')).toEqual(['partial']);
    expect(outcomes('hi', text, tags, 'मिलो रोहन कुमार से')).toEqual(['hit']);
    expect(outcomes('hi', text, tags, 'मिलो मोहन शर्मा से')).toEqual(['miss']);
  });

  it('a loanword spelt as another word is a miss', () => {
    const text = 'मेरा order कब आएगा';
    expect(outcomes('hi', text, [tag(text, 'order', 'english_loan')], 'मेरा आर्डर कब आएगा')).toEqual([
      'hit',
    ]);
    expect(outcomes('hi', text, [tag(text, 'order', 'english_loan')], 'मेरा घर कब आएगा')).toEqual([
      'miss',
    ]);
  });

  it('outcome fields', () => {
    const text = 'मेरा नंबर 9812345670 है';
    const [o] = score('hi', text, [tag(text, '9812345670', 'phone')], 'मेरा नंबर 98123 45670 है');
    expect(o).toMatchObject({
      id: 'u',
      type: 'phone',
      originalType: 'phone',
      lang: 'hi',
      surface: '9812345670',
      value: '9812345670',
      outcome: 'hit',
      exactSurface: false,
      hypWindow: '98123 45670',
      valueStart: 10,
      valueEnd: 20,
    });
  });
});
