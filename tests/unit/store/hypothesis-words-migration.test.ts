import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../native/store/database.js';
import { loadMigrations } from '../../../native/store/migrations.js';
import { tempDir } from '../../helpers/temp.js';

describe('migration 6 (hypothesis word times, the reference form of a run)', () => {
  it('marks the runs the flywheel scored on its own clips as spoken-form runs, and others as written', () => {
    const path = join(tempDir(), 'charkha.db');
    const db = new Database(path);
    const all = loadMigrations();
    migrate(db, path, all.slice(0, 5));
    const now = new Date().toISOString();
    const utt = db.prepare(
      "INSERT INTO utterances (ext_id, lang, text, created_at) VALUES (?, 'hi', 'एक', ?)",
    );
    const clip = Number(utt.run('fw-1', now).lastInsertRowid);
    const plain = Number(utt.run('plain-1', now).lastInsertRowid);
    const job = db
      .prepare(
        "INSERT INTO jobs (kind, state, config_json, created_at, updated_at) VALUES ('flywheel', 'done', '{}', ?, ?)",
      )
      .run(now, now).lastInsertRowid;
    db.prepare(
      "INSERT INTO flywheel_clips (job_id, utterance_id, round, item_index, lang, split, system) VALUES (?, ?, 1, 0, 'hi', 'test', 'espeak')",
    ).run(job, clip);
    const run = db.prepare(
      "INSERT INTO eval_runs (name, model, metric_version, profile, report_json, created_at) VALUES (?, 'm', 'v', 'standard', '{}', ?)",
    );
    const hyp = db.prepare(
      "INSERT INTO hypotheses (run_id, utterance_id, text) VALUES (?, ?, 'एक')",
    );
    const fw = run.run('flywheel run', now).lastInsertRowid;
    hyp.run(fw, clip);
    const other = run.run('imported run', now).lastInsertRowid;
    hyp.run(other, plain);

    migrate(db, path, all);
    const runs = db.prepare('SELECT name, reference FROM eval_runs ORDER BY id').all();
    expect(runs).toEqual([
      { name: 'flywheel run', reference: 'spoken' },
      { name: 'imported run', reference: 'text' },
    ]);
    expect(db.prepare('SELECT words_json FROM hypotheses').all()).toEqual([
      { words_json: null },
      { words_json: null },
    ]);
    db.close();
  });
});
