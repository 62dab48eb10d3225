import { z } from 'zod';

export const OutcomeClass = z.enum(['hit', 'partial', 'wrong_script', 'miss']);
export type OutcomeClass = z.infer<typeof OutcomeClass>;

/** A 95% interval [low, high]; null where it was not computed. */
export const Interval = z.tuple([z.number(), z.number()]).nullable();

export const RunSummary = z.object({
  id: z.number().int(),
  name: z.string(),
  model: z.string(),
  system: z.string().nullable(),
  testSet: z.string().nullable(),
  createdAt: z.string(),
  metricVersion: z.string(),
  profile: z.string(),
  compat: z.string().nullable(),
  utterances: z.number().int(),
  entities: z.number().int(),
  hits: z.number().int(),
  ehr: z.number().nullable(),
  ehrCi95: Interval,
  wer: z.number().nullable(),
  cer: z.number().nullable(),
});
export type RunSummary = z.infer<typeof RunSummary>;

export const TypeFigure = z.object({
  key: z.string(),
  hits: z.number().int(),
  entities: z.number().int(),
  ehr: z.number().nullable(),
  ci95: Interval,
});
export type TypeFigure = z.infer<typeof TypeFigure>;

export const RunDetail = z.object({
  summary: RunSummary,
  byType: z.array(TypeFigure),
  outcomes: z.record(z.string(), z.number().int()),
  /** The whole score report (spec §6) as stored. */
  report: z.unknown(),
});
export type RunDetail = z.infer<typeof RunDetail>;

export const RunEntityRow = z.object({
  utteranceId: z.number().int(),
  extId: z.string(),
  audioId: z.number().int().nullable(),
  lang: z.string(),
  type: z.string(),
  surface: z.string(),
  value: z.string().nullable(),
  outcome: OutcomeClass,
  exactSurface: z.boolean(),
  hypWindow: z.string(),
  text: z.string(),
  hypothesis: z.string(),
});
export type RunEntityRow = z.infer<typeof RunEntityRow>;

export const RunEntitiesQuery = z.object({
  runId: z.number().int(),
  type: z.string().max(64).optional(),
  outcome: OutcomeClass.optional(),
  offset: z.number().int().nonnegative().default(0),
  limit: z.number().int().positive().max(5000).default(500),
});
