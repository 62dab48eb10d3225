import { describe, expect, it } from 'vitest';
import { RealFftPower } from '../../../native/asr/real-fft.js';

function naivePower(x: Float64Array): Float64Array {
  const n = x.length;
  const out = new Float64Array(n / 2 + 1);
  for (let k = 0; k <= n / 2; k++) {
    let re = 0;
    let im = 0;
    for (let j = 0; j < n; j++) {
      re += x[j] * Math.cos((2 * Math.PI * k * j) / n);
      im -= x[j] * Math.sin((2 * Math.PI * k * j) / n);
    }
    out[k] = re * re + im * im;
  }
  return out;
}

describe('RealFftPower', () => {
  for (const n of [4, 8, 64, 512]) {
    it(`matches a direct DFT for n = ${n}, DC and Nyquist included`, () => {
      const x = Float64Array.from(
        { length: n },
        (_, i) => Math.sin(i * 1.3) + 0.25 * Math.cos(i * 0.2) + 0.1,
      );
      const want = naivePower(x);
      const got = new Float64Array(n / 2 + 1);
      const fft = new RealFftPower(n);
      fft.power(x, got);
      // Twice: the plan's scratch buffers must not leak between calls.
      fft.power(x, got);
      want.forEach((v, k) => expect(got[k]).toBeCloseTo(v, 6));
    });
  }

  it('refuses a size that is not a power of two', () => {
    expect(() => new RealFftPower(400)).toThrow(/power of two/);
  });
});
