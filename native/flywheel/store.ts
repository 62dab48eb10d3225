/**
 * The flywheel's rows in the project: its job (kind `flywheel`), work items,
 * clips and rounds. Claiming and completing go through here so that every
 * completion is one transaction holding the step's result, the item's state
 * and a row in `flywheel_completions` (whose key refuses a second completion).
 */
import type { Statement } from 'better-sqlite3';
import type { Project } from '../store/project.js';
import type { FlywheelConfig, FlywheelStep } from './config.js';
import type { ClassMix, Shard } from './plan.js';

export const JOB_KIND = 'flywheel';

/** What the jobs row stores: the configuration as validated, and what was resolved when the job began. */
export interface StoredJobConfig {
  config: FlywheelConfig;
  shard: Shard | null;
  /** The ASR model of each language after `auto` was resolved; null: none. */
  models: Record<string, string | null>;
}

export interface ClaimedItem {
  id: number;
  key: string;
}

export interface ClipRow {
  utterance_id: number;
  round: number;
  item_index: number;
  lang: string;
  split: 'train' | 'test';
  system: string;
  clean_audio_id: number | null;
  audio_id: number | null;
  model: string | null;
  hypothesis: string | null;
  cer: number | null;
  entities: number | null;
  entity_hits: number | null;
  outcomes_json: string | null;
  filter_decision: 'kept' | 'rejected' | null;
  filter_reason: string | null;
  overrule: 'kept' | 'rejected' | null;
  ext_id: string;
}

/** Keys of work items that are about a whole round rather than one clip start with `@`. */
export const AGGREGATE_PREFIX = '@';

export class FlywheelStore {
  /** Statements by SQL: a job runs the same few thousands of times, and preparing is not free. */
  private readonly statements = new Map<string, Statement>();

  constructor(readonly project: Project) {}

  private get db() {
    return this.project.db;
  }

  /** The prepared statement of `sql`, prepared once per store. */
  prepared<P extends unknown[] | object = unknown[], R = unknown>(sql: string): Statement<P, R> {
    let st = this.statements.get(sql);
    if (!st) {
      st = this.db.prepare(sql);
      this.statements.set(sql, st);
    }
    return st as Statement<P, R>;
  }

  findJob(name: string): { id: number; stored: StoredJobConfig } | null {
    for (const job of this.project.jobs.list()) {
      if (job.kind !== JOB_KIND) continue;
      const stored = job.config as StoredJobConfig;
      if (stored.config.name === name) return { id: job.id, stored };
    }
    return null;
  }

  latestJob(): number | null {
    const r = this.prepared<[string], { id: number }>(
      'SELECT max(id) AS id FROM jobs WHERE kind = ?',
    ).get(JOB_KIND);
    return r?.id ?? null;
  }

  /** Claims up to `limit` pending items of a step: clip items, or (when `aggregate`) whole-round ones. */
  claim(
    jobId: number,
    step: FlywheelStep,
    aggregate: boolean,
    worker: string,
    limit: number,
  ): ClaimedItem[] {
    return this.project.jobs.claim(jobId, step, worker, limit, {
      prefix: AGGREGATE_PREFIX,
      exclude: !aggregate,
    });
  }

  /**
   * Writes a step's result and marks the item done, in one transaction. An
   * item no longer claimed by this worker is a bug (a second completion):
   * the transaction rolls back and the error says which item.
   */
  complete(
    jobId: number,
    step: FlywheelStep,
    item: ClaimedItem,
    worker: string,
    result: unknown,
    write: () => void,
  ): void {
    this.db.transaction(() => {
      write();
      const now = new Date().toISOString();
      const changed = this.prepared(
        "UPDATE job_items SET state = 'done', result_json = ?, error = NULL, updated_at = ? WHERE id = ? AND state = 'claimed' AND claimed_by = ?",
      ).run(JSON.stringify(result ?? null), now, item.id, worker).changes;
      if (changed !== 1)
        throw new Error(`work item ${item.id} (${step} ${item.key}) is not claimed by ${worker}`);
      this.prepared(
        'INSERT INTO flywheel_completions (item_id, job_id, step, pid, done_at) VALUES (?, ?, ?, ?, ?)',
      ).run(item.id, jobId, step, process.pid, now);
    })();
  }

  counts(jobId: number, step: FlywheelStep): { done: number; total: number } {
    const r = this.prepared<[number, string], { done: number; total: number }>(
      "SELECT coalesce(sum(state = 'done'), 0) AS done, count(*) AS total FROM job_items WHERE job_id = ? AND step = ?",
    ).get(jobId, step)!;
    return r;
  }

  /** Adds a round's work items and its row in one transaction (a round exists completely or not at all). */
  addRound(
    jobId: number,
    round: number,
    mix: ClassMix,
    models: Record<string, string | null>,
    items: { key: string; step: FlywheelStep }[],
  ): void {
    this.db.transaction(() => {
      this.prepared(
        'INSERT INTO flywheel_rounds (job_id, round, mix_json, models_json) VALUES (?, ?, ?, ?)',
      ).run(jobId, round, JSON.stringify(mix), JSON.stringify(models));
      this.project.jobs.addItems(jobId, items);
    })();
  }

  rounds(
    jobId: number,
  ): { round: number; mix: ClassMix; models: Record<string, string | null>; summary: unknown }[] {
    return this.prepared<
      [number],
      { round: number; mix_json: string; models_json: string; summary_json: string | null }
    >('SELECT * FROM flywheel_rounds WHERE job_id = ? ORDER BY round')
      .all(jobId)
      .map((r) => ({
        round: r.round,
        mix: JSON.parse(r.mix_json) as ClassMix,
        models: JSON.parse(r.models_json) as Record<string, string | null>,
        summary: r.summary_json ? (JSON.parse(r.summary_json) as unknown) : null,
      }));
  }

  setRoundSummary(jobId: number, round: number, summary: unknown): void {
    this.prepared('UPDATE flywheel_rounds SET summary_json = ? WHERE job_id = ? AND round = ?').run(
      JSON.stringify(summary),
      jobId,
      round,
    );
  }

  clip(jobId: number, extId: string): ClipRow | null {
    return (
      this.prepared<[number, string], ClipRow>(
        `SELECT c.*, u.ext_id FROM flywheel_clips c JOIN utterances u ON u.id = c.utterance_id
           WHERE c.job_id = ? AND u.ext_id = ?`,
      ).get(jobId, extId) ?? null
    );
  }

  clips(jobId: number, where: { round?: number; lang?: string; split?: string } = {}): ClipRow[] {
    return this.prepared<
      { job: number; round: number | null; lang: string | null; split: string | null },
      ClipRow
    >(
      `SELECT c.*, u.ext_id FROM flywheel_clips c JOIN utterances u ON u.id = c.utterance_id
         WHERE c.job_id = @job AND (@round IS NULL OR c.round = @round) AND (@lang IS NULL OR c.lang = @lang)
         AND (@split IS NULL OR c.split = @split) ORDER BY c.round, c.item_index`,
    ).all({
      job: jobId,
      round: where.round ?? null,
      lang: where.lang ?? null,
      split: where.split ?? null,
    });
  }

  updateClip(jobId: number, utteranceId: number, fields: Record<string, unknown>): void {
    const cols = Object.keys(fields);
    this.prepared(
      `UPDATE flywheel_clips SET ${cols.map((c) => `${c} = @${c}`).join(', ')} WHERE job_id = @job AND utterance_id = @utt`,
    ).run({ ...fields, job: jobId, utt: utteranceId });
  }

  completions(jobId: number): number {
    return this.prepared<[number], { n: number }>(
      'SELECT count(*) AS n FROM flywheel_completions WHERE job_id = ?',
    ).get(jobId)!.n;
  }
}
