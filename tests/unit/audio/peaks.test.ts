import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../../native/contract/errors.js';
import {
  computePeaks,
  decodePeaks,
  downsamplePeaks,
  encodePeaks,
} from '../../../native/audio/peaks.js';
import { sine } from './spectrum.js';

describe('computePeaks', () => {
  it('gives min/max per pixel, scaled to ±32767, with a short last pixel', () => {
    const x = Float32Array.from([0, 0.5, -0.25, 1, -1, 0.1, 2, -3, 0.2, 0.3]);
    const p = computePeaks(x, 8000, 4);
    expect(p).toMatchObject({ samplesPerPixel: 4, sampleRate: 8000, length: 3 });
    expect(Array.from(p.data)).toEqual([-8192, 32767, -32767, 32767, 6553, 9830]);
  });

  it('handles empty input', () => {
    const p = computePeaks(new Float32Array(0), 16000, 256);
    expect(p.length).toBe(0);
    expect(p.data.length).toBe(0);
  });

  it('rejects a non-positive or fractional samplesPerPixel', () => {
    expect(() => computePeaks(new Float32Array(4), 8000, 0)).toThrow(RangeError);
    expect(() => computePeaks(new Float32Array(4), 8000, 1.5)).toThrow(RangeError);
  });

  it('downsampling equals computing at the coarser zoom directly', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 1, max: 64 }),
        fc.integer({ min: 1, max: 16 }),
        (n, spp, factor) => {
          const x = sine(123, 8000, n, 0.9);
          const direct = computePeaks(x, 8000, spp * factor);
          const derived = downsamplePeaks(computePeaks(x, 8000, spp), factor);
          expect(derived.samplesPerPixel).toBe(direct.samplesPerPixel);
          expect(derived.length).toBe(direct.length);
          expect(Array.from(derived.data)).toEqual(Array.from(direct.data));
        },
      ),
      { numRuns: 100 },
    );
  });

  it('is quick on 20 minutes of 16 kHz audio', () => {
    const x = new Float32Array(16000 * 1200);
    for (let i = 0; i < x.length; i++) x[i] = ((i * 7919) % 2001) / 1000 - 1;
    const t0 = performance.now();
    const p = computePeaks(x, 16000, 256);
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(p.length).toBe(75000);
    expect(p.data[0]).toBe(-32767);
  });
});

describe('encodePeaks / decodePeaks', () => {
  it('round-trips through the compact little-endian form', () => {
    const p = computePeaks(sine(50, 44100, 10000, 0.8), 44100, 100);
    const bytes = encodePeaks(p);
    expect(bytes.length).toBe(20 + p.length * 4);
    expect(String.fromCharCode(...bytes.subarray(0, 4))).toBe('CHPK');
    const back = decodePeaks(bytes);
    expect(back).toEqual(p);
    // A view at an odd offset inside a larger buffer decodes the same.
    const host = new Uint8Array(bytes.length + 1);
    host.set(bytes, 1);
    expect(decodePeaks(host.subarray(1))).toEqual(p);
  });

  it('refuses foreign, truncated or newer data as a UserError naming the source', () => {
    const bytes = encodePeaks(computePeaks(sine(50, 8000, 1000), 8000, 10));
    const cases: [Uint8Array, RegExp][] = [
      [bytes.subarray(0, 10), /^a\.peaks: too short/],
      [bytes.subarray(0, bytes.length - 2), /^a\.peaks: expected 100 pixels/],
      [
        Uint8Array.from([...bytes.slice(0, 4).reverse(), ...bytes.subarray(4)]),
        /^a\.peaks: not a Charkha peaks file/,
      ],
    ];
    const newer = bytes.slice();
    newer[4] = 9;
    cases.push([newer, /^a\.peaks: unsupported peaks format version 9/]);
    for (const [b, pattern] of cases) {
      expect(() => decodePeaks(b, 'a.peaks')).toThrow(UserError);
      expect(() => decodePeaks(b, 'a.peaks')).toThrow(pattern);
    }
  });
});
