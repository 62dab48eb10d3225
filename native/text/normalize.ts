/**
 * The normalisation profiles of spec §1. Each returns the normalised text and
 * `map`, where `map[i]` is the code-point offset in the input of the i-th code
 * point of the output, so that spans on the raw text can be found again.
 */
import { UserError } from '../contract/errors.js';
import { nfcUnits, toUnits, unitsText, type Unit } from './mapped-text.js';
import { assertLang } from './scripts.js';
import { foldLooseUnits, applyVariants } from './variants.js';

export type Profile = 'exact' | 'standard' | 'loose';

export const PROFILES: readonly Profile[] = ['exact', 'standard', 'loose'];

export interface Normalized {
  text: string;
  /** `map[i]`: code-point offset in the input of output code point `i`. */
  map: number[];
}

export interface Word {
  text: string;
  /** Code-point offsets in the string `words` was given, end exclusive. */
  start: number;
  end: number;
}

const INVISIBLE = new Set(['\u200c', '\u200d', '\ufeff', '\u00ad']);
const DIGIT = /\p{Nd}/u;
const ASCII_DIGIT = /[0-9]/;
const PUNCT_OR_SYMBOL = /[\p{P}\p{S}]/u;
const ALNUM = /[\p{L}\p{M}\p{N}]/u;
const SPACE = /[\s\p{Z}]/u;
/** Characters that separate digit groups: comma, Arabic thousands separator. */
const GROUP_SEP = new Set([',', '\u066c']);
const KEEP_BETWEEN_ALNUM = new Set(['@', '.', '_']);

const F_DIGIT = 1;
const F_ASCII_DIGIT = 2;
const F_PUNCT = 4;
const F_ALNUM = 8;
const F_SPACE = 16;

/** Character classes, memoised per code point: texts use few distinct characters. */
const flagCache = new Map<string, number>();

function flags(c: string): number {
  let f = flagCache.get(c);
  if (f === undefined) {
    f =
      (DIGIT.test(c) ? F_DIGIT : 0) |
      (ASCII_DIGIT.test(c) ? F_ASCII_DIGIT : 0) |
      (PUNCT_OR_SYMBOL.test(c) ? F_PUNCT : 0) |
      (ALNUM.test(c) ? F_ALNUM : 0) |
      (SPACE.test(c) ? F_SPACE : 0);
    if (flagCache.size < 65_536) flagCache.set(c, f);
  }
  return f;
}

const isSpace = (c: string): boolean => (flags(c) & F_SPACE) !== 0;

const digitZero = new Map<number, number>();

/** ASCII value of any Unicode decimal digit (`\p{Nd}` comes in runs of ten). */
function asciiDigit(c: string): string {
  const cp = c.codePointAt(0) ?? 0;
  let zero = digitZero.get(cp);
  if (zero === undefined) {
    let start = cp;
    while (DIGIT.test(String.fromCodePoint(start - 1))) start--;
    // Some runs are adjacent (mathematical digits: five runs back to back).
    zero = cp - ((cp - start) % 10);
    digitZero.set(cp, zero);
  }
  return String(cp - zero);
}

function dropInvisible(units: Unit[]): Unit[] {
  return units.filter((u) => !INVISIBLE.has(u.c));
}

/** Step 2: every decimal digit to ASCII. */
function asciiDigits(units: Unit[]): Unit[] {
  return units.map((u) =>
    (flags(u.c) & (F_DIGIT | F_ASCII_DIGIT)) === F_DIGIT ? { c: asciiDigit(u.c), src: u.src } : u,
  );
}

/**
 * Step 3: digit-group separators inside numbers go (`5,00,000`, `18,000`),
 * recognised by a digit before and a group of two or three digits after; an
 * Arabic decimal separator between digits becomes `.`.
 */
function dropGroupSeparators(units: Unit[]): Unit[] {
  const out: Unit[] = [];
  const isD = (k: number): boolean =>
    k >= 0 && k < units.length && (flags(units[k].c) & F_ASCII_DIGIT) !== 0;
  for (let k = 0; k < units.length; k++) {
    const u = units[k];
    if (GROUP_SEP.has(u.c) && isD(k - 1)) {
      let n = 0;
      while (isD(k + 1 + n)) n++;
      if (n === 2 || n === 3) continue;
    }
    if (u.c === '\u066b' && isD(k - 1) && isD(k + 1)) {
      out.push({ c: '.', src: u.src });
      continue;
    }
    out.push(u);
  }
  return out;
}

/** Step 4: punctuation and symbols to spaces, except `@ . _` between two alphanumerics. */
function punctuationToSpace(units: Unit[]): Unit[] {
  return units.map((u, k) => {
    if ((flags(u.c) & F_PUNCT) === 0) return u;
    if (
      KEEP_BETWEEN_ALNUM.has(u.c) &&
      k > 0 &&
      k + 1 < units.length &&
      (flags(units[k - 1].c) & F_ALNUM) !== 0 &&
      (flags(units[k + 1].c) & F_ALNUM) !== 0
    ) {
      return u;
    }
    return { c: ' ', src: u.src };
  });
}

/**
 * Step 5a: case folding; a code point whose lower case is longer maps every
 * part to itself. Lower case can leave marks out of canonical order
 * (İ + virama → i + U+0307 + virama), hence NFC again after it.
 */
function caseFold(units: Unit[]): Unit[] {
  const out: Unit[] = [];
  for (const u of units) {
    const low = u.c.toLowerCase();
    if (low === u.c) out.push(u);
    else for (const c of low) out.push({ c, src: u.src });
  }
  return out;
}

/** Whitespace runs to one space; leading and trailing whitespace removed. */
function collapseSpace(units: Unit[]): Unit[] {
  const out: Unit[] = [];
  for (const u of units) {
    if (isSpace(u.c)) {
      if (out.length > 0 && out[out.length - 1].c !== ' ') out.push({ c: ' ', src: u.src });
    } else {
      out.push(u);
    }
  }
  if (out.length > 0 && out[out.length - 1].c === ' ') out.pop();
  return out;
}

function finish(units: Unit[]): Normalized {
  return { text: unitsText(units), map: units.map((u) => u.src) };
}

/** Steps 1–3 of `standard`, as units: what entity readings are extracted from. */
function readingUnits(text: string): Unit[] {
  return dropGroupSeparators(asciiDigits(nfcUnits(dropInvisible(toUnits(text)))));
}

/**
 * Normalise `text` of language `lang` with `profile` (spec §1). Throws a
 * `UserError` for an unknown language code or profile.
 */
export function normalize(text: string, lang: string, profile: Profile = 'standard'): Normalized {
  assertLang(lang);
  if (profile === 'exact') return finish(collapseSpace(nfcUnits(toUnits(text))));
  if (profile !== 'standard' && profile !== 'loose') {
    throw new UserError(
      'bad_input',
      `unknown normalisation profile "${String(profile)}"`,
      `use one of: ${PROFILES.join(', ')}`,
    );
  }
  let units = collapseSpace(nfcUnits(caseFold(punctuationToSpace(readingUnits(text)))));
  if (profile === 'loose') units = applyVariants(foldLooseUnits(units), lang);
  return finish(units);
}

/**
 * Steps 1–3 only (NFC, invisible characters dropped, ASCII digits, digit
 * groups joined): `₹`, `Rs.`, `+91`, `/` and `-` are still there, as entity
 * readings need them (spec §1, last paragraph). Case and spacing are kept.
 */
export function normalizeForReadings(text: string, lang: string): Normalized {
  assertLang(lang);
  return finish(readingUnits(text));
}

/** The whitespace-separated words of `normalized`, with their code-point offsets in it. */
export function words(normalized: string): Word[] {
  const out: Word[] = [];
  let i = 0;
  let cur = '';
  let start = 0;
  for (const c of normalized) {
    if (isSpace(c)) {
      if (cur !== '') out.push({ text: cur, start, end: i });
      cur = '';
    } else {
      if (cur === '') start = i;
      cur += c;
    }
    i++;
  }
  if (cur !== '') out.push({ text: cur, start, end: i });
  return out;
}
