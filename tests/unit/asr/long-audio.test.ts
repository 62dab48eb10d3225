/**
 * The long-audio driver with a fake engine that "hears" its chunk: it
 * returns one word spanning the loud part of the chunk, at chunk-relative
 * times. Stitched times must land within 50 ms of the synthetic truth, no
 * chunk may pass 30 s, no cut may fall inside an utterance shorter than
 * the limit, and an utterance longer than the limit is cut at a quiet point.
 */
import { describe, expect, it } from 'vitest';
import type { AsrAudio, AsrEngine, TranscribeOptions } from '../../../native/asr/engine.js';
import { planChunks, transcribeLongAudio } from '../../../native/asr/long-audio.js';
import { energyTrack } from '../../../native/asr/vad.js';
import { CancelledError } from '../../../native/contract/errors.js';
import { addNoiseFloor, rng, speak, syntheticRecording } from './synthetic-speech.js';

/** First and last sample louder than the noise could be, in seconds from the chunk's start. */
function loudSpan(x: Float32Array, rate: number): [number, number] | null {
  let a = -1;
  let b = -1;
  for (let i = 0; i < x.length; i++)
    if (Math.abs(x[i]) > 0.004) {
      if (a < 0) a = i;
      b = i;
    }
  return a < 0 ? null : [a / rate, (b + 1) / rate];
}

/** Runs of loud 10 ms blocks separated by at least 300 ms of quiet, in seconds. */
function loudRuns(x: Float32Array, rate: number): [number, number][] {
  const block = rate / 100;
  const runs: [number, number][] = [];
  for (let b = 0; b * block < x.length; b++) {
    const span = loudSpan(x.subarray(b * block, (b + 1) * block), rate);
    if (!span) continue;
    const t = b / 100;
    const last = runs.at(-1);
    if (last && t - last[1] < 0.3) last[1] = t + 0.01;
    else runs.push([t, t + 0.01]);
  }
  return runs;
}

class HearingEngine implements AsrEngine {
  readonly modelId = 'fake';
  readonly family = 'fake';
  readonly languages = ['hi'];
  readonly sampleRate = 16_000;
  readonly calls: { seconds: number; options: TranscribeOptions }[] = [];
  constructor(
    readonly maxChunkSeconds = 30,
    readonly wordPerRun = false,
  ) {}
  async transcribe(audio: AsrAudio, options: TranscribeOptions) {
    const seconds = audio.samples.length / audio.sampleRate;
    this.calls.push({ seconds, options });
    if (this.wordPerRun) {
      // Words for each utterance heard, but one segment for the whole call, as a CTC model gives.
      const runs = loudRuns(audio.samples, audio.sampleRate);
      const words = runs.map(([start, end], k) => ({ text: `r${k}`, start, end, confidence: 1 }));
      const text = words.map((w) => w.text).join(' ');
      const segments = words.length ? [{ text, start: 0, end: seconds }] : [];
      return { text, words, segments, duration: seconds };
    }
    const span = loudSpan(audio.samples, audio.sampleRate);
    const n = this.calls.length;
    if (!span) return { text: '', words: [], segments: [], duration: seconds };
    const word = { text: `w${n}`, start: span[0], end: span[1], confidence: 1 };
    return {
      text: word.text,
      words: [word],
      segments: [{ text: word.text, start: span[0], end: span[1] }],
      duration: seconds,
    };
  }
  async close() {}
}

describe('long audio', () => {
  it('stitches a 10-minute recording: times within 50 ms, chunks ≤ 30 s, cuts only in pauses', async () => {
    const rec = syntheticRecording({ seconds: 600, seed: 21, maxSpeech: 12 });
    const engine = new HearingEngine();
    const progress: number[] = [];
    const controller = new AbortController();
    const t = await transcribeLongAudio(
      engine,
      { samples: rec.samples, sampleRate: rec.sampleRate },
      { language: 'hi', signal: controller.signal, onProgress: (p) => progress.push(p.done) },
    );
    expect(t.duration).toBeCloseTo(600, 6);
    expect(t.chunks.length).toBeGreaterThan(20);
    expect(engine.calls.length).toBe(t.chunks.length);
    for (const c of engine.calls) {
      expect(c.seconds).toBeLessThanOrEqual(30);
      expect(c.options.signal).toBe(controller.signal);
      expect(c.options.language).toBe('hi');
    }
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(t.chunks.length);
    for (const b of rec.bursts) {
      const inside = t.chunks.filter((c) => c.start < b.end && c.end > b.start);
      expect(inside).toHaveLength(1);
      expect(inside[0].start).toBeLessThanOrEqual(b.start);
      expect(inside[0].end).toBeGreaterThanOrEqual(b.end);
    }
    // Each chunk's word spans the first to the last utterance inside it.
    expect(t.words).toHaveLength(t.chunks.length);
    t.chunks.forEach((c, i) => {
      const inChunk = rec.bursts.filter((b) => b.start >= c.start && b.end <= c.end);
      expect(inChunk.length).toBeGreaterThan(0);
      expect(Math.abs(t.words[i].start - inChunk[0].start)).toBeLessThan(0.05);
      expect(Math.abs(t.words[i].end - inChunk.at(-1)!.end)).toBeLessThan(0.05);
      expect(t.segments[i].start).toBe(t.words[i].start);
    });
    expect(t.text.split(' ')).toEqual(t.words.map((w) => w.text));
    for (let i = 1; i < t.words.length; i++)
      expect(t.words[i].start).toBeGreaterThanOrEqual(t.words[i - 1].end);
  });

  it('cuts an utterance longer than the limit at its quiet points', async () => {
    const rate = 16_000;
    const x = new Float32Array(rate * 80);
    const rand = rng(5);
    speak(x, rate, 1, 75, rand);
    addNoiseFloor(x, 0.001, rand);
    const engine = new HearingEngine(20);
    const t = await transcribeLongAudio(
      engine,
      { samples: x, sampleRate: rate },
      { language: 'hi' },
    );
    expect(t.chunks.length).toBeGreaterThanOrEqual(4);
    const track = energyTrack(x, rate);
    const median = Float32Array.from(track.db.subarray(100, 7600)).sort()[3750];
    for (let i = 0; i < t.chunks.length; i++) {
      const c = t.chunks[i];
      expect(c.end - c.start).toBeLessThanOrEqual(20);
      if (i > 0) {
        expect(c.start).toBe(t.chunks[i - 1].end);
        // The cut is in a dip between syllables: well below the utterance's median level.
        expect(track.db[Math.round(c.start / track.hopSeconds)]).toBeLessThan(median - 6);
      }
    }
    expect(t.chunks[0].start).toBeLessThan(1);
    expect(t.chunks.at(-1)!.end).toBeGreaterThan(76);
    expect(engine.calls.every((c) => c.seconds <= 20)).toBe(true);
  });

  it('gives a segment per stretch of speech when the engine gives one per chunk', async () => {
    const rec = syntheticRecording({ seconds: 180, seed: 9, maxSpeech: 5 });
    const engine = new HearingEngine(30, true);
    const t = await transcribeLongAudio(
      engine,
      { samples: rec.samples, sampleRate: rec.sampleRate },
      { language: 'hi' },
    );
    expect(t.chunks.some((c) => c.pieces.length > 2)).toBe(true);
    expect(t.words).toHaveLength(rec.bursts.length);
    expect(t.segments).toHaveLength(rec.bursts.length);
    // This fake hears in 10 ms blocks against a fixed threshold, so a quiet onset is heard late.
    t.segments.forEach((s, i) => {
      expect(Math.abs(s.start - rec.bursts[i].start)).toBeLessThan(0.15);
      expect(Math.abs(s.end - rec.bursts[i].end)).toBeLessThan(0.15);
    });
  });

  it('caps chunks at 30 s even for an engine that claims more', () => {
    const track = { hopSeconds: 0.01, db: new Float32Array(20_000).fill(-20) };
    const regions = Array.from({ length: 20 }, (_, i) => ({ start: i * 9, end: i * 9 + 8 }));
    const chunks = planChunks(regions, track, 30);
    expect(chunks.map((c) => [c.start, c.end])).toEqual([
      [0, 26],
      [27, 53],
      [54, 80],
      [81, 107],
      [108, 134],
      [135, 161],
      [162, 179],
    ]);
    const one = planChunks([{ start: 0, end: 65 }], track, 30);
    expect(one.every((c) => c.end - c.start <= 30)).toBe(true);
    expect(one.at(-1)!.end).toBe(65);
  });

  it('ends a chunk at a long pause even when the next speech would fit', () => {
    const track = { hopSeconds: 0.01, db: new Float32Array(2_000).fill(-20) };
    const chunks = planChunks(
      [
        { start: 0, end: 2 },
        { start: 3, end: 4 },
        { start: 8, end: 9 },
      ],
      track,
      30,
    );
    expect(chunks).toEqual([
      {
        start: 0,
        end: 4,
        pieces: [
          { start: 0, end: 2 },
          { start: 3, end: 4 },
        ],
      },
      { start: 8, end: 9, pieces: [{ start: 8, end: 9 }] },
    ]);
  });

  it('stops between chunks when cancelled', async () => {
    const rec = syntheticRecording({ seconds: 120, seed: 2 });
    const controller = new AbortController();
    const engine = new HearingEngine();
    const run = transcribeLongAudio(
      engine,
      { samples: rec.samples, sampleRate: rec.sampleRate },
      {
        language: 'hi',
        signal: controller.signal,
        onProgress: (p) => {
          if (p.done === 2) controller.abort();
        },
      },
    );
    await expect(run).rejects.toBeInstanceOf(CancelledError);
    expect(engine.calls.length).toBe(2);
  });

  it('silence gives an empty transcript with the right duration', async () => {
    const engine = new HearingEngine();
    const t = await transcribeLongAudio(
      engine,
      { samples: new Float32Array(8000 * 5), sampleRate: 8000 },
      { language: 'te' },
    );
    expect(t).toMatchObject({ text: '', words: [], segments: [], chunks: [], duration: 5 });
    expect(engine.calls).toHaveLength(0);
  });
});
