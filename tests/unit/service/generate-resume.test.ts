import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFlywheelConfig } from '../../../native/flywheel/config.js';
import { runFlywheel } from '../../../native/flywheel/runner.js';
import { Project } from '../../../native/store/project.js';
import { fakeEngine } from '../../fixtures/flywheel/fake-asr.js';
import { tempDir } from '../../helpers/temp.js';
import { FAKE_ASR, snapshot } from '../flywheel/helpers.js';

const bin = join(import.meta.dirname, '../../../native/cli/bin.ts');

/** The configuration as the Generate screen sends it: a plain object, checked by the engine. */
const RAW = {
  name: 'reopen',
  seed: 7,
  languages: [{ lang: 'hi', count: 5, asr_model: 'fake-hi' }],
  classes: ['digits', 'dates_times'],
  tts: { train_voices: [{ variant: 'm2' }], test_voices: [{ variant: 'f1' }] },
};

interface Engine {
  proc: ChildProcessWithoutNullStreams;
  call: (method: string, body: unknown) => Promise<{ ok: boolean; result?: unknown }>;
  exited: Promise<NodeJS.Signals | number | null>;
}

/** `charkha serve` in a child process, as the desktop app and browser mode start the engine. */
async function serve(project: string, env: Record<string, string>): Promise<Engine> {
  const proc = spawn(process.execPath, ['--import', 'tsx', bin, 'serve', '-p', project, '--json'], {
    env: { ...process.env, FORCE_COLOR: '0', CHARKHA_FLYWHEEL_ASR_MODULE: FAKE_ASR, ...env },
  });
  let stderr = '';
  proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<NodeJS.Signals | number | null>((done) =>
    proc.on('exit', (code, signal) => done(signal ?? code)),
  );
  const info = await new Promise<{ origin: string; token: string }>((ok, fail) => {
    let out = '';
    proc.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.trim().startsWith('{'));
      if (line) ok(JSON.parse(line) as { origin: string; token: string });
    });
    void exited.then((why) => fail(new Error(`serve exited (${String(why)}): ${stderr}`)));
  });
  const call = async (method: string, body: unknown) => {
    const r = await fetch(`${info.origin}/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${info.token}` },
      body: JSON.stringify(body),
    });
    return (await r.json()) as { ok: boolean; result?: unknown };
  };
  return { proc, call, exited };
}

describe('a Generate job whose engine is killed mid-job', () => {
  it('resumes by itself when the project is served again and ends as an uninterrupted run does', async () => {
    const config = parseFlywheelConfig(RAW, 'test');
    const ref = Project.init(join(tempDir(), 'ref'));
    await runFlywheel(ref, config, {
      workers: 2,
      openAsr: (id) => Promise.resolve(fakeEngine(id)),
    });
    const reference = snapshot(ref);
    ref.close();

    const project = join(tempDir(), 'p');
    Project.init(project).close();

    // The engine kills itself (SIGKILL, as when the app is closed hard) after 3 clips are synthesised.
    const first = await serve(project, { CHARKHA_KILL_AT: 'synthesize:3' });
    // The answer may or may not arrive before the kill: the job row is written first either way.
    await first.call('generate.run', { config: RAW }).catch(() => null);
    expect(await first.exited).toBe('SIGKILL');

    const midway = Project.open(project, { readonly: true });
    const left = midway.db
      .prepare(
        "SELECT state, (SELECT count(*) FROM job_items WHERE state != 'done') AS open FROM jobs",
      )
      .get() as { state: string; open: number };
    midway.close();
    expect(left.state).toBe('running');
    expect(left.open).toBeGreaterThan(0);

    // Reopened: no call but status, which a page makes when it loads.
    const second = await serve(project, { CHARKHA_KILL_AT: '' });
    try {
      let state = '';
      for (let i = 0; i < 1200 && state !== 'done'; i++) {
        const r = await second.call('generate.status', {});
        expect(r.ok).toBe(true);
        const job = (r.result as { job: { state: string } | null }).job;
        state = job?.state ?? '';
        expect(['running', 'done']).toContain(state);
        if (state !== 'done') await new Promise((w) => setTimeout(w, 250));
      }
      expect(state).toBe('done');
    } finally {
      second.proc.kill('SIGTERM');
      await second.exited;
    }

    const p = Project.open(project);
    try {
      expect(snapshot(p)).toEqual(reference);
      const items = p.db
        .prepare("SELECT count(*) AS n, sum(state = 'done') AS done FROM job_items")
        .get() as { n: number; done: number };
      expect(items.done).toBe(items.n);
      const completions = p.db.prepare('SELECT count(*) AS n FROM flywheel_completions').get() as {
        n: number;
      };
      expect(completions.n).toBe(items.n);
    } finally {
      p.close();
    }
  }, 600_000);
});
