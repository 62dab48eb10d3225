/** Test helpers for measuring tones: an FFT and a few readings on top of it. */

export function sine(freq: number, rate: number, n: number, amp = 0.5, phase = 0): Float32Array {
  const x = new Float32Array(n);
  for (let i = 0; i < n; i++) x[i] = amp * Math.sin((2 * Math.PI * freq * i) / rate + phase);
  return x;
}

/** In-place radix-2 FFT; length must be a power of two. */
function fft(re: Float64Array, im: Float64Array): void {
  const n = re.length;
  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      [re[i], re[j]] = [re[j], re[i]];
      [im[i], im[j]] = [im[j], im[i]];
    }
  }
  for (let len = 2; len <= n; len <<= 1) {
    const ang = (-2 * Math.PI) / len;
    for (let i = 0; i < n; i += len) {
      for (let k = 0; k < len / 2; k++) {
        const wr = Math.cos(ang * k);
        const wi = Math.sin(ang * k);
        const a = i + k;
        const b = a + len / 2;
        const xr = re[b] * wr - im[b] * wi;
        const xi = re[b] * wi + im[b] * wr;
        re[b] = re[a] - xr;
        im[b] = im[a] - xi;
        re[a] += xr;
        im[a] += xi;
      }
    }
  }
}

/**
 * Power spectrum (bins 0..n/2) of `n` samples from `start`, under a 4-term
 * Blackman-Harris window (side lobes near −92 dB), so leakage from a strong
 * tone cannot hide or fake a component 60-80 dB down.
 */
export function powerSpectrum(x: Float32Array, start: number, n: number): Float64Array {
  const re = new Float64Array(n);
  const im = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const t = (2 * Math.PI * i) / (n - 1);
    const w =
      0.35875 - 0.48829 * Math.cos(t) + 0.14128 * Math.cos(2 * t) - 0.01168 * Math.cos(3 * t);
    re[i] = x[start + i] * w;
  }
  fft(re, im);
  const p = new Float64Array(n / 2 + 1);
  for (let k = 0; k <= n / 2; k++) p[k] = re[k] * re[k] + im[k] * im[k];
  return p;
}

/** Frequency of the strongest bin, refined by parabolic interpolation on log power. */
export function peakFrequency(p: Float64Array, rate: number, n: number): number {
  let best = 1;
  for (let k = 2; k < p.length - 1; k++) if (p[k] > p[best]) best = k;
  const a = Math.log(p[best - 1] + 1e-300);
  const b = Math.log(p[best]);
  const c = Math.log(p[best + 1] + 1e-300);
  const delta = (0.5 * (a - c)) / (a - 2 * b + c);
  return ((best + delta) * rate) / n;
}

/**
 * Power within ±halfWidthHz of `freq` versus everywhere else above `floorHz`,
 * in dB: how far the strongest spurious content sits below the tone.
 */
export function spuriousDb(
  p: Float64Array,
  rate: number,
  n: number,
  freq: number,
  halfWidthHz: number,
  floorHz = 20,
): number {
  const binHz = rate / n;
  let tone = 0;
  let worst = 0;
  // Sum power in bands of the main-lobe width so a spur is measured like the tone.
  const lobe = Math.max(1, Math.round(halfWidthHz / binHz));
  for (let k = 0; k < p.length; k++) {
    const f = k * binHz;
    if (Math.abs(f - freq) <= halfWidthHz) tone += p[k];
  }
  for (let k = Math.ceil(floorHz / binHz); k + 2 * lobe < p.length; k++) {
    const centre = (k + lobe) * binHz;
    if (Math.abs(centre - freq) <= 2 * halfWidthHz) continue;
    let band = 0;
    for (let j = k; j <= k + 2 * lobe; j++) band += p[j];
    if (band > worst) worst = band;
  }
  return 10 * Math.log10(worst / tone);
}

export function rms(x: Float32Array, start = 0, end = x.length): number {
  let s = 0;
  for (let i = start; i < end; i++) s += x[i] * x[i];
  return Math.sqrt(s / Math.max(1, end - start));
}
