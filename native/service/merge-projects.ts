import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { UserError } from '../contract/errors.js';
import type { Db } from '../store/database.js';
import { linkOrCopy } from '../store/link-or-copy.js';
import { Project, projectPaths } from '../store/project.js';
import { AnnotationRepo } from '../store/annotation-repo.js';
import type { NewSpan } from '../store/utterance-repo.js';
import { copySegmentWithHistory } from './annotations-merge.js';
import { monoCachePath, peaksCachePath, sha256Of, storedAudioPath } from './audio-prepare.js';
import {
  hasTable,
  insert,
  MergeState,
  targetAudioId,
  targetUttId,
  update,
  type MergeCounts,
  type MergeSource,
  type Row,
} from './merge-common.js';
import { mergeJobs, type MergedJob } from './merge-jobs.js';

export interface MergeResult {
  project: string;
  sources: string[];
  counts: MergeCounts;
  jobs: MergedJob[];
}

const AUDIO_FIXED = ['ext', 'container', 'codec', 'sample_rate', 'channels', 'frames', 'bytes'];
const UTT_FIXED = [
  'lang',
  'text',
  'spoken',
  'entity_class',
  'split',
  'source',
  'raw_json',
  'edited',
];
const UTT_FILLED = ['audio', 'system'];
const SPAN_COLS = [
  'tier',
  'ord',
  'type',
  'original_type',
  'subtype',
  'start',
  'end',
  'surface',
  'value',
  'value_start',
  'value_end',
  'raw_json',
] as const;
const RUN_FIXED = [
  'model',
  'model_sha256',
  'system',
  'test_set',
  'decode_json',
  'metric_version',
  'profile',
  'compat',
  'report_json',
];
const SCORE_COLS = [
  'ref_words',
  'hits',
  'subs',
  'dels',
  'ins',
  'ref_chars',
  'char_edits',
  'wer',
  'cer',
  'sfr',
  'ops_json',
];

function openSource(root: string): MergeSource & { project: Project } {
  const project = Project.open(root, { readonly: true });
  const audioSha = new Map(
    project.db
      .prepare<[], { id: number; sha256: string }>('SELECT id, sha256 FROM audio')
      .all()
      .map((r) => [r.id, r.sha256]),
  );
  const uttExt = new Map(
    project.db
      .prepare<[], { id: number; ext_id: string }>('SELECT id, ext_id FROM utterances')
      .all()
      .map((r) => [r.id, r.ext_id]),
  );
  return { root: project.paths.root, db: project.db, audioSha, uttExt, project };
}

/**
 * Places each source's audio files the target lacks, checking each original
 * against its hash. Files are content-addressed and never written again, so
 * a hard link is as good as a copy and costs no bytes or time; a copy is made
 * where the folders are on different file systems or links are not allowed.
 * Either goes through a temporary name, so a file is whole or absent; the
 * paths created are returned so that a merge that fails afterwards can take
 * them back.
 */
function copyAudioFiles(target: Project, sources: MergeSource[]): string[] {
  const created: string[] = [];
  const place = (from: string, to: string) => {
    if (existsSync(to) || !existsSync(from)) return;
    mkdirSync(dirname(to), { recursive: true });
    const tmp = `${to}.${process.pid}.tmp`;
    rmSync(tmp, { force: true });
    linkOrCopy(from, tmp);
    renameSync(tmp, to);
    created.push(to);
  };
  for (const s of sources) {
    const paths = projectPaths(s.root);
    const rows = s.db.prepare<[], { sha256: string; ext: string }>('SELECT sha256, ext FROM audio');
    for (const { sha256, ext } of rows.iterate()) {
      const original = storedAudioPath(paths.audio, sha256, ext);
      const to = storedAudioPath(target.paths.audio, sha256, ext);
      if (!existsSync(to)) {
        if (!existsSync(original))
          throw new UserError('not_found', `${s.root}: audio file ${original} is missing`);
        if (sha256Of(readFileSync(original)) !== sha256) {
          throw new UserError('conflict', `${s.root}: ${original} does not hash to its name`);
        }
      }
      place(monoCachePath(paths.cache, sha256), monoCachePath(target.paths.cache, sha256));
      place(peaksCachePath(paths.cache, sha256), peaksCachePath(target.paths.cache, sha256));
      // The original last: its presence says the caches beside it are complete.
      place(original, to);
    }
  }
  return created;
}

function mergeAudio(st: MergeState, s: MergeSource): void {
  for (const row of s.db.prepare<[], Row>('SELECT * FROM audio ORDER BY id').iterate()) {
    const sha = row.sha256 as string;
    const key = `audio:${sha}`;
    const have = st.db.prepare<[string], Row>('SELECT * FROM audio WHERE sha256 = ?').get(sha);
    if (!have) {
      const { id: _id, ...rest } = row;
      insert(st.db, 'audio', rest);
      st.claim(key, s.root);
      st.count('audio', 'added');
      continue;
    }
    st.same(`audio ${sha}`, key, s.root, have, row, AUDIO_FIXED);
    const patch = st.fill(`audio ${sha}`, key, s.root, have, row, ['system']);
    st.count('audio', update(st.db, 'audio', patch, { sha256: sha }) ? 'updated' : 'unchanged');
  }
}

interface UttRecord {
  ext: string;
  row: Row;
  spans: Row[];
  /** Where it goes among new utterances: plan position of its flywheel clip, else source order. */
  order: number[];
  from: string;
}

function readUtterances(s: MergeSource, srcIndex: number): UttRecord[] {
  const clipPos = new Map<number, number[]>();
  if (hasTable(s.db, 'flywheel_clips')) {
    const q = 'SELECT utterance_id, round, item_index FROM flywheel_clips';
    for (const c of s.db
      .prepare<[], { utterance_id: number; round: number; item_index: number }>(q)
      .iterate())
      clipPos.set(c.utterance_id, [0, c.round, c.item_index]);
  }
  const spans = s.db.prepare<[number], Row>(
    'SELECT * FROM entity_spans WHERE utterance_id = ? ORDER BY tier, ord',
  );
  return s.db
    .prepare<[], Row>('SELECT * FROM utterances ORDER BY id')
    .all()
    .map((u) => {
      const id = u.id as number;
      return {
        ext: u.ext_id as string,
        row: { ...u, audio: u.audio_id === null ? null : s.audioSha.get(u.audio_id as number) },
        spans: spans.all(id).map((sp) => Object.fromEntries(SPAN_COLS.map((c) => [c, sp[c]]))),
        order: clipPos.get(id) ?? [1, 0, 0, srcIndex, id],
        from: s.root,
      };
    });
}

function byOrder(a: UttRecord, b: UttRecord): number {
  for (let i = 0; i < Math.max(a.order.length, b.order.length); i++) {
    const d = (a.order[i] ?? 0) - (b.order[i] ?? 0);
    if (d !== 0) return d;
  }
  return a.ext < b.ext ? -1 : a.ext > b.ext ? 1 : 0;
}

/**
 * Utterances are matched by ext id. New ones are inserted together at the
 * end, in the order a single process would have made them (the flywheel
 * plan's order), so that a merge gives the same row ids whatever order the
 * shards are named in.
 */
function mergeUtterances(st: MergeState, sources: MergeSource[]): void {
  const pending = new Map<string, UttRecord>();
  const haveStmt = st.db.prepare<[string], Row>('SELECT * FROM utterances WHERE ext_id = ?');
  const spansStmt = st.db.prepare<[number], Row>(
    'SELECT * FROM entity_spans WHERE utterance_id = ? ORDER BY tier, ord',
  );
  const audioSha = st.db.prepare<[number], { sha256: string }>(
    'SELECT sha256 FROM audio WHERE id = ?',
  );
  sources.forEach((s, i) => {
    for (const rec of readUtterances(s, i)) {
      const key = `utt:${rec.ext}`;
      const what = `utterance "${rec.ext}"`;
      const fixed = { ...rec.row, spans: rec.spans };
      const queued = pending.get(rec.ext);
      if (queued) {
        st.same(what, key, s.root, { ...queued.row, spans: queued.spans }, fixed, [
          ...UTT_FIXED,
          'spans',
        ]);
        Object.assign(queued.row, st.fill(what, key, s.root, queued.row, rec.row, UTT_FILLED));
        st.count('utterances', 'unchanged');
        continue;
      }
      const have = haveStmt.get(rec.ext);
      if (!have) {
        pending.set(rec.ext, rec);
        st.claim(key, s.root);
        continue;
      }
      const haveRow = {
        ...have,
        audio: have.audio_id === null ? null : audioSha.get(have.audio_id as number)!.sha256,
        spans: spansStmt
          .all(have.id as number)
          .map((sp) => Object.fromEntries(SPAN_COLS.map((c) => [c, sp[c]]))),
      };
      st.same(what, key, s.root, haveRow, fixed, [...UTT_FIXED, 'spans']);
      const patch = st.fill(what, key, s.root, haveRow, rec.row, UTT_FILLED);
      const cols: Row = {};
      if ('audio' in patch) cols.audio_id = targetAudioId(st.db, patch.audio as string);
      if ('system' in patch) cols.system = patch.system;
      st.count(
        'utterances',
        update(st.db, 'utterances', cols, { ext_id: rec.ext }) ? 'updated' : 'unchanged',
      );
    }
  });
  for (const rec of [...pending.values()].sort(byOrder)) {
    const u = rec.row;
    const id = st.target.utterances.insert(
      {
        extId: rec.ext,
        lang: u.lang as never,
        text: u.text as string,
        spoken: u.spoken as string | null,
        entityClass: u.entity_class as string | null,
        split: u.split as never,
        source: u.source as string | null,
        system: u.system as string | null,
        audioId: targetAudioId(st.db, u.audio as string | null),
        rawJson: u.raw_json as string | null,
        spans: rec.spans.map((sp): NewSpan => ({
          tier: sp.tier as NewSpan['tier'],
          ord: sp.ord as number,
          type: sp.type as NewSpan['type'],
          originalType: sp.original_type as string,
          subtype: sp.subtype as string | null,
          start: sp.start as number,
          end: sp.end as number,
          surface: sp.surface as string,
          value: sp.value as string | null,
          valueStart: sp.value_start as number | null,
          valueEnd: sp.value_end as number | null,
          rawJson: sp.raw_json as string | null,
        })),
      },
      u.created_at as string,
    );
    if (u.edited) st.db.prepare('UPDATE utterances SET edited = 1 WHERE id = ?').run(id);
    st.count('utterances', 'added');
  }
}

function mergeModels(st: MergeState, s: MergeSource): void {
  for (const row of s.db.prepare<[], Row>('SELECT * FROM models ORDER BY id').iterate()) {
    const key = `model:${row.model_id as string}`;
    const have = st.db
      .prepare<[unknown], Row>('SELECT * FROM models WHERE model_id = ?')
      .get(row.model_id);
    if (have) {
      st.same(`model "${row.model_id as string}"`, key, s.root, have, row, [
        'task',
        'family',
        'sha256',
      ]);
      st.count('models', 'unchanged');
    } else {
      const { id: _id, ...rest } = row;
      insert(st.db, 'models', rest);
      st.claim(key, s.root);
      st.count('models', 'added');
    }
  }
}

/** Annotation tiers by (audio, name); a tier's segments must be the same list everywhere. */
function mergeTiers(st: MergeState, s: MergeSource): void {
  const tiers = s.db.prepare<[], Row>('SELECT * FROM tiers ORDER BY id').all();
  const nameOf = new Map(tiers.map((t) => [t.id as number, t.name as string]));
  // Notes and entity spans are part of a segment's content (migration 0004).
  const segs = (db: Db, tierId: unknown) =>
    db
      .prepare<[unknown], Row>(
        `SELECT start_sec, end_sec, text, state, note, machine, author, updated_at,
           (SELECT json_group_array(json_array(type, start, end, value))
              FROM (SELECT * FROM segment_entities e WHERE e.segment_id = s.id ORDER BY ord)) AS spans
         FROM segments s WHERE tier_id = ? ORDER BY start_sec, end_sec, id`,
      )
      .all(tierId);
  const sourceRepo = new AnnotationRepo(s.db);
  // Batch numbers are per project: one map per source keeps an action's rows together.
  const batches = new Map<number, number>();
  for (const t of tiers) {
    const sha = s.audioSha.get(t.audio_id as number)!;
    const audioId = targetAudioId(st.db, sha)!;
    const key = `tier:${sha}/${t.name as string}`;
    const parent = t.parent_id === null ? null : nameOf.get(t.parent_id as number)!;
    const mine = { ...t, parent, segments: segs(s.db, t.id) };
    const have = st.db
      .prepare<[number, unknown], Row>('SELECT * FROM tiers WHERE audio_id = ? AND name = ?')
      .get(audioId, t.name);
    if (have) {
      const haveParent =
        have.parent_id === null
          ? null
          : (st.db
              .prepare<[unknown], Row>('SELECT name FROM tiers WHERE id = ?')
              .get(have.parent_id)!.name as string);
      const theirs = { ...have, parent: haveParent, segments: segs(st.db, have.id) };
      st.same(`tier "${t.name as string}" of audio ${sha}`, key, s.root, theirs, mine, [
        'kind',
        'vocabulary_json',
        'parent',
        'segments',
      ]);
      st.count('tiers', 'unchanged');
      continue;
    }
    const parentId =
      parent === null
        ? null
        : st.db
            .prepare<[number, string], { id: number }>(
              'SELECT id FROM tiers WHERE audio_id = ? AND name = ?',
            )
            .get(audioId, parent)!.id;
    const id = insert(st.db, 'tiers', {
      audio_id: audioId,
      name: t.name,
      kind: t.kind,
      parent_id: parentId,
      vocabulary_json: t.vocabulary_json,
      participant: t.participant,
      annotator: t.annotator,
    });
    for (const seg of sourceRepo.listSegments(t.id as number))
      copySegmentWithHistory(st.db, s.db, seg, id, batches);
    st.claim(key, s.root);
    st.count('tiers', 'added');
  }
}

/** Evaluation runs by name, with their hypotheses, scores and outcomes by utterance and span. */
function mergeRuns(st: MergeState, s: MergeSource): void {
  for (const run of s.db.prepare<[], Row>('SELECT * FROM eval_runs ORDER BY id').all()) {
    const name = run.name as string;
    const key = `run:${name}`;
    const what = `eval run "${name}"`;
    const have = st.db.prepare<[string], Row>('SELECT * FROM eval_runs WHERE name = ?').get(name);
    let runId: number;
    if (have) {
      st.same(what, key, s.root, have, run, RUN_FIXED);
      runId = have.id as number;
      st.count('runs', 'unchanged');
    } else {
      const { id: _id, ...rest } = run;
      runId = insert(st.db, 'eval_runs', rest);
      st.claim(key, s.root);
      st.count('runs', 'added');
    }
    const perUtt = (table: string, cols: readonly string[]) => {
      for (const r of s.db
        .prepare<[unknown], Row>(`SELECT * FROM ${table} WHERE run_id = ?`)
        .all(run.id)) {
        const ext = s.uttExt.get(r.utterance_id as number)!;
        const uttId = targetUttId(st.db, ext);
        const old = st.db
          .prepare<[number, number], Row>(
            `SELECT * FROM ${table} WHERE run_id = ? AND utterance_id = ?`,
          )
          .get(runId, uttId);
        if (old) st.same(`${what}, utterance "${ext}" (${table})`, key, s.root, old, r, cols);
        else insert(st.db, table, { ...r, run_id: runId, utterance_id: uttId });
      }
    };
    perUtt('hypotheses', ['text']);
    perUtt('utterance_scores', SCORE_COLS);
    const outcomes = s.db.prepare<[unknown], Row>(
      `SELECT o.*, u.ext_id, sp.tier, sp.ord FROM entity_outcomes o
         JOIN entity_spans sp ON sp.id = o.span_id JOIN utterances u ON u.id = sp.utterance_id
        WHERE o.run_id = ?`,
    );
    for (const o of outcomes.all(run.id)) {
      const span = st.db
        .prepare<[unknown, unknown, unknown], { id: number }>(
          `SELECT sp.id FROM entity_spans sp JOIN utterances u ON u.id = sp.utterance_id
            WHERE u.ext_id = ? AND sp.tier = ? AND sp.ord = ?`,
        )
        .get(o.ext_id, o.tier, o.ord)!;
      const old = st.db
        .prepare<[number, number], Row>(
          'SELECT * FROM entity_outcomes WHERE run_id = ? AND span_id = ?',
        )
        .get(runId, span.id);
      const cols = ['outcome', 'exact_surface', 'hyp_window'];
      const where = `${what}, entity ${o.ord as number} of "${o.ext_id as string}"`;
      if (old) st.same(where, key, s.root, old, o, cols);
      else
        insert(st.db, 'entity_outcomes', {
          run_id: runId,
          span_id: span.id,
          outcome: o.outcome,
          exact_surface: o.exact_surface,
          hyp_window: o.hyp_window,
        });
    }
  }
}

/**
 * Combines shard projects into `target`: audio, utterances with their spans,
 * models, annotation tiers, evaluation runs and jobs with their work items
 * and flywheel rows. Rows are matched by their natural ids (sha256, ext id,
 * run name, job name, item key); a shared id must carry the same content, or
 * the merge stops with an error naming both projects and changes nothing.
 * Merging the same shards again changes nothing.
 */
export function mergeProjects(target: Project, dirs: string[]): MergeResult {
  target.requireWritable('merging projects');
  const roots = [...new Set(dirs.map((d) => projectPaths(d).root))];
  if (roots.includes(target.paths.root))
    throw new UserError(
      'bad_input',
      `${target.paths.root} is the merge target; it cannot also be a source`,
    );
  if (roots.length === 0)
    throw new UserError('bad_input', 'merge: name at least one shard project');
  const opened: (MergeSource & { project: Project })[] = [];
  try {
    for (const r of roots) opened.push(openSource(r));
    const st = new MergeState(target);
    const created = copyAudioFiles(target, opened);
    try {
      const jobs = target.db
        .transaction(() => {
          for (const s of opened) mergeAudio(st, s);
          for (const s of opened) mergeModels(st, s);
          mergeUtterances(st, opened);
          for (const s of opened) mergeTiers(st, s);
          for (const s of opened) mergeRuns(st, s);
          return mergeJobs(st, opened);
        })
        .immediate();
      return { project: target.paths.root, sources: roots, counts: st.counts, jobs };
    } catch (e) {
      for (const f of created) {
        rmSync(f, { force: true });
        // The two-letter folders of the audio store, when this merge made them.
        if (readdirSync(dirname(f)).length === 0 && dirname(f) !== target.paths.cache)
          rmdirSync(dirname(f));
      }
      throw e;
    }
  } finally {
    for (const s of opened) s.project.close();
  }
}
