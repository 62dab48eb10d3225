import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../../native/contract/errors.js';
import { requestControl } from '../../../native/flywheel/control.js';
import type { OpenAsr } from '../../../native/flywheel/dynamic.js';
import {
  resumeFlywheel,
  runFlywheel,
  type FlywheelOptions,
} from '../../../native/flywheel/runner.js';
import { FlywheelStore } from '../../../native/flywheel/store.js';
import { EventBus } from '../../../native/server/events.js';
import { Project } from '../../../native/store/project.js';
import { fakeEngine } from '../../fixtures/flywheel/fake-asr.js';
import { tempDir } from '../../helpers/temp.js';
import { snapshot, tinyConfig } from './helpers.js';

const openAsr: OpenAsr = (id) => Promise.resolve(fakeEngine(id));
const opts = (extra: Partial<FlywheelOptions> = {}): FlywheelOptions => ({
  workers: 2,
  openAsr,
  ...extra,
});
const config = tinyConfig({ exports: [{ format: 'paper', split: 'test', kept_only: false }] });

let reference: unknown;
let referenceItems: number;

function counts(p: Project, jobId: number) {
  return p.db
    .prepare(
      "SELECT step, sum(state = 'done') AS done, count(*) AS n FROM job_items WHERE job_id = ? GROUP BY step ORDER BY step",
    )
    .all(jobId);
}

describe('a flywheel job', { timeout: 900_000 }, () => {
  let project: Project;
  beforeAll(async () => {
    project = Project.init(join(tempDir(), 'p'));
  });
  afterAll(() => project.close());

  it('runs to completion: clips, scores, filter decisions with reasons, a run per language, exports', async () => {
    const events = new EventBus();
    const seen: string[] = [];
    events.subscribe((e) => seen.push(e.kind === 'job' ? `job:${e.state}` : e.kind));
    const out = await runFlywheel(project, config, opts({ events }));
    expect(out.state).toBe('done');
    expect(seen).toContain('job:running');
    expect(seen.at(-1)).toBe('job:done');
    expect(seen).toContain('progress');
    const store = new FlywheelStore(project);
    const clips = store.clips(out.jobId);
    expect(clips.length).toBe(5);
    // Telugu has no ASR model: generated and synthesised, never transcribed.
    for (const c of clips.filter((c) => c.lang === 'te')) {
      expect(c.audio_id).not.toBeNull();
      expect(c.hypothesis).toBeNull();
    }
    const hiTrain = clips.filter((c) => c.lang === 'hi' && c.split === 'train');
    expect(hiTrain.length).toBeGreaterThan(0);
    for (const c of hiTrain) {
      expect(c.filter_decision).toBe('rejected');
      expect(c.filter_reason).toMatch(/CER|miss|partial/);
    }
    // The test split is never filtered.
    expect(clips.filter((c) => c.split === 'test').every((c) => c.filter_decision === null)).toBe(
      true,
    );
    const summary = out.rounds[0].languages.find((l) => l.lang === 'hi')!;
    expect(summary.runId).not.toBeNull();
    expect(summary.rejectionRate).toBe(1);
    expect(project.runs.list().map((r) => r.name)).toEqual(['tiny r1 hi test']);
    const exp = project.db
      .prepare("SELECT result_json FROM job_items WHERE step = 'export'")
      .get() as { result_json: string };
    expect(JSON.parse(exp.result_json)).toMatchObject({
      rows: clips.filter((c) => c.split === 'test').length,
    });
    // Every item completed exactly once.
    referenceItems = (
      project.db.prepare('SELECT count(*) AS n FROM job_items').get() as { n: number }
    ).n;
    expect(store.completions(out.jobId)).toBe(referenceItems);
    reference = snapshot(project);
  });

  it('is a no-op when run again, and refuses another configuration under the same name', async () => {
    const again = await runFlywheel(project, config, opts());
    expect(again.alreadyDone).toBe(true);
    expect(snapshot(project)).toEqual(reference);
    await expect(runFlywheel(project, tinyConfig({ seed: 9 }), opts())).rejects.toThrow(
      /already holds a flywheel job named "tiny" .* with another configuration/,
    );
  });
});

describe('a model that fails to load mid-job', { timeout: 900_000 }, () => {
  it('fails its step with a clear error, keeps what was done, and completes on resume', async () => {
    const p = Project.init(join(tempDir(), 'p'));
    try {
      const broken: OpenAsr = (id) =>
        Promise.reject(new Error(`${id}: onnx/model.onnx is truncated`));
      const err = await runFlywheel(p, config, opts({ openAsr: broken })).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(UserError);
      expect((err as Error).message).toMatch(
        /transcribe: the ASR model "fake-hi" for hi failed to load: fake-hi: onnx\/model.onnx is truncated/,
      );
      const job = p.jobs.get(1)!;
      expect(job.state).toBe('failed');
      expect(job.error).toMatch(/failed to load/);
      const done = Object.fromEntries(
        (counts(p, 1) as { step: string; done: number; n: number }[]).map((r) => [r.step, r.done]),
      );
      expect(done).toMatchObject({ generate: 5, synthesize: 5, augment: 5, transcribe: 0 });
      const out = await resumeFlywheel(p, null, opts());
      expect(out.state).toBe('done');
      expect(snapshot(p)).toEqual(reference);
    } finally {
      p.close();
    }
  });
});

/** Runs the job in a fresh project, asking it to `action` when `step` has finished `n` items. */
async function runUntil(p: Project, action: 'pause' | 'cancel', step: string, n: number) {
  return runFlywheel(
    p,
    config,
    opts({
      onProgress: (e) => {
        if (e.step === step && e.done === n) requestControl(p.paths.root, action);
      },
    }),
  );
}

describe('pause and cancel', { timeout: 900_000 }, () => {
  it('pauses between items and resumes to the same result', async () => {
    const p = Project.init(join(tempDir(), 'p'));
    try {
      const out = await runUntil(p, 'pause', 'synthesize', 2);
      expect(out.state).toBe('paused');
      expect(p.jobs.get(out.jobId)!.state).toBe('paused');
      const synth = new FlywheelStore(p).counts(out.jobId, 'synthesize');
      expect(synth.done).toBeGreaterThanOrEqual(2);
      expect(synth.done).toBeLessThan(5);
      const resumed = await resumeFlywheel(p, out.jobId, opts());
      expect(resumed.state).toBe('done');
      expect(snapshot(p)).toEqual(reference);
      expect(new FlywheelStore(p).completions(out.jobId)).toBe(referenceItems);
    } finally {
      p.close();
    }
  });

  it('cancels for good', async () => {
    const p = Project.init(join(tempDir(), 'p'));
    try {
      const out = await runUntil(p, 'cancel', 'generate', 3);
      expect(out.state).toBe('cancelled');
      await expect(resumeFlywheel(p, out.jobId, opts())).rejects.toThrow(
        /was cancelled; it does not resume/,
      );
    } finally {
      p.close();
    }
  });
});
