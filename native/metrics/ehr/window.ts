/**
 * Entity windows (spec §3 "Window and matching"): align reference and
 * hypothesis words; an entity's anchors are the nearest reference words
 * before and after its value span that the alignment matched exactly (the
 * sentence start or end where there is none); its window is the hypothesis
 * between the anchors' aligned words. Nothing outside the window can credit
 * the entity, which is what stops a value "found elsewhere" from counting.
 */

import { align } from '../alignment.js';
import type { MappedWord } from './text-views.js';

export interface Window {
  /** Hypothesis input code-point offsets: readings must lie inside [start, end]. */
  start: number;
  end: number;
  /** Hypothesis word indices inside the window, end exclusive. */
  wordFrom: number;
  wordTo: number;
  /** Where in the window the value is expected (a code-point offset), for "nearest". */
  expected: number;
}

/** For each reference word, the hypothesis word it is exactly matched to, or -1. */
export function matchedHypWords(
  ref: readonly MappedWord[],
  hyp: readonly MappedWord[],
): Int32Array {
  const out = new Int32Array(ref.length).fill(-1);
  const { ops } = align(
    ref.map((w) => w.text),
    hyp.map((w) => w.text),
  );
  for (const op of ops) if (op.op === 'match') out[op.refIndex] = op.hypIndex;
  return out;
}

export function windowOf(
  ref: readonly MappedWord[],
  hyp: readonly MappedWord[],
  matched: Int32Array,
  refLength: number,
  hypLength: number,
  valueStart: number,
  valueEnd: number,
): Window {
  let left = -1;
  let right = -1;
  for (let i = 0; i < ref.length; i++) {
    if (matched[i] === -1) continue;
    if (ref[i].end <= valueStart) left = i;
    else if (ref[i].start >= valueEnd) {
      right = i;
      break;
    }
  }
  const wordFrom = left === -1 ? 0 : matched[left] + 1;
  const wordTo = right === -1 ? hyp.length : matched[right];
  const start = left === -1 ? 0 : hyp[matched[left]].end;
  const end = right === -1 ? hypLength : hyp[matched[right]].start;
  // Place the value proportionally between the anchors on both sides.
  const refFrom = left === -1 ? 0 : ref[left].end;
  const refTo = right === -1 ? refLength : ref[right].start;
  const mid = (valueStart + valueEnd) / 2;
  const rel = refTo > refFrom ? (mid - refFrom) / (refTo - refFrom) : 0.5;
  return { start, end, wordFrom, wordTo, expected: start + rel * (end - start) };
}
