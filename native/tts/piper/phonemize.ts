/** Text to Piper phoneme strings, one per sentence, with espeak-ng doing the phonemes. */
import type { RunControl } from '../engine.js';
import type { PhonemeResult, PhonemizeOptions } from '../espeak/phonemize.js';
import { piperSentences } from './text-split.js';

export type Phonemizer = (
  text: string,
  opts: PhonemizeOptions,
  run?: RunControl,
) => Promise<PhonemeResult>;

/**
 * Each clause is phonemised alone and followed by its punctuation, clauses
 * joined by a space: "nəmˈʌsteː, ˌaːp kˈɛːseː hɛ̃?" as piper-phonemize writes it.
 */
export async function piperPhonemes(
  text: string,
  espeakVoice: string,
  phonemize: Phonemizer,
  run: RunControl = {},
): Promise<string[]> {
  const out: string[] = [];
  for (const clauses of piperSentences(text)) {
    const parts: string[] = [];
    for (const c of clauses) {
      const r = await phonemize(c.text, { voice: espeakVoice, ipa: true }, { signal: run.signal });
      if (r.phonemes.length > 0 || c.punct) parts.push(r.phonemes + c.punct);
    }
    if (parts.length > 0) out.push(parts.join(' '));
  }
  return out;
}
