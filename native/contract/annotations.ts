import { z } from 'zod';
import { Lang } from './common.js';
import { EntityType } from './corpus.js';

/** The fixed tiers of a recording plus user-defined ones (ELAN's linguistic types, simplified). */
export const TIER_KINDS = ['transcript', 'normalised', 'translation', 'speaker', 'user'] as const;
export const TierKind = z.enum(TIER_KINDS);
export type TierKind = z.infer<typeof TierKind>;

/** Review: a segment moves to do → transcribed → reviewed → approved. */
export const SEGMENT_STATES = ['todo', 'transcribed', 'reviewed', 'approved'] as const;
export const SegmentState = z.enum(SEGMENT_STATES);
export type SegmentState = z.infer<typeof SegmentState>;

/** Seconds from the start of the recording; the store keeps whole milliseconds. */
const Seconds = z.number().finite().nonnegative();

export const AnnotationTier = z.object({
  id: z.number().int(),
  audioId: z.number().int(),
  name: z.string(),
  kind: TierKind,
  parentId: z.number().int().nullable(),
  vocabulary: z.array(z.string()).nullable(),
  participant: z.string().nullable(),
  annotator: z.string().nullable(),
});
export type AnnotationTier = z.infer<typeof AnnotationTier>;

/** An entity tagged in a segment's text; offsets are code points, as everywhere in Charkha. */
export const SegmentEntity = z.object({
  type: z.string().min(1),
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  value: z.string().nullable(),
});
export type SegmentEntity = z.infer<typeof SegmentEntity>;

export const AnnotationSegment = z.object({
  id: z.number().int(),
  tierId: z.number().int(),
  start: Seconds,
  end: Seconds,
  text: z.string(),
  state: SegmentState,
  note: z.string().nullable(),
  /** Machine output (ASR) that no person has edited yet. */
  machine: z.boolean(),
  author: z.string().nullable(),
  updatedAt: z.string(),
  entities: z.array(SegmentEntity),
});
export type AnnotationSegment = z.infer<typeof AnnotationSegment>;

/** What the Annotate screen needs to open a recording, in one answer. */
export const AnnotationWorkspace = z.object({
  audio: z.object({
    id: z.number().int(),
    originalName: z.string(),
    durationSec: z.number().nonnegative(),
  }),
  /** The language of the recording's utterances (the typing and number-reading language). */
  lang: Lang,
  /** Who the edits are recorded as. */
  annotator: z.string(),
  tiers: z.array(AnnotationTier),
});
export type AnnotationWorkspace = z.infer<typeof AnnotationWorkspace>;

export const CreateTierRequest = z.object({
  audioId: z.number().int(),
  name: z.string().trim().min(1),
  kind: TierKind,
  parentId: z.number().int().nullable().optional(),
  vocabulary: z.array(z.string().min(1)).nullable().optional(),
});

export const AddSegmentRequest = z.object({
  tierId: z.number().int(),
  start: Seconds,
  end: Seconds,
  text: z.string().optional(),
  state: SegmentState.optional(),
});

export const UpdateSegmentRequest = z.object({
  id: z.number().int(),
  start: Seconds.optional(),
  end: Seconds.optional(),
  text: z.string().optional(),
  state: SegmentState.optional(),
  note: z.string().nullable().optional(),
  /** Replaces the segment's entity spans (applied after a text change in the same request). */
  entities: z.array(SegmentEntity).optional(),
});

/**
 * The canonical value of a span about to be tagged, as the scorer reads it
 * ("పాతిక వేలు" → "25000"): the whole text goes along, because a reading may
 * reach past the selection ("50" of "50 వేలు").
 */
export const SuggestValueRequest = z.object({
  text: z.string(),
  lang: Lang,
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  type: EntityType,
});
export const SuggestValueResponse = z.object({ value: z.string().nullable() });

export const SegmentEdit = z.object({
  id: z.number().int(),
  batch: z.number().int(),
  segmentId: z.number().int(),
  op: z.string(),
  author: z.string(),
  at: z.string(),
  before: AnnotationSegment.nullable(),
  after: AnnotationSegment.nullable(),
});
export type SegmentEdit = z.infer<typeof SegmentEdit>;

/** The interchange formats the Annotate screen exports (ELAN, Praat, subtitles, tables, Audacity). */
export const EXPORT_FORMATS = ['eaf', 'textgrid', 'srt', 'vtt', 'tsv', 'csv', 'audacity'] as const;
export const ExportAnnotationsRequest = z.object({
  audioId: z.number().int(),
  format: z.enum(EXPORT_FORMATS),
});
/** The file as the CLI's `charkha export annotations` writes it, for a download. */
export const ExportedAnnotations = z.object({
  fileName: z.string(),
  base64: z.string(),
});

/** The installed ASR models that can pre-annotate a recording, for the screen's model picker. */
export const PreannotateModelsResponse = z.object({
  lang: Lang,
  models: z.array(z.object({ id: z.string(), name: z.string(), family: z.string() })),
});

/**
 * Pre-annotation of one recording's transcript tier: VAD first when the tier
 * has no segments, then an ASR model over all (or the listed) segments.
 */
export const PreannotateRequest = z.object({
  audioId: z.number().int(),
  /** Default: the first installed ASR model for the language. */
  model: z.string().min(1).optional(),
  /** Default: the language of the recording's utterances. */
  lang: Lang.optional(),
  /** Only these segments of the transcript tier; default all. */
  segmentIds: z.array(z.number().int()).optional(),
});
export const PreannotateResult = z.object({
  jobId: z.number().int(),
  model: z.string(),
  lang: Lang,
  /** Segments the VAD made (0 when the tier already had segments). */
  created: z.number().int(),
  /** Segments whose text the model wrote. */
  transcribed: z.number().int(),
  /** Segments a person had edited, left as they were. */
  skippedEdited: z.number().int(),
});
export type PreannotateResult = z.infer<typeof PreannotateResult>;
