/**
 * Hits: one reference entity against the readings and words of its
 * hypothesis window (spec §3): the nearest unused reading with the entity's
 * canonical value is a hit (the other outcomes are in `non-hit.ts`).
 */

import type { Reading } from './readings.js';
import type { TextAnalysis } from './text-analysis.js';
import { formOf } from './text-analysis.js';
import { brahmicBlockOf, isLatinWord } from './text-views.js';
import { sameWord } from './translit-cache.js';
import { phoneDigits, stripSeparators } from './value-spans.js';
import type { ReferenceEntity } from './value-spans.js';
import type { Window } from './window.js';

/** Per-hypothesis state shared by the entities of one utterance. */
export interface MatchContext {
  hyp: TextAnalysis;
  lang: string;
  /** Brahmic block of the utterance language, -1 for Latin. */
  langBlock: number;
  usedReadings: Uint8Array;
  usedWords: Uint8Array;
  /** Digit groups of sequences taken by split entities: reading index → group flags. */
  usedParts: Map<number, Uint8Array>;
}

export interface Hit {
  exact: boolean;
  /** The reading, when the hit was one (else a run of words). */
  reading?: number;
  /** Digit groups [from, to) of that reading, when only they were taken. */
  parts?: [number, number];
  wordFrom: number;
  wordTo: number;
}

/** Code points of a case suffix after a name written as in the reference ("లో", "ில்"). */
const MAX_SUFFIX = 4;
/**
 * After a transliterated word the suffix must be shorter: vowel-free keys of
 * a longer stem match unrelated words (கல்யாணத்துக்கு would read "client").
 */
const MAX_TRANSLIT_SUFFIX = 2;

export function sameNumber(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
}

function readingHasValue(e: ReferenceEntity, r: Reading): boolean {
  const v = e.value;
  switch (v.kind) {
    case 'digits':
      if (r.digits === undefined) return false;
      return (e.type === 'phone' ? phoneDigits(r.digits) : r.digits) === v.digits;
    case 'amount':
      if (r.value === undefined || !sameNumber(r.value, v.value)) return false;
      // An amount said without its currency word still says the amount; a
      // different currency is a different amount (partial, below).
      return r.currency === undefined || v.currency === undefined || r.currency === v.currency;
    case 'code':
      if (r.code === undefined) return false;
      return (e.type === 'vehicle_reg' ? stripSeparators(r.code) : r.code) === v.code;
    case 'date':
      return r.date === v.date;
    case 'time':
      return r.time === v.time;
    default:
      return false;
  }
}

export function inWindow(w: Window, start: number, end: number): boolean {
  return start >= w.start && end <= w.end;
}

function distance(w: Window, start: number, end: number): number {
  return Math.abs((start + end) / 2 - w.expected);
}

/**
 * Hypothesis words [from, to) lying wholly inside a span: a reading inside a
 * longer word ("07" of "07AABCT1234H1Z5") leaves the word to others.
 */
function wordsOfSpan(ctx: MatchContext, start: number, end: number): [number, number] {
  const words = ctx.hyp.words;
  let from = words.length;
  let to = 0;
  for (let i = 0; i < words.length; i++) {
    if (words[i].start >= start && words[i].end <= end) {
      from = Math.min(from, i);
      to = i + 1;
    }
  }
  return from < to ? [from, to] : [0, 0];
}

function wordsFree(ctx: MatchContext, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (ctx.usedWords[i]) return false;
  return true;
}

/** A run of words that cuts no reading: "2" of "12" or "50" of "50 हजार" is never a match. */
function cutsNoReading(ctx: MatchContext, start: number, end: number): boolean {
  for (const r of ctx.hyp.readings) {
    if (r.start < end && r.end > start && (r.start < start || r.end > end)) return false;
  }
  return true;
}

interface Candidate extends Hit {
  distance: number;
}

/**
 * Whether a word has letters of a Brahmic block other than the language's:
 * that is a script error (wrong_script), never a transliteration.
 */
export function foreignBrahmic(word: string, langBlock: number): boolean {
  if (langBlock === -1) return false;
  for (const ch of word) {
    const b = brahmicBlockOf(ch.codePointAt(0)!);
    if (b !== -1 && b !== langBlock) return true;
  }
  return false;
}

function nameGramMatches(
  e: ReferenceEntity,
  gram: readonly string[],
  ctx: MatchContext,
): { exact: boolean } | undefined {
  const lang = ctx.lang;
  const v = e.value;
  const joined = gram.join(' ');
  if (joined === e.form) return { exact: true };
  const forms = v.kind === 'name' ? v.forms : v.kind === 'loanword' ? [v.latin] : [e.form];
  const foreign = gram.some((g) => foreignBrahmic(g, ctx.langBlock));
  for (const f of forms) {
    if (f === joined || f.replace(/ /g, '') === joined.replace(/ /g, '')) return { exact: false };
    // A name written as one word in a native script ("ஹரிசங்கர்" = "Hari Shankar").
    if (
      !foreign &&
      gram.length === 1 &&
      f.includes(' ') &&
      sameWord(gram[0], f.replace(/ /g, ''), lang)
    ) {
      return { exact: false };
    }
    const fw = f.split(' ');
    if (fw.length === gram.length && !foreign && fw.every((w, i) => sameWord(gram[i], w, lang))) {
      return { exact: false };
    }
  }
  return undefined;
}

/**
 * A native word that transliterates a form once a short case suffix is
 * taken off ("స్ప్రెడ్షీట్లో" = "spreadsheet" + లో). Forms of four letters
 * or more only: a shorter key would match too many words.
 */
function suffixedTransliteration(
  e: ReferenceEntity,
  word: string,
  ctx: MatchContext,
): { exact: boolean } | undefined {
  const v = e.value;
  const forms = v.kind === 'name' ? v.forms : v.kind === 'loanword' ? [v.latin] : [];
  const cps = Array.from(word);
  if (ctx.langBlock === -1 || foreignBrahmic(word, ctx.langBlock) || isLatinWord(word)) {
    return undefined;
  }
  for (const f of forms) {
    if (f.includes(' ') || Array.from(f).length < 4) continue;
    for (let k = 1; k <= MAX_TRANSLIT_SUFFIX && cps.length - k >= 3; k++) {
      if (sameWord(cps.slice(0, cps.length - k).join(''), f, ctx.lang)) return { exact: false };
    }
  }
  return undefined;
}

/** Prefix of a single word that is a form, followed by a short case suffix ("బెంగళూరులో"). */
function prefixMatch(e: ReferenceEntity, word: string): { exact: boolean } | undefined {
  const v = e.value;
  const forms = v.kind === 'name' ? v.forms : v.kind === 'loanword' ? [v.latin] : [];
  const wordLen = Array.from(word).length;
  for (const f of forms) {
    if (f.includes(' ')) continue;
    const fLen = Array.from(f).length;
    if (fLen >= 3 && wordLen > fLen && wordLen - fLen <= MAX_SUFFIX && word.startsWith(f)) {
      return { exact: f === e.form };
    }
  }
  return undefined;
}

function maxWords(e: ReferenceEntity): number {
  const v = e.value;
  const forms = v.kind === 'name' ? v.forms : v.kind === 'loanword' ? [v.latin] : [e.form];
  let n = 1;
  for (const f of forms) n = Math.max(n, f.split(' ').length);
  return n;
}

export function splitValueOf(e: ReferenceEntity): string | undefined {
  const v = e.value;
  if (v.kind === 'digits') return v.digits;
  if (v.kind === 'code') return v.code;
  if (v.kind === 'amount') return String(v.value);
  return undefined;
}

/** Runs of digit groups of hypothesis sequences that spell a split entity's value. */
function splitCandidates(
  e: ReferenceEntity,
  ctx: MatchContext,
  w: Window,
  cands: Candidate[],
): void {
  const want = splitValueOf(e);
  if (want === undefined) return;
  ctx.hyp.readings.forEach((r, i) => {
    if (r.parts === undefined || ctx.usedReadings[i]) return;
    const used = ctx.usedParts.get(i);
    for (let p = 0; p < r.parts.length; p++) {
      let digits = '';
      for (let q = p; q < r.parts.length; q++) {
        if (used?.[q]) break;
        digits += r.parts[q].digits;
        if (digits.length > want.length) break;
        const got = e.type === 'phone' ? phoneDigits(digits) : digits;
        if (got !== want) continue;
        const start = r.parts[p].start;
        const end = r.parts[q].end;
        if (!inWindow(w, start, end)) continue;
        const [from, to] = wordsOfSpan(ctx, start, end);
        cands.push({
          exact: formOf(ctx.hyp, start, end) === e.form,
          reading: i,
          parts: [p, q + 1],
          wordFrom: from,
          wordTo: to,
          distance: distance(w, start, end),
        });
      }
    }
  });
}

/** The nearest unused reading or word run in the window with the entity's value. */
export function findHit(e: ReferenceEntity, ctx: MatchContext, w: Window): Hit | undefined {
  const cands: Candidate[] = [];
  const { hyp } = ctx;
  if (e.value.kind !== 'name' && e.value.kind !== 'loanword' && e.value.kind !== 'literal') {
    hyp.readings.forEach((r, i) => {
      if (ctx.usedReadings[i] || ctx.usedParts.has(i)) return;
      if (!inWindow(w, r.start, r.end) || !readingHasValue(e, r)) return;
      const [from, to] = wordsOfSpan(ctx, r.start, r.end);
      cands.push({
        exact: formOf(hyp, r.start, r.end) === e.form,
        reading: i,
        wordFrom: from,
        wordTo: to,
        distance: distance(w, r.start, r.end),
      });
    });
  }
  if (e.split) splitCandidates(e, ctx, w, cands);
  // Word runs: names, loanwords, and the reference's own written form for any type.
  const words = hyp.words;
  const literalOnly = e.value.kind !== 'name' && e.value.kind !== 'loanword';
  const formWords = e.form.split(' ').length;
  const wordFormWords = e.wordForm.split(' ').length;
  const nMax = Math.max(wordFormWords, literalOnly ? formWords : maxWords(e));
  for (let n = 1; n <= nMax; n++) {
    if (literalOnly && n !== formWords && n !== wordFormWords) continue;
    for (let a = w.wordFrom; a + n <= w.wordTo; a++) {
      if (!wordsFree(ctx, a, a + n)) continue;
      const start = words[a].start;
      const end = words[a + n - 1].end;
      if (!inWindow(w, start, end)) continue;
      // Only values read from numbers have parts that must not count alone.
      if (literalOnly && !cutsNoReading(ctx, start, end)) continue;
      const gram = words.slice(a, a + n).map((x) => x.text);
      const joined = gram.join(' ');
      // The reference's own written form, or the whole words it sits in.
      const m =
        joined === e.form || joined === e.wordForm
          ? { exact: true }
          : literalOnly
            ? undefined
            : (nameGramMatches(e, gram, ctx) ??
              (n === 1
                ? (prefixMatch(e, gram[0]) ?? suffixedTransliteration(e, gram[0], ctx))
                : undefined));
      if (m)
        cands.push({
          exact: m.exact,
          wordFrom: a,
          wordTo: a + n,
          distance: distance(w, start, end),
        });
    }
  }
  if (cands.length === 0) return undefined;
  // Nearest first; on a tie the written form that equals the reference's.
  cands.sort((x, y) => x.distance - y.distance || Number(y.exact) - Number(x.exact));
  return cands[0];
}

export function markUsed(ctx: MatchContext, h: Hit): void {
  if (h.reading !== undefined && h.parts !== undefined) {
    const r = ctx.hyp.readings[h.reading];
    let used = ctx.usedParts.get(h.reading);
    if (used === undefined) {
      used = new Uint8Array(r.parts?.length ?? 0);
      ctx.usedParts.set(h.reading, used);
    }
    used.fill(1, h.parts[0], h.parts[1]);
    for (let i = h.wordFrom; i < h.wordTo; i++) ctx.usedWords[i] = 1;
    return;
  }
  if (h.reading !== undefined) ctx.usedReadings[h.reading] = 1;
  for (let i = h.wordFrom; i < h.wordTo; i++) ctx.usedWords[i] = 1;
  const words = ctx.hyp.words;
  if (h.wordTo > h.wordFrom) {
    const start = words[h.wordFrom].start;
    const end = words[h.wordTo - 1].end;
    ctx.hyp.readings.forEach((r, i) => {
      if (r.start >= start && r.end <= end) ctx.usedReadings[i] = 1;
    });
  }
}
