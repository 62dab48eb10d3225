import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  sameWordAcrossScripts,
  translitKey,
  translitKeys,
} from '../../../native/text/translit-key.js';

interface LabelledPair {
  lang: string;
  latin: string;
  native: string;
  same: boolean;
}

const fixture = JSON.parse(
  readFileSync(
    join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/text/loanword-pairs.json'),
    'utf8',
  ),
) as { pairs: LabelledPair[] };

describe('translitKey', () => {
  it('matches the spec examples', () => {
    expect(sameWordAcrossScripts('డెలివరీ', 'delivery')).toBe(true);
    expect(sameWordAcrossScripts('डिलीवरी', 'delivery')).toBe(true);
    expect(sameWordAcrossScripts('మైగ్రేషన్', 'migration')).toBe(true);
    expect(sameWordAcrossScripts('ऑर्डर', 'order')).toBe(true);
    expect(sameWordAcrossScripts('டெலிவரி', 'delivery', 'ta')).toBe(true);
    expect(translitKey('डिलीवरी')).toBe(translitKey('delivery'));
  });

  it('is symmetric and tells different words apart', () => {
    expect(sameWordAcrossScripts('delivery', 'డెలివరీ')).toBe(true);
    expect(sameWordAcrossScripts('data', 'डेट')).toBe(false);
    expect(sameWordAcrossScripts('order', 'ऑफर')).toBe(false);
    expect(sameWordAcrossScripts('bank', 'బ్యాండ్')).toBe(false);
  });

  it('compares words of one script by spelling only', () => {
    expect(sameWordAcrossScripts('Order', 'order')).toBe(true);
    expect(sameWordAcrossScripts('order', 'ordr')).toBe(false);
    expect(sameWordAcrossScripts('ఆర్డర్', 'ఆర్డరు')).toBe(false);
  });

  it('matches the same word typed in another Brahmic block', () => {
    expect(sameWordAcrossScripts('ఆర్డర్', 'ಆರ್ಡರ್')).toBe(true);
  });

  it('reads the Dravidian enunciative -u both ways', () => {
    expect(sameWordAcrossScripts('బస్సు', 'bus')).toBe(true);
    expect(sameWordAcrossScripts('ఇప్పుడు', 'ippudu')).toBe(true);
    expect(translitKeys('బస్సు').length).toBe(2);
  });

  it('uses the alias table for irregular spellings', () => {
    expect(sameWordAcrossScripts('वन', 'one')).toBe(true);
  });

  it('ignores ZWNJ inside native words', () => {
    expect(sameWordAcrossScripts('పాస్‌వర్డ్', 'password')).toBe(true);
  });

  for (const lang of ['hi', 'te', 'ta']) {
    it(`reaches precision >= 0.9 and recall >= 0.8 on the hand-labelled ${lang} pairs`, () => {
      const pairs = fixture.pairs.filter((p) => p.lang === lang);
      expect(pairs.length).toBeGreaterThanOrEqual(150);
      let tp = 0;
      let fp = 0;
      let fn = 0;
      for (const p of pairs) {
        const got = sameWordAcrossScripts(p.latin, p.native, lang);
        if (got && p.same) tp++;
        else if (got) fp++;
        else if (p.same) fn++;
      }
      expect(tp / (tp + fp)).toBeGreaterThanOrEqual(0.9);
      expect(tp / (tp + fn)).toBeGreaterThanOrEqual(0.8);
    });
  }
});
