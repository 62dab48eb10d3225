/**
 * Maximal entity readings of a text (spec §3 "Readings"): digit sequences,
 * spoken numbers (any of the tables' languages, mixed with digits), digit-by-
 * digit speech, amounts with currency, house numbers with slash words,
 * vehicle registrations, e-mail/UPI ids, dates and times. Each token belongs
 * to at most one reading, and a reading is only ever compared whole: `50` in
 * "50 हजार" is not a reading of 50, `2` in `12` is not a reading of 2.
 *
 * One reading can be read several ways (its facets): "456" is the digit
 * string `456`, the number 456 and the house number `456`; the entity's type
 * decides which facet it compares.
 */

import { findNumberReadings, isNumberLang } from '../../text/numbers/index.js';
import type { NumberReading } from '../../text/numbers/index.js';
import {
  CURRENCY_QUALIFIERS,
  CURRENCY_WORDS,
  HOUR_WORDS,
  MONTH_WORDS,
  SLASH_WORDS,
} from './reading-words.js';
import type { Token } from './reading-tokens.js';

export interface Reading {
  /** Token indices, end exclusive. */
  tokStart: number;
  tokEnd: number;
  /** Input code-point offsets, end exclusive. */
  start: number;
  end: number;
  /** Digit string, when the reading can be one (digit groups, digit words, an integer). */
  digits?: string;
  /** Numeric value (amounts). */
  value?: number;
  /** ISO 4217 code when a currency word or sign is part of the reading. */
  currency?: string;
  /** Normalised code (house number, registration, e-mail): separators kept. */
  code?: string;
  /** ISO date (`2024-08-15`, or `--08-15` without a year). */
  date?: string;
  /** ISO time `HH:MM`. */
  time?: string;
  /**
   * The digit groups of a grouped or digit-by-digit sequence ("17 160017").
   * Only a reference that tags the groups as different entities may split
   * the sequence (see `value-spans.ts`); nothing else counts by a part.
   */
  parts?: ReadingPart[];
}

export interface ReadingPart {
  start: number;
  end: number;
  digits: string;
}

function joinable(t: Token | undefined, allowHyphen: boolean): boolean {
  if (t === undefined) return false;
  return t.gap === 'space' || t.gap === 'none' || (allowHyphen && t.gap === 'hyphen');
}

/** "Indian rupees": a qualifier and currency word right after an amount belong to it. */
function currencyAfter(
  tokens: readonly Token[],
  k: number,
): { end: number; code: string } | undefined {
  const t = tokens[k];
  if (t === undefined || !joinable(t, false) || !CURRENCY_QUALIFIERS.has(t.text)) return undefined;
  const next = tokens[k + 1];
  const code = next && joinable(next, false) ? CURRENCY_WORDS.get(next.text) : undefined;
  return code === undefined ? undefined : { end: k + 2, code };
}

function toReading(tokens: readonly Token[], from: number, nr: NumberReading): Reading {
  const to = from + nr.endWord;
  const r = span(tokens, from + nr.startWord, to);
  if (nr.kind === 'slash') {
    if (nr.slashText !== undefined) {
      r.code = nr.slashText;
      // 15/08/2024 is also a date (day first, as written in India).
      const p = nr.slashText.split('/').map(Number);
      if (p.length === 3 && p.every((x) => Number.isInteger(x))) {
        const date = dateOf(p[0], p[1], p[2] >= 1000 ? p[2] : p[2] < 100 ? 2000 + p[2] : undefined);
        if (date !== undefined) r.date = date;
      }
    }
    return r;
  }
  r.value = nr.value;
  if (nr.digitString !== undefined) r.digits = nr.digitString;
  else if (Number.isInteger(nr.value) && Number.isSafeInteger(nr.value))
    r.digits = String(nr.value);
  if (r.digits !== undefined) r.code = r.digits;
  if (nr.currency !== undefined) r.currency = nr.currency;
  else {
    const after = currencyAfter(tokens, to);
    if (after !== undefined) {
      r.currency = after.code;
      r.tokEnd = after.end;
      r.end = tokens[after.end - 1].end;
    }
  }
  // Digit groups written as digits ("17 160017"): remember the groups, for a
  // reference that tags them as different entities.
  const group = tokens.slice(r.tokStart, to);
  if (nr.kind === 'digits' && group.length > 1 && group.every((t) => t.kind === 'num')) {
    r.parts = group.map((t) => ({ start: t.start, end: t.end, digits: t.text }));
    // As a house number, "5-89-234" keeps its hyphens: "589234" is only partial.
    r.code = group.map((t, i) => (i > 0 && t.gap === 'hyphen' ? `-${t.text}` : t.text)).join('');
  }
  return r;
}

/**
 * Number phrases by the shared parser (`native/text/numbers`), run on each
 * stretch of tokens between hard separators, so that "5, 6" stays two
 * numbers. Languages without number tables are read with English words.
 */
function numberPhrases(tokens: readonly Token[], lang: string): Map<number, Reading> {
  const numberLang = isNumberLang(lang) ? lang : 'en';
  const out = new Map<number, Reading>();
  const parse = (from: number, to: number): void => {
    if (to <= from) return;
    const words = tokens.slice(from, to).map((x) => x.text);
    for (const nr of findNumberReadings(words, numberLang)) {
      const r = toReading(tokens, from, nr);
      out.set(r.tokStart, r);
    }
  };
  let from = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    // E-mail ids and clock times are readings of their own, never number words.
    if (t.kind === 'email' || t.kind === 'time') {
      parse(from, i);
      from = i + 1;
    } else if (t.gap === 'hard' && i > from) {
      parse(from, i);
      from = i;
    }
  }
  parse(from, tokens.length);
  return out;
}

function timeOf(hours: number): string | undefined {
  if (hours < 0 || hours >= 24) return undefined;
  const h = Math.floor(hours);
  const m = Math.round((hours - h) * 60);
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

function dateOf(day: number, month: number, year: number | undefined): string | undefined {
  if (!Number.isInteger(day) || day < 1 || day > 31 || month < 1 || month > 12) return undefined;
  const mm = String(month).padStart(2, '0');
  const dd = String(day).padStart(2, '0');
  return year === undefined ? `--${mm}-${dd}` : `${String(year).padStart(4, '0')}-${mm}-${dd}`;
}

function span(tokens: readonly Token[], from: number, to: number): Reading {
  return { tokStart: from, tokEnd: to, start: tokens[from].start, end: tokens[to - 1].end };
}

const LATIN_ALNUM = /^[a-z0-9]+$/;
// State, district, series letters, four digits: TS 09 EA 1234.
const VEHICLE = /^[a-z]{2}\d{1,2}[a-z]{1,3}\d{4}$/;

/** Registration numbers: up to 6 Latin/digit tokens whose concatenation looks like one. */
function vehicleAt(tokens: readonly Token[], i: number): Reading | undefined {
  if (tokens[i].kind !== 'word' || !/^[a-z]{2}$/.test(tokens[i].text)) return undefined;
  let best: Reading | undefined;
  let joined = '';
  for (let k = i; k < Math.min(tokens.length, i + 6); k++) {
    const t = tokens[k];
    if (k > i && !joinable(t, true)) break;
    if (!LATIN_ALNUM.test(t.text)) break;
    joined += t.text;
    if (VEHICLE.test(joined)) {
      best = span(tokens, i, k + 1);
      best.code = joined;
    }
  }
  return best;
}

/**
 * Composites over number readings: `12/4` and "बारह बटा चार" (house numbers),
 * `12B`, `15/08/2024` and "15 अगस्त 2024" (dates), "साढ़े तीन बजे" (times).
 */
function composite(
  tokens: readonly Token[],
  nums: Map<number, Reading>,
  i: number,
): Reading | undefined {
  const first = nums.get(i);
  const t = tokens[i];
  // Month first ("अगस्त 2024") is left to the day-first form only.
  if (first === undefined) return undefined;
  let k = first.tokEnd;
  const next = tokens[k];
  // Time: a number followed by an hour word.
  if (next && joinable(next, false) && HOUR_WORDS.has(next.text) && first.value !== undefined) {
    const time = timeOf(first.value);
    if (time !== undefined) {
      const r = span(tokens, i, k + 1);
      r.time = time;
      r.value = first.value;
      return r;
    }
  }
  // Date: day, month word, optional year.
  if (next && joinable(next, false) && MONTH_WORDS.has(next.text) && first.value !== undefined) {
    const month = MONTH_WORDS.get(next.text)!;
    const yearR = nums.get(k + 1);
    const year =
      yearR && joinable(tokens[k + 1], false) && yearR.value !== undefined && yearR.value >= 1000
        ? yearR
        : undefined;
    const date = dateOf(first.value, month, year?.value);
    if (date !== undefined) {
      const r = span(tokens, i, year ? year.tokEnd : k + 1);
      r.date = date;
      return r;
    }
  }
  // Slash forms: a/b or a/b/c with "/" or a slash word between numbers.
  const parts: Reading[] = [first];
  while (k < tokens.length) {
    const sep = tokens[k];
    const isSlash =
      (sep.kind === 'slash' && sep.gap !== 'hard') ||
      (sep.kind === 'word' && SLASH_WORDS.has(sep.text) && joinable(sep, false));
    if (!isSlash) break;
    const after = nums.get(k + 1);
    if (after === undefined || tokens[k + 1].gap === 'hard' || after.currency !== undefined) break;
    parts.push(after);
    k = after.tokEnd;
  }
  if (parts.length >= 2 && parts.every((p) => p.code !== undefined)) {
    const r = span(tokens, i, k);
    r.code = parts.map((p) => p.code).join('/');
    if (parts.length === 3 && parts.every((p) => p.value !== undefined)) {
      const [d, m, y] = parts.map((p) => p.value!);
      const date = dateOf(d, m, y >= 1000 ? y : y < 100 ? 2000 + y : undefined);
      if (date !== undefined) r.date = date;
    }
    return r;
  }
  // 12B, 12-B, A-402: a number glued or hyphenated to a short Latin letter group.
  const glued = tokens[first.tokEnd];
  if (
    first.currency === undefined &&
    t.kind === 'num' &&
    glued &&
    glued.kind === 'word' &&
    (glued.gap === 'none' || glued.gap === 'hyphen') &&
    /^[a-z]{1,2}$/.test(glued.text)
  ) {
    const r = span(tokens, i, first.tokEnd + 1);
    r.code = `${first.code ?? t.text}${glued.gap === 'hyphen' ? '-' : ''}${glued.text}`;
    return r;
  }
  return undefined;
}

/** All maximal readings of a token list, in text order, tokens not shared. */
export function extractReadings(tokens: readonly Token[], lang: string): Reading[] {
  const nums = numberPhrases(tokens, lang);
  const readings: Reading[] = [];
  for (let i = 0; i < tokens.length;) {
    const t = tokens[i];
    if (t.kind === 'email') {
      const r = span(tokens, i, i + 1);
      r.code = t.text;
      readings.push(r);
      i++;
      continue;
    }
    if (t.kind === 'time') {
      const [h, m] = t.text.split(':').map(Number);
      const r = span(tokens, i, i + 1);
      r.code = t.text;
      if (h < 24 && m < 60) r.time = `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
      readings.push(r);
      i++;
      continue;
    }
    const vehicle = vehicleAt(tokens, i);
    if (vehicle !== undefined) {
      readings.push(vehicle);
      i = vehicle.tokEnd;
      continue;
    }
    const comp = composite(tokens, nums, i);
    if (comp !== undefined) {
      readings.push(comp);
      i = comp.tokEnd;
      continue;
    }
    const num = nums.get(i);
    if (num !== undefined) {
      readings.push(num);
      i = num.tokEnd;
      continue;
    }
    // A letter glued before a number ("B12", "A-402") is a house-number code.
    const after = nums.get(i + 1);
    if (
      t.kind === 'word' &&
      /^[a-z]{1,2}$/.test(t.text) &&
      after !== undefined &&
      after.currency === undefined &&
      (tokens[i + 1].gap === 'none' || tokens[i + 1].gap === 'hyphen')
    ) {
      const r = span(tokens, i, after.tokEnd);
      r.code = `${t.text}${tokens[i + 1].gap === 'hyphen' ? '-' : ''}${after.code ?? ''}`;
      readings.push(r);
      i = after.tokEnd;
      continue;
    }
    i++;
  }
  return readings;
}
