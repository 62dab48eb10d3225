/** n-gram counters as sacrebleu's `Counter`s, keyed by the n-gram's text. */

export type Counts = Map<string, number>;

export function countOf(items: readonly string[]): Counts {
  const c: Counts = new Map();
  for (const k of items) c.set(k, (c.get(k) ?? 0) + 1);
  return c;
}

/**
 * Word n-grams of order `n`, joined by a space: sacrebleu's tokens never hold
 * whitespace, so the joined key is as unambiguous as its tuple.
 */
export function wordNgrams(tokens: readonly string[], n: number): Counts {
  const c: Counts = new Map();
  for (let i = 0; i + n <= tokens.length; i++) {
    const k = n === 1 ? tokens[i] : tokens.slice(i, i + n).join(' ');
    c.set(k, (c.get(k) ?? 0) + 1);
  }
  return c;
}

/**
 * Character n-grams of order `n` over code points (Python `str` slicing);
 * `at` is `codePointOffsets(line)`.
 */
export function charNgrams(line: string, at: Int32Array, n: number): Counts {
  const c: Counts = new Map();
  const len = at.length - 1;
  for (let i = 0; i + n <= len; i++) {
    const k = line.slice(at[i], at[i + n]);
    c.set(k, (c.get(k) ?? 0) + 1);
  }
  return c;
}

export function total(c: Counts): number {
  let s = 0;
  for (const v of c.values()) s += v;
  return s;
}

/** Σ min(hyp, ref) over the hypothesis n-grams: the clipped matches. */
export function clippedMatches(hyp: Counts, ref: Counts): number {
  let m = 0;
  for (const [k, v] of hyp) {
    const r = ref.get(k);
    if (r !== undefined) m += Math.min(v, r);
  }
  return m;
}

/** Element-wise sum of per-sentence statistics, over all rows or the drawn indices. */
export function sumStats(
  rows: readonly (readonly number[])[],
  indices?: ArrayLike<number>,
): number[] {
  const width = rows.length > 0 ? rows[0].length : 0;
  const out = new Array<number>(width).fill(0);
  const n = indices ? indices.length : rows.length;
  for (let k = 0; k < n; k++) {
    const r = rows[indices ? indices[k] : k];
    for (let i = 0; i < width; i++) out[i] += r[i];
  }
  return out;
}
