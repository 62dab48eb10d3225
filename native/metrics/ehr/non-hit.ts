/**
 * Outcomes of an entity that no reading in its window hit (spec §3, after
 * `hit`): the same word in another Brahmic script (`wrong_script`), a near
 * miss (`partial`: one digit off, an amount off by a factor or in another
 * currency, separators lost, some words of a name), else `miss`.
 */

import type { Outcome } from './entity-types.js';
import { foreignBrahmic, inWindow, sameNumber, splitValueOf } from './matching.js';
import type { MatchContext } from './matching.js';
import type { Reading } from './readings.js';
import { shiftToBlock } from './text-views.js';
import { sameWord } from './translit-cache.js';
import { phoneDigits, stripSeparators } from './value-spans.js';
import type { ReferenceEntity } from './value-spans.js';
import type { Window } from './window.js';

/** Levenshtein distance ≤ 1 ("a digit wrong, dropped or added"). */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

const FACTORS = [10, 100, 1000, 1e5, 1e7];

function partialReading(e: ReferenceEntity, r: Reading): boolean {
  const v = e.value;
  switch (v.kind) {
    case 'digits': {
      if (r.digits === undefined) return false;
      const d = e.type === 'phone' ? phoneDigits(r.digits) : r.digits;
      return d !== v.digits && withinOneEdit(d, v.digits);
    }
    case 'amount': {
      if (r.value === undefined || r.value === 0 || v.value === 0) return false;
      if (sameNumber(r.value, v.value)) {
        return r.currency !== undefined && v.currency !== undefined && r.currency !== v.currency;
      }
      const ratio = r.value / v.value;
      return FACTORS.some((f) => sameNumber(ratio, f) || sameNumber(1 / ratio, f));
    }
    case 'code':
      return r.code !== undefined && stripSeparators(r.code) === stripSeparators(v.code);
    default:
      return false;
  }
}

/** A run of free digit groups within one edit of a split entity's digits. */
function partialSplit(
  e: ReferenceEntity,
  r: Reading,
  used: Uint8Array | undefined,
  w: Window,
): boolean {
  const want = splitValueOf(e);
  const parts = r.parts ?? [];
  if (want === undefined) return false;
  for (let p = 0; p < parts.length; p++) {
    let digits = '';
    for (let q = p; q < parts.length && !used?.[q]; q++) {
      digits += parts[q].digits;
      if (digits.length > want.length + 1) break;
      if (inWindow(w, parts[p].start, parts[q].end) && withinOneEdit(digits, want)) return true;
    }
  }
  return false;
}

/**
 * Outcome of an entity that no reading hit: the same word in another
 * Brahmic script, a near miss (partial), or a miss.
 */
export function classifyNonHit(
  e: ReferenceEntity,
  refValueWords: readonly string[],
  ctx: MatchContext,
  w: Window,
): Outcome {
  const words = ctx.hyp.words.slice(w.wordFrom, w.wordTo).map((x) => x.text);
  if (ctx.langBlock !== -1) {
    const wanted = new Set(refValueWords);
    for (const word of words) {
      const shifted = shiftToBlock(word, ctx.langBlock);
      if (shifted !== undefined && wanted.has(shifted)) return 'wrong_script';
    }
  }
  if (e.value.kind === 'name' || e.value.kind === 'loanword') {
    const refWords = e.value.kind === 'name' ? e.value.words : e.form.split(' ');
    if (refWords.length > 1) {
      const found = refWords.filter((rw) =>
        words.some((hw) => !foreignBrahmic(hw, ctx.langBlock) && sameWord(hw, rw, ctx.lang)),
      ).length;
      if (found > 0 && found < refWords.length) return 'partial';
    }
    return 'miss';
  }
  for (let i = 0; i < ctx.hyp.readings.length; i++) {
    const r = ctx.hyp.readings[i];
    if (ctx.usedReadings[i]) continue;
    // A split entity's groups are checked group by group against the window.
    if (e.split && r.parts !== undefined && partialSplit(e, r, ctx.usedParts.get(i), w)) {
      return 'partial';
    }
    if (inWindow(w, r.start, r.end) && partialReading(e, r)) return 'partial';
  }
  return 'miss';
}
