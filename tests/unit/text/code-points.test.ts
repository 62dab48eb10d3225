import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  cpLength,
  cpSlice,
  cpToUtf16,
  toCodePoints,
  utf16ToCp,
} from '../../../native/text/code-points.js';

describe('code points', () => {
  const s = 'a😀ब𝟙c';

  it('counts and splits astral characters as one code point', () => {
    expect(cpLength(s)).toBe(5);
    expect(toCodePoints(s)).toEqual(['a', '😀', 'ब', '𝟙', 'c']);
    expect(cpLength('')).toBe(0);
  });

  it('slices on code points, with negative and out-of-range offsets', () => {
    expect(cpSlice(s, 1, 3)).toBe('😀ब');
    expect(cpSlice(s, 3)).toBe('𝟙c');
    expect(cpSlice(s, -2)).toBe('𝟙c');
    expect(cpSlice(s, 4, 99)).toBe('c');
    expect(cpSlice(s, 3, 1)).toBe('');
  });

  it('converts between UTF-16 indices and code-point offsets', () => {
    expect(cpToUtf16(s, 0)).toBe(0);
    expect(cpToUtf16(s, 2)).toBe(3);
    expect(cpToUtf16(s, 5)).toBe(s.length);
    expect(cpToUtf16(s, 9)).toBe(s.length);
    expect(utf16ToCp(s, 3)).toBe(2);
    expect(utf16ToCp(s, s.length)).toBe(5);
    // Inside a surrogate pair: the pair counts as started.
    expect(utf16ToCp(s, 2)).toBe(2);
  });

  it('round-trips for any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (str) => {
        const n = cpLength(str);
        expect(n).toBe(Array.from(str).length);
        for (let cp = 0; cp <= n; cp++) expect(utf16ToCp(str, cpToUtf16(str, cp))).toBe(cp);
        expect(cpSlice(str, 0, n)).toBe(str);
      }),
    );
  });
});
