import type { OutcomeClass, RunEntityRow, RunSummary, TypeFigure } from '../contract/runs.js';
import type { Db } from './database.js';

export interface NewRun {
  name: string;
  model: string;
  modelSha256: string | null;
  system: string | null;
  testSet: string | null;
  decode: unknown;
  metricVersion: string;
  profile: string;
  compat: string | null;
  report: unknown;
  /** The reference form scored against (default the written text). */
  reference?: 'text' | 'spoken';
}

export interface NewUtteranceScore {
  utteranceId: number;
  hypothesis: string;
  /** The hypothesis's words with their times in seconds, where the recogniser gave them. */
  words?: readonly { text: string; start: number; end: number }[] | null;
  refWords: number;
  hits: number;
  subs: number;
  dels: number;
  ins: number;
  refChars: number;
  charEdits: number;
  wer: number | null;
  cer: number | null;
  sfr: number | null;
  ops: unknown;
}

export interface NewEntityOutcome {
  spanId: number;
  outcome: OutcomeClass;
  exactSurface: boolean;
  hypWindow: string;
}

interface RunRow {
  id: number;
  name: string;
  model: string;
  model_sha256: string | null;
  system: string | null;
  test_set: string | null;
  decode_json: string | null;
  metric_version: string;
  profile: string;
  compat: string | null;
  report_json: string;
  created_at: string;
}

interface ReportShape {
  utterances?: number;
  hits?: number;
  entities?: number;
  wer?: number | null;
  cer?: number | null;
  ehr?: { micro?: number | null; ci95?: [number, number] | null } | null;
  by_type?: Record<
    string,
    { hits: number; entities: number; ehr: number | null; ci95: [number, number] | null }
  > | null;
  outcomes?: Record<string, number> | null;
}

/** Evaluation runs: a stored score report with its hypotheses, per-utterance scores and per-entity outcomes. */
export class RunRepo {
  constructor(private readonly db: Db) {}

  /** Stores a whole run in one transaction: it is there completely or not at all. */
  insert(run: NewRun, scores: NewUtteranceScore[], outcomes: NewEntityOutcome[]): number {
    return this.db.transaction(() => {
      const id = Number(
        this.db
          .prepare(
            `INSERT INTO eval_runs (name, model, model_sha256, system, test_set, decode_json, metric_version, profile, compat, report_json, created_at, reference)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            run.name,
            run.model,
            run.modelSha256,
            run.system,
            run.testSet,
            run.decode === undefined ? null : JSON.stringify(run.decode),
            run.metricVersion,
            run.profile,
            run.compat,
            JSON.stringify(run.report),
            new Date().toISOString(),
            run.reference ?? 'text',
          ).lastInsertRowid,
      );
      this.insertScores(id, scores, outcomes, true);
      return id;
    })();
  }

  /**
   * Replaces a stored run's report, scores and outcomes after its references
   * changed; hypotheses, name and model stay as they were.
   */
  replaceScores(
    runId: number,
    report: unknown,
    scores: NewUtteranceScore[],
    outcomes: NewEntityOutcome[],
  ): void {
    this.db.transaction(() => {
      this.db
        .prepare('UPDATE eval_runs SET report_json = ? WHERE id = ?')
        .run(JSON.stringify(report), runId);
      this.db.prepare('DELETE FROM utterance_scores WHERE run_id = ?').run(runId);
      this.db.prepare('DELETE FROM entity_outcomes WHERE run_id = ?').run(runId);
      this.insertScores(runId, scores, outcomes, false);
    })();
  }

  private insertScores(
    id: number,
    scores: NewUtteranceScore[],
    outcomes: NewEntityOutcome[],
    withHypotheses: boolean,
  ): void {
    const hyp = this.db.prepare(
      'INSERT INTO hypotheses (run_id, utterance_id, text, words_json) VALUES (?, ?, ?, ?)',
    );
    const score = this.db.prepare(
      `INSERT INTO utterance_scores (run_id, utterance_id, ref_words, hits, subs, dels, ins, ref_chars, char_edits, wer, cer, sfr, ops_json)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const s of scores) {
      if (withHypotheses)
        hyp.run(id, s.utteranceId, s.hypothesis, s.words?.length ? JSON.stringify(s.words) : null);
      score.run(
        id,
        s.utteranceId,
        s.refWords,
        s.hits,
        s.subs,
        s.dels,
        s.ins,
        s.refChars,
        s.charEdits,
        s.wer,
        s.cer,
        s.sfr,
        s.ops === undefined ? null : JSON.stringify(s.ops),
      );
    }
    const out = this.db.prepare(
      'INSERT INTO entity_outcomes (run_id, span_id, outcome, exact_surface, hyp_window) VALUES (?, ?, ?, ?, ?)',
    );
    for (const o of outcomes) out.run(id, o.spanId, o.outcome, o.exactSurface ? 1 : 0, o.hypWindow);
  }

  nameTaken(name: string): boolean {
    return this.db.prepare('SELECT 1 FROM eval_runs WHERE name = ?').get(name) !== undefined;
  }

  list(): RunSummary[] {
    return this.db
      .prepare<[], RunRow>('SELECT * FROM eval_runs ORDER BY id')
      .all()
      .map((r) => summaryOf(r));
  }

  get(id: number): {
    summary: RunSummary;
    byType: TypeFigure[];
    outcomes: Record<string, number>;
    report: unknown;
  } | null {
    const r = this.db.prepare<[number], RunRow>('SELECT * FROM eval_runs WHERE id = ?').get(id);
    if (!r) return null;
    const report = JSON.parse(r.report_json) as ReportShape;
    const byType = Object.entries(report.by_type ?? {}).map(([key, v]) => ({
      key,
      hits: v.hits,
      entities: v.entities,
      ehr: v.ehr,
      ci95: v.ci95,
    }));
    return { summary: summaryOf(r), byType, outcomes: report.outcomes ?? {}, report };
  }

  entities(q: {
    runId: number;
    type?: string;
    outcome?: OutcomeClass;
    offset: number;
    limit: number;
  }): { total: number; rows: RunEntityRow[] } {
    const where = ['o.run_id = @runId'];
    if (q.type) where.push('s.type = @type');
    if (q.outcome) where.push('o.outcome = @outcome');
    const from = `FROM entity_outcomes o JOIN entity_spans s ON s.id = o.span_id JOIN utterances u ON u.id = s.utterance_id
      LEFT JOIN hypotheses h ON h.run_id = o.run_id AND h.utterance_id = u.id WHERE ${where.join(' AND ')}`;
    const params = { runId: q.runId, type: q.type ?? null, outcome: q.outcome ?? null };
    const total = (this.db.prepare(`SELECT count(*) AS n ${from}`).get(params) as { n: number }).n;
    const rows = this.db
      .prepare(
        `SELECT u.id AS utteranceId, u.ext_id AS extId, u.audio_id AS audioId, u.lang AS lang, s.type AS type, s.surface AS surface,
                s.value AS value, o.outcome AS outcome, o.exact_surface AS exactSurface, o.hyp_window AS hypWindow,
                u.text AS text, coalesce(h.text, '') AS hypothesis
         ${from} ORDER BY u.id, s.ord LIMIT @limit OFFSET @offset`,
      )
      .all({ ...params, limit: q.limit, offset: q.offset }) as (Omit<
      RunEntityRow,
      'exactSurface'
    > & { exactSurface: number })[];
    return { total, rows: rows.map((r) => ({ ...r, exactSurface: r.exactSurface === 1 })) };
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM eval_runs').get() as { n: number }).n;
  }
}

function summaryOf(r: RunRow): RunSummary {
  const rep = JSON.parse(r.report_json) as ReportShape;
  return {
    id: r.id,
    name: r.name,
    model: r.model,
    system: r.system,
    testSet: r.test_set,
    createdAt: r.created_at,
    metricVersion: r.metric_version,
    profile: r.profile,
    compat: r.compat,
    utterances: rep.utterances ?? 0,
    entities: rep.entities ?? 0,
    hits: rep.hits ?? 0,
    ehr: rep.ehr?.micro ?? null,
    ehrCi95: rep.ehr?.ci95 ?? null,
    wer: rep.wer ?? null,
    cer: rep.cer ?? null,
  };
}
