/**
 * Phonemes remembered per (espeak voice, clause): a text spoken again (other
 * speakers of a voice, other noise or length scales, a re-run) skips the
 * pool round trip. Bounded, least recently used first out.
 */
import type { PhonemeResult } from '../espeak/phonemize.js';
import type { Phonemizer } from './phonemize.js';

export const DEFAULT_PHONEME_CACHE = 1024;

export function cachedPhonemizer(inner: Phonemizer, capacity = DEFAULT_PHONEME_CACHE): Phonemizer {
  if (capacity <= 0) return inner;
  const cache = new Map<string, PhonemeResult>();
  const keyOf = (text: string, voice: string, variant = '', ipa = true): string =>
    `${voice}\u0000${variant}\u0000${ipa ? 1 : 0}\u0000${text}`;
  return async (texts, opts, run) => {
    const keys = texts.map((t) => keyOf(t, opts.voice, opts.variant, opts.ipa));
    const missing = [...new Set(keys.filter((k) => !cache.has(k)))];
    if (missing.length > 0) {
      const texts0 = missing.map((k) => k.slice(k.lastIndexOf('\u0000') + 1));
      const got = await inner(texts0, opts, run);
      missing.forEach((k, i) => cache.set(k, got[i]));
    }
    return keys.map((k) => {
      const r = cache.get(k)!;
      // Most recently used last, so the first key is the one to drop.
      cache.delete(k);
      cache.set(k, r);
      while (cache.size > capacity) cache.delete(cache.keys().next().value!);
      return r;
    });
  };
}
