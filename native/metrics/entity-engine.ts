/**
 * The seam to the honest entity scorer (`native/metrics/ehr/`, owned by the
 * EHR engine): adapts its per-utterance entity outcomes, SFR (spec §4) and
 * TWER counts (spec §2) to what the report aggregates.
 */
import * as ehr from './ehr/index.js';
import type { EditCounts } from './error-rates.js';
import type { RefRow } from './files.js';
import type { EntityOutcome, UtteranceSfr } from './report.js';

export interface EntityScoring {
  entities: EntityOutcome[];
  sfr: UtteranceSfr | null;
  twer: EditCounts | null;
}

export type EntityScorer = (ref: RefRow, hyp: string) => EntityScoring;

/** The engine's scorer for rows of a reference file; SFR and TWER can be left out when not wanted. */
export function honestEntityScorer(parts: { sfr?: boolean; twer?: boolean } = {}): EntityScorer {
  const wantSfr = parts.sfr ?? true;
  const wantTwer = parts.twer ?? true;
  return (ref, hyp) => {
    const row: ehr.ReferenceRow = {
      id: ref.id,
      lang: ref.lang,
      text: ref.text,
      entity_tokens: ref.entityTokens,
      entity_class: ref.entityClass ?? null,
      source: typeof ref.raw.source === 'string' ? ref.raw.source : null,
    };
    const entities: EntityOutcome[] = ehr.scoreEntities(row, hyp).map((o) => ({
      id: o.id,
      type: o.type,
      lang: o.lang,
      class: ref.entityClass,
      system: ref.system,
      testSet: ref.testSet,
      outcome: o.outcome,
      exactSurface: o.exactSurface,
      surface: o.surface,
      value: o.value,
      hypWindow: o.hypWindow,
    }));
    return {
      entities,
      sfr: wantSfr ? ehr.scoreSfr(row, hyp) : null,
      twer: wantTwer ? ehr.scoreTwer(row, hyp) : null,
    };
  };
}

/** Kept async so that callers need not change if the engine ever loads lazily. */
export async function loadEntityScorer(): Promise<EntityScorer | null> {
  return honestEntityScorer();
}
