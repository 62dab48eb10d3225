/**
 * What a round came to, per language: EHR with its 95% interval on the
 * unfiltered test split (from the round's stored evaluation run) beside the
 * filter's rejection rate on the training split, and the HTML report of
 * each run.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderReportHtml } from '../metrics/report-html.js';
import type { ScoreReport } from '../metrics/report-schema.js';
import { runName } from './steps.js';
import type { FlywheelStore, StoredJobConfig } from './store.js';

export interface LanguageSummary {
  lang: string;
  model: string | null;
  train: number;
  test: number;
  /** Test split, unfiltered. */
  entities: number | null;
  hits: number | null;
  ehr: number | null;
  ci95: [number, number] | null;
  cer: number | null;
  runId: number | null;
  kept: number;
  rejected: number;
  /** Decisions a person overruled. */
  overruled: number;
  rejectionRate: number | null;
}

export interface RoundSummary {
  round: number;
  languages: LanguageSummary[];
}

export function roundSummary(store: FlywheelStore, jobId: number, round: number): RoundSummary {
  const stored = store.project.jobs.get(jobId)!.config as StoredJobConfig;
  const models = store.rounds(jobId)[round - 1]?.models ?? stored.models;
  const runs = store.project.runs.list();
  const languages = stored.config.languages.map(({ lang }): LanguageSummary => {
    const clips = store.clips(jobId, { round, lang });
    const train = clips.filter((c) => c.split === 'train');
    const decided = train.filter((c) => (c.overrule ?? c.filter_decision) !== null);
    const kept = decided.filter((c) => (c.overrule ?? c.filter_decision) === 'kept').length;
    const run = runs.find((r) => r.name === runName(stored.config, round, lang));
    const report = run ? (store.project.runs.get(run.id)!.report as ScoreReport) : null;
    return {
      lang,
      model: models[lang] ?? null,
      train: train.length,
      test: clips.length - train.length,
      entities: report?.entities ?? null,
      hits: report?.hits ?? null,
      ehr: report?.ehr.micro ?? null,
      ci95: report?.ehr.ci95 ?? null,
      cer: report?.cer ?? null,
      runId: run?.id ?? null,
      kept,
      rejected: decided.length - kept,
      overruled: train.filter((c) => c.overrule !== null && c.overrule !== c.filter_decision)
        .length,
      rejectionRate: decided.length ? (decided.length - kept) / decided.length : null,
    };
  });
  return { round, languages };
}

const pct = (x: number | null): string => (x === null ? '—' : `${(100 * x).toFixed(1)}%`);

/** The per-language table a person reads at the end of a run. */
export function formatSummary(s: RoundSummary): string[] {
  const head = [
    'lang',
    'model',
    'train',
    'test',
    'EHR (test)',
    '95% CI',
    'CER',
    'rejected (train)',
  ];
  const rows = s.languages.map((l) => [
    l.lang,
    l.model ?? 'none',
    String(l.train),
    String(l.test),
    l.model === null ? 'not transcribed' : pct(l.ehr),
    l.ci95 ? `${pct(l.ci95[0])}–${pct(l.ci95[1])}` : '—',
    pct(l.cer),
    l.rejectionRate === null
      ? '—'
      : `${l.rejected}/${l.kept + l.rejected} (${pct(l.rejectionRate)})`,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [`round ${s.round}`, line(head), ...rows.map(line)];
}

/** Writes one self-contained HTML report per evaluation run of the job; returns their paths. */
export function writeHtmlReports(
  store: FlywheelStore,
  jobId: number,
  summaries: RoundSummary[],
): string[] {
  const dir = join(store.project.paths.root, 'reports');
  const out: string[] = [];
  const stored = store.project.jobs.get(jobId)!.config as StoredJobConfig;
  for (const s of summaries) {
    for (const l of s.languages) {
      if (l.runId === null) continue;
      const report = store.project.runs.get(l.runId)!.report as ScoreReport;
      mkdirSync(dir, { recursive: true });
      const file = join(dir, `${stored.config.name}-r${s.round}-${l.lang}.html`);
      writeFileSync(
        file,
        renderReportHtml(report, {
          ref: `${runName(stored.config, s.round, l.lang)}`,
          hyp: l.model ?? '',
          field: 'hypothesis',
        }),
      );
      out.push(file);
    }
  }
  return out;
}
