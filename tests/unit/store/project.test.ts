import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { Project } from '../../../native/store/project.js';
import { tempDir } from '../../helpers/temp.js';

describe('project store', () => {
  it('init creates charkha.db and audio/, and refuses to init twice', () => {
    const dir = join(tempDir(), 'p');
    const p = Project.init(dir);
    p.close();
    expect(existsSync(join(dir, 'charkha.db'))).toBe(true);
    expect(existsSync(join(dir, 'audio'))).toBe(true);
    expect(() => Project.init(dir)).toThrow(/already holds a Charkha project/);
  });

  it('a second writer is kept out with a clear message, and the lock is released on close', () => {
    const dir = join(tempDir(), 'p');
    const p = Project.init(dir);
    expect(() => Project.open(dir)).toThrow(/open for writing by process/);
    // Readers are welcome while a writer holds the project.
    const reader = Project.open(dir, { readonly: true });
    expect(reader.info().counts.utterances).toBe(0);
    reader.close();
    p.close();
    const again = Project.open(dir);
    again.close();
  });

  it('close checkpoints the WAL', () => {
    const dir = join(tempDir(), 'p');
    const p = Project.init(dir);
    p.db.transaction(() => {
      for (let i = 0; i < 200; i++) {
        p.utterances.insert({
          extId: `u${i}`,
          lang: 'hi',
          text: 'नमस्ते',
          spoken: null,
          entityClass: null,
          split: 'none',
          source: null,
          system: null,
          audioId: null,
          rawJson: null,
          spans: [],
        });
      }
    })();
    p.close();
    const wal = join(dir, 'charkha.db-wal');
    // Checkpointed: the WAL is gone or empty, so the folder can be copied as is.
    expect(existsSync(wal) ? statSync(wal).size : 0).toBe(0);
    const db = new Database(join(dir, 'charkha.db'), { readonly: true });
    expect((db.prepare('SELECT count(*) AS n FROM utterances').get() as { n: number }).n).toBe(200);
    db.close();
  });

  it('backup makes a consistent copy while the project is open', () => {
    const root = tempDir();
    const p = Project.init(join(root, 'p'));
    p.utterances.insert({
      extId: 'a',
      lang: 'te',
      text: 'నమస్కారం',
      spoken: null,
      entityClass: null,
      split: 'none',
      source: null,
      system: null,
      audioId: null,
      rawJson: null,
      spans: [],
    });
    const r = p.backup(join(root, 'copy'));
    p.close();
    const copy = Project.open(r.path, { readonly: true });
    expect(copy.info().counts.utterances).toBe(1);
    expect(copy.db.pragma('integrity_check', { simple: true })).toBe('ok');
    copy.close();
    const p2 = Project.open(join(root, 'p'));
    expect(() => p2.backup(join(root, 'copy'))).toThrow(/already holds/);
    p2.close();
  });
});
