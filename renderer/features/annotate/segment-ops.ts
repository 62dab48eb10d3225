import type { AnnotationSegment } from '../../../native/contract/annotations.js';

/** Shortest segment a boundary keystroke makes: two presses closer than this are a bounce. */
export const MIN_SEGMENT_SEC = 0.05;

/** Seconds, rounded to the millisecond the store keeps. */
export function ms(sec: number): number {
  return Math.round(sec * 1000) / 1000;
}

/** Index of the segment containing `t` (start inclusive, end exclusive), or -1. */
export function segmentAt(segs: readonly AnnotationSegment[], t: number): number {
  let lo = 0;
  let hi = segs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (segs[mid].end <= t) lo = mid + 1;
    else if (segs[mid].start > t) hi = mid - 1;
    else return mid;
  }
  return -1;
}

/** Sorted by start, as the store lists them. */
export function sortSegments(segs: AnnotationSegment[]): AnnotationSegment[] {
  return segs.sort((a, b) => a.start - b.start || a.end - b.end || a.id - b.id);
}

/**
 * A boundary marked while playing, at the playhead minus the reaction
 * offset. With no open mark it opens one; with one, it closes the segment
 * from the mark to here and opens the next at the same instant, so
 * consecutive presses make adjacent segments (ELAN's segmentation mode).
 * A boundary inside an existing segment is moved to that segment's end, so
 * the new one never overlaps it.
 */
export function markBoundary(
  segs: readonly AnnotationSegment[],
  mark: number | null,
  playhead: number,
  offsetSec: number,
): { mark: number; segment: { start: number; end: number } | null } {
  let t = ms(Math.max(0, playhead - offsetSec));
  if (mark === null) {
    const inside = segmentAt(segs, t);
    if (inside >= 0) t = segs[inside].end;
    return { mark: t, segment: null };
  }
  // Up to the next segment's start at most: the new one must not run into it.
  const next = segs.find((s) => s.start >= mark);
  if (next && t > next.start) t = next.start;
  if (t - mark < MIN_SEGMENT_SEC) return { mark, segment: null };
  return { mark: t, segment: { start: mark, end: t } };
}

/**
 * One boundary of `seg` moved by `delta` seconds, kept inside the recording,
 * clear of its neighbours on the tier and at least MIN_SEGMENT_SEC long.
 */
export function nudge(
  segs: readonly AnnotationSegment[],
  index: number,
  side: 'start' | 'end',
  delta: number,
  duration: number,
): { start: number; end: number } {
  const s = segs[index];
  const prevEnd = index > 0 ? segs[index - 1].end : 0;
  const nextStart = index + 1 < segs.length ? segs[index + 1].start : duration;
  if (side === 'start') {
    const start = Math.min(Math.max(prevEnd, s.start + delta), s.end - MIN_SEGMENT_SEC);
    return { start: ms(Math.max(0, start)), end: s.end };
  }
  const end = Math.max(Math.min(nextStart, s.end + delta), s.start + MIN_SEGMENT_SEC);
  return { start: s.start, end: ms(Math.min(duration > 0 ? duration : end, end)) };
}

/** UTF-16 offset in `text` to a code-point offset (entity spans are in code points). */
export function toCodePoint(text: string, utf16: number): number {
  return Array.from(text.slice(0, utf16)).length;
}

export function toUtf16(text: string, codePoint: number): number {
  return Array.from(text).slice(0, codePoint).join('').length;
}
