import { describe, expect, it } from 'vitest';
import {
  BOOTSTRAP_SEED,
  bootstrapRatio,
  mulberry32,
  nearestRank,
  pairedBootstrapRatio,
} from '../../../native/metrics/bootstrap.js';

describe('mulberry32', () => {
  it('is the standard generator', () => {
    // First outputs of the reference JS mulberry32 for seed 1 and seed 0.
    const r = mulberry32(1);
    expect(r()).toBeCloseTo(0.6270739405881613, 15);
    expect(r()).toBeCloseTo(0.002735721180215478, 15);
    expect(r()).toBeCloseTo(0.5274470399599522, 15);
    expect(mulberry32(0)()).toBeCloseTo(0.26642920868471265, 15);
  });

  it('is deterministic for the project seed', () => {
    const a = mulberry32(BOOTSTRAP_SEED);
    const b = mulberry32(BOOTSTRAP_SEED);
    for (let i = 0; i < 100; i++) expect(a()).toBe(b());
  });
});

describe('nearest-rank percentiles', () => {
  it('takes the value at rank ceil(p/100 · N)', () => {
    const s = Array.from({ length: 1000 }, (_, i) => i + 1);
    expect(nearestRank(s, 2.5)).toBe(25);
    expect(nearestRank(s, 97.5)).toBe(975);
    expect(nearestRank([10, 20, 30, 40], 50)).toBe(20);
    expect(nearestRank([10, 20, 30, 40], 51)).toBe(30);
    expect(nearestRank([10, 20, 30], 100)).toBe(30);
    expect(nearestRank([10, 20, 30], 0)).toBe(10);
  });
});

describe('bootstrap intervals', () => {
  const hits = [1, 0, 2, 1, 3, 0, 1, 1, 2, 0];
  const ents = [1, 1, 2, 2, 3, 1, 1, 2, 2, 1];

  it('is reproducible and brackets the point estimate', () => {
    const a = bootstrapRatio(hits, ents);
    const b = bootstrapRatio(hits, ents);
    expect(a).toEqual(b);
    const point = 11 / 16;
    expect(a![0]).toBeLessThanOrEqual(point);
    expect(a![1]).toBeGreaterThanOrEqual(point);
  });

  it('collapses to a point when every utterance agrees', () => {
    expect(bootstrapRatio([1, 1, 1], [1, 1, 1])).toEqual([1, 1]);
    expect(bootstrapRatio([0, 0], [0, 0])).toBeNull();
  });

  it('pairs the resamples of two runs', () => {
    const same = pairedBootstrapRatio({ num: hits, den: ents }, { num: hits, den: ents });
    expect(same).toEqual({ difference: 0, ci95: [0, 0] });
    const better = pairedBootstrapRatio({ num: ents, den: ents }, { num: hits, den: ents })!;
    expect(better.difference).toBeCloseTo(5 / 16, 12);
    expect(better.ci95[0]).toBeGreaterThan(0);
  });
});
