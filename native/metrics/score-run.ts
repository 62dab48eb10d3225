/**
 * Scores hypothesis rows against reference rows, in Charkha's honest mode or
 * in a paper-compatible mode, and returns the report of spec §6. The CLI,
 * the reproduce script and the service all call this one function.
 */
import { UserError } from '../contract/errors.js';
import { normalize, type Profile } from '../text/normalize.js';
import { isSupportedLang } from '../text/scripts.js';
import { aggregatePraxel, praxelWerWords, scorePraxelRow } from './compat-praxel.js';
import { praxelTables } from './compat-tables.js';
import { loadEntityScorer, type EntityScorer } from './entity-engine.js';
import { addCounts, editCounts, emptyCounts, utteranceErrors } from './error-rates.js';
import { pairRows, type RefRow } from './files.js';
import { buildReport, type UtteranceResult } from './report.js';
import type { CompatMode, ScoreReport } from './report-schema.js';

export interface ScoreOptions {
  profile?: Profile;
  compat?: CompatMode | null;
  perEntity?: boolean;
  /**
   * The entity engine to use; `undefined` loads `native/metrics/ehr` when it
   * exists, `null` scores without entities (WER/CER/AER only).
   */
  entityScorer?: EntityScorer | null;
  /** Labels for `by_system` / `by_test_set` when rows do not carry their own. */
  system?: string;
  testSet?: string;
}

export interface ScoreDetails {
  report: ScoreReport;
  /** Per scored utterance, in reference order (for the SFR distribution). */
  sfrValues: number[];
}

export async function scoreRows(
  refs: readonly RefRow[],
  hyps: ReadonlyMap<string, string | null>,
  opts: ScoreOptions = {},
): Promise<ScoreReport> {
  return (await scoreRowsDetailed(refs, hyps, opts)).report;
}

export async function scoreRowsDetailed(
  refs: readonly RefRow[],
  hyps: ReadonlyMap<string, string | null>,
  opts: ScoreOptions = {},
): Promise<ScoreDetails> {
  const { scored, missing } = pairRows(refs, hyps);
  if (opts.compat) return scoreCompat(scored, missing.length, opts);
  const profile = opts.profile ?? 'standard';
  const scorer = opts.entityScorer === undefined ? await loadEntityScorer() : opts.entityScorer;
  const utterances: UtteranceResult[] = [];
  for (const { ref, hyp } of scored) {
    if (!isSupportedLang(ref.lang)) {
      throw new UserError(
        'bad_input',
        `${ref.file}:${ref.line}: unsupported language "${ref.lang}" in field "lang"`,
      );
    }
    const r = normalize(ref.text, ref.lang, profile).text;
    const h = normalize(hyp, ref.lang, profile).text;
    const ents = scorer ? scorer(ref, hyp) : null;
    utterances.push({
      id: ref.id,
      lang: ref.lang,
      entityClass: ref.entityClass,
      system: ref.system ?? opts.system,
      testSet: ref.testSet ?? opts.testSet,
      errors: utteranceErrors(r, h),
      twer: ents?.twer ?? null,
      sfr: ents?.sfr ?? null,
      entities: ents?.entities ?? [],
    });
  }
  const report = buildReport({
    profile,
    compat: null,
    missing: missing.length,
    utterances,
    perEntity: opts.perEntity,
  });
  const sfrValues = utterances.filter((u) => u.sfr).map((u) => u.sfr!.value);
  if (!scorer) {
    // Without the engine nothing about entities was computed: say so with null.
    const bare: ScoreReport = {
      ...report,
      ehr: { micro: null, macro: null, ci95: null },
      hits: null,
      entities: null,
      outcomes: { hit: null, wrong_script: null, partial: null, miss: null },
      by_type: null,
      by_lang: null,
      by_class: null,
      by_system: null,
      by_test_set: null,
      per_entity: opts.perEntity ? [] : null,
    };
    return { report: bare, sfrValues };
  }
  return { report, sfrValues };
}

/** `--compat praxel-2026`: the paper's figures, and null for what its scorer does not compute. */
function scoreCompat(
  scored: { ref: RefRow; hyp: string }[],
  missing: number,
  opts: ScoreOptions,
): ScoreDetails {
  const tables = praxelTables();
  const words = emptyCounts();
  const utterances: UtteranceResult[] = [];
  const rows = [];
  for (const { ref, hyp } of scored) {
    const row = scorePraxelRow(
      { id: ref.id, lang: ref.lang, entityClass: ref.entityClass, tokens: ref.entityTokens },
      hyp,
      tables,
    );
    rows.push(row);
    addCounts(words, editCounts(praxelWerWords(ref.text), praxelWerWords(hyp)));
    utterances.push({
      id: ref.id,
      lang: ref.lang,
      // The paper groups rows by entity_class with "" when absent.
      entityClass: ref.entityClass ?? '',
      errors: null,
      sfr: { value: row.sfr, letters: 0, inScript: 0 },
      entities: row.tokens.map((t) => ({
        id: ref.id,
        type: t.type,
        lang: ref.lang,
        class: ref.entityClass ?? '',
        outcome: t.hit ? 'hit' : 'miss',
        exactSurface: null,
        surface: t.surface,
        value: null,
        hypWindow: null,
      })),
    });
  }
  const summary = aggregatePraxel(rows, missing);
  const report = buildReport({
    profile: null,
    compat: opts.compat ?? 'praxel-2026',
    missing,
    utterances,
    perEntity: opts.perEntity,
    compatWords: scored.length ? words : null,
    outcomeClasses: ['hit', 'miss'],
    sfrRatio: false,
  });
  const compat: ScoreReport = {
    ...report,
    // The paper's EHR is 0.0 with no tokens; the report keeps null for "no entities".
    ehr: { ...report.ehr, micro: summary.tokens ? summary.ehr : null, macro: null },
    by_system: null,
    by_test_set: null,
  };
  return { report: compat, sfrValues: rows.map((r) => r.sfr) };
}
