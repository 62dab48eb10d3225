/**
 * Entity outcomes of one utterance (spec §3): the reference's entities with
 * widened value spans and canonical values, matched in reference order
 * against the readings in their hypothesis windows. Pure: the scorer calls
 * it once per utterance and aggregates the outcomes (EHR, by type, CI).
 */

import { defaultAliasIndex } from './aliases.js';
import type { AliasIndex } from './aliases.js';
import type { EntityType, Outcome } from './entity-types.js';
import { findHit, markUsed } from './matching.js';
import { classifyNonHit } from './non-hit.js';
import type { MatchContext } from './matching.js';
import { analyzeText } from './text-analysis.js';
import type { TextAnalysis } from './text-analysis.js';
import { sfrOf } from './sfr.js';
import type { UtteranceSfr } from './sfr.js';
import { brahmicBlockOfLang } from './text-views.js';
import { twerCounts } from './twer.js';
import type { TwerCounts } from './twer.js';
import { prepareEntities } from './value-spans.js';
import type { EntityToken, ReferenceEntity } from './value-spans.js';
import { matchedHypWords, windowOf } from './window.js';

export type { AliasEntry, AliasIndex } from './aliases.js';
export { buildAliasIndex, defaultAliasIndex, EMPTY_ALIAS_INDEX } from './aliases.js';
export type { EntityType, Outcome, ValueKind } from './entity-types.js';
export { ENTITY_TYPES, OUTCOMES, mapPublishedType, valueKindOf } from './entity-types.js';
export type { CanonicalValue, EntityToken, ReferenceEntity } from './value-spans.js';
export { prepareReferenceEntities } from './value-spans.js';
export type { SfrSummary, UtteranceSfr } from './sfr.js';
export { summarizeSfr } from './sfr.js';
export type { TwerCounts } from './twer.js';
export { corpusTwer } from './twer.js';

/** A reference row as the scorer reads it (spec §6); other keys are ignored here. */
export interface ReferenceRow {
  id: string;
  lang: string;
  text: string;
  entity_tokens: readonly EntityToken[];
  entity_class?: string | null;
  source?: string | null;
}

export interface EntityOutcome {
  /** Utterance id. */
  id: string;
  type: EntityType;
  originalType: string;
  lang: string;
  surface: string;
  /** Canonical value as one string (digits, "50000 INR", id, ISO…). */
  value: string;
  outcome: Outcome;
  exactSurface: boolean;
  /** The hypothesis words the entity was looked for in (`standard` form). */
  hypWindow: string;
  valueStart: number;
  valueEnd: number;
}

export interface ScoreOptions {
  /** Aliases for brands, places and persons; the installed lexicons by default. */
  aliases?: AliasIndex;
  /**
   * Normalisation profile of the run. Entity matching always compares
   * `standard` forms (spec §3); the profile is accepted so that callers pass
   * their run options through unchanged.
   */
  profile?: string;
}

function refValueWords(ref: TextAnalysis, e: ReferenceEntity): string[] {
  return ref.words.filter((w) => w.start < e.valueEnd && w.end > e.valueStart).map((w) => w.text);
}

/** Outcomes for already prepared entities (the scorer prepares each reference once). */
export function scorePrepared(
  id: string,
  ref: TextAnalysis,
  entities: readonly ReferenceEntity[],
  hyp: TextAnalysis,
): EntityOutcome[] {
  if (entities.length === 0) return [];
  const matched = matchedHypWords(ref.words, hyp.words);
  const ctx: MatchContext = {
    hyp,
    lang: ref.lang,
    langBlock: brahmicBlockOfLang(ref.lang),
    usedReadings: new Uint8Array(hyp.readings.length),
    usedWords: new Uint8Array(hyp.words.length),
    usedParts: new Map(),
  };
  const windows = entities.map((e) =>
    windowOf(ref.words, hyp.words, matched, ref.length, hyp.length, e.valueStart, e.valueEnd),
  );
  // Hits first, in reference order, so that a near miss of one entity never
  // takes the reading that is another entity's hit.
  const hits = entities.map((e, k) => {
    const h = findHit(e, ctx, windows[k]);
    if (h) markUsed(ctx, h);
    return h;
  });
  return entities.map((e, k) => {
    const w = windows[k];
    const h = hits[k];
    return {
      id,
      type: e.type,
      originalType: e.originalType,
      lang: ref.lang,
      surface: e.surface,
      value: e.display,
      outcome: h ? 'hit' : classifyNonHit(e, refValueWords(ref, e), ctx, w),
      exactSurface: h ? h.exact : false,
      hypWindow: hyp.words
        .slice(w.wordFrom, w.wordTo)
        .map((x) => x.text)
        .join(' '),
      valueStart: e.valueStart,
      valueEnd: e.valueEnd,
    };
  });
}

// The scorer asks for entities, SFR and TWER of the same row and hypothesis
// in turn: analyse each string once. A few entries are enough, because the
// calls for one utterance come together.
const ANALYSIS_CACHE_SIZE = 8;
const analysisCache = new Map<string, TextAnalysis>();

function analysis(text: string, lang: string): TextAnalysis {
  const key = `${lang}\u0000${text}`;
  const hit = analysisCache.get(key);
  if (hit !== undefined) return hit;
  const a = analyzeText(text, lang);
  if (analysisCache.size >= ANALYSIS_CACHE_SIZE) {
    analysisCache.delete(analysisCache.keys().next().value as string);
  }
  analysisCache.set(key, a);
  return a;
}

interface Prepared {
  aliases: AliasIndex;
  text: string;
  entities: ReferenceEntity[];
}

// Keyed by the row object: one reference scored against several systems is
// prepared once. The text is checked too, in case a caller reuses a row.
const preparedCache = new WeakMap<object, Prepared>();

function prepared(
  ref: ReferenceRow,
  opts: ScoreOptions,
): { refA: TextAnalysis; entities: ReferenceEntity[] } {
  const aliases = opts.aliases ?? defaultAliasIndex();
  const refA = analysis(ref.text, ref.lang);
  const hit = preparedCache.get(ref);
  if (hit !== undefined && hit.aliases === aliases && hit.text === ref.text) {
    return { refA, entities: hit.entities };
  }
  const entities = prepareEntities(refA, ref.entity_tokens, { aliases });
  preparedCache.set(ref, { aliases, text: ref.text, entities });
  return { refA, entities };
}

/** Spec §3 outcomes of every entity of `ref` against hypothesis `hyp`. */
export function scoreEntities(
  ref: ReferenceRow,
  hyp: string,
  opts: ScoreOptions = {},
): EntityOutcome[] {
  const { refA, entities } = prepared(ref, opts);
  if (entities.length === 0) return [];
  return scorePrepared(ref.id, refA, entities, analysis(hyp, ref.lang));
}

/** Spec §4 SFR of one utterance (null when the hypothesis has no letter to judge). */
export function scoreSfr(
  ref: ReferenceRow,
  hyp: string,
  opts: ScoreOptions = {},
): UtteranceSfr | null {
  const { refA, entities } = prepared(ref, opts);
  return sfrOf(refA, entities, analysis(hyp, ref.lang));
}

/** Spec §2 TWER edit counts of one utterance (`standard` words). */
export function scoreTwer(ref: ReferenceRow, hyp: string): TwerCounts {
  return twerCounts(analysis(ref.text, ref.lang).words, analysis(hyp, ref.lang).words, ref.lang);
}

export { analyzeText };
export type { TextAnalysis };
