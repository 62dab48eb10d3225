/**
 * Which segments exist as wavesurfer regions. Each region is DOM that the
 * regions plugin re-measures on every scroll and zoom and, for its label,
 * against every other region: with a 2-hour recording's 2,000 segments as
 * regions one zoom step took seconds. So only the segments around the view
 * are regions; the window moves with a margin, so most scroll events change
 * nothing, and past a count (the view zoomed far out, where a segment is a
 * pixel or less) the tier is drawn as one strip instead.
 */

/** A stretch of the recording, seconds. */
export interface Span {
  start: number;
  end: number;
}

/** Extra recording kept as regions on each side of the view, as a share of the view's width. */
export const MARGIN = 0.5;

/** More regions than this in the window and the tier is drawn as a strip (regions stay for the selection). */
export const MAX_REGIONS = 240;

/**
 * The window of regions for a view: the current one while the view stays
 * inside it and it is not much wider than needed (zoomed in since), else the
 * view widened by MARGIN on each side.
 */
export function regionWindow(view: Span, current: Span | null, margin = MARGIN): Span {
  const width = Math.max(0, view.end - view.start);
  if (
    current &&
    view.start >= current.start &&
    view.end <= current.end &&
    current.end - current.start <= width * (1 + 4 * margin)
  )
    return current;
  return { start: view.start - width * margin, end: view.end + width * margin };
}

export interface Materialised {
  /** Indices into the segments, ascending: these are regions. */
  indices: number[];
  /** Too many segments in the window for regions: draw the tier as a strip. */
  overview: boolean;
}

/**
 * The segments that are regions for a window: those that intersect it,
 * plus `keep` (the selected segment, one being dragged) wherever they are.
 * Over `max`, only `keep`, and the tier is drawn as a strip.
 */
export function materialise(
  segments: readonly Span[],
  win: Span,
  keep: (index: number) => boolean = () => false,
  max = MAX_REGIONS,
): Materialised {
  const inWindow: number[] = [];
  const kept: number[] = [];
  segments.forEach((s, i) => {
    if (s.end > win.start && s.start < win.end) inWindow.push(i);
    else if (keep(i)) kept.push(i);
  });
  if (inWindow.length > max) {
    return {
      indices: inWindow
        .filter(keep)
        .concat(kept)
        .sort((a, b) => a - b),
      overview: true,
    };
  }
  return { indices: inWindow.concat(kept).sort((a, b) => a - b), overview: false };
}

/**
 * The segment a click at `t` hits in the strip: the one containing it, else the
 * nearest within `slack` seconds (a pixel or two there), as a thin region would
 * take the click. -1 when none is that close.
 */
export function segmentNear(segments: readonly Span[], t: number, slack: number): number {
  let best = -1;
  let bestGap = slack;
  segments.forEach((s, i) => {
    const gap = t < s.start ? s.start - t : t > s.end ? t - s.end : 0;
    if (gap < bestGap || (gap === 0 && best < 0)) {
      best = i;
      bestGap = gap;
    }
  });
  return best;
}
