import { describe, expect, it } from 'vitest';
import {
  findNumberReadings,
  parseDatePhrase,
  parseNumberPhrase,
  parseTimePhrase,
  verbalizeCardinal,
  verbalizeCurrency,
  verbalizeTime,
} from '../../../native/text/numbers/index.js';
import type { NumberReading } from '../../../native/text/numbers/index.js';
import { UserError } from '../../../native/contract/errors.js';

const read = (s: string, lang: string): NumberReading[] => findNumberReadings(s.split(' '), lang);
const only = (s: string, lang: string): NumberReading => {
  const rs = read(s, lang);
  expect(rs, s).toHaveLength(1);
  return rs[0];
};

describe('readings from the spec (ehr-cases.jsonl)', () => {
  it('w01: digit groups split by a space are one reading', () => {
    const r = only('मेरा नंबर 98123 45670 है', 'hi');
    expect(r).toMatchObject({
      startWord: 2,
      endWord: 4,
      kind: 'digits',
      digitString: '9812345670',
    });
  });
  it('w02: Hindi digit by digit', () => {
    const r = only('मेरा नंबर नौ आठ एक दो तीन चार पांच छह सात शून्य है', 'hi');
    expect(r).toMatchObject({ startWord: 2, endWord: 12, digitString: '9812345670' });
  });
  it('w03: Devanagari digits', () => {
    expect(only('मेरा नंबर ९८१२३४५६७० है', 'hi').digitString).toBe('9812345670');
  });
  it('w07/w08: amount in words or digits with a currency word', () => {
    expect(only('फीस पच्चीस हज़ार रुपये है', 'hi')).toMatchObject({
      value: 25000,
      currency: 'INR',
      hasCurrencyWord: true,
      kind: 'cardinal',
    });
    expect(only('फीस 25000 रुपये है', 'hi')).toMatchObject({ value: 25000, currency: 'INR' });
    expect(only('फीस ₹25,000 है', 'hi')).toMatchObject({ value: 25000, currency: 'INR' });
  });
  it('w10/w11: Telugu lakh in its oblique form', () => {
    expect(only('ధర మూడు లక్షల రూపాయలు', 'te')).toMatchObject({ value: 300000, currency: 'INR' });
    expect(only('ధర ముప్పై లక్షల రూపాయలు', 'te').value).toBe(3_000_000);
    expect(only('ధర 3 లక్షల రూపాయలు', 'te')).toMatchObject({ value: 300000, kind: 'mixed' });
  });
  it('w12/w13: Tamil digit words keep zeros', () => {
    expect(only('பின் கோடு ஆறு பூஜ்யம் பூஜ்யம் பூஜ்யம் நான்கு இரண்டு', 'ta').digitString).toBe('600042');
    expect(only('பின் கோடு ஆறு பூஜ்யம் பூஜ்யம் நான்கு இரண்டு', 'ta').digitString).toBe('60042');
  });
  it('w14: 17 is one reading, not 7', () => {
    expect(only('कमरा 17 में बैठो', 'hi')).toMatchObject({ value: 17, digitString: '17' });
  });
  it('w20/w21: बटा reads a slash', () => {
    expect(only('पता मकान नंबर बारह बटा चार लखनऊ', 'hi')).toMatchObject({
      kind: 'slash',
      slashText: '12/4',
      startWord: 3,
      endWord: 6,
    });
    expect(only('मकान नंबर 12/4', 'hi').slashText).toBe('12/4');
    expect(only('मकान नंबर 124 लखनऊ', 'hi').kind).toBe('digits');
  });
  it('w22: English digit words', () => {
    expect(
      only('Call me on nine eight one two three four five six seven zero', 'en').digitString,
    ).toBe('9812345670');
  });
  it('w23/w24: डेढ़ and ढाई lakh', () => {
    expect(only('मुझे डेढ़ लाख चाहिए', 'hi').value).toBe(150000);
    expect(only('मुझे ढाई लाख चाहिए', 'hi').value).toBe(250000);
    expect(only('मुझे 1.5 लाख चाहिए', 'hi')).toMatchObject({ value: 150000, kind: 'mixed' });
  });
});

describe('cardinals', () => {
  const cases: Array<[string, string, number]> = [
    ['en', 'two thousand twenty four', 2024],
    ['en', 'two thousand and twenty-four', 2024],
    ['en', 'five lakh', 500000],
    ['en', 'one point five crore', 15_000_000],
    ['en', 'a hundred and five', 105],
    ['en', 'three million two hundred thousand', 3_200_000],
    ['hi', 'एक लाख पच्चीस हज़ार', 125000],
    ['hi', 'एक लाख पच्चीस हजार', 125000],
    ['hi', 'साढ़े तीन लाख', 350000],
    ['hi', 'साढ़े तीन', 3.5],
    ['hi', 'सवा लाख', 125000],
    ['hi', 'सवा दो सौ', 225],
    ['hi', 'पौने पाँच', 4.75],
    ['hi', 'पौने पांच सौ', 475],
    ['hi', 'डेढ़ सौ', 150],
    ['hi', 'ढाई हज़ार', 2500],
    ['hi', '5 लाख', 500000],
    ['hi', 'five lakh', 500000],
    ['hi', 'बीस thousand', 20000],
    ['hi', 'पाँच हज़ार करोड़', 50_000_000_000],
    ['hi', 'दो पॉइंट पाँच', 2.5],
    ['hi', 'निन्यानवे', 99],
    ['hi', 'इक्यावन', 51],
    ['hi', 'छः', 6],
    ['hi', 'उन्नीस सौ सैंतालीस', 1947],
    ['te', 'ఐదు లక్షల రూపాయలు', 500000],
    ['te', 'ఇరవై ఒకటి', 21],
    ['te', 'నూట ఇరవై', 120],
    ['te', 'రెండు వేల ఐదు వందలు', 2500],
    ['te', 'ఒక లక్షా యాభై వేలు', 150000],
    ['te', 'లక్షన్నర', 150000],
    ['te', 'రెండున్నర లక్షలు', 250000],
    ['te', 'ఎనభై వేల రూపాయలు', 80000],
    ['te', 'రెండు కోట్ల', 20_000_000],
    ['te', 'పాతిక వేలు', 25000],
    ['te', 'లక్షలకు', 100000],
    ['ta', 'மூன்று லட்சம்', 300000],
    ['ta', 'இருபத்தி ஒன்று', 21],
    ['ta', 'இருபத்தொன்று', 21],
    ['ta', 'இருபத்து மூன்று', 23],
    ['ta', 'நூற்றிருபது', 120],
    ['ta', 'இருநூற்று ஐம்பது', 250],
    ['ta', 'இரண்டாயிரம்', 2000],
    ['ta', 'இருபத்தைந்தாயிரம்', 25000],
    ['ta', 'இருபத்தோராயிரம்', 21000],
    ['ta', 'ஒரு கோடியே ஐம்பது லட்சம்', 15_000_000],
    ['ta', 'பனிரண்டு கோடி ரூபாய்', 120_000_000],
    ['ta', 'இரண்டரை லட்சம்', 250000],
    ['gu', 'દોઢ લાખ', 150000],
    ['gu', 'સાડા ત્રણ હજાર', 3500],
  ];
  it.each(cases)('%s: %s = %d', (lang, text, value) => {
    expect(parseNumberPhrase(text.split(' '), lang)).toBe(value);
  });

  it('readings are maximal and never split a number', () => {
    expect(read('मैंने 50 हजार रुपये दिए', 'hi')).toEqual([
      {
        startWord: 1,
        endWord: 4,
        value: 50000,
        kind: 'mixed',
        currency: 'INR',
        hasCurrencyWord: true,
      },
    ]);
    expect(read('15 अगस्त 2024 को', 'hi').map((r) => r.value)).toEqual([15, 2024]);
    expect(read('पाँच सौ रुपये पचास पैसे', 'hi')[0].value).toBe(500.5);
    expect(read('Rs.500 only', 'en')[0]).toMatchObject({ value: 500, currency: 'INR' });
    expect(read('$20 bill', 'en')[0]).toMatchObject({ value: 20, currency: 'USD' });
    expect(read('98765-43210', 'en')[0].digitString).toBe('9876543210');
    expect(read('nine eight seven six five - four three two one zero', 'en')[0].digitString).toBe(
      '9876543210',
    );
    expect(read('double nine eight', 'en')[0].digitString).toBe('998');
    expect(read('twenty twenty four', 'en')[0].digitString).toBe('2024');
    expect(read('2024లో', 'te')[0].value).toBe(2024);
  });

  it('folds spelling variants and keeps readings whole words', () => {
    expect(parseNumberPhrase(['पच्चीस', 'हज\u093cार'], 'hi')).toBe(25000);
    expect(parseNumberPhrase('पच्चीस हज़ार'.normalize('NFD').split(' '), 'hi')).toBe(25000);
    expect(parseNumberPhrase(['पांच'], 'hi')).toBe(5);
    expect(read('दो-तीन लाख', 'hi')).toEqual([
      { startWord: 0, endWord: 2, value: 300000, kind: 'cardinal', hasCurrencyWord: false },
    ]);
    expect(read('GST 18% है', 'hi')[0].value).toBe(18);
    expect(read('C-45 आदर्श नगर', 'hi')[0].digitString).toBe('45');
  });

  it('weak words are no reading alone', () => {
    expect(read('oh no', 'en')).toEqual([]);
    expect(read('a book', 'en')).toEqual([]);
    expect(read('nine oh one', 'en')[0].digitString).toBe('901');
  });
});

describe('time and date', () => {
  const times: Array<[string, string, string]> = [
    ['hi', 'साढ़े तीन बजे', '03:30'],
    ['hi', 'सवा चार बजे', '04:15'],
    ['hi', 'पौने पाँच बजे', '04:45'],
    ['hi', 'ढाई बजे', '02:30'],
    ['hi', 'डेढ़ बजे', '01:30'],
    ['hi', 'शाम सात बजे', '19:00'],
    ['hi', 'तीन बजकर बीस मिनट', '03:20'],
    ['hi', '3:30 बजे', '03:30'],
    ['en', 'half past three', '03:30'],
    ['en', 'quarter to five pm', '16:45'],
    ['en', '3:30 pm', '15:30'],
    ['en', "seven o'clock", '07:00'],
    ['te', 'మూడున్నర గంటలకు', '03:30'],
    ['te', 'సాయంత్రం ఆరు గంటలకు', '18:00'],
    ['ta', 'மூன்றரை மணி', '03:30'],
    ['ta', 'மாலை ஆறு மணி', '18:00'],
  ];
  it.each(times)('%s: %s = %s', (lang, text, hhmm) => {
    expect(parseTimePhrase(text.split(' '), lang)).toBe(hhmm);
  });
  it('Hindi verbalises the quarter words', () => {
    expect(verbalizeTime('03:30', 'hi')).toBe('रात साढ़े तीन बजे');
    expect(verbalizeTime('16:15', 'hi')).toBe('शाम सवा चार बजे');
    expect(verbalizeTime('10:45', 'hi')).toBe('सुबह पौने ग्यारह बजे');
    expect(verbalizeTime('14:30', 'hi')).toBe('दोपहर ढाई बजे');
    expect(verbalizeTime('13:30', 'hi')).toBe('दोपहर डेढ़ बजे');
  });
  const dates: Array<[string, string, string]> = [
    ['hi', '15 अगस्त 2024', '2024-08-15'],
    ['hi', '15/08/2024', '2024-08-15'],
    ['hi', 'पंद्रह अगस्त दो हज़ार चौबीस', '2024-08-15'],
    ['en', 'August 15, 2024', '2024-08-15'],
    ['en', 'fifteenth of August twenty twenty four', '2024-08-15'],
    ['en', '2024-08-15', '2024-08-15'],
    ['te', 'ఆగస్టు 15 2024', '2024-08-15'],
    ['ta', '15 ஆகஸ்ட் 2024', '2024-08-15'],
  ];
  it.each(dates)('%s: %s = %s', (lang, text, iso) => {
    expect(parseDatePhrase(text.split(' '), lang)).toBe(iso);
  });
  it('impossible dates are null', () => {
    expect(parseDatePhrase(['31/06/2024'], 'hi')).toBeNull();
  });
});

describe('verbalisation', () => {
  it('reads like a speaker', () => {
    expect(verbalizeCardinal(125000, 'hi')).toBe('एक लाख पच्चीस हज़ार');
    expect(verbalizeCurrency(500000, 'te')).toBe('ఐదు లక్షల రూపాయలు');
    expect(verbalizeCurrency(25000, 'hi')).toBe('पच्चीस हज़ार रुपये');
    expect(verbalizeCurrency(1, 'hi')).toBe('एक रुपया');
    expect(verbalizeCardinal(21000, 'ta')).toBe('இருபத்தோராயிரம்');
    expect(verbalizeCardinal(300000, 'ta')).toBe('மூன்று லட்சம்');
    expect(verbalizeCardinal(120, 'te')).toBe('నూట ఇరవై');
  });
  it('bad input is a user error', () => {
    expect(() => verbalizeCardinal(-1, 'hi')).toThrow(UserError);
    expect(() => verbalizeCardinal(1, 'xx')).toThrow(UserError);
    expect(() => verbalizeTime('25:00', 'hi')).toThrow(UserError);
  });
  it('a language without tables still reads digits and English', () => {
    expect(read('ফোন 98765 43210', 'bn')[0].digitString).toBe('9876543210');
    expect(read('five lakh টাকা', 'bn')[0].value).toBe(500000);
  });
});
