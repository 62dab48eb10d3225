import type { PeaksResponse } from '../../../native/contract/index.js';

/**
 * The engine's peaks (interleaved min/max Int16 pairs, ±32767) as wavesurfer
 * wants them: one Float32Array per channel in [-1, 1]. The pairs stay
 * interleaved: wavesurfer takes the min and max of the values under each
 * pixel, which is exactly what the pairs encode.
 */
export function toWaveSurferPeaks(p: PeaksResponse): { peaks: Float32Array[]; duration: number } {
  const out = new Float32Array(p.data.length);
  for (let i = 0; i < p.data.length; i++) out[i] = p.data[i] / 32767;
  const duration =
    p.durationSec > 0 ? p.durationSec : ((p.data.length / 2) * p.samplesPerPixel) / p.sampleRate;
  return { peaks: [out], duration };
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
