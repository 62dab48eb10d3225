import { filterBankFor, gcd } from './resample-filter.js';
import type { FilterBank } from './resample-filter.js';
import { runKernel } from './resample-kernel.js';

export { STOPBAND_DB, PASSBAND } from './resample-filter.js';
export { kernelKind } from './resample-kernel.js';

/**
 * Band-limited sample-rate conversion: polyphase Kaiser-windowed sinc for any
 * integer rate pair (the ratio is reduced by its gcd). The passband reaches
 * 0.9 × the lower Nyquist frequency and the stopband starts at it with a
 * 90 dB design, so aliases and images measure well below −60 dB.
 *
 * Output sample n is the band-limited input evaluated at input time n·from/to,
 * with silence assumed before the first and after the last input sample; the
 * output has round(n·to/from) samples. `Resampler` gives bit-identical output
 * when fed the same samples in chunks of any size.
 */
export function resample(x: Float32Array, from: number, to: number): Float32Array {
  checkRates(from, to);
  if (from === to) return x.slice();
  const bank = filterBankFor(from, to);
  const outLength = outputLength(x.length, from, to);
  const out = new Float32Array(outLength);
  runKernel(bank, x, 0, out, 0, outLength, 0, 0);
  return out;
}

/** round(n · to / from), computed exactly in integers (half rounds up). */
export function outputLength(n: number, from: number, to: number): number {
  const g = gcd(from, to);
  const up = to / g;
  const down = from / g;
  return Math.floor((2 * n * up + down) / (2 * down));
}

/** Streaming form of `resample`, for inputs read and converted piece by piece. */
export class Resampler {
  readonly from: number;
  readonly to: number;
  private readonly bank: FilterBank | undefined;
  private buf: Float32Array;
  /** Valid samples in buf. */
  private len = 0;
  /** Input index of buf[0]. */
  private first = 0;
  /** Input samples received so far. */
  private total = 0;
  /** Next output index, and its position: i = floor(n·down/up), p = n·down mod up. */
  private n = 0;
  private i = 0;
  private p = 0;

  constructor(from: number, to: number) {
    checkRates(from, to);
    this.from = from;
    this.to = to;
    this.bank = from === to ? undefined : filterBankFor(from, to);
    this.buf = new Float32Array(0);
    this.reset();
  }

  /** Forgets all input, ready for a new stream at the same rates. */
  reset(): void {
    this.buf = new Float32Array(Math.max(4096, 4 * (this.bank?.half ?? 0)));
    this.len = 0;
    this.first = 0;
    this.total = 0;
    this.n = 0;
    this.i = 0;
    this.p = 0;
  }

  /** Takes the next chunk of input; returns every output sample it now determines. */
  process(chunk: Float32Array): Float32Array {
    const bank = this.bank;
    if (!bank) return chunk.slice();
    this.append(chunk);
    this.total += chunk.length;
    // Output n is complete once input i_n + half has arrived.
    const ready = this.total - bank.half;
    const available = ready > 0 ? Math.floor((ready * bank.up - 1) / bank.down) + 1 : 0;
    return this.emit(Math.max(0, available - this.n));
  }

  /** Ends the stream: returns the remaining output and resets for reuse. */
  flush(): Float32Array {
    const bank = this.bank;
    if (!bank) return new Float32Array(0);
    const end = outputLength(this.total, this.from, this.to);
    const out = this.emit(Math.max(0, end - this.n));
    this.reset();
    return out;
  }

  private emit(count: number): Float32Array {
    const bank = this.bank as FilterBank;
    const out = new Float32Array(count);
    if (count === 0) return out;
    // The kernel reads silence for indices outside the buffer's valid part:
    // before the first sample and, at flush, after the last.
    const valid = this.buf.subarray(0, this.len);
    const next = runKernel(bank, valid, this.first, out, 0, count, this.i, this.p);
    this.n += count;
    this.i = next.i;
    this.p = next.p;
    // Drop input no later output can reach.
    const keepFrom = Math.min(this.len, this.i - bank.half + 1 - this.first);
    if (keepFrom > 0) {
      this.buf.copyWithin(0, keepFrom, this.len);
      this.len -= keepFrom;
      this.first += keepFrom;
    }
    return out;
  }

  private append(chunk: Float32Array): void {
    const need = this.len + chunk.length;
    if (need > this.buf.length) {
      const grown = new Float32Array(Math.max(need, this.buf.length * 2));
      grown.set(this.buf.subarray(0, this.len));
      this.buf = grown;
    }
    this.buf.set(chunk, this.len);
    this.len = need;
  }
}

function checkRates(from: number, to: number): void {
  for (const r of [from, to]) {
    if (!Number.isInteger(r) || r <= 0 || r > 10_000_000) {
      throw new RangeError(`resample: sample rate must be a positive integer in Hz, got ${r}`);
    }
  }
}
