/**
 * From the transformers.js pipeline's timestamped chunks to the engine's
 * segments and words. Whisper's timestamp tokens time segments, not words
 * (word timings need cross-attention alignment heads, which neither the
 * fixtures nor every export have), so words are approximated: each
 * segment's time is shared among its words in proportion to their length
 * in code points. Confidence is not measured by the pipeline; words carry
 * 1 so that a caller filtering on it keeps them.
 */
import type { AsrSegment, AsrWord } from './engine.js';
import type { WhisperChunk } from './whisper-runner.js';

/**
 * Segments with their text trimmed and empty ones dropped; an open end (the
 * window ran out before a closing timestamp) ends at the next segment's
 * start or at the end of the audio. Times are clamped to [0, duration].
 */
export function segmentsOf(chunks: readonly WhisperChunk[], duration: number): AsrSegment[] {
  const clamp = (t: number): number => Math.min(Math.max(t, 0), duration);
  const out: AsrSegment[] = [];
  chunks.forEach((c, i) => {
    const text = c.text.trim();
    if (!text) return;
    const start = clamp(c.timestamp[0]);
    const end = clamp(c.timestamp[1] ?? chunks[i + 1]?.timestamp[0] ?? duration);
    out.push({ text, start, end: Math.max(start, end) });
  });
  return out;
}

export function wordsFromSegments(segments: readonly AsrSegment[]): AsrWord[] {
  const words: AsrWord[] = [];
  for (const s of segments) {
    const parts = s.text.split(/\s+/u).filter(Boolean);
    const lengths = parts.map((p) => [...p].length);
    const total = lengths.reduce((a, b) => a + b, 0);
    let at = s.start;
    parts.forEach((text, i) => {
      const end = i === parts.length - 1 ? s.end : at + ((s.end - s.start) * lengths[i]) / total;
      words.push({ text, start: at, end, confidence: 1 });
      at = end;
    });
  }
  return words;
}
