import { foldWord } from './fold.js';
import { lexiconFor } from './lexicon.js';
import type { Lexicon } from './lexicon.js';
import { NUMBER_DATA } from './langs.js';
import type { NumberLang, Tok } from './types.js';

/**
 * Word → tokens, memoised per language: the scorer sees the same few
 * thousand word types across 100k utterances, so every regex and fold
 * below runs once per distinct word, not once per occurrence.
 */
const caches = new Map<NumberLang, Map<string, readonly Tok[] | null>>();
const CACHE_LIMIT = 200_000;

const EDGE_PUNCT = new Set([...'"\'“”‘’()[]{}.,;:!?।॥…*%']);
const CURRENCY_SIGNS: Record<string, Tok> = {
  '₹': { t: 'cur', c: 'INR', minor: false },
  $: { t: 'cur', c: 'USD', minor: false },
  '€': { t: 'cur', c: 'EUR', minor: false },
  '£': { t: 'cur', c: 'GBP', minor: false },
};
const SLASH: Tok = { t: 'slash' };

/** Unicode decimal digits of the Indic blocks (and full-width) → ASCII. */
export function asciiDigits(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c >= 0x0966 && c <= 0x0d6f && (c & 0x7f) >= 0x66 && (c & 0x7f) <= 0x6f) {
      out += String.fromCharCode(0x30 + (c & 0x7f) - 0x66);
    } else if (c >= 0xff10 && c <= 0xff19) {
      out += String.fromCharCode(c - 0xff10 + 0x30);
    } else out += ch;
  }
  return out;
}

const PLAIN_NUMBER = /^[0-9][0-9,]*(\.[0-9]+)?$/;
const DIGIT_GROUPS = /^[0-9]+([-.][0-9]+)+$/;
const SLASHED = /^[0-9]+(\/[0-9]+)+$/;
// 15th, 2024లో, 45-B, 12/A: the digits, then a suffix or a house-number letter.
const LETTER_FIRST = /^\p{L}[\p{L}\p{M}]{0,3}-([0-9]+)$/u;
const LEADING_DIGITS = /^([0-9][0-9,]*(?:\.[0-9]+)?)[-/]?(\p{L}[\p{L}\p{M}]{0,7})$/u;

function numeric(s: string): readonly Tok[] | null {
  if (PLAIN_NUMBER.test(s)) return [{ t: 'ascii', s: s.replace(/,/g, '') }];
  if (DIGIT_GROUPS.test(s)) return [{ t: 'ascii', s: s.replace(/[-.]/g, '') }];
  if (SLASHED.test(s)) {
    const out: Tok[] = [];
    for (const p of s.split('/')) {
      if (out.length) out.push(SLASH);
      out.push({ t: 'ascii', s: p });
    }
    return out;
  }
  const m = LEADING_DIGITS.exec(s);
  if (m) {
    // 10k = 10,000; other letters are case endings (15th, 2024లో, 5वां).
    const k = m[2].toLowerCase() === 'k';
    const toks: Tok[] = [{ t: 'ascii', s: m[1].replace(/,/g, '') }];
    if (k) toks.push({ t: 'scale', v: 1000 });
    return toks;
  }
  return null;
}

function stripEdges(w: string): string {
  let a = 0;
  let b = w.length;
  while (a < b && EDGE_PUNCT.has(w[a])) a++;
  while (b > a && EDGE_PUNCT.has(w[b - 1])) b--;
  return a === 0 && b === w.length ? w : w.slice(a, b);
}

function classifyUncached(word: string, lang: NumberLang, lex: Lexicon): readonly Tok[] | null {
  const direct = lex.get(word);
  if (direct) return direct;
  // Fold once; the lexicon holds folded keys, so no piece needs refolding.
  const folded = foldWord(word);
  const hit = lex.get(folded);
  if (hit) return hit;
  const w = stripEdges(folded);
  if (!w) return null;
  if (w !== folded) {
    const inner = lex.get(w);
    if (inner) return inner;
  }
  const sign = CURRENCY_SIGNS[w[0]];
  if (sign && w.length > 1) {
    const rest = classifyUncached(w.slice(1), lang, lex);
    return rest ? [sign, ...rest] : null;
  }
  const d = asciiDigits(w);
  const c0 = d.charCodeAt(0);
  if (c0 >= 0x30 && c0 <= 0x39) return numeric(d);
  // House numbers with a letter first: C-45, डी-203.
  const lettered = LETTER_FIRST.exec(d);
  if (lettered) return [{ t: 'ascii', s: lettered[1] }];
  const lower = d.toLowerCase();
  if ((lower.startsWith('rs.') || lower.startsWith('rs')) && lower.length > 2) {
    const rest = lower.startsWith('rs.') ? d.slice(3) : d.slice(2);
    const c = rest.charCodeAt(0);
    if (c >= 0x30 && c <= 0x39) {
      const n = numeric(rest);
      if (n) return [{ t: 'cur', c: 'INR', minor: false }, ...n];
    }
  }
  if (w.includes('-') && w.length > 1) {
    const parts = w.split('-').filter((p) => p);
    const out: Tok[] = [];
    for (const p of parts) {
      const t = lex.get(p);
      if (!t) return null;
      out.push(...t);
    }
    return out.length ? out : null;
  }
  // Dravidian case endings written onto a number word: లక్షలకు, ரூபாய்க்கு.
  const suffixes = NUMBER_DATA[lang].suffixes;
  if (!suffixes) return null;
  for (const suf of suffixes) {
    if (w.length > suf.length + 1 && w.endsWith(suf)) {
      const stem = w.slice(0, -suf.length);
      // A Tamil ending that starts with a vowel sign ate the stem's final ு.
      const vowelSign = suf.charCodeAt(0) >= 0x0bbe && suf.charCodeAt(0) <= 0x0bcd;
      // (ஆயிரத்தில் ← ஆயிரத்து), or its pulli (ரூபாயில் ← ரூபாய்).
      const hit =
        lex.get(stem) ?? (vowelSign ? (lex.get(stem + 'ு') ?? lex.get(stem + '்')) : undefined);
      if (hit) return hit;
    }
  }
  return null;
}

/** The tokens a word stands for, or null when it is not part of a number. */
export function classifyWord(word: string, lang: NumberLang): readonly Tok[] | null {
  let cache = caches.get(lang);
  if (!cache) {
    cache = new Map();
    caches.set(lang, cache);
  }
  const hit = cache.get(word);
  if (hit !== undefined) return hit;
  const toks = classifyUncached(word, lang, lexiconFor(lang));
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(word, toks);
  return toks;
}
