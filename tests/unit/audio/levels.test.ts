import { describe, expect, it } from 'vitest';
import { SILENCE_DBFS, measureLevels } from '../../../native/audio/levels.js';
import { mixToMono } from '../../../native/audio/mix.js';
import { sine } from './spectrum.js';

describe('measureLevels', () => {
  it('reads a half-scale sine as −9.03 dB RMS and −6.02 dB peak', () => {
    const l = measureLevels(sine(1000, 16000, 16000, 0.5, Math.PI / 2), 16000);
    expect(l.rmsDbfs).toBeCloseTo(-9.03, 2);
    expect(l.peakDbfs).toBeCloseTo(-6.02, 2);
    expect(l.clippedSamples).toBe(0);
    expect(Math.abs(l.dcOffset)).toBeLessThan(1e-6);
    expect(l.silenceShare).toBe(0);
  });

  it('counts clipped samples at the 16-bit ceiling and beyond, on every channel', () => {
    const a = Float32Array.from([1, -1, 32767 / 32768, 32766 / 32768, 0]);
    const b = Float32Array.from([1.5, 0, 0, 0, 0]);
    expect(measureLevels([a, b], 8000).clippedSamples).toBe(4);
    expect(measureLevels([a, b], 8000, { clipThreshold: 0.5 }).clippedSamples).toBe(5);
  });

  it('measures DC offset', () => {
    const x = sine(440, 8000, 8000).map((v) => v + 0.1);
    expect(measureLevels(x, 8000).dcOffset).toBeCloseTo(0.1, 4);
  });

  it('reports the share of silent 50 ms windows', () => {
    const x = new Float32Array(16000); // 1 s: 20 windows
    x.set(sine(300, 16000, 4000, 0.3), 8000); // windows 10-14 loud
    const l = measureLevels(x, 16000);
    expect(l.silenceShare).toBeCloseTo(15 / 20, 6);
    expect(measureLevels(x, 16000, { windowMs: 100 }).silenceShare).toBeCloseTo(7 / 10, 6);
  });

  it('floors digital silence at a finite value so it survives JSON', () => {
    const l = measureLevels([new Float32Array(100), new Float32Array(100)], 8000);
    expect(l.rmsDbfs).toBe(SILENCE_DBFS);
    expect(l.peakDbfs).toBe(SILENCE_DBFS);
    expect(l.silenceShare).toBe(1);
    expect(JSON.parse(JSON.stringify(l))).toEqual(l);
    expect(measureLevels(new Float32Array(0), 8000).silenceShare).toBe(0);
  });
});

describe('mixToMono', () => {
  it('averages channels', () => {
    const a = Float32Array.from([1, 0.5, -1]);
    const b = Float32Array.from([0, 0.5, 1]);
    expect(Array.from(mixToMono([a, b]))).toEqual([0.5, 0.5, 0]);
    const six = Array.from({ length: 6 }, (_, c) => Float32Array.from([c, -c]));
    expect(Array.from(mixToMono(six))).toEqual([2.5, -2.5]);
  });

  it('returns mono input as is and rejects bad shapes', () => {
    const a = Float32Array.from([1, 2]);
    expect(mixToMono([a])).toBe(a);
    expect(() => mixToMono([])).toThrow(RangeError);
    expect(() => mixToMono([a, new Float32Array(3)])).toThrow(RangeError);
  });
});
