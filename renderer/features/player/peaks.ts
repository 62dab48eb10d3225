import type { WirePeaks } from '../../../native/contract/media.js';

/**
 * The engine's peaks (interleaved min/max Int8 pairs, ±127 = ±peak) as
 * wavesurfer wants them: one Float32Array per channel in [-1, 1]. The pairs
 * stay interleaved: wavesurfer takes the min and max of the values under
 * each pixel, which is exactly what the pairs encode.
 */
export function toWaveSurferPeaks(p: WirePeaks): {
  peaks: Float32Array[];
  duration: number;
  /** The loudest peak: handed to wavesurfer, which otherwise scans every peak on each zoom. */
  maxPeak: number;
} {
  const out = new Float32Array(p.data.length);
  const k = p.peak / 127;
  for (let i = 0; i < p.data.length; i++) out[i] = p.data[i] * k;
  const duration =
    p.durationSec > 0 ? p.durationSec : (p.length * p.samplesPerPixel) / p.sampleRate;
  // The engine scales the loudest sample to ±127, so the loudest peak is `peak` itself.
  return { peaks: [out], duration, maxPeak: p.peak };
}

/** The device-pixel width of a view of `durationSec` at `pxPerSec` CSS pixels a second. */
export function pixelsFor(durationSec: number, pxPerSec: number, pixelRatio: number): number {
  return Math.max(1, Math.ceil(durationSec * pxPerSec * Math.max(1, pixelRatio)));
}

/** 83.4 → "1:23.4"; hours appear only for hour-long recordings. */
export function formatTime(sec: number): string {
  if (!Number.isFinite(sec) || sec < 0) sec = 0;
  const h = Math.floor(sec / 3600);
  const m = Math.floor((sec % 3600) / 60);
  const s = sec % 60;
  const ss = s.toFixed(1).padStart(4, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}
