import { UserError } from '../contract/errors.js';
import type { Db } from './database.js';

export const TIER_KINDS = ['transcript', 'normalised', 'translation', 'speaker', 'user'] as const;
export type TierKind = (typeof TIER_KINDS)[number];

export const SEGMENT_STATES = ['todo', 'transcribed', 'reviewed', 'approved'] as const;
export type SegmentState = (typeof SEGMENT_STATES)[number];

export interface Tier {
  id: number;
  audioId: number;
  name: string;
  kind: TierKind;
  parentId: number | null;
  /** A controlled vocabulary: when set, segment texts are expected to be one of these. */
  vocabulary: string[] | null;
  participant: string | null;
  annotator: string | null;
}

export interface NewTier {
  name: string;
  kind: TierKind;
  parentId?: number | null;
  vocabulary?: string[] | null;
  participant?: string | null;
  annotator?: string | null;
}

/** An entity tagged in a segment's text; offsets are code points. */
export interface SegmentEntity {
  type: string;
  start: number;
  end: number;
  /** The canonical value (e.g. "500000" for "पाँच लाख"), when there is one. */
  value: string | null;
}

export interface Segment {
  id: number;
  tierId: number;
  /** Seconds, always a whole number of milliseconds. */
  start: number;
  end: number;
  text: string;
  state: SegmentState;
  note: string | null;
  /** Machine output (ASR) that no person has edited yet. */
  machine: boolean;
  author: string | null;
  updatedAt: string;
  entities: SegmentEntity[];
}

export interface NewSegment {
  start: number;
  end: number;
  text?: string;
  state?: SegmentState;
  machine?: boolean;
  note?: string | null;
}

export interface SegmentPatch {
  start?: number;
  end?: number;
  text?: string;
  state?: SegmentState;
  note?: string | null;
  machine?: boolean;
}

export type EditOp = 'create' | 'update' | 'delete' | 'split' | 'merge' | 'entities' | 'restore';

export interface SegmentEdit {
  id: number;
  /** Edits written by one action share a batch (a split writes two rows). */
  batch: number;
  segmentId: number;
  tierId: number;
  op: EditOp;
  author: string;
  at: string;
  before: Segment | null;
  after: Segment | null;
}

interface TierRow {
  id: number;
  audio_id: number;
  name: string;
  kind: TierKind;
  parent_id: number | null;
  vocabulary_json: string | null;
  participant: string | null;
  annotator: string | null;
}

interface SegmentRow {
  id: number;
  tier_id: number;
  start_sec: number;
  end_sec: number;
  text: string;
  state: SegmentState;
  note: string | null;
  machine: number;
  author: string | null;
  updated_at: string;
}

interface EditRow {
  id: number;
  batch: number;
  segment_id: number;
  tier_id: number;
  op: EditOp;
  author: string;
  at: string;
  before_json: string | null;
  after_json: string | null;
}

/**
 * Times are kept as whole milliseconds: a time is rounded once on the way in
 * and every comparison is made on integers, so a value written as 1.234 reads
 * back as exactly 1.234 and 0.1 + 0.2 never overlaps 0.3.
 */
export function toMs(sec: number): number {
  return Math.round(sec * 1000);
}

export function fromMs(ms: number): number {
  return ms / 1000;
}

const STATE_ORDER: Record<SegmentState, number> = {
  todo: 0,
  transcribed: 1,
  reviewed: 2,
  approved: 3,
};

function codePoints(s: string): string[] {
  return Array.from(s);
}

/** Annotation tiers and time-aligned segments of a recording, with an edit log. */
export class AnnotationRepo {
  constructor(private readonly db: Db) {}

  /** The name projects kept before it was set per installation (native/settings/annotator.ts adopts it). */
  annotator(): string | null {
    const row = this.db.prepare("SELECT value FROM meta WHERE key = 'annotator'").get() as
      { value: string } | undefined;
    return row?.value ?? null;
  }

  setAnnotator(name: string): void {
    const n = name.trim();
    if (n === '') throw new UserError('bad_input', 'annotator name: must not be empty');
    this.db
      .prepare(
        "INSERT INTO meta (key, value) VALUES ('annotator', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
      )
      .run(n);
  }

  listTiers(audioId: number): Tier[] {
    const rows = this.db
      .prepare('SELECT * FROM tiers WHERE audio_id = ? ORDER BY id')
      .all(audioId) as TierRow[];
    return rows.map(tierFromRow);
  }

  getTier(id: number): Tier | null {
    const row = this.db.prepare('SELECT * FROM tiers WHERE id = ?').get(id) as TierRow | undefined;
    return row ? tierFromRow(row) : null;
  }

  createTier(audioId: number, t: NewTier): Tier {
    return this.db.transaction(() => {
      const name = t.name.trim();
      if (name === '') throw new UserError('bad_input', 'tier name: must not be empty');
      checkKind(t.kind);
      const audio = this.db.prepare('SELECT id FROM audio WHERE id = ?').get(audioId);
      if (!audio) throw new UserError('not_found', `no audio with id ${audioId}`);
      if (this.db.prepare('SELECT 1 FROM tiers WHERE audio_id = ? AND name = ?').get(audioId, name))
        throw new UserError('conflict', `audio ${audioId} already has a tier named "${name}"`);
      if (t.parentId != null) {
        const parent = this.getTier(t.parentId);
        if (!parent || parent.audioId !== audioId)
          throw new UserError(
            'bad_input',
            `parent tier ${t.parentId} is not a tier of audio ${audioId}`,
          );
      }
      const vocabulary = t.vocabulary ? normaliseVocabulary(t.vocabulary, name) : null;
      const id = Number(
        this.db
          .prepare(
            `INSERT INTO tiers (audio_id, name, kind, parent_id, vocabulary_json, participant, annotator)
             VALUES (?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            audioId,
            name,
            t.kind,
            t.parentId ?? null,
            vocabulary ? JSON.stringify(vocabulary) : null,
            t.participant ?? null,
            t.annotator ?? null,
          ).lastInsertRowid,
      );
      return this.getTier(id)!;
    })();
  }

  /** The tier of that name, created with `kind` when the recording has none. */
  ensureTier(audioId: number, name: string, kind: TierKind): Tier {
    return this.db.transaction(() => {
      const row = this.db
        .prepare('SELECT * FROM tiers WHERE audio_id = ? AND name = ?')
        .get(audioId, name.trim()) as TierRow | undefined;
      if (row) return tierFromRow(row);
      return this.createTier(audioId, { name, kind });
    })();
  }

  /** Changes a tier's name, kind, vocabulary, participant or annotator. */
  updateTier(
    id: number,
    patch: Partial<Pick<NewTier, 'name' | 'kind' | 'vocabulary' | 'participant' | 'annotator'>>,
  ): Tier {
    return this.db.transaction(() => {
      const tier = this.requireTier(id);
      const name = patch.name !== undefined ? patch.name.trim() : tier.name;
      if (name === '') throw new UserError('bad_input', 'tier name: must not be empty');
      if (
        name !== tier.name &&
        this.db
          .prepare('SELECT 1 FROM tiers WHERE audio_id = ? AND name = ?')
          .get(tier.audioId, name)
      )
        throw new UserError('conflict', `audio ${tier.audioId} already has a tier named "${name}"`);
      const kind = patch.kind ?? tier.kind;
      checkKind(kind);
      const vocabulary =
        patch.vocabulary === undefined
          ? tier.vocabulary
          : patch.vocabulary && normaliseVocabulary(patch.vocabulary, name);
      this.db
        .prepare(
          'UPDATE tiers SET name = ?, kind = ?, vocabulary_json = ?, participant = ?, annotator = ? WHERE id = ?',
        )
        .run(
          name,
          kind,
          vocabulary ? JSON.stringify(vocabulary) : null,
          patch.participant === undefined ? tier.participant : patch.participant,
          patch.annotator === undefined ? tier.annotator : patch.annotator,
          id,
        );
      return this.getTier(id)!;
    })();
  }

  /** Deletes a tier, its child tiers and their segments, logging each segment's deletion. */
  deleteTier(id: number, author: string): void {
    this.db.transaction(() => {
      const tier = this.requireTier(id);
      const children = this.db.prepare('SELECT id FROM tiers WHERE parent_id = ?').all(id) as {
        id: number;
      }[];
      for (const c of children) this.deleteTier(c.id, author);
      const batch = this.nextBatch();
      for (const s of this.listSegments(id)) {
        this.log(batch, s.id, tier.id, 'delete', author, s, null);
      }
      this.db.prepare('DELETE FROM segments WHERE tier_id = ?').run(id);
      this.db.prepare('DELETE FROM tiers WHERE id = ?').run(id);
    })();
  }

  listSegments(tierId: number): Segment[] {
    const rows = this.db
      .prepare('SELECT * FROM segments WHERE tier_id = ? ORDER BY start_sec, end_sec, id')
      .all(tierId) as SegmentRow[];
    const spans = this.db
      .prepare(
        `SELECT e.* FROM segment_entities e JOIN segments s ON s.id = e.segment_id
         WHERE s.tier_id = ? ORDER BY e.segment_id, e.ord`,
      )
      .all(tierId) as (SegmentEntity & { segment_id: number })[];
    const bySegment = new Map<number, SegmentEntity[]>();
    for (const e of spans) {
      const list = bySegment.get(e.segment_id) ?? [];
      list.push({ type: e.type, start: e.start, end: e.end, value: e.value });
      bySegment.set(e.segment_id, list);
    }
    return rows.map((r) => segmentFromRow(r, bySegment.get(r.id) ?? []));
  }

  getSegment(id: number): Segment | null {
    const row = this.db.prepare('SELECT * FROM segments WHERE id = ?').get(id) as
      SegmentRow | undefined;
    if (!row) return null;
    return segmentFromRow(row, this.entitiesOf(id));
  }

  addSegment(tierId: number, s: NewSegment, author: string): Segment {
    return this.db.transaction(() => {
      this.requireTier(tierId);
      checkAuthor(author);
      const [startMs, endMs] = checkTimes(s.start, s.end);
      this.refuseOverlap(tierId, startMs, endMs, null);
      const state = s.state ?? 'todo';
      checkState(state);
      const id = this.insertRow(tierId, {
        startMs,
        endMs,
        text: s.text ?? '',
        state,
        note: s.note ?? null,
        machine: s.machine ?? false,
        author,
      });
      const after = this.getSegment(id)!;
      this.log(this.nextBatch(), id, tierId, 'create', author, null, after);
      return after;
    })();
  }

  /** Editing the text clears `machine` unless the patch sets it: a person has now touched it. */
  updateSegment(id: number, patch: SegmentPatch, author: string): Segment {
    return this.db.transaction(() => {
      checkAuthor(author);
      const before = this.requireSegment(id);
      const after = this.write(before, patch, author);
      this.log(this.nextBatch(), id, before.tierId, 'update', author, before, after);
      return after;
    })();
  }

  deleteSegment(id: number, author: string): void {
    this.db.transaction(() => {
      checkAuthor(author);
      const before = this.requireSegment(id);
      this.db.prepare('DELETE FROM segments WHERE id = ?').run(id);
      this.log(this.nextBatch(), id, before.tierId, 'delete', author, before, null);
    })();
  }

  /**
   * Splits a segment at `at` seconds. The text (and the entities in it) stays
   * with the first half unless `textAt`, a code-point offset, says where to cut
   * it. Returns both halves.
   */
  splitSegment(id: number, at: number, author: string, textAt?: number): [Segment, Segment] {
    return this.db.transaction((): [Segment, Segment] => {
      checkAuthor(author);
      const before = this.requireSegment(id);
      const atMs = toMs(checkTime(at, 'split time'));
      const startMs = toMs(before.start);
      const endMs = toMs(before.end);
      if (atMs <= startMs || atMs >= endMs)
        throw new UserError(
          'bad_input',
          `split time ${fromMs(atMs)} s is not inside segment ${id} (${before.start}–${before.end} s)`,
        );
      const chars = codePoints(before.text);
      const cut = textAt ?? chars.length;
      if (!Number.isInteger(cut) || cut < 0 || cut > chars.length)
        throw new UserError(
          'bad_input',
          `text split offset ${cut} is outside segment ${id}'s text`,
        );
      const leftText = chars.slice(0, cut).join('');
      const rightText = chars.slice(cut).join('');
      const leftEntities = before.entities.filter((e) => e.end <= cut);
      const rightEntities = before.entities
        .filter((e) => e.start >= cut)
        .map((e) => ({ ...e, start: e.start - cut, end: e.end - cut }));
      const batch = this.nextBatch();
      this.db
        .prepare(
          'UPDATE segments SET end_sec = ?, text = ?, author = ?, updated_at = ? WHERE id = ?',
        )
        .run(
          fromMs(atMs),
          cut === chars.length ? before.text : leftText.trimEnd(),
          author,
          now(),
          id,
        );
      this.replaceEntities(id, cut === chars.length ? before.entities : leftEntities);
      const first = this.getSegment(id)!;
      const rightTrimmed = rightText.trimStart();
      const shift = codePoints(rightText).length - codePoints(rightTrimmed).length;
      const newId = this.insertRow(before.tierId, {
        startMs: atMs,
        endMs,
        text: rightTrimmed,
        state: rightTrimmed === '' ? 'todo' : before.state,
        note: null,
        machine: before.machine && rightTrimmed !== '',
        author,
      });
      this.replaceEntities(
        newId,
        rightEntities
          .map((e) => ({ ...e, start: e.start - shift, end: e.end - shift }))
          .filter((e) => e.start >= 0),
      );
      const second = this.getSegment(newId)!;
      this.log(batch, id, before.tierId, 'split', author, before, first);
      this.log(batch, newId, before.tierId, 'split', author, null, second);
      return [first, second];
    })();
  }

  /**
   * Joins a segment with the next one on its tier: texts joined by a space,
   * entity offsets shifted, notes kept, the lower review state.
   */
  mergeWithNext(id: number, author: string): Segment {
    return this.db.transaction(() => {
      checkAuthor(author);
      const a = this.requireSegment(id);
      const nextRow = this.db
        .prepare(
          `SELECT id FROM segments WHERE tier_id = ? AND id != ?
             AND (round(start_sec * 1000) > ? OR (round(start_sec * 1000) = ? AND id > ?))
           ORDER BY start_sec, end_sec, id LIMIT 1`,
        )
        .get(a.tierId, id, toMs(a.start), toMs(a.start), id) as { id: number } | undefined;
      if (!nextRow) throw new UserError('bad_input', `segment ${id} is the last on its tier`);
      const b = this.getSegment(nextRow.id)!;
      const sep = a.text !== '' && b.text !== '' ? ' ' : '';
      const offset = codePoints(a.text + sep).length;
      const text = a.text + sep + b.text;
      const entities = [
        ...a.entities,
        ...b.entities.map((e) => ({ ...e, start: e.start + offset, end: e.end + offset })),
      ];
      const note = [a.note, b.note].filter((n): n is string => !!n).join('\n') || null;
      const state = STATE_ORDER[a.state] <= STATE_ORDER[b.state] ? a.state : b.state;
      const batch = this.nextBatch();
      this.db.prepare('DELETE FROM segments WHERE id = ?').run(b.id);
      this.db
        .prepare(
          `UPDATE segments SET end_sec = ?, text = ?, state = ?, note = ?, machine = ?, author = ?, updated_at = ?
           WHERE id = ?`,
        )
        .run(
          fromMs(Math.max(toMs(a.end), toMs(b.end))),
          text,
          state,
          note,
          a.machine || b.machine ? 1 : 0,
          author,
          now(),
          id,
        );
      this.replaceEntities(id, entities);
      const after = this.getSegment(id)!;
      this.log(batch, b.id, b.tierId, 'merge', author, b, null);
      this.log(batch, id, a.tierId, 'merge', author, a, after);
      return after;
    })();
  }

  /** Replaces a segment's entity spans (code-point offsets into its text). */
  setSegmentEntities(id: number, spans: SegmentEntity[], author: string): Segment {
    return this.db.transaction(() => {
      checkAuthor(author);
      const before = this.requireSegment(id);
      const clean = checkEntities(spans, before.text, id);
      this.replaceEntities(id, clean);
      this.db
        .prepare('UPDATE segments SET author = ?, updated_at = ? WHERE id = ?')
        .run(author, now(), id);
      const after = this.getSegment(id)!;
      this.log(this.nextBatch(), id, before.tierId, 'entities', author, before, after);
      return after;
    })();
  }

  /**
   * Puts a segment back as a snapshot from `history` shows it (its id, times,
   * text, state, note, entities): an undo of a delete, split or merge. The
   * overlap rule still holds, so undo a split by deleting its second half first.
   */
  restoreSegment(snapshot: Segment, author: string): Segment {
    return this.db.transaction(() => {
      checkAuthor(author);
      this.requireTier(snapshot.tierId);
      const [startMs, endMs] = checkTimes(snapshot.start, snapshot.end);
      checkState(snapshot.state);
      this.refuseOverlap(snapshot.tierId, startMs, endMs, snapshot.id);
      const before = this.getSegment(snapshot.id);
      if (before && before.tierId !== snapshot.tierId)
        throw new UserError('conflict', `segment ${snapshot.id} now belongs to another tier`);
      this.db
        .prepare(
          `INSERT INTO segments (id, tier_id, start_sec, end_sec, text, state, note, machine, author, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT(id) DO UPDATE SET start_sec = excluded.start_sec, end_sec = excluded.end_sec,
             text = excluded.text, state = excluded.state, note = excluded.note,
             machine = excluded.machine, author = excluded.author, updated_at = excluded.updated_at`,
        )
        .run(
          snapshot.id,
          snapshot.tierId,
          fromMs(startMs),
          fromMs(endMs),
          snapshot.text,
          snapshot.state,
          snapshot.note,
          snapshot.machine ? 1 : 0,
          author,
          now(),
        );
      this.replaceEntities(
        snapshot.id,
        checkEntities(snapshot.entities, snapshot.text, snapshot.id),
      );
      const after = this.getSegment(snapshot.id)!;
      this.log(this.nextBatch(), snapshot.id, snapshot.tierId, 'restore', author, before, after);
      return after;
    })();
  }

  /** Every logged write to a segment, oldest first. */
  history(segmentId: number): SegmentEdit[] {
    const rows = this.db
      .prepare('SELECT * FROM segment_edits WHERE segment_id = ? ORDER BY id')
      .all(segmentId) as EditRow[];
    return rows.map(editFromRow);
  }

  /** Every logged write on a tier, oldest first (for an annotator's session and merges). */
  tierHistory(tierId: number): SegmentEdit[] {
    const rows = this.db
      .prepare('SELECT * FROM segment_edits WHERE tier_id = ? ORDER BY id')
      .all(tierId) as EditRow[];
    return rows.map(editFromRow);
  }

  private write(before: Segment, patch: SegmentPatch, author: string): Segment {
    const [startMs, endMs] = checkTimes(patch.start ?? before.start, patch.end ?? before.end);
    if (startMs !== toMs(before.start) || endMs !== toMs(before.end))
      this.refuseOverlap(before.tierId, startMs, endMs, before.id);
    const state = patch.state ?? before.state;
    checkState(state);
    const text = patch.text ?? before.text;
    const textChanged = text !== before.text;
    const machine = patch.machine ?? (textChanged ? false : before.machine);
    const note = patch.note === undefined ? before.note : patch.note;
    this.db
      .prepare(
        `UPDATE segments SET start_sec = ?, end_sec = ?, text = ?, state = ?, note = ?, machine = ?, author = ?, updated_at = ?
         WHERE id = ?`,
      )
      .run(
        fromMs(startMs),
        fromMs(endMs),
        text,
        state,
        note,
        machine ? 1 : 0,
        author,
        now(),
        before.id,
      );
    if (textChanged)
      this.replaceEntities(before.id, keepEntities(before.entities, before.text, text));
    return this.getSegment(before.id)!;
  }

  private insertRow(
    tierId: number,
    r: {
      startMs: number;
      endMs: number;
      text: string;
      state: SegmentState;
      note: string | null;
      machine: boolean;
      author: string;
    },
  ): number {
    return Number(
      this.db
        .prepare(
          `INSERT INTO segments (tier_id, start_sec, end_sec, text, state, note, machine, author, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          tierId,
          fromMs(r.startMs),
          fromMs(r.endMs),
          r.text,
          r.state,
          r.note,
          r.machine ? 1 : 0,
          r.author,
          now(),
        ).lastInsertRowid,
    );
  }

  /**
   * Two segments overlap when each starts before the other ends; two
   * zero-length segments (points) clash when they sit at the same instant.
   */
  private refuseOverlap(
    tierId: number,
    startMs: number,
    endMs: number,
    except: number | null,
  ): void {
    const clash = this.db
      .prepare(
        `SELECT id, start_sec, end_sec FROM segments
         WHERE tier_id = ? AND id IS NOT ?
           AND ((round(start_sec * 1000) < ? AND round(end_sec * 1000) > ?)
             OR (round(start_sec * 1000) = ? AND round(end_sec * 1000) = ?))
         ORDER BY start_sec LIMIT 1`,
      )
      .get(tierId, except, endMs, startMs, startMs, endMs) as
      { id: number; start_sec: number; end_sec: number } | undefined;
    if (clash)
      throw new UserError(
        'conflict',
        `${fromMs(startMs)}–${fromMs(endMs)} s overlaps segment ${clash.id} (${clash.start_sec}–${clash.end_sec} s) on the same tier`,
      );
  }

  private entitiesOf(segmentId: number): SegmentEntity[] {
    return this.db
      .prepare(
        'SELECT type, start, end, value FROM segment_entities WHERE segment_id = ? ORDER BY ord',
      )
      .all(segmentId) as SegmentEntity[];
  }

  private replaceEntities(segmentId: number, spans: SegmentEntity[]): void {
    this.db.prepare('DELETE FROM segment_entities WHERE segment_id = ?').run(segmentId);
    const ins = this.db.prepare(
      'INSERT INTO segment_entities (segment_id, ord, type, start, end, value) VALUES (?, ?, ?, ?, ?, ?)',
    );
    spans.forEach((e, i) => ins.run(segmentId, i, e.type, e.start, e.end, e.value));
  }

  /** The id the batch's first log row will get: max(rowid) is a lookup, not a scan. */
  private nextBatch(): number {
    const row = this.db
      .prepare('SELECT coalesce(max(id), 0) + 1 AS n FROM segment_edits')
      .get() as {
      n: number;
    };
    return row.n;
  }

  private log(
    batch: number,
    segmentId: number,
    tierId: number,
    op: EditOp,
    author: string,
    before: Segment | null,
    after: Segment | null,
  ): void {
    this.db
      .prepare(
        `INSERT INTO segment_edits (batch, segment_id, tier_id, op, author, at, before_json, after_json)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        batch,
        segmentId,
        tierId,
        op,
        author,
        now(),
        before ? JSON.stringify(before) : null,
        after ? JSON.stringify(after) : null,
      );
  }

  private requireTier(id: number): Tier {
    const t = this.getTier(id);
    if (!t) throw new UserError('not_found', `no tier with id ${id}`);
    return t;
  }

  private requireSegment(id: number): Segment {
    const s = this.getSegment(id);
    if (!s) throw new UserError('not_found', `no segment with id ${id}`);
    return s;
  }
}

function now(): string {
  return new Date().toISOString();
}

function tierFromRow(r: TierRow): Tier {
  return {
    id: r.id,
    audioId: r.audio_id,
    name: r.name,
    kind: r.kind,
    parentId: r.parent_id,
    vocabulary: r.vocabulary_json ? (JSON.parse(r.vocabulary_json) as string[]) : null,
    participant: r.participant,
    annotator: r.annotator,
  };
}

function segmentFromRow(r: SegmentRow, entities: SegmentEntity[]): Segment {
  return {
    id: r.id,
    tierId: r.tier_id,
    start: fromMs(toMs(r.start_sec)),
    end: fromMs(toMs(r.end_sec)),
    text: r.text,
    state: r.state,
    note: r.note,
    machine: r.machine !== 0,
    author: r.author,
    updatedAt: r.updated_at,
    entities,
  };
}

function editFromRow(r: EditRow): SegmentEdit {
  return {
    id: r.id,
    batch: r.batch,
    segmentId: r.segment_id,
    tierId: r.tier_id,
    op: r.op,
    author: r.author,
    at: r.at,
    before: r.before_json ? (JSON.parse(r.before_json) as Segment) : null,
    after: r.after_json ? (JSON.parse(r.after_json) as Segment) : null,
  };
}

function checkKind(kind: string): asserts kind is TierKind {
  if (!(TIER_KINDS as readonly string[]).includes(kind))
    throw new UserError(
      'bad_input',
      `tier kind: expected one of ${TIER_KINDS.join(', ')}, got "${kind}"`,
    );
}

function checkState(state: string): asserts state is SegmentState {
  if (!(SEGMENT_STATES as readonly string[]).includes(state))
    throw new UserError(
      'bad_input',
      `segment state: expected one of ${SEGMENT_STATES.join(', ')}, got "${state}"`,
    );
}

function checkAuthor(author: string): void {
  if (typeof author !== 'string' || author.trim() === '')
    throw new UserError('bad_input', 'author: every edit needs an annotator name');
}

function checkTime(t: number, what: string): number {
  if (typeof t !== 'number' || !Number.isFinite(t) || t < 0)
    throw new UserError('bad_input', `${what}: expected seconds ≥ 0, got ${String(t)}`);
  return t;
}

function checkTimes(start: number, end: number): [number, number] {
  const s = toMs(checkTime(start, 'start'));
  const e = toMs(checkTime(end, 'end'));
  if (e < s) throw new UserError('bad_input', `end ${fromMs(e)} s is before start ${fromMs(s)} s`);
  return [s, e];
}

function normaliseVocabulary(values: string[], tier: string): string[] {
  const seen = new Set<string>();
  for (const v of values) {
    if (typeof v !== 'string' || v === '')
      throw new UserError('bad_input', `tier "${tier}": vocabulary entries must be non-empty text`);
    seen.add(v);
  }
  return [...seen];
}

function checkEntities(spans: SegmentEntity[], text: string, segmentId: number): SegmentEntity[] {
  const length = codePoints(text).length;
  const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
  for (const e of sorted) {
    if (typeof e.type !== 'string' || e.type === '')
      throw new UserError('bad_input', `segment ${segmentId}: an entity span has no type`);
    if (
      !Number.isInteger(e.start) ||
      !Number.isInteger(e.end) ||
      e.start < 0 ||
      e.end <= e.start ||
      e.end > length
    )
      throw new UserError(
        'bad_input',
        `segment ${segmentId}: entity span ${e.start}–${e.end} is outside its text (${length} characters)`,
      );
  }
  return sorted.map((e) => ({ type: e.type, start: e.start, end: e.end, value: e.value ?? null }));
}

/**
 * After a text edit a span survives when the characters it covered are still
 * there: at the same offsets, or shifted by the edit before it (found by the
 * common prefix and suffix of old and new text).
 */
function keepEntities(spans: SegmentEntity[], oldText: string, newText: string): SegmentEntity[] {
  const a = codePoints(oldText);
  const b = codePoints(newText);
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (
    suffix < a.length - prefix &&
    suffix < b.length - prefix &&
    a[a.length - 1 - suffix] === b[b.length - 1 - suffix]
  )
    suffix++;
  const delta = b.length - a.length;
  const out: SegmentEntity[] = [];
  for (const e of spans) {
    if (e.end <= prefix) out.push(e);
    else if (e.start >= a.length - suffix)
      out.push({ ...e, start: e.start + delta, end: e.end + delta });
  }
  return out;
}
