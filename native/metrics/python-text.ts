/**
 * Python string semantics that the paper's scorer relies on, for the
 * `praxel-2026` compatibility mode (spec §5): `str.casefold()` (full case
 * folding, not `toLowerCase`), `str.isspace()`/`split()`/`strip()` (Python's
 * whitespace set, which is not JS `\s`: U+001C–U+001F and U+0085 are
 * whitespace in Python, U+FEFF is not), re's `\d` (any Nd digit) and
 * `float()` over Unicode digits. Tables come frozen from Python 3.11.
 */
import { PY_CASEFOLD, PY_DIGIT_ZEROS, PY_WHITESPACE } from './python-unicode-data.js';

const SPACE = new Set<number>(PY_WHITESPACE);

const FOLD = new Map<number, string>();
for (const line of PY_CASEFOLD) {
  for (const item of line.split(' ')) {
    const [from, to] = item.split(':');
    FOLD.set(
      parseInt(from, 16),
      String.fromCodePoint(...to.split('.').map((h) => parseInt(h, 16))),
    );
  }
}

// Nd digit → its value; every Nd block is ten consecutive code points.
const DIGIT = new Map<number, number>();
for (const zero of PY_DIGIT_ZEROS) for (let k = 0; k < 10; k++) DIGIT.set(zero + k, k);

export function pyIsSpace(cp: number): boolean {
  return SPACE.has(cp);
}

/** Decimal value of a code point that re's `\d` matches, else -1. */
export function pyDigitValue(cp: number): number {
  return DIGIT.get(cp) ?? -1;
}

export function pyIsDigit(cp: number): boolean {
  return DIGIT.has(cp);
}

/** `s.casefold()`. */
export function pyCasefold(s: string): string {
  let out = '';
  for (const ch of s) {
    const f = FOLD.get(ch.codePointAt(0) as number);
    out += f ?? ch;
  }
  return out;
}

/** `s.split()` with no separator: runs of Python whitespace, no empty words. */
export function pySplit(s: string): string[] {
  const words: string[] = [];
  let cur = '';
  for (const ch of s) {
    if (SPACE.has(ch.codePointAt(0) as number)) {
      if (cur) words.push(cur);
      cur = '';
    } else cur += ch;
  }
  if (cur) words.push(cur);
  return words;
}

/** `s.strip()` with no argument. */
export function pyStrip(s: string): string {
  const cps = Array.from(s);
  let a = 0;
  let b = cps.length;
  while (a < b && SPACE.has(cps[a].codePointAt(0) as number)) a++;
  while (b > a && SPACE.has(cps[b - 1].codePointAt(0) as number)) b--;
  return cps.slice(a, b).join('');
}

/** `re.sub(r"\D+", "", s)`: keeps every Unicode decimal digit, unconverted. */
export function pyDigitsOnly(s: string): string {
  let out = '';
  for (const ch of s) if (DIGIT.has(ch.codePointAt(0) as number)) out += ch;
  return out;
}

/**
 * `float(s)` for the strings the scorer feeds it (digits and dots, from
 * `\d[\d,.]*` with commas removed): Python maps every Unicode decimal digit
 * to ASCII first and strips whitespace. Returns null where Python raises
 * ValueError (e.g. `1.2.3`); the paper's scorer would crash there, Charkha
 * counts the side as unparsed.
 */
export function pyFloat(s: string): number | null {
  let ascii = '';
  for (const ch of pyStrip(s)) {
    const cp = ch.codePointAt(0) as number;
    const d = DIGIT.get(cp);
    if (d !== undefined) ascii += String(d);
    else if (cp < 0x80) ascii += ch;
    else return null;
  }
  // Python also accepts signs, exponents, inf/nan and `_` between digits;
  // none can occur in a `\d[\d,.]*` match, so digits and one dot suffice.
  if (!/^(\d+(\.\d*)?|\.\d+)$/.test(ascii)) return null;
  return Number(ascii);
}

/**
 * `re.search(r"\d[\d,.]*", s)`: the first match, or null. Python's `\d`
 * inside the class is also any Unicode decimal digit.
 */
export function pyFirstNumber(s: string): string | null {
  const cps = Array.from(s);
  for (let i = 0; i < cps.length; i++) {
    if (!DIGIT.has(cps[i].codePointAt(0) as number)) continue;
    let j = i + 1;
    while (j < cps.length) {
      const c = cps[j];
      if (c === ',' || c === '.' || DIGIT.has(c.codePointAt(0) as number)) j++;
      else break;
    }
    return cps.slice(i, j).join('');
  }
  return null;
}

/**
 * `re.sub(r"\s\s+", " ", s)` (jiwer's RemoveMultipleSpaces): runs of two or
 * more whitespace characters become one space; a single one is left as it is.
 */
export function pyCollapseSpaceRuns(s: string): string {
  const cps = Array.from(s);
  let out = '';
  for (let i = 0; i < cps.length;) {
    let j = i;
    while (j < cps.length && SPACE.has(cps[j].codePointAt(0) as number)) j++;
    if (j - i >= 2) {
      out += ' ';
      i = j;
    } else {
      out += cps[i];
      i++;
    }
  }
  return out;
}
