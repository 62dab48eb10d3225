import { z } from 'zod';
import { Lang, Split } from './common.js';

/**
 * Entity types: one enum, used everywhere (spec §3). Published data uses
 * other names; they are mapped on import and the original is kept.
 */
export const ENTITY_TYPES = [
  'phone',
  'digit_run',
  'pincode',
  'currency_amount',
  'house_number',
  'vehicle_reg',
  'upi_id',
  'email',
  'date',
  'time',
  'brand',
  'person',
  'place',
  'loanword',
] as const;
export const EntityType = z.enum(ENTITY_TYPES);
export type EntityType = z.infer<typeof EntityType>;

export const ENTITY_CLASSES = [
  'digits',
  'currency',
  'addresses',
  'brands',
  'codemix',
  'proper_nouns',
  'dates_times',
  'mixed',
] as const;

export const EntitySpan = z.object({
  id: z.number().int(),
  utteranceId: z.number().int(),
  ord: z.number().int(),
  type: EntityType,
  originalType: z.string(),
  subtype: z.string().nullable(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  surface: z.string(),
  value: z.string().nullable(),
});
export type EntitySpan = z.infer<typeof EntitySpan>;

export const Utterance = z.object({
  id: z.number().int(),
  extId: z.string(),
  lang: Lang,
  text: z.string(),
  spoken: z.string().nullable(),
  entityClass: z.string().nullable(),
  split: Split,
  source: z.string().nullable(),
  system: z.string().nullable(),
  audioId: z.number().int().nullable(),
  entities: z.array(EntitySpan),
});
export type Utterance = z.infer<typeof Utterance>;

export const UtteranceQuery = z.object({
  text: z.string().max(500).optional(),
  lang: Lang.optional(),
  entityClass: z.string().max(64).optional(),
  split: Split.optional(),
  offset: z.number().int().nonnegative().default(0),
  limit: z.number().int().positive().max(5000).default(200),
});
export type UtteranceQuery = z.input<typeof UtteranceQuery>;

export const UtterancePage = z.object({
  total: z.number().int(),
  rows: z.array(Utterance),
});
export type UtterancePage = z.infer<typeof UtterancePage>;

export const EntitySpanUpdate = z.object({
  spanId: z.number().int(),
  start: z.number().int().nonnegative().optional(),
  end: z.number().int().nonnegative().optional(),
  type: EntityType.optional(),
  value: z.string().nullable().optional(),
});
export type EntitySpanUpdate = z.infer<typeof EntitySpanUpdate>;

export const RowProblem = z.object({
  line: z.number().int(),
  id: z.string().nullable(),
  reason: z.string(),
});
export type RowProblem = z.infer<typeof RowProblem>;

export const ImportCorpusResult = z.object({
  file: z.string(),
  rows: z.number().int(),
  imported: z.number().int(),
  unchanged: z.number().int(),
  entities: z.number().int(),
  audio: z.number().int(),
  problems: z.array(RowProblem),
});
export type ImportCorpusResult = z.infer<typeof ImportCorpusResult>;
