import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoreEntities } from '../../../native/metrics/ehr/index.js';
import type { EntityToken } from '../../../native/metrics/ehr/index.js';
import { testAliases } from './ehr-fixtures.js';

// Sentence pieces per language: filler words, and entity surfaces of every
// type in the forms the corpora write them (digits, grouped, words, mixed).
const FILLER: Record<string, string[]> = {
  hi: ['मेरा', 'नंबर', 'है', 'और', 'पता', 'कृपया', 'भेजो', 'में', 'से', 'को', 'आज'],
  te: ['నా', 'నంబర్', 'ఉంది', 'మరియు', 'చిరునామా', 'దయచేసి', 'పంపండి', 'లో', 'కి'],
  ta: ['என்', 'எண்', 'உள்ளது', 'மற்றும்', 'முகவரி', 'தயவுசெய்து', 'அனுப்பு', 'இல்'],
};

const digits = (n: number): fc.Arbitrary<string> =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));

const ENTITY: fc.Arbitrary<{ surface: string; type: string }> = fc.oneof(
  digits(10).map((s) => ({ surface: s, type: 'phone' })),
  digits(10).map((s) => ({ surface: `${s.slice(0, 5)} ${s.slice(5)}`, type: 'phone' })),
  digits(6).map((s) => ({ surface: s, type: 'pincode' })),
  fc.integer({ min: 1, max: 9999 }).map((n) => ({ surface: String(n), type: 'digit_run' })),
  fc.integer({ min: 1, max: 99 }).map((n) => ({ surface: `₹${n},000`, type: 'amount' })),
  fc
    .tuple(fc.integer({ min: 1, max: 99 }), fc.constantFrom('हजार', 'लाख', 'करोड़'))
    .map(([n, m]) => ({ surface: `${n} ${m} रुपये`, type: 'amount' })),
  fc
    .tuple(fc.integer({ min: 1, max: 999 }), fc.integer({ min: 1, max: 9 }))
    .map(([a, b]) => ({ surface: `${a}/${b}`, type: 'house_or_plot' })),
  fc
    .tuple(fc.integer({ min: 1, max: 999 }), fc.constantFrom('A', 'B', 'C'))
    .map(([a, b]) => ({ surface: `${a}${b}`, type: 'house_or_plot' })),
  fc.constantFrom('Paytm', 'Flipkart', 'Swiggy', 'Google Pay', 'Amazon').map((s) => ({
    surface: s,
    type: 'brand',
  })),
  fc.constantFrom('order', 'delivery', 'meeting', 'payment', 'refund').map((s) => ({
    surface: s,
    type: 'english_loan',
  })),
  fc.constantFrom('Rohan', 'Anjali Verma', 'Suresh Naidu').map((s) => ({
    surface: s,
    type: 'proper_noun',
  })),
);

const SENTENCE = fc.constantFrom('hi', 'te', 'ta').chain((lang) =>
  fc
    .array(
      fc.oneof(
        fc.constantFrom(...FILLER[lang]).map((w) => ({ surface: w, type: '' })),
        ENTITY,
      ),
      { minLength: 1, maxLength: 8 },
    )
    .map((pieces) => {
      let text = '';
      const tags: EntityToken[] = [];
      let prevWasEntity = false;
      for (const p of pieces) {
        // Two adjacent entities are kept apart by a filler word: adjacent
        // same-type tags would be one entity by design (fragments).
        if (text !== '') text += prevWasEntity && p.type !== '' ? ` ${FILLER[lang][0]} ` : ' ';
        const start = Array.from(text).length;
        text += p.surface;
        if (p.type !== '') {
          tags.push({
            surface: p.surface,
            start,
            end: start + Array.from(p.surface).length,
            type: p.type,
          });
        }
        prevWasEntity = p.type !== '';
      }
      return { lang, text, tags };
    }),
);

describe('self-score property', () => {
  it('any reference scored against its own text is all hit with exact surface', () => {
    fc.assert(
      fc.property(SENTENCE, ({ lang, text, tags }) => {
        const out = scoreEntities({ id: 'p', lang, text, entity_tokens: tags }, text, {
          aliases: testAliases(),
        });
        for (const o of out) {
          expect({ text, o: o.surface, outcome: o.outcome, exact: o.exactSurface }).toEqual({
            text,
            o: o.surface,
            outcome: 'hit',
            exact: true,
          });
        }
      }),
      { numRuns: 300 },
    );
  });
});
