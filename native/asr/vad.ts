/**
 * Energy-based voice activity detection. Thresholds are relative to the
 * recording's own levels (its noise floor and speech level as percentiles of
 * frame energy), so a quiet phone call and a loud studio take are cut alike.
 * A start threshold, a lower stay threshold and a hangover keep the short
 * dips inside and between syllables from splitting a word.
 */

export interface SpeechRegion {
  /** Seconds from the start of the audio. */
  start: number;
  end: number;
}

/** Frame energies on a regular hop: what the VAD and the chunk cutter both read. */
export interface EnergyTrack {
  hopSeconds: number;
  /** Energy of each frame in dBFS (floored at `FLOOR_DBFS`). */
  db: Float32Array;
}

export interface EnergyVadOptions {
  /** Analysis window, seconds. */
  frameSeconds?: number;
  hopSeconds?: number;
  /** dB above the noise floor that starts speech (capped at 60% of the recording's range). */
  startDb?: number;
  /** dB above the noise floor that keeps speech going (capped at 30% of the range). */
  stayDb?: number;
  /** Seconds below the stay threshold before speech ends. */
  hangoverSeconds?: number;
  /** Shorter bursts (clicks, bumps) are not speech. */
  minSpeechSeconds?: number;
  /** Seconds of context added either side of a region (never across another region). */
  padSeconds?: number;
}

/** Score tracks (energy or a model's speech probability) turned into regions. */
export interface RegionRule {
  start: number;
  stay: number;
  hangoverFrames: number;
  minFrames: number;
  padSeconds: number;
}

export const FLOOR_DBFS = -100;
/** Below this a recording's loudest frames are silence, whatever its range. */
const SILENT_DBFS = -55;
/** With less spread than this between floor and speech level, the recording is one thing throughout. */
const FLAT_RANGE_DB = 6;

const DEFAULTS: Required<EnergyVadOptions> = {
  frameSeconds: 0.025,
  hopSeconds: 0.01,
  startDb: 12,
  stayDb: 6,
  hangoverSeconds: 0.3,
  minSpeechSeconds: 0.12,
  padSeconds: 0.1,
};

export function energyTrack(
  samples: Float32Array,
  sampleRate: number,
  opts: Pick<EnergyVadOptions, 'frameSeconds' | 'hopSeconds'> = {},
): EnergyTrack {
  const hop = Math.max(1, Math.round((opts.hopSeconds ?? DEFAULTS.hopSeconds) * sampleRate));
  const win = Math.max(hop, Math.round((opts.frameSeconds ?? DEFAULTS.frameSeconds) * sampleRate));
  const n = samples.length === 0 ? 0 : Math.ceil(samples.length / hop);
  const db = new Float32Array(n);
  for (let f = 0; f < n; f++) {
    // Frames are centred on their hop so frame f describes time f·hop.
    const from = Math.max(0, f * hop - (win >> 1));
    const to = Math.min(samples.length, from + win);
    let sum = 0;
    for (let i = from; i < to; i++) sum += samples[i] * samples[i];
    const power = sum / Math.max(1, to - from);
    db[f] = power > 0 ? Math.max(FLOOR_DBFS, 10 * Math.log10(power)) : FLOOR_DBFS;
  }
  return { hopSeconds: hop / sampleRate, db };
}

export function percentile(values: Float32Array, p: number): number {
  if (values.length === 0) return FLOOR_DBFS;
  const sorted = Float32Array.from(values).sort();
  const k = Math.min(sorted.length - 1, Math.max(0, Math.round((p / 100) * (sorted.length - 1))));
  return sorted[k];
}

/** Speech regions of mono audio, in seconds. */
export function detectSpeech(
  samples: Float32Array,
  sampleRate: number,
  options: EnergyVadOptions = {},
): SpeechRegion[] {
  return speechFromEnergy(energyTrack(samples, sampleRate, options), options);
}

export function speechFromEnergy(
  track: EnergyTrack,
  options: EnergyVadOptions = {},
): SpeechRegion[] {
  const o = { ...DEFAULTS, ...options };
  const { db, hopSeconds } = track;
  if (db.length === 0) return [];
  const floor = percentile(db, 10);
  const level = percentile(db, 95);
  const range = level - floor;
  const duration = db.length * hopSeconds;
  if (level < SILENT_DBFS) return [];
  if (range < FLAT_RANGE_DB) return [{ start: 0, end: duration }];
  return regionsFromScores(db, hopSeconds, {
    start: floor + Math.min(o.startDb, 0.6 * range),
    stay: floor + Math.min(o.stayDb, 0.3 * range),
    hangoverFrames: Math.round(o.hangoverSeconds / hopSeconds),
    minFrames: Math.round(o.minSpeechSeconds / hopSeconds),
    padSeconds: o.padSeconds,
  });
}

/**
 * Hysteresis over a per-frame score: speech starts at a frame reaching
 * `start`, lasts while frames stay at or above `stay`, and ends only after
 * `hangoverFrames` frames below it. Regions are padded, but a pad never
 * reaches past the middle of the pause to the next region.
 */
export function regionsFromScores(
  scores: ArrayLike<number>,
  hopSeconds: number,
  rule: RegionRule,
): SpeechRegion[] {
  const raw: [number, number][] = [];
  let open = -1;
  let lastLoud = -1;
  for (let f = 0; f < scores.length; f++) {
    const s = scores[f];
    if (open < 0) {
      if (s >= rule.start) {
        open = f;
        lastLoud = f;
      }
    } else if (s >= rule.stay) lastLoud = f;
    else if (f - lastLoud > rule.hangoverFrames) {
      raw.push([open, lastLoud + 1]);
      open = -1;
    }
  }
  if (open >= 0) raw.push([open, lastLoud + 1]);
  const kept = raw.filter(([a, b]) => b - a >= rule.minFrames);
  const duration = scores.length * hopSeconds;
  return kept.map(([a, b], i) => {
    const start = a * hopSeconds;
    const end = b * hopSeconds;
    const prevEnd = i > 0 ? kept[i - 1][1] * hopSeconds : -Infinity;
    const nextStart = i + 1 < kept.length ? kept[i + 1][0] * hopSeconds : Infinity;
    return {
      start: Math.max(0, start - rule.padSeconds, (prevEnd + start) / 2),
      end: Math.min(duration, end + rule.padSeconds, (end + nextStart) / 2),
    };
  });
}
