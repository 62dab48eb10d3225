import type { FlywheelStep } from '../flywheel/config.js';
import { aggregateKey } from '../flywheel/steps.js';
import { JOB_KIND, type StoredJobConfig } from '../flywheel/store.js';
import type { Db } from '../store/database.js';
import {
  hasTable,
  insert,
  targetAudioId,
  targetUttId,
  update,
  type MergeSource,
  type MergeState,
  type Row,
} from './merge-common.js';

export interface MergedJob {
  id: number;
  kind: string;
  name: string;
  /** For flywheel jobs: which shards the project now holds ("0,1,2,3 of 4", or "all"). */
  shards: string | null;
  state: string;
  /** For flywheel jobs: whether every shard is in, so that the whole-round work can run. */
  allShards: boolean | null;
  /** Whole-round items (eval runs, exports) added for `charkha flywheel resume` to do. */
  wholeRoundItems: number;
}

interface Coverage {
  count: number | null;
  indices: number[];
  /** A project that was not a shard holds every clip. */
  whole: boolean;
}

const RANK: Record<string, number> = { pending: 0, claimed: 0, failed: 1, done: 2 };
const CLIP_FIXED = ['round', 'item_index', 'lang', 'split', 'system'];
const CLIP_FILLED = [
  'clean_audio',
  'audio',
  'model',
  'hypothesis',
  'cer',
  'entities',
  'entity_hits',
  'outcomes_json',
  'filter_decision',
  'filter_reason',
  'overrule',
  'overrule_note',
  'overruled_at',
];

/** JSON with object keys sorted, so two equal configurations compare equal as text. */
export function canonicalJson(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(
          Object.entries(x as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)),
        )
      : x,
  );
}

const coverageKey = (name: string) => `merged_shards:${name}`;

function readCoverage(db: Db, name: string): Coverage | null {
  const r = db
    .prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?')
    .get(coverageKey(name));
  return r ? (JSON.parse(r.value) as Coverage) : null;
}

function addCoverage(c: Coverage, stored: StoredJobConfig): void {
  if (!stored.shard) {
    c.whole = true;
    return;
  }
  c.count ??= stored.shard.count;
  if (!c.indices.includes(stored.shard.index)) c.indices.push(stored.shard.index);
  c.indices.sort((a, b) => a - b);
}

const complete = (c: Coverage) => c.whole || (c.count !== null && c.indices.length === c.count);

interface TargetJob {
  id: number;
  kind: string;
  name: string;
  stored: StoredJobConfig | null;
  coverage: Coverage | null;
  changed: boolean;
}

function findOrAddJob(
  st: MergeState,
  s: MergeSource,
  job: Row,
  jobs: Map<string, TargetJob>,
): TargetJob {
  const kind = job.kind as string;
  const flywheel = kind === JOB_KIND;
  const stored = flywheel ? (JSON.parse(job.config_json as string) as StoredJobConfig) : null;
  const name = stored ? stored.config.name : (job.config_json as string);
  const key = `job:${kind}:${name}`;
  const what = stored ? `flywheel job "${name}"` : `${kind} job ${String(job.id)}`;
  let t = jobs.get(key);
  if (!t) {
    const candidates = st.db
      .prepare<[string], Row>('SELECT * FROM jobs WHERE kind = ? ORDER BY id')
      .all(kind);
    const have = candidates.find((c) =>
      flywheel
        ? (JSON.parse(c.config_json as string) as StoredJobConfig).config.name === name
        : c.config_json === job.config_json,
    );
    if (have) {
      const haveStored = flywheel
        ? (JSON.parse(have.config_json as string) as StoredJobConfig)
        : null;
      // A project made by an earlier merge records what it holds; any other holds its own shard.
      let coverage: Coverage | null = null;
      if (haveStored) {
        coverage = readCoverage(st.db, name);
        if (!coverage) {
          coverage = { count: null, indices: [], whole: false };
          addCoverage(coverage, haveStored);
        }
      }
      t = { id: have.id as number, kind, name, stored: haveStored, coverage, changed: false };
    } else {
      const config = stored ? JSON.stringify({ ...stored, shard: null }) : job.config_json;
      const id = insert(st.db, 'jobs', {
        kind,
        state: job.state,
        config_json: config,
        error: job.error,
        created_at: job.created_at,
        updated_at: job.updated_at,
      });
      st.claim(key, s.root);
      st.count('jobs', 'added');
      const coverage = flywheel ? { count: null, indices: [], whole: false } : null;
      t = {
        id,
        kind,
        name,
        stored: stored ? { ...stored, shard: null } : null,
        coverage,
        changed: true,
      };
    }
    jobs.set(key, t);
  } else st.count('jobs', 'unchanged');
  if (stored && t.stored) {
    const a = { config: canonicalJson(t.stored.config), models: canonicalJson(t.stored.models) };
    const b = { config: canonicalJson(stored.config), models: canonicalJson(stored.models) };
    st.same(what, key, s.root, a, b, ['config', 'models']);
    addCoverage(t.coverage!, stored);
  }
  return t;
}

/** Work items by (key, step); a later state wins (pending < failed < done), two results must agree. */
function mergeItems(
  st: MergeState,
  s: MergeSource,
  srcJob: number,
  t: TargetJob,
): Map<number, number> {
  const idMap = new Map<number, number>();
  const find = st.db.prepare<[number, unknown, unknown], Row>(
    'SELECT * FROM job_items WHERE job_id = ? AND key = ? AND step = ?',
  );
  for (const it of s.db
    .prepare<[number], Row>('SELECT * FROM job_items WHERE job_id = ? ORDER BY id')
    .all(srcJob)) {
    const key = `item:${t.kind}:${t.name}/${it.step as string}/${it.key as string}`;
    const state = it.state === 'claimed' ? 'pending' : (it.state as string);
    const have = find.get(t.id, it.key, it.step);
    if (!have) {
      const { id: _id, ...rest } = it;
      idMap.set(
        it.id as number,
        insert(st.db, 'job_items', { ...rest, job_id: t.id, state, claimed_by: null }),
      );
      st.claim(key, s.root);
      st.count('items', 'added');
      t.changed = true;
      continue;
    }
    idMap.set(it.id as number, have.id as number);
    const what = `work item ${it.step as string} ${it.key as string} of job "${t.name}"`;
    if (have.state === 'done' && state === 'done') {
      st.same(what, key, s.root, have, it, ['result_json']);
      st.count('items', 'unchanged');
    } else if (RANK[state] > RANK[have.state as string]) {
      update(
        st.db,
        'job_items',
        {
          state,
          result_json: it.result_json,
          error: it.error,
          attempts: it.attempts,
          claimed_by: null,
          updated_at: it.updated_at,
        },
        { id: have.id },
      );
      st.claim(key, s.root);
      st.count('items', 'updated');
      t.changed = true;
    } else st.count('items', 'unchanged');
  }
  return idMap;
}

function mergeFlywheelRows(
  st: MergeState,
  s: MergeSource,
  srcJob: number,
  t: TargetJob,
  items: Map<number, number>,
): void {
  if (!hasTable(s.db, 'flywheel_clips')) return;
  for (const c of s.db
    .prepare<[number], Row>('SELECT * FROM flywheel_completions WHERE job_id = ?')
    .all(srcJob)) {
    st.db
      .prepare(
        'INSERT OR IGNORE INTO flywheel_completions (item_id, job_id, step, pid, done_at) VALUES (?, ?, ?, ?, ?)',
      )
      .run(items.get(c.item_id as number), t.id, c.step, c.pid, c.done_at);
  }
  for (const r of s.db
    .prepare<[number], Row>('SELECT * FROM flywheel_rounds WHERE job_id = ? ORDER BY round')
    .all(srcJob)) {
    const key = `round:${t.name}/${r.round as number}`;
    const have = st.db
      .prepare<[number, unknown], Row>(
        'SELECT * FROM flywheel_rounds WHERE job_id = ? AND round = ?',
      )
      .get(t.id, r.round);
    if (have) {
      st.same(`round ${r.round as number} of flywheel job "${t.name}"`, key, s.root, have, r, [
        'mix_json',
        'models_json',
      ]);
    } else {
      // A shard's summary covers the shard only; resuming the merged job writes the whole one.
      insert(st.db, 'flywheel_rounds', { ...r, job_id: t.id, summary_json: null });
      st.claim(key, s.root);
      t.changed = true;
    }
  }
  const sha = (id: unknown) => (id === null ? null : s.audioSha.get(id as number));
  for (const c of s.db
    .prepare<[number], Row>('SELECT * FROM flywheel_clips WHERE job_id = ?')
    .all(srcJob)) {
    const ext = s.uttExt.get(c.utterance_id as number)!;
    const uttId = targetUttId(st.db, ext);
    const key = `clip:${t.name}/${ext}`;
    const what = `flywheel clip "${ext}" of job "${t.name}"`;
    const mine = { ...c, clean_audio: sha(c.clean_audio_id), audio: sha(c.audio_id) };
    const have = st.db
      .prepare<[number, number], Row>(
        'SELECT * FROM flywheel_clips WHERE job_id = ? AND utterance_id = ?',
      )
      .get(t.id, uttId);
    const tsha = st.db.prepare<[unknown], { sha256: string }>(
      'SELECT sha256 FROM audio WHERE id = ?',
    );
    const toIds = (patch: Row): Row => {
      const out: Row = { ...patch };
      for (const [col, id] of [
        ['clean_audio', 'clean_audio_id'],
        ['audio', 'audio_id'],
      ] as const) {
        if (col in out) {
          out[id] = targetAudioId(st.db, out[col] as string | null);
          delete out[col];
        }
      }
      return out;
    };
    if (!have) {
      const { clean_audio: _c, audio: _a, ...rest } = mine;
      insert(st.db, 'flywheel_clips', {
        ...rest,
        ...toIds({ clean_audio: mine.clean_audio, audio: mine.audio }),
        job_id: t.id,
        utterance_id: uttId,
      });
      st.claim(key, s.root);
      st.count('clips', 'added');
      t.changed = true;
      continue;
    }
    const theirs = {
      ...have,
      clean_audio: have.clean_audio_id === null ? null : tsha.get(have.clean_audio_id)!.sha256,
      audio: have.audio_id === null ? null : tsha.get(have.audio_id)!.sha256,
    };
    st.same(what, key, s.root, theirs, mine, CLIP_FIXED);
    const patch = toIds(st.fill(what, key, s.root, theirs, mine, CLIP_FILLED));
    const changed = update(st.db, 'flywheel_clips', patch, { job_id: t.id, utterance_id: uttId });
    st.count('clips', changed ? 'updated' : 'unchanged');
    if (changed) t.changed = true;
  }
}

/**
 * The items a single process adds for work on a whole round: an eval run per
 * language with a model, and the exports after the last round. Shards leave
 * them out (see ensureRound in native/flywheel/runner.ts); the merged project
 * gets them once it holds every shard.
 */
function wholeRoundItems(db: Db, t: TargetJob): { key: string; step: FlywheelStep }[] {
  const config = t.stored!.config;
  const items: { key: string; step: FlywheelStep }[] = [];
  const rounds = db
    .prepare<[number], { round: number; models_json: string }>(
      'SELECT round, models_json FROM flywheel_rounds WHERE job_id = ? ORDER BY round',
    )
    .all(t.id);
  for (const r of rounds) {
    const models = JSON.parse(r.models_json) as Record<string, string | null>;
    for (const l of config.languages) {
      if (models[l.lang] !== null)
        items.push({ key: aggregateKey(r.round, 'run', l.lang), step: 'score' });
    }
    if (r.round === config.rounds) {
      config.exports.forEach((_e, i) =>
        items.push({ key: aggregateKey(r.round, 'export', i), step: 'export' }),
      );
    }
  }
  return items;
}

function finishFlywheelJob(st: MergeState, t: TargetJob): number {
  const cov = t.coverage!;
  st.db
    .prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)')
    .run(coverageKey(t.name), JSON.stringify(cov));
  st.db
    .prepare('UPDATE jobs SET config_json = ? WHERE id = ?')
    .run(JSON.stringify({ ...t.stored, shard: null }), t.id);
  let added = 0;
  if (complete(cov)) added = st.target.jobs.addItems(t.id, wholeRoundItems(st.db, t));
  st.db.prepare('UPDATE flywheel_rounds SET summary_json = NULL WHERE job_id = ?').run(t.id);
  // Paused: `charkha flywheel resume` does the whole-round work and writes the summaries.
  st.target.jobs.setState(t.id, 'paused');
  return added;
}

export function mergeJobs(st: MergeState, sources: MergeSource[]): MergedJob[] {
  const jobs = new Map<string, TargetJob>();
  for (const s of sources) {
    for (const job of s.db.prepare<[], Row>('SELECT * FROM jobs ORDER BY id').all()) {
      const t = findOrAddJob(st, s, job, jobs);
      const items = mergeItems(st, s, job.id as number, t);
      if (t.kind === JOB_KIND) mergeFlywheelRows(st, s, job.id as number, t, items);
    }
  }
  return [...jobs.values()].map((t) => {
    const wholeRound = t.kind === JOB_KIND && t.changed ? finishFlywheelJob(st, t) : 0;
    const cov = t.coverage;
    return {
      id: t.id,
      kind: t.kind,
      name: t.kind === JOB_KIND ? t.name : String(t.id),
      shards: cov ? (cov.whole ? 'all' : `${cov.indices.join(',')} of ${cov.count ?? '?'}`) : null,
      state: st.target.jobs.get(t.id)!.state,
      allShards: cov ? complete(cov) : null,
      wholeRoundItems: wholeRound,
    };
  });
}
