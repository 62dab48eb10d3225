import { z } from 'zod';
import {
  AddSegmentRequest,
  AnnotationSegment,
  AnnotationTier,
  AnnotationWorkspace,
  CreateTierRequest,
  ExportAnnotationsRequest,
  ExportedAnnotations,
  PreannotateModelsResponse,
  PreannotateRequest,
  PreannotateResult,
  SegmentEdit,
  SuggestValueRequest,
  SuggestValueResponse,
  UpdateSegmentRequest,
} from './annotations.js';
import { AudioRecord, PeaksResponse } from './audio.js';
import {
  EntitySpan,
  EntitySpanUpdate,
  Utterance,
  UtterancePage,
  UtteranceQuery,
} from './corpus.js';
import { evaluateApi } from './evaluate.js';
import { generateApi } from './generate.js';
import { Job } from './jobs.js';
import { modelsApi } from './models.js';
import { ProjectInfo } from './project.js';
import { RunDetail, RunEntitiesQuery, RunEntityRow, RunSummary } from './runs.js';
import { SetSettingsRequest, SettingsView } from './settings.js';

/**
 * The service API: every method the renderer (through either bridge), the
 * Electron relay and the HTTP server can call. Requests are parsed with
 * `request` on the receiving side; responses are typed by `response`.
 */
export const api = {
  'project.info': { request: z.object({}), response: ProjectInfo },
  'audio.list': {
    request: z.object({
      offset: z.number().int().nonnegative().default(0),
      limit: z.number().int().positive().max(5000).default(200),
    }),
    response: z.object({ total: z.number().int(), rows: z.array(AudioRecord) }),
  },
  'audio.get': { request: z.object({ audioId: z.number().int() }), response: AudioRecord },
  'audio.peaks': {
    request: z.object({
      audioId: z.number().int(),
      samplesPerPixel: z
        .number()
        .int()
        .min(16)
        .max(1 << 20)
        .optional(),
    }),
    response: PeaksResponse,
  },
  'utterances.query': { request: UtteranceQuery, response: UtterancePage },
  'utterances.get': { request: z.object({ id: z.number().int() }), response: Utterance },
  'entities.update': { request: EntitySpanUpdate, response: EntitySpan },
  'jobs.list': { request: z.object({}), response: z.array(Job) },
  'runs.list': { request: z.object({}), response: z.array(RunSummary) },
  'runs.get': { request: z.object({ runId: z.number().int() }), response: RunDetail },
  'runs.entities': {
    request: RunEntitiesQuery,
    response: z.object({ total: z.number().int(), rows: z.array(RunEntityRow) }),
  },
  'annotations.tiers': {
    request: z.object({ audioId: z.number().int() }),
    response: AnnotationWorkspace,
  },
  'annotations.segments': {
    request: z.object({ tierId: z.number().int() }),
    response: z.array(AnnotationSegment),
  },
  'annotations.createTier': { request: CreateTierRequest, response: AnnotationTier },
  'annotations.addSegment': { request: AddSegmentRequest, response: AnnotationSegment },
  'annotations.updateSegment': { request: UpdateSegmentRequest, response: AnnotationSegment },
  'annotations.deleteSegment': {
    request: z.object({ id: z.number().int() }),
    response: z.object({ id: z.number().int() }),
  },
  'annotations.splitSegment': {
    request: z.object({ id: z.number().int(), at: z.number().finite().nonnegative() }),
    response: z.tuple([AnnotationSegment, AnnotationSegment]),
  },
  'annotations.mergeWithNext': {
    request: z.object({ id: z.number().int() }),
    response: AnnotationSegment,
  },
  'annotations.restoreSegment': { request: AnnotationSegment, response: AnnotationSegment },
  'annotations.history': {
    request: z.object({ segmentId: z.number().int() }),
    response: z.array(SegmentEdit),
  },
  'annotations.suggestValue': { request: SuggestValueRequest, response: SuggestValueResponse },
  'annotations.export': { request: ExportAnnotationsRequest, response: ExportedAnnotations },
  'annotations.preannotateModels': {
    request: z.object({ audioId: z.number().int() }),
    response: PreannotateModelsResponse,
  },
  'annotations.preannotate': { request: PreannotateRequest, response: PreannotateResult },
  /** The installation's settings (the annotator name), shared by every project. */
  'settings.get': { request: z.object({}), response: SettingsView },
  'settings.set': { request: SetSettingsRequest, response: SettingsView },
  ...modelsApi,
  ...generateApi,
  ...evaluateApi,
} as const;

export type Api = typeof api;
export type ApiMethod = keyof Api;
export type ApiRequest<M extends ApiMethod> = z.input<Api[M]['request']>;
export type ApiParsedRequest<M extends ApiMethod> = z.output<Api[M]['request']>;
export type ApiResponse<M extends ApiMethod> = z.output<Api[M]['response']>;

export function isApiMethod(name: string): name is ApiMethod {
  return Object.prototype.hasOwnProperty.call(api, name);
}
