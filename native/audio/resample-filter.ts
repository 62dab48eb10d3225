/**
 * The polyphase filter bank behind the resampler: a Kaiser-windowed sinc
 * lowpass, evaluated at every fractional phase the ratio needs, designed once
 * per (from, to) pair and cached.
 */
export interface FilterBank {
  from: number;
  to: number;
  /** Output steps per `down` input steps: to/gcd and from/gcd. */
  up: number;
  down: number;
  /** Half-width of the filter in input samples; a row spans i-half+1 … i+half. */
  half: number;
  /** Coefficients per row (2·half, a multiple of 8 for the unrolled loops). */
  taps: number;
  /** rows × taps coefficients; row r is the filter for fractional position r/rows. */
  coeffs: Float32Array;
  /** For each phase p in 0…up-1, the offset of its row in coeffs. */
  rowOffset: Int32Array;
}

/** Stopband attenuation the Kaiser window is designed for, in dB. */
export const STOPBAND_DB = 90;
/** Passband edge as a share of the lower Nyquist frequency. */
export const PASSBAND = 0.9;
/**
 * More phases than this are rounded to the nearest of MAX_ROWS positions
 * (timing error ≤ 1/8192 sample, below −75 dB even near Nyquist). Only exotic
 * rate pairs need it; every common pair (up ≤ 640) is exact.
 */
export const MAX_ROWS = 4096;

/** Coefficient count beyond which a rate pair is refused (128 MB of float32). */
const MAX_TABLE = 2 ** 25;

const cache = new Map<string, FilterBank>();

export function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/** Zeroth-order modified Bessel function of the first kind (power series). */
function besselI0(x: number): number {
  const q = (x * x) / 4;
  let term = 1;
  let sum = 1;
  for (let k = 1; k < 200 && term > sum * 1e-17; k++) {
    term *= q / (k * k);
    sum += term;
  }
  return sum;
}

export function filterBankFor(from: number, to: number): FilterBank {
  const key = `${from}:${to}`;
  let bank = cache.get(key);
  if (!bank) {
    bank = design(from, to);
    cache.set(key, bank);
  }
  return bank;
}

function design(from: number, to: number): FilterBank {
  const g = gcd(from, to);
  const up = to / g;
  const down = from / g;
  // Everything is in cycles per input sample. The stopband starts exactly at
  // the lower Nyquist frequency, so nothing that would alias into (or image
  // out of) the output band gets through at more than −STOPBAND_DB.
  const nyq = Math.min(from, to) / 2 / from;
  const transition = nyq * (1 - PASSBAND);
  const cutoff = nyq - transition / 2;
  const A = STOPBAND_DB;
  const beta = 0.1102 * (A - 8.7);
  // Kaiser's length estimate, in input samples.
  const length = (A - 7.95) / (2.285 * 2 * Math.PI * transition) + 1;
  // half a multiple of 4 makes taps a multiple of 8, the kernels' unroll.
  const half = Math.ceil(length / 8) * 4;
  const taps = 2 * half;
  const rows = Math.min(up, MAX_ROWS);
  if (rows * taps > MAX_TABLE) {
    throw new RangeError(`resample: ${from} Hz → ${to} Hz needs too large a filter table`);
  }
  const coeffs = new Float32Array(rows * taps);
  const i0beta = besselI0(beta);
  const row = new Float64Array(taps);
  for (let r = 0; r < rows; r++) {
    const frac = r / rows;
    let sum = 0;
    for (let k = 0; k < taps; k++) {
      // Distance from the output instant (i + frac) back to input i-half+1+k.
      const tau = half - 1 - k + frac;
      const u = tau / half;
      let v = 0;
      if (u > -1 && u < 1) {
        const x = 2 * cutoff * tau;
        const sinc = x === 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
        v = 2 * cutoff * sinc * (besselI0(beta * Math.sqrt(1 - u * u)) / i0beta);
      }
      row[k] = v;
      sum += v;
    }
    // Unit DC gain in every phase, so the phase pattern cannot modulate level.
    for (let k = 0; k < taps; k++) coeffs[r * taps + k] = row[k] / sum;
  }
  const rowOffset = new Int32Array(up);
  for (let p = 0; p < up; p++) {
    // Rounding a phase up to `rows` would mean the next input sample, which a
    // row cannot express: such phases keep the last row.
    const r = rows === up ? p : Math.min(Math.round((p * rows) / up), rows - 1);
    rowOffset[p] = r * taps;
  }
  return { from, to, up, down, half, taps, coeffs, rowOffset };
}
