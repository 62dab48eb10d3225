/**
 * Speech-like test recordings with known timing: "utterances" of voiced
 * syllables (harmonics of a wandering f0 under a syllable envelope, with
 * short dips between syllables, as between real ones) separated by pauses,
 * over a steady noise floor. Deterministic for a seed.
 */

export interface Burst {
  /** Seconds. */
  start: number;
  end: number;
}

export interface SyntheticRecording {
  samples: Float32Array;
  sampleRate: number;
  bursts: Burst[];
}

export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Writes one utterance of syllables into `out` from `start` for about `seconds`; returns its real end. */
export function speak(
  out: Float32Array,
  rate: number,
  start: number,
  seconds: number,
  rand: () => number,
): number {
  const amp = 0.05 + 0.25 * rand();
  const f0 = 110 + 120 * rand();
  let t = start;
  const end = start + seconds;
  let phase = 0;
  while (t < end - 0.05) {
    const syl = Math.min(end - t, 0.12 + 0.2 * rand());
    const a = Math.round(t * rate);
    const b = Math.round((t + syl) * rate);
    for (let i = a; i < b && i < out.length; i++) {
      const u = (i - a) / (b - a);
      // A raised-sine envelope that never quite closes: a dip, not a pause.
      const env = 0.15 + 0.85 * Math.sin(Math.PI * u);
      const f = f0 * (1 + 0.1 * Math.sin((2 * Math.PI * i) / rate));
      phase += (2 * Math.PI * f) / rate;
      out[i] +=
        amp * env * (0.6 * Math.sin(phase) + 0.3 * Math.sin(2 * phase) + 0.1 * Math.sin(3 * phase));
    }
    t += syl;
  }
  return t;
}

export function addNoiseFloor(out: Float32Array, rms: number, rand: () => number): void {
  // Uniform noise of this rms: width sqrt(12)·rms.
  const w = Math.sqrt(12) * rms;
  for (let i = 0; i < out.length; i++) out[i] += (rand() - 0.5) * w;
}

/**
 * A recording of `seconds`: utterances of `minSpeech`–`maxSpeech` seconds
 * between pauses of `minPause`–`maxPause`, with noise at -60 dBFS.
 */
export function syntheticRecording(opts: {
  seconds: number;
  seed: number;
  sampleRate?: number;
  minSpeech?: number;
  maxSpeech?: number;
  minPause?: number;
  maxPause?: number;
}): SyntheticRecording {
  const rate = opts.sampleRate ?? 16_000;
  const rand = rng(opts.seed);
  const out = new Float32Array(Math.round(opts.seconds * rate));
  const bursts: Burst[] = [];
  const minS = opts.minSpeech ?? 0.6;
  const maxS = opts.maxSpeech ?? 9;
  const minP = opts.minPause ?? 0.5;
  const maxP = opts.maxPause ?? 3;
  let t = 0.5 + rand();
  for (;;) {
    const len = minS + (maxS - minS) * rand();
    if (t + len > opts.seconds - 0.5) break;
    const end = speak(out, rate, t, len, rand);
    bursts.push({ start: t, end });
    t = end + minP + (maxP - minP) * rand();
  }
  addNoiseFloor(out, 0.001, rand);
  return { samples: out, sampleRate: rate, bursts };
}
