import { spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFlywheel } from '../../../native/flywheel/runner.js';
import { Project } from '../../../native/store/project.js';
import { fakeEngine } from '../../fixtures/flywheel/fake-asr.js';
import { tempDir } from '../../helpers/temp.js';
import { FAKE_ASR, snapshot, tinyConfig } from './helpers.js';

const bin = join(import.meta.dirname, '../../../native/cli/bin.ts');

function cli(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, ['--import', 'tsx', bin, ...args], {
    encoding: 'utf8',
    env: {
      ...process.env,
      FORCE_COLOR: '0',
      CHARKHA_FLYWHEEL_ASR_MODULE: FAKE_ASR,
      CHARKHA_KILL_AT: '',
      ...env,
    },
    timeout: 400_000,
  });
}

const config = tinyConfig({ exports: [{ format: 'paper', split: 'test', kept_only: false }] });

describe('a flywheel job killed with SIGKILL', () => {
  it('resumes after kills at five points to exactly what an uninterrupted run makes, no item completed twice', async () => {
    const refProject = Project.init(join(tempDir(), 'ref'));
    await runFlywheel(refProject, config, {
      workers: 2,
      openAsr: (id) => Promise.resolve(fakeEngine(id)),
    });
    const reference = snapshot(refProject);
    refProject.close();

    const dir = tempDir();
    const file = join(dir, 'job.json');
    writeFileSync(file, JSON.stringify(config));
    const project = join(dir, 'p');
    const kills = ['generate:2', 'synthesize:3', 'augment:5', 'transcribe:2', 'score:3'];
    kills.forEach((at, i) => {
      const args =
        i === 0 ? ['flywheel', 'run', file, '-p', project] : ['flywheel', 'resume', '-p', project];
      const r = cli(args, { CHARKHA_KILL_AT: at });
      expect(r.signal, `${at}: ${r.stderr}`).toBe('SIGKILL');
    });
    const last = cli(['flywheel', 'resume', '-p', project, '--json']);
    expect(last.status, last.stderr).toBe(0);
    expect(JSON.parse(last.stdout)).toMatchObject({ state: 'done', alreadyDone: false });

    const p = Project.open(project);
    try {
      expect(snapshot(p)).toEqual(reference);
      const items = p.db
        .prepare("SELECT count(*) AS n, sum(state = 'done') AS done FROM job_items")
        .get() as {
        n: number;
        done: number;
      };
      expect(items.done).toBe(items.n);
      // One completion per item: the completions table refuses a second one.
      const completions = p.db.prepare('SELECT count(*) AS n FROM flywheel_completions').get() as {
        n: number;
      };
      expect(completions.n).toBe(items.n);
      // Every stored audio file has its row, and every row its file.
      const files = readdirSync(p.paths.audio, { recursive: true, withFileTypes: true }).filter(
        (e) => e.isFile(),
      );
      expect(files.length).toBe(p.audio.count());
    } finally {
      p.close();
    }
    // Running the finished job again does nothing.
    const again = cli(['flywheel', 'run', file, '-p', project, '--json']);
    expect(JSON.parse(again.stdout)).toMatchObject({ state: 'done', alreadyDone: true });
  }, 1_800_000);
});
