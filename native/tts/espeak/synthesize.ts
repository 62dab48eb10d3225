/**
 * espeak-ng synthesis in the calling thread: validate, select and verify the
 * voice, synthesise sentence by sentence, trim espeak's own edge silence and
 * join the sentences with chosen pauses, mapping word events to timings.
 * The pool task (../espeak-task.ts) wraps this; so may a caller that is
 * already off the main thread.
 */
import { CancelledError, UserError } from '../../contract/errors.js';
import type { TaskProgress } from '../../workers/wire.js';
import { MAX_TEXT_CHARS } from '../engine.js';
import type { SynthesisOptions, SynthesisResult, WordTiming } from '../engine.js';
import { checkScript } from './script-check.js';
import { selectVoice } from './select.js';
import { splitSentences } from './sentences.js';
import type { Sentence } from './sentences.js';
import { escapeForEspeak, phonemeInput } from './ssml.js';
import { loadEspeak } from './runtime.js';
import type { EspeakRuntime, RawEvent } from './runtime.js';
import { resolveVoice } from './voices.js';
import type { ResolvedVoice } from './voices.js';
import { concatSamples } from '../samples.js';

export interface ThreadControl {
  cancelled?: () => boolean;
  progress?: (p: TaskProgress) => void;
}

export interface EspeakSynthesis extends SynthesisResult {
  words: WordTiming[];
  voiceUsed: string;
}

export const DEFAULT_RATE = 175;
export const DEFAULT_PITCH = 50;
export const DEFAULT_RANGE = 50;
const SENTENCE_PAUSE_MS = 300;
const LINE_PAUSE_MS = 400;
/** Silence kept before the first and after the last sentence. */
const EDGE_MS = 100;
/** Below this (about −78 dBFS) a sample counts as espeak's silence. */
const SILENCE = 4 / 32768;

export function checkText(text: string): void {
  if (typeof text !== 'string' || text.trim().length === 0) {
    throw new UserError('bad_input', 'text is empty: there is nothing to speak');
  }
  if (text.length > MAX_TEXT_CHARS) {
    throw new UserError(
      'bad_input',
      `text is ${text.length} characters long; the limit for one synthesis is ${MAX_TEXT_CHARS}`,
      'split it into several rows (one utterance each)',
    );
  }
}

function checkRange(
  name: string,
  v: number | undefined,
  lo: number,
  hi: number,
): number | undefined {
  if (v === undefined) return undefined;
  if (!Number.isFinite(v) || v < lo || v > hi) {
    throw new UserError('bad_input', `${name} must be between ${lo} and ${hi}, got ${v}`);
  }
  return Math.round(v);
}

export interface EspeakParams {
  rate: number;
  pitch: number;
  range: number;
}

export function espeakParams(opts: SynthesisOptions): EspeakParams {
  return {
    rate: checkRange('rate (words per minute)', opts.rate, 80, 450) ?? DEFAULT_RATE,
    pitch: checkRange('pitch', opts.pitch, 0, 99) ?? DEFAULT_PITCH,
    range: checkRange('range', opts.range, 0, 99) ?? DEFAULT_RANGE,
  };
}

export async function prepareVoice(
  voiceName: string,
  variant: string | undefined,
  reset = true,
): Promise<{ rt: EspeakRuntime; voice: ResolvedVoice }> {
  const rt = await loadEspeak();
  const voice = resolveVoice(rt.voices(), rt.variants(), voiceName, variant);
  selectVoice(rt, voice, reset);
  return { rt, voice };
}

export async function synthesizeInThread(
  text: string,
  opts: SynthesisOptions,
  control: ThreadControl = {},
): Promise<EspeakSynthesis> {
  checkText(text);
  const params = espeakParams(opts);
  const pauseMs = checkRange('sentence pause (ms)', opts.sentencePauseMs, 0, 5000);
  const { rt, voice } = await prepareVoice(opts.voice, opts.variant);
  if (!opts.phonemes && voice.script) checkScript(text, voice.script, voice.espeakName);
  const sentences: Sentence[] = opts.phonemes
    ? [{ text, offset: 0, end: 'text' }]
    : splitSentences(text);
  if (sentences.length === 0) {
    throw new UserError('bad_input', 'text has no letters or digits to speak');
  }
  const rate = rt.sampleRate;
  const pieces: Float32Array[] = [];
  const words: WordTiming[] = [];
  const edge = Math.round((EDGE_MS * rate) / 1000);
  let at = edge;
  pieces.push(new Float32Array(edge));
  for (let s = 0; s < sentences.length; s++) {
    if (control.cancelled?.()) throw new CancelledError('espeak-ng synthesis');
    const sentence = sentences[s];
    const input = opts.phonemes ? phonemeInput(sentence.text) : escapeForEspeak(sentence.text);
    // Parameters are set before each piece: selecting a voice resets them.
    rt.setParams(params);
    const raw = rt.synth(input.text);
    const [from, to] = speechBounds(raw.samples, Math.round(0.01 * rate));
    const piece = raw.samples.subarray(from, to);
    for (const w of wordTimings(raw.events, input.source, sentence, from, to)) {
      words.push({
        text: w.text,
        start: (at + w.start) / rate,
        end: (at + w.end) / rate,
      });
    }
    pieces.push(piece);
    at += piece.length;
    const last = s === sentences.length - 1;
    const gapMs = last
      ? EDGE_MS
      : sentence.end === 'line'
        ? Math.max(pauseMs ?? SENTENCE_PAUSE_MS, LINE_PAUSE_MS)
        : (pauseMs ?? SENTENCE_PAUSE_MS);
    const gap = new Float32Array(Math.round((gapMs * rate) / 1000));
    pieces.push(gap);
    at += gap.length;
    control.progress?.({ done: s + 1, total: sentences.length, message: 'sentences' });
    // Let an awaiting caller (and an abort message) in between sentences.
    await new Promise<void>((r) => setImmediate(r));
  }
  return {
    samples: concatSamples(pieces),
    sampleRate: rate,
    words,
    voiceUsed: voice.espeakName,
  };
}

/** [first, end) of the non-silent part, widened by `margin` samples each side. */
function speechBounds(x: Float32Array, margin: number): [number, number] {
  let first = 0;
  while (first < x.length && Math.abs(x[first]) <= SILENCE) first++;
  if (first === x.length) return [0, 0];
  let last = x.length - 1;
  while (last > first && Math.abs(x[last]) <= SILENCE) last--;
  return [Math.max(0, first - margin), Math.min(x.length, last + 1 + margin)];
}

/** Word events → timings in samples relative to the trimmed piece. */
function wordTimings(
  events: RawEvent[],
  source: number[],
  sentence: Sentence,
  from: number,
  to: number,
): { text: string; start: number; end: number }[] {
  const wordEvents = events.filter((e) => e.type === 'word' && e.length > 0);
  const out: { text: string; start: number; end: number }[] = [];
  for (let i = 0; i < wordEvents.length; i++) {
    const e = wordEvents[i];
    const first = source[Math.min(source.length - 1, Math.max(0, e.textPosition - 1))];
    const lastCp = Math.min(source.length - 1, Math.max(0, e.textPosition - 2 + e.length));
    const lastStart = source[lastCp];
    const lastLen = sentence.text.codePointAt(lastStart)! > 0xffff ? 2 : 1;
    const text = sentence.text.slice(first, lastStart + lastLen);
    const clamp = (v: number): number => Math.min(to - from, Math.max(0, v - from));
    const start = clamp(e.sample);
    const next = wordEvents[i + 1];
    const end = clamp(next ? next.sample : to);
    if (text.trim().length > 0) out.push({ text, start, end: Math.max(start, end) });
  }
  return out;
}
