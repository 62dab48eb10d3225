import { UserError } from '../contract/errors.js';
import type { Db } from '../store/database.js';

/** What a dataset export asks of the flywheel's work items. */
export interface WorkItemFilter {
  /** Only utterances that this job produced. */
  jobId?: number;
  /** Only clips the round-trip filter kept (or that a person overruled to keep). */
  keptOnly: boolean;
}

/**
 * Answers a WorkItemFilter with the utterance row ids it selects, or null for
 * "every utterance". This is the one seam between exports and the flywheel's
 * tables: exports only call it.
 */
export type UtteranceSelector = (db: Db, filter: WorkItemFilter) => Set<number> | null;

function hasTable(db: Db, name: string): boolean {
  return (
    db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !==
    undefined
  );
}

const ids = (rows: { id: number }[]) => new Set(rows.map((r) => r.id));

/**
 * A clip is kept unless it was rejected: a person's overrule wins over the
 * filter's decision, and clips the filter never judged (the test split, a
 * job without a filter) are kept.
 */
const KEPT = "coalesce(c.overrule, c.filter_decision, 'kept') = 'kept'";

function fromClips(db: Db, filter: WorkItemFilter): Set<number> {
  const where = [filter.jobId !== undefined ? 'c.job_id = @job' : '1'];
  if (filter.keptOnly) where.push(KEPT);
  return ids(
    db
      .prepare<{ job: number | null }, { id: number }>(
        `SELECT DISTINCT c.utterance_id AS id FROM flywheel_clips c WHERE ${where.join(' AND ')}`,
      )
      .all({ job: filter.jobId ?? null }),
  );
}

/**
 * Jobs that are not flywheel jobs have only job_items: an item's key is the
 * utterance's ext_id, optionally followed by ':' and more; there is no filter.
 */
function fromJobItems(db: Db, jobId: number): Set<number> {
  const keys = db
    .prepare<[number], { key: string }>('SELECT DISTINCT key FROM job_items WHERE job_id = ?')
    .all(jobId);
  const byExt = db.prepare<[string], { id: number }>('SELECT id FROM utterances WHERE ext_id = ?');
  const out = new Set<number>();
  for (const { key } of keys) {
    const colon = key.indexOf(':');
    const hit = byExt.get(key) ?? (colon > 0 ? byExt.get(key.slice(0, colon)) : undefined);
    if (hit) out.add(hit.id);
  }
  return out;
}

export const selectUtterances: UtteranceSelector = (db, filter) => {
  if (filter.jobId === undefined && !filter.keptOnly) return null;
  if (filter.jobId !== undefined) {
    const job = db
      .prepare<[number], { kind: string }>('SELECT kind FROM jobs WHERE id = ?')
      .get(filter.jobId);
    if (!job) throw new UserError('not_found', `no job ${filter.jobId} in this project`);
    if (job.kind !== 'flywheel') {
      if (filter.keptOnly) {
        throw new UserError(
          'bad_input',
          `job ${filter.jobId} is a ${job.kind} job; only flywheel jobs have kept and rejected clips`,
        );
      }
      return fromJobItems(db, filter.jobId);
    }
  }
  if (!hasTable(db, 'flywheel_clips')) return new Set();
  return fromClips(db, filter);
};
