/**
 * A simple room: the direct sound, then a diffuse tail of seeded Gaussian
 * noise whose envelope falls 60 dB over RT60 seconds (amplitude
 * 10^(−3t/RT60)), starting after a short pre-delay. The tail's energy is set
 * by the direct-to-reverberant ratio. Output keeps the input's RMS.
 */
import { convolve } from './fft.js';
import { gaussian, meanPower } from './noise.js';
import type { Rng } from './noise.js';

export interface ReverbOptions {
  rt60: number;
  /** Direct-to-reverberant energy ratio, dB; default 0 (a mid-sized, fairly live room). */
  drrDb?: number;
  /** Gap between direct sound and tail, ms; default 5. */
  preDelayMs?: number;
}

export function reverbImpulse(sampleRate: number, opts: ReverbOptions, rng: Rng): Float32Array {
  const { rt60 } = opts;
  const pre = Math.round(((opts.preDelayMs ?? 5) * sampleRate) / 1000);
  const tailLen = Math.round(rt60 * 1.2 * sampleRate);
  const h = new Float32Array(1 + pre + tailLen);
  h[0] = 1;
  const g = gaussian(rng);
  let tailEnergy = 0;
  for (let i = 0; i < tailLen; i++) {
    const t = i / sampleRate;
    const v = g() * 10 ** ((-3 * t) / rt60);
    h[1 + pre + i] = v;
    tailEnergy += v * v;
  }
  const want = 10 ** (-(opts.drrDb ?? 0) / 10);
  const k = tailEnergy > 0 ? Math.sqrt(want / tailEnergy) : 0;
  for (let i = 1 + pre; i < h.length; i++) h[i] *= k;
  return h;
}

/** Reverberated `x`, same length (the tail past the end is cut, as a recording would stop). */
export function reverb(
  x: Float32Array,
  sampleRate: number,
  opts: ReverbOptions,
  rng: Rng,
): Float32Array {
  const h = reverbImpulse(sampleRate, opts, rng);
  const wet = convolve(x, h).subarray(0, x.length);
  const p0 = meanPower(x);
  const p1 = meanPower(wet);
  const g = p1 > 0 ? Math.sqrt(p0 / p1) : 1;
  const out = new Float32Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = wet[i] * g;
  return out;
}
