import { readFileSync } from 'node:fs';
import { api, type ApiMethod, type ApiParsedRequest, type ApiResponse } from '../contract/api.js';
import type { EntitySpan } from '../contract/corpus.js';
import { UserError } from '../contract/errors.js';
import { decodePeaks, downsamplePeaks } from '../audio/peaks.js';
import { cpLength, cpSlice } from '../text/code-points.js';
import type { EventBus } from '../server/events.js';
import type { Project } from '../store/project.js';
import { annotationHandlers } from './annotations.js';
import { spanFromRow } from '../store/utterance-repo.js';
import { PEAKS_SAMPLES_PER_PIXEL, peaksCachePath } from './audio-prepare.js';
import { evaluateHandlers } from './evaluate-handlers.js';
import { generateHandlers } from './generate.js';
import { modelsHandlers } from './models.js';
import { settingsHandlers } from './settings-handlers.js';

export type Handlers = {
  [M in ApiMethod]: (req: ApiParsedRequest<M>) => ApiResponse<M> | Promise<ApiResponse<M>>;
};

/**
 * The engine's service API over one open project. Every face (CLI, server,
 * Electron relay) calls `dispatch`, which parses the request with the
 * contract's schema first.
 */
export class Service {
  readonly handlers: Handlers;

  constructor(
    readonly project: Project,
    events?: EventBus,
  ) {
    this.handlers = {
      'project.info': () => project.info(),
      'audio.list': (r) => ({
        total: project.audio.count(),
        rows: project.audio.list(r.offset, r.limit),
      }),
      'audio.get': (r) => this.audio(r.audioId),
      'audio.peaks': (r) => this.peaks(r.audioId, r.samplesPerPixel),
      'utterances.query': (r) => {
        const page = project.utterances.query(r);
        return {
          total: page.total,
          rows: page.rows.map(({ rawJson: _r, edited: _e, spokenEntities: _s, ...u }) => u),
        };
      },
      'utterances.get': (r) => {
        const u = project.utterances.get(r.id);
        if (!u) throw new UserError('not_found', `no utterance with id ${r.id}`);
        const { rawJson: _r, edited: _e, spokenEntities: _s, ...rest } = u;
        return rest;
      },
      'entities.update': (r) => this.updateSpan(r),
      'jobs.list': () => project.jobs.list(),
      'runs.list': () => project.runs.list(),
      'runs.get': (r) => {
        const run = project.runs.get(r.runId);
        if (!run) throw new UserError('not_found', `no evaluation run with id ${r.runId}`);
        return run;
      },
      'runs.entities': (r) => project.runs.entities(r),
      ...evaluateHandlers(project),
      ...modelsHandlers(project, events),
      ...generateHandlers(project, events),
      ...annotationHandlers(project, events),
      ...settingsHandlers(project),
    };
  }

  async dispatch(method: string, payload: unknown): Promise<unknown> {
    if (!Object.prototype.hasOwnProperty.call(api, method)) {
      throw new UserError('not_found', `unknown method "${method}"`);
    }
    const m = method as ApiMethod;
    const parsed = api[m].request.safeParse(payload ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new UserError(
        'bad_input',
        `${method}: ${issue.path.join('.') || 'request'}: ${issue.message}`,
      );
    }
    const handler = this.handlers[m] as (req: unknown) => unknown;
    return await handler(parsed.data);
  }

  private audio(id: number) {
    const a = this.project.audio.get(id);
    if (!a) throw new UserError('not_found', `no audio with id ${id}`);
    const { ext: _ext, ...rest } = a;
    return rest;
  }

  private peaks(audioId: number, samplesPerPixel?: number) {
    const a = this.audio(audioId);
    const base = decodePeaks(readFileSync(peaksCachePath(this.project.paths.cache, a.sha256)));
    const want = Math.max(PEAKS_SAMPLES_PER_PIXEL, samplesPerPixel ?? PEAKS_SAMPLES_PER_PIXEL);
    const factor = Math.max(1, Math.round(want / base.samplesPerPixel));
    const p = factor > 1 ? downsamplePeaks(base, factor) : base;
    return {
      sampleRate: p.sampleRate,
      samplesPerPixel: p.samplesPerPixel,
      durationSec: a.durationSec,
      data: Array.from(p.data),
    };
  }

  private updateSpan(r: ApiParsedRequest<'entities.update'>): EntitySpan {
    const span = this.project.utterances.span(r.spanId);
    if (!span) throw new UserError('not_found', `no entity span with id ${r.spanId}`);
    const utt = this.project.utterances.get(span.utterance_id)!;
    const text = span.tier === 'text' ? utt.text : (utt.spoken ?? '');
    const start = r.start ?? span.start;
    const end = r.end ?? span.end;
    if (start < 0 || end < start || end > cpLength(text)) {
      throw new UserError(
        'bad_input',
        `span ${start}..${end} is outside the text (${cpLength(text)} code points)`,
      );
    }
    this.project.utterances.updateSpan(r.spanId, {
      start,
      end,
      surface: cpSlice(text, start, end),
      type: r.type ?? span.type,
      value: r.value === undefined ? span.value : r.value,
    });
    return spanFromRow(this.project.utterances.span(r.spanId)!);
  }
}
