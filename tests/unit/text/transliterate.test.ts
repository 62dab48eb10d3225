import { describe, expect, it } from 'vitest';
import {
  betweenScripts,
  fromRoman,
  losslessByDesign,
  ROMAN_SCHEMES,
  toRoman,
  TypingTransliterator,
} from '../../../native/text/transliterate.js';

const words: Record<string, string[]> = {
  hi: ['हिंदी', 'क्षमा', 'राष्ट्रीय', 'पंजाब', 'दिल्ली', 'सत्यापित', 'ग्राहक'],
  te: ['తెలుగు', 'క్షమించండి', 'ఢిల్లీ', 'పొలం', 'చిరునామా', 'రూపాయలు', 'విశాఖపట్టణం'],
  ta: ['தமிழ்', 'நாடு', 'பூஜ்யம்', 'சென்னை', 'கொடு', 'எண்'],
  kn: ['ಕನ್ನಡ', 'ಬೆಂಗಳೂರು', 'ಒಂದು'],
  ml: ['മലയാളം', 'കൊച്ചി'],
  bn: ['বাংলা', 'কলকাতা'],
  gu: ['ગુજરાત', 'અમદાવાદ'],
};

describe('transliteration', () => {
  it('round-trips native → scheme → native where the scheme is lossless by design', () => {
    for (const [lang, ws] of Object.entries(words)) {
      for (const scheme of ROMAN_SCHEMES) {
        if (!losslessByDesign(lang, scheme)) continue;
        for (const w of ws)
          expect(fromRoman(toRoman(w, lang, scheme), lang, scheme), `${lang} ${scheme} ${w}`).toBe(
            w,
          );
      }
    }
  });

  it('writes the schemes as published', () => {
    expect(toRoman('భాష', 'te', 'iso')).toBe('bhāṣa');
    expect(toRoman('భాష', 'te', 'hk')).toBe('bhASa');
    expect(toRoman('क्षमा', 'hi', 'iast')).toBe('kṣamā');
    expect(fromRoman('namaste', 'hi')).toBe('नमस्ते');
    // Dravidian short e and o survive ITRANS (its Dravidian variant).
    expect(fromRoman(toRoman('కొడుకు', 'te'), 'te')).toBe('కొడుకు');
  });

  it('maps a word between Brahmic scripts', () => {
    expect(betweenScripts('ಬೆಂಗಳೂರು', 'kn', 'te')).toBe('బెంగళూరు');
  });

  it('types native script from Latin keys, word by word', () => {
    const t = new TypingTransliterator('hi');
    let shown = '';
    for (const k of 'meraa naam') shown = t.key(k);
    expect(shown).toBe('मेरा नाम');
    expect(t.pending()).toBe('naam');
    t.key('Backspace');
    expect(t.text()).toBe('मेरा ना');
    const te = new TypingTransliterator('te');
    for (const k of 'telugu') te.key(k);
    expect(te.text()).toBe('తెలుగు');
  });

  it('refuses unknown languages and schemes with a clear message', () => {
    expect(() => toRoman('x', 'xx')).toThrow(/no transliteration for language "xx"/);
    expect(() => toRoman('हिंदी', 'hi', 'morse')).toThrow(/unknown romanisation scheme "morse"/);
  });
});
