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

/** A chunk and the stretches of speech in it (a long one split at quiet points counts as several). */
export interface PlannedChunk extends Chunk {
  pieces: Chunk[];
}

export interface LongTranscript extends Transcript {
  chunks: PlannedChunk[];
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
): PlannedChunk[] {
  const pieces: Chunk[] = [];
  for (const r of regions) splitRegion(r, track, maxSeconds, pieces);
  const chunks: PlannedChunk[] = [];
  let cur: PlannedChunk | null = null;
  for (const p of pieces) {
    if (cur && p.end - cur.start <= maxSeconds && p.start - cur.end <= MAX_INNER_PAUSE_SECONDS) {
      cur.end = p.end;
      cur.pieces.push(p);
      continue;
    }
    if (cur) chunks.push(cur);
    cur = { start: p.start, end: p.end, pieces: [p] };
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
    const text = part.text.trim();
    const chunkWords = part.words.map((w) => ({ ...w, start: at(w.start), end: at(w.end) }));
    words.push(...chunkWords);
    if (chunkWords.length > 0 && part.segments.length < chunks[i].pieces.length)
      // The engine's segments are coarser than the pauses in the chunk (a CTC model gives one
      // per call): a subtitle per stretch of speech reads better than one per 30 s chunk.
      segments.push(...segmentsByPiece(chunkWords, chunks[i].pieces));
    else if (part.segments.length > 0)
      for (const s of part.segments) segments.push({ ...s, start: at(s.start), end: at(s.end) });
    else if (text)
      segments.push({
        text,
        start: chunkWords.length ? chunkWords[0].start : offset,
        end: chunkWords.length ? chunkWords[chunkWords.length - 1].end : end,
      });
    if (text) texts.push(text);
  }
  onProgress?.({ done: chunks.length, total: chunks.length, message: 'done' });
  return { text: texts.join(' '), words, segments, duration, chunks };
}

/** Consecutive words grouped by the stretch of speech their middle falls in (or is nearest to). */
export function segmentsByPiece(words: readonly AsrWord[], pieces: readonly Chunk[]): AsrSegment[] {
  const pieceOf = (w: AsrWord) => {
    const mid = (w.start + w.end) / 2;
    let best = 0;
    let bestDistance = Infinity;
    pieces.forEach((p, k) => {
      const d = mid < p.start ? p.start - mid : mid > p.end ? mid - p.end : 0;
      if (d < bestDistance) {
        bestDistance = d;
        best = k;
      }
    });
    return best;
  };
  const out: AsrSegment[] = [];
  let group: AsrWord[] = [];
  let groupPiece = -1;
  const flush = () => {
    if (group.length)
      out.push({
        text: group.map((w) => w.text).join(' '),
        start: group[0].start,
        end: group[group.length - 1].end,
      });
    group = [];
  };
  for (const w of words) {
    const k = pieceOf(w);
    if (k !== groupPiece) flush();
    groupPiece = k;
    group.push(w);
  }
  flush();
  return out;
}
