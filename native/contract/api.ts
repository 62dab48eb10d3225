import { z } from 'zod';
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
  ...evaluateApi,
  ...modelsApi,
  ...generateApi,
} as const;

export type Api = typeof api;
export type ApiMethod = keyof Api;
export type ApiRequest<M extends ApiMethod> = z.input<Api[M]['request']>;
export type ApiParsedRequest<M extends ApiMethod> = z.output<Api[M]['request']>;
export type ApiResponse<M extends ApiMethod> = z.output<Api[M]['response']>;

export function isApiMethod(name: string): name is ApiMethod {
  return Object.prototype.hasOwnProperty.call(api, name);
}
