import { UserError } from '../contract/errors.js';
import type { RunSummary } from '../contract/runs.js';
import { bootstrapRatio, pairedBootstrapRatio, type Interval } from '../metrics/bootstrap.js';
import type { Project } from '../store/project.js';

export interface PerUtterance {
  wordEdits: number;
  refWords: number;
  /** H + S + D + I: MER's denominator. */
  alignedWords: number;
  /** Script fidelity of the hypothesis; null when it has no letters. */
  sfr: number | null;
  charEdits: number;
  refChars: number;
  hits: number;
  entities: number;
}

export interface MetricComparison {
  metric: 'wer' | 'mer' | 'cer' | 'ehr' | 'sfr';
  /** Each run's figure on the common utterances, with its 95% interval. */
  values: { run: string; value: number | null; ci95: Interval | null }[];
  /** Each run against the first: the difference (run − first) and its paired-bootstrap interval. */
  differences: { run: string; against: string; difference: number; ci95: Interval }[];
}

export interface RunComparison {
  runs: RunSummary[] | null;
  commonUtterances: number;
  metrics: MetricComparison[];
}

function findRun(project: Project, ref: string): RunSummary {
  const all = project.runs.list();
  const byModel = all.filter((x) => x.model === ref);
  const r = /^\d+$/.test(ref)
    ? all.find((x) => x.id === Number(ref))
    : (all.find((x) => x.name === ref) ?? (byModel.length === 1 ? byModel[0] : undefined));
  if (!r) {
    const why =
      byModel.length > 1
        ? `model "${ref}" has ${byModel.length} runs; name one`
        : `no evaluation run "${ref}"`;
    throw new UserError(
      'not_found',
      `${why} (runs: ${all.map((x) => `${x.id} ${x.name}`).join('; ') || 'none'})`,
    );
  }
  return r;
}

function perUtterance(project: Project, runId: number): Map<number, PerUtterance> {
  const out = new Map<number, PerUtterance>();
  const rows = project.db
    .prepare<
      [number],
      {
        utterance_id: number;
        ref_words: number;
        hits: number;
        subs: number;
        dels: number;
        ins: number;
        ref_chars: number;
        char_edits: number;
        sfr: number | null;
      }
    >(
      'SELECT utterance_id, ref_words, hits, subs, dels, ins, ref_chars, char_edits, sfr FROM utterance_scores WHERE run_id = ?',
    )
    .all(runId);
  for (const r of rows) {
    out.set(r.utterance_id, {
      wordEdits: r.subs + r.dels + r.ins,
      refWords: r.ref_words,
      alignedWords: r.hits + r.subs + r.dels + r.ins,
      sfr: r.sfr,
      charEdits: r.char_edits,
      refChars: r.ref_chars,
      hits: 0,
      entities: 0,
    });
  }
  const ents = project.db
    .prepare<[number], { utterance_id: number; hits: number; n: number }>(
      `SELECT s.utterance_id, sum(o.outcome = 'hit') AS hits, count(*) AS n
       FROM entity_outcomes o JOIN entity_spans s ON s.id = o.span_id WHERE o.run_id = ? GROUP BY s.utterance_id`,
    )
    .all(runId);
  for (const e of ents) {
    const u = out.get(e.utterance_id);
    if (u) {
      u.hits = e.hits;
      u.entities = e.n;
    }
  }
  return out;
}

const METRICS: {
  metric: MetricComparison['metric'];
  num: (u: PerUtterance) => number;
  den: (u: PerUtterance) => number;
}[] = [
  { metric: 'wer', num: (u) => u.wordEdits, den: (u) => u.refWords },
  { metric: 'mer', num: (u) => u.wordEdits, den: (u) => u.alignedWords },
  { metric: 'cer', num: (u) => u.charEdits, den: (u) => u.refChars },
  { metric: 'ehr', num: (u) => u.hits, den: (u) => u.entities },
  // The mean over utterances with letters, as the report's sfr.mean: a ratio with denominator 1 each.
  { metric: 'sfr', num: (u) => u.sfr ?? 0, den: (u) => (u.sfr === null ? 0 : 1) },
];

/**
 * Compares runs on the utterances they share: every metric side by side,
 * and each run's difference from the first with a paired bootstrap (the
 * same resamples of utterances for both runs).
 */
export function compareRuns(project: Project, refs: string[]): RunComparison {
  if (refs.length < 2) throw new UserError('bad_input', 'compare needs at least two runs');
  const runs = refs.map((r) => findRun(project, r));
  const c = compareSeries(
    runs.map((r) => r.name),
    runs.map((r) => perUtterance(project, r.id)),
  );
  return { runs, ...c };
}

/** The comparison itself, on per-utterance counts keyed by any utterance key. */
export function compareSeries<K>(
  names: string[],
  data: Map<K, PerUtterance>[],
): Omit<RunComparison, 'runs'> {
  const common = [...data[0].keys()].filter((id) => data.every((d) => d.has(id)));
  if (common.length === 0)
    throw new UserError(
      'bad_input',
      'these runs share no utterances: they were scored on different test sets',
    );
  const metrics = METRICS.map(({ metric, num, den }) => {
    const series = data.map((d) => ({
      num: common.map((id) => num(d.get(id)!)),
      den: common.map((id) => den(d.get(id)!)),
    }));
    const values = series.map((s, i) => {
      const n = s.num.reduce((a, b) => a + b, 0);
      const d = s.den.reduce((a, b) => a + b, 0);
      return { run: names[i], value: d ? n / d : null, ci95: bootstrapRatio(s.num, s.den) };
    });
    const differences = series.slice(1).flatMap((s, k) => {
      const p = pairedBootstrapRatio(s, series[0]);
      return p
        ? [{ run: names[k + 1], against: names[0], difference: p.difference, ci95: p.ci95 }]
        : [];
    });
    return { metric, values, differences };
  });
  return { commonUtterances: common.length, metrics };
}
