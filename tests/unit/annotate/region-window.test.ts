import { describe, expect, it } from 'vitest';
import {
  materialise,
  regionWindow,
  segmentNear,
  type Span,
} from '../../../renderer/features/annotate/region-window.js';

/** The bench's tier: one 3 s segment per 3.6 s slot over 2 hours. */
const TIER: Span[] = Array.from({ length: 2000 }, (_, i) => ({
  start: i * 3.6 + 0.1,
  end: i * 3.6 + 3.1,
}));

describe('the window of segments kept as regions', () => {
  it('is the view widened by half its width on each side', () => {
    expect(regionWindow({ start: 100, end: 200 }, null)).toEqual({ start: 50, end: 250 });
  });

  it('stays put while the view scrolls inside it, and moves once the view leaves it', () => {
    const first = regionWindow({ start: 100, end: 200 }, null);
    expect(regionWindow({ start: 140, end: 240 }, first)).toBe(first);
    expect(regionWindow({ start: 50, end: 150 }, first)).toBe(first);
    expect(regionWindow({ start: 160, end: 260 }, first)).toEqual({ start: 110, end: 310 });
  });

  it('shrinks when the view zooms in well inside it, so a zoom does not keep thousands', () => {
    const wide = regionWindow({ start: 0, end: 1000 }, null);
    expect(regionWindow({ start: 100, end: 800 }, wide)).toBe(wide);
    expect(regionWindow({ start: 400, end: 500 }, wide)).toEqual({ start: 350, end: 550 });
  });

  it('makes regions of exactly the segments that intersect the window', () => {
    // 36.0–72.0 s: slot 9 ends at 35.5 (out), slot 10 starts 36.1; slot 19 starts 68.5 and ends 71.5.
    const m = materialise(TIER, { start: 36, end: 72 });
    expect(m).toEqual({ indices: [10, 11, 12, 13, 14, 15, 16, 17, 18, 19], overview: false });
    // A segment crossing either edge is in; one that only touches it is not.
    expect(materialise(TIER, { start: 3, end: 3.6 }).indices).toEqual([0]);
    expect(materialise(TIER, { start: 3.1, end: 3.7 }).indices).toEqual([]);
    expect(materialise(TIER, { start: 3.1, end: 3.8 }).indices).toEqual([1]);
  });

  it('keeps the selected segment (or one being dragged) wherever the window is', () => {
    const m = materialise(TIER, { start: 36, end: 43 }, (i) => i === 1500 || i === 11);
    expect(m).toEqual({ indices: [10, 11, 1500], overview: false });
  });

  it('over the limit (zoomed far out) keeps only those and draws the tier as a strip', () => {
    const all = materialise(TIER, { start: 0, end: 7200 }, (i) => i === 42);
    expect(all).toEqual({ indices: [42], overview: true });
    expect(materialise(TIER, { start: 0, end: 7200 }).indices).toEqual([]);
    expect(materialise(TIER, { start: 0, end: 36 }, () => false, 10).overview).toBe(false);
    expect(materialise(TIER, { start: 0, end: 36.2 }, () => false, 10).overview).toBe(true);
  });

  it('at the bench zoom (eight 1.5× steps from the whole recording) stays small', () => {
    const width = 7200 / 1.5 ** 8;
    const win = regionWindow({ start: 3000, end: 3000 + width }, null);
    const m = materialise(TIER, win);
    expect(m.overview).toBe(false);
    expect(m.indices.length).toBeLessThan(200);
    expect(m.indices.length).toBeGreaterThan(100);
  });

  it('a click on the strip takes the segment under it, or the nearest within a pixel or two', () => {
    expect(segmentNear(TIER, 3601.6, 12)).toBe(1000);
    // In the gap between slot 999 (ends 3599.5) and slot 1000 (starts 3600.1).
    expect(segmentNear(TIER, 3600, 12)).toBe(1000);
    expect(segmentNear(TIER, 3599.7, 12)).toBe(999);
    expect(segmentNear(TIER, 3599.8, 0.2)).toBe(-1);
    expect(segmentNear([], 5, 1)).toBe(-1);
  });
});
