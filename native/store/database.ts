import Database from 'better-sqlite3';
import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { UserError } from '../contract/errors.js';
import { loadMigrations, type Migration } from './migrations.js';

export type Db = Database.Database;

/** 'CHKA': marks a SQLite file as a Charkha project database. */
export const APPLICATION_ID = 0x43484b41;

interface HeaderInfo {
  userVersion: number;
  applicationId: number;
}

/**
 * Reads the schema version straight from the SQLite header (bytes 60 and 68)
 * so that a database from a newer Charkha can be refused before any
 * connection could touch it.
 */
export function readHeader(path: string): HeaderInfo | null {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(100);
    const n = readSync(fd, buf, 0, 100, 0);
    if (n === 0) return null;
    if (n < 100 || buf.toString('latin1', 0, 16) !== 'SQLite format 3\u0000') {
      throw new UserError('bad_input', `${path} is not a SQLite database`);
    }
    return { userVersion: buf.readUInt32BE(60), applicationId: buf.readUInt32BE(68) };
  } finally {
    closeSync(fd);
  }
}

export interface OpenOptions {
  readonly?: boolean;
  /** Create the file when it does not exist. */
  create?: boolean;
  migrations?: Migration[];
}

export function openDatabase(path: string, opts: OpenOptions = {}): Db {
  const migrations = opts.migrations ?? loadMigrations();
  const latest = migrations.length;
  if (existsSync(path)) {
    const header = readHeader(path);
    if (header) checkHeader(path, header, latest);
  } else if (!opts.create) {
    throw new UserError(
      'not_found',
      `no project database at ${path}`,
      'create one with `charkha project init DIR`',
    );
  }
  const db = new Database(path, { readonly: opts.readonly ?? false, fileMustExist: !opts.create });
  try {
    if (!opts.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
    }
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    if (!opts.readonly) migrate(db, path, migrations);
    else {
      const v = db.pragma('user_version', { simple: true }) as number;
      if (v < latest) {
        throw new UserError(
          'unsupported',
          `${path} has schema ${v}; open it for writing once to upgrade it to ${latest}`,
        );
      }
    }
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

function checkHeader(path: string, header: HeaderInfo, latest: number): void {
  if (header.applicationId !== 0 && header.applicationId !== APPLICATION_ID) {
    throw new UserError('bad_input', `${path} is a SQLite database but not a Charkha project`);
  }
  if (header.userVersion > latest) {
    throw new UserError(
      'newer_schema',
      `${path} was written by a newer Charkha (schema ${header.userVersion}; this Charkha knows up to ${latest}); it was not modified`,
      'open it with the newer Charkha, or upgrade this one',
    );
  }
}

/** Runs each pending numbered migration in its own transaction. */
export function migrate(db: Db, path: string, migrations: Migration[]): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > migrations.length) {
    throw new UserError(
      'newer_schema',
      `${path} was written by a newer Charkha (schema ${current}); it was not modified`,
    );
  }
  for (const m of migrations.slice(current)) {
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
      if (m.version === 1) db.pragma(`application_id = ${APPLICATION_ID}`);
    }).immediate();
  }
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}
