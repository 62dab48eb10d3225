import { cpSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UserError } from '../contract/errors.js';
import type { ProjectInfo } from '../contract/project.js';
import { AnnotationRepo } from './annotation-repo.js';
import { AudioRepo } from './audio-repo.js';
import { openDatabase, schemaVersion, type Db } from './database.js';
import { JobRepo } from './job-repo.js';
import { latestSchemaVersion } from './migrations.js';
import { ProjectLock } from './lock.js';
import { RunRepo } from './run-repo.js';
import { UtteranceRepo } from './utterance-repo.js';

export const DB_FILE = 'charkha.db';
export const LOCK_FILE = 'charkha.lock';

export interface ProjectPaths {
  root: string;
  db: string;
  audio: string;
  cache: string;
  lock: string;
}

export function projectPaths(dir: string): ProjectPaths {
  const root = resolve(dir);
  return {
    root,
    db: join(root, DB_FILE),
    audio: join(root, 'audio'),
    cache: join(root, 'cache'),
    lock: join(root, LOCK_FILE),
  };
}

/**
 * An open Charkha project: its database, its content-addressed audio folder
 * and, when opened for writing, the lock that keeps a second writer out.
 */
export class Project {
  readonly audio: AudioRepo;
  readonly utterances: UtteranceRepo;
  readonly jobs: JobRepo;
  readonly runs: RunRepo;
  readonly annotations: AnnotationRepo;
  private closed = false;

  private constructor(
    readonly paths: ProjectPaths,
    readonly db: Db,
    readonly readonly: boolean,
    private readonly lock: ProjectLock | null,
  ) {
    this.audio = new AudioRepo(db);
    this.utterances = new UtteranceRepo(db);
    this.jobs = new JobRepo(db);
    this.runs = new RunRepo(db);
    this.annotations = new AnnotationRepo(db);
  }

  /** Creates a new project folder; refuses a folder that already holds one. */
  static init(dir: string): Project {
    const paths = projectPaths(dir);
    if (existsSync(paths.db)) {
      throw new UserError('conflict', `${paths.root} already holds a Charkha project`);
    }
    if (existsSync(paths.root) && !statSync(paths.root).isDirectory()) {
      throw new UserError('bad_input', `${paths.root} exists and is not a folder`);
    }
    mkdirSync(paths.audio, { recursive: true });
    mkdirSync(paths.cache, { recursive: true });
    const lock = ProjectLock.acquire(paths.lock);
    try {
      const db = openDatabase(paths.db, { create: true });
      db.prepare("INSERT INTO meta (key, value) VALUES ('created_at', ?)").run(
        new Date().toISOString(),
      );
      return new Project(paths, db, false, lock);
    } catch (e) {
      lock.release();
      throw e;
    }
  }

  static open(dir: string, opts: { readonly?: boolean } = {}): Project {
    const paths = projectPaths(dir);
    if (!existsSync(paths.db)) {
      throw new UserError(
        'not_found',
        `${paths.root} is not a Charkha project (no ${DB_FILE})`,
        'create one with `charkha project init DIR`',
      );
    }
    const ro = opts.readonly ?? false;
    const lock = ro ? null : ProjectLock.acquire(paths.lock);
    try {
      const db = openDatabase(paths.db, { readonly: ro });
      if (!ro) {
        mkdirSync(paths.audio, { recursive: true });
        mkdirSync(paths.cache, { recursive: true });
      }
      return new Project(paths, db, ro, lock);
    } catch (e) {
      lock?.release();
      throw e;
    }
  }

  requireWritable(what: string): void {
    if (this.readonly) throw new Error(`${what} needs the project opened for writing`);
  }

  info(): ProjectInfo {
    const count = (table: string) =>
      (this.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    const created = this.db.prepare("SELECT value FROM meta WHERE key = 'created_at'").get() as
      { value: string } | undefined;
    const databaseBytes = ['', '-wal', '-shm'].reduce(
      (sum, suffix) => sum + fileSize(this.paths.db + suffix),
      0,
    );
    const audioBytes = folderSize(this.paths.audio) + folderSize(this.paths.cache);
    return {
      path: this.paths.root,
      schemaVersion: schemaVersion(this.db),
      charkhaSchemaVersion: latestSchemaVersion(),
      counts: {
        audio: count('audio'),
        utterances: count('utterances'),
        entities: count('entity_spans'),
        runs: count('eval_runs'),
        jobs: count('jobs'),
      },
      sizeBytes: databaseBytes + audioBytes,
      audioBytes,
      databaseBytes,
      createdAt: created?.value ?? null,
    };
  }

  /**
   * A consistent copy of the open project: the database through VACUUM INTO
   * (a snapshot even while this process writes) plus the immutable audio.
   */
  backup(outDir: string): { path: string } {
    const out = projectPaths(outDir);
    if (existsSync(out.db))
      throw new UserError('conflict', `${out.root} already holds a Charkha project`);
    mkdirSync(out.root, { recursive: true });
    this.db.prepare('VACUUM INTO ?').run(out.db);
    // Audio files are immutable once written, so a plain copy is consistent.
    if (existsSync(this.paths.audio)) cpSync(this.paths.audio, out.audio, { recursive: true });
    else mkdirSync(out.audio, { recursive: true });
    return { path: out.root };
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      if (!this.readonly) this.db.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      this.db.close();
      this.lock?.release();
    }
  }
}

function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

function folderSize(dir: string): number {
  if (!existsSync(dir)) return 0;
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += fileSize(join(entry.parentPath, entry.name));
  }
  return total;
}
