import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { UserError } from '../contract/errors.js';
import { parseNumberPhrase } from '../text/numbers/index.js';
import { cpLength } from '../text/code-points.js';
import type { Rng } from './generate-rng.js';
import { langCode } from './lexicon-schema.js';
import { lexiconRoot, parseLexicon, type TemplateEntry } from './lexicon.js';

/**
 * Entity-free sentences from the generator's templates: every slot filled
 * with ordinary words of the language (`assets/lexicons/<lang>/plain-words.json`),
 * for the control arm of the entity-density experiment
 * (docs/experiments/entity-density.md). The template, and so the sentence
 * frame, stays the one the dense row was drawn from.
 */

export const plainWordsFileSchema = z.strictObject({
  _source: z.string().trim().min(1),
  _licence: z.string().trim().min(1),
  _notes: z.string().optional(),
  lang: langCode,
  words: z.array(z.string().regex(/^[^\s\d]+$/u, 'one word, no digits')).min(50),
});

const cache = new Map<string, string[]>();

export function loadPlainWords(lang: string): string[] {
  const hit = cache.get(lang);
  if (hit) return hit;
  const path = join(lexiconRoot(), lang, 'plain-words.json');
  if (!existsSync(path)) {
    throw new UserError(
      'bad_input',
      `--plain-slots: no plain-word list for "${lang}" (assets/lexicons/${lang}/plain-words.json)`,
    );
  }
  const file = parseLexicon(plainWordsFileSchema, JSON.parse(readFileSync(path, 'utf8')), path);
  const words = file.words.map((w) => w.normalize('NFC'));
  cache.set(lang, words);
  return words;
}

/** A word a scorer could read as a number: digits, or a number word of the language. */
export function isNumberWord(word: string, lang: string): boolean {
  const bare = word.replace(/^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu, '');
  if (bare === '') return false;
  return /\p{Nd}/u.test(bare) || parseNumberPhrase([bare], lang) !== null;
}

/** Plain words whose length is about `targetCp` code points, so the utterance keeps its length. */
function plainFill(words: readonly string[], rng: Rng, targetCp: number): string {
  const out: string[] = [rng.pick(words)];
  let len = cpLength(out[0]);
  while (len < targetCp * 0.8 && out.length < 12) {
    const w = rng.pick(words);
    out.push(w);
    len += 1 + cpLength(w);
  }
  return out.join(' ');
}

/**
 * The template's text with each slot replaced by plain words (about as long
 * as the spoken entity it stood for, `slotSpoken[k]` for the k-th slot) and
 * each number word or digit of its literal text by one plain word.
 */
export function plainSentence(
  tpl: TemplateEntry,
  lang: string,
  slotSpoken: readonly string[],
  rng: Rng,
): string {
  const words = loadPlainWords(lang);
  let k = 0;
  const parts = tpl.text.split(/(\{[a-z_]+\})/).filter((p) => p !== '');
  const out = parts.map((part) => {
    if (/^\{[a-z_]+\}$/.test(part)) return plainFill(words, rng, cpLength(slotSpoken[k++] ?? ''));
    return part.replace(/[^\s]+/gu, (w) => {
      if (!isNumberWord(w, lang)) return w;
      const trail = /[\p{P}\p{S}]+$/u.exec(w)?.[0] ?? '';
      return rng.pick(words) + trail;
    });
  });
  return out.join('').normalize('NFC');
}
