import { UserError } from '../contract/errors.js';
import type { Db } from '../store/database.js';
import type { Project } from '../store/project.js';

export type Row = Record<string, unknown>;

/** What a merge added and what it found already there, per kind of row. */
export type MergeCounts = Record<string, { added: number; updated: number; unchanged: number }>;

/**
 * Shared state of one merge: the target, which project each natural key came
 * from (so a conflict names both), and the counts. Keys are namespaced:
 * `audio:<sha>`, `utt:<ext id>`, `run:<name>`, `job:<name>` …
 */
export class MergeState {
  private readonly origins = new Map<string, string>();
  readonly counts: MergeCounts = {};

  constructor(readonly target: Project) {}

  get db(): Db {
    return this.target.db;
  }

  originOf(key: string): string {
    return this.origins.get(key) ?? this.target.paths.root;
  }

  claim(key: string, from: string): void {
    if (!this.origins.has(key)) this.origins.set(key, from);
  }

  count(kind: string, what: 'added' | 'updated' | 'unchanged'): void {
    (this.counts[kind] ??= { added: 0, updated: 0, unchanged: 0 })[what]++;
  }

  /** Throws the conflict error when `a` and `b` differ in any of `fields`. */
  same(what: string, key: string, from: string, a: Row, b: Row, fields: readonly string[]): void {
    for (const f of fields) {
      if (!equalValues(a[f], b[f])) {
        throw new UserError(
          'conflict',
          `${what} differs between ${this.originOf(key)} and ${from} (${f}: ${show(a[f])} vs ${show(b[f])})`,
          'projects merged together must agree on every id they share; were they made by different configurations?',
        );
      }
    }
  }

  /**
   * Columns a job fills in as it goes (a clip's hypothesis, an utterance's
   * audio): an empty one takes the other's value, two values must agree.
   * Returns the columns the target lacks.
   */
  fill(
    what: string,
    key: string,
    from: string,
    target: Row,
    source: Row,
    fields: readonly string[],
  ): Row {
    const patch: Row = {};
    for (const f of fields) {
      if (source[f] === null || source[f] === undefined) continue;
      if (target[f] === null || target[f] === undefined) patch[f] = source[f];
      else this.same(what, key, from, target, source, [f]);
    }
    return patch;
  }
}

function equalValues(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  return JSON.stringify(a) === JSON.stringify(b);
}

function show(v: unknown): string {
  const s = typeof v === 'string' ? JSON.stringify(v) : String(JSON.stringify(v));
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

export function hasTable(db: Db, name: string): boolean {
  return (
    db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !==
    undefined
  );
}

/** An UPDATE of `patch`'s columns on the row(s) `where` names; nothing when the patch is empty. */
export function update(db: Db, table: string, patch: Row, where: Row): boolean {
  const cols = Object.keys(patch);
  if (cols.length === 0) return false;
  const conds = Object.keys(where);
  db.prepare(
    `UPDATE ${table} SET ${cols.map((c) => `${c} = @set_${c}`).join(', ')} WHERE ${conds
      .map((c) => `${c} = @where_${c}`)
      .join(' AND ')}`,
  ).run({
    ...Object.fromEntries(cols.map((c) => [`set_${c}`, patch[c]])),
    ...Object.fromEntries(conds.map((c) => [`where_${c}`, where[c]])),
  });
  return true;
}

export function insert(db: Db, table: string, row: Row): number {
  const cols = Object.keys(row);
  return Number(
    db
      .prepare(
        `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`,
      )
      .run(row).lastInsertRowid,
  );
}

export interface MergeSource {
  root: string;
  db: Db;
  /** Source audio row id → sha256, source utterance id → ext id. */
  audioSha: Map<number, string>;
  uttExt: Map<number, string>;
}

export function targetAudioId(db: Db, sha: string | null | undefined): number | null {
  if (sha === null || sha === undefined) return null;
  const r = db.prepare<[string], { id: number }>('SELECT id FROM audio WHERE sha256 = ?').get(sha);
  if (!r) throw new Error(`audio ${sha} was not merged before the rows that name it`);
  return r.id;
}

export function targetUttId(db: Db, ext: string): number {
  const r = db
    .prepare<[string], { id: number }>('SELECT id FROM utterances WHERE ext_id = ?')
    .get(ext);
  if (!r) throw new Error(`utterance ${ext} was not merged before the rows that name it`);
  return r.id;
}
