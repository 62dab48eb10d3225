/** Text to Piper phoneme strings, one per sentence, with espeak-ng doing the phonemes. */
import type { RunControl } from '../engine.js';
import type { PhonemeResult, PhonemizeOptions } from '../espeak/phonemize.js';
import { piperSentences } from './text-split.js';
import type { PiperClause } from './text-split.js';

/** Phonemes of several texts with one voice, in order (one pool task for them all). */
export type Phonemizer = (
  texts: string[],
  opts: PhonemizeOptions,
  run?: RunControl,
) => Promise<PhonemeResult[]>;

/**
 * Each clause is phonemised alone and followed by its punctuation, clauses
 * joined by a space: "nəmˈʌsteː, ˌaːp kˈɛːseː hɛ̃?" as piper-phonemize writes it.
 * A sentence whose clauses give no phonemes comes out as ''.
 */
export async function sentencePhonemes(
  sentences: readonly PiperClause[][],
  espeakVoice: string,
  phonemize: Phonemizer,
  run: RunControl = {},
): Promise<string[]> {
  const texts = sentences.flatMap((clauses) => clauses.map((c) => c.text));
  if (texts.length === 0) return sentences.map(() => '');
  const results = await phonemize(texts, { voice: espeakVoice, ipa: true }, { signal: run.signal });
  let k = 0;
  return sentences.map((clauses) => {
    const parts: string[] = [];
    for (const c of clauses) {
      const r = results[k++];
      if (r.phonemes.length > 0 || c.punct) parts.push(r.phonemes + c.punct);
    }
    return parts.join(' ');
  });
}

/** Phoneme strings of a whole text, one per sentence that has any. */
export async function piperPhonemes(
  text: string,
  espeakVoice: string,
  phonemize: Phonemizer,
  run: RunControl = {},
): Promise<string[]> {
  const out = await sentencePhonemes(piperSentences(text), espeakVoice, phonemize, run);
  return out.filter((p) => p.length > 0);
}
