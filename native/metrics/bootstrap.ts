/**
 * Bootstrap intervals (spec §3): 1,000 resamples of utterances drawn with
 * mulberry32 seeded with 20261123; the interval is the 2.5th and 97.5th
 * percentiles by nearest rank. Every interval starts a fresh generator from
 * the seed, so a figure's interval does not depend on which others were
 * computed before it.
 */

export const BOOTSTRAP_SEED = 20261123;
export const BOOTSTRAP_RESAMPLES = 1000;

export type Interval = [number, number];

/** The standard JavaScript mulberry32: uniform floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Nearest-rank percentile of ascending `sorted`: the value at rank ⌈p/100 · N⌉ (1-based). */
export function nearestRank(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) throw new Error('nearestRank of an empty sample');
  const rank = Math.min(n, Math.max(1, Math.ceil((p / 100) * n)));
  return sorted[rank - 1];
}

export interface BootstrapOptions {
  seed?: number;
  resamples?: number;
}

/**
 * The resampled statistic for each of the resamples: `stat` receives the
 * drawn indices (with replacement, `n` of them).
 */
export function bootstrapSamples(
  n: number,
  stat: (indices: Int32Array) => number,
  opts: BootstrapOptions = {},
): Float64Array {
  const resamples = opts.resamples ?? BOOTSTRAP_RESAMPLES;
  const rng = mulberry32(opts.seed ?? BOOTSTRAP_SEED);
  const out = new Float64Array(resamples);
  const idx = new Int32Array(n);
  for (let b = 0; b < resamples; b++) {
    for (let k = 0; k < n; k++) idx[k] = Math.floor(rng() * n);
    out[b] = stat(idx);
  }
  return out;
}

/** 95% interval of a resampled statistic; null when there is nothing to resample. */
export function percentileInterval(samples: Float64Array): Interval {
  const s = Float64Array.from(samples).sort();
  return [nearestRank(s, 2.5), nearestRank(s, 97.5)];
}

/**
 * Interval of Σ num / Σ den over utterances (EHR, WER…). Utterances with
 * den 0 carry no information on the ratio and are left out of the draw, so
 * that no resample has an empty denominator.
 */
export function bootstrapRatio(
  num: ArrayLike<number>,
  den: ArrayLike<number>,
  opts: BootstrapOptions = {},
): Interval | null {
  const keep: number[] = [];
  for (let i = 0; i < den.length; i++) if (den[i] > 0) keep.push(i);
  if (keep.length === 0) return null;
  const a = Float64Array.from(keep, (i) => num[i]);
  const b = Float64Array.from(keep, (i) => den[i]);
  const samples = bootstrapSamples(
    keep.length,
    (idx) => {
      let sn = 0;
      let sd = 0;
      for (let k = 0; k < idx.length; k++) {
        sn += a[idx[k]];
        sd += b[idx[k]];
      }
      return sn / sd;
    },
    opts,
  );
  return percentileInterval(samples);
}

export interface PairedComparison {
  /** Point difference A − B of the two ratios. */
  difference: number;
  ci95: Interval;
}

/**
 * Paired bootstrap of two runs on the same utterances: the same resamples
 * for both, the interval of the difference of their ratios. Utterances are
 * kept where either run has a denominator.
 */
export function pairedBootstrapRatio(
  a: { num: ArrayLike<number>; den: ArrayLike<number> },
  b: { num: ArrayLike<number>; den: ArrayLike<number> },
  opts: BootstrapOptions = {},
): PairedComparison | null {
  if (a.num.length !== b.num.length || a.den.length !== b.den.length) {
    throw new Error('paired bootstrap needs the same utterances in both runs');
  }
  const keep: number[] = [];
  for (let i = 0; i < a.den.length; i++) if (a.den[i] > 0 || b.den[i] > 0) keep.push(i);
  if (keep.length === 0) return null;
  const an = Float64Array.from(keep, (i) => a.num[i]);
  const ad = Float64Array.from(keep, (i) => a.den[i]);
  const bn = Float64Array.from(keep, (i) => b.num[i]);
  const bd = Float64Array.from(keep, (i) => b.den[i]);
  const ratio = (n: Float64Array, d: Float64Array, idx?: Int32Array): number => {
    let sn = 0;
    let sd = 0;
    const len = idx ? idx.length : n.length;
    for (let k = 0; k < len; k++) {
      const i = idx ? idx[k] : k;
      sn += n[i];
      sd += d[i];
    }
    return sd === 0 ? 0 : sn / sd;
  };
  const samples = bootstrapSamples(
    keep.length,
    (idx) => ratio(an, ad, idx) - ratio(bn, bd, idx),
    opts,
  );
  return { difference: ratio(an, ad) - ratio(bn, bd), ci95: percentileInterval(samples) };
}
