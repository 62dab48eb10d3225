/**
 * Level figures for a recording. dB values are relative to digital full scale
 * with a full-scale square wave at 0 dBFS (a full-scale sine reads −3.01 dB RMS),
 * the convention of most audio editors; digital silence reads SILENCE_DBFS
 * rather than −Infinity so the figures survive JSON.
 */
export interface Levels {
  /** RMS over all samples of all channels. */
  rmsDbfs: number;
  /** Largest absolute sample value. */
  peakDbfs: number;
  /** Samples at or beyond the clip threshold, counted over all channels. */
  clippedSamples: number;
  /** Mean sample value (DC offset), averaged over channels, in full-scale units. */
  dcOffset: number;
  /** Share (0..1) of analysis windows whose RMS is below the silence threshold. */
  silenceShare: number;
}

export interface LevelOptions {
  /** |x| at or above this counts as clipped; default 32767/32768 (the 16-bit positive ceiling). */
  clipThreshold?: number;
  /** Window RMS below this counts as silence; default −50 dBFS. */
  silenceThresholdDbfs?: number;
  /** Length of the silence analysis window; default 50 ms. */
  windowMs?: number;
}

export const SILENCE_DBFS = -200;

function toDb(amplitude: number): number {
  return amplitude > 0 ? Math.max(SILENCE_DBFS, 20 * Math.log10(amplitude)) : SILENCE_DBFS;
}

export function measureLevels(
  channels: Float32Array | readonly Float32Array[],
  sampleRate: number,
  opts: LevelOptions = {},
): Levels {
  const chans = channels instanceof Float32Array ? [channels] : channels;
  const clip = opts.clipThreshold ?? 32767 / 32768;
  const silenceRms = 10 ** ((opts.silenceThresholdDbfs ?? -50) / 20);
  const win = Math.max(1, Math.round((sampleRate * (opts.windowMs ?? 50)) / 1000));
  const n = chans.length > 0 ? chans[0].length : 0;
  let sumSq = 0;
  let sum = 0;
  let peak = 0;
  let clipped = 0;
  for (const ch of chans) {
    for (let i = 0; i < ch.length; i++) {
      const v = ch[i];
      const a = v < 0 ? -v : v;
      sumSq += v * v;
      sum += v;
      if (a > peak) peak = a;
      if (a >= clip) clipped++;
    }
  }
  const total = chans.reduce((t, ch) => t + ch.length, 0);
  // Silence is judged on all channels together: a window is silent only when
  // its RMS over every channel is below the threshold.
  let windows = 0;
  let silent = 0;
  const limit = silenceRms * silenceRms;
  for (let start = 0; start < n; start += win) {
    const end = Math.min(n, start + win);
    let e = 0;
    for (const ch of chans) for (let i = start; i < end; i++) e += ch[i] * ch[i];
    windows++;
    if (e / ((end - start) * chans.length) < limit) silent++;
  }
  return {
    rmsDbfs: total > 0 ? toDb(Math.sqrt(sumSq / total)) : SILENCE_DBFS,
    peakDbfs: toDb(peak),
    clippedSamples: clipped,
    dcOffset: total > 0 ? sum / total : 0,
    silenceShare: windows > 0 ? silent / windows : 0,
  };
}
