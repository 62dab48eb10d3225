/**
 * The energy VAD on a 10-minute synthetic recording with known pauses: one
 * region per utterance (syllable dips do not split it), every pause outside
 * every region, edges within the pad of the truth; silence and flat input.
 */
import { describe, expect, it } from 'vitest';
import { detectSpeech, energyTrack, regionsFromScores } from '../../../native/asr/vad.js';
import { addNoiseFloor, rng, speak, syntheticRecording } from './synthetic-speech.js';

describe('energy VAD', () => {
  it('finds each utterance of a 10-minute recording and splits at every pause', () => {
    const rec = syntheticRecording({ seconds: 600, seed: 7 });
    expect(rec.bursts.length).toBeGreaterThan(80);
    const regions = detectSpeech(rec.samples, rec.sampleRate);
    expect(regions.length).toBe(rec.bursts.length);
    regions.forEach((r, i) => {
      const b = rec.bursts[i];
      // Pad 100 ms plus a frame either side at most; never inside the utterance.
      expect(r.start).toBeLessThanOrEqual(b.start + 0.03);
      expect(r.start).toBeGreaterThan(b.start - 0.15);
      expect(r.end).toBeGreaterThanOrEqual(b.end - 0.03);
      expect(r.end).toBeLessThan(b.end + 0.15);
    });
    for (let i = 1; i < rec.bursts.length; i++) {
      const mid = (rec.bursts[i - 1].end + rec.bursts[i].start) / 2;
      expect(regions.some((r) => r.start < mid && r.end > mid)).toBe(false);
    }
  });

  it('keeps a word whole across a 200 ms dip but splits at a 600 ms pause', () => {
    const rate = 16_000;
    const x = new Float32Array(rate * 6);
    const rand = rng(3);
    speak(x, rate, 1, 1, rand);
    speak(x, rate, 2.2, 1, rand); // 200 ms gap: inside the hangover
    speak(x, rate, 3.8, 1, rand); // 600 ms gap: a pause
    addNoiseFloor(x, 0.001, rand);
    const regions = detectSpeech(x, rate);
    expect(regions.length).toBe(2);
    expect(regions[0].start).toBeLessThan(1);
    expect(regions[0].end).toBeGreaterThan(3.1);
    expect(regions[1].start).toBeLessThan(3.8);
  });

  it('adapts to the recording: the same speech 30 dB quieter over a 30 dB lower floor', () => {
    const rec = syntheticRecording({ seconds: 60, seed: 11 });
    const quiet = rec.samples.map((v) => v * 0.03);
    expect(detectSpeech(quiet, rec.sampleRate).length).toBe(rec.bursts.length);
  });

  it('digital silence has no speech; a flat loud signal is speech throughout', () => {
    expect(detectSpeech(new Float32Array(16_000), 16_000)).toEqual([]);
    expect(detectSpeech(new Float32Array(0), 16_000)).toEqual([]);
    const tone = Float32Array.from({ length: 32_000 }, (_, i) => 0.3 * Math.sin(i / 5));
    const r = detectSpeech(tone, 16_000);
    expect(r).toHaveLength(1);
    expect(r[0].start).toBe(0);
    expect(r[0].end).toBeCloseTo(2, 2);
  });

  it('pads a region, but never past the middle of the pause to the next', () => {
    const scores = [0, 0, 1, 1, 0, 1, 1, 0, 0, 0, 0];
    const r = regionsFromScores(scores, 0.1, {
      start: 0.5,
      stay: 0.5,
      hangoverFrames: 0,
      minFrames: 1,
      padSeconds: 0.5,
    });
    expect(r).toHaveLength(2);
    expect(r[0].start).toBeCloseTo(0);
    expect(r[0].end).toBeCloseTo(0.45);
    expect(r[1].start).toBeCloseTo(0.45);
    expect(r[1].end).toBeCloseTo(1.1);
  });

  it('frames are centred on their hop', () => {
    const x = new Float32Array(1600);
    x.fill(0.5, 800);
    const t = energyTrack(x, 16_000, { hopSeconds: 0.01, frameSeconds: 0.01 });
    expect(t.db.length).toBe(10);
    expect(t.db[4]).toBeLessThan(-90);
    expect(t.db[6]).toBeCloseTo(10 * Math.log10(0.25), 3);
  });
});
