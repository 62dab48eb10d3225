/**
 * Synthetic noise for additive augmentation, all from a seeded PRNG so a
 * chain replays bit for bit: white, pink (−3 dB/octave, Paul Kellet's
 * filter), brown (−6 dB/octave, leaky integrator) and babble (the speech
 * itself cut into 100–400 ms pieces at seeded places, several layers summed:
 * speech-shaped and unintelligible, with no noise files to ship).
 */

export type NoiseKind = 'white' | 'pink' | 'brown' | 'babble';
export type Rng = () => number;

/** Standard normal deviates (Box–Muller). */
export function gaussian(rng: Rng): () => number {
  let spare: number | undefined;
  return () => {
    if (spare !== undefined) {
      const s = spare;
      spare = undefined;
      return s;
    }
    const u = 1 - rng();
    const v = rng();
    const r = Math.sqrt(-2 * Math.log(u));
    spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  };
}

export function makeNoise(
  kind: NoiseKind,
  n: number,
  rng: Rng,
  speech?: Float32Array,
  sampleRate = 16000,
): Float32Array {
  const g = gaussian(rng);
  const out = new Float32Array(n);
  switch (kind) {
    case 'white':
      for (let i = 0; i < n; i++) out[i] = g();
      break;
    case 'pink': {
      let b0 = 0,
        b1 = 0,
        b2 = 0,
        b3 = 0,
        b4 = 0,
        b5 = 0,
        b6 = 0;
      for (let i = 0; i < n; i++) {
        const w = g();
        b0 = 0.99886 * b0 + w * 0.0555179;
        b1 = 0.99332 * b1 + w * 0.0750759;
        b2 = 0.969 * b2 + w * 0.153852;
        b3 = 0.8665 * b3 + w * 0.3104856;
        b4 = 0.55 * b4 + w * 0.5329522;
        b5 = -0.7616 * b5 - w * 0.016898;
        out[i] = b0 + b1 + b2 + b3 + b4 + b5 + b6 + w * 0.5362;
        b6 = w * 0.115926;
      }
      break;
    }
    case 'brown': {
      let y = 0;
      for (let i = 0; i < n; i++) {
        y = 0.998 * y + 0.05 * g();
        out[i] = y;
      }
      break;
    }
    case 'babble':
      babble(out, rng, speech, sampleRate);
      break;
  }
  removeDc(out);
  return out;
}

function babble(out: Float32Array, rng: Rng, speech: Float32Array | undefined, rate: number): void {
  if (!speech || speech.length < rate * 0.2) {
    // Too little speech to cut up: speech-shaped noise is the nearest thing.
    out.set(makeNoise('pink', out.length, rng));
    return;
  }
  const layers = 6;
  for (let layer = 0; layer < layers; layer++) {
    let at = 0;
    while (at < out.length) {
      const len = Math.round(rate * (0.1 + 0.3 * rng()));
      const from = Math.floor(rng() * Math.max(1, speech.length - len));
      const fade = Math.min(Math.round(rate * 0.01), len >> 1);
      for (let k = 0; k < len && at + k < out.length; k++) {
        const w = Math.min(1, k / fade, (len - 1 - k) / fade);
        out[at + k] += w * (speech[from + k] ?? 0);
      }
      at += len;
    }
  }
}

function removeDc(x: Float32Array): void {
  let mean = 0;
  for (let i = 0; i < x.length; i++) mean += x[i];
  mean /= x.length || 1;
  for (let i = 0; i < x.length; i++) x[i] -= mean;
}

export function meanPower(x: Float32Array): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i] * x[i];
  return x.length > 0 ? s / x.length : 0;
}

/**
 * Adds `kind` noise at `snrDb`: signal and noise powers are taken over the
 * whole utterance (pauses included), as most augmentation tools define it,
 * and the noise is scaled so the ratio is exact before float rounding.
 */
export function addNoise(
  x: Float32Array,
  sampleRate: number,
  snrDb: number,
  kind: NoiseKind,
  rng: Rng,
): Float32Array {
  const ps = meanPower(x);
  if (ps === 0) return x.slice();
  const noise = makeNoise(kind, x.length, rng, x, sampleRate);
  const pn = meanPower(noise);
  const gain = pn > 0 ? Math.sqrt(ps / (pn * 10 ** (snrDb / 10))) : 0;
  const y = new Float32Array(x.length);
  for (let i = 0; i < x.length; i++) y[i] = x[i] + gain * noise[i];
  return y;
}
