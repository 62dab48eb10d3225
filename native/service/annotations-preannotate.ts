/**
 * Pre-annotation of a recording's transcript tier: the energy VAD cuts an
 * unsegmented tier into speech regions, then a registry ASR model writes
 * each segment's text, marked as machine output. A person's work is never
 * overwritten: a segment with text and `machine` cleared is skipped and
 * counted, checked again just before each write so an edit made while the
 * model runs still wins. It is a job in the project (kind `preannotate`, one
 * item holding the counts) and reports progress as engine events.
 */
import type { Lang } from '../contract/common.js';
import type { PreannotateResult } from '../contract/annotations.js';
import { UserError } from '../contract/errors.js';
import { mixToMono } from '../audio/mix.js';
import { transcribeLongAudio } from '../asr/long-audio.js';
import { detectSpeech } from '../asr/vad.js';
import type { ModelEntry, ModelRegistry } from '../models/registry.js';
import type { EventBus } from '../server/events.js';
import type { Segment } from '../store/annotation-repo.js';
import type { Project } from '../store/project.js';
import { loadProjectAudio } from './transcribe.js';

export const PREANNOTATE_JOB = 'preannotate';

export interface PreannotateOptions {
  audioId: number;
  lang: Lang;
  model?: string;
  segmentIds?: number[];
  /** Who the segments the VAD makes are recorded as. */
  author: string;
  signal?: AbortSignal;
}

/** The registry's ASR models that cover `lang` (a model naming no language covers every one). */
export async function asrModelsFor(registry: ModelRegistry, lang: string): Promise<ModelEntry[]> {
  const { models } = await registry.list();
  return models.filter(
    (m) =>
      m.manifest.task === 'asr' &&
      (m.manifest.languages.length === 0 || m.manifest.languages.includes(lang)),
  );
}

async function chooseModel(
  registry: ModelRegistry,
  lang: string,
  wanted: string | undefined,
): Promise<string> {
  const usable = await asrModelsFor(registry, lang);
  if (wanted) {
    if (!usable.some((m) => m.id === wanted))
      throw new UserError(
        'unsupported',
        `model ${wanted} is not an installed ASR model for "${lang}" (installed for it: ${usable.map((m) => m.id).join(', ') || 'none'})`,
      );
    return wanted;
  }
  if (usable.length === 0)
    throw new UserError(
      'not_found',
      `no installed ASR model covers "${lang}": install one on the Models screen (or \`charkha models add\`) to pre-annotate this recording`,
    );
  return usable[0].id;
}

/** A person's work: text that no longer carries the machine mark. */
export function personEdited(s: Pick<Segment, 'machine' | 'text'>): boolean {
  return !s.machine && s.text.trim() !== '';
}

export async function preannotate(
  project: Project,
  registry: ModelRegistry,
  opts: PreannotateOptions,
  events?: EventBus,
): Promise<PreannotateResult> {
  const repo = project.annotations;
  const tier = repo.listTiers(opts.audioId).find((t) => t.kind === 'transcript');
  if (!tier)
    throw new UserError('not_found', `recording ${opts.audioId} has no transcript tier to fill`);
  const modelId = await chooseModel(registry, opts.lang, opts.model);
  const jobId = project.jobs.create(PREANNOTATE_JOB, { audioId: opts.audioId, model: modelId });
  project.jobs.addItems(jobId, [{ key: String(opts.audioId), step: 'preannotate' }]);
  const [item] = project.jobs.claim(jobId, 'preannotate', `pid${process.pid}`, 1);
  const task = `preannotate ${opts.audioId}`;
  let total: number | null = null;
  const progress = (done: number, message: string) =>
    events?.emit({ kind: 'progress', task, done, total, message });
  project.jobs.setState(jobId, 'running');
  events?.emit({ kind: 'job', jobId, state: 'running' });
  try {
    progress(0, 'reading the audio');
    const decoded = await loadProjectAudio(project, opts.audioId);
    const audio = { samples: mixToMono(decoded.channels), sampleRate: decoded.sampleRate };
    let created = 0;
    if (repo.listSegments(tier.id).length === 0) {
      progress(0, 'finding speech');
      const regions = detectSpeech(audio.samples, audio.sampleRate);
      project.db.transaction(() => {
        for (const r of regions) {
          const start = Math.round(r.start * 1000) / 1000;
          const end = Math.round(r.end * 1000) / 1000;
          if (end <= start) continue;
          repo.addSegment(tier.id, { start, end, machine: true }, opts.author);
          created++;
        }
      })();
    }
    const wanted = opts.segmentIds ? new Set(opts.segmentIds) : null;
    const targets = repo.listSegments(tier.id).filter((s) => !wanted || wanted.has(s.id));
    if (wanted && targets.length < wanted.size)
      throw new UserError(
        'not_found',
        `segment ids ${[...wanted].filter((id) => !targets.some((s) => s.id === id)).join(', ')} are not on recording ${opts.audioId}'s transcript tier`,
      );
    total = targets.length;
    progress(0, `loading ${modelId}`);
    const { openAsrEngine } = await import('../asr/open.js');
    const engine = await openAsrEngine(modelId, { registry });
    const author = `asr:${modelId}`;
    let transcribed = 0;
    let skippedEdited = 0;
    try {
      for (const [i, s] of targets.entries()) {
        if (opts.signal?.aborted) throw new UserError('cancelled', 'pre-annotation cancelled');
        if (personEdited(s)) {
          skippedEdited++;
          progress(i + 1, `segment ${i + 1} of ${targets.length}: edited by a person, kept`);
          continue;
        }
        const from = Math.floor(s.start * audio.sampleRate);
        const to = Math.min(audio.samples.length, Math.ceil(s.end * audio.sampleRate));
        const text =
          to > from
            ? (
                await transcribeLongAudio(
                  engine,
                  { samples: audio.samples.subarray(from, to), sampleRate: audio.sampleRate },
                  { language: opts.lang, signal: opts.signal },
                )
              ).text.trim()
            : '';
        const wrote = project.db.transaction(() => {
          const now = repo.getSegment(s.id);
          if (!now) return false;
          if (personEdited(now)) {
            skippedEdited++;
            return false;
          }
          repo.updateSegment(s.id, { text, machine: true }, author);
          return true;
        })();
        if (wrote) transcribed++;
        progress(i + 1, `segment ${i + 1} of ${targets.length}`);
      }
    } finally {
      await engine.close();
    }
    const result: PreannotateResult = {
      jobId,
      model: modelId,
      lang: opts.lang,
      created,
      transcribed,
      skippedEdited,
    };
    project.jobs.complete(item.id, result);
    project.jobs.setState(jobId, 'done');
    events?.emit({ kind: 'job', jobId, state: 'done' });
    progress(total, `${transcribed} transcribed, ${skippedEdited} kept as edited`);
    return result;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    project.jobs.fail(item.id, message);
    project.jobs.setState(jobId, 'failed', message);
    events?.emit({ kind: 'job', jobId, state: 'failed' });
    progress(total ?? 0, 'failed');
    throw e;
  }
}
