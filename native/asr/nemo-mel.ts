/**
 * NeMo's AudioToMelSpectrogramPreprocessor (the front end its CTC exports
 * leave out), computed the way it does in eval mode: pre-emphasis, a centred
 * zero-padded STFT with a symmetric Hann window shorter than the FFT and
 * centred in it, power spectrum, Slaney-scale Slaney-normalised mel filters
 * (as librosa and torchaudio make them), log with an additive guard, then
 * per-feature normalisation over the frames. Output is feature-major
 * `[nMels, frames]`, the `audio_signal` layout.
 */
import { RealFftPower } from './real-fft.js';

export interface MelConfig {
  sampleRate: number;
  nFft: number;
  winLength: number;
  hop: number;
  nMels: number;
  fmin: number;
  fmax: number;
  preemph: number;
  /** `per_feature` (NeMo's default for its ASR models) or `none`. */
  normalize: 'per_feature' | 'none';
}

export const NEMO_MEL_DEFAULTS: MelConfig = {
  sampleRate: 16000,
  nFft: 512,
  winLength: 400,
  hop: 160,
  nMels: 80,
  fmin: 0,
  fmax: 8000,
  preemph: 0.97,
  normalize: 'per_feature',
};

const LOG_GUARD = 2 ** -24;
const STD_EPS = 1e-5;

export interface MelFeatures {
  /** `[nMels, frames]`, row-major. */
  data: Float32Array;
  frames: number;
}

/** One mel filter: weights for FFT bins `start .. start + weights.length - 1`. */
interface SparseFilter {
  start: number;
  weights: Float64Array;
}

interface Plan {
  window: Float64Array;
  /** First and one-past-last nonzero window index. */
  winStart: number;
  winEnd: number;
  filters: SparseFilter[];
  fft: RealFftPower;
}

const plans = new Map<string, Plan>();

function planFor(cfg: MelConfig): Plan {
  const key = JSON.stringify(cfg);
  let p = plans.get(key);
  if (!p) {
    const left = Math.floor((cfg.nFft - cfg.winLength) / 2);
    p = {
      window: paddedHann(cfg.winLength, cfg.nFft),
      winStart: left,
      winEnd: left + cfg.winLength,
      filters: slaneyMelFilters(cfg),
      fft: new RealFftPower(cfg.nFft),
    };
    plans.set(key, p);
  }
  return p;
}

/** torch.hann_window(win, periodic=False), zero-padded to nFft and centred as torch.stft does. */
function paddedHann(win: number, nFft: number): Float64Array {
  const w = new Float64Array(nFft);
  const left = Math.floor((nFft - win) / 2);
  for (let i = 0; i < win; i++) {
    w[left + i] = win === 1 ? 1 : 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / (win - 1));
  }
  return w;
}

const F_SP = 200 / 3;
const MIN_LOG_HZ = 1000;
const MIN_LOG_MEL = MIN_LOG_HZ / F_SP;
const LOGSTEP = Math.log(6.4) / 27;

function hzToMel(hz: number): number {
  return hz >= MIN_LOG_HZ ? MIN_LOG_MEL + Math.log(hz / MIN_LOG_HZ) / LOGSTEP : hz / F_SP;
}

function melToHz(mel: number): number {
  return mel >= MIN_LOG_MEL ? MIN_LOG_HZ * Math.exp(LOGSTEP * (mel - MIN_LOG_MEL)) : F_SP * mel;
}

/** librosa.filters.mel(htk=False, norm='slaney'), kept as each filter's nonzero run of bins. */
export function slaneyMelFilters(cfg: MelConfig): SparseFilter[] {
  const bins = cfg.nFft / 2 + 1;
  const lo = hzToMel(cfg.fmin);
  const hi = hzToMel(cfg.fmax);
  const hz = Array.from({ length: cfg.nMels + 2 }, (_, i) =>
    melToHz(lo + ((hi - lo) * i) / (cfg.nMels + 1)),
  );
  const filters: SparseFilter[] = [];
  for (let m = 0; m < cfg.nMels; m++) {
    const [f0, f1, f2] = [hz[m], hz[m + 1], hz[m + 2]];
    const enorm = 2 / (f2 - f0);
    const w: number[] = [];
    let start = -1;
    for (let k = 0; k < bins; k++) {
      const f = (k * cfg.sampleRate) / cfg.nFft;
      const v = Math.max(0, Math.min((f - f0) / (f1 - f0), (f2 - f) / (f2 - f1))) * enorm;
      if (v > 0) {
        if (start < 0) start = k;
        // Fill any zero gap so the run stays contiguous.
        while (start + w.length < k) w.push(0);
        w.push(v);
      }
    }
    filters.push({ start: Math.max(0, start), weights: Float64Array.from(w) });
  }
  return filters;
}

/** STFT frames for `n` samples: 1 + floor(n / hop) (centred, padded by nFft / 2 each side). */
export function melFrames(n: number, hop: number): number {
  return n > 0 ? 1 + Math.floor(n / hop) : 0;
}

export function logMelFeatures(
  samples: Float32Array,
  cfg: MelConfig = NEMO_MEL_DEFAULTS,
): MelFeatures {
  const n = samples.length;
  const frames = melFrames(n, cfg.hop);
  const { nFft, hop, nMels } = cfg;
  const half = nFft / 2;
  const plan = planFor(cfg);
  const { window, filters } = plan;
  const out = new Float32Array(nMels * frames);
  if (frames === 0) return { data: out, frames };

  // Pre-emphasis is applied as each frame is cut (x[i] − k·x[i−1], x[0] kept),
  // which saves a signal-sized buffer; outside the window the frame stays zero.
  const k = cfg.preemph;
  const frame = new Float64Array(nFft);
  const pow = new Float64Array(half + 1);
  const { winStart, winEnd, fft } = plan;
  for (let t = 0; t < frames; t++) {
    const base = t * hop - half;
    if (base + winStart >= 1 && base + winEnd <= n) {
      for (let j = winStart; j < winEnd; j++) {
        const i = base + j;
        frame[j] = (samples[i] - k * samples[i - 1]) * window[j];
      }
    } else {
      for (let j = winStart; j < winEnd; j++) {
        const i = base + j;
        const v = i === 0 ? samples[0] : samples[i] - k * samples[i - 1];
        frame[j] = i >= 0 && i < n ? v * window[j] : 0;
      }
    }
    fft.power(frame, pow);
    for (let m = 0; m < nMels; m++) {
      const f = filters[m];
      const w = f.weights;
      let s = 0;
      for (let k = 0; k < w.length; k++) s += w[k] * pow[f.start + k];
      out[m * frames + t] = Math.log(s + LOG_GUARD);
    }
  }
  if (cfg.normalize === 'per_feature') normalizePerFeature(out, nMels, frames);
  return { data: out, frames };
}

/** Mean and unbiased std per mel bin over the frames; std gets 1e-5 added, as NeMo does. */
function normalizePerFeature(data: Float32Array, nMels: number, frames: number): void {
  for (let m = 0; m < nMels; m++) {
    const row = m * frames;
    let mean = 0;
    for (let t = 0; t < frames; t++) mean += data[row + t];
    mean /= frames;
    let v = 0;
    for (let t = 0; t < frames; t++) v += (data[row + t] - mean) ** 2;
    const std = Math.sqrt(v / Math.max(1, frames - 1)) + STD_EPS;
    for (let t = 0; t < frames; t++) data[row + t] = (data[row + t] - mean) / std;
  }
}
