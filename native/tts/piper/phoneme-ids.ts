/**
 * Phonemes to Piper ids exactly as piper-phonemize does it: the phoneme
 * string is split into code points after NFD (so `ɛ̃` is `ɛ` then the
 * combining tilde), every id is followed by the pad `_`, and the sequence is
 * wrapped in BOS `^` (itself followed by a pad) and EOS `$`. Phonemes the
 * voice does not know are dropped and reported.
 */
export const PAD = '_';
export const BOS = '^';
export const EOS = '$';

export interface PhonemeIds {
  ids: number[];
  /** Phonemes missing from the voice's map (each once). */
  missing: string[];
}

export function phonemesToIds(phonemes: string, map: Record<string, number[]>): PhonemeIds {
  const ids: number[] = [...map[BOS], ...map[PAD]];
  const missing = new Set<string>();
  for (const ch of phonemes.normalize('NFD')) {
    const id = map[ch];
    if (!id) {
      missing.add(ch);
      continue;
    }
    ids.push(...id, ...map[PAD]);
  }
  ids.push(...map[EOS]);
  return { ids, missing: [...missing] };
}
