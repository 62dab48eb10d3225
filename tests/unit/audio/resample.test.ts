import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mixToMono } from '../../../native/audio/mix.js';
import { Resampler, kernelKind, outputLength, resample } from '../../../native/audio/resample.js';
import { filterBankFor } from '../../../native/audio/resample-filter.js';
import { jsKernel, wasmKernel } from '../../../native/audio/resample-kernel.js';
import { peakFrequency, powerSpectrum, rms, sine, spuriousDb } from './spectrum.js';

const N = 16384; // analysis length at 16 kHz: ~1 s, 0.98 Hz bins

function analyse(y: Float32Array): Float64Array {
  // Skip the filter's start-up so the window sees steady state.
  return powerSpectrum(y, Math.floor((y.length - N) / 2), N);
}

function concat(parts: Float32Array[]): Float32Array {
  const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** Index of the first differing sample, or -1 (faster than a deep toEqual on long arrays). */
function firstDifference(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length) return Math.min(a.length, b.length);
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return i;
  return -1;
}

function streamed(x: Float32Array, from: number, to: number, sizes: number[]): Float32Array {
  const r = new Resampler(from, to);
  const parts: Float32Array[] = [];
  let pos = 0;
  for (let k = 0; pos < x.length; k++) {
    const size = sizes[k % sizes.length];
    parts.push(r.process(x.subarray(pos, pos + size)));
    pos += size;
  }
  parts.push(r.flush());
  return concat(parts);
}

describe('resample to 16 kHz keeps the tone and nothing else', () => {
  it('8 kHz mono: 1 kHz stays 1 kHz; images of a 3.9 kHz tone are below −60 dB', () => {
    for (const f of [1000, 3000, 3900]) {
      const y = resample(sine(f, 8000, 8000 * 2.5), 8000, 16000);
      expect(y.length).toBe(40000);
      const p = analyse(y);
      expect(Math.abs(peakFrequency(p, 16000, N) - f)).toBeLessThan(0.5);
      // The image of f sits at 8000 − f (4.1 kHz for 3.9 kHz).
      expect(spuriousDb(p, 16000, N, f, 12)).toBeLessThan(-60);
    }
  });

  it('48 kHz stereo → 16 kHz mono: in-band tones keep frequency and level', () => {
    for (const f of [440, 3000, 7000]) {
      const left = sine(f, 48000, 48000 * 2, 0.5);
      const right = sine(f, 48000, 48000 * 2, 0.5, 0.3);
      const y = resample(mixToMono([left, right]), 48000, 16000);
      expect(y.length).toBe(32000);
      const p = analyse(y);
      expect(Math.abs(peakFrequency(p, 16000, N) - f)).toBeLessThan(0.5);
      expect(spuriousDb(p, 16000, N, f, 12)).toBeLessThan(-60);
      // Passband reaches 0.9 × 8 kHz with a flat gain.
      const expected = rms(mixToMono([left, right]), 4800, 91200);
      expect(Math.abs(20 * Math.log10(rms(y, 1600, 30400) / expected))).toBeLessThan(0.01);
    }
  });

  it('48 kHz: tones above 8 kHz (8.1, 10, 15.9, 20, 23.9 kHz) leave less than −60 dB', () => {
    for (const f of [8100, 10000, 15900, 20000, 23900]) {
      const x = sine(f, 48000, 48000 * 2, 0.9);
      const y = resample(x, 48000, 16000);
      const attenuation = 20 * Math.log10(rms(y, 1600, 30400) / rms(x));
      expect(attenuation, `${f} Hz`).toBeLessThan(-60);
    }
  });

  it('44.1 and 22.05 kHz → 16 kHz: frequency preserved, aliases below −60 dB', () => {
    for (const from of [44100, 22050]) {
      const y = resample(sine(1234, from, from * 2), from, 16000);
      expect(y.length).toBe(32000);
      const p = analyse(y);
      expect(Math.abs(peakFrequency(p, 16000, N) - 1234)).toBeLessThan(0.5);
      expect(spuriousDb(p, 16000, N, 1234, 12)).toBeLessThan(-60);
      const alias = resample(sine(9000, from, from * 2, 0.9), from, 16000);
      expect(20 * Math.log10(rms(alias, 1600, 30400) / 0.9 / Math.SQRT1_2)).toBeLessThan(-60);
    }
  });

  it('a zero-crossing count agrees with the DFT (independent check of pitch)', () => {
    const y = resample(sine(500, 44100, 44100 * 2), 44100, 16000);
    let crossings = 0;
    for (let i = 1601; i < 30400; i++) if (y[i - 1] < 0 !== y[i] < 0) crossings++;
    const seconds = (30400 - 1601) / 16000;
    expect(crossings / 2 / seconds).toBeGreaterThan(498);
    expect(crossings / 2 / seconds).toBeLessThan(502);
  });

  it('keeps DC at unit gain and a same-rate call copies', () => {
    const y = resample(new Float32Array(4800).fill(0.25), 48000, 16000);
    expect(Math.abs(y[800] - 0.25)).toBeLessThan(1e-6);
    const x = sine(100, 16000, 100);
    const same = resample(x, 16000, 16000);
    expect(same).toEqual(x);
    expect(same).not.toBe(x);
  });

  it('rejects non-integer or non-positive rates', () => {
    expect(() => resample(new Float32Array(4), 44100.5, 16000)).toThrow(RangeError);
    expect(() => new Resampler(0, 16000)).toThrow(RangeError);
    // A pair needing a filter table of hundreds of MB is refused, not attempted.
    expect(() => resample(new Float32Array(4), 9_999_991, 16000)).toThrow(RangeError);
  });
});

describe('Resampler (streaming)', () => {
  it('gives bit-identical output to one-shot for any chunking', () => {
    const x = sine(700, 44100, 20000);
    for (let i = 0; i < x.length; i += 97) x[i] += 0.3; // something broadband too
    fc.assert(
      fc.property(
        fc.constantFrom<[number, number]>(
          [48000, 16000],
          [44100, 16000],
          [8000, 16000],
          [22050, 16000],
          [16000, 44100],
        ),
        fc.array(fc.integer({ min: 1, max: 5000 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 0, max: 20000 }),
        ([from, to], sizes, len) => {
          const input = x.subarray(0, len);
          const a = resample(input, from, to);
          const b = streamed(input, from, to, sizes);
          expect(b.length).toBe(a.length);
          expect(firstDifference(a, b)).toBe(-1);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('is reusable after flush and handles empty chunks', () => {
    const r = new Resampler(48000, 16000);
    const x = sine(300, 48000, 4800);
    const first = concat([r.process(new Float32Array(0)), r.process(x), r.flush()]);
    const second = concat([r.process(x), r.process(new Float32Array(0)), r.flush()]);
    expect(second).toEqual(first);
    expect(first).toEqual(resample(x, 48000, 16000));
  });

  it('passes audio through unchanged at equal rates', () => {
    const r = new Resampler(16000, 16000);
    const x = sine(300, 16000, 100);
    expect(concat([r.process(x), r.flush()])).toEqual(x);
  });
});

describe('output length', () => {
  it('is round(n · to / from) for any n and common rate pairs', () => {
    const rates = [8000, 11025, 16000, 22050, 32000, 44100, 48000, 96000];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3000 }),
        fc.constantFrom(...rates),
        fc.constantFrom(...rates),
        (n, from, to) => {
          const expected = Math.round((n * to) / from);
          expect(outputLength(n, from, to)).toBe(expected);
          expect(resample(new Float32Array(n), from, to).length).toBe(expected);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('stays exact for hours-long inputs', () => {
    const n = 2 * 3600 * 44100 + 7;
    expect(outputLength(n, 44100, 16000)).toBe(Math.round((n * 16000) / 44100));
  });
});

describe('kernels', () => {
  it('the WASM SIMD and JavaScript kernels agree to float32 rounding', () => {
    expect(wasmKernel, 'WASM SIMD should be available on Node 20').toBeDefined();
    if (!wasmKernel) return;
    expect(kernelKind).toBe('wasm-simd');
    for (const [from, to] of [
      [48000, 16000],
      [44100, 16000],
      [8000, 16000],
    ]) {
      const bank = filterBankFor(from, to);
      const x = sine(1111, from, 40000, 0.7);
      const n = outputLength(x.length, from, to);
      const a = new Float32Array(n);
      const b = new Float32Array(n);
      const endA = jsKernel(bank, x, 0, a, 0, n, 0, 0);
      const endB = wasmKernel(bank, x, 0, b, 0, n, 0, 0);
      expect(endB).toEqual(endA);
      let worst = 0;
      for (let k = 0; k < n; k++) worst = Math.max(worst, Math.abs(a[k] - b[k]));
      expect(worst).toBeLessThan(1e-6);
    }
  });

  it('each kernel gives the same output when a run is split in two', () => {
    const kernels = [jsKernel, ...(wasmKernel ? [wasmKernel] : [])];
    fc.assert(
      fc.property(
        fc.constantFrom<[number, number]>([48000, 16000], [44100, 16000], [8000, 16000]),
        fc.integer({ min: 0, max: 40000 }),
        ([from, to], cut) => {
          const bank = filterBankFor(from, to);
          const x = sine(321, from, 30000, 0.6);
          const n = outputLength(x.length, from, to);
          const k = Math.min(cut, n);
          for (const kernel of kernels) {
            const whole = new Float32Array(n);
            kernel(bank, x, 0, whole, 0, n, 0, 0);
            const parts = new Float32Array(n);
            const mid = kernel(bank, x, 0, parts, 0, k, 0, 0);
            kernel(bank, x, 0, parts, k, n - k, mid.i, mid.p);
            expect(firstDifference(whole, parts)).toBe(-1);
          }
        },
      ),
      { numRuns: 20 },
    );
  });
});
