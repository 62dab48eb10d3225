import { describe, expect, it } from 'vitest';
import { bestPath, greedyCtcDecode } from '../../../native/asr/ctc-decode.js';
import type { CtcEmissions, CtcVocabulary } from '../../../native/asr/ctc-decode.js';

// Class 0 blank, 1 `|`, 2 क, 3 म, 4 ल, 5 <unk>
const VOCAB: CtcVocabulary = {
  tokens: ['<pad>', '|', 'क', 'म', 'ल', '<unk>'],
  blank: 0,
  wordDelimiter: '|',
  silent: new Set([5]),
};

/** Emissions whose best class each frame is `path[t]`, with probability `p[t]` (the rest shared evenly). */
function emissions(
  path: number[],
  classes: number,
  p: number[] = path.map(() => 0.9),
): CtcEmissions {
  const data = new Float32Array(path.length * classes);
  path.forEach((c, t) => {
    const rest = (1 - p[t]) / (classes - 1);
    for (let k = 0; k < classes; k++) data[t * classes + k] = Math.log(k === c ? p[t] : rest);
  });
  return { data, frames: path.length, classes };
}

const opts = { frameSeconds: 0.02, duration: 1 };

describe('greedyCtcDecode', () => {
  it('collapses repeats, drops blanks and splits words at the delimiter', () => {
    const t = greedyCtcDecode(emissions([2, 2, 0, 3, 1, 1, 4, 0, 4, 0], 6), VOCAB, opts);
    expect(t.text).toBe('कम लल');
    expect(t.words.map((w) => w.text)).toEqual(['कम', 'लल']);
  });

  it('keeps a doubled letter only when a blank separates it', () => {
    expect(greedyCtcDecode(emissions([4, 4, 4], 6), VOCAB, opts).text).toBe('ल');
    expect(greedyCtcDecode(emissions([4, 0, 4], 6), VOCAB, opts).text).toBe('लल');
  });

  it('times words by frame: start at the first token frame, end after the last', () => {
    const t = greedyCtcDecode(emissions([0, 0, 2, 2, 0, 3, 1, 0, 4, 4, 0, 0], 6), VOCAB, opts);
    expect(t.words[0]).toMatchObject({ text: 'कम', start: 2 * 0.02, end: 6 * 0.02 });
    expect(t.words[0].start).toBeCloseTo(0.04, 9);
    expect(t.words[0].end).toBeCloseTo(0.12, 9);
    expect(t.words[1].start).toBeCloseTo(0.16, 9);
    expect(t.words[1].end).toBeCloseTo(0.2, 9);
    expect(t.segments).toEqual([{ text: 'कम ल', start: t.words[0].start, end: t.words[1].end }]);
    expect(t.duration).toBe(1);
  });

  it('confidence is the mean best-path probability over the word frames', () => {
    const p = [0.5, 0.9, 0.6, 0.3, 0.99, 0.7];
    const t = greedyCtcDecode(emissions([2, 0, 3, 1, 4, 0], 6, p), VOCAB, opts);
    expect(t.words[0].confidence).toBeCloseTo((0.5 + 0.9 + 0.6) / 3, 5);
    expect(t.words[1].confidence).toBeCloseTo(0.99, 5);
  });

  it('silent tokens write nothing; leading, trailing and doubled delimiters make no empty words', () => {
    const t = greedyCtcDecode(emissions([1, 2, 5, 3, 1, 0, 1, 4, 1], 6), VOCAB, opts);
    expect(t.words.map((w) => w.text)).toEqual(['कम', 'ल']);
  });

  it('no frames, or only blanks, give an empty transcript', () => {
    const none = greedyCtcDecode({ data: new Float32Array(0), frames: 0, classes: 6 }, VOCAB, opts);
    expect(none).toEqual({ text: '', words: [], segments: [], duration: 1 });
    expect(greedyCtcDecode(emissions([0, 0, 1, 0], 6), VOCAB, opts).words).toEqual([]);
  });

  it('SentencePiece ▁ starts a word', () => {
    const vocab: CtcVocabulary = { tokens: ['▁क', 'म', '▁', 'ल'], blank: 4 };
    const t = greedyCtcDecode(emissions([0, 1, 4, 2, 3, 0, 4], 5), vocab, opts);
    expect(t.words.map((w) => [w.text, Math.round(w.start / 0.02)])).toEqual([
      ['कम', 0],
      ['ल', 4],
      ['क', 5],
    ]);
  });

  it('clamps the last end to the duration', () => {
    const t = greedyCtcDecode(emissions([2, 2], 6), VOCAB, { frameSeconds: 0.02, duration: 0.03 });
    expect(t.words[0].end).toBe(0.03);
  });

  it('a mask keeps disallowed classes from being chosen (the blank stays allowed)', () => {
    const em = emissions([2, 0, 3], 6);
    const allowed = Uint8Array.from([0, 1, 0, 1, 1, 0]);
    const { ids, probs } = bestPath(em, allowed, 0);
    expect(ids[0]).not.toBe(2);
    expect(ids[1]).toBe(0);
    expect(ids[2]).toBe(3);
    // Renormalised over the allowed classes: 0.9 / (0.9 + 3 · 0.02).
    expect(probs[2]).toBeCloseTo(0.9 / (0.9 + 3 * 0.02), 5);
    expect(greedyCtcDecode(em, VOCAB, { ...opts, allowed }).text).not.toContain('क');
  });

  it('logits and log-probabilities of the same distribution decode alike', () => {
    const em = emissions([2, 0, 3, 1, 4], 6, [0.6, 0.7, 0.8, 0.9, 0.55]);
    const shifted = { ...em, data: em.data.map((v) => v + 3.5) };
    const a = greedyCtcDecode(em, VOCAB, opts);
    const b = greedyCtcDecode(shifted, VOCAB, opts);
    expect(b.text).toBe(a.text);
    b.words.forEach((w, i) => expect(w.confidence).toBeCloseTo(a.words[i].confidence, 5));
  });
});
