import type { ApiParsedRequest } from '../contract/api.js';
import type { Lang } from '../contract/common.js';
import { LANGS } from '../contract/common.js';
import { UserError } from '../contract/errors.js';
import { renderAnnotations } from '../interchange/annotation-project.js';
import { prepareReferenceEntities } from '../metrics/ehr/value-spans.js';
import { annotatorOf } from '../settings/annotator.js';
import { cpLength, cpSlice } from '../text/code-points.js';
import { ModelRegistry } from '../models/registry.js';
import { projectModelRows } from '../models/project-models.js';
import type { EventBus } from '../server/events.js';
import type { Project } from '../store/project.js';
import { asrModelsFor, preannotate } from './annotations-preannotate.js';
import type { Handlers } from './service.js';

type AnnotationMethod = Extract<keyof Handlers, `annotations.${string}`>;

/** The tiers every recording opens with, in the order the screen shows them. */
export const DEFAULT_TIERS = [
  { name: 'transcript', kind: 'transcript' },
  { name: 'normalised', kind: 'normalised' },
  { name: 'translation', kind: 'translation' },
  { name: 'speaker', kind: 'speaker' },
] as const;

/** The language most of a recording's utterances are in; Hindi when it has none. */
export function recordingLang(project: Project, audioId: number): Lang {
  const row = project.db
    .prepare(
      `SELECT lang FROM utterances WHERE audio_id = ?
       GROUP BY lang ORDER BY count(*) DESC, lang LIMIT 1`,
    )
    .get(audioId) as { lang: string } | undefined;
  return row && (LANGS as readonly string[]).includes(row.lang) ? (row.lang as Lang) : 'hi';
}

/** The value the scorer would read from the tagged span, or null when it reads none. */
export function suggestValue(r: ApiParsedRequest<'annotations.suggestValue'>): string | null {
  if (r.end > cpLength(r.text) || r.start >= r.end) return null;
  const surface = cpSlice(r.text, r.start, r.end);
  const [entity] = prepareReferenceEntities(r.text, r.lang, [
    { surface, start: r.start, end: r.end, type: r.type },
  ]);
  if (!entity || entity.value.kind === 'literal') return null;
  return entity.display;
}

/** The Annotate screen's methods: tiers and segments of one recording, with the edit log. */
export function annotationHandlers(
  project: Project,
  events?: EventBus,
): Pick<Handlers, AnnotationMethod> {
  const repo = project.annotations;
  const author = () => annotatorOf(project);
  const registry = () =>
    new ModelRegistry({ projectModels: () => projectModelRows(project.db, project.paths.root) });
  return {
    'annotations.tiers': (r) => {
      const audio = project.audio.get(r.audioId);
      if (!audio) throw new UserError('not_found', `no audio with id ${r.audioId}`);
      const have = new Set(repo.listTiers(r.audioId).map((t) => t.name));
      for (const t of DEFAULT_TIERS)
        if (!have.has(t.name)) repo.ensureTier(r.audioId, t.name, t.kind);
      return {
        audio: { id: audio.id, originalName: audio.originalName, durationSec: audio.durationSec },
        lang: recordingLang(project, r.audioId),
        annotator: author(),
        tiers: repo.listTiers(r.audioId),
      };
    },
    'annotations.segments': (r) => {
      if (!repo.getTier(r.tierId)) throw new UserError('not_found', `no tier with id ${r.tierId}`);
      return repo.listSegments(r.tierId);
    },
    'annotations.createTier': ({ audioId, ...t }) => repo.createTier(audioId, t),
    'annotations.addSegment': ({ tierId, ...s }) => repo.addSegment(tierId, s, author()),
    'annotations.updateSegment': ({ id, entities, ...patch }) =>
      project.db.transaction(() => {
        const changed = Object.values(patch).some((v) => v !== undefined);
        let seg = changed ? repo.updateSegment(id, patch, author()) : repo.getSegment(id);
        if (!seg) throw new UserError('not_found', `no segment with id ${id}`);
        if (entities) seg = repo.setSegmentEntities(id, entities, author());
        return seg;
      })(),
    'annotations.deleteSegment': (r) => {
      repo.deleteSegment(r.id, author());
      return { id: r.id };
    },
    'annotations.splitSegment': (r) => repo.splitSegment(r.id, r.at, author()),
    'annotations.mergeWithNext': (r) => repo.mergeWithNext(r.id, author()),
    'annotations.restoreSegment': (r) => repo.restoreSegment(r, author()),
    'annotations.history': (r) => repo.history(r.segmentId),
    'annotations.suggestValue': (r) => ({ value: suggestValue(r) }),
    'annotations.export': (r) => {
      const out = renderAnnotations(project, { format: r.format, audio: String(r.audioId) });
      return { fileName: out.fileName, base64: out.bytes.toString('base64') };
    },
    'annotations.preannotateModels': async (r) => {
      const lang = recordingLang(project, r.audioId);
      const models = await asrModelsFor(registry(), lang);
      return {
        lang,
        models: models.map((m) => ({
          id: m.id,
          name: m.manifest.name ?? m.id,
          family: m.manifest.family,
        })),
      };
    },
    'annotations.preannotate': (r) =>
      preannotate(
        project,
        registry(),
        {
          audioId: r.audioId,
          lang: r.lang ?? recordingLang(project, r.audioId),
          model: r.model,
          segmentIds: r.segmentIds,
          author: author(),
        },
        events,
      ),
  };
}
