/**
 * Tensor helpers the decoder-step adapters of beam search share (IndicTrans2's
 * and the transformers.js-layout seq2seq one): picking KV-cache rows as beams
 * move, and reading float16 logits.
 */
import { UserError } from '../contract/errors.js';
import type { WireTensor, WireTensors } from '../workers/inference.js';

/** Rows `rows` of a [n, …] tensor, in that order. */
export function gatherRows(t: WireTensor, rows: readonly number[]): WireTensor {
  const data = t.data as Float32Array | BigInt64Array | Uint16Array;
  const width = data.length / t.dims[0];
  const out = new (data.constructor as new (n: number) => typeof data)(rows.length * width);
  rows.forEach((r, i) => out.set(data.subarray(r * width, (r + 1) * width) as never, i * width));
  return { type: t.type, dims: [rows.length, ...t.dims.slice(1)], data: out };
}

/**
 * The next step's `past_key_values.*` feeds from the last step's
 * `present.*` outputs (`cache`, `cacheRows` rows), row i taken from row
 * `parents[i]`. Greedy steps (every row extends the row it was) hand the
 * presents straight back, with no copy.
 */
export function pastFeeds(
  modelId: string,
  pastNames: readonly string[],
  cache: WireTensors,
  cacheRows: number,
  parents: readonly number[],
): WireTensors {
  const inOrder = parents.length === cacheRows && parents.every((p, i) => p === i);
  const feeds: WireTensors = {};
  for (const name of pastNames) {
    const presentName = name.replace('past_key_values.', 'present.');
    const present = cache[presentName];
    if (!present)
      throw new UserError('model_invalid', `${modelId}: the decoder gives no ${presentName}`);
    feeds[name] = inOrder ? present : gatherRows(present, parents);
  }
  return feeds;
}

/** An IEEE half-precision number's value. */
function halfToFloat(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exp = (h >> 10) & 0x1f;
  const frac = h & 0x3ff;
  if (exp === 0) return sign * frac * 2 ** -24;
  if (exp === 31) return frac ? NaN : sign * Infinity;
  return sign * (1 + frac / 1024) * 2 ** (exp - 15);
}

/** The last position's logits of each row of [rows, seq, vocab] logits, as float32. */
export function lastLogits(logits: WireTensor): Float32Array {
  const [rows, seq, vocab] = logits.dims;
  const data =
    logits.type === 'float16'
      ? Float32Array.from(logits.data as Uint16Array, halfToFloat)
      : (logits.data as Float32Array);
  if (seq === 1) return data;
  const last = new Float32Array(rows * vocab);
  for (let r = 0; r < rows; r++)
    last.set(data.subarray((r * seq + seq - 1) * vocab, (r * seq + seq) * vocab), r * vocab);
  return last;
}
