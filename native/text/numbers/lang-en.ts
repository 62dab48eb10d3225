import type { NumberLangData } from './types.js';

/**
 * English, including Indian usage (lakh, crore) beside million and billion.
 * It is also the code-mix vocabulary: every Indic language's lexicon falls
 * back to these words ("five lakh", "twenty thousand" inside Hindi speech).
 */
export const EN_NUMBERS: NumberLangData = {
  lang: 'en',
  compositional: true,
  words: [
    [0, ['zero', 'nought']],
    [1, ['one']],
    [2, ['two']],
    [3, ['three']],
    [4, ['four']],
    [5, ['five']],
    [6, ['six']],
    [7, ['seven']],
    [8, ['eight']],
    [9, ['nine']],
    [10, ['ten']],
    [11, ['eleven']],
    [12, ['twelve']],
    [13, ['thirteen']],
    [14, ['fourteen']],
    [15, ['fifteen']],
    [16, ['sixteen']],
    [17, ['seventeen']],
    [18, ['eighteen']],
    [19, ['nineteen']],
    [20, ['twenty']],
    [30, ['thirty']],
    [40, ['forty', 'fourty']],
    [50, ['fifty']],
    [60, ['sixty']],
    [70, ['seventy']],
    [80, ['eighty']],
    [90, ['ninety']],
  ],
  scales: [
    [100, ['hundred', 'hundreds']],
    [1000, ['thousand', 'thousands']],
    [100000, ['lakh', 'lakhs', 'lac', 'lacs', 'lack']],
    [1000000, ['million', 'millions']],
    [10000000, ['crore', 'crores']],
    [1000000000, ['billion', 'billions']],
  ],
  extra: [
    // "oh" and "o" are zero only inside a digit sequence ("nine oh one").
    ['oh', [{ t: 'num', v: 0, weak: true }]],
    ['o', [{ t: 'num', v: 0, weak: true }]],
    // "a lakh", "a hundred": one, but never a reading on its own.
    ['a', [{ t: 'num', v: 1, weak: true }]],
  ],
  point: ['point'],
  slash: ['slash', 'by', 'stroke'],
  and: ['and'],
  repeat: [
    [2, ['double']],
    [3, ['triple']],
  ],
  currency: [
    ['INR', false, ['rupees', 'rupee', 'rs', 'rs.', 'inr', 're', 're.', '₹']],
    ['INR', true, ['paise', 'paisa']],
    ['USD', false, ['dollars', 'dollar', 'usd', 'bucks', '$']],
    ['USD', true, ['cents', 'cent']],
    ['EUR', false, ['euros', 'euro', 'eur', '€']],
    ['GBP', false, ['pounds', 'pound', 'gbp', '£']],
  ],
  months: [
    ['january', 'jan'],
    ['february', 'feb'],
    ['march', 'mar'],
    ['april', 'apr'],
    ['may'],
    ['june', 'jun'],
    ['july', 'jul'],
    ['august', 'aug'],
    ['september', 'sep', 'sept'],
    ['october', 'oct'],
    ['november', 'nov'],
    ['december', 'dec'],
  ],
  time: {
    hour: ["o'clock", 'oclock', 'hours', 'hrs'],
    minute: ['minutes', 'minute', 'mins', 'min'],
    parts: [
      [
        ['am', 'a.m.'],
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11],
      ],
      [
        ['pm', 'p.m.'],
        [12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23],
      ],
    ],
  },
};
