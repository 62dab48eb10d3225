/**
 * WebVTT and SRT from transcript segments. Text is written as the model
 * wrote it (no normalisation: Indic text, joiners included, stays byte for
 * byte); only what each format reserves is escaped.
 */
import type { AsrSegment } from './engine.js';

/** `hh:mm:ss.mmm` (WebVTT) or `hh:mm:ss,mmm` (SRT); hours grow past 99 if they must. */
export function formatTimestamp(seconds: number, separator: '.' | ','): string {
  const ms = Math.max(0, Math.round(seconds * 1000));
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor(ms / 60_000) % 60;
  const s = Math.floor(ms / 1000) % 60;
  const pad = (v: number, n: number) => String(v).padStart(n, '0');
  return `${pad(h, 2)}:${pad(m, 2)}:${pad(s, 2)}${separator}${pad(ms % 1000, 3)}`;
}

interface Cue {
  start: number;
  end: number;
  text: string;
}

/** Empty segments dropped; each cue lasts at least a millisecond and starts no earlier than the last. */
function cues(segments: readonly AsrSegment[]): Cue[] {
  const out: Cue[] = [];
  let last = 0;
  for (const s of segments) {
    const text = s.text
      .replace(/\r\n?/g, '\n')
      .replace(/\n{2,}/g, '\n')
      .trim();
    if (!text) continue;
    const start = Math.max(last, s.start);
    const end = Math.max(start + 0.001, s.end);
    out.push({ start, end, text });
    last = start;
  }
  return out;
}

// A cue's text may not hold "-->" or a blank line, and "<" and "&" start markup.
function escapeVtt(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function toWebVtt(segments: readonly AsrSegment[]): string {
  const body = cues(segments).map(
    (c) =>
      `${formatTimestamp(c.start, '.')} --> ${formatTimestamp(c.end, '.')}\n${escapeVtt(c.text)}\n`,
  );
  return ['WEBVTT\n', ...body].join('\n');
}

export function toSrt(segments: readonly AsrSegment[]): string {
  return cues(segments)
    .map(
      (c, i) =>
        `${i + 1}\n${formatTimestamp(c.start, ',')} --> ${formatTimestamp(c.end, ',')}\n${c.text.replace(/-->/g, '->')}\n`,
    )
    .join('\n');
}
