import { describe, expect, it } from 'vitest';
import { encodeWav } from '../../../native/audio/wav.js';
import { UserError } from '../../../native/contract/errors.js';
import { applyChain, parseChain } from '../../../native/tts/post/chain.js';
import { fft, nextPow2 } from '../../../native/tts/post/fft.js';
import { normalizeLoudness, speechLevelDbfs } from '../../../native/tts/post/loudness.js';
import { meanPower } from '../../../native/tts/post/noise.js';
import { telephone, ulawDecode, ulawEncode, ulawStep } from '../../../native/tts/post/telephone.js';
import { mulberry32 } from '../../../native/metrics/bootstrap.js';

const RATE = 16000;

/** Speech-like test signal: harmonics of a gliding 120–220 Hz voice, syllable-modulated, with pauses. */
function voiceLike(seconds: number, rate = RATE): Float32Array {
  const n = Math.round(seconds * rate);
  const x = new Float32Array(n);
  let phase = 0;
  for (let i = 0; i < n; i++) {
    const t = i / rate;
    const f0 = 170 + 50 * Math.sin(2 * Math.PI * 0.7 * t);
    phase += (2 * Math.PI * f0) / rate;
    const syllable = Math.max(0, Math.sin(2 * Math.PI * 3.5 * t));
    const pause = t % 1.5 > 1.2 ? 0 : 1;
    let v = 0;
    for (let h = 1; h <= 12; h++) v += Math.sin(h * phase) / h;
    x[i] = 0.2 * v * syllable * pause;
  }
  return x;
}

function whiteNoise(n: number, seed: number, amp = 0.3): Float32Array {
  const rng = mulberry32(seed);
  return Float32Array.from({ length: n }, () => amp * (2 * rng() - 1));
}

function bytes(x: Float32Array, rate: number): Buffer {
  return Buffer.from(encodeWav([x], rate));
}

/** Mean power spectral density within [lo, hi) Hz, from one big DFT. */
function bandPower(x: Float32Array, rate: number, lo: number, hi: number): number {
  const n = nextPow2(x.length);
  const re = new Float64Array(n);
  const im = new Float64Array(n);
  re.set(x);
  fft(re, im);
  let sum = 0;
  let bins = 0;
  for (let k = 0; k <= n / 2; k++) {
    const f = (k * rate) / n;
    if (f >= lo && f < hi) {
      sum += re[k] * re[k] + im[k] * im[k];
      bins++;
    }
  }
  return sum / bins;
}

const db = (ratio: number): number => 10 * Math.log10(ratio);

describe('augmentation chains', () => {
  const speech = voiceLike(3);
  const chain = parseChain([
    { kind: 'reverb', rt60: 0.4 },
    { kind: 'noise', snrDb: 12, noise: 'babble' },
    { kind: 'speed', factor: 1.1 },
    { kind: 'telephone' },
  ]);

  it('are reproducible: same seed, same bytes; another seed, other bytes', () => {
    const a = applyChain(speech, RATE, chain, 42);
    const b = applyChain(speech, RATE, chain, 42);
    const c = applyChain(speech, RATE, chain, 43);
    expect(bytes(a.samples, a.sampleRate).equals(bytes(b.samples, b.sampleRate))).toBe(true);
    expect(bytes(a.samples, a.sampleRate).equals(bytes(c.samples, c.sampleRate))).toBe(false);
  });

  it('parse presets and JSON, and refuse bad chains with a UserError', () => {
    expect(parseChain('noisy-phone')).toEqual([
      { kind: 'noise', snrDb: 15, noise: 'pink' },
      { kind: 'telephone' },
    ]);
    expect(parseChain('[{"kind":"speed","factor":0.9}]')).toEqual([{ kind: 'speed', factor: 0.9 }]);
    expect(() => parseChain('loud')).toThrow(UserError);
    expect(() => parseChain('[{"kind":"noise"}]')).toThrow(/snrDb/);
    expect(() => parseChain([{ kind: 'speed', factor: 3 }])).toThrow(UserError);
    expect(() => parseChain([{ kind: 'telephone', extra: 1 }])).toThrow(UserError);
  });

  it.each(['white', 'pink', 'brown', 'babble'] as const)(
    'add %s noise at the SNR asked for',
    (noise) => {
      for (const snrDb of [0, 10, 25]) {
        const out = applyChain(speech, RATE, [{ kind: 'noise', snrDb, noise }], 7).samples;
        const n = out.map((v, i) => v - speech[i]);
        expect(Math.abs(db(meanPower(speech) / meanPower(n)) - snrDb)).toBeLessThan(0.5);
      }
    },
  );

  it('speed-perturb by resampling', () => {
    for (const factor of [0.9, 1.1]) {
      const out = applyChain(speech, RATE, [{ kind: 'speed', factor }], 1).samples;
      expect(out.length).toBe(Math.round(speech.length / factor));
    }
  });
});

describe('telephone channel', () => {
  it('removes energy below 300 Hz and above 3400 Hz', () => {
    const x = whiteNoise(RATE * 4, 3);
    const y = telephone(x, RATE);
    expect(y.length).toBe(x.length);
    const pass = bandPower(y, RATE, 500, 3000);
    expect(db(pass / bandPower(x, RATE, 500, 3000))).toBeGreaterThan(-1.5);
    expect(db(bandPower(y, RATE, 0, 150) / pass)).toBeLessThan(-25);
    expect(db(bandPower(y, RATE, 3900, 8000) / pass)).toBeLessThan(-30);
    // Tones: out of band they vanish, in band they pass.
    const tone = (f: number): Float32Array =>
      Float32Array.from({ length: RATE }, (_, i) => 0.5 * Math.sin((2 * Math.PI * f * i) / RATE));
    const gain = (f: number): number => {
      const t = tone(f);
      return db(meanPower(telephone(t, RATE).subarray(2000)) / meanPower(t.subarray(2000)));
    };
    expect(gain(100)).toBeLessThan(-30);
    expect(gain(1000)).toBeGreaterThan(-1);
    expect(gain(5000)).toBeLessThan(-40);
  });

  it('μ-law round trip stays within half a quantisation step', () => {
    for (let v = -32635; v <= 32635; v += 7) {
      const back = ulawDecode(ulawEncode(v));
      expect(Math.abs(back - v)).toBeLessThanOrEqual(ulawStep(v) / 2);
    }
    // The G.711 table's fixed points.
    expect(ulawEncode(0)).toBe(0xff);
    expect(ulawDecode(0xff)).toBe(0);
    expect(ulawDecode(0x80)).toBe(32124);
    expect(ulawDecode(0x00)).toBe(-32124);
  });
});

describe('reverb', () => {
  /** RT60 from the Schroeder decay of an impulse response, fitted over −5…−25 dB (T20). */
  function rt60Of(h: Float32Array, rate: number): number {
    const edc = new Float64Array(h.length);
    let acc = 0;
    for (let i = h.length - 1; i >= 0; i--) {
      acc += h[i] * h[i];
      edc[i] = acc;
    }
    const pts: [number, number][] = [];
    for (let i = 0; i < h.length; i++) {
      const l = 10 * Math.log10(edc[i] / edc[0]);
      if (l <= -5 && l >= -25) pts.push([i / rate, l]);
    }
    const mx = pts.reduce((s, p) => s + p[0], 0) / pts.length;
    const my = pts.reduce((s, p) => s + p[1], 0) / pts.length;
    const slope =
      pts.reduce((s, p) => s + (p[0] - mx) * (p[1] - my), 0) /
      pts.reduce((s, p) => s + (p[0] - mx) ** 2, 0);
    return -60 / slope;
  }

  it.each([0.3, 0.6, 1.2])('decays with the RT60 asked for (%s s)', (rt60) => {
    const impulse = new Float32Array(RATE * 3);
    impulse[0] = 1;
    const h = applyChain(impulse, RATE, [{ kind: 'reverb', rt60, drrDb: -10 }], 5).samples;
    expect(rt60Of(h, RATE) / rt60).toBeGreaterThan(0.85);
    expect(rt60Of(h, RATE) / rt60).toBeLessThan(1.15);
  });

  it('keeps the level of what it reverberates', () => {
    const out = applyChain(speech(), RATE, [{ kind: 'reverb', rt60: 0.5 }], 1).samples;
    expect(Math.abs(db(meanPower(out) / meanPower(speech())))).toBeLessThan(0.01);
  });
  const speech = (): Float32Array => voiceLike(2);
});

describe('loudness normalisation', () => {
  it.each([-30, -23, -16])('hits %s dBFS within 0.5 dB, peaks under the ceiling', (target) => {
    const x = voiceLike(3);
    const y = normalizeLoudness(x, RATE, { targetDbfs: target, peakDbfs: -1 });
    expect(Math.abs(speechLevelDbfs(y, RATE) - target)).toBeLessThan(0.5);
    expect(Math.max(...y.map(Math.abs))).toBeLessThanOrEqual(10 ** (-1 / 20) + 1e-6);
  });

  it('limits peaks that the target gain would push over the ceiling', () => {
    const x = voiceLike(3);
    for (let i = 1000; i < x.length; i += 4000) x[i] = 0.9; // clicks: high crest factor
    const y = normalizeLoudness(x, RATE, { targetDbfs: -12, peakDbfs: -1 });
    expect(Math.abs(speechLevelDbfs(y, RATE) - -12)).toBeLessThan(0.5);
    expect(Math.max(...y.map(Math.abs))).toBeLessThanOrEqual(10 ** (-1 / 20) + 1e-6);
  });

  it('resamples to a target rate as a chain step', () => {
    const out = applyChain(voiceLike(1), RATE, [{ kind: 'resample', rate: 8000 }], 1);
    expect(out.sampleRate).toBe(8000);
    expect(out.samples.length).toBe(8000);
  });
});
