import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../../native/contract/errors.js';
import { openDatabase, APPLICATION_ID } from '../../../native/store/database.js';
import { latestSchemaVersion, loadMigrations } from '../../../native/store/migrations.js';
import { Project } from '../../../native/store/project.js';
import { tempDir } from '../../helpers/temp.js';

const fixture = (name: string) => join(import.meta.dirname, '../../fixtures/db', name);
const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

describe('migrations', () => {
  it('are numbered 1..n without gaps', () => {
    const ms = loadMigrations();
    expect(ms.length).toBeGreaterThanOrEqual(2);
    ms.forEach((m, i) => expect(m.version).toBe(i + 1));
  });

  it('migrate an empty database to the latest version', () => {
    const dir = tempDir();
    const db = openDatabase(join(dir, 'x.db'), { create: true });
    expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion());
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
      .all()
      .map((r) => (r as { name: string }).name);
    for (const t of [
      'audio',
      'utterances',
      'entity_spans',
      'tiers',
      'segments',
      'jobs',
      'job_items',
      'models',
      'eval_runs',
      'hypotheses',
      'utterance_scores',
      'entity_outcomes',
    ]) {
      expect(tables).toContain(t);
    }
    db.close();
  });

  it('upgrade a schema-1 project and keep its data', () => {
    const dir = tempDir();
    copyFileSync(fixture('schema-v1.db'), join(dir, 'charkha.db'));
    const p = Project.open(dir);
    const info = p.info();
    expect(info.schemaVersion).toBe(latestSchemaVersion());
    expect(info.counts.utterances).toBe(1);
    const u = p.utterances.getByExtId('v1-row')!;
    expect(u.entities[0].surface).toBe('Paytm');
    expect(p.db.pragma('integrity_check', { simple: true })).toBe('ok');
    p.close();
  });

  it('refuse a database from a newer Charkha without modifying it', () => {
    const dir = tempDir();
    const path = join(dir, 'charkha.db');
    const db = new Database(path);
    db.pragma('journal_mode = DELETE');
    db.exec('CREATE TABLE t (x)');
    db.pragma(`user_version = ${latestSchemaVersion() + 5}`);
    db.close();
    const before = sha(path);
    let err: unknown;
    try {
      Project.open(dir);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).code).toBe('newer_schema');
    expect((err as Error).message).toMatch(/newer Charkha/);
    expect(sha(path)).toBe(before);
  });

  it('refuse a SQLite file that is not a Charkha project', () => {
    const dir = tempDir();
    const path = join(dir, 'charkha.db');
    const db = new Database(path);
    db.pragma('application_id = 1234');
    db.exec('CREATE TABLE t (x)');
    db.close();
    expect(() => Project.open(dir)).toThrow(/not a Charkha project/);
  });

  it('refuse a file that is not SQLite at all', () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'charkha.db'),
      'hello, this is not a database at all, not even close to one.........................................',
    );
    expect(() => Project.open(dir)).toThrow(/not a SQLite database/);
  });
});
