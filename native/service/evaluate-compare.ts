import type { EvalComparison, EvalMetric, MetricComparisonRow } from '../contract/evaluate.js';
import type { TypeFigure } from '../contract/runs.js';
import {
  bootstrapRatio,
  bootstrapSamples,
  pairedBootstrapRatio,
  percentileInterval,
  type Interval,
} from '../metrics/bootstrap.js';
import { utteranceErrors } from '../metrics/error-rates.js';
import { normalize, type Profile } from '../text/normalize.js';
import type { Project } from '../store/project.js';
import { compareRuns } from './compare-runs.js';

type Values = MetricComparisonRow['values'];
type Differences = MetricComparisonRow['differences'];

function significant(ci: Interval): boolean {
  return ci[0] > 0 || ci[1] < 0;
}

function commonUtterances(project: Project, runIds: number[]): number[] {
  const sets = runIds.map(
    (id) =>
      new Set(
        project.db
          .prepare<[number], { utterance_id: number }>(
            'SELECT utterance_id FROM utterance_scores WHERE run_id = ?',
          )
          .all(id)
          .map((r) => r.utterance_id),
      ),
  );
  return [...sets[0]].filter((u) => sets.every((s) => s.has(u))).sort((a, b) => a - b);
}

/** Akshara edits and reference aksharas per common utterance (AER is not stored with the scores). */
function aksharaCounts(
  project: Project,
  runId: number,
  common: number[],
): { num: number[]; den: number[] } {
  const profile = project.db
    .prepare<[number], { profile: string }>('SELECT profile FROM eval_runs WHERE id = ?')
    .get(runId)!.profile as Profile;
  const hyp = new Map(
    project.db
      .prepare<[number], { utterance_id: number; text: string }>(
        'SELECT utterance_id, text FROM hypotheses WHERE run_id = ?',
      )
      .all(runId)
      .map((r) => [r.utterance_id, r.text] as const),
  );
  const num: number[] = [];
  const den: number[] = [];
  for (const id of common) {
    const u = project.utterances.get(id)!;
    const e = utteranceErrors(
      normalize(u.text, u.lang, profile).text,
      normalize(hyp.get(id) ?? '', u.lang, profile).text,
    ).aksharas!;
    num.push(e.substitutions + e.deletions + e.insertions);
    den.push(e.refLength);
  }
  return { num, den };
}

/** Per common utterance: hits and entities of each type, for the macro EHR. */
function typeCounts(
  project: Project,
  runId: number,
  common: number[],
): Map<string, Float64Array[]> {
  const index = new Map(common.map((u, i) => [u, i] as const));
  const out = new Map<string, Float64Array[]>();
  const rows = project.db
    .prepare<[number], { utterance_id: number; type: string; hits: number; n: number }>(
      `SELECT s.utterance_id, s.type, sum(o.outcome = 'hit') AS hits, count(*) AS n
       FROM entity_outcomes o JOIN entity_spans s ON s.id = o.span_id WHERE o.run_id = ? GROUP BY s.utterance_id, s.type`,
    )
    .all(runId);
  for (const r of rows) {
    const i = index.get(r.utterance_id);
    if (i === undefined) continue;
    let t = out.get(r.type);
    if (!t) {
      t = [new Float64Array(common.length), new Float64Array(common.length)];
      out.set(r.type, t);
    }
    t[0][i] = r.hits;
    t[1][i] = r.n;
  }
  return out;
}

/** Mean over the types present in the drawn utterances of each type's hit rate. */
function macro(types: Map<string, Float64Array[]>, idx?: Int32Array): number | null {
  let sum = 0;
  let k = 0;
  for (const [hits, n] of types.values()) {
    let h = 0;
    let d = 0;
    const len = idx ? idx.length : n.length;
    for (let j = 0; j < len; j++) {
      const i = idx ? idx[j] : j;
      h += hits[i];
      d += n[i];
    }
    if (d > 0) {
      sum += h / d;
      k++;
    }
  }
  return k ? sum / k : null;
}

function macroRow(project: Project, runIds: number[], common: number[]): MetricComparisonRow {
  const per = runIds.map((id) => typeCounts(project, id, common));
  const values: Values = per.map((t, i) => ({
    runId: runIds[i],
    value: macro(t),
    ci95:
      macro(t) === null
        ? null
        : percentileInterval(bootstrapSamples(common.length, (idx) => macro(t, idx) ?? 0)),
  }));
  const differences: Differences = [];
  per.slice(1).forEach((t, k) => {
    const a = macro(t);
    const b = macro(per[0]);
    if (a === null || b === null) return;
    // The same seed draws the same utterances for both runs: a paired bootstrap.
    const ci95 = percentileInterval(
      bootstrapSamples(common.length, (idx) => (macro(t, idx) ?? 0) - (macro(per[0], idx) ?? 0)),
    );
    differences.push({
      runId: runIds[k + 1],
      against: runIds[0],
      difference: a - b,
      ci95,
      significant: significant(ci95),
    });
  });
  return { metric: 'ehr_macro', values, differences };
}

function aerRow(project: Project, runIds: number[], common: number[]): MetricComparisonRow {
  const series = runIds.map((id) => aksharaCounts(project, id, common));
  const values: Values = series.map((s, i) => {
    const n = s.num.reduce((x, y) => x + y, 0);
    const d = s.den.reduce((x, y) => x + y, 0);
    return { runId: runIds[i], value: d ? n / d : null, ci95: bootstrapRatio(s.num, s.den) };
  });
  const differences: Differences = series.slice(1).flatMap((s, k) => {
    const p = pairedBootstrapRatio(s, series[0]);
    return p
      ? [
          {
            runId: runIds[k + 1],
            against: runIds[0],
            difference: p.difference,
            ci95: p.ci95,
            significant: significant(p.ci95),
          },
        ]
      : [];
  });
  return { metric: 'aer', values, differences };
}

const ORDER: EvalMetric[] = ['wer', 'cer', 'aer', 'ehr', 'ehr_macro', 'sfr'];

/**
 * Runs side by side on the utterances they share. WER, CER, EHR and SFR come
 * from `compare` (the CLI's comparison); AER and the macro EHR are added
 * here with the same bootstrap (same seed, so the same resamples).
 */
export function evaluateCompare(project: Project, runIds: number[]): EvalComparison {
  const base = compareRuns(
    project,
    runIds.map((id) => String(id)),
  );
  const runs = base.runs!;
  const idOf = new Map(runs.map((r) => [r.name, r.id] as const));
  const common = commonUtterances(project, runIds);
  const fromBase: MetricComparisonRow[] = base.metrics
    .filter((m) => m.metric !== 'mer')
    .map((m) => ({
      metric: m.metric as EvalMetric,
      values: m.values.map((v) => ({ runId: idOf.get(v.run)!, value: v.value, ci95: v.ci95 })),
      differences: m.differences.map((d) => ({
        runId: idOf.get(d.run)!,
        against: idOf.get(d.against)!,
        difference: d.difference,
        ci95: d.ci95,
        significant: significant(d.ci95),
      })),
    }));
  const metrics = [...fromBase, aerRow(project, runIds, common), macroRow(project, runIds, common)];
  metrics.sort((a, b) => ORDER.indexOf(a.metric) - ORDER.indexOf(b.metric));

  const perRun = runIds.map((id) => project.runs.get(id)!.byType);
  const types = [...new Set(perRun.flatMap((f) => f.map((x) => x.key)))].sort();
  const byType = types.map((type) => ({
    type,
    figures: perRun.map((f): TypeFigure | null => f.find((x) => x.key === type) ?? null),
  }));
  return { runs, commonUtterances: base.commonUtterances, metrics, byType };
}
