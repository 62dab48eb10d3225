/**
 * Entity protection before translation: each entity of the source (its
 * spans, or the tagger's when a row has none) is replaced by a placeholder
 * the model carries through (`ZX0`, `ZX1`…: Latin capitals and digits, which
 * translation models copy), and kept with its canonical value so that
 * restore.ts can write it back in the target's conventions.
 */
import { tagText } from '../entities/tagger.js';
import type { AliasIndex } from '../metrics/ehr/aliases.js';
import { prepareReferenceEntities } from '../metrics/ehr/value-spans.js';
import type { CanonicalValue, EntityToken } from '../metrics/ehr/value-spans.js';

export const PLACEHOLDER_PREFIX = 'ZX';

/** Loanwords are the words of code-mix, not things a translation must keep. */
const DEFAULT_SKIP: readonly string[] = ['loanword'];

export interface ProtectedEntity {
  placeholder: string;
  /** Charkha entity type (`currency_amount`, `brand`, `person`…). */
  type: string;
  /** As written in the source (the widened value span). */
  surface: string;
  /** The scorer's display of the canonical value ("50000 INR", a name id, digits). */
  value: string;
  canonical: CanonicalValue;
  /** Code-point span of `surface` in the source. */
  start: number;
  end: number;
}

export interface ProtectedText {
  source: string;
  lang: string;
  /** The source with placeholders in place of the entities. */
  text: string;
  entities: ProtectedEntity[];
}

export interface ProtectOptions {
  aliases?: AliasIndex;
  /** Entity types left in the text. Default: loanword. */
  skipTypes?: readonly string[];
}

export function placeholder(index: number): string {
  return `${PLACEHOLDER_PREFIX}${index}`;
}

/** The tagger's spans as entity tags (rows that arrive without spans). */
export function taggedSpans(text: string, lang: string): EntityToken[] {
  return tagText(text, lang).map((s) => ({
    surface: s.surface,
    start: s.start,
    end: s.end,
    type: s.type,
    value: s.value,
    ...(s.subtype !== undefined ? { subtype: s.subtype } : {}),
  }));
}

/**
 * Replaces the entities of `text` with placeholders, numbered in text order.
 * `spans` null: the tagger finds them. Overlapping entities keep the first.
 */
export function protectEntities(
  text: string,
  lang: string,
  spans: readonly EntityToken[] | null,
  opts: ProtectOptions = {},
): ProtectedText {
  const tags = spans ?? taggedSpans(text, lang);
  const skip = opts.skipTypes ?? DEFAULT_SKIP;
  const prepared = prepareReferenceEntities(text, lang, tags, {
    ...(opts.aliases ? { aliases: opts.aliases } : {}),
  }).filter((e) => !skip.includes(e.type));
  const cps = Array.from(text);
  const entities: ProtectedEntity[] = [];
  let out = '';
  let at = 0;
  for (const e of prepared) {
    if (e.valueStart < at) continue;
    const p = placeholder(entities.length);
    out += cps.slice(at, e.valueStart).join('') + p;
    at = e.valueEnd;
    entities.push({
      placeholder: p,
      type: e.type,
      surface: e.surface,
      value: e.value.kind === 'loanword' ? e.value.latin : e.display,
      canonical: e.value,
      start: e.valueStart,
      end: e.valueEnd,
    });
  }
  out += cps.slice(at).join('');
  return { source: text, lang, text: out, entities };
}
