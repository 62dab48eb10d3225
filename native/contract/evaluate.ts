import { z } from 'zod';
import { Interval, OutcomeClass, RunSummary, TypeFigure } from './runs.js';

/** The Evaluate workspace's methods (issue 11): compare, utterances, drill-down, reference fixes. */

const Id = z.number().int();
const Range95 = z.tuple([z.number(), z.number()]);

export const EVAL_METRICS = ['wer', 'cer', 'aer', 'ehr', 'ehr_macro', 'sfr'] as const;
export const EvalMetric = z.enum(EVAL_METRICS);
export type EvalMetric = z.infer<typeof EvalMetric>;

export const MetricComparisonRow = z.object({
  metric: EvalMetric,
  /** Per run, in the order asked: the figure on the common utterances and its 95% interval. */
  values: z.array(z.object({ runId: Id, value: z.number().nullable(), ci95: Interval })),
  /** Each run after the first against the first: run − first, paired bootstrap interval. */
  differences: z.array(
    z.object({
      runId: Id,
      against: Id,
      difference: z.number(),
      ci95: Range95,
      /** The interval excludes 0. */
      significant: z.boolean(),
    }),
  ),
});
export type MetricComparisonRow = z.infer<typeof MetricComparisonRow>;

export const EvalComparison = z.object({
  runs: z.array(RunSummary),
  commonUtterances: z.number().int(),
  metrics: z.array(MetricComparisonRow),
  /** EHR per entity type and run (same order as `runs`; null where the run has none of the type). */
  byType: z.array(z.object({ type: z.string(), figures: z.array(TypeFigure.nullable()) })),
});
export type EvalComparison = z.infer<typeof EvalComparison>;

export const EVAL_SORTS = ['id', 'wer', 'cer', 'duration', 'errors'] as const;
export const OutcomeFilter = z.union([OutcomeClass, z.literal('error')]);
export type OutcomeFilter = z.infer<typeof OutcomeFilter>;

export const EvalUtteranceFilter = z.object({
  /** The run whose scores the table shows and filters on. */
  runId: Id,
  /** Other runs whose WER is shown beside it. */
  alsoRunIds: z.array(Id).max(8).default([]),
  lang: z.string().max(16).optional(),
  entityClass: z.string().max(64).optional(),
  entityType: z.string().max(64).optional(),
  /** An entity (of `entityType`, when given) with this outcome; `error`: any but a hit. */
  outcome: OutcomeFilter.optional(),
  werMin: z.number().nonnegative().optional(),
  werMax: z.number().nonnegative().optional(),
  durationMin: z.number().nonnegative().optional(),
  durationMax: z.number().nonnegative().optional(),
  system: z.string().max(200).optional(),
  sort: z.enum(EVAL_SORTS).default('id'),
  desc: z.boolean().default(false),
  offset: z.number().int().nonnegative().default(0),
  limit: z.number().int().positive().max(5000).default(200),
});
export type EvalUtteranceFilter = z.input<typeof EvalUtteranceFilter>;

export const EvalUtteranceRow = z.object({
  utteranceId: Id,
  extId: z.string(),
  lang: z.string(),
  entityClass: z.string().nullable(),
  system: z.string().nullable(),
  audioId: Id.nullable(),
  durationSec: z.number().nullable(),
  text: z.string(),
  hypothesis: z.string(),
  wer: z.number().nullable(),
  cer: z.number().nullable(),
  entities: z.number().int(),
  hits: z.number().int(),
  /** Entity types with an outcome other than hit, e.g. "phone: miss". */
  errors: z.array(z.object({ type: z.string(), outcome: OutcomeClass })),
  /** WER of each of `alsoRunIds`, in order (null: not scored there). */
  alsoWer: z.array(z.number().nullable()),
});
export type EvalUtteranceRow = z.infer<typeof EvalUtteranceRow>;

export const EvalFacets = z.object({
  langs: z.array(z.string()),
  classes: z.array(z.string()),
  types: z.array(z.string()),
  systems: z.array(z.string()),
});

export const ALIGN_OPS = ['match', 'sub', 'del', 'ins'] as const;

export const AlignedToken = z.object({
  op: z.enum(ALIGN_OPS),
  ref: z.string().nullable(),
  hyp: z.string().nullable(),
  /** Ids of the reference entity spans this reference word lies in. */
  spanIds: z.array(Id),
  /** Seconds where the hypothesis word starts, where the run stored word times. */
  hypStart: z.number().nullable().default(null),
});
export type AlignedToken = z.infer<typeof AlignedToken>;

export const ERROR_PATTERNS = [
  'number_as_words',
  'digit_split_merged',
  'one_digit_wrong',
  'wrong_script',
  'transliteration_variant',
  'deleted',
  'other',
] as const;
export const ErrorPattern = z.enum(ERROR_PATTERNS);
export type ErrorPattern = z.infer<typeof ErrorPattern>;

export const EvalUtteranceDetail = z.object({
  utteranceId: Id,
  extId: z.string(),
  lang: z.string(),
  text: z.string(),
  /** What the voice was asked to say, where the utterance has a spoken form. */
  spoken: z.string().nullable(),
  audioId: Id.nullable(),
  durationSec: z.number().nullable(),
  entities: z.array(
    z.object({
      spanId: Id,
      type: z.string(),
      surface: z.string(),
      value: z.string().nullable(),
      start: Id,
      end: Id,
      /**
       * Where in the recording the entity is spoken: the start of the first
       * hypothesis word aligned to it in the first run with word times, else
       * an estimate from its place in the text times the duration.
       */
      startSec: z.number().nullable(),
      timing: z.enum(['words', 'estimate']),
      /** The run whose word times gave `startSec` (null for an estimate). */
      timedByRunId: Id.nullable(),
    }),
  ),
  runs: z.array(
    z.object({
      runId: Id,
      name: z.string(),
      hypothesis: z.string(),
      wer: z.number().nullable(),
      tokens: z.array(AlignedToken),
      outcomes: z.array(
        z.object({
          spanId: Id,
          outcome: OutcomeClass,
          hypWindow: z.string(),
          pattern: ErrorPattern.nullable(),
        }),
      ),
    }),
  ),
});
export type EvalUtteranceDetail = z.infer<typeof EvalUtteranceDetail>;

export const PatternEntity = z.object({
  utteranceId: Id,
  extId: z.string(),
  lang: z.string(),
  audioId: Id.nullable(),
  surface: z.string(),
  value: z.string().nullable(),
  outcome: OutcomeClass,
  hypWindow: z.string(),
});
export type PatternEntity = z.infer<typeof PatternEntity>;

export const EntityPatterns = z.object({
  type: z.string(),
  total: z.number().int(),
  hits: z.number().int(),
  /** Largest group first; every non-hit entity of the type is in exactly one group. */
  groups: z.array(
    z.object({ pattern: ErrorPattern, count: z.number().int(), entities: z.array(PatternEntity) }),
  ),
});
export type EntityPatterns = z.infer<typeof EntityPatterns>;

/** The written text, or the spoken form (what a voice says: numbers as words). */
export const ReferenceForm = z.enum(['text', 'spoken']);
export type ReferenceForm = z.infer<typeof ReferenceForm>;

export const ReferenceEdit = z.object({
  id: Id,
  utteranceId: Id,
  extId: z.string(),
  author: z.string(),
  at: z.string(),
  /** The written text before and after (the same where only the spoken form changed). */
  before: z.string(),
  after: z.string(),
  /** The spoken form before and after, where the fix changed it. */
  spokenBefore: z.string().nullable(),
  spokenAfter: z.string().nullable(),
  /** The forms the fix changed. */
  forms: z.array(ReferenceForm),
  note: z.string().nullable(),
  /** The runs rescored, each against the form it was scored on, with their EHR and WER before and after. */
  rescored: z.array(
    z.object({
      runId: Id,
      name: z.string(),
      reference: ReferenceForm,
      ehrBefore: z.number().nullable(),
      ehrAfter: z.number().nullable(),
      werBefore: z.number().nullable(),
      werAfter: z.number().nullable(),
    }),
  ),
  /** Runs on the utterance left as scored: on a form the fix did not change, or paper-compatible. */
  kept: z.array(
    z.object({
      runId: Id,
      name: z.string(),
      reference: ReferenceForm,
      reason: z.enum(['form_unchanged', 'paper_compatible']),
    }),
  ),
});
export type ReferenceEdit = z.infer<typeof ReferenceEdit>;

export const FixReferenceRequest = z.object({
  utteranceId: Id,
  /** The written text (unchanged is fine where `spoken` changes). */
  text: z.string().min(1).max(20_000),
  /** The corrected spoken form, for an utterance that has one. */
  spoken: z.string().min(1).max(20_000).optional(),
  /** Who made the change; the engine's user name when absent. */
  author: z.string().max(200).optional(),
  note: z.string().max(2000).optional(),
});
export type FixReferenceRequest = z.infer<typeof FixReferenceRequest>;

export const evaluateApi = {
  'evaluate.compare': {
    request: z.object({ runIds: z.array(Id).min(2).max(8) }),
    response: EvalComparison,
  },
  'evaluate.facets': { request: z.object({ runId: Id }), response: EvalFacets },
  'evaluate.utterances': {
    request: EvalUtteranceFilter,
    response: z.object({ total: z.number().int(), rows: z.array(EvalUtteranceRow) }),
  },
  'evaluate.utterance': {
    request: z.object({ utteranceId: Id, runIds: z.array(Id).min(1).max(8) }),
    response: EvalUtteranceDetail,
  },
  'evaluate.patterns': {
    request: z.object({ runId: Id, type: z.string().min(1).max(64) }),
    response: EntityPatterns,
  },
  'evaluate.fixReference': { request: FixReferenceRequest, response: ReferenceEdit },
  'evaluate.history': {
    request: z.object({ utteranceId: Id.optional() }),
    response: z.array(ReferenceEdit),
  },
} as const;
