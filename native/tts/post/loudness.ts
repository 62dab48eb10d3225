/**
 * Loudness normalisation to a target level in dBFS (full-scale square wave =
 * 0 dB, the convention of native/audio/levels.ts), peak-limited.
 *
 * The level is the RMS of active speech, gated in the manner of ITU-R
 * BS.1770 (100 ms blocks, an absolute gate at −70 dB and a relative gate
 * 20 dB below the mean of the blocks above it) but without K-weighting:
 * "LUFS-like", so pauses between sentences do not pull the figure down.
 */

const BLOCK_S = 0.1;
const ABSOLUTE_GATE_DB = -70;
const RELATIVE_GATE_DB = 20;

export interface LoudnessOptions {
  /** Target active-speech RMS, dBFS; default −23. */
  targetDbfs?: number;
  /** Sample ceiling, dBFS; default −1. */
  peakDbfs?: number;
}

function db(power: number): number {
  return power > 0 ? 10 * Math.log10(power) : -200;
}

/** Gated RMS level of `x` in dBFS (−200 for silence). */
export function speechLevelDbfs(x: Float32Array, sampleRate: number): number {
  const block = Math.max(1, Math.round(BLOCK_S * sampleRate));
  const powers: number[] = [];
  for (let s = 0; s < x.length; s += block) {
    const e = Math.min(x.length, s + block);
    let sum = 0;
    for (let i = s; i < e; i++) sum += x[i] * x[i];
    powers.push(sum / (e - s));
  }
  const loud = powers.filter((p) => db(p) > ABSOLUTE_GATE_DB);
  if (loud.length === 0) return -200;
  const mean = loud.reduce((a, b) => a + b, 0) / loud.length;
  const gated = loud.filter((p) => db(p) > db(mean) - RELATIVE_GATE_DB);
  return db(gated.reduce((a, b) => a + b, 0) / gated.length);
}

/**
 * Scales `x` to the target level; where that would put samples above the
 * ceiling, a look-ahead limiter (5 ms attack, 80 ms release) pulls those
 * peaks down and the gain is corrected again, so the level still lands on
 * target unless the ceiling makes that impossible.
 */
export function normalizeLoudness(
  x: Float32Array,
  sampleRate: number,
  opts: LoudnessOptions = {},
): Float32Array {
  const target = opts.targetDbfs ?? -23;
  const ceiling = 10 ** ((opts.peakDbfs ?? -1) / 20);
  const level = speechLevelDbfs(x, sampleRate);
  if (level <= -200) return x.slice();
  let y = scale(x, 10 ** ((target - level) / 20));
  for (let pass = 0; pass < 4; pass++) {
    y = limit(y, sampleRate, ceiling);
    const miss = target - speechLevelDbfs(y, sampleRate);
    if (Math.abs(miss) < 0.05) break;
    y = scale(y, 10 ** (miss / 20));
  }
  return limit(y, sampleRate, ceiling);
}

function scale(x: Float32Array, g: number): Float32Array {
  const y = new Float32Array(x.length);
  for (let i = 0; i < x.length; i++) y[i] = x[i] * g;
  return y;
}

function limit(x: Float32Array, sampleRate: number, ceiling: number): Float32Array {
  let peak = 0;
  for (let i = 0; i < x.length; i++) peak = Math.max(peak, Math.abs(x[i]));
  if (peak <= ceiling) return x;
  const look = Math.max(1, Math.round(0.005 * sampleRate));
  const release = Math.exp(-1 / (0.08 * sampleRate));
  // Gain each sample needs, spread back over the look-ahead window so the
  // gain is already down when the peak arrives.
  const need = new Float32Array(x.length).fill(1);
  for (let i = 0; i < x.length; i++) {
    const a = Math.abs(x[i]);
    if (a > ceiling) {
      const g = ceiling / a;
      for (let k = Math.max(0, i - look); k <= i; k++) {
        const ramp = 1 - ((1 - g) * (k - (i - look))) / look;
        need[k] = Math.min(need[k], i === k ? g : Math.max(g, ramp));
      }
    }
  }
  const y = new Float32Array(x.length);
  let g = 1;
  for (let i = 0; i < x.length; i++) {
    g = need[i] < g ? need[i] : need[i] - (need[i] - g) * release;
    const v = x[i] * g;
    // The smoothed gain can trail a sharp peak by a fraction: clip the rest.
    y[i] = v > ceiling ? ceiling : v < -ceiling ? -ceiling : v;
  }
  return y;
}
