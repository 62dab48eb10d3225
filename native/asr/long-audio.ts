/**
 * Recordings of any length through an engine that takes at most
 * `maxChunkSeconds` per call: the audio is cut at pauses the VAD finds, each
 * chunk is transcribed in turn (the engine runs on the one inference worker,
 * so chunks go one after another), and words and segments are moved to
 * absolute times. A cut falls inside speech only when one speech region is
 * longer than the limit, and then at its quietest moment.
 */
import { CancelledError } from '../contract/errors.js';
import type {
  AsrAudio,
  AsrEngine,
  AsrSegment,
  AsrWord,
  TranscribeOptions,
  Transcript,
} from './engine.js';
import { energyTrack, speechFromEnergy, type EnergyTrack, type SpeechRegion } from './vad.js';

/** No chunk is longer than this, whatever an engine claims it can take. */
export const MAX_CHUNK_SECONDS = 30;
/** A pause this long ends a chunk even when the next speech would fit: long silences make decoders invent text. */
const MAX_INNER_PAUSE_SECONDS = 2;
/** Smoothing of the energy track when looking for the quietest point (frames). */
const QUIET_SMOOTH_FRAMES = 5;

export interface Chunk {
  /** Seconds from the start of the recording. */
  start: number;
  end: number;
}

/** Finds speech regions; the energy VAD unless a model-based one is given. */
export type SpeechDetector = (
  audio: AsrAudio,
  track: EnergyTrack,
  signal?: AbortSignal,
) => Promise<SpeechRegion[]> | SpeechRegion[];

export interface LongAudioOptions extends TranscribeOptions {
  /** Default and upper bound: the engine's `maxChunkSeconds`, itself capped at 30 s. */
  maxChunkSeconds?: number;
  detectSpeech?: SpeechDetector;
}

export interface LongTranscript extends Transcript {
  chunks: Chunk[];
}

/**
 * Groups speech regions into chunks of at most `maxSeconds`. Regions longer
 * than that are first split at their quietest point in the second half of
 * the allowed span, so no piece is tiny.
 */
export function planChunks(
  regions: readonly SpeechRegion[],
  track: EnergyTrack,
  maxSeconds: number,
): Chunk[] {
  const pieces: Chunk[] = [];
  for (const r of regions) splitRegion(r, track, maxSeconds, pieces);
  const chunks: Chunk[] = [];
  let cur: Chunk | null = null;
  for (const p of pieces) {
    if (cur && p.end - cur.start <= maxSeconds && p.start - cur.end <= MAX_INNER_PAUSE_SECONDS) {
      cur.end = p.end;
      continue;
    }
    if (cur) chunks.push(cur);
    cur = { ...p };
  }
  if (cur) chunks.push(cur);
  return chunks;
}

function splitRegion(r: SpeechRegion, track: EnergyTrack, max: number, out: Chunk[]): void {
  let start = r.start;
  while (r.end - start > max) {
    const cut = quietestPoint(track, start + max / 2, start + max);
    out.push({ start, end: cut });
    start = cut;
  }
  out.push({ start, end: r.end });
}

/** The time in [from, to] whose smoothed energy is lowest (the latest of equals). */
export function quietestPoint(track: EnergyTrack, from: number, to: number): number {
  const { db, hopSeconds } = track;
  const a = Math.max(0, Math.ceil(from / hopSeconds));
  const b = Math.min(db.length - 1, Math.floor(to / hopSeconds));
  if (b < a) return to;
  const half = QUIET_SMOOTH_FRAMES >> 1;
  let best = b;
  let bestValue = Infinity;
  for (let f = a; f <= b; f++) {
    let sum = 0;
    let n = 0;
    for (let k = Math.max(0, f - half); k <= Math.min(db.length - 1, f + half); k++) {
      sum += db[k];
      n++;
    }
    const v = sum / n;
    if (v <= bestValue) {
      bestValue = v;
      best = f;
    }
  }
  return Math.min(to, Math.max(from, best * hopSeconds));
}

/** Transcribes a recording of any length; word and segment times are absolute. */
export async function transcribeLongAudio(
  engine: AsrEngine,
  audio: AsrAudio,
  options: LongAudioOptions,
): Promise<LongTranscript> {
  const { maxChunkSeconds, detectSpeech, onProgress, ...engineOptions } = options;
  const max = Math.min(MAX_CHUNK_SECONDS, engine.maxChunkSeconds, maxChunkSeconds ?? Infinity);
  const rate = audio.sampleRate;
  const duration = audio.samples.length / rate;
  const track = energyTrack(audio.samples, rate);
  const regions = detectSpeech
    ? await detectSpeech(audio, track, options.signal)
    : speechFromEnergy(track);
  const chunks = planChunks(regions, track, max);
  const maxSamples = Math.floor(max * rate);
  const words: AsrWord[] = [];
  const segments: AsrSegment[] = [];
  const texts: string[] = [];
  for (let i = 0; i < chunks.length; i++) {
    onProgress?.({ done: i, total: chunks.length, message: `chunk ${i + 1}/${chunks.length}` });
    if (options.signal?.aborted) throw new CancelledError('transcription');
    const from = Math.round(chunks[i].start * rate);
    const to = Math.min(audio.samples.length, Math.round(chunks[i].end * rate), from + maxSamples);
    // Times inside the chunk are relative to its first sample, so that sample's time is the offset.
    const offset = from / rate;
    const end = to / rate;
    const part = await engine.transcribe(
      { samples: audio.samples.subarray(from, to), sampleRate: rate },
      engineOptions,
    );
    // Milliseconds are finer than any model's frame and keep float noise out of the output.
    const at = (t: number) => Math.round(Math.min(end, Math.max(offset, offset + t)) * 1000) / 1000;
    for (const w of part.words) words.push({ ...w, start: at(w.start), end: at(w.end) });
    const text = part.text.trim();
    if (part.segments.length > 0)
      for (const s of part.segments) segments.push({ ...s, start: at(s.start), end: at(s.end) });
    else if (text)
      segments.push({
        text,
        start: part.words.length ? at(part.words[0].start) : offset,
        end: part.words.length ? at(part.words[part.words.length - 1].end) : end,
      });
    if (text) texts.push(text);
  }
  onProgress?.({ done: chunks.length, total: chunks.length, message: 'done' });
  return { text: texts.join(' '), words, segments, duration, chunks };
}
