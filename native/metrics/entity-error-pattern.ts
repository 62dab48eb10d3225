/**
 * Why an entity was not hit, as an evaluator would group the errors: the
 * number came out as words, its digits were split or merged, one digit is
 * wrong, it is in the wrong script, it is a transliteration or spelling
 * variant, or it was deleted. Pure: it reads only the reference entity and
 * the hypothesis window the scorer looked in (spec §3), so the Evaluate
 * drill-down and any report group the same entity the same way.
 */
import type { ErrorPattern } from '../contract/evaluate.js';
import type { OutcomeClass } from '../contract/runs.js';
import { alignTokenCounts, editDistance } from './alignment.js';

export interface PatternInput {
  type: string;
  lang: string;
  surface: string;
  /** The canonical value, when the reference has one (a digit string for phone, pincode…). */
  value: string | null;
  outcome: OutcomeClass;
  /** Hypothesis words between the entity's anchors, `standard` normalised. */
  hypWindow: string;
}

const SCRIPTS: [string, RegExp][] = [
  ['Latin', /\p{Script=Latin}/u],
  ['Devanagari', /\p{Script=Devanagari}/u],
  ['Bengali', /\p{Script=Bengali}/u],
  ['Gurmukhi', /\p{Script=Gurmukhi}/u],
  ['Gujarati', /\p{Script=Gujarati}/u],
  ['Oriya', /\p{Script=Oriya}/u],
  ['Tamil', /\p{Script=Tamil}/u],
  ['Telugu', /\p{Script=Telugu}/u],
  ['Kannada', /\p{Script=Kannada}/u],
  ['Malayalam', /\p{Script=Malayalam}/u],
];

/** The script most of the letters of `s` are in; null when it has none. */
export function dominantScript(s: string): string | null {
  const counts = new Map<string, number>();
  for (const ch of s) {
    if (!/[\p{L}\p{M}]/u.test(ch)) continue;
    const hit = SCRIPTS.find(([, re]) => re.test(ch));
    const name = hit ? hit[0] : 'Other';
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  let best: string | null = null;
  let n = 0;
  for (const [k, v] of counts)
    if (v > n) {
      best = k;
      n = v;
    }
  return best;
}

/** Unicode decimal digits of any script, as ASCII. */
function asciiDigits(s: string): string {
  let out = '';
  for (const ch of s) {
    if (!/\p{Nd}/u.test(ch)) continue;
    // ASCII and full-width digits start at …0; the Indic blocks at …6.
    const cp = ch.codePointAt(0)!;
    out += String(cp <= 0x39 || cp >= 0xff10 ? cp & 0xf : (cp & 0xf) - 6);
  }
  return out;
}

function distance(a: string, b: string): number {
  return editDistance(alignTokenCounts(Array.from(a), Array.from(b)));
}

function numericPattern(ref: string, window: string): ErrorPattern {
  const groups = window.match(/\p{Nd}+/gu)?.map(asciiDigits) ?? [];
  if (groups.length === 0) return /\p{L}/u.test(window) ? 'number_as_words' : 'other';
  const all = groups.join('');
  // Split: the right digits, but broken into pieces by something the scorer would not read through.
  if (groups.length > 1 && all === ref) return 'digit_split_merged';
  // Merged: the right digits run into a neighbouring number.
  if (groups.some((g) => g.length > ref.length && g.includes(ref))) return 'digit_split_merged';
  const candidates = [all, ...groups];
  if (candidates.some((g) => distance(g, ref) === 1)) return 'one_digit_wrong';
  if (groups.length > 1 && all.includes(ref)) return 'digit_split_merged';
  return 'other';
}

/** The error pattern of one scored entity; null for a hit. */
export function classifyEntityError(e: PatternInput): ErrorPattern | null {
  if (e.outcome === 'hit') return null;
  const window = e.hypWindow.trim();
  if (window === '') return 'deleted';
  if (e.outcome === 'wrong_script') return 'wrong_script';
  const valueDigits = e.value && /^\d+$/.test(e.value) ? e.value : null;
  const refDigits = valueDigits ?? asciiDigits(e.surface);
  if (refDigits.length > 0 && !/\p{L}/u.test(e.surface.replace(/\p{Nd}/gu, '')))
    return numericPattern(refDigits, window);
  if (refDigits.length > 0) {
    const p = numericPattern(refDigits, window);
    if (p !== 'other' && p !== 'number_as_words') return p;
  }
  const refScript = dominantScript(e.surface);
  const hypScript = dominantScript(window);
  if (refScript && hypScript && refScript !== hypScript) {
    // Latin on one side: the same word transliterated; two Indic scripts: the wrong script.
    return refScript === 'Latin' || hypScript === 'Latin'
      ? 'transliteration_variant'
      : 'wrong_script';
  }
  const ref = e.surface.toLowerCase().replace(/\s+/g, ' ').trim();
  const words = window.split(/\s+/);
  const refWords = ref.split(' ').length;
  // The closest stretch of as many window words as the reference has: a spelling variant is close.
  let best = Infinity;
  for (let i = 0; i + refWords <= words.length || i === 0; i++) {
    const part = words.slice(i, i + refWords).join(' ');
    best = Math.min(best, distance(part, ref));
    if (i + refWords >= words.length) break;
  }
  if (best > 0 && best <= Math.max(1, Math.floor(Array.from(ref).length / 3)))
    return 'transliteration_variant';
  return 'other';
}
