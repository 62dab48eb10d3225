/**
 * Builds the score report of spec §6 from per-utterance results: corpus
 * error rates (sums over utterances), EHR micro/macro and per group, each
 * with a bootstrap interval over utterances, outcome counts, SFR summary.
 */
import type { Profile } from '../text/normalize.js';
import { bootstrapRatio, type Interval } from './bootstrap.js';
import {
  corpusErrors,
  merOf,
  werOf,
  wilOf,
  wipOf,
  type EditCounts,
  type UtteranceErrors,
} from './error-rates.js';
import {
  METRIC_VERSION,
  ScoreReport,
  type CompatMode,
  type GroupFigures,
  type PerEntity,
} from './report-schema.js';

export type EntityOutcomeClass = 'hit' | 'wrong_script' | 'partial' | 'miss';

/** One scored reference entity, as the EHR engine (or compat mode) reports it. */
export interface EntityOutcome {
  id: string;
  type: string;
  lang: string;
  class?: string;
  system?: string;
  testSet?: string;
  outcome: EntityOutcomeClass;
  exactSurface: boolean | null;
  surface: string;
  value: string | null;
  hypWindow: string | null;
}

/** Script fidelity of one hypothesis: letters counted and those in the language's script. */
export interface UtteranceSfr {
  value: number;
  letters: number;
  inScript: number;
}

export interface UtteranceResult {
  id: string;
  lang: string;
  entityClass?: string;
  system?: string;
  testSet?: string;
  /** Null in compat mode for what compat does not compute. */
  errors: UtteranceErrors | null;
  twer?: EditCounts | null;
  sfr?: UtteranceSfr | null;
  entities: EntityOutcome[];
}

export interface ReportInput {
  profile: Profile | null;
  compat: CompatMode | null;
  missing: number;
  utterances: readonly UtteranceResult[];
  perEntity?: boolean;
  /** Compat mode: WER counts on raw strings, replacing `errors`' words. */
  compatWords?: EditCounts | null;
  /** Which outcome classes the mode can produce (compat: hit and miss only). */
  outcomeClasses?: readonly EntityOutcomeClass[];
  /** Ratio and collapse share are honest-mode figures; compat computes only means. */
  sfrRatio?: boolean;
}

const ALL_OUTCOMES: readonly EntityOutcomeClass[] = ['hit', 'wrong_script', 'partial', 'miss'];

function groupFigures(
  utts: readonly UtteranceResult[],
  keyOf: (u: UtteranceResult, e: EntityOutcome) => string | undefined,
): Record<string, GroupFigures> | null {
  // Per group, per utterance hits and entities: the bootstrap draws utterances.
  const groups = new Map<string, { hits: Float64Array; ents: Float64Array }>();
  utts.forEach((u, i) => {
    for (const e of u.entities) {
      const k = keyOf(u, e);
      if (k === undefined) continue;
      let g = groups.get(k);
      if (!g) {
        g = { hits: new Float64Array(utts.length), ents: new Float64Array(utts.length) };
        groups.set(k, g);
      }
      g.ents[i]++;
      if (e.outcome === 'hit') g.hits[i]++;
    }
  });
  if (groups.size === 0) return null;
  const out: Record<string, GroupFigures> = {};
  for (const k of [...groups.keys()].sort()) {
    const g = groups.get(k)!;
    const hits = g.hits.reduce((a, b) => a + b, 0);
    const entities = g.ents.reduce((a, b) => a + b, 0);
    out[k] = {
      hits,
      entities,
      ehr: entities ? hits / entities : null,
      ci95: bootstrapRatio(g.hits, g.ents),
    };
  }
  return out;
}

function rate(c: EditCounts | null | undefined, f: (c: EditCounts) => number): number | null {
  return c ? f(c) : null;
}

function mean(xs: readonly number[]): number | null {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null;
}

export function buildReport(input: ReportInput): ScoreReport {
  const utts = input.utterances;
  const withErrors = utts.filter((u) => u.errors !== null).map((u) => u.errors!);
  const errs =
    withErrors.length === utts.length && utts.length > 0 ? corpusErrors(withErrors) : null;
  const words = input.compatWords !== undefined ? input.compatWords : (errs?.words ?? null);

  let twer: EditCounts | null = null;
  if (utts.length > 0 && utts.every((u) => u.twer)) {
    twer = corpusErrors(
      utts.map((u) => ({ words: u.twer!, chars: u.twer!, aksharas: null })),
    ).words;
  }

  const hitsPer = Float64Array.from(
    utts,
    (u) => u.entities.filter((e) => e.outcome === 'hit').length,
  );
  const entsPer = Float64Array.from(utts, (u) => u.entities.length);
  const hits = hitsPer.reduce((a, b) => a + b, 0);
  const entities = entsPer.reduce((a, b) => a + b, 0);
  const ci95: Interval | null = bootstrapRatio(hitsPer, entsPer);

  const byType = groupFigures(utts, (_u, e) => e.type);
  const macro = byType ? mean(Object.values(byType).map((g) => g.ehr ?? 0)) : null;

  const classes = input.outcomeClasses ?? ALL_OUTCOMES;
  const outcomes = { hit: null, wrong_script: null, partial: null, miss: null } as Record<
    EntityOutcomeClass,
    number | null
  >;
  for (const c of classes) outcomes[c] = 0;
  for (const u of utts)
    for (const e of u.entities) outcomes[e.outcome] = (outcomes[e.outcome] ?? 0) + 1;

  const sfrs = utts.filter((u) => u.sfr).map((u) => u.sfr!);
  const sfrByLang = new Map<string, number[]>();
  for (const u of utts)
    if (u.sfr) sfrByLang.set(u.lang, [...(sfrByLang.get(u.lang) ?? []), u.sfr.value]);
  const letters = sfrs.reduce((a, s) => a + s.letters, 0);
  const inScript = sfrs.reduce((a, s) => a + s.inScript, 0);
  const sfrRatio = input.sfrRatio ?? true;

  let perEntity: PerEntity[] | null = null;
  if (input.perEntity) {
    perEntity = utts.flatMap((u) =>
      u.entities.map((e) => ({
        id: e.id,
        lang: e.lang,
        type: e.type,
        surface: e.surface,
        value: e.value,
        outcome: e.outcome,
        exact_surface: e.exactSurface,
        hyp_window: e.hypWindow,
      })),
    );
  }

  const report: ScoreReport = {
    metric_version: input.compat ?? METRIC_VERSION,
    profile: input.profile,
    compat: input.compat,
    utterances: utts.length,
    missing: input.missing,
    wer: rate(words, werOf),
    twer: rate(twer, werOf),
    cer: rate(errs?.chars, werOf),
    aer: rate(errs?.aksharas, werOf),
    mer: rate(words, merOf),
    wil: rate(words, wilOf),
    wip: rate(words, wipOf),
    ehr: { micro: entities ? hits / entities : null, macro, ci95 },
    hits,
    entities,
    outcomes,
    by_type: byType,
    by_lang: groupFigures(utts, (u, e) => e.lang || u.lang),
    by_class: groupFigures(utts, (u, e) => e.class ?? u.entityClass),
    by_system: groupFigures(utts, (u, e) => e.system ?? u.system),
    by_test_set: groupFigures(utts, (u, e) => e.testSet ?? u.testSet),
    sfr: {
      mean: mean(sfrs.map((s) => s.value)),
      ratio: sfrRatio && sfrs.length && letters ? inScript / letters : null,
      collapse_share:
        sfrRatio && sfrs.length ? sfrs.filter((s) => s.value < 0.5).length / sfrs.length : null,
      by_lang: sfrByLang.size
        ? Object.fromEntries([...sfrByLang].sort().map(([l, v]) => [l, mean(v) as number]))
        : null,
    },
    per_entity: perEntity,
  };
  // The report is a contract: fail here, not in a consumer, if it drifts.
  return ScoreReport.parse(report);
}
