/**
 * The one place that converts between code points and UTF-16 indices.
 * Every offset Charkha stores or exchanges is a code-point offset (spec §1):
 * JavaScript strings index UTF-16 units, so slicing `s.slice(a, b)` with
 * stored offsets is wrong as soon as a text holds an astral character.
 */

/** The code points of `s`, one string each. */
export function toCodePoints(s: string): string[] {
  return Array.from(s);
}

/** Number of code points in `s`. */
export function cpLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const u = s.charCodeAt(i);
    // A high surrogate followed by a low one is a single code point.
    if (u >= 0xd800 && u <= 0xdbff && i + 1 < s.length) {
      const v = s.charCodeAt(i + 1);
      if (v >= 0xdc00 && v <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/**
 * `s` from code point `start` up to (not including) code point `end`, like
 * `String.prototype.slice` but on code points. Negative offsets count from
 * the end; offsets past the end are clamped.
 */
export function cpSlice(s: string, start: number, end?: number): string {
  const n = cpLength(s);
  const clamp = (x: number): number => (x < 0 ? Math.max(0, n + x) : Math.min(x, n));
  const a = clamp(start);
  const b = end === undefined ? n : clamp(end);
  if (b <= a) return '';
  return s.slice(cpToUtf16(s, a), cpToUtf16(s, b));
}

/**
 * The code-point offset of UTF-16 index `i` in `s`: how many code points
 * start before `i`. An index inside a surrogate pair counts that pair as
 * started, so it maps to the offset just after it.
 */
export function utf16ToCp(s: string, i: number): number {
  const stop = Math.min(Math.max(i, 0), s.length);
  let n = 0;
  for (let k = 0; k < stop; k++) {
    const u = s.charCodeAt(k);
    if (u >= 0xd800 && u <= 0xdbff && k + 1 < s.length) {
      const v = s.charCodeAt(k + 1);
      if (v >= 0xdc00 && v <= 0xdfff) k++;
    }
    n++;
  }
  return n;
}

/** The UTF-16 index where code point number `cp` of `s` starts (`s.length` past the end). */
export function cpToUtf16(s: string, cp: number): number {
  if (cp <= 0) return 0;
  let n = 0;
  for (let k = 0; k < s.length; k++) {
    if (n === cp) return k;
    const u = s.charCodeAt(k);
    if (u >= 0xd800 && u <= 0xdbff && k + 1 < s.length) {
      const v = s.charCodeAt(k + 1);
      if (v >= 0xdc00 && v <= 0xdfff) k++;
    }
    n++;
  }
  return s.length;
}
