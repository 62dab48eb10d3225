import { UserError } from '../contract/errors.js';
import type { Segment, SegmentEntity, Tier } from '../store/annotation-repo.js';
import { toMs } from '../store/annotation-repo.js';
import type { Db } from '../store/database.js';
import { Project, projectPaths } from '../store/project.js';

/** One side of a conflict: the segment as a project holds it. */
export interface ConflictSide {
  start: number;
  end: number;
  text: string;
  state: string;
  note: string | null;
  author: string | null;
  entities: SegmentEntity[];
}

export interface MergeConflict {
  audio: string;
  sha256: string;
  tier: string;
  ours: ConflictSide;
  theirs: ConflictSide;
}

export interface AnnotatorMergeResult {
  project: string;
  from: string;
  tiersAdded: number;
  segmentsAdded: number;
  segmentsUnchanged: number;
  /** Recordings of the other project that this one does not hold (by sha256). */
  recordingsMissing: string[];
  conflicts: MergeConflict[];
}

/**
 * Copies a segment, its entity spans and its edit log rows into `tierId` of
 * `target`. Log rows are rewritten to name the new segment and tier (their
 * snapshots too, so undo works there); `batches` keeps rows one action wrote
 * together in one batch across segments.
 */
export function copySegmentWithHistory(
  target: Db,
  source: Db,
  seg: Segment,
  tierId: number,
  batches: Map<number, number>,
): number {
  const id = Number(
    target
      .prepare(
        `INSERT INTO segments (tier_id, start_sec, end_sec, text, state, note, machine, author, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        tierId,
        seg.start,
        seg.end,
        seg.text,
        seg.state,
        seg.note,
        seg.machine ? 1 : 0,
        seg.author,
        seg.updatedAt,
      ).lastInsertRowid,
  );
  const span = target.prepare(
    'INSERT INTO segment_entities (segment_id, ord, type, start, end, value) VALUES (?, ?, ?, ?, ?, ?)',
  );
  seg.entities.forEach((e, i) => span.run(id, i, e.type, e.start, e.end, e.value));
  const rows = source
    .prepare('SELECT * FROM segment_edits WHERE segment_id = ? ORDER BY id')
    .all(seg.id) as {
    batch: number;
    op: string;
    author: string;
    at: string;
    before_json: string | null;
    after_json: string | null;
  }[];
  const ins = target.prepare(
    `INSERT INTO segment_edits (batch, segment_id, tier_id, op, author, at, before_json, after_json)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const remap = (json: string | null): string | null => {
    if (json === null) return null;
    const s = JSON.parse(json) as Segment;
    return JSON.stringify({ ...s, id, tierId });
  };
  for (const r of rows) {
    let batch = batches.get(r.batch);
    if (batch === undefined) {
      batch = (
        target.prepare('SELECT coalesce(max(id), 0) + 1 AS n FROM segment_edits').get() as {
          n: number;
        }
      ).n;
      batches.set(r.batch, batch);
    }
    ins.run(batch, id, tierId, r.op, r.author, r.at, remap(r.before_json), remap(r.after_json));
  }
  return id;
}

function overlaps(a: Segment, b: Segment): boolean {
  const [as, ae, bs, be] = [toMs(a.start), toMs(a.end), toMs(b.start), toMs(b.end)];
  return (as < be && bs < ae) || (as === bs && ae === be);
}

/** Same times (to the millisecond), text, state and spans: nothing to bring in. */
function sameSegment(a: Segment, b: Segment): boolean {
  return (
    toMs(a.start) === toMs(b.start) &&
    toMs(a.end) === toMs(b.end) &&
    a.text === b.text &&
    a.state === b.state &&
    JSON.stringify(a.entities) === JSON.stringify(b.entities)
  );
}

function side(s: Segment): ConflictSide {
  const { id: _id, tierId: _tier, machine: _machine, updatedAt: _at, ...kept } = s;
  return kept;
}

function ensureTier(target: Project, audioId: number, t: Tier, parent: string | null): Tier {
  const have = target.annotations.listTiers(audioId).find((x) => x.name === t.name);
  if (have) return have;
  const parentId =
    parent === null
      ? null
      : (target.annotations.listTiers(audioId).find((x) => x.name === parent)?.id ?? null);
  return target.annotations.createTier(audioId, {
    name: t.name,
    kind: t.kind,
    parentId,
    vocabulary: t.vocabulary,
    participant: t.participant,
    annotator: t.annotator,
  });
}

/**
 * Brings another annotator's copy of the same recordings (matched by audio
 * sha256) into `target`, in one transaction. A segment that overlaps nothing
 * here is added with its author, state, note, spans and history; an identical
 * one is left alone; one that overlaps a different segment is a conflict:
 * reported, never written. A second run finds everything identical or in
 * conflict and so writes nothing.
 */
export function mergeAnnotatorCopy(target: Project, fromDir: string): AnnotatorMergeResult {
  target.requireWritable('merging annotations');
  const fromRoot = projectPaths(fromDir).root;
  if (fromRoot === target.paths.root)
    throw new UserError('bad_input', `--from ${fromDir} is this project; name the other copy`);
  const source = Project.open(fromRoot, { readonly: true });
  try {
    const result: AnnotatorMergeResult = {
      project: target.paths.root,
      from: fromRoot,
      tiersAdded: 0,
      segmentsAdded: 0,
      segmentsUnchanged: 0,
      recordingsMissing: [],
      conflicts: [],
    };
    const audio = source.db
      .prepare('SELECT id, sha256, original_name FROM audio ORDER BY id')
      .all() as { id: number; sha256: string; original_name: string }[];
    const targetAudio = target.db.prepare('SELECT id FROM audio WHERE sha256 = ?');
    const batches = new Map<number, number>();
    target.db
      .transaction(() => {
        for (const a of audio) {
          const tiers = source.annotations.listTiers(a.id);
          if (tiers.length === 0) continue;
          const here = targetAudio.get(a.sha256) as { id: number } | undefined;
          if (!here) {
            result.recordingsMissing.push(a.sha256);
            continue;
          }
          for (const t of tiers) {
            const theirs = source.annotations.listSegments(t.id);
            const existed = target.annotations.listTiers(here.id).some((x) => x.name === t.name);
            const parent =
              t.parentId === null ? null : source.annotations.getTier(t.parentId)!.name;
            const tier = ensureTier(target, here.id, t, parent);
            if (!existed) result.tiersAdded++;
            const ours = target.annotations.listSegments(tier.id);
            for (const s of theirs) {
              const clash = ours.filter((o) => overlaps(o, s));
              if (clash.length === 0) {
                copySegmentWithHistory(target.db, source.db, s, tier.id, batches);
                result.segmentsAdded++;
              } else if (clash.length === 1 && sameSegment(clash[0], s)) {
                result.segmentsUnchanged++;
              } else {
                for (const o of clash)
                  result.conflicts.push({
                    audio: a.original_name,
                    sha256: a.sha256,
                    tier: t.name,
                    ours: side(o),
                    theirs: side(s),
                  });
              }
            }
          }
        }
      })
      .immediate();
    return result;
  } finally {
    source.close();
  }
}
