/**
 * The few Python `str` operations sacrebleu's BLEU and chrF rely on, with
 * Python's semantics: whitespace is Python's set (U+001C–U+001F and U+0085
 * count, U+FEFF does not), and strings are sequences of code points, so an
 * n-gram of Devanagari or Telugu never splits a surrogate pair and counts
 * as many characters as Python would.
 */
import { pyIsSpace } from '../python-text.js';
import { PY_WHITESPACE } from '../python-unicode-data.js';

const hex = (cp: number): string => `\\u{${cp.toString(16)}}`;
const PY_SPACE_RUN = new RegExp(`[${PY_WHITESPACE.map(hex).join('')}]+`, 'u');

/** `s.split()` with no separator: runs of Python whitespace, no empty words. */
export function pySplit(s: string): string[] {
  const parts = s.split(PY_SPACE_RUN);
  if (parts.length > 0 && parts[0] === '') parts.shift();
  if (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  return parts;
}

/** `s.rstrip()` with no argument. */
export function pyRstrip(s: string): string {
  let end = s.length;
  // Python's whitespace is all in the BMP, so a trailing low surrogate is never space.
  while (end > 0 && pyIsSpace(s.charCodeAt(end - 1))) end--;
  return s.slice(0, end);
}

/**
 * UTF-16 offset of each code point of `s`, and `s.length` last: code point
 * i is `s.slice(at[i], at[i + 1])`, so Python's `s[i:i + n]` is a slice.
 */
export function codePointOffsets(s: string): Int32Array {
  const at = new Int32Array(s.length + 1);
  let k = 0;
  for (let u = 0; u < s.length; u++) {
    at[k++] = u;
    const c = s.charCodeAt(u);
    if (c >= 0xd800 && c <= 0xdbff && u + 1 < s.length) {
      const d = s.charCodeAt(u + 1);
      if (d >= 0xdc00 && d <= 0xdfff) u++;
    }
  }
  at[k] = s.length;
  return at.subarray(0, k + 1);
}

/** `len(s) == 1`. */
export function isOneCodePoint(s: string): boolean {
  return s.length === 1 || (s.length === 2 && s.codePointAt(0)! > 0xffff);
}
