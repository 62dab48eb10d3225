import { describe, expect, it } from 'vitest';
import {
  NEMO_MEL_DEFAULTS,
  logMelFeatures,
  melFrames,
  slaneyMelFilters,
} from '../../../native/asr/nemo-mel.js';
import { featureTestSignal, nemoFeatureGolden } from './ctc-fixtures.js';

describe('NeMo log-mel front end', () => {
  it('matches the features PyTorch/torchaudio compute (nemo_ctc_tiny golden) within 1e-3', () => {
    const g = nemoFeatureGolden();
    const f = logMelFeatures(featureTestSignal(g.input.samples), NEMO_MEL_DEFAULTS);
    expect([1, NEMO_MEL_DEFAULTS.nMels, f.frames]).toEqual(g.dims);
    expect(f.data.length).toBe(g.values.length);
    let worst = 0;
    for (let i = 0; i < g.values.length; i++)
      worst = Math.max(worst, Math.abs(f.data[i] - g.values[i]));
    expect(worst).toBeLessThanOrEqual(g.tolerance.abs);
  });

  it('has 1 + floor(n / hop) frames (centred STFT)', () => {
    expect(melFrames(0, 160)).toBe(0);
    expect(melFrames(159, 160)).toBe(1);
    expect(melFrames(160, 160)).toBe(2);
    expect(melFrames(16000, 160)).toBe(101);
    const f = logMelFeatures(featureTestSignal(1000));
    expect(f.frames).toBe(7);
    expect(f.data.length).toBe(80 * 7);
  });

  it('an odd frame count (the last FFT carries one frame) matches the same frame computed in a pair', () => {
    // Zeros after sample 3000, so frames 0–20 see the same samples in both.
    const a = new Float32Array(3200);
    const b = new Float32Array(3360);
    a.set(featureTestSignal(3000));
    b.set(featureTestSignal(3000));
    const raw = { ...NEMO_MEL_DEFAULTS, normalize: 'none' as const };
    const fa = logMelFeatures(a, raw);
    const fb = logMelFeatures(b, raw);
    expect([fa.frames, fb.frames]).toEqual([21, 22]);
    for (let m = 0; m < 80; m++) {
      for (const t of [19, 20]) expect(fa.data[m * 21 + t]).toBeCloseTo(fb.data[m * 22 + t], 4);
    }
  });

  it('per-feature normalisation leaves each mel bin with mean 0 and unbiased std ≈ 1', () => {
    const f = logMelFeatures(featureTestSignal(8000));
    for (const m of [0, 40, 79]) {
      const row = f.data.subarray(m * f.frames, (m + 1) * f.frames);
      const mean = row.reduce((s, v) => s + v, 0) / f.frames;
      const sd = Math.sqrt(row.reduce((s, v) => s + (v - mean) ** 2, 0) / (f.frames - 1));
      expect(Math.abs(mean)).toBeLessThan(1e-5);
      expect(sd).toBeCloseTo(1, 3);
    }
  });

  it('Slaney filters: 80 triangles over 0–8 kHz, each with area-normalised peak 2 / width', () => {
    const filters = slaneyMelFilters(NEMO_MEL_DEFAULTS);
    expect(filters).toHaveLength(80);
    expect(filters[0].start).toBe(1);
    const last = filters[79];
    expect(last.start + last.weights.length - 1).toBeLessThanOrEqual(256);
    for (const f of filters) expect(f.weights.length).toBeGreaterThan(0);
  });
});
