/**
 * Power spectrum of a real frame, planned once per size: an n-point real FFT
 * done as an n/2-point complex FFT (even samples real, odd imaginary) with
 * precomputed twiddles and bit reversal, then split into the n/2 + 1 bins.
 * The mel front end runs it for every 10 ms of audio, so it avoids the
 * per-call trigonometry and allocation of the general FFT in tts/post/fft.ts.
 */
export class RealFftPower {
  readonly n: number;
  private readonly m: number;
  private readonly rev: Uint32Array;
  /** e^{−2πit/m}, t < m/2. */
  private readonly cos: Float64Array;
  private readonly sin: Float64Array;
  /** e^{−2πik/n}, k ≤ m. */
  private readonly postCos: Float64Array;
  private readonly postSin: Float64Array;
  private readonly re: Float64Array;
  private readonly im: Float64Array;

  constructor(n: number) {
    if (n < 4 || (n & (n - 1)) !== 0) throw new Error(`FFT size ${n} is not a power of two ≥ 4`);
    const m = n / 2;
    this.n = n;
    this.m = m;
    const bits = Math.log2(m);
    this.rev = new Uint32Array(m);
    for (let i = 0; i < m; i++) {
      let r = 0;
      for (let b = 0; b < bits; b++) r |= ((i >> b) & 1) << (bits - 1 - b);
      this.rev[i] = r;
    }
    this.cos = new Float64Array(m / 2);
    this.sin = new Float64Array(m / 2);
    for (let t = 0; t < m / 2; t++) {
      this.cos[t] = Math.cos((2 * Math.PI * t) / m);
      this.sin[t] = -Math.sin((2 * Math.PI * t) / m);
    }
    this.postCos = new Float64Array(m + 1);
    this.postSin = new Float64Array(m + 1);
    for (let k = 0; k <= m; k++) {
      this.postCos[k] = Math.cos((2 * Math.PI * k) / n);
      this.postSin[k] = -Math.sin((2 * Math.PI * k) / n);
    }
    this.re = new Float64Array(m);
    this.im = new Float64Array(m);
  }

  /** |X[k]|² for k = 0 … n/2 of the real frame `x` (length n) into `out` (length n/2 + 1). */
  power(x: Float64Array, out: Float64Array): void {
    const { m, re, im, rev, cos, sin } = this;
    for (let k = 0; k < m; k++) {
      const j = rev[k];
      re[j] = x[2 * k];
      im[j] = x[2 * k + 1];
    }
    for (let size = 2; size <= m; size <<= 1) {
      const half = size >> 1;
      const step = m / size;
      for (let i = 0; i < m; i += size) {
        for (let k = 0, t = 0; k < half; k++, t += step) {
          const a = i + k;
          const b = a + half;
          const wr = cos[t];
          const wi = sin[t];
          const xr = re[b] * wr - im[b] * wi;
          const xi = re[b] * wi + im[b] * wr;
          re[b] = re[a] - xr;
          im[b] = im[a] - xi;
          re[a] += xr;
          im[a] += xi;
        }
      }
    }
    const { postCos, postSin } = this;
    for (let k = 0; k <= m; k++) {
      const k1 = k === m ? 0 : k;
      const k2 = k === 0 ? 0 : m - k;
      const ar = re[k1];
      const ai = im[k1];
      const br = re[k2];
      const bi = -im[k2];
      // X[k] = E + W^k·O with E = (A + B)/2, O = −i(A − B)/2, B = conj(Z[m − k]).
      const er = (ar + br) / 2;
      const ei = (ai + bi) / 2;
      const or = (ai - bi) / 2;
      const oi = (br - ar) / 2;
      const xr = er + or * postCos[k] - oi * postSin[k];
      const xi = ei + or * postSin[k] + oi * postCos[k];
      out[k] = xr * xr + xi * xi;
    }
  }
}
