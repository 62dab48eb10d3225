import { describe, expect, it } from 'vitest';
import { UserError } from '../../../native/contract/errors.js';
import { cpSlice } from '../../../native/text/code-points.js';
import { normalize, normalizeForReadings, words } from '../../../native/text/normalize.js';
import type { Profile } from '../../../native/text/normalize.js';
import { variantTable } from '../../../native/text/variants.js';

const std = (t: string, lang = 'hi'): string => normalize(t, lang, 'standard').text;

describe('normalize: standard', () => {
  it('keeps every vowel sign and virama (Whisper would give "దయచ స ఇక కడ")', () => {
    expect(std('దయచేసి ఇక్కడ', 'te')).toBe('దయచేసి ఇక్కడ');
    expect(std('தமிழ்நாடு க்க', 'ta')).toBe('தமிழ்நாடு க்க');
    expect(std('पाँच क़लम', 'hi')).toBe('पाँच क़लम');
  });

  it('turns the decimal digits of every Indic block (and full-width) into ASCII', () => {
    const samples: [string, string][] = [
      ['०१२३४५६७८९', 'hi'],
      ['০১২৩৪৫৬৭৮৯', 'bn'],
      ['੦੧੨੩੪੫੬੭੮੯', 'pa'],
      ['૦૧૨૩૪૫૬૭૮૯', 'gu'],
      ['୦୧୨୩୪୫୬୭୮୯', 'or'],
      ['௦௧௨௩௪௫௬௭௮௯', 'ta'],
      ['౦౧౨౩౪౫౬౭౮౯', 'te'],
      ['೦೧೨೩೪೫೬೭೮೯', 'kn'],
      ['൦൧൨൩൪൫൬൭൮൯', 'ml'],
      ['０１２３４５６７８９', 'en'],
      ['٠١٢٣٤٥٦٧٨٩', 'ur'],
      ['𝟎𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖𝟗', 'en'],
    ];
    for (const [digits, lang] of samples) expect(std(digits, lang)).toBe('0123456789');
    expect(std('౫౩౦౦౦౧', 'te')).toBe('530001');
  });

  it('joins digit groups and keeps decimal points, UPI ids and e-mail', () => {
    expect(std('₹5,00,000')).toBe('500000');
    expect(std('18,000 रुपये')).toBe('18000 रुपये');
    expect(std('3.5 kg')).toBe('3.5 kg');
    expect(std('upi@okaxis पर भेजो')).toBe('upi@okaxis पर भेजो');
    expect(std('Mail: ravi_k.s@example.com.')).toBe('mail ravi_k.s@example.com');
    expect(std('1, 2, 3')).toBe('1 2 3');
    expect(std('end. Next')).toBe('end next');
  });

  it('turns punctuation and symbols (danda included) into spaces, folds case, collapses space', () => {
    expect(std('नमस्ते।  आप कैसे हैं॥ ठीक?')).toBe('नमस्ते आप कैसे हैं ठीक');
    expect(std('  Hello,\tWORLD!  ', 'en')).toBe('hello world');
    expect(std('Plot #45/B - Main Rd', 'en')).toBe('plot 45 b main rd');
  });

  it('drops ZWNJ, ZWJ, BOM and soft hyphen', () => {
    expect(std('పాస్\u200cవర్డ్', 'te')).toBe('పాస్వర్డ్');
    expect(std('\ufeffक्\u200dष', 'hi')).toBe('क्ष');
    expect(std('co\u00adoperate', 'en')).toBe('cooperate');
  });

  it('composes to NFC and maps composed code points to their first source', () => {
    const r = normalize('ে\u09beক Cafe\u0301', 'bn', 'standard');
    expect(r.text).toBe('োক café');
    expect(r.map).toEqual([0, 2, 3, 4, 5, 6, 7]);
  });

  it('maps every output code point back to the raw text', () => {
    const raw = '  ₹5,00,000 भेजे, upi@okaxis!';
    const r = normalize(raw, 'hi', 'standard');
    expect(r.text).toBe('500000 भेजे upi@okaxis');
    const w = words(r.text);
    expect(w.map((x) => x.text)).toEqual(['500000', 'भेजे', 'upi@okaxis']);
    // The raw span of each word, from the map.
    const span = (x: { start: number; end: number }): string =>
      cpSlice(raw, r.map[x.start], r.map[x.end - 1] + 1);
    expect(span(w[0])).toBe('5,00,000');
    expect(span(w[1])).toBe('भेजे');
    expect(span(w[2])).toBe('upi@okaxis');
  });

  it('gives code-point offsets for astral text', () => {
    const r = normalize('😀 अब', 'hi', 'standard');
    expect(r.text).toBe('अब');
    expect(r.map).toEqual([2, 3]);
  });

  it('refuses unknown languages and profiles', () => {
    expect(() => normalize('x', 'xx', 'standard')).toThrow(UserError);
    expect(() => normalize('x', 'hi', 'fancy' as Profile)).toThrow(/unknown normalisation profile/);
  });
});

describe('normalize: exact', () => {
  it('does NFC and whitespace collapse only', () => {
    const r = normalize('  Hello,\u200c  ঝ\u09c7\u09be ₹5,000 ', 'bn', 'exact');
    expect(r.text).toBe('Hello,\u200c ঝো ₹5,000');
    expect(r.map[0]).toBe(2);
  });
});

describe('normalize: loose', () => {
  const loose = (t: string, lang = 'hi'): string => normalize(t, lang, 'loose').text;

  it('folds nukta forms, candrabindu and the variant table', () => {
    expect(loose('पाँच')).toBe(loose('पांच'));
    expect(loose('छः')).toBe('छह');
    expect(loose('छे लाख रुपए')).toBe('छह लाख रुपये');
    expect(loose('ज़रूरी फ़ोन क़लम')).toBe('जरूरी फोन कलम');
    expect(loose('\u0958\u0959\u095a\u095b\u095c\u095d\u095e\u095f')).toBe('कखगजडढफय');
    expect(loose('ড়াঢ়য়', 'bn')).toBe('ডাঢয');
    expect(loose('ਜ਼ਫ਼', 'pa')).toBe('ਜਫ');
    expect(loose('ଡ଼', 'or')).toBe('ଡ');
    expect(loose('మళ్ళీ బస్సు', 'te')).toBe('మళ్లీ బస్');
    expect(loose('சூன் ஆகஸ்டு', 'ta')).toBe('ஜூன் ஆகஸ்ட்');
    // Standard keeps the marks.
    expect(std('पाँच')).not.toBe(std('पांच'));
  });

  it('maps a replaced word onto the code points it replaced', () => {
    const r = normalize('वो छः', 'hi', 'loose');
    expect(r.text).toBe('वो छह');
    expect(r.map).toEqual([0, 1, 2, 3, 4]);
    const r2 = normalize('रुपए', 'hi', 'loose');
    expect(r2.text).toBe('रुपये');
    expect(r2.map).toEqual([0, 1, 2, 3, 3]);
  });

  it('ships well-formed variant tables for hi, te and ta', () => {
    for (const lang of ['hi', 'te', 'ta']) expect(variantTable(lang).size).toBeGreaterThan(15);
    expect(variantTable('kn').size).toBe(0);
  });
});

describe('normalizeForReadings', () => {
  it('does steps 1-3 only: symbols, case and spacing stay', () => {
    const r = normalizeForReadings('₹5,00,000 Rs. +91-98765 43210, H.No. 12/4-B ౫౩', 'hi');
    expect(r.text).toBe('₹500000 Rs. +91-98765 43210, H.No. 12/4-B 53');
    expect(r.map.slice(0, 3)).toEqual([0, 1, 3]);
  });

  it('refuses unknown languages', () => {
    expect(() => normalizeForReadings('x', 'zz')).toThrow(UserError);
  });
});

describe('words', () => {
  it('splits on whitespace with code-point offsets', () => {
    expect(words('ab 😀c  d')).toEqual([
      { text: 'ab', start: 0, end: 2 },
      { text: '😀c', start: 3, end: 5 },
      { text: 'd', start: 7, end: 8 },
    ]);
    expect(words('')).toEqual([]);
  });
});
