import { mulberry32 } from '../metrics/bootstrap.js';

/**
 * Seeded randomness for the corpus generator. Every row gets its own
 * mulberry32 stream derived from (seed, index, attempt), so a row does not
 * depend on how many numbers earlier rows drew, and output is identical on
 * any machine (no Math.random, no Date, no locale).
 */

/** FNV-1a over UTF-16 code units: a stable 32-bit hash for seeds and partitions. */
export function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export interface Rng {
  /** The 32-bit seed this stream started from (recorded on the row). */
  readonly seed: number;
  next(): number;
  /** Integer in [lo, hi], both inclusive. */
  int(lo: number, hi: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
  /** `n` random decimal digits as a string. */
  digits(n: number): string;
}

export function makeRng(seed: number): Rng {
  const next = mulberry32(seed);
  const int = (lo: number, hi: number): number => lo + Math.floor(next() * (hi - lo + 1));
  return {
    seed,
    next,
    int,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error('generate: pick from an empty list');
      return items[int(0, items.length - 1)];
    },
    chance: (p: number) => next() < p,
    digits: (n: number) => {
      let s = '';
      for (let i = 0; i < n; i++) s += String(int(0, 9));
      return s;
    },
  };
}

export function rowSeed(seed: number, index: number, attempt: number): number {
  return hash32(`charkha-gen:${seed}:${index}:${attempt}`);
}
