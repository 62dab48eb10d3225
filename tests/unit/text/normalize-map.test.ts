/**
 * Property tests of the normalisation map: for random mixed-script strings
 * every output code point comes from the input code point the map names, and
 * the map never goes backwards.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cpLength, toCodePoints } from '../../../native/text/code-points.js';
import { normalize, normalizeForReadings } from '../../../native/text/normalize.js';
import type { Normalized, Profile } from '../../../native/text/normalize.js';

/** Pieces chosen to hit every step: composition, decomposition, digits, separators, case, joiners. */
const PIECES = [
  ...'कखगजडफमरलवसह',
  'ि',
  'ी',
  'े',
  'ो',
  '्',
  'ं',
  'ँ',
  'ः',
  '़',
  'क़',
  'ज़',
  'ऩ',
  ...'కగచటతపమరలవస',
  'ి',
  'ె',
  'ై',
  '్',
  'ం',
  'ె\u0c56',
  ...'கசடதபமரலவ',
  '்',
  'ெ',
  'ா',
  'ௌ',
  'ে',
  'া',
  'ক',
  'ড়',
  ...'aBcDeXyZ',
  'İ',
  'ß',
  'e\u0301',
  '\u0301',
  ...'0123456789',
  '५',
  '౫',
  '௫',
  '৫',
  '５',
  '𝟓',
  ',',
  '.',
  '@',
  '_',
  '-',
  '/',
  '₹',
  '।',
  '॥',
  '!',
  '+',
  ' ',
  '  ',
  '\t',
  '\u200c',
  '\u200d',
  '\ufeff',
  '\u00ad',
  '😀',
];

const MARK = /\p{M}/u;
/** Marks and the format characters normalisation drops between them: one cluster. */
const DROPPED = new Set(['\u200c', '\u200d', '\ufeff', '\u00ad']);
const inCluster = (c: string): boolean => MARK.test(c) || DROPPED.has(c);

const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((a) => a.join(''));

function checkMap(input: string, r: Normalized, fold: (c: string) => string): void {
  const inCps = toCodePoints(input);
  const outCps = toCodePoints(r.text);
  expect(r.map).toHaveLength(outCps.length);
  expect(cpLength(r.text)).toBe(r.map.length);
  for (let i = 0; i < outCps.length; i++) {
    const m = r.map[i];
    expect(m).toBeGreaterThanOrEqual(0);
    expect(m).toBeLessThan(inCps.length);
    if (i > 0) expect(m).toBeGreaterThanOrEqual(r.map[i - 1]);
    const o = outCps[i];
    // A space may come from any punctuation, symbol or whitespace.
    if (o === ' ') continue;
    // Otherwise the mapped input code point, normalised alone, yields this
    // code point, or (composition) the first part of its decomposition. NFC
    // may reorder combining marks (canonical order); a monotone map cannot
    // follow a mark moved backwards, so such a mark may map to another code
    // point of its own cluster (the base and the marks around it).
    const o1 = o.normalize('NFD');
    const first = String.fromCodePoint(o1.codePointAt(0) ?? 0);
    const yields = (k: number): boolean => {
      const alone = fold(inCps[k]).normalize('NFD');
      return alone.includes(o1) || alone.includes(first);
    };
    let ok = yields(m);
    if (!ok && MARK.test(o)) {
      let lo = m;
      while (lo > 0 && inCluster(inCps[lo])) lo--;
      let hi = m + 1;
      while (hi < inCps.length && inCluster(inCps[hi])) hi++;
      for (let k = lo; k < hi && !ok; k++) ok = yields(k);
    }
    expect(
      ok,
      `output ${i} (${JSON.stringify(o)}) of ${JSON.stringify(r.text)} from ${JSON.stringify(input)}`,
    ).toBe(true);
  }
}

describe('normalisation map (property)', () => {
  for (const profile of ['exact', 'standard'] as Profile[]) {
    it(`${profile}: every output code point maps to the input code point it came from`, () => {
      fc.assert(
        fc.property(text, fc.constantFrom('hi', 'te', 'ta', 'bn', 'en'), (s, lang) => {
          const r = normalize(s, lang, profile);
          checkMap(s, r, (c) => {
            // The single code point normalised alone, before trimming could drop it.
            const alone = normalize(`x${c}x`, lang, profile).text;
            return alone.slice(1, -1);
          });
        }),
        { numRuns: 300 },
      );
    });
  }

  it('loose: the map stays in range and non-decreasing', () => {
    fc.assert(
      fc.property(text, fc.constantFrom('hi', 'te', 'ta'), (s, lang) => {
        const r = normalize(s, lang, 'loose');
        const n = cpLength(s);
        expect(r.map).toHaveLength(cpLength(r.text));
        r.map.forEach((m, i) => {
          expect(m).toBeLessThan(n);
          if (i > 0) expect(m).toBeGreaterThanOrEqual(r.map[i - 1]);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('readings: every output code point maps to its source', () => {
    fc.assert(
      fc.property(text, (s) => {
        const r = normalizeForReadings(s, 'hi');
        checkMap(s, r, (c) => normalizeForReadings(c, 'hi').text);
      }),
      { numRuns: 300 },
    );
  });

  it('standard is idempotent and its output is NFC', () => {
    fc.assert(
      fc.property(text, fc.constantFrom('hi', 'te', 'ta', 'en'), (s, lang) => {
        const once = normalize(s, lang, 'standard').text;
        expect(once.normalize('NFC')).toBe(once);
        expect(normalize(once, lang, 'standard').text).toBe(once);
      }),
      { numRuns: 300 },
    );
  });
});
