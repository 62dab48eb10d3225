/**
 * The score report of spec §6 (`charkha score --json`) as a zod schema. Every
 * key is always present; a figure a mode does not compute is `null`, never
 * absent, so consumers can tell "not computed" from "forgot to write". Its
 * JSON Schema is published beside this file (`score-report.schema.json`,
 * written by `native/metrics/gen/report-schema.ts`).
 */
import { z } from 'zod';

export const METRIC_VERSION = 'charkha-metrics/1';
export const COMPAT_MODES = ['praxel-2026'] as const;
export type CompatMode = (typeof COMPAT_MODES)[number];

export const Interval95 = z
  .tuple([z.number(), z.number()])
  .nullable()
  .describe('95% bootstrap interval [lo, hi] (1,000 resamples of utterances, nearest rank)');

export const GroupFigures = z.object({
  hits: z.number().int().nonnegative(),
  entities: z.number().int().nonnegative(),
  ehr: z.number().nullable(),
  ci95: Interval95,
});
export type GroupFigures = z.infer<typeof GroupFigures>;

const Groups = z.record(z.string(), GroupFigures).nullable();

const Count = z.number().int().nonnegative().nullable();

export const OutcomeCounts = z.object({
  hit: Count,
  wrong_script: Count,
  partial: Count,
  miss: Count,
});

export const PerEntity = z.object({
  id: z.string().describe('utterance id'),
  lang: z.string(),
  type: z.string(),
  surface: z.string(),
  value: z.string().nullable(),
  outcome: z.enum(['hit', 'wrong_script', 'partial', 'miss']),
  exact_surface: z.boolean().nullable(),
  hyp_window: z.string().nullable(),
});
export type PerEntity = z.infer<typeof PerEntity>;

export const ScoreReport = z.object({
  metric_version: z.string(),
  profile: z.enum(['exact', 'standard', 'loose']).nullable(),
  compat: z.enum(COMPAT_MODES).nullable(),
  utterances: z.number().int().nonnegative().describe('utterances scored'),
  missing: z.number().int().nonnegative().describe('reference rows without a hypothesis'),
  wer: z.number().nullable(),
  twer: z.number().nullable(),
  cer: z.number().nullable(),
  aer: z.number().nullable(),
  mer: z.number().nullable(),
  wil: z.number().nullable(),
  wip: z.number().nullable(),
  ehr: z.object({ micro: z.number().nullable(), macro: z.number().nullable(), ci95: Interval95 }),
  hits: Count,
  entities: Count,
  outcomes: OutcomeCounts,
  by_type: Groups,
  by_lang: Groups,
  by_class: Groups,
  by_system: Groups,
  by_test_set: Groups,
  sfr: z.object({
    mean: z.number().nullable(),
    ratio: z.number().nullable(),
    collapse_share: z.number().nullable(),
    by_lang: z.record(z.string(), z.number()).nullable().describe('mean SFR per language'),
  }),
  per_entity: z.array(PerEntity).nullable().describe('with --per-entity; null otherwise'),
});
export type ScoreReport = z.infer<typeof ScoreReport>;

/** The published JSON Schema of the report. */
export function scoreReportJsonSchema(): unknown {
  return z.toJSONSchema(ScoreReport);
}
