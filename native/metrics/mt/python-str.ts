/**
 * The few Python `str` operations sacrebleu's BLEU and chrF rely on, with
 * Python's semantics: whitespace is Python's set (U+001C–U+001F and U+0085
 * count, U+FEFF does not), and strings are sequences of code points, so an
 * n-gram of Devanagari or Telugu never splits a surrogate pair and counts
 * as many characters as Python would.
 */
import { pyIsSpace, pySplit } from '../python-text.js';

export { pySplit };

/** `s.rstrip()` with no argument. */
export function pyRstrip(s: string): string {
  let end = s.length;
  while (end > 0) {
    const code = s.charCodeAt(end - 1);
    // Python's whitespace is all in the BMP, so a trailing low surrogate is never space.
    if (!pyIsSpace(code)) break;
    end--;
  }
  return s.slice(0, end);
}

/** `list(s)`: the code points of `s`. */
export function codePoints(s: string): string[] {
  return Array.from(s);
}
