import type { Job, JobState } from '../contract/jobs.js';
import type { Db } from './database.js';

interface JobRow {
  id: number;
  kind: string;
  state: JobState;
  config_json: string;
  error: string | null;
  created_at: string;
  updated_at: string;
}

/**
 * Jobs and their work items. An item moves pending → claimed → done|failed;
 * completing an item and storing its result happen in one transaction, and a
 * claim left by a dead process is returned to pending on resume.
 */
export class JobRepo {
  constructor(private readonly db: Db) {}

  create(kind: string, config: unknown): number {
    const now = new Date().toISOString();
    return Number(
      this.db
        .prepare(
          "INSERT INTO jobs (kind, state, config_json, created_at, updated_at) VALUES (?, 'pending', ?, ?, ?)",
        )
        .run(kind, JSON.stringify(config), now, now).lastInsertRowid,
    );
  }

  setState(id: number, state: JobState, error: string | null = null): void {
    this.db
      .prepare('UPDATE jobs SET state = ?, error = ?, updated_at = ? WHERE id = ?')
      .run(state, error, new Date().toISOString(), id);
  }

  addItems(jobId: number, items: { key: string; step: string }[]): number {
    const stmt = this.db.prepare(
      "INSERT OR IGNORE INTO job_items (job_id, key, step, state, updated_at) VALUES (?, ?, ?, 'pending', ?)",
    );
    const now = new Date().toISOString();
    let added = 0;
    this.db.transaction(() => {
      for (const it of items) added += stmt.run(jobId, it.key, it.step, now).changes;
    })();
    return added;
  }

  /** Claims up to `limit` pending items of one step for `worker`. */
  /**
   * Claims up to `limit` pending items of a step in one immediate
   * transaction. `keys` narrows the claim to items whose key starts (or,
   * with `exclude`, does not start) with a prefix.
   */
  claim(
    jobId: number,
    step: string,
    worker: string,
    limit: number,
    keys?: { prefix: string; exclude?: boolean },
  ): { id: number; key: string }[] {
    const keyFilter = keys ? ` AND ${keys.exclude ? 'NOT ' : ''}substr(key, 1, ?) = ?` : '';
    const params: (number | string)[] = keys
      ? [jobId, step, keys.prefix.length, keys.prefix, limit]
      : [jobId, step, limit];
    return this.db
      .transaction(() => {
        const rows = this.db
          .prepare<(number | string)[], { id: number; key: string }>(
            `SELECT id, key FROM job_items WHERE job_id = ? AND step = ? AND state = 'pending'${keyFilter} ORDER BY id LIMIT ?`,
          )
          .all(...params);
        const upd = this.db.prepare(
          "UPDATE job_items SET state = 'claimed', claimed_by = ?, attempts = attempts + 1, updated_at = ? WHERE id = ?",
        );
        const now = new Date().toISOString();
        for (const r of rows) upd.run(worker, now, r.id);
        return rows;
      })
      .immediate();
  }

  complete(itemId: number, result: unknown): void {
    this.db
      .prepare(
        "UPDATE job_items SET state = 'done', result_json = ?, error = NULL, updated_at = ? WHERE id = ?",
      )
      .run(JSON.stringify(result ?? null), new Date().toISOString(), itemId);
  }

  fail(itemId: number, error: string): void {
    this.db
      .prepare("UPDATE job_items SET state = 'failed', error = ?, updated_at = ? WHERE id = ?")
      .run(error, new Date().toISOString(), itemId);
  }

  /** Returns claims of processes that died to the queue. */
  releaseClaims(jobId: number): number {
    return this.db
      .prepare(
        "UPDATE job_items SET state = 'pending', claimed_by = NULL WHERE job_id = ? AND state = 'claimed'",
      )
      .run(jobId).changes;
  }

  get(id: number): Job | null {
    const r = this.db.prepare<[number], JobRow>('SELECT * FROM jobs WHERE id = ?').get(id);
    return r ? this.hydrate(r) : null;
  }

  list(): Job[] {
    return this.db
      .prepare<[], JobRow>('SELECT * FROM jobs ORDER BY id')
      .all()
      .map((r) => this.hydrate(r));
  }

  private hydrate(r: JobRow): Job {
    const counts = { pending: 0, claimed: 0, done: 0, failed: 0 };
    const rows = this.db
      .prepare<[number], { state: keyof typeof counts; n: number }>(
        'SELECT state, count(*) AS n FROM job_items WHERE job_id = ? GROUP BY state',
      )
      .all(r.id);
    for (const c of rows) counts[c.state] = c.n;
    return {
      id: r.id,
      kind: r.kind,
      state: r.state,
      config: JSON.parse(r.config_json) as unknown,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      error: r.error,
      items: counts,
    };
  }
}
