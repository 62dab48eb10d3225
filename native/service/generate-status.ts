/**
 * Where a flywheel job stands, for the Generate screen: items per step from
 * the database (true after a reload or a restart) with the rate and ETA of
 * the process driving it, and, once a round is summarised, the EHR per
 * language and per entity type with intervals, the clips the filter
 * rejected (or a person overruled) and the exports.
 */
import type { GenerateStatus, RejectedClip, TypeEhr } from '../contract/generate.js';
import { FLYWHEEL_STEPS } from '../flywheel/config.js';
import type { RoundSummary } from '../flywheel/report.js';
import { FlywheelStore, JOB_KIND, type StoredJobConfig } from '../flywheel/store.js';
import type { ScoreReport } from '../metrics/report-schema.js';
import type { Project } from '../store/project.js';
import type { GenerateJobs } from './generate-jobs.js';

/** Enough clips to review on one screen; the CLI and the Library hold the rest. */
const MAX_CLIPS = 500;

function exportsOf(project: Project, jobId: number, config: StoredJobConfig['config']) {
  return project.db
    .prepare<[number], { key: string; result_json: string }>(
      "SELECT key, result_json FROM job_items WHERE job_id = ? AND step = 'export' AND state = 'done' ORDER BY id",
    )
    .all(jobId)
    .map((r) => {
      const out = JSON.parse(r.result_json) as { outDir: string; rows: number };
      const index = Number(r.key.split('/').at(-1));
      return { format: config.exports[index]?.format ?? '?', outDir: out.outDir, rows: out.rows };
    });
}

function byType(project: Project, summary: RoundSummary | null): TypeEhr[] {
  const out: TypeEhr[] = [];
  for (const l of summary?.languages ?? []) {
    if (l.runId === null) continue;
    const report = project.runs.get(l.runId)?.report as ScoreReport | undefined;
    for (const [type, g] of Object.entries(report?.by_type ?? {}).sort(([a], [b]) =>
      a.localeCompare(b),
    ))
      out.push({
        lang: l.lang,
        type,
        hits: g.hits,
        entities: g.entities,
        ehr: g.ehr,
        ci95: g.ci95,
      });
  }
  return out;
}

function reviewClips(project: Project, store: FlywheelStore, jobId: number, round: number) {
  const clips: RejectedClip[] = [];
  for (const c of store.clips(jobId, { round, split: 'train' })) {
    if (c.filter_decision === null) continue;
    if (c.filter_decision !== 'rejected' && c.overrule === null) continue;
    clips.push({
      utteranceId: c.utterance_id,
      extId: c.ext_id,
      lang: c.lang,
      text: project.utterances.get(c.utterance_id)?.text ?? '',
      hypothesis: c.hypothesis,
      audioId: c.audio_id,
      decision: c.filter_decision,
      reason: c.filter_reason,
      overrule: c.overrule,
    });
    if (clips.length >= MAX_CLIPS) break;
  }
  return clips;
}

export function generateStatus(
  project: Project,
  jobs: GenerateJobs,
  jobId: number | undefined,
): GenerateStatus {
  const store = new FlywheelStore(project);
  const id = jobId ?? store.latestJob();
  const job = id === null ? null : project.jobs.get(id);
  if (!job || job.kind !== JOB_KIND) return { job: null };
  const stored = job.config as StoredJobConfig;
  const rounds = store.rounds(job.id);
  const last = rounds.at(-1);
  const summary = (last?.summary as RoundSummary | null) ?? null;
  const steps = FLYWHEEL_STEPS.map((step) => {
    const live = jobs.progressOf(job.id, step);
    const counts = store.counts(job.id, step);
    const running = live !== null && live.done < live.total;
    return {
      step,
      ...counts,
      rate: running ? live.rate : null,
      etaSeconds: running ? live.etaSeconds : null,
    };
  });
  return {
    job: {
      id: job.id,
      name: stored.config.name,
      state: job.state,
      error: job.error,
      active: jobs.isActive(job.id),
      round: last?.round ?? 0,
      rounds: stored.config.rounds,
      steps,
      languages: (summary?.languages ?? []).map((l) => ({
        lang: l.lang,
        model: l.model,
        train: l.train,
        test: l.test,
        ehr: l.ehr,
        ci95: l.ci95,
        cer: l.cer,
        kept: l.kept,
        rejected: l.rejected,
        runId: l.runId,
      })),
      byType: byType(project, summary),
      clips: last ? reviewClips(project, store, job.id, last.round) : [],
      exports: exportsOf(project, job.id, stored.config),
      log: jobs.log(),
    },
  };
}
