/**
 * The time ruler under the Annotate waveform, made for the stretch around
 * the view only. wavesurfer's timeline plugin rebuilds a notch element for the whole
 * recording on every zoom and measures each one: on a 2-hour recording that
 * is thousands of forced layouts per zoom step, seconds of frozen screen.
 * The spacing and labels are the plugin's own, so the ruler reads the same
 * (SegmentWaveform draws it).
 */
import type { Span } from './region-window.js';

export type TickKind = 'primary' | 'secondary' | 'tick';

export interface Tick {
  /** Seconds into the recording. */
  t: number;
  kind: TickKind;
  label: string | null;
}

/** The plugin's notch spacing for a zoom level, and which notches are labelled (its defaults). */
export function tickSpacing(pxPerSec: number): {
  every: number;
  primary: number;
  secondary: number;
} {
  const every =
    pxPerSec >= 25
      ? 1
      : 5 * pxPerSec >= 25
        ? 5
        : 15 * pxPerSec >= 25
          ? 15
          : 60 * Math.ceil(0.5 / pxPerSec);
  const primary = pxPerSec >= 25 ? 10 : 5 * pxPerSec >= 25 ? 6 : 4;
  const secondary = pxPerSec >= 25 ? 5 : 2;
  return { every, primary, secondary };
}

/** The plugin's label: seconds under a minute, m:ss above. */
export function tickLabel(sec: number): string {
  if (sec / 60 > 1) {
    const s = Math.round(sec % 60);
    return `${Math.floor(sec / 60)}:${s < 10 ? '0' : ''}${s}`;
  }
  return `${Math.round(sec * 1000) / 1000}`;
}

/** The notches within a stretch drawn `widthPx` pixels wide. */
export function ticksFor(view: Span, widthPx: number): Tick[] {
  const span = view.end - view.start;
  if (!(span > 0) || !(widthPx > 0)) return [];
  const { every, primary, secondary } = tickSpacing(widthPx / span);
  const out: Tick[] = [];
  // A label that starts just left of the view still shows its tail.
  for (let k = Math.max(0, Math.floor(view.start / every) - 1); k * every <= view.end; k++) {
    const t = k * every;
    const hundredths = Math.round(t * 100);
    const isPrimary = hundredths % Math.round(primary * 100) === 0;
    const isSecondary = hundredths % Math.round(secondary * 100) === 0;
    const kind: TickKind = isPrimary ? 'primary' : isSecondary ? 'secondary' : 'tick';
    out.push({ t, kind, label: kind === 'tick' ? null : tickLabel(t) });
  }
  return out;
}
