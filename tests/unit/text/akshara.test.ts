import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { aksharaSpans, aksharas } from '../../../native/text/akshara.js';

const seg = (s: string): string => aksharas(s).join('|');

describe('aksharas', () => {
  it('Devanagari: conjuncts, signs, nukta, candrabindu, visarga', () => {
    expect(seg('क्षत्रिय')).toBe('क्ष|त्रि|य');
    expect(seg('स्त्री')).toBe('स्त्री');
    expect(seg('पाँच')).toBe('पाँ|च');
    expect(seg('दुःख')).toBe('दुः|ख');
    expect(seg('क़लम')).toBe('क़|ल|म');
    expect(seg('आईं')).toBe('आ|ईं');
    expect(seg('हिन्दी')).toBe('हि|न्दी');
  });

  it('Telugu, Kannada, Malayalam: virama joins consonants', () => {
    expect(seg('దయచేసి ఇక్కడ')).toBe('ద|య|చే|సి| |ఇ|క్క|డ');
    expect(seg('ಕನ್ನಡ')).toBe('ಕ|ನ್ನ|ಡ');
    expect(seg('മലയാളം')).toBe('മ|ല|യാ|ളം');
    // A chillu is a letter of its own.
    expect(seg('അവൻ')).toBe('അ|വ|ൻ');
  });

  it('Tamil: a consonant with pulli ends its syllable', () => {
    expect(seg('க்க')).toBe('க்|க');
    expect(seg('தமிழ்நாடு')).toBe('த|மி|ழ்|நா|டு');
    expect(seg('பொம்மை')).toBe('பொ|ம்|மை');
  });

  it('Bengali, Gurmukhi, Gujarati, Odia', () => {
    expect(seg('ক্ষমা')).toBe('ক্ষ|মা');
    expect(seg('ਪੰਜਾਬ')).toBe('ਪੰ|ਜਾ|ਬ');
    expect(seg('ગુજરાતી')).toBe('ગુ|જ|રા|તી');
    expect(seg('ଓଡ଼ିଆ')).toBe('ଓ|ଡ଼ି|ଆ');
  });

  it('puts any other character on its own', () => {
    expect(seg('ab 12।')).toBe('a|b| |1|2|।');
    expect(seg('\u093fक')).toBe('\u093f|क');
  });

  it('gives code-point spans that concatenate back to the text', () => {
    const pieces = [...'कखगमरसకచటமழ', '्', 'ि', 'ा', 'ं', '்', 'ి', 'ে', ' ', 'a', '😀', '\u200d'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), (a) => {
        const s = a.join('');
        const spans = aksharaSpans(s);
        expect(spans.map((x) => x.text).join('')).toBe(s);
        let at = 0;
        for (const x of spans) {
          expect(x.start).toBe(at);
          expect(x.end - x.start).toBe(Array.from(x.text).length);
          at = x.end;
        }
      }),
    );
  });
});
