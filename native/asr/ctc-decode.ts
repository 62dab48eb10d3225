/**
 * Greedy (best-path) CTC decoding: the most likely class each frame, repeats
 * collapsed, blanks dropped. Words come with times from the frames their
 * tokens were emitted on and a confidence, the mean best-path probability
 * over the frames the word spans (its first token's frame to its last's,
 * blanks and repeats inside the word included), so a word the model was
 * unsure of anywhere inside scores low.
 */
import type { AsrWord, Transcript } from './engine.js';

/** Frame-by-class scores, row-major `[frames, classes]`: logits or log-probabilities. */
export interface CtcEmissions {
  data: Float32Array;
  frames: number;
  classes: number;
}

export interface CtcVocabulary {
  /** Token text by class id; ids past the end (NeMo's extra blank) are blank or skipped. */
  tokens: readonly string[];
  blank: number;
  /**
   * wav2vec2's word delimiter (`|`): that token separates words. SentencePiece
   * vocabularies mark a word's start with `▁` inside tokens instead, which is
   * always honoured.
   */
  wordDelimiter?: string;
  /** Ids that never write text (`<s>`, `</s>`, `<unk>`, `<pad>` when it is not the blank). */
  silent?: ReadonlySet<number>;
}

export interface CtcDecodeOptions {
  /** Seconds per emission frame. */
  frameSeconds: number;
  /** Seconds of audio the emissions cover (the transcript's duration; ends are clamped to it). */
  duration: number;
  /** Allowed class ids (1 = allowed), length `classes`; others are never chosen. The blank always is. */
  allowed?: Uint8Array;
}

const SP_SPACE = '▁';

/** Best class and its probability (softmax over the allowed classes) for each frame. */
export function bestPath(
  em: CtcEmissions,
  allowed?: Uint8Array,
  blank?: number,
): { ids: Int32Array; probs: Float32Array } {
  const { data, frames, classes } = em;
  const ids = new Int32Array(frames);
  const probs = new Float32Array(frames);
  for (let t = 0; t < frames; t++) {
    const row = t * classes;
    let best = -1;
    let max = -Infinity;
    for (let c = 0; c < classes; c++) {
      if (allowed && !allowed[c] && c !== blank) continue;
      const v = data[row + c];
      if (v > max || best < 0) {
        max = v;
        best = c;
      }
    }
    let sum = 0;
    for (let c = 0; c < classes; c++) {
      if (allowed && !allowed[c] && c !== blank) continue;
      sum += Math.exp(data[row + c] - max);
    }
    ids[t] = best;
    probs[t] = 1 / sum;
  }
  return { ids, probs };
}

interface OpenWord {
  text: string;
  first: number;
  last: number;
}

export function greedyCtcDecode(
  em: CtcEmissions,
  vocab: CtcVocabulary,
  options: CtcDecodeOptions,
): Transcript {
  const { ids, probs } = bestPath(em, options.allowed, vocab.blank);
  const words: AsrWord[] = [];
  let open: OpenWord | undefined;
  const close = (): void => {
    if (!open) return;
    let p = 0;
    for (let t = open.first; t <= open.last; t++) p += probs[t];
    words.push({
      text: open.text,
      start: open.first * options.frameSeconds,
      end: Math.min(options.duration, (open.last + 1) * options.frameSeconds),
      confidence: p / (open.last - open.first + 1),
    });
    open = undefined;
  };
  let prev = -1;
  for (let t = 0; t < em.frames; t++) {
    const id = ids[t];
    if (id === prev) {
      // A repeat extends the token, and so the word it belongs to.
      if (open && id !== vocab.blank && !vocab.silent?.has(id)) open.last = t;
      continue;
    }
    prev = id;
    if (id === vocab.blank || vocab.silent?.has(id) || id >= vocab.tokens.length) continue;
    const token = vocab.tokens[id];
    const piece = token === vocab.wordDelimiter ? ' ' : token.replaceAll(SP_SPACE, ' ');
    for (const ch of piece) {
      if (/\s/.test(ch)) {
        close();
      } else if (open) {
        open.text += ch;
        open.last = t;
      } else {
        open = { text: ch, first: t, last: t };
      }
    }
  }
  close();
  const text = words.map((w) => w.text).join(' ');
  return {
    text,
    words,
    segments:
      words.length > 0 ? [{ text, start: words[0].start, end: words[words.length - 1].end }] : [],
    duration: options.duration,
  };
}

export function emptyTranscript(duration: number): Transcript {
  return { text: '', words: [], segments: [], duration };
}
