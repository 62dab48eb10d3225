/**
 * Bytes before the samples in the cached 16 kHz mono WAV, which audio-prepare
 * writes as 32-bit float (RIFF, an 18-byte fmt chunk, a fact chunk, data).
 */
export const WAV16K_HEADER_BYTES = 58;
const BYTES_PER_SAMPLE = 4;
export const SPECTRO_RATE = 16_000;
/** Longer windows are not fetched: zoom in to see the spectrogram. */
export const MAX_WINDOW_SEC = 60;

/** The byte range of the cached 16 kHz WAV that holds [start, end) seconds. */
export function sampleRange(start: number, end: number): { from: number; to: number } {
  const s0 = Math.max(0, Math.floor(start * SPECTRO_RATE));
  const s1 = Math.max(s0 + 1, Math.ceil(end * SPECTRO_RATE));
  return {
    from: WAV16K_HEADER_BYTES + BYTES_PER_SAMPLE * s0,
    to: WAV16K_HEADER_BYTES + BYTES_PER_SAMPLE * s1 - 1,
  };
}

export function float32Samples(bytes: ArrayBuffer): Float32Array {
  const n = Math.floor(bytes.byteLength / BYTES_PER_SAMPLE);
  const v = new DataView(bytes, 0, n * BYTES_PER_SAMPLE);
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = v.getFloat32(i * BYTES_PER_SAMPLE, true);
  return out;
}

/**
 * In-place iterative radix-2 FFT, then |X[k]|² for k ≤ n/2 into `out` (the
 * renderer may not import the engine's FFT, and one visible window needs at
 * most a few hundred frames).
 */
function powerSpectrum(re: Float64Array, im: Float64Array, out: Float64Array): void {
  const n = re.length;
  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      [re[i], re[j]] = [re[j], re[i]];
      [im[i], im[j]] = [im[j], im[i]];
    }
  }
  for (let len = 2; len <= n; len <<= 1) {
    const ang = (-2 * Math.PI) / len;
    const wr = Math.cos(ang);
    const wi = Math.sin(ang);
    for (let i = 0; i < n; i += len) {
      let cr = 1;
      let ci = 0;
      for (let k = 0; k < len / 2; k++) {
        const a = i + k;
        const b = a + len / 2;
        const tr = re[b] * cr - im[b] * ci;
        const ti = re[b] * ci + im[b] * cr;
        re[b] = re[a] - tr;
        im[b] = im[a] - ti;
        re[a] += tr;
        im[a] += ti;
        const nr = cr * wr - ci * wi;
        ci = cr * wi + ci * wr;
        cr = nr;
      }
    }
  }
  for (let k = 0; k < out.length; k++) out[k] = re[k] * re[k] + im[k] * im[k];
}

export interface Spectrogram {
  columns: number;
  bins: number;
  /** Column-major dB values (column c, bin b at c·bins + b), floored at −100. */
  db: Float32Array;
}

/**
 * Short-time power spectrum of the visible samples only, one Hann-windowed
 * frame per column (frames spread evenly over the window, so the cost does
 * not grow with the zoom level).
 */
export function stft(samples: Float32Array, columns: number, fftSize = 512): Spectrogram {
  if (fftSize < 4 || (fftSize & (fftSize - 1)) !== 0)
    throw new Error(`FFT size ${fftSize} is not a power of two`);
  const bins = fftSize / 2 + 1;
  const cols = Math.max(1, Math.floor(columns));
  const db = new Float32Array(cols * bins).fill(-100);
  const hann = Float64Array.from(
    { length: fftSize },
    (_, i) => 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / fftSize),
  );
  const frame = new Float64Array(fftSize);
  const imag = new Float64Array(fftSize);
  const power = new Float64Array(bins);
  const span = Math.max(0, samples.length - fftSize);
  for (let c = 0; c < cols; c++) {
    const at = cols === 1 ? 0 : Math.round((span * c) / (cols - 1));
    for (let i = 0; i < fftSize; i++) frame[i] = (samples[at + i] ?? 0) * hann[i];
    imag.fill(0);
    powerSpectrum(frame, imag, power);
    for (let b = 0; b < bins; b++)
      db[c * bins + b] = power[b] > 1e-10 ? Math.max(-100, 10 * Math.log10(power[b])) : -100;
  }
  return { columns: cols, bins, db };
}

/** dB to a dark-blue → yellow ramp over the top `range` dB of the window, as RGBA rows. */
export function paint(
  s: Spectrogram,
  height: number,
  range = 80,
): { width: number; height: number; data: Uint8ClampedArray<ArrayBuffer> } {
  const img = { width: s.columns, height, data: new Uint8ClampedArray(s.columns * height * 4) };
  let top = -100;
  for (const v of s.db) if (v > top) top = v;
  for (let y = 0; y < height; y++) {
    const b = Math.min(s.bins - 1, Math.floor(((height - 1 - y) / height) * s.bins));
    for (let c = 0; c < s.columns; c++) {
      const t = Math.max(0, Math.min(1, (s.db[c * s.bins + b] - (top - range)) / range));
      const o = (y * s.columns + c) * 4;
      img.data[o] = Math.round(255 * t * t);
      img.data[o + 1] = Math.round(220 * t);
      img.data[o + 2] = Math.round(90 + 60 * (1 - t));
      img.data[o + 3] = 255;
    }
  }
  return img;
}
