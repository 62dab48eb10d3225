/**
 * Splitting text at sentence ends so that a long text is synthesised piece by
 * piece (progress and cancellation between pieces) and joined with pauses of
 * a length we choose rather than espeak's.
 *
 * Ends are । ॥ ? ! (and their full-width and Arabic forms), a full stop
 * followed by white space, and line breaks. A full stop is not an end after a
 * common abbreviation (`Dr.`, `Rs.`, `No.`…) or before a digit or a
 * lower-case letter, so `Rs. 500` and `3.5` stay whole: entity-dense text is
 * full of them, and a pause inside an amount would be heard.
 */

export interface Sentence {
  text: string;
  /** UTF-16 offset of `text` in the input. */
  offset: number;
  /** Why it ended: a line break asks for a longer pause than a sentence end. */
  end: 'sentence' | 'line' | 'text';
}

const ABBREVIATIONS = new Set(
  [
    'dr',
    'mr',
    'mrs',
    'ms',
    'rs',
    'st',
    'no',
    'vs',
    'etc',
    'prof',
    'sr',
    'jr',
    'lt',
    'col',
    'gen',
    'capt',
    'smt',
    'shri',
    'sri',
    'kum',
    'mt',
    'ft',
    'approx',
    'dept',
    'govt',
    'ltd',
    'pvt',
    'co',
    'inc',
    'e.g',
    'i.e',
  ].map((a) => a.toLowerCase()),
);

const TERMINATORS = new Set(['।', '॥', '?', '!', '؟', '۔', '？', '！']);

export function splitSentences(input: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  const push = (endAt: number, end: Sentence['end']): void => {
    const raw = input.slice(start, endAt);
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (text.length > 0 && /[\p{L}\p{N}]/u.test(text))
      out.push({ text, offset: start + lead, end });
    else if (text.length > 0 && out.length > 0) {
      // Punctuation alone (a stray "…" line) belongs to the sentence before.
      out[out.length - 1].end = end;
    }
    start = endAt;
  };
  for (let i = 0; i < input.length; i++) {
    const c = input[i];
    if (c === '\n' || c === '\r') {
      push(i, 'line');
      continue;
    }
    if (TERMINATORS.has(c)) {
      // Keep runs like "?!" and "।।" together with their sentence.
      let j = i + 1;
      while (j < input.length && (TERMINATORS.has(input[j]) || input[j] === '.')) j++;
      // A danda ends a sentence even when the next one follows without a space.
      const danda = c === '।' || c === '॥';
      if (danda || j >= input.length || /\s/.test(input[j]) || /["'”’)\]]/.test(input[j])) {
        push(j, 'sentence');
        i = j - 1;
      }
      continue;
    }
    if (c === '.' && isFullStop(input, i)) {
      let j = i + 1;
      while (j < input.length && input[j] === '.') j++;
      push(j, 'sentence');
      i = j - 1;
    }
  }
  push(input.length, 'text');
  return out;
}

function isFullStop(s: string, i: number): boolean {
  const next = s[i + 1];
  if (next !== undefined && !/\s/.test(next)) return false;
  // Look past the spaces: a digit or lower-case letter continues the sentence.
  let k = i + 1;
  while (k < s.length && (s[k] === ' ' || s[k] === '\t')) k++;
  if (k < s.length && /[\p{Ll}\p{Nd}]/u.test(s[k])) return false;
  const before = /([\p{L}.]+)$/u.exec(s.slice(Math.max(0, i - 12), i));
  if (before && ABBREVIATIONS.has(before[1].toLowerCase())) return false;
  // A single capital letter is an initial: "A. P. J. Abdul Kalam".
  if (before && /^\p{Lu}$/u.test(before[1])) return false;
  return true;
}
