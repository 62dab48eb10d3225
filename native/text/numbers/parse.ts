import { parseChunk } from './grammar.js';
import type { Chunk } from './grammar.js';
import { isNumberLang } from './langs.js';
import { classifyWord } from './tokens.js';
import type { CurrencyCode, NumberLang, NumberReading, Tok } from './types.js';
import { UserError } from '../../contract/errors.js';

/** Words flattened to tokens; `null` marks a word that is not a number. */
export interface TokenRun {
  toks: Array<Tok | null>;
  /** Word index of each token. */
  wordOf: number[];
}

export function checkLang(lang: string): NumberLang {
  if (!isNumberLang(lang)) {
    throw new UserError('unsupported', `numbers: language "${lang}" is not supported`);
  }
  return lang;
}

/**
 * The lexicon to read `lang` with. Digits and English number words are read
 * in every language, so a language without tables (bn, mr…) still gets
 * those rather than an error in the middle of a scoring run.
 */
export function readingLang(lang: string): NumberLang {
  return isNumberLang(lang) ? lang : 'en';
}

export function tokenize(words: readonly string[], lang: NumberLang): TokenRun {
  const toks: Array<Tok | null> = [];
  const wordOf: number[] = [];
  for (let w = 0; w < words.length; w++) {
    const ts = classifyWord(words[w], lang);
    if (!ts) {
      toks.push(null);
      wordOf.push(w);
    } else {
      for (const t of ts) {
        toks.push(t);
        wordOf.push(w);
      }
    }
  }
  return { toks, wordOf };
}

const majorCur = (t: Tok | null | undefined): CurrencyCode | null =>
  t && t.t === 'cur' && !t.minor ? t.c : null;
const minorCur = (t: Tok | null | undefined): CurrencyCode | null =>
  t && t.t === 'cur' && t.minor ? t.c : null;

/** A chunk that can stand in a digit sequence (no scale, fraction or decimal). */
function digitChunk(toks: ReadonlyArray<Tok | null>, i: number): Chunk | null {
  const c = parseChunk(toks, i);
  return c && c.digits !== null ? c : null;
}

/** The reading that starts at token `i`, with the token index after it. */
function readingAt(
  run: TokenRun,
  i: number,
): { reading: Omit<NumberReading, 'startWord' | 'endWord'>; end: number } | null {
  const { toks } = run;
  let j = i;
  let currency: CurrencyCode | undefined;
  let hasCurrencyWord = false;
  const pre = majorCur(toks[j]);
  if (pre) {
    currency = pre;
    hasCurrencyWord = true;
    j++;
  }
  const first = parseChunk(toks, j);
  if (!first) return null;
  const chunks: Chunk[] = [first];
  j = first.end;
  if (first.digits !== null) {
    // Digit by digit or in groups: "नौ आठ सात", "98765 43210", "98765 - 43210".
    for (;;) {
      let k = j;
      if (toks[k]?.t === 'dash') k++;
      const c = digitChunk(toks, k);
      if (!c) break;
      chunks.push(c);
      j = c.end;
    }
  }
  if (chunks.every((c) => c.weakOnly)) return null;

  // House numbers and fractions: "12/4", "बारह बटा चार".
  if (first.digits !== null && toks[j]?.t === 'slash' && digitChunk(toks, j + 1)) {
    const parts = [chunks.map((c) => c.digits).join('')];
    while (toks[j]?.t === 'slash') {
      const c = digitChunk(toks, j + 1);
      if (!c) break;
      parts.push(c.digits!);
      j = c.end;
    }
    return {
      reading: {
        value: Number(parts[0]),
        kind: 'slash',
        slashText: parts.join('/'),
        hasCurrencyWord,
        ...(currency ? { currency } : {}),
      },
      end: j,
    };
  }

  let value: number;
  let kind: NumberReading['kind'];
  let digitString: string | undefined;
  if (chunks.length > 1) {
    digitString = chunks.map((c) => c.digits).join('');
    value = Number(digitString);
    kind = 'digits';
  } else {
    value = first.value;
    if (first.hasAscii && first.hasWords) kind = 'mixed';
    else if (first.hasAscii) kind = 'digits';
    else kind = 'cardinal';
    if (kind === 'digits' && first.digits !== null) digitString = first.digits;
  }

  const post = majorCur(toks[j]);
  if (post && (!currency || currency === post)) {
    currency = post;
    hasCurrencyWord = true;
    j++;
    // "पाँच सौ रुपये पचास पैसे": the minor unit after the major one.
    const paise = parseChunk(toks, j);
    if (paise && paise.digits !== null && minorCur(toks[paise.end]) === post) {
      value = Math.round(value * 100 + paise.value) / 100;
      j = paise.end + 1;
    }
  } else if (!currency) {
    const minor = minorCur(toks[j]);
    if (minor) {
      currency = minor;
      hasCurrencyWord = true;
      value = value / 100;
      j++;
    }
  }
  const reading: Omit<NumberReading, 'startWord' | 'endWord'> = { value, kind, hasCurrencyWord };
  if (digitString !== undefined) reading.digitString = digitString;
  if (currency) reading.currency = currency;
  return { reading, end: j };
}

/**
 * Maximal number readings in a whitespace-split word sequence, left to
 * right, never overlapping: a reading never counts by a part of itself (the
 * `50` of "50 हज़ार" is not a reading).
 */
export function findNumberReadings(words: readonly string[], lang: string): NumberReading[] {
  const run = tokenize(words, readingLang(lang));
  return readingsOfRun(run);
}

export function readingsOfRun(run: TokenRun): NumberReading[] {
  const { toks, wordOf } = run;
  const out: NumberReading[] = [];
  let i = 0;
  while (i < toks.length) {
    if (!toks[i]) {
      i++;
      continue;
    }
    const r = readingAt(run, i);
    if (!r) {
      i++;
      continue;
    }
    if (r.end < toks.length && wordOf[r.end] === wordOf[r.end - 1]) {
      // It ends inside a word ("दो-तीन लाख", a range): readings are whole
      // words, so the rest of that word starts the next one instead.
      i = r.end;
      continue;
    }
    const startWord = wordOf[i];
    const endWord = wordOf[r.end - 1] + 1;
    out.push({ startWord, endWord, ...r.reading });
    i = r.end;
    while (i < toks.length && wordOf[i] < endWord) i++;
  }
  return out;
}

/** The value of a phrase that is exactly one number reading, else null. */
export function parseNumberPhrase(words: readonly string[], lang: string): number | null {
  const rs = findNumberReadings(words, lang);
  if (rs.length !== 1) return null;
  const r = rs[0];
  return r.startWord === 0 && r.endWord === words.length && r.kind !== 'slash' ? r.value : null;
}
