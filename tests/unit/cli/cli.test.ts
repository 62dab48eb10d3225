import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../../native/cli/main.js';
import { charkha } from '../../helpers/cli.js';
import { tempDir } from '../../helpers/temp.js';

const fixtures = join(import.meta.dirname, '../../fixtures');

describe('the charkha CLI', () => {
  it('lists its commands, and every command has --help', () => {
    const top = charkha(['--help']);
    expect(top.code).toBe(0);
    for (const c of ['project', 'import', 'export', 'serve', 'score'])
      expect(top.stdout).toContain(c);
    // Every leaf command, walked in-process (spawning one process per command is slow).
    const leaves: Command[] = [];
    const walk = (c: Command) => (c.commands.length ? c.commands.forEach(walk) : leaves.push(c));
    walk(buildProgram());
    expect(leaves.length).toBeGreaterThanOrEqual(8);
    for (const leaf of leaves) {
      const help = leaf.helpInformation();
      expect(help, leaf.name()).toMatch(/^Usage: charkha /);
      expect(leaf.description().length, leaf.name()).toBeGreaterThan(10);
    }
    const sub = charkha(['import', 'corpus', '--help']);
    expect(sub.code).toBe(0);
    expect(sub.stdout).toMatch(/--audio-root/);
  });

  it('init, import, info --json, export: a whole session with exit codes', () => {
    const dir = tempDir();
    const p = join(dir, 'proj');
    expect(charkha(['project', 'init', p]).code).toBe(0);
    const imp = charkha([
      'import',
      'corpus',
      '-p',
      p,
      join(fixtures, 'corpus/sample.jsonl'),
      '--json',
    ]);
    expect(imp.code).toBe(0);
    expect(JSON.parse(imp.stdout).imported).toBe(7);
    const info = charkha(['project', 'info', '--project', p, '--json']);
    expect(info.code).toBe(0);
    const parsed = JSON.parse(info.stdout) as {
      schemaVersion: number;
      counts: Record<string, number>;
      sizeBytes: number;
    };
    expect(parsed.counts).toMatchObject({
      utterances: 7,
      entities: 17,
      audio: 0,
      runs: 0,
      jobs: 0,
    });
    expect(parsed.sizeBytes).toBeGreaterThan(0);
    const out = join(dir, 'out.jsonl');
    expect(charkha(['export', 'corpus', '-p', p, '--format', 'jsonl', out]).code).toBe(0);
    const backup = charkha(['project', 'backup', '-p', p, join(dir, 'copy'), '--json']);
    expect(backup.code).toBe(0);
  });

  it('exits 1 with a one-line reason on user errors', () => {
    const dir = tempDir();
    const missing = charkha(['project', 'info', '-p', join(dir, 'nope')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^charkha: .*is not a Charkha project/);
    expect(charkha(['frobnicate']).code).toBe(1);
    expect(charkha(['project', 'info']).code).toBe(1); // --project is mandatory
    // Resuming needs a project that is there: none is made for it.
    const resume = charkha(['flywheel', 'resume', '-p', join(dir, 'no-job')]);
    expect(resume.code).toBe(1);
    expect(resume.stderr).toMatch(/^charkha: .*no-job is not a Charkha project/);
    expect(existsSync(join(dir, 'no-job'))).toBe(false);

    const p = join(dir, 'proj');
    charkha(['project', 'init', p]);
    const db = new Database(join(p, 'charkha.db'));
    db.pragma('user_version = 99');
    db.close();
    const newer = charkha(['project', 'info', '-p', p, '--json']);
    expect(newer.code).toBe(1);
    expect(JSON.parse(newer.stdout).error.code).toBe('newer_schema');
    expect(newer.stderr).toMatch(/newer Charkha/);
  });

  it('import corpus reports bad rows with line numbers and exits 1', () => {
    const dir = tempDir();
    const p = join(dir, 'proj');
    charkha(['project', 'init', p]);
    const r = charkha(['import', 'corpus', '-p', p, join(fixtures, 'corpus/bad-rows.jsonl')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/bad-rows\.jsonl:2 \(bad_offsets\): entity_tokens\[0\]/);
  });

  it('exits 2 on an internal error and says it is a bug', () => {
    const dir = tempDir();
    const p = join(dir, 'proj');
    charkha(['project', 'init', p]);
    // A database whose tables were removed behind Charkha's back: not the user's input, a broken store.
    const db = new Database(join(p, 'charkha.db'));
    db.exec('DROP TABLE entity_spans');
    db.close();
    const r = charkha(['project', 'info', '-p', p]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/internal error/);
    expect(r.stderr).toMatch(/CHARKHA_DEBUG=1/);
  });
});
