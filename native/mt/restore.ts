/**
 * Restoration after translation: each placeholder in the model's output is
 * replaced by its entity written in the target's conventions (render.ts),
 * then the whole sentence gets the survival check (survival.ts). Whatever
 * went wrong is in the result, never dropped: a placeholder the model lost,
 * repeated or invented, an entity whose value the target does not carry.
 */
import type { AliasIndex } from '../metrics/ehr/aliases.js';
import { asciiDigits } from '../text/numbers/tokens.js';
import { PLACEHOLDER_PREFIX } from './protect.js';
import type { ProtectedText } from './protect.js';
import { renderEntity } from './render.js';
import { entitySurvival } from './survival.js';
import type { EntitySurvival } from './survival.js';

export interface RestoredEntity {
  placeholder: string;
  type: string;
  value: string;
  /** As written into the translation. */
  rendered: string;
  /** Times the model wrote the placeholder (1 when all is well). */
  occurrences: number;
  survived: boolean;
  found: string | null;
  /** Code-point span of `found` in the restored text. */
  start: number | null;
  end: number | null;
}

export interface Restored {
  text: string;
  entities: RestoredEntity[];
  /** One line per problem: lost, repeated or invented placeholders, values not found. */
  problems: string[];
  /** Every entity written once and found in the target by the survival check. */
  ok: boolean;
}

export interface RestoreOptions {
  aliases?: AliasIndex;
}

// Models may space the placeholder out, change its case or write its digits
// in the target's script ("ZX ०"): all of them are the placeholder.
const [P0, P1] = PLACEHOLDER_PREFIX;
const PLACEHOLDER = new RegExp(`${P0}\\s?${P1}\\s?(\\p{Nd}+)`, 'giu');

export interface FilledPlaceholders {
  text: string;
  /** Times the model wrote each placeholder, by index. */
  seen: number[];
  /** Placeholders with no index of the source, as the model wrote them. */
  invented: string[];
  /** Placeholder indexes in the order the translation has them (first writing of each). */
  order: number[];
}

/**
 * Writes `fill[i]` in place of placeholder i in a translation (each once: a
 * repetition is dropped, so no check counts it as the value coming back) and
 * counts what the model did with each. Shared by entity restoration and
 * template slots (template-slots.ts).
 */
export function fillPlaceholders(translation: string, fill: readonly string[]): FilledPlaceholders {
  const seen = new Array<number>(fill.length).fill(0);
  const invented: string[] = [];
  const order: number[] = [];
  const text = translation
    .replace(PLACEHOLDER, (whole, digits: string) => {
      const i = Number(asciiDigits(digits));
      if (!(i < fill.length)) {
        invented.push(whole);
        return '';
      }
      seen[i]++;
      if (seen[i] > 1) return '';
      order.push(i);
      return fill[i];
    })
    .replace(/\s{2,}/g, ' ')
    .trim();
  return { text, seen, invented, order };
}

export function restoreEntities(
  translation: string,
  p: ProtectedText,
  targetLang: string,
  opts: RestoreOptions = {},
): Restored {
  const rendered = p.entities.map((e) => renderEntity(e, p.lang, targetLang));
  const { text, seen, invented } = fillPlaceholders(translation, rendered);
  const survival: EntitySurvival[] = entitySurvival(
    p.entities.map((e) => ({
      type: e.type,
      value: e.value,
      surface: e.surface,
      canonical: e.canonical,
    })),
    text,
    targetLang,
    opts.aliases ? { aliases: opts.aliases } : {},
  );
  const problems: string[] = [];
  const entities = p.entities.map((e, i): RestoredEntity => {
    if (seen[i] === 0) problems.push(`${e.placeholder} (${e.type} ${e.value}) lost by the model`);
    if (seen[i] > 1)
      problems.push(`${e.placeholder} (${e.type} ${e.value}) written ${seen[i]} times`);
    if (!survival[i].survived) problems.push(`${e.type} ${e.value} not found in the translation`);
    return {
      placeholder: e.placeholder,
      type: e.type,
      value: e.value,
      rendered: rendered[i],
      occurrences: seen[i],
      survived: survival[i].survived,
      found: survival[i].found,
      start: survival[i].start,
      end: survival[i].end,
    };
  });
  for (const w of invented) problems.push(`${w} is no entity of the source`);
  return { text, entities, problems, ok: problems.length === 0 };
}
