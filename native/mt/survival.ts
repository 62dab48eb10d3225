/**
 * Entity survival (issue 9): whether each source entity's canonical value
 * is present in a translation, found with the scorer's own readings
 * (native/metrics/ehr): digits, number words, native digits, amounts with
 * their currency words, aliases and transliterated names. A translation has
 * no word alignment with its source, so the whole target is the window; each
 * target reading or word credits one entity only, so a value the source has
 * twice must come back twice.
 */

import { cpLength, cpSlice } from '../text/code-points.js';
import { dominantScript, isBrahmic, LANG_SCRIPT } from '../text/scripts.js';
import type { Lang } from '../text/scripts.js';
import { defaultAliasIndex } from '../metrics/ehr/aliases.js';
import type { AliasIndex } from '../metrics/ehr/aliases.js';
import { findHit, markUsed } from '../metrics/ehr/matching.js';
import type { Hit, MatchContext } from '../metrics/ehr/matching.js';
import { analyzeText } from '../metrics/ehr/text-analysis.js';
import type { TextAnalysis } from '../metrics/ehr/text-analysis.js';
import { brahmicBlockOfLang, standardString } from '../metrics/ehr/text-views.js';
import { prepareEntities, prepareReferenceEntities } from '../metrics/ehr/value-spans.js';
import type { CanonicalValue, EntityToken, ReferenceEntity } from '../metrics/ehr/value-spans.js';
import type { Window } from '../metrics/ehr/window.js';

/** A source entity: its type (published or Charkha name) and canonical value. */
export interface SourceEntity {
  type: string;
  /** Canonical value as the scorer displays it ("9876543210", "50000 INR", a name id) or as written. */
  value: string;
  /** Written form in the source, kept for reports. */
  surface?: string;
  /** The canonical value itself, when the caller has it (the scorer cannot read every display back). */
  canonical?: CanonicalValue;
}

export interface EntitySurvival {
  type: string;
  value: string;
  survived: boolean;
  /** The target text that carries the value, or null. */
  found: string | null;
  /** Code-point span of `found` in the target. */
  start: number | null;
  end: number | null;
}

export interface SurvivalOptions {
  /** Name aliases; the installed lexicons by default. */
  aliases?: AliasIndex;
}

/** The language whose script a value is written in: digits and Latin read as English. */
function valueLang(value: string): string {
  const script = dominantScript(value);
  if (!isBrahmic(script)) return 'en';
  const langs = Object.keys(LANG_SCRIPT) as Lang[];
  return langs.find((l) => LANG_SCRIPT[l] === script) ?? 'en';
}

/** The scorer's display of a loanword ("spreadsheet (sprdst)") back to the word. */
function bareValue(value: string): string {
  return value.replace(/ \([^()]*\)$/u, '').trim();
}

/** One source entity read the way the scorer reads a reference tag over its whole value. */
function canonicalEntity(e: SourceEntity, aliases: AliasIndex): ReferenceEntity | undefined {
  const text = bareValue(e.value !== '' ? e.value : (e.surface ?? ''));
  if (text === '') return undefined;
  const tag: EntityToken = { surface: text, start: 0, end: cpLength(text), type: e.type };
  const ref = prepareReferenceEntities(text, valueLang(text), [tag], { aliases })[0];
  return ref !== undefined && e.canonical !== undefined ? { ...ref, value: e.canonical } : ref;
}

function wholeWindow(a: TextAnalysis): Window {
  return { start: 0, end: a.length, wordFrom: 0, wordTo: a.words.length, expected: 0 };
}

function hitSpan(a: TextAnalysis, h: Hit): [number, number] {
  if (h.reading !== undefined) {
    const r = a.readings[h.reading];
    if (h.parts !== undefined && r.parts !== undefined) {
      return [r.parts[h.parts[0]].start, r.parts[h.parts[1] - 1].end];
    }
    return [r.start, r.end];
  }
  return [a.words[h.wordFrom].start, a.words[h.wordTo - 1].end];
}

/** Entities of unknown type are looked for as their written form. */
function literalSpan(value: string, target: TextAnalysis): [number, number] | undefined {
  const want = standardString(value, valueLang(value));
  if (want === '') return undefined;
  const n = want.split(' ').length;
  const words = target.words;
  for (let a = 0; a + n <= words.length; a++) {
    const gram = words.slice(a, a + n).map((w) => w.text);
    if (gram.join(' ') === want) return [words[a].start, words[a + n - 1].end];
  }
  return undefined;
}

/**
 * For each source entity, whether the target carries its value, in source
 * order; the first entity with a value takes its first occurrence.
 */
export function entitySurvival(
  entities: readonly SourceEntity[],
  target: string,
  targetLang: string,
  opts: SurvivalOptions = {},
): EntitySurvival[] {
  const aliases = opts.aliases ?? defaultAliasIndex();
  const hyp = analyzeText(target, targetLang);
  const ctx: MatchContext = {
    hyp,
    lang: targetLang,
    langBlock: brahmicBlockOfLang(targetLang),
    usedReadings: new Uint8Array(hyp.readings.length),
    usedWords: new Uint8Array(hyp.words.length),
    usedParts: new Map(),
  };
  const w = wholeWindow(hyp);
  return entities.map((e) => {
    const ref = canonicalEntity(e, aliases);
    let span: [number, number] | undefined;
    if (ref !== undefined) {
      const h = findHit(ref, ctx, w);
      if (h !== undefined) {
        markUsed(ctx, h);
        span = hitSpan(hyp, h);
      }
    } else {
      span = literalSpan(bareValue(e.value), hyp);
    }
    return {
      type: e.type,
      value: e.value,
      survived: span !== undefined,
      found: span === undefined ? null : cpSlice(target, span[0], span[1]),
      start: span?.[0] ?? null,
      end: span?.[1] ?? null,
    };
  });
}

/** A corpus row's entities as the scorer prepares them (fragments merged, values canonical). */
export function rowEntities(
  row: { text: string; lang: string; entity_tokens: readonly EntityToken[] },
  opts: SurvivalOptions = {},
): SourceEntity[] {
  const aliases = opts.aliases ?? defaultAliasIndex();
  return prepareEntities(analyzeText(row.text, row.lang), row.entity_tokens, { aliases }).map(
    (e) => ({
      type: e.type,
      value: e.value.kind === 'loanword' ? e.value.latin : e.display,
      surface: e.surface,
      canonical: e.value,
    }),
  );
}
