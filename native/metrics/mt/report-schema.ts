/**
 * `charkha mt-score --json` as a zod schema. Every key is always present; a
 * figure that cannot be computed (no entities, no segments) is null.
 */
import { z } from 'zod';

export const MT_METRIC_VERSION = 'charkha-mt/1';

const Interval95 = z
  .tuple([z.number(), z.number()])
  .nullable()
  .describe('95% bootstrap interval [lo, hi] (resamples of segments, nearest rank)');

export const MtBleu = z.object({
  score: z.number(),
  ci95: Interval95,
  counts: z.array(z.number()),
  totals: z.array(z.number()),
  precisions: z.array(z.number()),
  bp: z.number(),
  sys_len: z.number().int().nonnegative(),
  ref_len: z.number().int().nonnegative(),
  signature: z.string().describe('sacrebleu-style signature of the settings'),
});

export const MtChrf = z.object({
  score: z.number().describe('chrF++ (character order 6, word order 2, beta 2)'),
  ci95: Interval95,
  signature: z.string(),
});

export const SurvivalCount = z.object({
  survived: z.number().int().nonnegative(),
  entities: z.number().int().nonnegative(),
  rate: z.number().nullable(),
});

export const MtSurvival = SurvivalCount.extend({
  ci95: Interval95,
  by_type: z.record(z.string(), SurvivalCount),
});

export const LostEntity = z.object({
  type: z.string(),
  value: z.string(),
});

export const MtSentence = z.object({
  id: z.string(),
  bleu: z.number().describe('sentence BLEU (effective order, as sacrebleu sentence_bleu)'),
  chrf: z.number().describe('sentence chrF++'),
  entities: z.number().int().nonnegative(),
  survived: z.number().int().nonnegative(),
  lost: z.array(LostEntity),
});

export const MtScoreReport = z.object({
  metric_version: z.literal(MT_METRIC_VERSION),
  ref: z.array(z.string()).min(1),
  hyp: z.string(),
  segments: z.number().int().nonnegative(),
  bleu: MtBleu,
  chrf: MtChrf,
  survival: MtSurvival,
  bootstrap: z.object({ resamples: z.number().int().positive(), seed: z.number().int() }),
  sentences: z.array(MtSentence),
});
export type MtScoreReport = z.infer<typeof MtScoreReport>;
