/**
 * The times of a hypothesis's words, as a recogniser gives them, and where
 * each lands in the scorer's alignment: the Evaluate screen plays an entity
 * from the first hypothesis word aligned to it rather than from a guess.
 */
import { UserError } from '../contract/errors.js';
import { jsonObjects } from '../metrics/files.js';
import { normalize, words, type Profile } from '../text/normalize.js';

export interface HypWord {
  text: string;
  /** Seconds from the start of the utterance's audio. */
  start: number;
  end: number;
}

function wordOf(v: unknown): HypWord | null {
  if (!v || typeof v !== 'object') return null;
  const o = v as Record<string, unknown>;
  // `charkha transcribe --json` writes `text`; other recognisers' exports often write `word`.
  const text = typeof o.text === 'string' ? o.text : typeof o.word === 'string' ? o.word : null;
  const { start, end } = o;
  if (text === null || typeof start !== 'number' || typeof end !== 'number') return null;
  if (!Number.isFinite(start) || !Number.isFinite(end) || start < 0 || end < start) return null;
  return { text, start, end };
}

/** The `words` of each row of a hypothesis JSONL that has them (rows without are left out). */
export function parseHypothesisWords(text: string, file: string): Map<string, HypWord[]> {
  const out = new Map<string, HypWord[]>();
  for (const [o, line] of jsonObjects(text, file)) {
    if (o.words === undefined || o.words === null) continue;
    if (!Array.isArray(o.words))
      throw new UserError('bad_input', `${file}:${line}: field "words" must be a list`);
    const ws = o.words.map(wordOf);
    const at = ws.findIndex((w) => w === null);
    if (at >= 0)
      throw new UserError(
        'bad_input',
        `${file}:${line}: words[${at}] needs "text" (or "word"), and "start" ≤ "end" in seconds`,
      );
    if (ws.length > 0) out.set(String(o.id as string | number), ws as HypWord[]);
  }
  return out;
}

function indexOfCps(hay: readonly string[], needle: readonly string[], from: number): number {
  outer: for (let i = from; i + needle.length <= hay.length; i++) {
    for (let k = 0; k < needle.length; k++) if (hay[i + k] !== needle[k]) continue outer;
    return i;
  }
  return -1;
}

/**
 * The start time of each word of the normalised hypothesis (the words the
 * alignment sees), or null where no timed word covers it: each timed word is
 * found in the raw hypothesis in order, and a normalised word takes the time
 * of the first timed word it overlaps.
 */
export function normalizedWordStarts(
  hypothesis: string,
  lang: string,
  profile: Profile,
  timed: readonly HypWord[],
): (number | null)[] {
  const raw = Array.from(hypothesis);
  const placed: { start: number; end: number; sec: number }[] = [];
  let cursor = 0;
  for (const w of timed) {
    const needle = Array.from(w.text.trim());
    if (needle.length === 0) continue;
    const at = indexOfCps(raw, needle, cursor);
    if (at < 0) continue;
    placed.push({ start: at, end: at + needle.length, sec: w.start });
    cursor = at + needle.length;
  }
  const n = normalize(hypothesis, lang, profile);
  return words(n.text).map((w) => {
    const start = n.map[w.start];
    const end = n.map[w.end - 1] + 1;
    return placed.find((p) => p.start < end && p.end > start)?.sec ?? null;
  });
}
